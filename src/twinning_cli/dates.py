"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the register stores them.

Press releases give dates at every precision, so the register keeps them as
strings whose lexical order is their chronological order ('2024' < '2024-05' <
'2024-05-24' < '2024-06'). Stdlib only: used by filters on the read path.
"""

from __future__ import annotations

import calendar
import datetime
import re

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_partial(value: str) -> str:
    """Return `value` if it is a real partial ISO date, else raise ValueError."""
    match = _PARTIAL.fullmatch(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a real date: {error}") from None
    return value.strip()


def last_day(value: str) -> str:
    """The last full date a partial date covers: '2024' -> '2024-12-31'."""
    year, *rest = (int(p) for p in check_partial(value).split("-"))
    month = rest[0] if rest else 12
    day = rest[1] if len(rest) > 1 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"
