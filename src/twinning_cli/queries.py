"""Every SQL statement the read commands run. Stdlib sqlite3 only.

Column and sort names come from the fixed tables below; every value is a bound
parameter.
"""

from __future__ import annotations

import difflib
import json
import sqlite3

from .errors import NotFound
from .filters import Filters, escape_like
from .vocabulary import fold, slugify

LIST_COLUMNS = ["slug", "parties", "kind", "status", "date", "domains"]
SORTS = {
    "date": "a.date IS NULL, a.date DESC, a.slug",
    "slug": "a.slug",
}
TABLES = {
    "parties": ("SELECT ap.agreement, ap.position, t.name, t.kind, t.country, t.subdivision,"
                " ap.acting_body, t.lat, t.lng FROM agreement_parties ap"
                " JOIN territories t ON t.id = ap.territory_id", "ap.agreement", "ap.agreement, ap.position"),
    "domains": ("SELECT agreement, domain FROM agreement_domains", "agreement", "agreement, domain"),
    "topics": ("SELECT agreement, topic FROM agreement_topics", "agreement", "agreement, rowid"),
    "events": ('SELECT agreement, date, "end", date_inferred, date_note, place, description'
               " FROM events", "agreement", "date, agreement, id"),
    "people": ("SELECT agreement, name, role, party, signed FROM people", "agreement", "agreement, id"),
    "stakeholders": ("SELECT agreement, name, kind, role FROM stakeholders", "agreement", "agreement, id"),
    "funding": ("SELECT agreement, programme, backers FROM funding", "agreement", "agreement, id"),
    "sources": ("SELECT agreement, file, publisher, published_on, dateline, url, note FROM sources",
                "agreement", "agreement, id"),
}


def _select(columns: str, filters: Filters, sort: str, limit: int | None) -> tuple[str, list]:
    where, params = filters.where()
    sql = f"SELECT {columns} FROM agreements a WHERE {where} ORDER BY {SORTS[sort]}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def list_rows(conn: sqlite3.Connection, filters: Filters, sort: str = "date",
              limit: int | None = None) -> list[tuple]:
    """One row per matching agreement, in LIST_COLUMNS order."""
    columns = ", ".join(f"a.{c}" for c in LIST_COLUMNS)
    return conn.execute(*_select(columns, filters, sort, limit)).fetchall()


def records(conn: sqlite3.Connection, filters: Filters, sort: str = "date",
            limit: int | None = None) -> list[dict]:
    """Full records (the seed's shape) of matching agreements."""
    return [json.loads(r[0]) for r in conn.execute(*_select("a.record", filters, sort, limit))]


def table_rows(conn: sqlite3.Connection, table: str, filters: Filters) -> tuple[list[str], list[tuple]]:
    """A normalized table (export --table), restricted to matching agreements."""
    select, key, order = TABLES[table]
    where, params = filters.where()
    cursor = conn.execute(
        f"{select} WHERE {key} IN (SELECT a.slug FROM agreements a WHERE {where}) ORDER BY {order}",
        params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def domain_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT domain, count(*) FROM agreement_domains GROUP BY domain"))


def record(conn: sqlite3.Connection, slug: str) -> dict:
    row = conn.execute("SELECT record FROM agreements WHERE slug = ?", (slug,)).fetchone()
    return json.loads(row[0])


def find_slug(conn: sqlite3.Connection, text: str) -> str:
    """The one agreement `text` names: its slug, its parties in any order, or one party's name.

    Raises NotFound naming the closest slugs when nothing or several match.
    """
    wanted = slugify(text)
    if not wanted:
        raise NotFound("give a slug or a party name")
    for sql, value in [
        ("SELECT slug FROM agreements WHERE slug = ?", wanted),
        ("SELECT slug FROM agreements WHERE slug_key = ?", " ".join(sorted(wanted.split("-")))),
    ]:
        hits = [r[0] for r in conn.execute(sql, (value,))]
        if len(hits) == 1:
            return hits[0]
    hits = [r[0] for r in conn.execute(
        "SELECT DISTINCT ap.agreement FROM agreement_parties ap JOIN territories t"
        " ON t.id = ap.territory_id WHERE t.name_folded LIKE ? ESCAPE '\\' ORDER BY ap.agreement",
        (f"%{escape_like(fold(text))}%",))]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise NotFound(f"{text!r} is ambiguous: it matches {', '.join(hits)}")
    slugs = [r[0] for r in conn.execute("SELECT slug FROM agreements")]
    close = difflib.get_close_matches(wanted, slugs, n=3, cutoff=0.4)
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise NotFound(f"no agreement matches {text!r}{hint}")
