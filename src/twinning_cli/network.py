"""The network of partners: territories as nodes, agreements as edges (networkx).

Graph formats come from networkx and pydot (DOT, GraphML, node-link JSON);
Mermaid, which they do not write, is the one drawn here.
"""

from __future__ import annotations

import json
from collections import deque

import networkx as nx

from .hygiene import xml_safe
from .render import console, terminal_safe, writer
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


def around(graph: nx.MultiGraph, node: str, depth: int) -> nx.MultiGraph:
    """Territories within `depth` agreements of `node`, in the graph's own (stable) order."""
    keep = nx.single_source_shortest_path_length(graph, node, cutoff=depth)
    near = graph.copy()
    near.remove_nodes_from([n for n in graph if n not in keep])
    return near


def write(graph: nx.MultiGraph, fmt: str, root: str | None = None) -> None:
    out = writer()
    if fmt == "json":
        out(json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "graphml":
        out(xml_safe("\n".join(nx.generate_graphml(graph))) + "\n")
    elif fmt == "dot":
        out(_pydot(graph).to_string())
    elif fmt == "mermaid":
        out(mermaid(graph))
    else:
        draw_trees(graph, root)


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


def hubs(graph: nx.MultiGraph) -> list[str]:
    """One root per connected group: its busiest territory; busiest groups first."""
    groups = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    return [max(sorted(group), key=lambda n: graph.degree(n)) for group in groups]


def draw_trees(graph: nx.MultiGraph, root: str | None = None) -> None:
    """A Rich tree from each hub outward: partners, and the agreements that link them."""
    from rich.text import Text
    from rich.tree import Tree

    def name(node: str) -> Text:
        data = graph.nodes[node]
        return Text(f"{terminal_safe(data['name'])} ({data.get('country', '')})", style="bold")

    out = console()
    for hub in ([root] if root else hubs(graph)):
        tree = Tree(name(hub))
        branches, seen, queue = {hub: tree}, {hub}, deque([hub])
        while queue:
            node = queue.popleft()
            for partner in sorted(graph.neighbors(node), key=lambda n: graph.nodes[n]["name"]):
                if partner in seen:
                    continue
                seen.add(partner)
                branch = branches[node].add(name(partner))
                for data in graph.get_edge_data(node, partner).values():
                    detail = f"{data['agreement']} · {label('kind', data['kind'])} · " \
                             f"{label('status', data['status'])} · {data.get('year', '—')}"
                    branch.add(Text(terminal_safe(detail), style="dim"))
                branches[partner] = branch
                queue.append(partner)
        out.print(tree)
