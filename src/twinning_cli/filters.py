"""The one filter definition shared by list, export (and later stats, timeline).

`Filters.build` turns what the user typed into canonical values, raising
UsageError for a word it cannot resolve; `Filters.where` turns them into SQL
with bound parameters only.
"""

from __future__ import annotations

import re
from collections import namedtuple

from . import vocabulary
from .dates import check_partial, last_day
from .errors import UsageError
from .i18n import _


def _place(value: str):
    """Where a --country value points (countries.resolve), or a usage error naming it."""
    from .countries import near_hint, where

    place = where(value)
    if place is None:
        raise UsageError(_("unknown country {value!r}: give an ISO code (FR, CA) or a country name").format(value=value)
                         + near_hint(value))
    return place


def resolve_country(value: str) -> str:
    """ISO 3166-1 alpha-2 code from a code or a country name in any language."""
    return _place(value).country


def country_or_nation(value: str) -> list[str]:
    """What a --country value names: its ISO code ('France', 'Russia' -> FR, RU); a value that
    names a part of a country ('Scotland', 'England', 'Québec, Canada') names that part, and what
    lies inside it (GB-SCT and its council areas): `list -c Scotland` is not all of the UK."""
    place = _place(value)
    return resolve_region(place.subdivision) if place.subdivision else [place.country]


def resolve_region(value: str) -> list[str]:
    """ISO 3166-2 codes of a region (and what lies inside it), from a code or a name."""
    from .countries import regions

    try:
        return regions(value)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _territory(value: str) -> tuple[str, str | None, str | None, str]:
    """A --territory value as (part of a name, folded; country; its subdivisions as a JSON list;
    the value as typed, for messages):
    'Paris, FR', 'Paris (France)', 'Saint-Laurent, CA-QC', 'Rennes, Bretagne' name a country or
    a region after the name (with what lies inside it, as --region, and what it lies in)."""
    import json

    from .lookup import split

    name, qualifier = split(value)
    if qualifier is None or qualifier.country is None:
        return vocabulary.search_key(value), None, None, value
    from .countries import ancestors

    sub = qualifier.subdivision
    regions = json.dumps(resolve_region(sub) + ancestors(sub)) if sub else None  # a town recorded by its region too
    return vocabulary.search_key(name), qualifier.country, regions, value


def _terms(what: str, values: list[str] | None) -> list[str]:
    try:
        return [vocabulary.resolve(what, v) for v in values or []]
    except vocabulary.UnknownTerm as error:
        raise UsageError(str(error)) from None


def _date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_partial(value)
    except ValueError as error:
        raise UsageError(f"{name}: {error}") from None


_FIELDS = "domains years since until countries territories statuses kinds search between regions"


class Filters(namedtuple("Filters", _FIELDS, defaults=((), (), None, None, (), (), (), (), None, (), ()))):
    """Canonical filter values: slugs, ISO codes, folded names, checked dates."""

    @property
    def empty(self) -> bool:
        return not any(self)

    @classmethod
    def build(cls, *, domain=None, year=None, since=None, until=None, country=None, region=None, between=None,
              territory=None, status=None, kind=None, search=None) -> Filters:
        return cls(
            domains=_terms("domain", domain),
            years=list(year or []),
            since=_date("--since", since),
            until=_date("--until", until),
            countries=_countries_then_parts(country),
            territories=[_territory(t) for t in territory or [] if t.strip()],
            statuses=_terms("status", status),
            kinds=_terms("kind", kind),
            search=search.strip() if search and search.strip() else None,
            between=tuple(resolve_country(c) for c in between) if between else (),
            regions=sorted({code for r in region or [] for code in resolve_region(r)}),
        )

    def where(self) -> tuple[str, list]:
        """SQL condition on `agreements a` and its parameters (AND of all filters).

        Filters on other tables (domain, country, territory) are written as
        `a.id IN (…)` when one of them must drive the query, and as a correlated
        EXISTS, probing the primary key, when a year, date or text search already
        narrows it down: at 100,000 agreements that is 4 ms instead of 18.
        """
        parts: list[str] = []
        params: list = []

        def among(sql: str, values) -> None:
            if values:
                parts.append(sql.format(", ".join("?" * len(values))))
                params.extend(values)

        among("a.year IN ({})", self.years)
        among("a.status IN ({})", self.statuses)
        among("a.kind IN ({})", self.kinds)
        if self.since:
            parts.append("a.date >= ?")
            params.append(self.since)
        if self.until:
            parts.append("a.date <= ?")
            params.append(last_day(self.until))
        if self.search:
            parts.append("a.rowid IN (SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ?)")
            params.append(fts_query(self.search))
        if self.between:  # a party in A and another party in B (A and B may be one country)
            parts.append("a.id IN (SELECT x.agreement FROM territories t"
                         " JOIN agreement_parties x ON x.territory_id = t.id"
                         " JOIN agreement_parties y ON y.agreement = x.agreement AND y.position != x.position"
                         " JOIN territories u ON u.id = y.territory_id WHERE t.country = ? AND u.country = ?)")
            params.extend(self.between)
        parties = "agreement_parties x JOIN territories t ON t.id = x.territory_id"
        members = [
            ("agreement_domains x", "x.domain IN ({})", list(self.domains)),
            (parties, _country_condition(self.countries), list(self.countries)),
            (parties, "t.subdivision IN ({})", list(self.regions)),
            (parties, "({})", [value for name, country, regions, _typed in self.territories
                               for value in (f"%{escape_like(name)}%", country, regions, regions)]),
        ]
        driven = bool(self.years or self.since or self.until or self.search)
        for source, condition, values in members:
            if not values:
                continue
            marks = (" OR ".join("(t.name_folded LIKE ? ESCAPE '\\' AND coalesce(t.country = ?, 1) AND (? IS NULL"
                                 " OR t.subdivision IN (SELECT value FROM json_each(?))))" for _ in self.territories)
                     if condition == "({})" else ", ".join("?" * len(values)))
            condition = condition.format(marks)
            if driven:
                parts.append(f"EXISTS (SELECT 1 FROM {source} WHERE x.agreement = a.id AND {condition})")
            else:
                parts.append(f"a.id IN (SELECT x.agreement FROM {source} WHERE {condition})")
                driven = True
            params.extend(values)
        return (" AND ".join(parts) or "1"), params


def _countries_then_parts(values: list[str] | None) -> list[str]:
    """The codes the --country values name: whole countries first, then parts of countries."""
    found = {code for value in values or [] for code in country_or_nation(value)}
    return sorted(code for code in found if "-" not in code) + sorted(code for code in found if "-" in code)


def _country_condition(codes: list[str]) -> str:
    """Countries by code, then the parts of countries a --country named (codes with a hyphen:
    GB-SCT), as one SQL condition whose parameters are `codes` in their order."""
    parts = len([code for code in codes if "-" in code])
    if not parts:
        return "t.country IN ({})"
    whole = len(codes) - parts
    conditions = ([f"t.country IN ({', '.join('?' * whole)})"] if whole else []) + [
        f"t.subdivision IN ({', '.join('?' * parts)})"]
    return "(" + " OR ".join(conditions) + ")"


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(text: str) -> str:
    """Each word a quoted prefix term, so user text is never FTS syntax: 'NEAR(' or '"' are words."""
    words = [w for w in re.split(r"[\s\"]+", text) if any(c.isalnum() for c in w)]
    if not words:
        raise UsageError(_("--search: {text!r} has no word to search for").format(text=text))
    return " ".join(f'"{w}"*' for w in words)
