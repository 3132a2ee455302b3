"""Giving back: the register's signed twinnings that Wikidata lacks, as QuickStatements (V1).

An agreement goes out when it is signed, joins exactly two parties that both carry a Wikidata
id, has a source with a URL (the reference, S854), and has no Wikidata statement among its
sources already. Both directions are written; the start time (P580) keeps the date's real
precision: a year is /9, a month /10, a day /11.
"""

from __future__ import annotations

PRECISION = {4: ("-00-00", 9), 7: ("-00", 10), 10: ("", 11)}


def time_value(date: str) -> str:
    """'2024' -> '+2024-00-00T00:00:00Z/9'; '2024-04' -> '+2024-04-00T00:00:00Z/10'."""
    tail, precision = PRECISION[len(date)]
    return f"+{date}{tail}T00:00:00Z/{precision}"


def lines(records: list[dict]) -> tuple[list[str], int]:
    """The commands, and how many signed two-party agreements with ids were left out for want of a URL."""
    out, without_url = [], 0
    for record in records:
        parties = record["parties"]
        ids = [p.get("wikidata") for p in parties]
        if record["status"] != "signed" or len(parties) != 2 or not all(ids):
            continue
        if any(s.get("publisher") == "Wikidata" for s in record["sources"]):
            continue  # Wikidata has it already
        url = next((s["url"] for s in record["sources"] if (s.get("url") or "").startswith(("http://", "https://"))),
                   None)
        if url is None:
            without_url += 1
            continue
        start = f"\tP580\t{time_value(record['signed_on'])}" if record.get("signed_on") else ""
        reference = '\tS854\t"' + url.replace('"', "%22") + '"'
        for a, b in (ids, ids[::-1]):
            out.append(f"{a}\tP190\t{b}{start}{reference}")
    return out, without_url


def parse(text: str) -> list[tuple[str, str, str | None]]:
    """(item, partner, date) of each P190 command: what a round trip must give back."""
    found = []
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[1] == "P190":
            date = None
            if "P580" in cells:
                value, precision = cells[cells.index("P580") + 1].lstrip("+").split("/")
                date = value[:{"9": 4, "10": 7, "11": 10}[precision]]
            found.append((cells[0], cells[2], date))
    return found
