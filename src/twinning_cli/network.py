"""The network of partners as a file: territories as nodes, agreements as edges (networkx).

Graph formats come from networkx and pydot (DOT, GraphML, node-link JSON);
Mermaid, which they do not write, is the one drawn here. The terminal's trees are
tree.py's, which needs no graph library.
"""

from __future__ import annotations

import json
import networkx as nx

from .hygiene import xml_safe
from .render import terminal_safe, writer
from .vocabulary import label


def build(nodes: list[tuple], links: list[tuple]) -> nx.MultiGraph:
    """One node per territory, one edge per agreement and pair of its parties."""
    graph = nx.MultiGraph()
    for tid, name, kind, country, subdivision, lat, lng in nodes:
        attrs = {"name": name, "kind": kind, "country": country, "subdivision": subdivision,
                 "lat": lat, "lng": lng}
        graph.add_node(f"t{tid}", **{k: v for k, v in attrs.items() if v is not None})
    by_agreement: dict[str, list] = {}
    for slug, title, kind, status, year, domains, tid in links:
        by_agreement.setdefault(slug, [(title, kind, status, year, domains)]).append(f"t{tid}")
    for slug, ((title, kind, status, year, domains), *parties) in by_agreement.items():
        attrs = {"agreement": slug, "title": title, "kind": kind, "status": status, "domains": domains or ""}
        if year is not None:
            attrs["year"] = year
        for i, first in enumerate(parties):
            for second in parties[i + 1:]:
                graph.add_edge(first, second, key=slug, **attrs)
    return graph


def write(graph: nx.MultiGraph, fmt: str) -> None:
    out = writer()
    if fmt == "json":
        out(json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "graphml":
        out(xml_safe("\n".join(nx.generate_graphml(graph))) + "\n")
    elif fmt == "dot":
        out(_pydot(graph).to_string())
    elif fmt == "mermaid":
        out(mermaid(graph))


def _pydot(graph: nx.MultiGraph):
    """DOT through pydot, with names as labels and agreements on the edges."""
    import pydot

    dot = pydot.Dot("twinning", graph_type="graph", overlap="false", splines="true", fontname="Helvetica")
    for node, data in graph.nodes(data=True):
        dot.add_node(pydot.Node(node, label=_quote(f"{data['name']}\n{data.get('country', '')}"),
                                shape="box", style="rounded"))
    for a, b, data in graph.edges(data=True):
        text = f"{data['agreement']}\n{label('kind', data['kind'])}, {data.get('year', '')}"
        dot.add_edge(pydot.Edge(a, b, label=_quote(text), style="solid" if data["status"] == "signed" else "dashed"))
    return dot


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def mermaid(graph: nx.MultiGraph) -> str:
    """A Mermaid flowchart: one box per territory, one link per agreement."""
    def text(value: object) -> str:
        return terminal_safe(value).replace('"', "#quot;").replace("\n", " ")

    lines = ["graph LR"]
    for node, data in graph.nodes(data=True):
        lines.append(f'    {node}["{text(data["name"])} ({text(data.get("country", ""))})"]')
    for a, b, data in graph.edges(data=True):
        arrow = "---" if data["status"] == "signed" else "-.-"
        lines.append(f'    {a} {arrow}|"{text(data["agreement"])}: {text(data["kind"])}"| {b}')
    return "\n".join(lines) + "\n"


