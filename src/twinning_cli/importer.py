"""Reading input files into raw records, one at a time.

JSON arrays, JSON Lines, our own CSV (as `export` writes it) and CSV lists of
twinned pairs. Files are read as a stream with a size bound checked before
reading, so a huge or hostile file is refused rather than loaded.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, UsageError
from .flatten import unflatten
from .streams import DEFAULT_MAX_MB, check_input, open_input, sniff_encoding
from .validate import Unreadable
from .vocabulary import slugify
from .i18n import _

FORMATS = ("json", "jsonl", "csv", "tsv")
DELIMITERS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
MAX_DIGITS = 30  # a number in a record is a coordinate or a flag: no more digits than this
PAIR_COLUMNS = ("city1", "country1", "city2", "country2", "lat1", "lng1", "lat2", "lng2", "year")
# A citation mark copied with a name from Wikipedia: 'Sendai[3]', 'Japan[a]', 'Kyiv[note 2]'.
_FOOTNOTE = re.compile(r"(?:\s*\[(?:[0-9]{1,3}|[a-z]|(?i:note|nb|n) ?[0-9]{1,3}|(?i:citation needed))\])+$")
# A date written out: '12 May 1964', '1er mai 1964', 'May 12, 1964', 'May 1964' (read by dateparser).
_WRITTEN_DATE = re.compile(r"(?:[0-9]{1,2}(?:st|nd|rd|th|er)?\s+)?[^\W\d_]{3,}\.?\s+(?:[0-9]{1,2},?\s+)?[0-9]{4}")
_NO_YEAR = {"n/a", "na", "-", "–", "—", "?", "unknown", "inconnu", "inconnue", "nd", "n.d.", "s.d."}  # 'no date'
_AFTER_NAME = re.compile(r"(.+?),\s*([^,()]+)|(.+?)\s*\(([^()]+)\)")  # 'Paris, Texas', 'Rennes (Ille-et-Vilaine)'
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]+")
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r", "''")

Raw = tuple[int, object, object]  # (record number, raw record, the input's own form of it)


@dataclass
class Input:
    """One file (or stdin) to read, with how to decode it."""

    name: str
    format: str | None  # None: sniffed from the content when reading
    encoding: str = "utf-8"
    max_bytes: int = DEFAULT_MAX_MB * 1_000_000
    raw: bool = False  # CSV cells are taken as they are, not un-neutralised
    pairs: dict | None = None  # pair column -> header, for --pairs (None: found in the header line)
    delimiter: str | None = None  # CSV: None = sniffed from the header line
    size: int | None = field(default=None, init=False)
    headers: list[str] = field(default_factory=list, init=False)  # CSV: as read, for a rejects file
    located: int = field(default=0, init=False)  # pairs whose towns the gazetteer placed
    undated: int = field(default=0, init=False)  # pairs whose year cell was no date

    @classmethod
    def build(cls, name: str, *, format: str | None, encoding: str, max_mb: int, raw: bool = False,
              pairs: bool = False, mapping: list[str] | None = None, delimiter: str | None = None) -> Input:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(_('unknown encoding {encoding!r}').format(encoding=encoding)) from None
        fmt = format or _guess_format(name, pairs)
        if fmt is not None and fmt not in FORMATS:
            raise UsageError(_('unknown format {fmt!r}; valid: {value}').format(fmt=fmt, value=', '.join(FORMATS)))
        if pairs and fmt not in (None, "csv", "tsv"):
            raise UsageError(_('--pairs reads CSV (or TSV) files'))
        if delimiter is not None:
            delimiter = DELIMITERS.get(delimiter.lower(), delimiter)
            if len(delimiter) != 1:
                raise UsageError(_("--delimiter takes one character (',', ';', 'tab'); got {delimiter!r}").format(
                                     delimiter=delimiter))
        spec = _pair_mapping(mapping or []) if pairs else None
        item = cls(name, fmt, encoding, max_mb * 1_000_000, raw, spec, delimiter)
        item.size = check_input(name, item.max_bytes)
        return item

    def records(self, on_read: Callable[[int], None] | None = None) -> Iterator[Raw]:
        """(number, raw record, the input's own form of it) triples; decoding and syntax errors
        are DataErrors."""
        with open_input(self.name, self.max_bytes, on_read) as bounded:
            encoding = sniff_encoding(bounded, self.encoding)
            if self.format is None:
                self.format = _sniff_format(bounded.peek(4096), self.name, self.pairs is not None)
            text = io.TextIOWrapper(bounded, encoding=encoding, newline="")
            try:
                yield from self._parse(text)
            except UnicodeDecodeError as error:
                hint = "--encoding utf-16" if b"\x00" in error.object[:200] else "--encoding latin-1"
                raise DataError(_("{name} is not {encoding} text (byte {value:#04x} cannot be decoded): give its "
                                  "encoding with --encoding, e.g. {hint}").format(
                                    name=self.name,
                                    encoding=self.encoding,
                                    value=error.object[error.start],
                                    hint=hint)) from None
            except csv.Error as error:
                raise DataError(_("{name}: not readable as CSV: {error}").format(
                                    name=self.name, error=error)) from None
            finally:
                text.detach()

    def _parse(self, text: io.TextIOWrapper) -> Iterator[Raw]:
        if self.format == "json":
            try:
                data = json.loads(text.read(), parse_int=_bounded_int)
            except ValueError as error:  # JSONDecodeError, or a number too long to be one
                raise DataError(_('{name}: not valid JSON: {error}').format(name=self.name, error=error)) from None
            except RecursionError:
                raise DataError(_('{name}: JSON nested too deeply').format(name=self.name)) from None
            if isinstance(data, dict):
                data = [data]
            if not isinstance(data, list):
                raise DataError(_('{name}: expected a JSON array of agreements').format(name=self.name))
            for number, item in enumerate(data, start=1):
                yield number, item, item
        elif self.format == "jsonl":
            number = 0
            for line in text:
                if not line.strip():
                    continue
                number += 1
                try:
                    item = json.loads(line, parse_int=_bounded_int)
                except ValueError as error:
                    item = Unreadable(f"not valid JSON: {error}")
                except RecursionError:
                    item = Unreadable("JSON nested too deeply")
                yield number, item, item if not isinstance(item, Unreadable) else line.rstrip("\r\n")
        else:
            yield from self._rows(text)

    def _rows(self, text: io.TextIOWrapper) -> Iterator[Raw]:
        first = text.readline()
        delimiter = self.delimiter or ("\t" if self.format == "tsv" else _sniff_delimiter(first))
        reader = csv.DictReader(itertools.chain([first], text), delimiter=delimiter, restval="")
        self.headers = [h for h in reader.fieldnames or []]
        self.delimiter = delimiter
        if self.pairs is not None:
            self.pairs = _find_headers(self.headers, self.pairs, first)
        elif "slug" not in self.headers:
            what = "CSV" if self.format == "csv" else "TSV"
            raise DataError(_("{name}: not a register's {what}: its header has no slug column (give --format json "
                              "or jsonl for JSON, --pairs for a list of twinned towns)").format(
                                name=self.name, what=what))
        source = Path(self.name).name
        for number, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row.values() if isinstance(cell, str)) \
                    and not any(cell.strip() for cell in row.get(None) or ()):
                continue  # a row of empty cells (';;;;'), as spreadsheets save below the data
            original = {k: v for k, v in row.items() if k is not None}
            if None in row:
                yield number, Unreadable("more cells than the header has columns"), original
                continue
            if not self.raw:
                row = {k: _restore(v) for k, v in row.items()}
            if self.pairs is None:
                record = unflatten(row)
            else:
                record, located, undated = pair_record(row, self.pairs, source)
                self.located += located
                self.undated += undated
            yield number, record, original


def _bounded_int(text: str) -> int | str:
    """A JSON integer; one of more than MAX_DIGITS digits stays text, and validation says why."""
    return int(text) if len(text) <= MAX_DIGITS else f"{text[:12]}… ({len(text)} digits)"


def _guess_format(name: str, pairs: bool) -> str | None:
    """The format the file's extension names, or None: sniffed from the content."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return {"csv": "csv", "txt": "csv", "tsv": "tsv", "tab": "tsv", "jsonl": "jsonl", "ndjson": "jsonl",
            "json": "json"}.get(suffix, "csv" if pairs and name != "-" else None)


def _sniff_format(head: bytes, name: str, pairs: bool) -> str:
    """JSON, JSON Lines or CSV, from the first bytes: '[' or '{' opens JSON; a first line that
    is a whole JSON object, JSON Lines; anything else, CSV (its delimiter is sniffed next)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        raise DataError(_('no input in {value}: it is empty').format(value='standard input' if name == '-' else name))
    if pairs or text[:1] not in (b"[", b"{"):
        return "csv"
    if text[:1] == b"[":
        return "json"
    line = text.split(b"\n", 1)[0]
    try:
        json.loads(line)
        return "jsonl"
    except ValueError:
        return "json"


def _sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: the most frequent of ',', ';' and tab."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _restore(cell: str | None) -> str | None:
    """Undo export's spreadsheet guard: "'=x" comes back as "=x"."""
    if cell and cell.startswith(_NEUTRALISED):
        return cell[1:]
    return cell


def _pair_mapping(items: list[str]) -> dict[str, str | None]:
    """Each pair column's header as --map names it; None: found in the header line (_find_headers)."""
    mapping: dict[str, str | None] = dict.fromkeys(PAIR_COLUMNS)
    for item in items:
        key, sep, header = item.partition("=")
        if not sep or key.strip() not in PAIR_COLUMNS or not header.strip():
            raise UsageError(_("--map takes COLUMN=HEADER with COLUMN one of {value}; got {item!r}").format(
                                 value=', '.join(PAIR_COLUMNS), item=item))
        mapping[key.strip()] = header.strip()
    return mapping


# Headers people give a twin-towns list's columns, folded (_header_key), beside ours: French ones,
# and the usual English variants; a number (1 or 2) follows each, as in 'ville1' or 'Latitude 2'.
_HEADER_WORDS = {
    "city": ("city", "town", "ville", "commune", "municipality", "municipalite"),
    "country": ("country", "pays"),
    "lat": ("lat", "latitude"),
    "lng": ("lng", "lon", "long", "longitude"),
    "year": ("year", "annee"),
}


def _header_key(header: str) -> str:
    """A header as compared: accents, case, spaces and punctuation left out ('Ville 1' = 'ville1')."""
    from .vocabulary import fold

    return "".join(char for char in fold(header) if char.isalnum())


def _find_headers(headers: list[str], mapping: dict[str, str | None], line: str) -> dict[str, str]:
    """Each pair column's header in this file: the one --map names (spaces around it aside), else
    the column's own name or a usual variant of it in any case or spacing ('Ville 1', 'LATITUDE2')."""
    stripped = {header.strip(): header for header in headers}
    folded: dict[str, str] = {}
    for header in headers:
        folded.setdefault(_header_key(header), header)
    found: dict[str, str] = {}
    missing = []
    for key, wanted in mapping.items():
        if wanted is not None:
            header = wanted if wanted in headers else stripped.get(wanted)
        else:
            word, number = key.rstrip("12"), key[len(key.rstrip("12")):]
            header = next((folded[name + number] for name in _HEADER_WORDS[word] if name + number in folded), None)
        if header is None and key in PAIR_COLUMNS[:4]:
            missing.append(f"{key} (header {wanted or key!r})")
        found[key] = header if header is not None else wanted or key
    if missing:
        hint = "name other headers with --map city1=HEADER"
        if len(headers) == 1 and any(d in line for d in ",;\t"):
            hint = "the header reads as one column: give the delimiter with --delimiter ';' (or ',', 'tab')"
        raise DataError(_('missing columns: {value}; {hint}').format(value=', '.join(missing), hint=hint))
    return found


def pair_record(row: dict[str, str], mapping: dict[str, str], source: str) -> tuple[dict, bool, bool]:
    """One row of a twin-towns list as a signed twinning between two cities; and whether the
    gazetteer placed a town, and whether the year cell was no date (both said in its note)."""
    from .countries import resolve
    from .gazetteer import locate

    def cell(key: str) -> str:
        text = (row.get(mapping[key]) or "").strip()
        return _FOOTNOTE.sub("", text) if text.endswith("]") else text

    def party(n: str) -> dict:
        country = cell(f"country{n}")
        place = resolve(country)
        item = {"name": cell(f"city{n}"), "kind": "ville", "country": place.country if place else country}
        if place and place.subdivision:
            item["subdivision"] = place.subdivision
        elif place:  # 'Paris, Texas', 'Rennes (Ille-et-Vilaine)': the town, in that region of its country
            item["name"], region = _town_in_region(item["name"], place.country)
            if region:
                item["subdivision"] = region
        for axis in ("lat", "lng"):
            value = cell(f"{axis}{n}")
            if value:  # a decimal comma, as a French spreadsheet writes it, read as a point
                item[axis] = value.replace(",", ".") if _DECIMAL_COMMA.fullmatch(value) else value
        return item

    first, second = party("1"), party("2")
    notes = [note for note in map(locate, (first, second)) if note]
    record = {
        # slugify(f"{a} {b}") made of each town's own slug: each is folded once, however many pairs
        "slug": "-".join(filter(None, (slugify(first["name"]), slugify(second["name"])))),
        "title": f"Jumelage entre {first['name']} et {second['name']}",
        "kind": "twinning", "status": "signed",
        "parties": [first, second],
        "sources": [{"file": source}],
    }
    signed_on, undated = _year(cell("year"))
    if signed_on:
        record["signed_on"] = signed_on
    if undated:
        notes.append(undated)
    if notes:
        record["note"] = " ".join(notes)
    return record, len(notes) > bool(undated), bool(undated)


def _town_in_region(name: str, country: str) -> tuple[str, str | None]:
    """A town's name and the ISO 3166-2 region written after it, when that is a region of its
    country: 'Paris, Texas' in US -> ('Paris', 'US-TX'); else the name as written, and None."""
    match = _AFTER_NAME.fullmatch(name)
    if not match:
        return name, None
    from .countries import subdivision_code

    head, region = match.group(1) or match.group(3), match.group(2) or match.group(4)
    code = subdivision_code(country, region)
    return (head.strip(), code) if code else (name, None)


def _year(text: str) -> tuple[str | None, str | None]:
    """The date a year cell gives ('1967', '1963-05', '12 May 1964', '1er mai 1964'), or none and
    a note quoting the cell when it is not one ('c. 1967', '1974–1980', 'n/a'): a pair is not
    refused for its date, and no date is made up."""
    from .dates import check_partial

    if not text or text.lower() in _NO_YEAR:
        return None, None
    try:
        return check_partial(text), None
    except ValueError:
        pass
    if _WRITTEN_DATE.fullmatch(text):
        from dateparser.date import DateDataParser

        found = DateDataParser(languages=["en", "fr"], settings={"PREFER_DAY_OF_MONTH": "first"}).get_date_data(text)
        if found and found.date_obj:
            value = found.date_obj.strftime({"day": "%Y-%m-%d", "month": "%Y-%m"}.get(found.period, "%Y"))
            try:
                return check_partial(value), None
            except ValueError:
                pass
    return None, f"The list's year cell, {text!r}, is not a date: no date recorded."
