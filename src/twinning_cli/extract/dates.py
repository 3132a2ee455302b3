"""Dates in an article: its dateline, absolute dates, ranges, and relative ones ('vendredi dernier',
'le 29 juin prochain') counted from the dateline."""

from __future__ import annotations

import datetime as dt
import re
from collections import namedtuple

from .signals import SIGNED
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


Dateline = namedtuple("Dateline", "date place text month_only")
MONTH_ABBREVIATIONS = r"janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec"


def dateline(text: str, published: dt.date | None) -> Dateline:
    """The date and place of the article: --published, a 'Ville, le 2 novembre 2023 –' line, a
    line that is a date ('24 Octobre 2008', '05 janv. 2011, 10:06'), a store's 'date 2024-08'
    header (a month only), an ISO date on a line of its own ('CGET - 2016-11-18'), or 'relevé
    dans la Nouvelle République du 24 septembre 1990'."""
    head = text[:600]
    match = re.search(rf"(?m)^(?:[^\n,]{{0,40}}? [–—-] )?\s*({NAME}(?: \([^)]*\))?), le ({DAY} (?i:{MONTHS}) \d{{4}})",
                      head)  # 'Québec, le 21 mars 2025 –', 'Communiqué de presse – Rennes, le 12 janvier 2024'

    place = match.group(1) if match else None
    if published:
        return Dateline(published, place, None, False)
    found = _parse(match.group(2), None) if match else None
    if found:
        return Dateline(found, place, match.group(0).strip(), False)
    for line in head.splitlines()[:8]:
        if len(line.strip()) <= 40 and re.search(r"\b\d{4}\b", line) and \
                re.search(rf"(?i)\b(?:{MONTHS}|{MONTH_ABBREVIATIONS})\b", line):
            date = _parse(re.sub(r",? \d{1,2}[:h]\d{2}\b.*", "", line.strip()), None)
            if date:
                return Dateline(date, place, line.strip(), False)
    header = re.search(r"\bdate (\d{4}-\d{2}(?:-\d{2})?)\b", head)
    if header:
        parts = [int(p) for p in header.group(1).split("-")]
        return Dateline(dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1), None, header.group(0),
                        len(parts) == 2)
    iso = re.search(r"(?m)^[^\n]{0,40}?\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b[^\n]{0,20}$", text)
    cited = re.search(rf"(?i)(?:publié|paru|relevé|article)[^.\n]{{0,60}}? (?:du|le) ({DAY} (?:{MONTHS}) \d{{4}})", text)
    if iso:
        return Dateline(dt.date(*map(int, iso.groups())), place, iso.group(0).strip(), False)
    if cited:
        found = _parse(cited.group(1), None)
        if found:
            return Dateline(found, place, cited.group(0).strip(), False)
    return Dateline(None, place, None, False)


DateFound = namedtuple("DateFound", "date end inferred note text start")


def find_dates(text: str, line: Dateline) -> list[DateFound]:
    """Every date in the text, resolved: absolute, ranges, and relative to the dateline (to its
    month only, when the dateline gives no day)."""
    base, month_only = line.date, line.month_only
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match, date, end=None, inferred=False, note=None):
        taken.append(match.span())
        found.append(DateFound(date, end, inferred, note, match.group(0), match.start()))

    latest_year = max((int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)), default=None)
    reference = base or (dt.date(latest_year, 1, 1) if latest_year else None)
    # The latest day a past event in the article can have: the dateline's (its month's end).
    latest = (base.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1) if month_only \
        else base + dt.timedelta(days=7) if base else None
    where = "the dateline" if base else f"the latest year the text names ({reference.year})" if reference else ""

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
            add(m, start.isoformat(), end.isoformat(), inferred, f"the text gives no year; taken from {where}"
                if inferred else None)

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
        how = where
        if weekday:  # 'dimanche 10 décembre': the year in which that day is a Sunday, nearest first
            target = WEEKDAYS.index(weekday.lower())
            fits = [y for y in (date.year, date.year - 1, date.year + 1) if _on(date, y).weekday() == target]
            if fits:
                date, how = _on(date, fits[0]), f"the year in which it is a {weekday}, near {reference.year}"
        elif coming and date <= reference:
            date = date.replace(year=date.year + 1)
        elif not coming and latest and date > latest:
            date = date.replace(year=date.year - 1)  # a past event in a release
        add(m, date.isoformat(), inferred=True, note=f"« {m.group(0).strip()} » has no year: taken from {how}")

    if base:
        day = f"the date of the text, {base.strftime('%A %d %B %Y')}" if not month_only else \
            f"the month of the text ({base.isoformat()[:7]}), which gives no day"

        def relative(m, date: dt.date) -> None:  # within a month-only dateline: that month
            add(m, base.isoformat()[:7] if month_only else date.isoformat(), inferred=True,
                note=f"« {m.group(0)} » counted from {day}")

        for m in re.finditer(rf"\b({'|'.join(WEEKDAYS)}) (dernier|prochain)\b", text, re.IGNORECASE):
            target = WEEKDAYS.index(m.group(1).lower())
            delta = (base.weekday() - target) % 7 or 7
            relative(m, base - dt.timedelta(days=delta) if m.group(2).lower() == "dernier"
                     else base + dt.timedelta(days=(target - base.weekday()) % 7 or 7))
        for m in re.finditer(r"\b(hier|aujourd'hui|ce matin|ce jour)\b", text, re.IGNORECASE):
            relative(m, base - dt.timedelta(days=1) if m.group(1).lower() == "hier" else base)
        if not month_only:  # 'samedi matin' in an article of Monday 24: the Saturday before
            for m in re.finditer(rf"\b({'|'.join(WEEKDAYS)})(?: (?:matin|soir|midi|après-midi))?\b(?! \d)",
                                 text, re.IGNORECASE):
                if free(*m.span()):
                    relative(m, base - dt.timedelta(days=(base.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7))

    for m in re.finditer(rf"\b(?:en|depuis|de) ({MONTHS}) (\d{{4}})\b", text, re.IGNORECASE):
        if free(*m.span()):
            date = _parse(f"1 {m.group(1)} {m.group(2)}", None)
            if date:
                add(m, date.isoformat()[:7])
    for m in re.finditer(r"\b(?:en|depuis|dès) (19[5-9]\d|20\d\d)\b", text):
        if free(*m.span()):
            add(m, m.group(1))
    return sorted(found, key=lambda d: d.start)


def _on(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return date.replace(year=year, day=28)


# A renewal's sentence names the first signing too: 'renouveler une convention signée en 2006'.
RENEWAL = r"renouvel"
LONGSTANDING = r"anniversaire|\bans de (?:jumelage|coopération)|entretien\w* des relations|jumelées? depuis|" \
               r"\bdepuis \d+ ans"


def signing_date(text: str, sents: list[str], dates: list[DateFound], line: Dateline, evidence: str,
                 signing: str, events: str) -> tuple[str | None, bool, str | None]:
    """(date, inferred, note) of the signature: a date in a sentence that says it was signed; the
    event it was signed during; else, for a signing the article reports as news, the dateline's
    month (its day is not said)."""
    from .text import sentence_at

    said = [x for x in sents if re.search(signing, x, re.IGNORECASE)]
    if said and sents.index(said[0]) + 1 < len(sents):  # '… ont signé un accord. C'était le 13 juin, …'
        following = sents[sents.index(said[0]) + 1]
        if re.match(r"(?:C'était|C'est|Ce fut|Cela s'est passé|La cérémonie)\b", following):
            said.insert(1, following)
    renewal = re.search(RENEWAL, evidence, re.IGNORECASE)
    in_sentence = [d for d in dates if not d.end and not (line.text and d.text in line.text)
                   and sentence_at(text, sents, d.start) in said
                   and not re.match(r"(?:depuis|dès)\b", d.text, re.IGNORECASE)  # since when, not when signed
                   and not (renewal and re.search(r"signée?s? $", text[max(0, d.start - 10):d.start]))]
    if in_sentence:
        first = in_sentence[0]
        return first.date, first.inferred, first.note
    ranges = [d for d in dates if d.end and re.search(events, sentence_at(text, sents, d.start), re.IGNORECASE)]
    if re.search(r"occasion|lors|pendant|durant|accueil|mission|visite", evidence, re.IGNORECASE) and len(ranges) == 1:
        span = ranges[0]
        return (span.date[:7] if span.date[:7] == span.end[:7] else span.date[:4], True,
                f"Signed during the event of {span.date} to {span.end} (« {span.text} »).")
    worked_out = anniversary(sents, line)
    if worked_out:
        return worked_out
    if line.date and not re.search(LONGSTANDING, evidence, re.IGNORECASE):
        return (line.date.isoformat()[:7], True,
                f"The article of {line.date.isoformat()[:7]} (« {line.text or 'its date'} ») reports the signing "
                "as news without its day: its month.")
    return None, False, None


# 'le 10e anniversaire du jumelage', 'le dixième anniversaire de la signature de la charte', 'dix ans
# de jumelage' (numbers in words read by text2num): an agreement that many years old.
ANNIVERSARY = re.compile(
    r"\b(\d{1,3}) ?(?:e|è|ème|eme|ième)? anniversaire (?:de (?:la |leur |son |sa |notre |cette |ce )?)?"
    r"(?:signature (?:de (?:la |leur |son |sa |notre )?|du |des )?)?(?:du |des )?"
    r"(?:jumelage|charte|coopération|partenariat|convention|pacte|amitié|accord)"
    r"|\b(\d{1,3}) ans (?:de |du |d')(?:leur |son |sa |notre )?(?:jumelage|coopération|partenariat|amitié)",
    re.IGNORECASE)


def anniversary(sents: list[str], line: Dateline) -> tuple[str, bool, str] | None:
    """The year of signing worked out from an anniversary: 'L'année 2011 marque le 10e
    anniversaire du jumelage' -> 2001 (inferred, how said), the anniversary's year being one its
    sentence names, else the article's. Not when that sentence signs or renews something at the
    anniversary ('à l'occasion du 25e anniversaire, les maires ont signé…'): that is a new act."""
    for sentence in sents:
        if not re.search(r"anniversaire|\bans\b", sentence) or re.search(SIGNED, sentence, re.IGNORECASE) \
                or re.search(RENEWAL, sentence, re.IGNORECASE):
            continue
        from text_to_num import alpha2digit  # 'dixième', 'vingt-cinq ans': numbers written in words

        digits = alpha2digit(sentence, "fr")
        found = ANNIVERSARY.search(digits)
        if not found:
            continue
        years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", digits)]
        year, whose = (years[0], "the year its sentence names") if years else \
            (line.date.year, "the article's year") if line.date else (None, None)
        age = int(found.group(1) or found.group(2))
        if year is None or not 0 < age <= 100:
            continue
        quote = " ".join(sentence.split())
        quote = quote if len(quote) <= 160 else quote[:160] + "…"
        return (str(year - age), True,
                f"Worked out from « {quote} »: {age} years in {year} ({whose}), so {year} − {age}.")
    return None
