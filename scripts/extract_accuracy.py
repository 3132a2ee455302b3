"""Per-field accuracy of `twinning extract`, on two sets of articles.

    python scripts/extract_accuracy.py

The development set (the seed texts and tests/articles/) is what the rules were
written against; the held-out set (tests/articles/held-out/) was written after
them and not used to change them, so it is the fairer guess at unseen text.
Prints the Markdown tables of README and the time per article. The seed texts
are read from ../shared/seeds/ when that folder is there.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from twinning_cli.extract import extract
from twinning_cli.store import seed_path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"


def cases(folder: Path, seeds: bool) -> list[tuple[str, str, dict]]:
    found = []
    if seeds and SEEDS.is_dir():
        for record in json.loads(seed_path().read_text(encoding="utf-8")):
            file = record["sources"][0]["file"]
            expected = {**record, "parties": [[p["name"], p["country"]] for p in record["parties"]]}
            found.append((file, (SEEDS / file).read_text(encoding="utf-8"), expected))
    for file, expected in json.loads((folder / "expected.json").read_text(encoding="utf-8")).items():
        found.append((file, (folder / file).read_text(encoding="utf-8"), expected))
    return found


def main() -> None:
    for title, folder, seeds in (("Development set", ARTICLES, True),
                                 ("Held-out set", ARTICLES / "held-out", False)):
        print(f"**{title}**\n")
        report(cases(folder, seeds))
        print()


def report(all_cases: list) -> None:
    fields = {"parties (names and countries)": 0, "party countries": 0, "kind": 0, "status": 0,
              "signed_on": 0, "domains: none missing": 0, "domains: exact": 0}
    times = []
    for file, text, expected in all_cases:
        start = time.perf_counter()
        record = extract(text, source=file).record
        times.append(time.perf_counter() - start)
        got = sorted((p["name"], p["country"]) for p in record["parties"])
        want = sorted(tuple(p) for p in expected["parties"])
        fields["parties (names and countries)"] += got == want
        fields["party countries"] += sorted(c for _, c in got) == sorted(c for _, c in want)
        for name in ("kind", "status", "signed_on"):
            fields[name] += record[name] == expected[name]
        fields["domains: none missing"] += not set(expected["domains"]) - set(record["domains"])
        fields["domains: exact"] += set(expected["domains"]) == set(record["domains"])
    n = len(all_cases)
    print(f"| field | right | of {n} |\n|---|---:|---:|")
    for name, right in fields.items():
        print(f"| {name} | {right} | {right / n:.0%} |")
    print(f"\n{n} articles; extraction took {statistics.median(times) * 1000:.0f} ms median, "
          f"{max(times) * 1000:.0f} ms at most (the first loads the gazetteer and dateparser).")


if __name__ == "__main__":
    main()
