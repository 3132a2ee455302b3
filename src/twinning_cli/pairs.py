"""A twin-towns list's rows (`import --pairs`), each made a record (its headers: pair_headers.py).

Cells are read as people write them: a decimal comma, citation marks copied from Wikipedia, a
region or a year after a town's name, a year written out, a region where a town is expected
(regions.py), a point geocoded in another country.
"""

from __future__ import annotations

import json
import re

from .coordinates import read as read_coordinate
from .countries import SPACED_DASH, after_name, related, subdivision_code, town_and_country, where
from .dates import in_figures, read_partial, written_in
from .flags import FIRST, split_flag
from .gazetteer import FAR_KM, far_from, holds, locate, other_name, written_as
from .identity import CITY_KINDS
from .pair_headers import Given, in_french
from .pair_terms import REGION_TYPES, domains_in_cell, kind_in_cell, status_in_cell, territory_kind
from .regions import kind_in_name, region_code, region_named, region_written_with
from .subdivisions import subdivision_type
from .vocabulary import fold, label, slugify

# A citation mark copied with a name from Wikipedia: 'Sendai[3]', 'Japan[a]', 'Kyiv[note 2]'.
_FOOTNOTE = re.compile(r"(?:\s*\[(?:[0-9]{1,3}|[a-z]|(?i:note|nb|n) ?[0-9]{1,3}|(?i:citation needed))\])+$")
# A footnote mark after a name: 'Cardiff*', 'Sendai†'.
_MARK = re.compile(r"\s*[*†‡§]+$")
# The year of a twinning in brackets after the twin's name, as lists give it: 'Erlangen (1964)',
# 'Sendai (since 1967)', 'Kiel (depuis 1964)', 'Kiel (twinned 1964)'; a span ('Bonn (1964–2004)',
# 'Kiel (1964–present)'); the year it ended ('Kiel (until 2004)'); a year with more said after it
# ('Kiel (1964; renewed 2004)', the year read, the cell quoted).
_FROM = (r"since|from|depuis|seit|desde|dal|sinds|od|twinned(?: in| since)?|jumel[ée]e?s?(?: en| depuis)?|"
         r"signed(?: in)?|sign[ée]e?s? en|in|en")
_UNTIL = r"until|till|to|jusqu'en|jusqu’en|jusqu'à|jusqu’à|bis|hasta|fino al"
_OPEN = r"present|today|now|aujourd'hui|aujourd’hui|heute|hoy|oggi"  # a span's end that is no year
_YEAR_AFTER = re.compile(rf"(.+?)\s*\(\s*(?:(?i:(?P<until>{_UNTIL})|{_FROM})\s+)?"
                         rf"(?P<when>[0-9]{{4}}(?:\s*[-–—]\s*(?:[0-9]{{4}}|(?i:{_OPEN}))?)?)(?:\s*[;,][^()]*)?\s*\)")
# What a list says of a twinning in brackets after the twin's name, with no year: 'Kiel (formerly)'.
_ENDED = {"formerly", "former", "ended", "terminated", "dissolved", "ancien", "ancienne", "ehemals", "ehemalig"}
_STATE_AFTER = re.compile(r"(.+?)\s*\(\s*(?P<word>(?i:formerly|former|ended|terminated|dissolved|ancien|ancienne|"
                          r"ehemals|ehemalig|suspended|suspendu|suspendue|inactive))\s*\)")
# A kind of place in brackets after a town's name, as encyclopaedias and French lists tell a city
# from its region or country: 'Québec (ville)', 'Luxembourg (city)', 'Bremen (Stadt)'. The kinds
# identity.py knows as a city's, and the same word in other languages (folded).
_BRACKETS = re.compile(r"(.+?)\s*\(\s*([^()]+?)\s*\)")
_CITY_WORDS = CITY_KINDS | {"stadt", "gemeinde", "ciudad", "citta", "cidade", "miasto", "municipio", "comune"}
_NOTHING = {"n/a", "na", "-", "–", "—", "?", "unknown", "inconnu", "inconnue", "nd", "n.d.", "s.d."}  # a cell saying 'none'


# Several twins in one cell, as a town's own list gives them: 'Erlangen; Sendai', or one a line;
# not a ';' inside brackets ('Kiel (1964; renewed 2004)' is one twin).
_SEVERAL = re.compile(r"\s*[;\n]\s*(?![^()]*\))")


def _one_point_for_two(first: dict, second: dict, unread: list[str]) -> None:
    """Two towns of two countries given one point, as a list copies a town's point into its twin's
    cells (Strasburg, Germany at Brodnica, Poland's): where the gazetteer has places of one of
    the countries around it and none of the other, the other's point is left out, said in the note."""
    if "lat" not in first or "lat" not in second or first["country"] == second["country"] \
            or (first["lat"], first["lng"]) != (second["lat"], second["lng"]):
        return
    lat, lng = first["lat"], first["lng"]
    held = [holds(party["country"], lat, lng) for party in (first, second)]
    if held.count(True) == 1:
        right, wrong = (first, second) if held[0] else (second, first)
        del wrong["lat"], wrong["lng"]
        unread.append(f"The list gives {wrong['name']} ({wrong['country']}) the point it gives {right['name']} "
                      f"({right['country']}), {lat}, {lng}, where the gazetteer knows places of "
                      f"{right['country']} and none of {wrong['country']}: not recorded for {wrong['name']}.")


def object_row(item: dict) -> dict[str, str]:
    """A pair given as a JSON object, as the row of cells a CSV line gives."""
    return {str(key): cell_text(value) for key, value in item.items()}


def cell_text(value: object) -> str:
    """A JSON value as the cell a CSV line gives: 'Rennes', 48.11 -> '48.11', 1964 -> '1964', null -> ''."""
    return "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def one_twin_a_row(row: dict[str, str], mapping: dict[str, str | None]) -> list[dict[str, str]]:
    """A row naming several twins in its twin cell as one row each. The twin's country and point
    cells are split alike where they hold as many parts, else kept whole (one country for all;
    a count that does not match is left for the check to refuse, not guessed)."""
    cell = (row.get(mapping["city2"]) or "").strip()
    names = [name for name in _SEVERAL.split(cell) if name] if _SEVERAL.search(cell) else []
    if len(names) < 2:
        return [row]
    rows = []
    for i, name in enumerate(names):
        part = {**row, mapping["city2"]: name}
        for key in ("country2", "lat2", "lng2"):
            header = mapping[key]
            pieces = _SEVERAL.split((row.get(header) or "").strip()) if header else []
            if len(pieces) == len(names):
                part[header] = pieces[i]
        rows.append(part)
    return rows


def pair_record(row: dict[str, str], mapping: dict[str, str], source: str) -> tuple[dict, bool, bool, bool]:
    """One row of a twin-towns list as a signed twinning between two cities; and whether the
    gazetteer placed a town, whether the year cell was no date, and whether a type or status cell
    named no term of the register (each said in its note)."""

    def cell(key: str) -> str:
        header = mapping[key]
        if header is None:  # most keys: no such column in the list
            return ""
        if header.__class__ is Given:  # 'Collectivité française': FR for every row
            return header
        text = (row.get(header) or "").strip()
        if text.endswith(("*", "†", "‡", "§")):
            text = _MARK.sub("", text)
        return _FOOTNOTE.sub("", text) if text.endswith("]") else text

    def party(n: str) -> dict:
        name, country = cell(f"city{n}"), cell(f"country{n}")
        if name.endswith(")") and (match := _YEAR_AFTER.fullmatch(name)):  # 'Erlangen (1964)'
            years.append((name, match["when"], bool(match["until"])))
            name = match.group(1)
        elif name.endswith(")") and (match := _STATE_AFTER.fullmatch(name)):  # 'Kiel (formerly)'
            states.append((name, match["word"]))
            name = match.group(1)
        if name.endswith(")") and (match := _BRACKETS.fullmatch(name)) and fold(match[2]) in _CITY_WORDS:
            unread.append(f"The list's {name!r} read as the town {match.group(1)}.")
            name = match.group(1)
        flag = None
        if name and max(name) >= FIRST:  # '🇩🇪 Erlangen': the town, and its country if none is given
            name, flag = split_flag(name)
        if mapping[f"country{n}"] is None:  # no country column: the country after the town's name
            name, country = town_and_country(name)
        country = country or flag or ""
        if not country and (region := cell(f"region{n}")) and (found := where(region)) and found.subdivision:
            country = found.country  # 'Gatineau' in a list of Canadian towns whose Province column says 'Quebec'
            unread.append(f"The list gives {name} no country: {country}, that of its region {region!r}.")
        place = where(country)
        if place and name.isupper() and (proper := written_as(name, place.country)):  # 'RENNES': Rennes
            unread.append(f"The list's {name!r} written as the gazetteer writes it: {proper}.")
            name = proper
        item = {"name": name, "kind": "ville", "country": place.country if place else country}
        if place and place.subdivision:
            item["subdivision"] = place.subdivision
        elif place and ("," in item["name"] or "(" in item["name"] or SPACED_DASH.search(item["name"])):
            # a town in a region: 'Paris, Texas', 'Adachi (Tokyo)', 'Tokyo – Adachi'
            item["name"], region = _town_in_region(item["name"], place.country)
            if region:
                item["subdivision"] = region
            elif "(" in item["name"] and (names := other_name(item["name"], place.country)):
                unread.append(f"The list's {item['name']!r} read as {names[0]}: {names[1]} is another name of "
                              "that place in GeoNames.")  # 'Kyiv (Kiev)'
                item["name"] = names[0]
        if (typed := cell(f"type{n}")) and typed.lower() not in _NOTHING:  # 'Commune', 'Département': as the list says
            _typed(item, typed, place.country if place else None)
        elif place:  # a region, not a town: 'Ōita Prefecture', 'Victoria (state)', 'Calabria'
            _region(item, place.country, unread)
        region = cell(f"region{n}")
        if place and region and "subdivision" not in item:  # a column of regions: 'Texas', 'TX', 'Bretagne'
            code = subdivision_code(place.country, region)
            if code:
                item["subdivision"] = code
            else:
                unread.append(f"The list's region cell {region[:60]!r} is no region of {place.country} that "
                              "ISO 3166-2 lists: not recorded.")
        written = {axis: cell(f"{axis}{n}") for axis in ("lat", "lng")}
        written = {axis: text for axis, text in written.items() if text and text.lower() not in _NOTHING}
        point = {axis: read_coordinate(text, axis) for axis, text in written.items()}
        if len(point) == 2 and None not in point.values() and place and item["kind"] == "ville" \
                and far_from(place.country, point["lat"], point["lng"]):  # geocoded in another country
            unread.append(f"The list's point for {item['name']} ({point['lat']}, {point['lng']}) lies over {FAR_KM} km "
                          f"from every place the gazetteer knows in {place.country}: not recorded.")
        elif len(point) == 2 and None not in point.values():  # '48,11', '48°06′53″N', '4.49 W' as well as 48.11
            item.update(point)
        elif written:  # a point is both or neither: the pair stays, its town without one
            unread.append(f"The list's coordinates for {item['name']} ({', '.join(map(repr, written.values()))}) "
                          "are no point: not recorded.")
        return item

    unread: list[str] = []
    years: list[tuple[str, str, bool]] = []  # (the town cell, the year or span in brackets after its name, "until")
    states: list[tuple[str, str]] = []  # (the town cell, what its brackets say of the twinning: 'formerly')
    first, second = party("1"), party("2")
    _one_point_for_two(first, second, unread)
    towns = [party for party in (first, second) if party["kind"] == "ville"]  # a region (above) is not placed
    placed = [note for note in map(locate, towns) if note]
    kind, unknown = "twinning", False
    if written := cell("kind"):  # 'Coopération décentralisée', 'Convention de partenariat', 'Pacte d'amitié'
        kind = kind_in_cell(written)
        if kind is None:
            kind, unknown = "twinning", True
            unread.append(f"The list's type cell, {written[:60]!r}, names no kind of agreement the register "
                          "knows: recorded as a twinning, as a pair of a twin-towns list is.")
    record = {
        # slugify(f"{a} {b}") made of each town's own slug: each is folded once, however many pairs
        "slug": "-".join(filter(None, (slugify(first["name"]), slugify(second["name"])))),
        "title": f"{label('kind', kind)} entre {first['name']} et {second['name']}",
        "kind": kind, "status": "signed",
        "parties": [first, second],
        "sources": [{"file": source}],
    }
    if text := cell("domains"):  # 'Culture; Éducation', 'Eau et assainissement, gouvernance locale'
        domains, topics = domains_in_cell(text)
        if domains:
            record["domains"] = domains
        if topics:
            record["topics"] = topics
    year = cell("year")
    day_first = in_french(tuple(header for header in mapping.values() if header))  # '12/05/1964': 12 May
    signed_on, said = _year(year, day_first=day_first)
    ended = None
    if (span := _span(year)) is not None:  # '1974–1980' in the year cell: from, to
        (signed_on, ended), said = span, None
        unread.append(f"The list's year cell, {year!r}, read as a twinning from {signed_on}"
                      + (f" to {ended}." if ended else " on."))
    if not year and len({(written, until) for _, written, until in years}) == 1:
        town, written, until = years[0]
        if until and written.isdigit():  # 'Kiel (until 2004)'
            ended = written
            unread.append(f"The list's {town!r} read as a twinning that ended in {ended}.")
        elif written.isdigit():
            signed_on = written
            unread.append(f"The year {signed_on} read after a town's name in the list ({town!r}).")
        elif span := _span(written):  # 'Cardiff (1964–2004)': twinned from 1964 to 2004
            signed_on, ended = span
            unread.append(f"The list's {town!r} read as a twinning from {signed_on}"
                          + (f" to {ended}." if ended else " on."))
    else:
        unread += [f"The list's {town!r}: {written} not read as the date of this twinning."
                   for town, written, _ in years if written != signed_on]
    for town, word in states:
        if word.lower() in _ENDED:
            unread.append(f"The list's {town!r} read as a twinning that has ended.")
        else:
            unread.append(f"The list's {town!r}: {word!r} not recorded as a status.")
    if any(word.lower() in _ENDED for _, word in states):
        record["status"] = "ended"
    if written := cell("status"):  # 'En cours', 'Terminé', 'En projet'
        status = status_in_cell(written)
        if status is None:
            unknown = True
            unread.append(f"The list's status cell, {written[:60]!r}, names no status the register knows: recorded "
                          "as signed, as a pair of a twin-towns list is.")
        else:
            record["status"] = status
    if signed_on:
        record["signed_on"] = signed_on
    if ended:  # a twinning the list says has ended: its last year, as read
        record["status"], record["valid_until"] = "ended", ended
    _runs_and_says(record, cell, unread, day_first)
    notes = placed + unread + ([said] if said else [])
    if notes:
        record["note"] = " ".join(notes)
    return record, bool(placed), bool(said) and not signed_on, unknown


def _runs_and_says(record: dict, cell, unread: list[str], day_first: bool) -> None:
    """What a list of decentralized cooperation says beside the pair, where it has the columns:
    when the agreement runs ('Date de début', 'Date de fin'), its own title for it ('Intitulé du
    projet') and what it is about ('Description')."""
    for key, field, what in (("start", "valid_from", "start date"), ("end", "valid_until", "end date")):
        if (written := cell(key)) and written.lower() not in _NOTHING:
            date, said = _year(written, what, day_first)
            if date:
                record[field] = date
            if said:
                unread.append(said)
    for key in ("title", "summary"):
        if written := cell(key):
            record[key] = written


def _typed(item: dict, written: str, country: str | None) -> None:
    """A party whose type the list gives ('Commune', 'Département', 'EPCI'): that kind, and for a
    region its ISO 3166-2 code where that country has one of its name ('Ille-et-Vilaine' FR-35)."""
    item["kind"] = territory_kind(written)
    if country and item["kind"] in REGION_TYPES and "subdivision" not in item:
        named = kind_in_name(item["name"])  # 'Région Bretagne': Bretagne
        code = region_written_with(named[0], item["name"], named[2], country) if named \
            else region_code(item["name"], country)
        if code:
            item["subdivision"] = code


def _region(item: dict, country: str, unread: list[str]) -> None:
    """A party that is a region, made one: its kind (and, where ISO 3166-2 has it, its code) from a
    kind written with its name ('Miami-Dade County', 'Victoria (state)'), or from a region's name
    that no town has there ('Calabria'); said in the note."""
    written = item["name"]
    if typed := kind_in_name(written):
        kind, word, name = typed
        code = region_written_with(kind, written, name, country)
        if code and "subdivision" in item and not related(item["subdivision"], code):
            code = None  # the list places it elsewhere: its kind only, not a region it is not in
        item["kind"] = kind
        if code:
            item["subdivision"] = code
        unread.append(f"The list's {written!r} read as a {word}" + (f", {code} in ISO 3166-2" if code else "")
                      + ", not a town.")
    elif (found := region_named(written, country)) and ("subdivision" not in item
                                                       or related(item["subdivision"], found[0])):
        item["subdivision"], item["kind"] = found
        unread.append(f"The list's {written!r} read as {found[0]}, a {subdivision_type(found[0]).lower()} in "
                      "ISO 3166-2, not a town: the gazetteer knows no town of that name there.")


def _town_in_region(name: str, country: str) -> tuple[str, str | None]:
    """A town's name and the ISO 3166-2 region written with it (countries.after_name): 'Paris,
    Texas' in US -> ('Paris', 'US-TX'), 'Erlangen (Allemagne)' in DE -> ('Erlangen', None), 'Tokyo
    – Adachi' in JP -> ('Adachi', 'JP-13'); else the name as written ('Kyiv (Kiev)'), and None."""

    return after_name(name, country) or (name, None)


def _span(text: str) -> tuple[str, str | None] | None:
    """The years a span gives ('1974–1980', '1964-', '1964 – 2004', '1964–present'): from, and to when
    written; None for anything else, or a span that ends before it starts."""
    match = _SPAN.fullmatch(text.strip()) if text else None
    if not match or (match.group(2) and match.group(2) < match.group(1)):
        return None
    return match.group(1), match.group(2)


_SPAN = re.compile(rf"([0-9]{{4}})\s*[-–—]\s*(?:([0-9]{{4}})|(?i:{_OPEN}))?")


def _year(text: str, what: str = "year", day_first: bool = False) -> tuple[str | None, str | None]:
    """The date a year cell gives ('1967', '1963-05', '12 May 1964', '1er mai 1964'), or none and
    a note quoting the cell when it is not one ('c. 1967', '1974–1980', 'n/a'): a pair is not
    refused for its date, and no date is made up."""

    if not text or text.lower() in _NOTHING:
        return None, None
    try:
        return read_partial(text), None
    except ValueError:
        pass
    quoted = text if len(text) <= 60 else text[:60] + "…"
    if match := _SHEET_YEAR.fullmatch(text):  # '1964 kept as text ('1964), or as a number (1964.0)
        return match.group(1), None
    if in_figures(text)[1]:  # 12/05/1964: the day and the month either way round, the year sure
        if day_first:  # in a list headed in French: 12 May, as French writes it
            day, month, year = (int(part) for part in re.findall(r"[0-9]+", text))
            date = f"{year:04d}-{month:02d}-{day:02d}"
            return date, f"The list's {what} cell, {quoted!r}, read day first, as French writes dates: {date}."
        return text.strip()[-4:], (
            f"The list's {what} cell, {quoted!r}, is a day and a month either way round: its year recorded.")
    if len(_A_YEAR.findall(text)) == 1 and not _ROUGHLY.search(text) and any(c.isalpha() for c in text):
        # words with it ('Signé le 12 mai 1964', 'since 1964'); not a date in figures that is none ('31/02/1964')
        date = written_in(text) or _A_YEAR.search(text).group(1)
        return date, f"The list's {what} cell, {quoted!r}, read as {date}."
    return None, f"The list's {what} cell, {quoted!r}, is not a date: no date recorded."


# One year in a year cell that says more ('depuis 1964', 'Signé le 12 mai 1964 à Erlangen'): the
# date, unless the cell says it is not sure of it ('c. 1964', 'vers 1964', '1964?', 'années 1960').
_A_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9a-zA-Z])")
_ROUGHLY = re.compile(r"(?i)(?<![^\W\d_])(?:c|ca|circa|vers|env|environ|about|around|approx|approximately|before|"
                      r"after|avant|apr[eè]s|ann[ée]es|years|late|early|mid|fin|d[ée]but|probably|probablement)"
                      r"(?![^\W\d_])|[?~]")


_SHEET_YEAR = re.compile(r"'?([0-9]{4})(?:\.0+)?")

