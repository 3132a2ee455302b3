"""`twinning network` on a terminal: trees of partners drawn from SQL, without networkx.

Who is linked to whom comes from one pass over agreement_parties; names and agreement
details are fetched for what is drawn only. At most TREES groups, PARTNERS partners
under one territory and NODES territories a tree are drawn, each cut said with how many
more and how to see them, so the view reads the same at five agreements or fifty thousand.
"""

from __future__ import annotations

import json
import sqlite3
from collections import deque

from . import queries
from .filters import Filters
from .render import console, terminal_safe
from .vocabulary import label

TREES, PARTNERS, NODES = 10, 12, 40


class Links:
    """Territory -> partner -> the agreements between them, for the matching agreements
    (with `among`: only those territories, and the links between them)."""

    def __init__(self, conn: sqlite3.Connection, filters: Filters, among: set[int] | None = None):
        from collections import defaultdict
        from itertools import groupby

        self.conn = conn
        partners: defaultdict[int, dict[int, list[str]]] = defaultdict(dict)
        for slug, rows in groupby(queries.party_links(conn, filters, among), key=lambda row: row[0]):
            ids = [tid for _, tid in rows]
            for i, first in enumerate(ids):
                partners[first]
                for second in ids[i + 1:]:
                    _link(partners[first], second, slug)
                    _link(partners[second], first, slug)
        self.partners = dict(partners)
        self.names: dict[int, tuple[str, str]] = {}

    def degree(self, tid: int) -> int:
        return sum(len(slugs) for slugs in self.partners[tid].values())

    def hubs(self) -> list[int]:
        """One root per connected group, its busiest territory; the largest groups first."""
        seen, groups = set(), []
        for start in self.partners:
            if start in seen:
                continue
            group, queue = [start], deque([start])
            seen.add(start)
            while queue:
                for partner in self.partners[queue.popleft()]:
                    if partner not in seen:
                        seen.add(partner)
                        group.append(partner)
                        queue.append(partner)
            groups.append(group)
        groups.sort(key=lambda g: (-len(g), min(f"t{t}" for t in g)))
        return [max(sorted(g, key=lambda t: f"t{t}"), key=self.degree) for g in groups]

    def name(self, tid: int) -> tuple[str, str]:
        return self.load_names([tid])[tid]

    def load_names(self, ids) -> dict[int, tuple[str, str]]:
        wanted = [t for t in ids if t not in self.names]
        if wanted:
            for tid, name, country in self.conn.execute(
                    "SELECT id, name, country FROM territories WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(wanted),)):
                self.names[tid] = (name, country)
        return self.names

    def details(self, slugs: list[str]) -> list[tuple]:
        return self.conn.execute(
            "SELECT slug, kind, status, year FROM agreements WHERE slug IN (SELECT value FROM json_each(?))"
            " ORDER BY slug", (json.dumps(slugs),)).fetchall()


def _link(mine: dict[int, list[str]], partner: int, slug: str) -> None:
    found = mine.get(partner)
    if found is None:
        mine[partner] = [slug]
    else:
        found.append(slug)


def draw(links: Links, root: int | None = None) -> None:
    from rich.text import Text
    from rich.tree import Tree

    def name(tid: int) -> Text:
        place, country = links.name(tid)
        return Text(f"{terminal_safe(place)} ({country})", style="bold")

    def more(count: int, what: str) -> Text:
        return Text(f"… and {count:,} more {what}", style="italic yellow")

    out = console()
    roots = [root] if root is not None else links.hubs()
    for hub in roots[:TREES]:
        tree = Tree(name(hub))
        branches, seen, queue, shown = {hub: tree}, {hub}, deque([hub]), 0
        while queue:
            node = queue.popleft()
            names = links.load_names(links.partners[node])
            partners = sorted((p for p in links.partners[node] if p not in seen), key=lambda p: names[p][0])
            room = min(PARTNERS, NODES - shown)
            for partner in partners[:room]:
                seen.add(partner)
                shown += 1
                branch = branches[node].add(name(partner))
                for slug, kind, status, year in links.details(links.partners[node][partner]):
                    detail = f"{slug} · {label('kind', kind)} · {label('status', status)} · {year or '—'}"
                    branch.add(Text(terminal_safe(detail), style="dim"))
                branches[partner] = branch
                queue.append(partner)
            if len(partners) > room:
                seen.update(partners)  # counted here, not drawn again further down
                place, country = links.name(node)
                branches[node].add(more(len(partners) - room, "partners; --format json lists them all"
                                        if node == root else f"partners; use --from '{place}, {country}'"))
        out.print(tree)
    if len(roots) > TREES:
        out.print(more(len(roots) - TREES, "groups of territories; use --from NAME or filters"))
