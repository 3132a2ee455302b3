"""A twin-towns list shaped like the real world's, and what twinning does with it at that size.

    python bench/pairs.py 25000 > pairs.csv        # the file alone
    python bench/run.py --pairs 25000              # import it, time every view, write docs/scale.md

The file has the real list's columns (city1,country1,lat1,lng1,city2,country2,lat2,lng2) and its
classes of difficulty, made on purpose and counted: country cells as people write them (Russia,
England, Turkey, 'England, United Kingdom', 'Scotland, UK', 'Georgia (country)', Kosovo, Ivory
Coast, 'Brandenburg, Germany', 'Ohio, United States'…); names with ł ø ß ş ü; one name in several
countries (Paris FR/US, Córdoba AR/ES/MX); names one accent apart (Fürth/Furth, Lohne/Löhne,
Berat/Bérat); two Neustadts 200 km apart; pairs given twice, reversed or in another Unicode form;
and BAD rows that no tool could take (blank or misspelled country, a place with no ISO code, a
town twinned with itself). Deterministic from its seed.
"""

from __future__ import annotations

import csv
import random
import sys
import unicodedata

# Country code (and subdivision) -> the spellings a list may use for it.
SPELLINGS = {
    "FR": ["France", "France", "FR"], "DE": ["Germany", "Germany", "Deutschland"], "US": ["United States", "USA"],
    "CA": ["Canada"], "PL": ["Poland", "Polska"], "DK": ["Denmark"], "JP": ["Japan"], "CN": ["China"],
    "KR": ["South Korea", "Korea, Republic of"], "IT": ["Italy", "Italia"], "ES": ["Spain", "España"],
    "RU": ["Russia", "Russia", "Russian Federation"], "TR": ["Turkey", "Turkey", "Türkiye"],
    "GB-ENG": ["England", "England", "England, United Kingdom"], "GB-SCT": ["Scotland", "Scotland, UK"],
    "GB-WLS": ["Wales"], "GB-NIR": ["Northern Ireland"], "IE": ["Republic of Ireland", "Ireland"],
    "PS": ["Palestine"], "GE": ["Georgia (country)"], "CV": ["Cape Verde"], "XK": ["Kosovo"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"], "CD": ["Democratic Republic of the Congo"],
    "DE-BB": ["Brandenburg, Germany"], "US-OH": ["Ohio, United States"], "AR": ["Argentina"],
    "MX": ["Mexico"], "VE": ["Venezuela"], "AL": ["Albania"], "UA": ["Ukraine"], "CZ": ["Czech Republic"],
    "MK": ["Macedonia", "North Macedonia"], "TW": ["Taiwan"], "IR": ["Iran"], "BE": ["Belgium", "Belgique"],
}
WEIGHTS = {"FR": 14, "DE": 14, "US": 10, "PL": 6, "IT": 6, "ES": 4, "RU": 5, "TR": 4, "GB-ENG": 5, "JP": 4,
           "CN": 4, "UA": 3}
FIRST = ["Wroc", "Biał", "Søn", "Gie", "Eski", "Kar", "Lud", "Hal", "Mar", "Ber", "Tor", "Val", "Ost", "Nov",
         "San", "Kra", "Łu", "Sze", "Brø", "Stra", "Dör", "Kır", "Ģe", "Zel", "Olo", "Puł", "Ros", "Kem",
         "Alt", "Neu", "Vil", "Bor", "Gre", "Ham", "Lin", "Mos", "Pét", "Sai", "Tar", "Ürg"]
MIDDLE = ["", "a", "e", "o", "ıl", "ø", "ß", "ş", "en", "ar", "ol", "ów", "ür", "ğa", "is", "el", "an", "ik"]
LAST = ["ław", "ystok", "derborg", "ßen", "şehir", "heim", "ow", "burg", "ville", "stadt", "grad", "polis",
        "sk", "ino", "ona", "ach", "dorf", "ice", "ovo", "ăr", "ın", "by", "ham", "ton", "berg"]
FIXED = [  # (name, country code, lat, lng): the classes the identity rules must keep apart
    ("Paris", "FR", 48.857, 2.352), ("Paris", "US", 33.661, -95.556), ("Córdoba", "AR", -31.417, -64.183),
    ("Córdoba", "ES", 37.888, -4.779), ("Córdoba", "MX", 18.884, -96.926), ("Fürth", "DE", 49.477, 10.989),
    ("Furth", "DE", 48.583, 12.000), ("Lohne", "DE", 52.667, 8.233), ("Löhne", "DE", 52.200, 8.700),
    ("Berat", "AL", 40.706, 19.952), ("Bérat", "FR", 43.378, 1.175), ("Neustadt", "DE", 49.350, 8.139),
    ("Neustadt", "DE", 50.733, 11.750), ("Wrocław", "PL", 51.110, 17.030), ("Białystok", "PL", 53.133, 23.167),
    ("Sønderborg", "DK", 54.909, 9.792), ("Eskişehir", "TR", 39.777, 30.521), ("Gyumri", "AM", 40.789, 43.847),
]
BAD_COUNTRIES = ["", "Frnace", "Germanyy", "Atlantis", "Narnia", "Unknown"]


def towns(rng: random.Random, count: int) -> list[tuple[str, str, float, float]]:
    """(name, code, lat, lng): one point per place, near a real place of its country (as a real
    list's points are: one far from every place of its country is not recorded); about one in
    twenty names used again elsewhere."""
    codes = list(SPELLINGS)
    weights = [WEIGHTS.get(c, 1) for c in codes]
    points = _points(codes)
    names, out = set(), list(FIXED)
    while len(out) < count:
        name = rng.choice(FIRST) + rng.choice(MIDDLE) + rng.choice(LAST)
        if name in names and rng.random() > 0.05:
            continue
        names.add(name)
        code = rng.choices(codes, weights)[0]
        lat, lng = rng.choice(points[code[:2]])
        out.append((name, code, round(lat + rng.uniform(-0.05, 0.05), 4), round(lng + rng.uniform(-0.05, 0.05), 4)))
    return out


def _points(codes: list[str]) -> dict[str, list[tuple[float, float]]]:
    """The gazetteer's places of each country, in its own order (the file stays deterministic)."""
    from twinning_cli.gazetteer import _conn

    conn = _conn()
    return {code[:2]: conn.execute("SELECT lat, lng FROM places WHERE country = ? AND lat IS NOT NULL ORDER BY id",
                                   (code[:2],)).fetchall() for code in codes}


def rows(size: int, seed: int = 25917) -> tuple[list[list[str]], dict[str, int]]:
    """The rows, and how many of each made-bad or repeated class they hold."""
    rng = random.Random(seed)
    pool = towns(rng, max(50, size * 3 // 5))
    hubs = pool[:len(FIXED)] + pool[len(FIXED):len(FIXED) + 40]
    made = {"bad country": 0, "twinned with itself": 0, "reversed repeat": 0, "other Unicode form": 0}
    seen, out = set(), []

    def cell(town) -> list[str]:
        name, code, lat, lng = town
        return [name, rng.choice(SPELLINGS.get(code, [code])), str(lat), str(lng)]

    while len(out) < size:
        roll = rng.random()
        if roll < 0.0015 and out:
            first, second = rng.sample(pool, 2)
            row = cell(first) + cell(second)
            row[1] = rng.choice(BAD_COUNTRIES)
            made["bad country"] += 1
        elif roll < 0.0020:
            town = rng.choice(pool)
            row = cell(town) + cell(town)
            made["twinned with itself"] += 1
        elif roll < 0.03 and seen:
            a, b = rng.choice(sorted(seen))
            if rng.random() < 0.7:
                row = cell(b) + cell(a)
                made["reversed repeat"] += 1
            else:
                row = cell(a) + cell(b)
                row[0] = unicodedata.normalize("NFD", row[0])
                made["other Unicode form"] += 1
        else:
            a = rng.choice(hubs) if rng.random() < 0.25 else rng.choice(pool)
            b = rng.choice(pool)
            if a == b or (a, b) in seen or (b, a) in seen or (a[0], a[1]) == (b[0], b[1]):
                continue
            seen.add((a, b))
            row = cell(a) + cell(b)
        out.append(row)
    return [[r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]] for r in out], made


def write(size: int, stream) -> dict[str, int]:
    data, made = rows(size)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"])
    writer.writerows(data)
    return made


if __name__ == "__main__":
    counts = write(int(sys.argv[1]) if len(sys.argv) > 1 else 25000, sys.stdout)
    print(counts, file=sys.stderr)


# --- measuring: `python bench/run.py --pairs N` calls measure() --------------------------------

VIEWS = [  # (what a person types, on an 80-column terminal unless it says --format)
    ["list"], ["list", "--format", "csv"], ["list", "--between", "France", "Canada"], ["list", "-c", "Russia"],
    ["show", "paris-ouch"], ["show", "SLUG"], ["territories"], ["territories", "--format", "csv"],
    ["territories", "show", "Paris"], ["territories", "show", "Paris, FR"], ["network"],
    ["network", "--from", "Paris, FR"], ["stats"], ["stats", "--by", "country"], ["timeline"], ["doctor"],
    ["export", "--format", "csv"], ["export", "--format", "json"], ["export", "--format", "jsonl"],
    ["export", "--format", "geojson"], ["export", "--table", "parties", "--format", "csv"],
    ["network", "--format", "json"], ["network", "--format", "graphml"], ["network", "--format", "dot"],
    ["network", "--format", "mermaid"],
]


def measure(twinning: str, sqlite_utils: str, size: int, out_dir, timed, runs: int, floor_cmd) -> dict:
    """Import the file (against `sqlite-utils insert --csv` of it), then run every view: seconds,
    lines written and the widest line, as a person at an 80-column terminal would get them."""
    import os
    import re
    import sqlite3
    import subprocess
    from pathlib import Path

    out_dir = Path(out_dir)
    source, db, anchor = out_dir / f"pairs-{size}.csv", out_dir / f"pairs-{size}.db", out_dir / f"pairs-anchor-{size}.db"
    with source.open("w", encoding="utf-8") as stream:
        made = write(size, stream)
    rejects = out_dir / f"pairs-{size}-rejects.csv"

    def clean(path: Path) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    def empty() -> None:
        clean(db)
        subprocess.run([twinning, "init", "--empty", "--db", str(db)], check=True, capture_output=True)

    result = {"size": size, "made": made, "import": timed(
        [twinning, "import", str(source), "--pairs", "--skip-invalid", "--rejects", str(rejects), "--db", str(db)],
        runs, empty), "anchor": timed([sqlite_utils, "insert", str(anchor), "pairs", str(source), "--csv"], runs,
                                      lambda: clean(anchor))}
    summary = subprocess.run([twinning, "import", str(source), "--pairs", "--dry-run", "--skip-invalid",
                              "--db", str(db)], capture_output=True, text=True).stderr
    empty()
    result["summary"] = subprocess.run(
        [twinning, "import", str(source), "--pairs", "--skip-invalid", "--rejects", str(rejects), "--db", str(db)],
        capture_output=True, text=True).stderr.strip().splitlines()
    del summary
    result["sizes"] = {"register": db.stat().st_size, "anchor": anchor.stat().st_size, "file": source.stat().st_size}
    slug = sqlite3.connect(db).execute("SELECT slug FROM agreements ORDER BY rowid LIMIT 1").fetchone()[0]
    env = {**os.environ, "COLUMNS": "80", "LINES": "40", "TWINNING_DB": str(db)}
    result["views"] = []
    for argv in VIEWS:
        argv = [slug if a == "SLUG" else a for a in argv]
        terminal = "--format" not in argv and argv[0] not in ("doctor",)
        cmd = [twinning, *argv] + (["--format", "table"] if terminal and argv[0] != "export" else [])
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        text = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)
        lines = text.splitlines()
        timing = timed(cmd, runs, None, env=env, ok=(0, 1))
        result["views"].append({"argv": " ".join(argv), "seconds": timing["median"], "exit": done.returncode,
                                "spread": (timing["min"], timing["max"]),
                                "lines": len(lines), "widest": max((len(line) for line in lines), default=0),
                                "stderr": done.stderr.strip().splitlines()[-1:]})
    # The full dumps beside sqlite-utils writing the same rows (without the partners or the flattening),
    # and beside the floor (floor_cmd): a bare Python process writing them with sqlite3 and csv
    result["dumps"] = [{"what": what, "sql": sql, **timed([sqlite_utils, "query", str(db), sql, "--csv"], runs),
                        "floor": timed(floor_cmd(db, sql), runs)} for what, sql in DUMPS]
    return result


DUMPS = [
    ("list --format csv", ("SELECT slug, parties, kind, status, date, domains FROM agreements"
                           " ORDER BY date IS NULL, date DESC, slug")),
    ("territories --format csv", ("SELECT name, kind, country, subdivision, agreements FROM territories"
                                  " WHERE agreements > 0 ORDER BY agreements DESC, name")),
    ("export --format csv", "SELECT * FROM agreements ORDER BY slug"),
    ("network --format json", ("SELECT p.territory_id, q.territory_id, a.slug, a.title, a.kind, a.status, a.year,"
                               " a.domains FROM agreements a JOIN agreement_parties p ON p.agreement = a.id"
                               " JOIN agreement_parties q ON q.agreement = a.id AND q.position > p.position"
                               " ORDER BY a.slug, p.position, q.position")),
]


def report(result: dict) -> str:
    size = result["size"]
    made = result["made"]
    ours, anchor = result["import"]["median"], result["anchor"]["median"]
    lines = [
        "# A world-sized twin-towns list", "",
        f"`python bench/run.py --pairs {size}` generates a file of {size:,} pairs shaped like the real world "
        "list (bench/pairs.py: country cells as people write them, names with ł ø ß ş ü, one name in several "
        "countries, names one accent apart, two Neustadts 200 km apart, repeated pairs), imports it with "
        "`--pairs --skip-invalid`, and runs every view as a person at an 80-column terminal would.", "",
        "## Import", "",
        f"Made on purpose: {made['bad country']} rows with a blank or unknown country, "
        f"{made['twinned with itself']} towns twinned with themselves, {made['reversed repeat']} pairs given "
        f"again reversed, {made['other Unicode form']} given again in another Unicode form.", "",
        "```", *result["summary"], "```", "",
        f"Time: {ours:.2f} s against {anchor:.2f} s for `sqlite-utils insert --csv` of the same file "
        f"({ours / anchor:.1f}×, a flat table with no validation, no identity and no index). Size: register "
        f"{result['sizes']['register'] / 1e6:.1f} MB, sqlite-utils' table {result['sizes']['anchor'] / 1e6:.1f} MB, "
        f"the CSV {result['sizes']['file'] / 1e6:.1f} MB.", "",
        "## Every view at that size", "",
        "Whole processes, median of the runs (fastest and slowest beside it); lines and widest line (in "
        "characters) of what stdout shows, on a terminal 80 columns wide unless `--format` is given.", "",
        "| command | time | spread | lines | widest | exit | last line on stderr |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for view in result["views"]:
        note = (view["stderr"][0] if view["stderr"] else "").replace("|", "\\|")
        low, high = view.get("spread", (view["seconds"], view["seconds"]))
        lines.append(f"| `twinning {view['argv']}` | {view['seconds'] * 1000:,.0f} ms | "
                     f"{low * 1000:,.0f}–{high * 1000:,.0f} ms | {view['lines']:,} | "
                     f"{view['widest']} | {view['exit']} | {note[:90]} |")
    if result.get("dumps"):
        lines += ["", ("The full dumps beside `sqlite-utils query DB \"<SQL>\" --csv` writing the same rows from the "
                       "same register, without the partners (territories) or the flattening of each record (export), "
                       "and beside the floor: `python -c` running that SQL with `sqlite3` and writing its rows with "
                       "`csv`, nothing else:"),
                  "",
                  "| command | twinning | sqlite-utils | spread | floor | spread | SQL |",
                  "|---|---:|---:|---:|---:|---:|---|"]
        ours = {view["argv"]: view["seconds"] for view in result["views"]}
        for dump in result["dumps"]:
            floor = dump.get("floor")
            low = f"{floor['median'] * 1000:,.0f} ms | {floor['min'] * 1000:,.0f}–{floor['max'] * 1000:,.0f} ms" \
                if floor else " | "
            lines.append(f"| `{dump['what']}` | {ours[dump['what']] * 1000:,.0f} ms | {dump['median'] * 1000:,.0f} ms | "
                         f"{dump['min'] * 1000:,.0f}–{dump['max'] * 1000:,.0f} ms | {low} | `{dump['sql']}` |")
    return "\n".join(lines) + "\n"
