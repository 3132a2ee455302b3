"""Turning raw dicts into validated agreements, with problems named one per field."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from .errors import DataError
from .i18n import N_, _
from .model import Agreement
from .seen import Seen

MAX_SHOWN = 20


class Unreadable(str):
    """A record that could not even be parsed; validation reports its text."""


@dataclass(frozen=True)
class Problem:
    where: str  # "record 3 (rennes-quebec)"
    field: str  # "parties.0.country", or "" for the whole record
    message: str
    kind: str = ""  # the class it is counted under, where the message names a record (ingest.kind_of)

    def __str__(self) -> str:
        return f"{self.where}: {self.field + ': ' if self.field else ''}{self.message}"


def _where(number: int, raw: object) -> str:
    slug = raw.get("slug") if isinstance(raw, dict) else None
    return _("record {number}").format(number=number) + (f" ({slug})" if isinstance(slug, str) and slug else "")


# What pydantic says of a field in its own words, most often: marked here so that the catalog has them.
PYDANTIC = {N_("Field required"), N_("Extra inputs are not permitted"), N_("Input should be a valid string"),
            N_("Input should be a valid list"), N_("Input should be a valid number"),
            N_("Input should be a valid boolean"), N_("Input should be a valid dictionary or instance of Party"),
            N_("String should have at least 1 character"), N_("Input should be a finite number")}


def check_one(number: int, raw: object) -> tuple[Agreement | None, list[Problem]]:
    """Validate one raw record; pydantic's errors become one Problem per field."""
    try:
        return Agreement.model_validate(raw), []
    except ValidationError as error:
        where = _where(number, raw)  # worked out for a problem only: this is every record's path
        problems = []
        for item in error.errors(include_url=False):
            field = ".".join(str(p) for p in item["loc"])
            message = item["msg"].removeprefix("Value error, ")
            if message in PYDANTIC:  # pydantic's own words, in the interface's language
                message = _(message)
            if item["type"] == "extra_forbidden" and (meant := _meant(item["loc"])):
                message += _(" (did you mean {field}?)").format(field=meant)
            problems.append(Problem(where, field, message))
        return None, problems


# What other registers and spreadsheets call our fields, in English and French, by where they
# stand (a record's own field, or a party's): an unknown field named so is pointed to ours.
SYNONYMS = {
    None: {"type": "kind", "nature": "kind", "date": "signed_on", "signed": "signed_on", "signature": "signed_on",
           "signing_date": "signed_on", "date_signature": "signed_on", "partners": "parties", "party": "parties",
           "partenaires": "parties", "source": "sources", "domain": "domains",
           "domaines": "domains", "themes": "domains", "statut": "status", "titre": "title", "name": "title",
           "description": "summary", "resume": "summary"},
    "parties": {"nom": "name", "pays": "country", "type": "kind", "nature": "kind", "latitude": "lat",
                "longitude": "lng", "lon": "lng", "long": "lng", "region": "subdivision", "state": "subdivision",
                "province": "subdivision", "qid": "wikidata"},
    "sources": {"link": "url", "lien": "url", "href": "url", "fichier": "file", "path": "file", "editeur": "publisher",
                "date": "published_on", "published": "published_on"},
    "events": {"lieu": "place", "when": "date", "debut": "date", "start": "date", "fin": "end"},
}


def _meant(loc: tuple) -> str | None:
    """The field an unknown one most likely is: a known other name for it, or a near spelling."""
    import difflib

    from .shape import AGREEMENT, NESTED
    from .vocabulary import fold

    parts = [part for part in loc if not isinstance(part, int)]
    if not parts:
        return None
    *path, name = parts
    if not isinstance(name, str) or len(path) > 1 or (path and path[0] not in NESTED):
        return None
    known = list(NESTED[path[0]] if path else AGREEMENT)
    written = fold(name)  # 'Résumé', 'début' as 'resume', 'debut'
    said = SYNONYMS.get(path[0] if path else None, {}).get(written)
    close = difflib.get_close_matches(written, known, n=1, cutoff=0.75)
    return said or (close[0] if close else None)


class Checker:
    """Checks records one by one, remembering what a whole file must not repeat.

    What it remembers lives in a private on-disk SQLite file, not in Python
    sets, so checking a million records takes no more memory than a thousand;
    a Bloom filter in front of it (seen.Seen) says which keys are certainly new,
    and those are written to it a few thousand at a time, in key order.
    """

    BATCH = 1024  # keys waiting in memory: 100,000 records checked as fast as with 2,048 or 4,096, in less
    CACHE_KIB = 256

    def __init__(self, repeats: bool = True, done: Callable[[], float | None] | None = None):
        """`done`: the share of the input read so far (seen.Seen)."""
        self.repeats = repeats  # False: a repeated slug or pair is not this checker's business
        self.seen = sqlite3.connect("")  # "" = a temporary file, deleted on close
        # Its keys go in a few thousand at a time and are read back only on a filter's rare "perhaps":
        # a page cache of 256 KiB instead of SQLite's 2 MB, 2 MB less at 100,000 records in the same time.
        self.seen.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
        self.seen.execute("CREATE TABLE slugs (slug TEXT PRIMARY KEY, number INTEGER)")
        self.seen.execute("CREATE TABLE pairs (pair TEXT PRIMARY KEY, slug TEXT)")
        self.filters = {"slugs": Seen(done=done), "pairs": Seen(done=done)}
        self.queued: dict[str, dict[str, object]] = {"slugs": {}, "pairs": {}}

    def check(self, number: int, raw: object) -> tuple[Agreement | None, list[Problem]]:
        if isinstance(raw, Unreadable):  # a line or row that could not be parsed at all
            return None, [Problem(_where(number, raw), "", raw)]
        if not isinstance(raw, dict):
            kind = {str: "a string", list: "a list", int: "a number", float: "a number", bool: "true or false",
                    type(None): "null"}.get(type(raw), type(raw).__name__)
            return None, [Problem(_where(number, raw), "", _("expected a JSON object (an agreement), got {kind}").format(
                                                 kind=kind))]
        agreement, problems = check_one(number, raw)
        if agreement is None or not self.repeats:
            return agreement, problems
        first = self._remember("slugs", agreement.slug, number)
        where = _where(number, raw) if first is not None else ""  # worked out for a problem only
        if first is not None:
            problems.append(Problem(where, "slug", _('duplicate slug: already record {first}').format(first=first)))
        other = self._remember("pairs", agreement.pair_key, agreement.slug)
        if other is not None and other != agreement.slug:
            problems.append(Problem(where or _where(number, raw), "parties",
                                    _("same parties and kind as {other} (a pair listed twice, maybe reversed)").format(
                                        other=other)))
        return (None if problems else agreement), problems

    def _remember(self, table: str, key: str, value: object) -> object | None:
        """The value first stored under `key`, or None after storing this one."""
        queued = self.queued[table]
        if key in self.filters[table]:  # perhaps seen: in the queue, or in the file
            if key in queued:
                return queued[key]
            column = "slug" if table == "slugs" else "pair"
            row = self.seen.execute(f"SELECT * FROM {table} WHERE {column} = ?", (key,)).fetchone()
            if row is not None:
                return row[1]
        self.filters[table].add(key)
        queued[key] = value
        if len(queued) >= self.BATCH:
            self.seen.executemany(f"INSERT INTO {table} VALUES (?, ?)", sorted(queued.items()))
            queued.clear()
        return None


def report(problems: list[Problem], total: int | None = None) -> str:
    """The first MAX_SHOWN problems, one a line, and a count of the rest (of `total`)."""
    lines = [str(p) for p in problems[:MAX_SHOWN]]
    rest = (len(problems) if total is None else total) - len(lines)
    if rest > 0:
        lines.append(_("… and {count} more problems").format(count=rest))
    return "\n".join(lines)


def parse_records(items: object, origin: str) -> list[Agreement]:
    """All records valid, or DataError naming every problem (by record and field)."""
    if not isinstance(items, list):
        raise DataError(_('{origin}: expected a JSON array of agreements').format(origin=origin))
    checker, good, problems = Checker(), [], []
    for number, raw in enumerate(items, start=1):
        agreement, found = checker.check(number, raw)
        problems.extend(found)
        if agreement:
            good.append(agreement)
    if problems:
        raise DataError(_('{origin}: {len} problem(s)\n{report}').format(
                            origin=origin, len=len(problems), report=report(problems)))
    return good
