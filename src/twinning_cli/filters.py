"""The one filter definition shared by list, export (and later stats, timeline).

`Filters.build` turns what the user typed into canonical values, raising
UsageError for a word it cannot resolve; `Filters.where` turns them into SQL
with bound parameters only.
"""

from __future__ import annotations

from collections import namedtuple

from . import vocabulary
from .dates import check_partial, last_day
from .errors import UsageError


def resolve_country(value: str) -> str:
    """ISO 3166-1 alpha-2 code from a code or a country name in English or French."""
    from .countries import country_code

    code = country_code(value)
    if code is None:
        raise UsageError(f"unknown country {value!r}: give an ISO code (FR, CA) or a country name")
    return code


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


_FIELDS = "domains years since until countries territories statuses kinds search"


class Filters(namedtuple("Filters", _FIELDS, defaults=((), (), None, None, (), (), (), (), None))):
    """Canonical filter values: slugs, ISO codes, folded names, checked dates."""

    @classmethod
    def build(cls, *, domain=None, year=None, since=None, until=None, country=None,
              territory=None, status=None, kind=None, search=None) -> Filters:
        return cls(
            domains=_terms("domain", domain),
            years=list(year or []),
            since=_date("--since", since),
            until=_date("--until", until),
            countries=[resolve_country(c) for c in country or []],
            territories=[vocabulary.fold(t) for t in territory or [] if t.strip()],
            statuses=_terms("status", status),
            kinds=_terms("kind", kind),
            search=search.strip() if search and search.strip() else None,
        )

    def where(self) -> tuple[str, list]:
        """SQL condition on `agreements a` and its parameters (AND of all filters)."""
        parts: list[str] = []
        params: list = []

        def among(sql: str, values: list) -> None:
            if values:
                parts.append(sql.format(", ".join("?" * len(values))))
                params.extend(values)

        among("a.slug IN (SELECT agreement FROM agreement_domains WHERE domain IN ({}))", self.domains)
        among("a.year IN ({})", self.years)
        among("a.status IN ({})", self.statuses)
        among("a.kind IN ({})", self.kinds)
        among("a.slug IN (SELECT ap.agreement FROM agreement_parties ap JOIN territories t"
              " ON t.id = ap.territory_id WHERE t.country IN ({}))", self.countries)
        if self.since:
            parts.append("a.date >= ?")
            params.append(self.since)
        if self.until:
            parts.append("a.date <= ?")
            params.append(last_day(self.until))
        if self.territories:
            likes = " OR ".join("t.name_folded LIKE ? ESCAPE '\\'" for _ in self.territories)
            parts.append("a.slug IN (SELECT ap.agreement FROM agreement_parties ap JOIN territories t"
                         f" ON t.id = ap.territory_id WHERE {likes})")
            params.extend(f"%{escape_like(t)}%" for t in self.territories)
        if self.search:
            parts.append("a.rowid IN (SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ?)")
            params.append(fts_query(self.search))
        return (" AND ".join(parts) or "1"), params


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(text: str) -> str:
    """Each word a quoted prefix term, so user text is never FTS syntax."""
    words = text.replace('"', " ").split()
    return " ".join(f'"{w}"*' for w in words)
