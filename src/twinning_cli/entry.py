"""`twinning add`: one raw record from command-line options or from a JSON file.

The record goes through the same checks as an import (ingest.add); this module
only assembles it and resolves the words a person types.
"""

from __future__ import annotations

import json

from . import vocabulary
from .errors import DataError, UsageError
from .flatten import parse_entry
from .vocabulary import short_name
from .i18n import _

def default_slug(parties: list[dict]) -> str:
    slug = "-".join(vocabulary.slugify(short_name(p.get("name", ""))) for p in parties)
    if any(not part for part in slug.split("-")) or not slug:
        raise UsageError(_('cannot make a slug from these party names: give one with --slug (a-z, 0-9 and -)'))
    return slug


def _resolve(what: str, value: str) -> str:
    try:
        return vocabulary.resolve(what, value)
    except vocabulary.UnknownTerm as error:
        raise UsageError(str(error)) from None


def from_options(*, title: str | None, parties: list[str], kind: str, status: str, signed_on: str | None,
                 domains: list[str], topics: list[str], sources: list[str], summary: str | None,
                 slug: str | None) -> dict:
    if not title:
        raise UsageError(_("give --title (or --from-file)"))
    if len(parties) < 2:
        raise UsageError(_("give --party at least twice: --party 'Ville de Pau | ville | FR'"))
    if not sources:
        raise UsageError(_('give --source: the file or page the facts come from'))
    from .countries import where
    from .gazetteer import locate

    party_items = [parse_entry("parties", p) for p in parties]
    notes = []
    for item in party_items:
        if "country" in item:
            place = where(item["country"])
            if place:
                item["country"] = place.country
                if place.subdivision and not item.get("subdivision"):
                    item["subdivision"] = place.subdivision
            note = locate(item)
            if note:
                notes.append(note)
    record = {
        "slug": slug or default_slug(party_items),
        "title": title,
        "kind": _resolve("kind", kind),
        "status": _resolve("status", status),
        "parties": party_items,
        "domains": [_resolve("domain", d) for d in domains],
        "topics": topics,
        "sources": [parse_entry("sources", s) for s in sources],
    }
    if signed_on:
        record["signed_on"] = signed_on
    if summary:
        record["summary"] = summary
    if notes:
        record["note"] = " ".join(notes)
    return record


def from_file(name: str) -> dict:
    """One record from a JSON file or '-' (standard input), read within the size limit."""
    from .streams import read_text

    text = read_text(name)
    if not text.strip():
        raise DataError(_('no input in {value}: it is empty').format(value='standard input' if name == '-' else name))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise DataError(_('{name} is not a JSON record: {error}').format(name=name, error=error)) from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise DataError(_('{name} must hold one JSON object (an agreement)').format(name=name))
    return data
