"""Reading the service's answers: SPARQL 1.1 JSON results or its CSV download, into records.

One agreement per unordered pair of items: A→B and B→A are one twinning with both statements
as sources. Dates keep Wikidata's precision (9: a year, 10: a month, 11: a day); coarser ones
(a decade) are left out rather than made precise.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Iterator

from ..errors import DataError
from ..validate import Unreadable
from ..vocabulary import UNKNOWN_KIND, slugify
from ..i18n import _

_QID = re.compile(r"(Q[1-9][0-9]*)$")
_POINT = re.compile(r"^\s*Point\(\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s+(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*\)\s*$")
KIND = UNKNOWN_KIND  # Wikidata says an item is twinned, not what kind of body it is


def bindings(text: str, name: str) -> list[dict[str, str]]:
    """Each answer row as {variable: value}, from SPARQL JSON results or CSV."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        raise DataError(_('{name}: the answer is an HTML page, not query results').format(name=name))
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except (ValueError, RecursionError) as error:
            raise DataError(_("{name}: not valid SPARQL JSON results (cut short?): {error}").format(
                                name=name, error=error)) from None
        try:
            rows = data["results"]["bindings"]
            return [{k: str(v["value"]) for k, v in row.items() if isinstance(v, dict) and "value" in v}
                    for row in rows]
        except (KeyError, TypeError, AttributeError):
            raise DataError(_("{name}: JSON without results.bindings: not SPARQL JSON results").format(
                                name=name)) from None
    reader = csv.DictReader(io.StringIO(stripped))
    if not reader.fieldnames or not {"item", "partner", "statement"} <= set(reader.fieldnames):
        raise DataError(_("{name}: neither SPARQL JSON results nor a CSV with item, partner and statement columns").format(
                            name=name))
    return [{k: v for k, v in row.items() if k and v} for row in reader]


def qid(uri: str | None) -> str | None:
    found = _QID.search(uri or "")
    return found.group(1) if found else None


def when(value: str | None, precision: str | None) -> str | None:
    """'2004-01-01T00:00:00Z' at precision 9 -> '2004'; 10 -> '2004-01'; 11 -> '2004-01-01'."""
    if not value or not precision:
        return None
    match = re.match(r"^\+?([0-9]{4})-([0-9]{2})-([0-9]{2})", value)
    try:
        digits = int(precision)
    except ValueError:
        return None
    if not match or digits < 9:
        return None
    year, month, day = match.groups()
    return {9: year, 10: f"{year}-{month}"}.get(digits, f"{year}-{month}-{day}")


def point(value: str | None) -> tuple[float, float] | None:
    """WKT 'Point(lon lat)' -> (lat, lng)."""
    match = _POINT.match(value or "")
    return (float(match.group(2)), float(match.group(1))) if match else None


def records(rows: list[dict[str, str]], retrieved: datetime.date) -> Iterator[tuple]:
    """(number, raw record or Unreadable, the pair's rows) for each unordered pair of items."""
    pairs: dict[tuple[str, str], dict] = {}
    for row in rows:
        a, b = qid(row.get("item")), qid(row.get("partner"))
        if not a or not b:
            continue
        entry = pairs.setdefault(tuple(sorted((a, b))), {"items": {}, "statements": {}, "rows": []})
        entry["rows"].append(row)
        for side, item in (("item", a), ("partner", b)):
            known = entry["items"].setdefault(item, {})
            for key in ("Label", "CountryCode", "RegionCode", "Coord"):
                if row.get(side + key) and key not in known:
                    known[key] = row[side + key]
        statement = entry["statements"].setdefault(row.get("statement", ""), {})
        for key in ("start", "startPrecision", "end", "endPrecision"):
            if row.get(key) and key not in statement:
                statement[key] = row[key]
    for number, ((a, b), entry) in enumerate(pairs.items(), start=1):
        yield number, _record(a, b, entry, retrieved), entry["rows"]


def _party(item: str, known: dict) -> dict | Unreadable:
    from ..countries import is_country

    country = (known.get("CountryCode") or "").upper()
    if not country or not is_country(country):
        return Unreadable(f"{item} has no country (P17 with an ISO code) on Wikidata")
    party = {"name": known.get("Label") or item, "kind": KIND, "country": country, "wikidata": item}
    region = (known.get("RegionCode") or "").upper()
    if region.startswith(country + "-"):
        party["subdivision"] = region
    where = point(known.get("Coord"))
    if where:
        party["lat"], party["lng"] = where
    return party


def _record(a: str, b: str, entry: dict, retrieved: datetime.date) -> dict | Unreadable:
    if a == b:
        return Unreadable(f"{a} is twinned with itself on Wikidata")
    parties = [_party(item, entry["items"].get(item, {})) for item in (a, b)]
    for party in parties:
        if isinstance(party, Unreadable):
            return party
    statements = sorted(entry["statements"].items())
    starts = sorted(filter(None, (when(s.get("start"), s.get("startPrecision")) for _, s in statements)))
    ends = sorted(filter(None, (when(s.get("end"), s.get("endPrecision")) for _, s in statements)))
    ended = any(s.get("end") for _, s in statements)
    names = [p["name"] for p in parties]
    record = {
        "slug": slugify(" ".join(names)) or f"{a.lower()}-{b.lower()}",
        "title": f"Jumelage entre {names[0]} et {names[1]}",
        "kind": "twinning", "status": "ended" if ended else "signed",
        "parties": parties,
        "sources": [{"file": f"wikidata:{uri.rsplit('/', 1)[-1]}", "publisher": "Wikidata",
                     "url": uri.replace("http://www.wikidata.org/", "https://www.wikidata.org/"),
                     "note": f"P190 statement, retrieved {retrieved.isoformat()}; CC0"}
                    for uri, _ in statements if uri],
    }
    if starts:
        record["signed_on"] = starts[0]
    if ends and ended:
        record["valid_until"] = ends[-1]
    return record
