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


def whole(stored: str | dict) -> dict:
    """A stored (compact) record as the full record shape."""
    data = json.loads(stored) if isinstance(stored, str) else stored
    record = _fill(AGREEMENT, data)
    for field, template in NESTED.items():
        record[field] = [_fill(template, item) for item in record[field]]
    return record
