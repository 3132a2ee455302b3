"""A record as one spreadsheet row, and back.

List fields are joined with '; '; the parts of one entry (a party's name, kind,
country…) with ' | '. A literal ';', '|' or '\\' inside a value is escaped with
a backslash, so `export --format csv` followed by `import` gives back the same
records. Trailing empty parts are left off, so a row stays readable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .shape import AGREEMENT, NESTED
from .shape import SCALARS as STORED_COLUMNS

# Entry fields in the order they are written; funding's backers are its tail.
ENTRY_FIELDS = {
    "parties": ["name", "kind", "country", "subdivision", "acting_body", "lat", "lng", "wikidata", "geonames"],
    "people": ["name", "role", "party", "signed"],
    "stakeholders": ["name", "kind", "role"],
    "funding": ["programme"],
    "events": ["date", "end", "date_inferred", "date_note", "place", "description"],
    "sources": ["file", "publisher", "published_on", "dateline", "url", "note"],
}
SCALARS = ["slug", "title", "kind", "status", "signed_on", "signed_on_inferred", "signed_on_note",
           "valid_from", "valid_until"]
COLUMNS = [*SCALARS, "parties", "domains", "topics", "people", "stakeholders", "funding",
           "events", "sources", "summary", "note"]


def _escape(value: object) -> str:
    """A part of an entry: ';', '|' and '\\' escaped with a backslash (most values hold none)."""
    text = _scalar(value)
    if "\\" in text or ";" in text or "|" in text:
        return text.replace("\\", "\\\\").replace(";", "\\;").replace("|", "\\|")
    return text


def _scalar(value: object) -> str:
    """A cell of its own needs no escaping, only None and booleans spelled out."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value if isinstance(value, str) else str(value)


def _split(text: str, sep: str) -> list[str]:
    """Split on unescaped `sep`, keeping escapes for the next level."""
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if char == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.strip())


def _defaults(template: dict, keys: list[str]) -> list[tuple[str, str]]:
    """Each key with the cell its default makes, for a record stored without its defaults."""
    return [(key, "false" if template[key] is False else "") for key in keys]


def _entry(field: str, item: dict) -> str:
    parts = [_escape(item[key]) if key in item else default for key, default in _PARTS[field]]
    if field == "funding":
        parts += [_escape(backer) for backer in item.get("backers", ())]
    while parts and parts[-1] == "":
        parts.pop()
    return " | ".join(parts)


def flatten(record: dict) -> list[str]:
    """The record, whole or as stored (defaults left out), as one row of strings in COLUMNS order."""
    row = [_scalar(record[key]) if key in record else default for key, default in _SCALARS]
    row.append("; ".join(_entry("parties", p) for p in record["parties"]))
    row.append("; ".join(record.get("domains", ())))
    row.append("; ".join(_escape(t) for t in record.get("topics", ())))
    for field in ("people", "stakeholders", "funding", "events", "sources"):
        row.append("; ".join(_entry(field, item) for item in record.get(field, ())))
    row += [_scalar(record.get(name)) for name in ("summary", "note")]
    return row


_SCALARS = _defaults(AGREEMENT, SCALARS)
_PARTS = {field: _defaults(NESTED[field], names) for field, names in ENTRY_FIELDS.items()}


def _tails(field: str) -> dict[int, str]:
    """What `_entry` adds after an item stored with n values (the trailing defaults left off): the
    empty parts up to the item's last flag and that flag as 'false'; nothing when no flag follows."""
    parts = [default for _, default in _PARTS[field]]
    flags = [i for i, default in enumerate(parts) if default == "false"]
    return {n: "".join(f" | {part}" for part in parts[n:flags[-1] + 1]) for n in range(1, flags[-1] + 1)} if flags else {}


_TAILS = {field: _tails(field) for field in ENTRY_FIELDS}


def _packed_entry(field: str, values: list) -> str:
    """An item stored as an array of values (shape.pack), as `_entry` writes it, each value escaped
    (flatten_stored joins the values of a record holding no ';', '|' or backslash as they are). Its
    last stored value is never a default, so no empty part trails it."""
    if field == "funding":
        parts = ["" if values[0] is None else _escape(values[0])]
        return " | ".join(parts + [_escape(backer) for backer in values[1]] if len(values) > 1 else parts)
    text = " | ".join(["" if value is None else _escape(value) for value in values])
    tails = _TAILS[field]
    return text + tails[len(values)] if len(values) in tails else text


def flatten_stored(row, lists: dict | None = None) -> list[str]:
    """A row of shape.STORED as `flatten` writes the record: from the columns and the stored
    arrays, with no record made in between (export of a whole register). `lists`: its `record`
    column already decoded (flatten_all)."""
    cells = ["" if value is None else value if value.__class__ is str else _scalar(value)
             for value in row[:len(SCALARS)]]
    cells[_INFERRED] = "true" if row[_INFERRED] else "false"  # stored as 0 or 1
    text = row[-1]
    if lists is None:
        lists = json.loads(text)
    plain = "\\" not in text and ";" not in text and "|" not in text  # a JSON escape shows as a backslash too
    for field in _LISTS:
        items = lists.get(field)
        if not items:
            cells.append("")
        elif field == "domains":
            cells.append("; ".join(items))
        elif field == "topics":
            cells.append("; ".join([_escape(topic) for topic in items]))
        elif plain and field != "funding":  # most items: their values joined as they are
            tails, entries = _TAILS[field], []
            for values in items:
                entry = " | ".join([value if value.__class__ is str else "" if value is None else _scalar(value)
                                    for value in values])
                entries.append(entry + tails[len(values)] if len(values) in tails else entry)
            cells.append("; ".join(entries))
        else:
            cells.append("; ".join([_packed_entry(field, item) for item in items]))
    cells += ["" if row[i] is None else row[i] for i in _PARAGRAPHS]
    return cells


def flatten_all(cursor) -> Iterator[list[str]]:
    """flatten_stored over a cursor of STORED rows, a few hundred at a time: one JSON parse of a
    batch's records costs less than one parse per record."""
    while rows := cursor.fetchmany(500):
        texts = [row[-1] for row in rows]
        yield from map(flatten_stored, rows, json.loads(f"[{','.join(texts)}]"))


_LISTS = COLUMNS[len(SCALARS):-2]  # parties … sources
_INFERRED = SCALARS.index("signed_on_inferred")  # SCALARS begin shape.STORED, in the same order
_PARAGRAPHS = [STORED_COLUMNS.index(name) for name in ("summary", "note")]


def parse_entry(field: str, text: str) -> dict:
    names = ENTRY_FIELDS[field]
    parts = [_unescape(p) for p in _split(text, "|")]
    item = {name: value for name, value in zip(names, parts) if value != ""}
    if field == "funding":
        item["backers"] = [p for p in parts[len(names):] if p]
    return item


def unflatten(row: dict[str, str]) -> dict:
    """A row written by `flatten` (as a header-keyed dict) back to a raw record.

    Empty cells are left out so the model's defaults apply; validation is the
    model's job, not this function's.
    """
    record: dict = {name: row[name] for name in SCALARS if row.get(name, "") != ""}
    for name in ("summary", "note"):
        if row.get(name, "") != "":
            record[name] = row[name]
    for field in ENTRY_FIELDS:
        text = row.get(field, "")
        record[field] = [parse_entry(field, e) for e in _split(text, ";") if e.strip()]
    record["domains"] = [d.strip() for d in row.get("domains", "").split(";") if d.strip()]
    record["topics"] = [_unescape(t) for t in _split(row.get("topics", ""), ";") if t.strip()]
    return record

