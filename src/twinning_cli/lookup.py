"""Finding the one agreement or territory a person names, forgivingly, and saying which
ones they could have meant, in the form to type, when a name is not enough.

A territory is named by its name, a place in its name ('Québec' for 'Ville de Québec'),
or part of it, accents and case ignored; with a qualifier when several share it:
'Paris, FR', 'Paris (France)', 'Córdoba, ES', 'Saint-Laurent, CA-QC', 'Paris, Texas',
'Québec (ville)', or '#12' (its number) as the last resort. Stdlib only at import time: this
runs on the read path (the ISO lists are read only when a qualifier needs them).
"""

from __future__ import annotations

import re
import sqlite3
from collections import namedtuple

from .errors import NotFound, UsageError
from .filters import escape_like
from .i18n import _
from .vocabulary import fold, identity, search_key, short_name, slugify

Candidate = namedtuple("Candidate", "id name kind country subdivision")
Qualifier = namedtuple("Qualifier", "country subdivision kind")
_PAREN = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
_ID = re.compile(r"^#([0-9]{1,12})$")
SHOWN = 10
LIMIT = 500  # candidates looked at, at most: a part of a name may match thousands
_COLUMNS = "id, name, kind, country, subdivision"


def split(text: str) -> tuple[str, Qualifier | None]:
    """'Paris, FR' -> ('Paris', FR); 'Québec (ville)' -> ('Québec', kind ville); else (text, None)."""
    text = " ".join(text.split())
    match = _PAREN.match(text)
    head, tail = (match.group(1), match.group(2)) if match else text.rpartition(",")[::2]
    if not head or not tail.strip():
        return text, None
    from .countries import region_code, resolve

    place = resolve(tail)
    if place:
        whole = resolve(text)  # 'Hong Kong, China' is HK, as an import records it, not a town in CN
        if whole and whole.country != place.country:
            place = whole._replace(subdivision=None)
        return head.strip(" ,"), Qualifier(place.country, place.subdivision, None)
    region = region_code(tail)
    if region:  # 'Paris, Texas', 'Rennes (Bretagne)': a region of a country, named
        return head.strip(" ,"), Qualifier(region.split("-")[0], region, None)
    if match:  # '(ville)', '(province)': a kind of territory
        return head, Qualifier(None, None, fold(tail))
    return text, None


def _keep(rows: list[Candidate], qualifier: Qualifier | None) -> list[Candidate]:
    if qualifier is None:
        return rows
    return [r for r in rows if (qualifier.country is None or r.country == qualifier.country)
            and (qualifier.subdivision is None or _within(r.subdivision, qualifier.subdivision))
            and (qualifier.kind is None or fold(r.kind or "") == qualifier.kind)]


def _within(subdivision: str | None, asked: str) -> bool:
    """A territory's subdivision is the one asked, or lies in it, or holds it: 'Rennes, Bretagne'
    (FR-BRE) finds Rennes recorded in FR-35."""
    from .countries import related

    return subdivision is not None and related(subdivision, asked)


def candidates(conn: sqlite3.Connection, text: str) -> list[Candidate]:
    """Every territory `text` could name, at the first level that finds any: the name as
    written or the place in it; the name without accents; a part of the name."""
    found = _ID.match(text.strip())
    if found:
        return [Candidate(*r) for r in conn.execute(f"SELECT {_COLUMNS} FROM territories WHERE id = ?",
                                                    (int(found.group(1)),))]
    name, qualifier = split(text)
    found = _candidates(conn, name, qualifier)
    if not found and qualifier is not None:  # 'Erlangen (Stadt)': the brackets were part of the name
        found = _candidates(conn, " ".join(text.split()), None)
    return found


def _candidates(conn: sqlite3.Connection, name: str, qualifier: Qualifier | None) -> list[Candidate]:
    joined = conn.execute("SELECT name FROM territory_aliases WHERE name_key = ? LIMIT 1", (identity(name),)).fetchone()
    if joined:  # a name a person joined to a territory (merge, rename)
        name = joined[0]
    key, folded = identity(name), search_key(name)
    for sql, value in [
        ("name_key = ?1 OR short_key = ?1", key),
        ("name_folded = ?1", folded),
        ("name_folded LIKE ?1 ESCAPE '\\'", f"%{escape_like(folded)}%"),
    ]:
        rows = _keep([Candidate(*r) for r in conn.execute(
            f"SELECT {_COLUMNS} FROM territories WHERE {sql} ORDER BY name, country, id LIMIT {LIMIT}",
            (value,))], qualifier)
        if rows:
            return rows
    return []


def form(row: Candidate, rows: list[Candidate]) -> str:
    """The shortest way to type `row` that names it alone among `rows`, the candidates its name
    finds: its own name, and another whose short form it is ('Rennes' finds 'Rennes Métropole')."""
    options = [row.name, f"{row.name}, {row.country}"]
    if row.subdivision:
        options.append(f"{row.name}, {row.subdivision}")
    if row.kind:
        options.append(f"{row.name} ({row.kind})")
    for option in options:
        name, qualifier = split(option)
        typed = identity(name)
        if _keep([r for r in rows if typed in (identity(r.name), identity(short_name(r.name)))], qualifier) == [row]:
            return option
    return f"#{row.id}"


def describe(rows: list[Candidate]) -> str:
    shown = "; ".join(f"{form(r, rows)} [{r.kind}, {r.subdivision or r.country}]" for r in rows[:SHOWN])
    more = _("; … and {count} more (add the country: 'NAME, FR')").format(count=len(rows) - SHOWN) \
        if len(rows) > SHOWN else ""
    return shown + more


def find_territory(conn: sqlite3.Connection, text: str, other_names: bool = False) -> int:
    """The one territory `text` names, or NotFound listing the candidates in the form to type.
    `other_names`: where no territory bears the name, one GeoNames knows by it (known_as)."""
    if not text.strip():
        raise UsageError(_("give a territory's name (or part of it)"))
    rows = candidates(conn, text)
    if not rows and other_names:
        rows = known_as(conn, text)
        if len(rows) == 1:
            _say_read_as(text, rows)
    if len(rows) == 1:
        return rows[0].id
    if rows:
        kinds = {fold(r.kind or "") for r in rows}
        note = _(" (territories of different kinds share this name)") if len(kinds) > 1 else ""
        raise NotFound(_("{text!r} is ambiguous: it matches {count} territories{note}; type one of: {options}").format(
            text=text, count=len(rows), note=note, options=describe(rows)))
    import difflib

    name, _qualifier = split(text)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM territories WHERE name_folded >= ? AND name_folded < ?",
        (search_key(name)[:1], search_key(name)[:1] + "\uffff"))]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    hint = _("; closest: {names}").format(names=", ".join(close)) if close else ""
    raise NotFound(_("no territory matches {text!r}{hint}").format(text=text, hint=hint))


KNOWN_AS_SCAN = 2000  # a country's territories looked at, most agreements first, for a name GeoNames gives


def known_as(conn: sqlite3.Connection, text: str) -> list[Candidate]:
    """Territories the register names otherwise than `text`, which GeoNames gives as another name of
    the same place: 'Cologne' finds Köln, 'Moscou' Moscow, 'Munich' München, 'Kiev' Kyiv. The
    place's own name first; else the territories of its country whose name GeoNames gives to it."""
    from . import gazetteer
    from .errors import TwinningError

    name, qualifier = split(text)
    try:
        places = [p for p in gazetteer.places(name) if p.ref][:5]
    except TwinningError:  # no gazetteer index can be made here: nothing more to find
        return []
    found: dict[int, Candidate] = {}
    for place in places:
        if qualifier is not None and qualifier.country not in (None, place.country):
            continue
        rows = [Candidate(*r) for r in conn.execute(
            f"SELECT {_COLUMNS} FROM territories WHERE name_key = ? AND country = ?",
            (identity(place.name), place.country))]
        if not rows:
            rows = [Candidate(*r) for r in conn.execute(
                f"SELECT {_COLUMNS} FROM territories WHERE country = ? ORDER BY agreements DESC, id LIMIT ?",
                (place.country, KNOWN_AS_SCAN))
                if place.ref in gazetteer.refs(r[1], place.country)]
        found.update((row.id, row) for row in _keep(rows, qualifier))
    return list(found.values())


def _say_read_as(text: str, rows: list[Candidate]) -> None:
    from .render import info

    for row in rows:
        info(_("{text!r} read as {name} ({country}), as the register names it: GeoNames gives both names to "
               "one place").format(text=text, name=row.name, country=row.country))


def other_names_in(conn: sqlite3.Connection, filters):
    """--territory values that no territory's name holds, read as the territories GeoNames gives
    that name to (known_as), said on stderr: `list -t Cologne` lists Köln's agreements."""
    territories = []
    for folded, country, regions, typed in filters.territories:
        if conn.execute("SELECT 1 FROM territories WHERE name_folded LIKE ? ESCAPE '\\' AND coalesce(country = ?, 1)"
                        " LIMIT 1", (f"%{escape_like(folded)}%", country)).fetchone():
            territories.append((folded, country, regions, typed))
            continue
        found = known_as(conn, typed)
        _say_read_as(typed, found)
        territories += [(search_key(row.name), row.country, regions, typed) for row in found] \
            or [(folded, country, regions, typed)]
    return filters._replace(territories=territories)


def _same_words(conn: sqlite3.Connection, wanted: str) -> list[str]:
    """The slugs of `wanted`'s words in another order ('rennes-quebec' for 'quebec-rennes'): such a
    slug begins with one of them, so each word's range of the slug index holds them all."""
    words = wanted.split("-")
    key = sorted(words)
    return sorted({slug for word in dict.fromkeys(words) for slug, in conn.execute(
        "SELECT slug FROM agreements WHERE slug > ? AND slug < ?", (word + "-", word + "-\uffff"))
        if sorted(slug.split("-")) == key})


def find_slug(conn: sqlite3.Connection, text: str) -> str:
    """The one agreement `text` names: its slug, its parties in any order, or one party's name
    (with a qualifier where needed). NotFound names the closest slugs or the candidates."""
    wanted = slugify(text)
    if not wanted:
        raise NotFound(_("give a slug or a party name"))
    if conn.execute("SELECT 1 FROM agreements WHERE slug = ?", (wanted,)).fetchone():
        return wanted
    hits = _same_words(conn, wanted)
    if len(hits) == 1:
        return hits[0]
    found = candidates(conn, text)
    if not found:
        found = known_as(conn, text)
        _say_read_as(text, found)
    territories = [r.id for r in found]
    hits = [r[0] for r in conn.execute(
        f"SELECT slug FROM agreements WHERE id IN (SELECT agreement FROM agreement_parties WHERE territory_id IN"
        f" ({', '.join('?' * len(territories))})) ORDER BY slug LIMIT {SHOWN + 1}", territories)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        more = ", …" if len(hits) > SHOWN else ""
        raise NotFound(_("{text!r} is ambiguous: it matches {slugs}").format(text=text,
                                                                              slugs=", ".join(hits[:SHOWN]) + more))
    import difflib

    # Every slug when there are few; past that, those that begin as the text does (difflib is quadratic).
    few = conn.execute("SELECT count(*) FROM agreements").fetchone()[0] <= 5000
    slugs = [r[0] for r in conn.execute("SELECT slug FROM agreements WHERE ? OR (slug >= ? AND slug < ?)",
                                        (few, wanted[:2], wanted[:2] + "\uffff"))]
    close = difflib.get_close_matches(wanted, slugs, n=3, cutoff=0.4)
    hint = _("; closest: {names}").format(names=", ".join(close)) if close else ""
    raise NotFound(_("no agreement matches {text!r}{hint}").format(text=text, hint=hint))
