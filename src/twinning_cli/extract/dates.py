"""Dates in an article: its dateline, absolute dates, ranges, and relative ones ('vendredi dernier',
'le 29 juin prochain') counted from the dateline."""

from __future__ import annotations

import datetime as dt
import re
from collections import namedtuple

from .text import NAME

MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
DAY = r"(?:1er|\d{1,2})"


def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    found = dateparser.parse(expression, languages=["fr"], settings=settings)
    return found.date() if found else None


def dateline(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None, str | None]:
    """The publication date and place: --published, a 'Ville, le 2 novembre 2023 –' line, a date header."""
    head = text[:600]
    match = re.search(rf"(?m)^\s*({NAME}(?: \([^)]*\))?), le ({DAY} (?i:{MONTHS}) \d{{4}})", head)
    place = match.group(1) if match else None
    found = _parse(match.group(2), None) if match else None
    if published:
        return published, place, None
    if found:
        return found, place, match.group(0).strip()
    header = re.search(r"\bdate (\d{4}-\d{2}(?:-\d{2})?)\b", head)
    if header:
        parts = [int(p) for p in header.group(1).split("-")]
        return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1), None, header.group(0)
    return None, place, None


DateFound = namedtuple("DateFound", "date end inferred note text start")


def find_dates(text: str, base: dt.date | None) -> list[DateFound]:
    """Every date in the text, resolved: absolute, ranges, and relative to `base`."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match, date, end=None, inferred=False, note=None):
        taken.append(match.span())
        found.append(DateFound(date, end, inferred, note, match.group(0), match.start()))

    latest_year = max((int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)), default=None)
    reference = base or (dt.date(latest_year, 1, 1) if latest_year else None)

    for m in re.finditer(rf"\bdu ({DAY})(?: ({MONTHS}))?(?: (\d{{4}}))? au ({DAY}) ({MONTHS})(?: (\d{{4}}))?",
                         text, re.IGNORECASE):
        year = m.group(6) or m.group(3)
        inferred = year is None
        if inferred and reference is None:
            continue
        year = int(year) if year else reference.year
        end = _parse(f"{m.group(4)} {m.group(5)} {year}", None)
        start = _parse(f"{m.group(1)} {m.group(2) or m.group(5)} {year}", None)
        if start and end:
            note = (f"the text gives no year; taken from {'the dateline' if base else 'the latest year it names'}"
                    if inferred else None)
            add(m, start.isoformat(), end.isoformat(), inferred, note)

    pattern = rf"\b(?:({'|'.join(WEEKDAYS)}) )?(?:le )?({DAY}) ({MONTHS})(?: (\d{{4}}))?( prochain)?"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if not free(*m.span()):
            continue
        weekday, day, month, year, coming = m.groups()
        if year:
            date = _parse(f"{day} {month} {year}", None)
            if date:
                add(m, date.isoformat())
            continue
        if reference is None:
            continue
        date = _parse(f"{day} {month} {reference.year}", None)
        if date is None:
            continue
        if coming and date <= reference:
            date = date.replace(year=date.year + 1)
        elif not coming and base and date > base + dt.timedelta(days=7):
            date = date.replace(year=date.year - 1)  # a past event in a release
        where = "the dateline" if base else f"the latest year the text names ({reference.year})"
        add(m, date.isoformat(), inferred=True, note=f"« {m.group(0).strip()} » has no year: taken from {where}")

    if base:
        for m in re.finditer(rf"\b({'|'.join(WEEKDAYS)}) (dernier|prochain)\b", text, re.IGNORECASE):
            target = WEEKDAYS.index(m.group(1).lower())
            delta = (base.weekday() - target) % 7 or 7
            date = base - dt.timedelta(days=delta) if m.group(2).lower() == "dernier" \
                else base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
            add(m, date.isoformat(), inferred=True,
                note=f"« {m.group(0)} » counted from the date of the text, {base.strftime('%A %d %B %Y')}")
        for m in re.finditer(r"\b(hier|aujourd'hui|ce matin)\b", text, re.IGNORECASE):
            date = base - dt.timedelta(days=1) if m.group(1).lower() == "hier" else base
            add(m, date.isoformat(), inferred=True, note=f"« {m.group(1)} » counted from the date of the text")

    for m in re.finditer(rf"\b(?:en|depuis|de) ({MONTHS}) (\d{{4}})\b", text, re.IGNORECASE):
        if free(*m.span()):
            date = _parse(f"1 {m.group(1)} {m.group(2)}", None)
            if date:
                add(m, date.isoformat()[:7])
    for m in re.finditer(r"\b(?:en|depuis|dès) (19[5-9]\d|20\d\d)\b", text):
        if free(*m.span()):
            add(m, m.group(1))
    return sorted(found, key=lambda d: d.start)

