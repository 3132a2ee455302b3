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


TREES, PARTNERS, NODES = 10, 12, 40  # what a terminal shows: groups, partners of one territory, territories a tree


def draw_trees(graph: nx.MultiGraph, root: str | None = None) -> None:
    """A Rich tree from each hub outward: partners, and the agreements that link them; at most
    TREES groups, PARTNERS partners under one territory and NODES territories a tree, each cut
    said with how many more and how to see them."""
    from rich.text import Text
    from rich.tree import Tree

    def name(node: str) -> Text:
        data = graph.nodes[node]
        return Text(f"{terminal_safe(data['name'])} ({data.get('country', '')})", style="bold")

    def more(count: int, what: str) -> Text:
        return Text(f"… and {count:,} more {what}", style="italic yellow")

    out = console()
    roots = [root] if root else hubs(graph)
    for hub in roots[:TREES]:
        tree = Tree(name(hub))
        branches, seen, queue, shown = {hub: tree}, {hub}, deque([hub]), 0
        while queue:
            node = queue.popleft()
            partners = [p for p in sorted(graph.neighbors(node), key=lambda n: graph.nodes[n]["name"])
                        if p not in seen]
            room = min(PARTNERS, NODES - shown)
            for partner in partners[:room]:
                seen.add(partner)
                shown += 1
                branch = branches[node].add(name(partner))
                for data in graph.get_edge_data(node, partner).values():
                    detail = f"{data['agreement']} · {label('kind', data['kind'])} · " \
                             f"{label('status', data['status'])} · {data.get('year', '—')}"
                    branch.add(Text(terminal_safe(detail), style="dim"))
                branches[partner] = branch
                queue.append(partner)
            if len(partners) > room:
                seen.update(partners)  # counted here, not shown again deeper down
                hint = f"partners; use --from '{graph.nodes[node]['name']}'" if node != root or room < PARTNERS \
                    else "partners; narrow with filters or --format json"
                branches[node].add(more(len(partners) - room, hint))
        out.print(tree)
    if len(roots) > TREES:
        out.print(more(len(roots) - TREES, "groups of territories; use --from NAME or filters"))
