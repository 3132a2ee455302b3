"""Reading input files into raw records, one at a time.

JSON arrays, JSON Lines, our own CSV (as `export` writes it) and CSV lists of
twinned pairs. Files are read as a stream with a size bound checked before
reading, so a huge or hostile file is refused rather than loaded.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import DataError, UsageError
from .flatten import unflatten
from .vocabulary import slugify

FORMATS = ("json", "jsonl", "csv")
PAIR_COLUMNS = ("city1", "country1", "city2", "country2", "lat1", "lng1", "lat2", "lng2", "year")
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r", "''")

Raw = tuple[int, object]  # (record number, raw record)


class _Bounded(io.RawIOBase):
    """A binary stream that refuses to read past `limit` bytes and counts what it read."""

    def __init__(self, stream: BinaryIO, limit: int, name: str, on_read: Callable[[int], None] | None):
        self.stream, self.limit, self.name, self.on_read = stream, limit, name, on_read
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise DataError(f"{self.name} is larger than the limit of {self.limit // 1_000_000} MB "
                            "(raise it with --max-size)")
        buffer[:len(data)] = data
        if self.on_read:
            self.on_read(len(data))
        return len(data)


@dataclass
class Input:
    """One file (or stdin) to read, with how to decode it."""

    name: str
    format: str
    encoding: str = "utf-8"
    max_bytes: int = 200_000_000
    raw: bool = False  # CSV cells are taken as they are, not un-neutralised
    pairs: dict[str, str] | None = None  # pair column -> header, for --pairs
    size: int | None = field(default=None, init=False)

    @classmethod
    def build(cls, name: str, *, format: str | None, encoding: str, max_mb: int, raw: bool = False,
              pairs: bool = False, mapping: list[str] | None = None) -> Input:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}") from None
        fmt = format or _guess_format(name, pairs)
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
        if pairs and fmt != "csv":
            raise UsageError("--pairs reads CSV files")
        spec = _pair_mapping(mapping or []) if pairs else None
        item = cls(name, fmt, encoding, max_mb * 1_000_000, raw, spec)
        if name != "-":
            path = Path(name)
            if not path.is_file():
                raise DataError(f"no file {name}")
            item.size = path.stat().st_size
            if item.size > item.max_bytes:
                raise DataError(f"{name} is {item.size // 1_000_000} MB, more than the limit of {max_mb} MB "
                                "(raise it with --max-size)")
        return item

    def records(self, on_read: Callable[[int], None] | None = None) -> Iterator[Raw]:
        """Raw records with their numbers; decoding and syntax errors are DataErrors."""
        stream = sys.stdin.buffer if self.name == "-" else open(self.name, "rb")  # noqa: SIM115
        bounded = io.BufferedReader(_Bounded(stream, self.max_bytes, self.name, on_read))
        encoding = "utf-8-sig" if codecs.lookup(self.encoding).name == "utf-8" else self.encoding
        text = io.TextIOWrapper(bounded, encoding=encoding, newline="")
        try:
            yield from self._parse(text)
        except UnicodeDecodeError as error:
            raise DataError(f"{self.name} is not {self.encoding} text (byte {error.object[error.start]:#04x} "
                            "cannot be decoded): give its encoding with --encoding, e.g. --encoding latin-1") from None
        except csv.Error as error:
            raise DataError(f"{self.name}: not readable as CSV: {error}") from None
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()

    def _parse(self, text: io.TextIOWrapper) -> Iterator[Raw]:
        if self.format == "json":
            try:
                data = json.loads(text.read())
            except json.JSONDecodeError as error:
                raise DataError(f"{self.name}: not valid JSON: {error}") from None
            except RecursionError:
                raise DataError(f"{self.name}: JSON nested too deeply") from None
            if isinstance(data, dict):
                data = [data]
            if not isinstance(data, list):
                raise DataError(f"{self.name}: expected a JSON array of agreements")
            yield from enumerate(data, start=1)
        elif self.format == "jsonl":
            number = 0
            for line in text:
                if not line.strip():
                    continue
                number += 1
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as error:
                    yield number, Unreadable(f"not valid JSON: {error}")
                except RecursionError:
                    yield number, Unreadable("JSON nested too deeply")
        else:
            reader = csv.DictReader(text)
            if self.pairs is not None:
                _check_headers(reader.fieldnames or [], self.pairs)
            for number, row in enumerate(reader, start=1):
                if None in row:
                    yield number, Unreadable("more cells than the header has columns")
                    continue
                if not self.raw:
                    row = {k: _restore(v) for k, v in row.items()}
                yield number, (pair_record(row, self.pairs, Path(self.name).name) if self.pairs is not None
                               else unflatten(row))


class Unreadable(str):
    """A record that could not even be parsed; validation reports its text."""


def _guess_format(name: str, pairs: bool) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if pairs or suffix in ("csv", "txt"):
        return "csv"
    if suffix in ("jsonl", "ndjson"):
        return "jsonl"
    if suffix == "json":
        return "json"
    raise UsageError(f"cannot tell the format of {name!r}: give --format json, jsonl or csv")


def _restore(cell: str | None) -> str | None:
    """Undo export's spreadsheet guard: "'=x" comes back as "=x"."""
    if cell and cell.startswith(_NEUTRALISED):
        return cell[1:]
    return cell


def _pair_mapping(items: list[str]) -> dict[str, str]:
    mapping = {name: name for name in PAIR_COLUMNS}
    for item in items:
        key, sep, header = item.partition("=")
        if not sep or key.strip() not in PAIR_COLUMNS or not header.strip():
            raise UsageError(f"--map takes COLUMN=HEADER with COLUMN one of {', '.join(PAIR_COLUMNS)}; got {item!r}")
        mapping[key.strip()] = header.strip()
    return mapping


def _check_headers(headers: list[str], mapping: dict[str, str]) -> None:
    missing = [f"{key} (header {mapping[key]!r})" for key in PAIR_COLUMNS[:4] if mapping[key] not in headers]
    if missing:
        raise DataError(f"missing columns: {', '.join(missing)}; name other headers with --map city1=HEADER")


def pair_record(row: dict[str, str], mapping: dict[str, str], source: str) -> dict:
    """One row of a twin-towns list as a signed twinning between two cities."""
    from .countries import country_code

    def cell(key: str) -> str:
        return (row.get(mapping[key]) or "").strip()

    def party(n: str) -> dict:
        country = cell(f"country{n}")
        item = {"name": cell(f"city{n}"), "kind": "ville", "country": country_code(country) or country}
        for axis in ("lat", "lng"):
            if cell(f"{axis}{n}"):
                item[axis] = cell(f"{axis}{n}")
        return item

    first, second = party("1"), party("2")
    record = {
        "slug": slugify(f"{first['name']} {second['name']}"),
        "title": f"Jumelage entre {first['name']} et {second['name']}",
        "kind": "twinning", "status": "signed",
        "parties": [first, second],
        "sources": [{"file": source}],
    }
    if cell("year"):
        record["signed_on"] = cell("year")
    return record
