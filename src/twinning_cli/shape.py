"""The record's shape without pydantic: what the register stores compactly is given back whole.

The register stores each record without the values that are their defaults (null, false,
empty lists): a third of the bytes. Every reader gets the full shape back from `whole`, in the
model's own key order, so that JSON output is what it always was. A test keeps these templates
equal to model.py's fields and defaults. Stdlib only: this runs on the read path.
"""

from __future__ import annotations

import json

_REQUIRED = object()
AGREEMENT = {"slug": _REQUIRED, "title": _REQUIRED, "kind": _REQUIRED, "status": _REQUIRED, "signed_on": None,
             "signed_on_inferred": False, "signed_on_note": None, "valid_from": None, "valid_until": None,
             "parties": _REQUIRED, "domains": [], "topics": [], "people": [], "stakeholders": [], "funding": [],
             "events": [], "sources": _REQUIRED, "summary": None, "note": None}
NESTED = {
    "parties": {"name": _REQUIRED, "kind": _REQUIRED, "country": _REQUIRED, "subdivision": None, "acting_body": None,
                "lat": None, "lng": None, "wikidata": None, "geonames": None},
    "people": {"name": _REQUIRED, "role": None, "party": None, "signed": False},
    "stakeholders": {"name": _REQUIRED, "kind": None, "role": None},
    "funding": {"programme": _REQUIRED, "backers": []},
    "events": {"date": _REQUIRED, "end": None, "date_inferred": False, "date_note": None, "place": None,
               "description": _REQUIRED},
    "sources": {"file": _REQUIRED, "publisher": None, "published_on": None, "dateline": None, "url": None,
                "note": None},
}


def _fill(template: dict, data: dict) -> dict:
    return {key: data[key] if key in data else (list(default) if isinstance(default, list) else default)
            for key, default in template.items()}


# Since schema 6 each fact is stored once: the record's scalar fields in the agreements table's
# own columns, its lists in its `record` column as JSON, each item of the NESTED lists as an array
# of its values in the template's order, the trailing default values left off:
# {"parties": [["Pau", "ville", "FR", "FR-NAQ", null, 43.3, -0.37]], "domains": ["culture"], …}
SCALARS = ("slug", "title", "kind", "status", "signed_on", "signed_on_inferred", "signed_on_note",
           "valid_from", "valid_until", "summary", "note")
LISTS = ("parties", "domains", "topics", "people", "stakeholders", "funding", "events", "sources")
STORED = ", ".join(f"a.{c}" for c in (*SCALARS, "record"))  # SELECT this FROM agreements a, then `compact`
POSITION = {field: {key: i for i, key in enumerate(template)} for field, template in NESTED.items()}


def pack(agreement) -> str:
    """The `record` column of a validated agreement (model.Agreement, whose fields, in order, are
    the templates' keys: a test keeps them so)."""
    from pydantic_core import to_json  # the write path only: pydantic's own JSON writer, in Rust

    data = {}
    fields = agreement.__dict__
    for field in LISTS:
        items = fields[field]
        if items and field in NESTED:
            data[field] = [_packed(item) for item in items]
        elif items:
            data[field] = items
    return to_json(data).decode()


def _packed(item) -> list:
    values = list(item.__dict__.values())
    while values and _default(values[-1]):
        values.pop()
    return values


def _default(value) -> bool:
    return value is None or value is False or value == []  # never 0 or 0.0: a latitude may be 0


def _unpacked(values: list, template: dict) -> dict:
    return {key: value for key, value in zip(template, values) if not _default(value)}


def compact(row) -> dict:
    """A record as stored (no default values) from the columns of STORED, in that order."""
    data = {key: value for key, value in zip(SCALARS, row) if value is not None}
    if data.get("signed_on_inferred") is not None:
        if data["signed_on_inferred"]:
            data["signed_on_inferred"] = True
        else:
            del data["signed_on_inferred"]
    for field, items in json.loads(row[-1]).items():
        template = NESTED.get(field)
        data[field] = [_unpacked(item, template) for item in items] if template else items
    return data


def whole(stored) -> dict:
    """A stored record (a row of STORED, or its compact dict) as the full record shape."""
    data = stored if isinstance(stored, dict) else compact(stored)
    record = _fill(AGREEMENT, data)
    for field, template in NESTED.items():
        record[field] = [_fill(template, item) for item in record[field]]
    return record
