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
from .flatten import COLUMNS, unflatten
from .pair_headers import find_headers, headerless, pair_mapping, unique_headers
from .pairs import cell_text, object_row, one_twin_a_row, pair_record
from .sniff import DELIMITERS, FORMATS, guess_format, sniff_delimiter, sniff_format
from .streams import DEFAULT_MAX_MB, LEGACY, check_input, open_input, sniff_encoding
from .validate import Unreadable
from .workbook import not_text
from .i18n import _

MAX_DIGITS = 30  # a number in a record is a coordinate or a flag: no more digits than this
# A JSON array up to this size is parsed whole (json, the fastest); a larger one, or one on standard
# input, a record at a time (ijson): 20,000 records in 38 MB took 227 MB whole, 82 MB so, 15 % slower.
WHOLE_JSON = 16_000_000
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
    sheet: str | None = None  # an .xlsx workbook: the sheet to read (None: the first)
    size: int | None = field(default=None, init=False)
    read: int = field(default=0, init=False)  # bytes read of it so far
    headers: list[str] = field(default_factory=list, init=False)  # CSV: each column's name, a repeated one numbered
    written_headers: list[str] = field(default_factory=list, init=False)  # CSV: as read, for a rejects file
    left_out: list[str] = field(default_factory=list, init=False)  # CSV: the columns no field is read from
    located: int = field(default=0, init=False)  # pairs whose towns the gazetteer placed
    undated: int = field(default=0, init=False)  # pairs whose year cell was no date
    unknown_terms: int = field(default=0, init=False)  # pairs whose type or status cell named no term
    above: int = field(default=0, init=False)  # CSV: lines above the header (a title), left out
    no_header: tuple[str, ...] | None = field(default=None, init=False)  # a pairs list without one: its columns
    repeated: list[int] = field(default_factory=list, init=False)  # CSV: rows that are the header again
    read_sheet: str | None = field(default=None, init=False)  # an .xlsx workbook: the sheet read
    sheets: list[str] = field(default_factory=list, init=False)  # and all its sheets
    merged: int = field(default=0, init=False)  # and the merged ranges of the sheet read

    @classmethod
    def build(cls, name: str, *, format: str | None, encoding: str, max_mb: int, raw: bool = False,
              pairs: bool = False, mapping: list[str] | None = None, delimiter: str | None = None,
              sheet: str | None = None) -> Input:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(_('unknown encoding {encoding!r}').format(encoding=encoding)) from None
        fmt = format or guess_format(name, pairs)
        if fmt is not None and fmt not in FORMATS:
            raise UsageError(_('unknown format {fmt!r}; valid: {value}').format(fmt=fmt, value=', '.join(FORMATS)))
        if delimiter is not None:
            delimiter = DELIMITERS.get(delimiter.lower(), delimiter)
            if len(delimiter) != 1:
                raise UsageError(_("--delimiter takes one character (',', ';', 'tab'); got {delimiter!r}").format(
                                     delimiter=delimiter))
        spec = pair_mapping(mapping or []) if pairs else None
        item = cls(name, fmt, encoding, max_mb * 1_000_000, raw, spec, delimiter, sheet)
        item.size = check_input(name, item.max_bytes)
        return item

    def records(self, on_read: Callable[[int], None] | None = None) -> Iterator[Raw]:
        """(number, raw record, the input's own form of it) triples; decoding and syntax errors
        are DataErrors."""
        def counted(size: int) -> None:
            self.read += size
            if on_read:
                on_read(size)

        self.read = 0
        with open_input(self.name, self.max_bytes, counted) as bounded:
            if bounded.peek(4)[:4] == b"PK\x03\x04":  # a zip: an .xlsx workbook, or a file said not to be text
                try:
                    yield from self._workbook(bounded)
                except DataError as error:
                    if len(self.sheets) < 2:
                        raise
                    raise DataError(_("{error} (in the sheet {sheet!r}; its sheets: {names})").format(
                        error=error, sheet=self.read_sheet, names=", ".join(map(repr, self.sheets)))) from None
                return
            not_text(self.name, bounded.peek(8)[:8])
            encoding = sniff_encoding(bounded, self.encoding)
            if self.format is None:
                self.format = sniff_format(bounded.peek(4096), self.name)
            text = io.TextIOWrapper(bounded, encoding=encoding, newline="")
            try:
                yield from self._parse(text)
            except UnicodeDecodeError as error:
                hint = "--encoding utf-16" if b"\x00" in error.object[:200] else LEGACY
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

    def done(self) -> float | None:
        """The share of the file read so far (None: a stream of unknown size)."""
        return self.read / self.size if self.size else None

    def _workbook(self, bounded) -> Iterator[Raw]:
        """An .xlsx workbook's sheet read as the CSV it would save (workbook.py); a zip that is
        none (an .ods) is said not to be text."""
        from .workbook import is_workbook, sheet_as_csv  # openpyxl, only for a workbook

        data = bounded.read()
        if not is_workbook(data):
            not_text(self.name, data[:8])
        if self.format not in ("csv", "tsv", None):
            raise DataError(_("{name} is an Excel workbook: its rows are read as CSV, not {fmt}").format(
                name=self.name, fmt=self.format))
        self.format, self.delimiter = "csv", ","

        def holds_header(text: str) -> bool:  # the columns looked for, in the first lines, as _header_line finds them
            return any(self._is_header(line) for line in text.splitlines(keepends=True)[:_TITLE_LINES])

        text, self.read_sheet, self.sheets, self.merged = sheet_as_csv(data, self.name, self.sheet, holds_header)
        return self._parse(io.StringIO(text, newline=""))

    def _parse(self, text: io.TextIOWrapper) -> Iterator[Raw]:
        if self.format not in ("json", "jsonl"):
            yield from self._rows(text)
        elif self.pairs is None:
            yield from self._json(text)
        else:  # a list of pairs as JSON objects, each read as a row of its keys' cells
            yield from self._pair_objects(self._json(text))

    def _json(self, text: io.TextIOWrapper) -> Iterator[Raw]:
        if self.format == "json":
            head = text.read(4096)
            if head.lstrip()[:1] == "[" and (self.size is None or self.size > WHOLE_JSON):
                yield from self._array(_Joined(head, text))  # a large array: a record at a time
                return
            try:
                data = json.loads(head + text.read(), parse_int=_bounded_int)
            except ValueError as error:  # JSONDecodeError, or a number too long to be one
                raise DataError(_('{name}: not valid JSON: {error}').format(name=self.name, error=error)) from None
            except RecursionError:
                raise DataError(_('{name}: JSON nested too deeply').format(name=self.name)) from None
            if isinstance(data, dict):
                data = _keyed(data) or _not_a_wrapper(self.name, data) or [data]
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
                    item = _DECODER.decode(line)
                    if number == 1 and isinstance(item, dict):  # a JSON object on one line, sniffed as JSON Lines
                        _not_a_wrapper(self.name, item)
                except ValueError as error:
                    item = Unreadable(_("not valid JSON: {error}").format(error=error))
                except RecursionError:
                    item = Unreadable(_("JSON nested too deeply"))
                yield number, item, item if not isinstance(item, Unreadable) else line.rstrip("\r\n")

    def _pair_objects(self, items: Iterator[Raw]) -> Iterator[Raw]:
        """Pairs given as JSON objects ({"city1": "Rennes", "country1": "France", …}): each a row of
        its keys' values, the first object's keys the header; or as arrays, a table's rows, the
        first the header unless it is already a pair (headerless)."""
        source, table = Path(self.name).name, None
        for number, item, original in items:
            if not isinstance(item, (dict, list)) or table is not None and isinstance(item, list) != table:
                reason = _("not a row of the table (an array)") if table else _("not a JSON object")
                yield number, item if isinstance(item, Unreadable) else Unreadable(reason), original
                continue
            cells = object_row(item) if isinstance(item, dict) else [cell_text(value) for value in item]
            if table is None:  # the first item says the shape: objects, or a table's rows
                table = isinstance(cells, list)
                self.no_header = headerless(cells) if table else None
                self.headers = self.written_headers = list(self.no_header or cells)
                self.pairs = find_headers(self.headers, self.pairs, "")
                read = set(self.pairs.values())
                self.left_out = [header for header in self.headers if header not in read]
                if table and not self.no_header:
                    continue  # the table's header row
            row = cells if isinstance(cells, dict) else dict(zip(self.headers, cells))
            yield from self._pairs_of(number, row, original, source)

    def _pairs_of(self, number: int, row: dict[str, str], original, source: str) -> Iterator[Raw]:
        for each in one_twin_a_row(row, self.pairs):  # 'Erlangen; Sendai' in one cell: two pairs
            record, located, undated, unknown = pair_record(each, self.pairs, source)
            self.located += located
            self.undated += undated
            self.unknown_terms += unknown
            yield number, record, original

    def _array(self, stream) -> Iterator[Raw]:
        """The records of a JSON array, parsed one at a time from ijson's events: memory holds a
        record, not the file, and a record nested deeper than any record is refused before it is
        built (ijson's own `items` would spend memory on every level's path first)."""
        import ijson
        from ijson.common import ObjectBuilder

        depth, number, builder, step_of = 0, 0, None, _STEP.get
        try:
            for event, value in ijson.basic_parse(stream, use_float=True):
                step = step_of(event)
                if step:
                    depth += step
                    if step > 0 and depth == 1 or step < 0 and depth == 0:
                        continue  # the array's own start and end; anything after it is an error ijson raises
                    if depth > _MAX_DEPTH:
                        raise DataError(_('{name}: JSON nested too deeply').format(name=self.name))
                if builder is None:
                    builder = ObjectBuilder()
                builder.event(event, value)
                if depth == 1:  # a record (or a value in its place) whole
                    number += 1
                    yield number, builder.value, builder.value
                    builder = None
        except (ijson.JSONError, ValueError) as error:  # ValueError: a number too long for yajl, or for int()
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise DataError(_("{name}: not valid JSON: {error}").format(name=self.name, error=first)) from None

    def _header_line(self, text: io.TextIOWrapper) -> tuple[str, list[str]]:
        """The header line and the lines read past it: the first line, or the first of the next
        few holding the columns wanted, where a spreadsheet put a title (and empty rows) above
        them; `above` counts the lines left out."""
        lines = [text.readline()]
        if self._is_header(lines[0]):
            return lines[0], []
        while len(lines) < _TITLE_LINES and (line := text.readline()):
            lines.append(line)
        for number, line in enumerate(lines[1:], start=1):
            if self._is_header(line):
                self.above = number
                return line, lines[number + 1:]
        return lines[0], lines[1:]

    def _is_header(self, line: str) -> bool:
        delimiter = self.delimiter or ("\t" if self.format == "tsv" else sniff_delimiter(line))
        cells = next(csv.reader([line], delimiter=delimiter), [])
        if self.pairs is None:
            return "slug" in cells
        try:
            find_headers(unique_headers(cells), self.pairs, line)
        except DataError:
            return False
        return True

    def _rows(self, text: io.TextIOWrapper) -> Iterator[Raw]:
        first, past = self._header_line(text)
        delimiter = self.delimiter or ("\t" if self.format == "tsv" else sniff_delimiter(first))
        if self.pairs is not None and not self._is_header(first):  # 'Rennes,France,Erlangen,Germany' first
            self.no_header = headerless(next(csv.reader([first], delimiter=delimiter), []))
        reader = csv.DictReader(itertools.chain([first], past, text), fieldnames=self.no_header, delimiter=delimiter,
                                restval=_ABSENT)
        self.written_headers = [h for h in reader.fieldnames or []]
        self.headers = reader.fieldnames = unique_headers(self.written_headers)  # 'Country' twice: both read
        self.delimiter = delimiter
        if self.pairs is not None:
            self.pairs = find_headers(self.headers, self.pairs, first)
            read = set(self.pairs.values())
        elif "slug" not in self.headers:
            what = "CSV" if self.format == "csv" else "TSV"
            raise DataError(_("{name}: not a register's {what}: its header has no slug column (give --format json "
                              "or jsonl for JSON, --pairs for a list of twinned towns)").format(
                                name=self.name, what=what))
        else:
            read = set(COLUMNS)
        self.left_out = [header for header in self.headers if header not in read and header.strip()]
        source = Path(self.name).name
        written = [header.strip() for header in self.written_headers]
        first_header = self.headers[0] if self.headers else None
        for number, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row.values() if isinstance(cell, str)) \
                    and not any(cell.strip() for cell in row.get(None) or ()):
                continue  # a row of empty cells (';;;;'), as spreadsheets save below the data
            original = {k: v for k, v in row.items() if k is not None}
            if (original.get(first_header) or "").strip() == written[0] \
                    and [(original.get(h) or "").strip() for h in self.headers] == written:  # files joined: header again
                self.repeated.append(number)
                continue
            if None in row:
                yield number, Unreadable(_("more cells than the header has columns")), original
                continue
            filled = [cell.strip() for cell in original.values() if isinstance(cell, str) and cell.strip()]
            if self.pairs is not None and len(filled) == 1:  # 'Total : 25', 'Source : mairie', below the list
                yield number, Unreadable(_("one cell filled ({cell!r}), not a pair: a total or a note?").format(
                    cell=filled[0][:60])), original
                continue
            if self.pairs is not None and any(row.get(self.pairs[key]) is _ABSENT for key in _TOWNS if self.pairs[key]):
                yield number, Unreadable(_("fewer cells than the header has columns: no town or country in "
                                           "some")), original  # a cut line; missing coordinates are fine
                continue
            if not self.raw:
                row = {k: _restore(v) for k, v in row.items()}
            if self.pairs is None:
                yield number, unflatten(row), original
                continue
            yield from self._pairs_of(number, row, original, source)


class _Joined:
    """A text already read, then the rest of its stream, as the UTF-8 bytes ijson reads (the
    file's own encoding decoded on the way)."""

    def __init__(self, head: str, rest: io.TextIOWrapper):
        self.head, self.rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for nothing first, to learn whether it reads text or bytes
            return b""
        if self.head:
            head, self.head = self.head, ""
            return head.encode()
        return self.rest.read(size).encode()


_MAX_DEPTH = 16  # containers within containers, the array's own included: a record has five at most
_STEP = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}  # ijson's events that nest


_TOWNS = ("city1", "country1", "city2", "country2")  # the cells a pair cannot lack
_TITLE_LINES = 10  # how far down a header is looked for, below a title and empty rows


class _Absent(str):
    """The cell of a row cut short: empty to every reader, and told apart by identity."""


_ABSENT = _Absent("")


def _bounded_int(text: str) -> int | str:
    """A JSON integer; one of more than MAX_DIGITS digits stays text, and validation says why."""
    return int(text) if len(text) <= MAX_DIGITS else f"{text[:12]}… ({len(text)} digits)"


_DECODER = json.JSONDecoder(parse_int=_bounded_int)  # one for every line: json.loads makes one a call


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _keyed(data: dict) -> list | None:
    """Records as an object keyed by slug ({"rennes-quebec": {…}, …}, as some tools write a
    collection): its records, each given its key as slug when it has none; None for any other
    object."""
    from .shape import AGREEMENT

    if not data or any(key in AGREEMENT for key in data) or not all(isinstance(v, dict) for v in data.values()):
        return None
    if not all(any(field in AGREEMENT for field in value) for value in data.values()):
        return None
    return [value if "slug" in value or not _SLUG.fullmatch(key) else {"slug": key, **value}
            for key, value in data.items()]


def _not_a_wrapper(name: str, data: dict) -> None:
    """An object that names no field of an agreement and holds one list of objects ({"records":
    […]}, {"count": 2, "results": […]}, as many APIs write) is not an agreement: say what to import
    instead of listing every field it lacks. GeoJSON (a map, as `export --format geojson` writes
    it) is named as such."""
    from .shape import AGREEMENT

    if data.get("type") in ("FeatureCollection", "Feature") and ("features" in data or "geometry" in data):
        raise DataError(_("{name}: GeoJSON, a map of the register, not its agreements: import a JSON, JSON Lines "
                          "or CSV export (twinning export --format jsonl)").format(name=name))
    lists = [(key, value) for key, value in data.items() if isinstance(value, list)]
    if not any(key in AGREEMENT for key in data) and len(lists) == 1:
        key, value = lists[0]
        if all(isinstance(item, dict) for item in value):
            example = _(" (for example: jq '.{key}' {name} | twinning import --format json -)").format(
                key=key, name=name) if key.isidentifier() else ""
            raise DataError(_("{name}: a JSON object holding a list under {key!r}, not an agreement: import that "
                              "list").format(name=name, key=key) + example)


def _restore(cell: str | None) -> str | None:
    """Undo export's spreadsheet guard: "'=x" comes back as "=x"."""
    if cell and cell.startswith(_NEUTRALISED):
        return cell[1:]
    return cell
