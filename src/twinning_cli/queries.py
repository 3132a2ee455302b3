"""Every SQL statement the read commands run. Stdlib sqlite3 only.

Column and sort names come from the fixed tables below; every value is a bound
parameter.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from .filters import Filters
from .shape import NESTED, POSITION, STORED, whole, whole_rows

LIST_COLUMNS = ["slug", "parties", "kind", "status", "date", "domains"]
# What --fields may name in list's CSV: the agreements table's own columns.
LIST_FIELDS = ["slug", "title", "parties", "countries", "kind", "status", "date", "signed_on", "valid_from",
               "valid_until", "domains", "topics", "summary", "note"]
RECORD_KEYS = ["slug", "title", "kind", "status", "signed_on", "signed_on_inferred", "signed_on_note", "valid_from",
               "valid_until", "parties", "domains", "topics", "people", "stakeholders", "funding", "events",
               "sources", "summary", "note"]
SORTS = {
    "date": "a.date IS NULL, a.date DESC, a.slug",
    "-date": "a.date IS NULL, a.date, a.slug",
    "slug": "a.slug",
    "-slug": "a.slug DESC",
}

def _items(field: str, columns: str) -> str:
    """A list of the records (people, sources…) as rows: one per item, in the record's order."""
    return (f"SELECT a.slug AS agreement, {columns} FROM agreements a, json_each(a.record, '$.{field}') j",
            "a.id", "a.slug, j.key")


def _bool(field: str, key: str) -> str:
    return f"iif(j.value ->> '$[{POSITION[field][key]}]', 'true', 'false') AS {key}"


def _keys(field: str, *keys: str) -> str:
    """Values of a stored item (an array, shape.pack) by their names."""
    return ", ".join(f"j.value ->> '$[{POSITION[field][k]}]' AS \"{k}\"" for k in keys)


TABLES = {
    "parties": ("SELECT a.slug AS agreement, ap.position, t.name, t.kind, t.country, t.subdivision,"
                f" a.record ->> ('$.parties[' || ap.position || '][{POSITION['parties']['acting_body']}]')"
                " AS acting_body, t.lat, t.lng,"
                " t.wikidata, t.geonames FROM agreement_parties ap JOIN agreements a ON a.id = ap.agreement"
                " JOIN territories t ON t.id = ap.territory_id", "ap.agreement", "a.slug, ap.position"),
    "domains": ("SELECT a.slug AS agreement, d.domain FROM agreement_domains d JOIN agreements a ON a.id = d.agreement",
                "d.agreement", "a.slug, d.domain"),
    "topics": _items("topics", "j.value AS topic"),
    "events": (*_items("events", f'{_keys("events", "date", "end")}, {_bool("events", "date_inferred")}, '
                                 f'{_keys("events", "date_note", "place", "description")}')[:2],
               "j.value ->> '$[0]', a.slug, j.key"),
    "people": _items("people", f'{_keys("people", "name", "role", "party")}, {_bool("people", "signed")}'),
    "stakeholders": _items("stakeholders", _keys("stakeholders", "name", "kind", "role")),
    "funding": _items("funding", f"{_keys('funding', 'programme')}, (SELECT group_concat(b.value, '; ') FROM"
                                 f" json_each(j.value, '$[{POSITION['funding']['backers']}]') b) AS backers"),
    "sources": _items("sources", _keys("sources", "file", "publisher", "published_on", "dateline", "url", "note")),
}


def _select(columns: str, filters: Filters, sort: str, limit: int | None) -> tuple[str, list]:
    where, params = filters.where()
    sql = f"SELECT {columns} FROM agreements a WHERE {where} ORDER BY {SORTS[sort]}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def list_rows(conn: sqlite3.Connection, filters: Filters, sort: str = "date",
              limit: int | None = None, columns: list[str] = LIST_COLUMNS) -> list[tuple]:
    """One row per matching agreement, the `columns` (of LIST_FIELDS) in order."""
    return conn.execute(*_select(", ".join(f"a.{c}" for c in columns), filters, sort, limit)).fetchall()


def count(conn: sqlite3.Connection, filters: Filters, dates: list[str] | None = None) -> int:
    """How many agreements match; with `dates`, only those filed under exactly one of them."""
    where, params = filters.where()
    if dates:
        where += f" AND a.date IN ({', '.join('?' * len(dates))})"
        params = [*params, *dates]
    return conn.execute(f"SELECT count(*) FROM agreements a WHERE {where}", params).fetchone()[0]


def records(conn: sqlite3.Connection, filters: Filters, sort: str = "date",
            limit: int | None = None) -> list[dict]:
    """Full records (the seed's shape) of matching agreements."""
    return list(each_record(conn, filters, sort, limit))


def each_record(conn: sqlite3.Connection, filters: Filters, sort: str = "date",
                limit: int | None = None) -> Iterator[dict]:
    """The same, one at a time, for output written as it is read."""
    return whole_rows(conn.execute(*_select(STORED, filters, sort, limit)))


def stored(conn: sqlite3.Connection, filters: Filters, sort: str = "slug") -> Iterator[tuple]:
    """Matching records as stored: rows of shape.STORED (flatten_stored reads them so)."""
    return conn.execute(*_select(STORED, filters, sort, None))


def table_rows(conn: sqlite3.Connection, table: str, filters: Filters) -> tuple[list[str], Iterator[tuple]]:
    """A normalized table (export --table), restricted to matching agreements: its columns, and
    its rows as the cursor gives them (written as they are read)."""
    select, key, order = TABLES[table]
    where, params = filters.where()
    cursor = conn.execute(
        f"{select} WHERE {key} IN (SELECT a.id FROM agreements a WHERE {where}) ORDER BY {order}",
        params)
    return [d[0] for d in cursor.description], cursor


def domain_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT domain, agreements FROM domain_counts"))


def record(conn: sqlite3.Connection, slug: str) -> dict:
    return whole(conn.execute(f"SELECT {STORED} FROM agreements a WHERE a.slug = ?", (slug,)).fetchone())


# --- views: stats, timeline, territories, network -------------------------------------

STAT_DIMENSIONS = {
    "domain": "SELECT d.domain, count(*) FROM agreement_domains d"
              " WHERE {match} GROUP BY d.domain ORDER BY 2 DESC, 1",
    "year": "SELECT a.year, count(*) FROM agreements a WHERE {match}"
            " AND a.year IS NOT NULL GROUP BY a.year ORDER BY a.year",
    "country": "SELECT t.country, count(DISTINCT ap.agreement) FROM agreement_parties ap"
               " JOIN territories t ON t.id = ap.territory_id WHERE {match}"
               " GROUP BY t.country ORDER BY 2 DESC, 1",
    "subdivision": "SELECT coalesce(t.subdivision, t.country), count(DISTINCT ap.agreement)"
                   " FROM agreement_parties ap JOIN territories t ON t.id = ap.territory_id"
                   " WHERE {match} GROUP BY 1 ORDER BY 2 DESC, 1",
    "kind": "SELECT a.kind, count(*) FROM agreements a WHERE {match} GROUP BY a.kind ORDER BY 2 DESC, 1",
    "status": "SELECT a.status, count(*) FROM agreements a WHERE {match} GROUP BY a.status ORDER BY 2 DESC, 1",
}
_MATCH_KEY = {"domain": "d.agreement", "country": "ap.agreement", "subdivision": "ap.agreement",
              "year": "a.id", "kind": "a.id", "status": "a.id"}


def hits(filters: Filters) -> tuple[str, list]:
    """SQL selecting the ids of the matching agreements (the child tables' key), and its parameters."""
    where, params = filters.where()
    return f"SELECT a.id FROM agreements a WHERE {where}", params


def stat_sql(dimension: str, filters: Filters) -> tuple[str, list]:
    """The counting SQL of one dimension; with no filter it reads the table alone."""
    if filters.empty:
        if dimension == "domain":
            return ("SELECT domain, agreements FROM domain_counts WHERE agreements > 0"
                    " ORDER BY 2 DESC, 1"), []
        return STAT_DIMENSIONS[dimension].format(match="1"), []
    matching, params = hits(filters)
    return STAT_DIMENSIONS[dimension].format(match=f"{_MATCH_KEY[dimension]} IN ({matching})"), params


def counts(conn: sqlite3.Connection, dimension: str, filters: Filters) -> list[tuple]:
    """(value, agreements) pairs for one dimension of the matching agreements."""
    return conn.execute(*stat_sql(dimension, filters)).fetchall()


def country_pairs(conn: sqlite3.Connection, filters: Filters) -> list[tuple]:
    """('CA–FR', agreements): the set of countries each matching agreement joins."""
    matching, params = hits(filters)
    match = "1" if filters.empty else f"a.id IN ({matching})"
    tally: dict[str, int] = {}
    for countries, n in conn.execute(
            f"SELECT a.countries, count(*) FROM agreements a WHERE {match} GROUP BY 1", params if match != "1" else []):
        key = "–".join(sorted(set(countries.split("; "))))
        tally[key] = tally.get(key, 0) + n
    return sorted(tally.items(), key=lambda item: (-item[1], item[0]))


TIMELINE_COLUMNS = ["date", "end", "date_inferred", "agreement", "description", "place"]


def timeline(conn: sqlite3.Connection, filters: Filters, limit: int | None = None) -> list[tuple]:
    """The dated events of the matching agreements, oldest first; the filters' dates and years
    select the events by their own dates, the other filters the agreements. Partial dates sort
    before the fuller dates they contain ('2024-05' < '2024-05-24' < '2024-06')."""
    from .dates import last_day

    agreements = filters._replace(years=(), since=None, until=None)
    matching, params = hits(agreements)
    where = [] if agreements.empty else [f"e.agreement IN ({matching})"]
    params = [] if agreements.empty else list(params)
    if filters.years:
        where.append(f"substr(e.date, 1, 4) IN ({', '.join('?' * len(filters.years))})")
        params += [f"{y:04d}" for y in filters.years]
    if filters.since:  # an event of several days counts if it ends on or after the day
        where.append('coalesce(e."end", e.date) >= ?')
        params.append(filters.since)
    if filters.until:
        where.append("e.date <= ?")
        params.append(last_day(filters.until))
    sql = ("SELECT e.date, e.\"end\", a.slug, json_extract(a.record, '$.events[' || e.position || ']')"
           " FROM events e JOIN agreements a ON a.id = e.agreement"
           f" WHERE {' AND '.join(where) or '1'} ORDER BY e.date, e.\"end\", a.slug, e.position")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = []
    for date, end, agreement, event in conn.execute(sql, params):
        event = dict(zip(NESTED["events"], json.loads(event)))  # the rest of the event, from its record
        rows.append((date, end, int(event.get("date_inferred", False)), agreement, event["description"],
                     event.get("place")))
    return rows


TERRITORY_COLUMNS = ["name", "kind", "country", "subdivision", "agreements", "partners"]
_PARTNERS = ("SELECT group_concat(name, '; ') FROM (SELECT DISTINCT t2.name FROM agreement_parties p1"
             " JOIN agreement_parties p2 ON p2.agreement = p1.agreement AND p2.territory_id != p1.territory_id"
             " JOIN territories t2 ON t2.id = p2.territory_id WHERE p1.territory_id = t.id ORDER BY t2.name)")


# Every agreement's parties, agreement by agreement (the table's own order: no sort, no join);
# Python gives each territory its partners' names, each name once, in code-point order as SQLite's.
_EVERY_PARTY = "SELECT agreement, territory_id FROM agreement_parties ORDER BY agreement"


def _partners(links: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each territory's partners (ids) from (agreement, territory) rows in agreement order; most
    agreements join two parties, which take each other without a list made between them."""
    partners: dict[int, set[int]] = defaultdict(set)
    for _, group in groupby(links, key=itemgetter(0)):
        ids = [tid for _, tid in group]
        if len(ids) == 2:
            first, second = ids
            if first != second:
                partners[first].add(second)
                partners[second].add(first)
        else:
            for tid in ids:
                partners[tid].update([other for other in ids if other != tid])
    return partners


def territories(conn: sqlite3.Connection, filters: Filters) -> list[tuple]:
    """One row per territory party to a matching agreement, the busiest first, with its partners."""
    return territory_page(conn, filters)[0]


def territory_page(conn: sqlite3.Connection, filters: Filters, limit: int | None = None) -> tuple[list[tuple], int]:
    """The busiest `limit` territories (all without it) and how many there are in all. Counted in
    one pass over the parties (linear in the register); partners are named for the rows returned."""
    if filters.empty and limit is not None:  # the busiest page, from the counts the triggers keep
        rows = conn.execute(
            f"SELECT name, kind, country, subdivision, agreements, ({_PARTNERS}) FROM territories t"
            " WHERE agreements > 0 ORDER BY agreements DESC, name LIMIT ?", (limit,)).fetchall()
        return rows, conn.execute("SELECT count(*) FROM territories WHERE agreements > 0").fetchone()[0]
    if filters.empty:  # every territory: the counts the triggers keep, the partners in one sorted pass
        rows = conn.execute("SELECT id, name, kind, country, subdivision, agreements FROM territories"
                            " WHERE agreements > 0 ORDER BY agreements DESC, name, id").fetchall()
        names = {row[0]: row[1] for row in rows}  # every party counts, so every partner is here
        partners = _partners(conn.execute(_EVERY_PARTY))
        return [(*row[1:], "; ".join(sorted({names[p] for p in partners[row[0]]}) if row[0] in partners else ""))
                for row in rows], len(rows)
    counts: dict[int, int] = {}
    partners: dict[int, set[int]] = {}
    for _, rows in groupby(party_links(conn, filters), key=lambda row: row[0]):
        ids = [tid for _, tid in rows]
        for tid in ids:
            counts[tid] = counts.get(tid, 0) + 1
            partners.setdefault(tid, set()).update(ids)
    every = {tid: row for tid, *row in conn.execute(
        "SELECT id, name, kind, country, subdivision FROM territories WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(counts)),))}
    order = sorted(counts, key=lambda tid: (-counts[tid], every[tid][0], tid))
    if limit is not None:
        order = order[:limit]
    return [(*every[tid], counts[tid], "; ".join(sorted({every[p][0] for p in partners[tid] if p != tid})))
            for tid in order], len(counts)


def territory(conn: sqlite3.Connection, tid: int) -> dict:
    """A territory's card: what it is, its agreements, partners, people and domains."""
    name, kind, country, subdivision, lat, lng, wikidata, geonames = conn.execute(
        "SELECT name, kind, country, subdivision, lat, lng, wikidata, geonames FROM territories WHERE id = ?",
        (tid,)).fetchone()
    agreements = [dict(zip(["slug", "title", "kind", "status", "date", "parties"], row)) for row in conn.execute(
        "SELECT a.slug, a.title, a.kind, a.status, a.date, a.parties FROM agreement_parties ap"
        " JOIN agreements a ON a.id = ap.agreement WHERE ap.territory_id = ? ORDER BY a.date DESC, a.slug",
        (tid,))]
    partners = [r[0] for r in conn.execute(_PARTNERS.replace("t.id", "?"), (tid,))][0]
    at = POSITION["people"]
    people = [dict(zip(["name", "role", "agreement", "signed"], row)) for row in conn.execute(
        f"SELECT p.value ->> '$[{at['name']}]' AS name, p.value ->> '$[{at['role']}]', a.slug,"
        f" coalesce(p.value ->> '$[{at['signed']}]', 0) FROM agreement_parties ap JOIN agreements a"
        " ON a.id = ap.agreement, json_each(a.record, '$.people') p"
        f" WHERE ap.territory_id = ? AND p.value ->> '$[{at['party']}]' = ? ORDER BY name, a.slug, p.key",
        (tid, name))]
    domains = dict(conn.execute(
        "SELECT d.domain, count(*) FROM agreement_domains d JOIN agreement_parties ap"
        " ON ap.agreement = d.agreement WHERE ap.territory_id = ? GROUP BY d.domain ORDER BY 2 DESC, 1", (tid,)))
    return {"name": name, "kind": kind, "country": country, "subdivision": subdivision, "lat": lat, "lng": lng,
            "wikidata": wikidata, "geonames": geonames,
            "agreements": agreements, "partners": partners.split("; ") if partners else [],
            "people": people, "domains": domains}


def graph_rows(conn: sqlite3.Connection, filters: Filters, among: set[int] | None = None,
               links: bool = True) -> tuple[list[tuple], Iterable[tuple]]:
    """Territories and (agreement, territory) links of the matching agreements, for the map (the
    links a cursor, by agreement then position); with `among`, only those territories and the
    links between them; `links` False: none."""
    matching, params = hits(filters)
    only, extra = "", []
    if among is not None:
        only, extra = " AND ap.territory_id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(among))]
    links = links and conn.execute(
        "SELECT a.slug, a.title, a.kind, a.status, a.year, a.domains, ap.territory_id FROM agreements a"
        f" JOIN agreement_parties ap ON ap.agreement = a.id WHERE a.id IN ({matching}){only}"
        " ORDER BY a.slug, ap.position", [*params, *extra]) or []
    nodes = conn.execute(
        "SELECT id, name, kind, country, subdivision, lat, lng FROM territories WHERE id IN"
        f" (SELECT ap.territory_id FROM agreement_parties ap WHERE ap.agreement IN ({matching}){only}) ORDER BY id",
        [*params, *extra]).fetchall()
    return nodes, links


def graph_edges(conn: sqlite3.Connection, filters: Filters,
                among: set[int] | None = None) -> tuple[list[tuple], sqlite3.Cursor, int]:
    """The network's territories (by id) and its edges, one per agreement and pair of its parties
    (source, target, slug, title, kind, status, year, domains), by agreement then by the parties'
    positions; and 2 when an edge has a year, 1 when none has, 0 with no edge (GraphML declares
    the attributes it writes before the edges).
    With `among`, only those territories and the edges between them."""
    nodes, _ = graph_rows(conn, filters, among, links=False)
    matching, params = hits(filters)
    only, extra = "", []
    if among is not None:
        only = (" AND p.territory_id IN (SELECT value FROM json_each(?))"
                " AND q.territory_id IN (SELECT value FROM json_each(?))")
        extra = [json.dumps(sorted(among))] * 2
    edges = (" FROM agreements a JOIN agreement_parties p ON p.agreement = a.id"
             " JOIN agreement_parties q ON q.agreement = a.id AND q.position > p.position"
             f" WHERE a.id IN ({matching}){only}")
    some, dated = conn.execute(f"SELECT EXISTS (SELECT 1{edges}), EXISTS (SELECT 1{edges} AND a.year IS NOT NULL)",
                               [*params, *extra] * 2).fetchone()
    return nodes, conn.execute(
        "SELECT p.territory_id, q.territory_id, a.slug, a.title, a.kind, a.status, a.year, a.domains"
        f"{edges} ORDER BY a.slug, p.position, q.position", [*params, *extra]), 2 if dated else 1 if some else 0


def party_links(conn: sqlite3.Connection, filters: Filters, among: set[int] | None = None) -> list[tuple]:
    """(agreement, territory) of the matching agreements' parties, in order; with `among`,
    only those territories."""
    match, params = hits(filters)
    where, params = ("1", []) if filters.empty else (f"agreement IN ({match})", params)
    if among is not None:
        where += " AND territory_id IN (SELECT value FROM json_each(?))"
        params = [*params, json.dumps(sorted(among))]
    return conn.execute(f"SELECT agreement, territory_id FROM agreement_parties WHERE {where}"
                        " ORDER BY agreement, position", params).fetchall()


def neighbourhood(conn: sqlite3.Connection, filters: Filters, root: int, depth: int) -> set[int]:
    """Territories within `depth` matching agreements of `root` (root included when it is party
    to one), found breadth first in SQL: the work is the neighbourhood's, not the register's."""
    matching, params = hits(filters)
    if not conn.execute(f"SELECT 1 FROM agreement_parties WHERE territory_id = ? AND agreement IN ({matching})",
                        [root, *params]).fetchone():
        return set()
    seen, frontier = {root}, {root}
    for _ in range(depth):
        if not frontier:
            break
        found = {r[0] for r in conn.execute(
            "SELECT DISTINCT p2.territory_id FROM agreement_parties p1"
            " JOIN agreement_parties p2 ON p2.agreement = p1.agreement"
            f" WHERE p1.territory_id IN (SELECT value FROM json_each(?)) AND p1.agreement IN ({matching})",
            [json.dumps(sorted(frontier)), *params])}
        frontier = found - seen
        seen |= frontier
    return seen
