"""`territories merge` and `territories rename`: a person saying which names are one place.

Both are written as names in territory_aliases (identity.py reads them), then the agreements
that name the territories are laid out again from their records, so that every derived fact —
pair keys, counts, the full-text index — follows. All or nothing, in one transaction; a merge
that would make two agreements one pair, or one agreement name a place twice, is refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import lookup, store
from .errors import DataError, UsageError
from .model import Agreement
from .shape import STORED, compact
from .writer import pair_rows
from .vocabulary import identity, search_key, short_name
from .i18n import _


def _row(conn, tid: int) -> tuple[str, str, str | None]:
    return conn.execute("SELECT name, country, subdivision FROM territories WHERE id = ?", (tid,)).fetchone()


def _names_of(conn, tid: int) -> list[str]:
    """Every name the records give a territory (each party at its position)."""
    return [row[0] for row in conn.execute(
        "SELECT DISTINCT json_extract(a.record, '$.parties[' || ap.position || '][0]') FROM agreement_parties ap"
        " JOIN agreements a ON a.id = ap.agreement WHERE ap.territory_id = ?", (tid,))]


def _alias(conn, name: str, country: str, canonical: str) -> None:
    """Parties named `name` (and every name already joined to it) are now `canonical`."""
    conn.execute("UPDATE territory_aliases SET name = ? WHERE country = ? AND name IN"
                 " (SELECT name FROM territory_aliases WHERE country = ? AND name_key = ?)",
                 (canonical, country, country, identity(name)))
    conn.execute("UPDATE territory_aliases SET name = ? WHERE country = ? AND name = ?", (canonical, country, name))
    if identity(name) != identity(canonical):
        conn.execute("INSERT INTO territory_aliases (name_key, country, name) VALUES (?, ?, ?)"
                     " ON CONFLICT (name_key, country) DO UPDATE SET name = excluded.name",
                     (identity(name), country, canonical))
    conn.execute("DELETE FROM territory_aliases WHERE name_key = ? AND country = ?", (identity(canonical), country))


def _relay(db, ids: list[int]) -> list[str]:
    """Lay out again every agreement naming one of `ids`, from its record; their slugs."""
    conn = db.conn
    rows = conn.execute(f"SELECT a.slug, {STORED} FROM agreements a WHERE a.id IN (SELECT agreement FROM"
                        " agreement_parties WHERE territory_id IN (SELECT value FROM json_each(?))) ORDER BY a.slug",
                        (json.dumps(ids),)).fetchall()
    writer = store.Writer(db)
    records = [Agreement.model_validate(compact(row[1:])) for row in rows]
    for slug, *_record in rows:
        writer.delete(slug)
    for record in records:
        places = [writer.territory_id(p) for p in record.parties]
        if len(set(places)) < len(places):
            raise DataError(_("{slug} would name one place twice: its parties cannot be one territory").format(
                                slug=record.slug))
        pair = writer.pair_key(record)
        other = writer.pending_pairs.get(pair) or next(iter(pair_rows(conn, pair, "a.slug")), None)
        if other:
            name = other if isinstance(other, str) else other[0]
            raise DataError(_("{slug} and {name} would be one pair (same parties and kind): remove or change one "
                              "of them first").format(
                                slug=record.slug, name=name))
        writer.add(record, pair)
    writer.prune()
    return [row[0] for row in rows]


def merge(path: Path, keep: str, gone: str) -> str:
    """Make territory `gone` a name of territory `keep`; what changed, in a sentence."""
    db = store.open_db(path)
    try:
        with store.transaction(db, path):
            conn = db.conn
            a, b = lookup.find_territory(conn, keep), lookup.find_territory(conn, gone)
            if a == b:
                raise UsageError(_('{keep!r} and {gone!r} are already one territory').format(keep=keep, gone=gone))
            (name_a, country_a), (name_b, country_b) = _row(conn, a)[:2], _row(conn, b)[:2]
            if country_a != country_b:
                raise DataError(_("{name_a} ({country_a}) and {name_b} ({country_b}) are in different countries: "
                                  "not one territory").format(
                                    name_a=name_a, country_a=country_a, name_b=name_b, country_b=country_b))
            conn.execute("UPDATE territories SET subdivision = coalesce(subdivision, (SELECT subdivision FROM"
                         " territories WHERE id = ?2)), lat = coalesce(lat, (SELECT lat FROM territories WHERE id = ?2)),"
                         " lng = coalesce(lng, (SELECT lng FROM territories WHERE id = ?2)), wikidata ="
                         " coalesce(wikidata, (SELECT wikidata FROM territories WHERE id = ?2)), geonames ="
                         " coalesce(geonames, (SELECT geonames FROM territories WHERE id = ?2)) WHERE id = ?1", (a, b))
            _alias(conn, name_b, country_b, name_a)
            for party in _names_of(conn, b):
                _alias(conn, party, country_b, name_a)  # every name the records give it
            slugs = _relay(db, [a, b])
    finally:
        db.close()
    return _("Merged {gone!r} into {kept!r} ({country}): {count} agreement(s) now name {kept!r}; {gone!r} is kept "
             "as another of its names.").format(gone=name_b, kept=name_a, country=country_a, count=len(slugs))


def rename(path: Path, old: str, new: str) -> str:
    """Give a territory another name (the old one stays one of its names); what changed."""
    new = " ".join(new.split())
    if not new:
        raise UsageError(_('give the new name'))
    db = store.open_db(path)
    try:
        with store.transaction(db, path):
            conn = db.conn
            tid = lookup.find_territory(conn, old)
            name, country, _kind = _row(conn, tid)
            clash = conn.execute("SELECT id FROM territories WHERE name_key = ? AND country = ? AND id != ?",
                                 (identity(new), country, tid)).fetchone()
            if clash:
                raise DataError(_("{new!r} ({country}) is another territory already: merge them instead (twinning "
                                  "territories merge {new!r} {name!r})").format(
                                    new=new, country=country, name=name))
            conn.execute("UPDATE territories SET name = ?, name_key = ?, short_key = ?, name_folded = ? WHERE id = ?",
                         (new, identity(new), identity(short_name(new)), search_key(new), tid))
            for party in _names_of(conn, tid):
                _alias(conn, party, country, new)
            _alias(conn, name, country, new)
            slugs = _relay(db, [tid])
    finally:
        db.close()
    return _("Renamed {name!r} ({country}) to {new!r}: {count} agreement(s) name it; {name!r} is kept as another "
             "name.").format(name=name, country=country, new=new, count=len(slugs))
