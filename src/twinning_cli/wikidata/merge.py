"""A Wikidata twinning meets the register: added, or merged into what a person wrote.

Where the register already has an agreement between the same two territories (by Wikidata id,
else by name and country: identity.py), the statements are added as its sources and the
identifiers and coordinates it lacks are filled; nothing a person wrote (title, kind, status,
dates, domains, people, summary) changes, and where Wikidata says another date or status the
difference is reported, not applied. An agreement that came from Wikidata alone is refreshed
by --update. The same answer twice changes nothing.
"""

from __future__ import annotations

import json

from ..model import Agreement
from ..shape import STORED, whole
from ..validate import Problem
from ..i18n import _

FILLED = ("wikidata", "lat", "lng", "subdivision")


def _from_wikidata(record: dict) -> bool:
    return all(s.get("publisher") == "Wikidata" for s in record["sources"])


def same_territories(db, ids: list[int]) -> str | None:
    """The agreement (any kind) whose parties are exactly these territories."""
    row = db.execute(
        "SELECT slug FROM agreements WHERE id = (SELECT agreement FROM agreement_parties WHERE agreement IN"
        " (SELECT agreement FROM agreement_parties WHERE territory_id = ?) GROUP BY agreement HAVING count(*) = ?"
        " AND sum(territory_id IN (SELECT value FROM json_each(?))) = ? LIMIT 1)",
        (ids[0], len(ids), json.dumps(ids), len(ids))).fetchone()
    return row[0] if row else None


def apply(db, writer, agreement: Agreement, number: int, outcome, update: bool, write: bool) -> list[Problem]:
    ids = [writer.territory_id(p) for p in agreement.parties]
    if len(set(ids)) < len(ids):
        return [Problem(_("record {number}").format(number=number) + f" ({agreement.slug})", "parties", _('both items are one territory here'))]
    new = agreement.model_dump(mode="json")
    writer.flush()  # what this answer added already is looked at too
    slug = same_territories(db, ids)
    if slug is None:
        from ..ingest import _free_slug, _slug_taken

        if _slug_taken(db, writer, agreement.slug):
            agreement = _free_slug(db, writer, agreement)
        if write:
            writer.add(agreement)
        outcome.added += 1
        return []
    old = whole(db.execute(f"SELECT {STORED} FROM agreements a WHERE a.slug = ?", (slug,)).fetchone())
    if _from_wikidata(old) and update:
        merged = {**new, "slug": slug}
    else:
        merged = _merge(old, new, ids, db, outcome)
    if merged == old:
        outcome.unchanged += 1
        return []
    if write:
        writer.replace(Agreement.model_validate(merged))
    if _from_wikidata(old) and update:
        outcome.updated += 1
    else:
        outcome.merged += 1
    return []


def _merge(old: dict, new: dict, ids: list[int], db, outcome) -> dict:
    """`old` with `new`'s sources and the party facts it lacks; differences noted, not applied."""
    merged = json.loads(json.dumps(old))
    known = {s.get("url") for s in merged["sources"]}
    merged["sources"] += [s for s in new["sources"] if s.get("url") not in known]
    by_territory = {}
    for position, tid in db.execute("SELECT position, territory_id FROM agreement_parties WHERE agreement ="
                                    " (SELECT id FROM agreements WHERE slug = ?)", (old["slug"],)):
        by_territory[tid] = merged["parties"][position]
    for tid, incoming in zip(ids, new["parties"]):
        party = by_territory.get(tid)
        if party is None:
            continue
        for key in FILLED:
            if party.get(key) is None and incoming.get(key) is not None:
                if key == "subdivision" and not str(incoming[key]).startswith(party["country"] + "-"):
                    continue
                party[key] = incoming[key]
        if party.get("lat") is None or party.get("lng") is None:
            party["lat"] = party["lng"] = None
    for key in ("signed_on", "status"):
        if new.get(key) and old.get(key) and new[key] != old[key] and not _within(old.get(key), new.get(key)):
            outcome.notes.append(f"{old['slug']}: {key} is {old[key]} here, {new[key]} on Wikidata (not applied)")
    return merged


def _within(ours: str | None, theirs: str | None) -> bool:
    """'2024-04-09' here and '2024' on Wikidata agree: one is the other at another precision."""
    return bool(ours and theirs and (ours.startswith(theirs) or theirs.startswith(ours)))
