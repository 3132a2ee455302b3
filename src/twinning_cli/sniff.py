"""What an input file is, before it is read: its format (by its name, else its first bytes) and
a CSV file's delimiter (by its header line)."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import DataError
from .i18n import _

FORMATS = ("json", "jsonl", "csv", "tsv")
DELIMITERS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}


def guess_format(name: str, pairs: bool) -> str | None:
    """The format the file's extension names, or None: sniffed from the content."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return {"csv": "csv", "txt": "csv", "tsv": "tsv", "tab": "tsv", "jsonl": "jsonl", "ndjson": "jsonl",
            "json": "json"}.get(suffix, "csv" if pairs and name != "-" else None)


def sniff_format(head: bytes, name: str) -> str:
    """JSON, JSON Lines or CSV, from the first bytes: '[' or '{' opens JSON; a first line that
    is a whole JSON object, JSON Lines; anything else, CSV (its delimiter is sniffed next)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        raise DataError(_('no input in {value}: it is empty').format(value='standard input' if name == '-' else name))
    if text[:1] not in (b"[", b"{"):
        return "csv"
    if text[:1] == b"[":
        return "json"
    line = text.split(b"\n", 1)[0]
    try:
        json.loads(line)
        return "jsonl"
    except ValueError:
        return "json"


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: the most frequent of ',', ';' and tab."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","
