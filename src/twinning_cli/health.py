"""`twinning doctor`: SQLite's own checks, then the register's rules."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

from . import vocabulary
from .i18n import _


def notes(conn: sqlite3.Connection) -> list[str]:
    """What a migration noticed and a person may want to check; not problems."""
    try:
        return [row[0] for row in conn.execute("SELECT note FROM register_notes ORDER BY id")]
    except sqlite3.OperationalError:
        return []


def _orphans(conn: sqlite3.Connection, table: str, parent: str, fkid: int) -> list[str]:
    """The keys, as '(a, b)', of a WITHOUT ROWID table's rows whose foreign key `fkid` points nowhere
    (SQLite's check names them by a rowid, which such a table has not)."""
    links = [(src, dst) for fid, _seq, _parent, src, dst, *_ in conn.execute(f"PRAGMA foreign_key_list([{table}])")
             if fid == fkid]
    key = [name for *_, name, _type, _nn, _default, pk in conn.execute(f"PRAGMA table_info([{table}])") if pk]
    found = conn.execute(
        f"SELECT {', '.join(f'[{k}]' for k in key)} FROM [{table}] c WHERE NOT EXISTS (SELECT 1 FROM [{parent}] p"
        f" WHERE {' AND '.join(f'p.[{dst}] = c.[{src}]' for src, dst in links)})"
        f" AND {' AND '.join(f'c.[{src}] IS NOT NULL' for src, _ in links)}").fetchall()
    return [f"({', '.join(map(str, row))})" for row in found]


def check(connect: Callable[[], sqlite3.Connection], full: bool = False) -> list[str]:
    """Every problem found, one line each; an empty list means healthy. SQLite's checks of pages
    and keys and the register's own rules read the whole file each: they run at once, each on a
    connection of its own (`connect` makes one), so a second core halves the wait."""
    found: dict[str, list[str] | BaseException] = {}

    def run(name: str, job: Callable[[sqlite3.Connection], list[str]]) -> None:
        try:
            conn = connect()
            try:
                found[name] = job(conn)
            finally:
                conn.close()
        except BaseException as error:  # raised again below, in the caller's thread
            found[name] = error

    threads = [threading.Thread(target=run, args=("storage", lambda conn: _storage(conn, full))),
               threading.Thread(target=run, args=("text", _text_index))]
    for thread in threads:
        thread.start()
    run("rules", _rules)
    for thread in threads:
        thread.join()
    for result in found.values():
        if isinstance(result, BaseException):
            raise result
    return [line for name in ("storage", "rules", "text") for line in found[name]]  # type: ignore[union-attr]


def _storage(conn: sqlite3.Connection, full: bool) -> list[str]:
    """SQLite's quick_check reads every page and row; `full` (integrity_check) also checks each
    index against its table. Then the foreign keys."""
    problems = []
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
    if integrity != ["ok"]:
        problems += [_("integrity: {line}").format(line=line) for line in integrity]
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check").fetchall():
        for row in [rowid] if rowid is not None else _orphans(conn, table, parent, fkid):
            problems.append(_("foreign key: {table} row {rowid} points to a missing {parent}").format(
                table=table, rowid=row, parent=parent))
    return problems


def _rules(conn: sqlite3.Connection) -> list[str]:
    """The register's rules: parties, domains, the counts the triggers keep, the full-text index."""
    problems = []
    for slug, count in conn.execute(
            "SELECT a.slug, count(ap.agreement) FROM agreements a LEFT JOIN agreement_parties ap"
            " ON ap.agreement = a.id GROUP BY a.id HAVING count(ap.agreement) < 2"):
        problems.append((_("agreement {slug}: {count} party, needs at least 2") if count == 1 else
                         _("agreement {slug}: {count} parties, needs at least 2")).format(slug=slug, count=count))
    valid = vocabulary.slugs("domain")
    for slug, domain in conn.execute(
            f"SELECT a.slug, d.domain FROM agreement_domains d JOIN agreements a ON a.id = d.agreement"
            f" WHERE d.domain NOT IN ({', '.join('?' * len(valid))})",
            valid):
        problems.append(_("agreement {slug}: domain {domain!r} is not in the vocabulary").format(slug=slug, domain=domain))
    stale = conn.execute(
        "SELECT count(*) FROM (SELECT domain, count(*) AS n FROM agreement_domains GROUP BY domain) d"
        " LEFT JOIN domain_counts c USING (domain) WHERE c.agreements IS NOT d.n").fetchone()[0]
    if stale:
        problems.append(_("domain counts: {stale} domain(s) counted wrong in domain_counts").format(stale=stale))
    stale = conn.execute(
        "SELECT count(*) FROM territories t WHERE t.agreements !="
        " (SELECT count(*) FROM agreement_parties ap WHERE ap.territory_id = t.id)").fetchone()[0]
    if stale:
        problems.append(_("territory counts: {stale} territory(ies) counted wrong in territories.agreements").format(
            stale=stale))
    return problems


def _text_index(conn: sqlite3.Connection) -> list[str]:
    """The full-text index: its triggers there, its entries those of the agreements table."""
    problems = []
    triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name in ("agreements_ad", "agreements_au"):  # rows are indexed by the writer as it adds them
        if name not in triggers:
            problems.append(_("full-text index: trigger {name} is missing, so a change to the agreements table "
                              "would not reach the index").format(name=name))
    try:
        conn.execute("INSERT INTO agreements_fts(agreements_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        problems.append(_("full-text index: does not agree with the agreements table ({error})").format(error=error))
    return problems


def written_twice(conn: sqlite3.Connection, full: bool = False) -> list[str]:
    """Territories of one country whose names differ only in accents, case, punctuation or 'St'
    for 'Saint' (one search key), and that lie within NEAR_KM of each other or lack a point: likely
    one place written two ways ('St. Petersburg', 'Saint Petersburg'), which a person may join with
    `territories merge`. Notes, not problems: Fürth and Furth far apart stay two, unsaid. `full`:
    names GeoNames gives to one place too (Köln and Cologne), every territory looked up."""
    from itertools import groupby

    from .identity import NEAR_KM, distance_km
    from .lookup import candidates, form

    rows = conn.execute(  # the names found once are left out by their index alone
        "SELECT name_folded, country, id, name, name_key, lat, lng FROM territories WHERE name_folded IN"
        " (SELECT name_folded FROM territories GROUP BY name_folded HAVING count(*) > 1)"
        " ORDER BY name_folded, country, id")
    def near(a, b) -> bool:
        return None in (a[5], b[5]) or distance_km(a[5], a[6], b[5], b[6]) <= NEAR_KM

    found = []
    for _key, group in groupby(rows, key=lambda row: row[:2]):
        first_forms: list = []  # each place's first form: the others are noted beside it, to merge into it
        for row in group:
            first = next((kept for kept in first_forms if kept[4] != row[4] and near(kept, row)), None)
            if first is None:
                first_forms.append(row)
            else:
                found.append((first, row))
    found += _with_country_after(conn, near)
    if full:
        seen = {(a[2], b[2]) for a, b in found}
        found += [(a, b) for a, b in _named_otherwise(conn, near) if (a[2], b[2]) not in seen]
    lines = []
    for a, b in found[:WRITTEN_TWICE_SHOWN]:
        typed = []
        for row in (a, b):
            among = candidates(conn, row[3])
            mine = [c for c in among if c.id == row[2]]
            typed.append(form(mine[0], among) if mine else f"#{row[2]}")
        lines.append(_("{a} and {b} ({country}) may be one place written two ways: 'twinning territories merge "
                       "\"{typed_a}\" \"{typed_b}\"' joins them").format(
                           a=a[3], b=b[3], country=a[1], typed_a=typed[0], typed_b=typed[1]))
    if len(found) > WRITTEN_TWICE_SHOWN:
        lines.append(_("… and {count} more such pair(s)").format(count=len(found) - WRITTEN_TWICE_SHOWN))
    return lines


WRITTEN_TWICE_SHOWN = 10


def far_points(conn: sqlite3.Connection) -> list[str]:
    """Towns whose point lies far from every place the gazetteer knows in their country: likely
    geocoded in another (Malakoff, France, at a point in Crimea). Notes for `doctor --full`; a
    region's centre may lie far from its towns and is not judged."""
    from .gazetteer import FAR_KM, far_from
    from .identity import CITY_KINDS
    from .vocabulary import fold

    far = [(name, country, lat, lng) for name, kind, country, lat, lng in conn.execute(
               "SELECT name, kind, country, lat, lng FROM territories WHERE lat IS NOT NULL AND lng IS NOT NULL"
               " ORDER BY country, name")
           if fold(kind or "") in CITY_KINDS and far_from(country, lat, lng)]
    lines = [_("{name} ({country}): its point ({lat}, {lng}) lies over {km} km from every place the gazetteer "
               "knows in {country}, likely in another country").format(name=name, country=country, lat=lat, lng=lng,
                                                                       km=FAR_KM)
             for name, country, lat, lng in far]
    judged = set(far)
    lines += [_("{name} ({country}): its point ({lat}, {lng}) is its partner {partner}'s ({other}), where the "
                "gazetteer knows places of {other} and none of {country}, likely copied from it").format(
                  name=name, country=country, lat=lat, lng=lng, partner=partner, other=other)
              for name, country, lat, lng, partner, other in _copied_points(conn)
              if (name, country, lat, lng) not in judged]
    if len(lines) > WRITTEN_TWICE_SHOWN:
        lines[WRITTEN_TWICE_SHOWN:] = [_("… and {count} more such point(s)").format(count=len(lines) - WRITTEN_TWICE_SHOWN)]
    return lines


def _copied_points(conn: sqlite3.Connection) -> list[tuple]:
    """Two parties of one agreement, in two countries, at one point, as a list copies a town's
    point into its twin's cells (Strasburg, Germany at Brodnica, Poland's): the one whose
    country has no place around it, with the other's name and country."""
    from .gazetteer import holds

    return [(name, country, lat, lng, partner, other) for name, country, lat, lng, partner, other in conn.execute(
                "SELECT DISTINCT t1.name, t1.country, t1.lat, t1.lng, t2.name, t2.country"
                " FROM agreement_parties p1 JOIN agreement_parties p2 ON p2.agreement = p1.agreement"
                " AND p2.territory_id != p1.territory_id JOIN territories t1 ON t1.id = p1.territory_id"
                " JOIN territories t2 ON t2.id = p2.territory_id WHERE t1.lat = t2.lat AND t1.lng = t2.lng"
                " AND t1.country != t2.country ORDER BY t1.country, t1.name")
            if holds(other, lat, lng) and not holds(country, lat, lng)]


def _with_country_after(conn: sqlite3.Connection, near) -> list[tuple]:
    """A territory named with its own country or region after the name ('Rennes (France)',
    'Cork, Ireland') beside one named without it, near or without a point: the pairs import
    before it read such cells as the town."""
    from .countries import after_name
    from .vocabulary import search_key

    pairs = []
    for row in conn.execute("SELECT name_folded, country, id, name, name_key, lat, lng FROM territories"
                            " WHERE name LIKE '%(%' OR name LIKE '%,%' ORDER BY id").fetchall():
        found = after_name(row[3], row[1])
        other = found and conn.execute(
            "SELECT name_folded, country, id, name, name_key, lat, lng FROM territories WHERE name_folded = ?"
            " AND country = ? AND id != ? ORDER BY id", (search_key(found[0]), row[1], row[2])).fetchone()
        if other and near(other, row):
            pairs.append((other, row))
    return pairs


def _named_otherwise(conn: sqlite3.Connection, near) -> list[tuple]:
    """Two territories of one country under two names that GeoNames gives to one place there and
    to no other (Köln and Cologne, Kyiv and Kiev), near or without a point: a register made from
    lists in several languages."""
    from . import gazetteer
    from .errors import TwinningError

    first_of: dict[tuple[str, str], tuple] = {}
    pairs = []
    try:
        for row in conn.execute("SELECT name_folded, country, id, name, name_key, lat, lng FROM territories"
                                " ORDER BY id").fetchall():
            found = gazetteer.refs(row[3], row[1])
            if len(found) != 1:
                continue  # a name of no place there, or of several (Neustadt)
            first = first_of.setdefault((row[1], found.pop()), row)
            if first is not row and first[4] != row[4] and near(first, row):
                pairs.append((first, row))
    except TwinningError:  # no gazetteer index can be made here
        return []
    return pairs
