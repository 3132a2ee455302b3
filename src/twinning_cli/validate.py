"""Turning raw dicts into validated agreements, with problems named one per field."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from .errors import DataError
from .model import Agreement

MAX_SHOWN = 20


@dataclass(frozen=True)
class Problem:
    where: str  # "record 3 (rennes-quebec)"
    field: str  # "parties.0.country", or "" for the whole record
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field + ': ' if self.field else ''}{self.message}"


def _where(number: int, raw: object) -> str:
    slug = raw.get("slug") if isinstance(raw, dict) else None
    return f"record {number}" + (f" ({slug})" if isinstance(slug, str) and slug else "")


def check_one(number: int, raw: object) -> tuple[Agreement | None, list[Problem]]:
    """Validate one raw record; pydantic's errors become one Problem per field."""
    where = _where(number, raw)
    try:
        return Agreement.model_validate(raw), []
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            field = ".".join(str(p) for p in item["loc"])
            message = item["msg"].removeprefix("Value error, ")
            problems.append(Problem(where, field, message))
        return None, problems


class Checker:
    """Checks records one by one, remembering what a whole file must not repeat."""

    def __init__(self):
        self.slugs: dict[str, int] = {}
        self.pairs: dict[tuple, str] = {}

    def check(self, number: int, raw: object) -> tuple[Agreement | None, list[Problem]]:
        agreement, problems = check_one(number, raw)
        if agreement is None:
            return None, problems
        where = _where(number, raw)
        if agreement.slug in self.slugs:
            problems.append(Problem(where, "slug", f"duplicate slug: already record {self.slugs[agreement.slug]}"))
        pair = (agreement.kind, agreement.pair_key())
        if pair in self.pairs and self.pairs[pair] != agreement.slug:
            problems.append(Problem(where, "parties",
                                    f"same parties and kind as {self.pairs[pair]} (a pair listed twice, maybe reversed)"))
        self.slugs.setdefault(agreement.slug, number)
        self.pairs.setdefault(pair, agreement.slug)
        return (None if problems else agreement), problems


def report(problems: list[Problem]) -> str:
    """The first MAX_SHOWN problems, one a line, and a count of the rest."""
    lines = [str(p) for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        lines.append(f"… and {len(problems) - MAX_SHOWN} more problems")
    return "\n".join(lines)


def parse_records(items: object, origin: str) -> list[Agreement]:
    """All records valid, or DataError naming every problem (by record and field)."""
    if not isinstance(items, list):
        raise DataError(f"{origin}: expected a JSON array of agreements")
    checker, good, problems = Checker(), [], []
    for number, raw in enumerate(items, start=1):
        agreement, found = checker.check(number, raw)
        problems.extend(found)
        if agreement:
            good.append(agreement)
    if problems:
        raise DataError(f"{origin}: {len(problems)} problem(s)\n{report(problems)}")
    return good
