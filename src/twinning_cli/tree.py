"""`twinning network` on a terminal: trees of partners drawn from SQL, without networkx.

Trees show the busiest territories and their partners, or grow from --from outward to
--depth; partners, names and agreement details
are asked of SQL for what is drawn only, so the work is the screen's, not the register's.
At most TREES trees, PARTNERS partners under one territory and NODES territories a tree
are drawn, each cut said with how many more and how to see them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import deque

from . import queries
from .filters import Filters
from .i18n import N_, _
from .i18n import count as counted
from .render import console, terminal_safe
from .vocabulary import label

TREES, PARTNERS, NODES = 5, 8, 24


class Links:
    """Who is linked to whom among the matching agreements (with `among`: only those
    territories), asked of SQL territory by territory, for what is drawn only."""

    def __init__(self, conn: sqlite3.Connection, filters: Filters, among: set[int] | None = None):
        self.conn, self.filters, self.among = conn, filters, among
        hits, self.params = queries.hits(filters)
        self.match = "" if filters.empty else f" AND p1.agreement IN ({hits})"
        if among is not None:
            self.match += " AND p2.territory_id IN (SELECT value FROM json_each(?))"
            self.params = [*self.params, json.dumps(sorted(among))]
        self.known: dict[int, dict[int, list[str]]] = {}
        self.names: dict[int, tuple[str, str]] = {}

    def partners(self, tid: int) -> dict[int, list[str]]:
        """Partner -> the agreements between them."""
        if tid not in self.known:
            found: dict[int, list[str]] = {}
            for partner, slug in self.conn.execute(
                    "SELECT p2.territory_id, a.slug FROM agreement_parties p1 JOIN agreement_parties p2"
                    " ON p2.agreement = p1.agreement AND p2.territory_id != p1.territory_id"
                    " JOIN agreements a ON a.id = p1.agreement"
                    f" WHERE p1.territory_id = ?{self.match} ORDER BY a.slug", [tid, *self.params]):
                found.setdefault(partner, []).append(slug)
            self.known[tid] = found
        return self.known[tid]

    def busiest(self) -> tuple[list[int], int]:
        """The territories to draw trees from, busiest first (a few more than TREES, as some are
        drawn inside an earlier tree), and how many territories the matching agreements have."""
        wanted = TREES * (NODES + 1)
        if self.filters.empty:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM territories WHERE agreements > 0 ORDER BY agreements DESC, name LIMIT ?", (wanted,))]
            return ids, self.conn.execute("SELECT count(*) FROM territories WHERE agreements > 0").fetchone()[0]
        hits, params = queries.hits(self.filters)
        counts = self.conn.execute(
            "SELECT ap.territory_id FROM agreement_parties ap JOIN territories t ON t.id = ap.territory_id"
            f" WHERE ap.agreement IN ({hits}) GROUP BY ap.territory_id ORDER BY count(*) DESC, t.name",
            params).fetchall()
        return [r[0] for r in counts[:wanted]], len(counts)

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


def draw(links: Links, root: int | None = None) -> None:
    from rich.text import Text
    from rich.tree import Tree

    def name(tid: int) -> Text:
        place, country = links.name(tid)
        return Text(f"{terminal_safe(place)} ({country})", style="bold")

    def more(text: str, count: int, **values) -> Text:
        return Text(_(text).format(count=counted(count), **values), style="italic yellow")

    out = console()
    roots, total = ([root], 1) if root is not None else links.busiest()
    drawn: set[int] = set()
    trees = 0
    for hub in roots:
        if hub in drawn:
            continue
        if trees == TREES:
            break
        trees += 1
        tree = Tree(name(hub))
        branches, seen, queue, shown = {hub: tree}, {hub}, deque([hub]), 0
        while queue:
            node = queue.popleft()
            names = links.load_names(links.partners(node))
            partners = sorted((p for p in links.partners(node) if p not in seen), key=lambda p: names[p][0])
            room = min(PARTNERS, NODES - shown)
            for partner in partners[:room]:
                seen.add(partner)
                shown += 1
                branch = branches[node].add(name(partner))
                for slug, kind, status, year in links.details(links.partners(node)[partner]):
                    detail = f"{slug} · {label('kind', kind)} · {label('status', status)} · {year or '—'}"
                    branch.add(Text(terminal_safe(detail), style="dim"))
                branches[partner] = branch
                if root is not None:  # from one territory, outward; from each of the busiest, its partners
                    queue.append(partner)
            if len(partners) > room:
                seen.update(partners)  # counted here, not drawn again further down
                place, country = links.name(node)
                branches[node].add(more(N_("… and {count} more partners; --format json lists them all"), len(partners) - room)
                                   if node == root else
                                   more(N_("… and {count} more partners; use --from '{place}, {country}'"),
                                        len(partners) - room, place=place, country=country))
        drawn |= seen
        out.print(tree)
    if root is None and total > len(drawn):
        out.print(more(N_("… and {count} more territories in other trees; use --from NAME or filters"),
                       total - len(drawn)))
