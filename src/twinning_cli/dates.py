"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the register stores them.

Press releases give dates at every precision, so the register keeps them as
strings whose lexical order is their chronological order ('2024' < '2024-05' <
'2024-05-24' < '2024-06'). Stdlib only: used by filters on the read path.
"""

from __future__ import annotations

import calendar
import datetime
import re
from functools import cache, lru_cache

from .i18n import _

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only, never '２０２４'
FIRST_YEAR, LAST_YEAR = 1000, 2100  # a plausible range for an agreement between territories
# A date written out: a word of three letters or more (a month's name), perhaps a day, a year.
_WRITTEN = re.compile(r"(?:[0-9]{1,2}(?:st|nd|rd|th|er)?\s+)?[^\W\d_]{3,}\.?\s+(?:[0-9]{1,2},?\s+)?[0-9]{4}")


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


def read_partial(value: str) -> str:
    """A partial ISO date as it is, a date written out with its month's name as one ('12 mai
    1964' -> '1964-05-12'), or a date in figures only one reading of which is a date ('27/10/2023',
    as a spreadsheet in a French locale saves it; '05/1964', a month); else the ValueError of check_partial, or one
    saying why a date in figures or a spreadsheet's 'mai-24' is not read."""
    try:
        return check_partial(value)
    except ValueError:
        found = written(value)
        if found is not None:
            return found
        found, either = in_figures(value)
        if found is not None:
            return found
        if backwards := _YEAR_FIRST.fullmatch(value.strip()):  # '1964/05/12', '1964.05.12': one reading
            year, month, day = (int(backwards.group(i)) for i in (1, 3, 4))
            return check_partial(f"{year:04d}-{month:02d}-{day:02d}")
        month_year = _MONTH_YEAR.fullmatch(value.strip())  # '05/1964', as a sheet shows a month: 1964-05
        if month_year and 1 <= int(month_year.group(1)) <= 12:
            return check_partial(f"{month_year.group(2)}-{int(month_year.group(1)):02d}")
        if either:
            raise ValueError(_("{value!r} has its day and month either way round: write it YYYY-MM-DD").format(
                value=value)) from None
        if _SHEET_MONTH.fullmatch(value.strip()):
            raise ValueError(_("{value!r} is a month and a two-digit year, as a spreadsheet shows a date: write it "
                               "YYYY-MM").format(value=value)) from None
        raise


_FIGURES = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")  # 27/10/2023, 27.10.2023, 10/27/2023, 27-10-2023
_YEAR_FIRST = re.compile(r"([0-9]{4})([/.])([0-9]{1,2})\2([0-9]{1,2})")  # 1964/05/12, 1964.05.12
_MONTH_YEAR = re.compile(r"([0-9]{1,2})[/.-]([0-9]{4})")  # 05/1964, 5.1964, 05-1964: a month and its year, one reading
_SHEET_MONTH = re.compile(r"[^\W\d_]{3,5}\.?[-/ ][0-9]{2}")  # 'mai-24', 'May-24', 'janv.-24': Excel's mmm-yy


def in_figures(text: str) -> tuple[str | None, bool]:
    """A date in figures, day and month in either order: the ISO date when only one reading is a
    date ('27/10/2023', '10/27/2023', '05/05/1964'); (None, True) when both are ('12/05/1964');
    (None, False) when it is no date in figures or none at all ('31/02/1964')."""
    match = _FIGURES.fullmatch(text.strip())
    if not match:
        return None, False
    first, second, year = (int(match.group(i)) for i in (1, 3, 4))
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(check_partial(f"{year:04d}-{month:02d}-{day:02d}"))
        except ValueError:
            pass
    if len(readings) == 1:
        return readings.pop(), False
    return None, len(readings) == 2


def written(text: str) -> str | None:
    """'12 May 1964' -> '1964-05-12', 'juin 1955' -> '1955-06': a date written out with its
    month's name, in English or French, at the precision written. None for anything else: 'about
    1967' or 'Summer 1967' is no date to record (dateparser alone would read the year)."""
    text = " ".join(text.split())
    return _written(text) if _WRITTEN.fullmatch(text) else None


def written_in(text: str) -> str | None:
    """The first date written out with its month's name within a longer text ('Signé le 12 mai
    1964' -> '1964-05-12'), or None."""
    return next((found for match in _WRITTEN.finditer(text) if (found := written(match.group()))), None)


@lru_cache(maxsize=1024)
def _written(text: str) -> str | None:
    found = _parser().get_date_data(text)
    if not found or not found.date_obj or found.period not in ("day", "month"):
        return None
    try:
        return check_partial(found.date_obj.strftime("%Y-%m-%d" if found.period == "day" else "%Y-%m"))
    except ValueError:
        return None


@cache
def _parser():
    """dateparser's reader, imported only for a date written out: it takes a second to import."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en", "fr"], settings={"PREFER_DAY_OF_MONTH": "first"})
