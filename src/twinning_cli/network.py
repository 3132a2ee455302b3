"""The network of partners as a file: territories as nodes, agreements as edges.

The formats are those networkx and pydot write (node-link JSON, GraphML, DOT), and Mermaid, which
they do not. They are written here as SQL gives the rows, a block at a time, edges in agreement
order: at 20,000 agreements networkx built the whole graph before writing it (1.6 s and 160 MB for
the JSON, 4 s and 230 MB for GraphML). tests/test_network.py reads every format back with networkx
or pydot and compares the graph with the one networkx builds from the same rows. The terminal's
trees are tree.py's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .hygiene import xml_safe
from .render import blocks, terminal_safe, writer
from .vocabulary import label

BLOCK = 512  # nodes or edges written at a time
# Each edge's attributes, as networkx's MultiGraph holds them (year only when known).
EDGE = ("agreement", "title", "kind", "status", "domains", "year")


def nodes_of(rows: list[tuple]) -> list[tuple[str, dict]]:
    """Each territory (queries.graph_edges) as its node id and attributes, None left out."""
    return [(f"t{tid}", {k: v for k, v in (("name", name), ("kind", kind), ("country", country),
                                           ("subdivision", subdivision), ("lat", lat), ("lng", lng)) if v is not None})
            for tid, name, kind, country, subdivision, lat, lng in rows]


def _edge(row: tuple) -> dict:
    """An edge row (queries.graph_edges) as its attributes."""
    _, _, slug, title, kind, status, year, domains = row
    attrs = {"agreement": slug, "title": title, "kind": kind, "status": status, "domains": domains or ""}
    if year is not None:
        attrs["year"] = year
    return attrs


def write(rows: list[tuple], edges: Iterable[tuple], dated: int, fmt: str) -> None:
    """The graph of these territories and edges in `fmt` (queries.graph_edges: `dated` 2 when an
    edge has a year, 1 when none has, 0 with no edge)."""
    out = writer()
    nodes = nodes_of(rows)
    if fmt == "json":
        chunks = _json(nodes, edges)
    elif fmt == "graphml":
        chunks = _graphml(nodes, edges, dated)
    else:
        chunks = (_dot if fmt == "dot" else _mermaid)(nodes, edges)
    for chunk in chunks:
        out(chunk)


def _indented(items: list[dict]) -> str:
    """Flat objects as json.dumps(indent=2, ensure_ascii=False) writes them as items of a list
    inside an object, comma-separated: json's C encoder with the indented separators, the list's
    own separators put right (a JSON string never holds a raw line break)."""
    text = json.dumps(items, ensure_ascii=False, separators=(",\n      ", ": "))
    return "\n    {\n      " + text[2:-2].replace("},\n      {", "\n    },\n    {\n      ") + "\n    }"


def _json(nodes: list[tuple[str, dict]], edges: Iterable[tuple]) -> Iterator[str]:
    """networkx's node_link_data(graph, edges="links"), as json.dumps(indent=2) writes it."""
    yield '{\n  "directed": false,\n  "multigraph": true,\n  "graph": {},\n  "nodes": ['
    for i, block in enumerate(blocks(nodes, BLOCK)):
        yield ("," if i else "") + _indented([{**attrs, "id": node} for node, attrs in block])
    yield '\n  ],\n  "links": [' if nodes else '],\n  "links": ['
    any_edge = False
    for i, block in enumerate(blocks(edges, BLOCK)):
        any_edge = True
        yield ("," if i else "") + _indented([{**_edge(row), "source": f"t{row[0]}", "target": f"t{row[1]}",
                                               "key": row[2]} for row in block])
    yield "\n  ]\n}\n" if any_edge else "]\n}\n"


def _escaped(text: str, attribute: bool = False) -> str:
    """Text as networkx's GraphML writes it (ElementTree in US-ASCII): markup escaped, every
    other character a numeric reference; what XML 1.0 cannot hold made visible (hygiene)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
    return xml_safe(text if text.isascii() else text.encode("ascii", "xmlcharrefreplace").decode("ascii"))


_TYPES = {str: "string", float: "double", int: "long", bool: "boolean"}


def _graphml(nodes: list[tuple[str, dict]], edges: Iterable[tuple], dated: int) -> Iterator[str]:
    """GraphML as networkx's generate_graphml writes it: keys numbered as first met (nodes, then
    edges) and listed last first, two spaces a level; the edges written as they are read."""
    keys: dict[tuple, str] = {}
    for _, attrs in nodes:
        for name, value in attrs.items():
            keys.setdefault((name, _TYPES[type(value)], "node"), f"d{len(keys)}")
    for name in EDGE if dated else ():
        if name != "year" or dated == 2:
            keys[(name, "long" if name == "year" else "string", "edge")] = f"d{len(keys)}"
    yield ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-'
           'instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/'
           'xmlns/1.0/graphml.xsd">\n')
    yield "".join(f'  <key id="{ident}" for="{scope}" attr.name="{name}" attr.type="{kind}" />\n'
                  for (name, kind, scope), ident in reversed(keys.items()))
    if not nodes:
        yield '  <graph edgedefault="undirected" />\n</graphml>\n'
        return

    def elements(items: list[tuple[str, str, dict]], scope: str) -> str:
        """(tag, its attributes' markup, its data) as GraphML elements; the block's texts escaped
        at once, a line each (no name, title or domain holds a line break)."""
        texts = [str(value) for _, _, attrs in items for value in attrs.values()]
        escaped = _escaped("\n".join(texts)).split("\n")
        if len(escaped) != len(texts):
            escaped = [_escaped(text) for text in texts]
        out, at = [], 0
        for tag, opening, attrs in items:
            if not attrs:
                out.append(f"    <{tag} {opening} />\n")
                continue
            out.append(f"    <{tag} {opening}>\n")
            for name, value in attrs.items():
                key, text = keys[name, _TYPES[type(value)], scope], escaped[at]
                at += 1
                out.append(f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n')
            out.append(f"    </{tag}>\n")
        return "".join(out)

    yield '  <graph edgedefault="undirected">\n'
    for block in blocks(nodes, BLOCK):
        yield elements([("node", f'id="{node}"', attrs) for node, attrs in block], "node")
    for block in blocks(edges, BLOCK):
        yield elements([("edge", f'source="t{row[0]}" target="t{row[1]}" id="{_escaped(row[2], True)}"', _edge(row))
                        for row in block], "edge")
    yield "  </graph>\n</graphml>\n"


def _dot(nodes: list[tuple[str, dict]], edges: Iterable[tuple]) -> Iterator[str]:
    """DOT as pydot writes it, with names as labels and agreements on the edges."""
    yield "graph twinning {\noverlap=false;\nsplines=true;\nfontname=Helvetica;\n"
    for block in blocks(nodes, BLOCK):
        yield "".join(f"{node} [label={_quote(attrs['name'] + chr(10) + attrs.get('country', ''))}, shape=box, "
                      "style=rounded];\n" for node, attrs in block)
    for block in blocks(edges, BLOCK):
        lines = []
        for source, target, slug, _, kind, status, year, _ in block:
            text = f"{slug}\n{label('kind', kind)}{'' if year is None else f', {year}'}"
            lines.append(f"t{source} -- t{target} [label={_quote(text)}, "
                         f"style={'solid' if status == 'signed' else 'dashed'}];\n")
        yield "".join(lines)
    yield "}\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _mermaid(nodes: list[tuple[str, dict]], edges: Iterable[tuple]) -> Iterator[str]:
    """A Mermaid flowchart: one box per territory, one link per agreement."""
    def text(value: object) -> str:
        return terminal_safe(value).replace('"', "#quot;").replace("\n", " ")

    yield "graph LR\n"
    for block in blocks(nodes, BLOCK):
        yield "".join(f'    {node}["{text(attrs["name"])} ({text(attrs.get("country", ""))})"]\n'
                      for node, attrs in block)
    for block in blocks(edges, BLOCK):
        yield "".join(f'    t{source} {"---" if status == "signed" else "-.-"}|"{text(slug)}: {text(kind)}"| '
                      f't{target}\n' for source, target, slug, _, kind, status, _, _ in block)
