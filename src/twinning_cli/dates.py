"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the register stores them.

Press releases give dates at every precision, so the register keeps them as
strings whose lexical order is their chronological order ('2024' < '2024-05' <
'2024-05-24' < '2024-06'). Stdlib only: used by filters on the read path.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .i18n import _

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only, never '２０２４'
FIRST_YEAR, LAST_YEAR = 1000, 2100  # a plausible range for an agreement between territories


def check_partial(value: str) -> str:
    """Return `value` if it is a real partial ISO date, else raise ValueError."""
    match = _PARTIAL.fullmatch(value.strip())
    if not match:
        raise ValueError(_("{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD").format(value=value))
    year, month, day = (int(g) if g else None for g in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(_("{value!r} is out of range: the year must be from {first} to {last}").format(
            value=value, first=FIRST_YEAR, last=LAST_YEAR))
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        why = _("the month must be from 1 to 12") if not 1 <= (month or 1) <= 12 else \
            _("that month has no day {day}").format(day=day)
        raise ValueError(_("{value!r} is not a real date: {error}").format(value=value, error=why)) from None
    return value.strip()


def last_day(value: str) -> str:
    """The last full date a partial date covers: '2024' -> '2024-12-31'."""
    year, *rest = (int(p) for p in check_partial(value).split("-"))
    month = rest[0] if rest else 12
    day = rest[1] if len(rest) > 1 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"
