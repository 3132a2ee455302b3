"""The benchmark: twinning against sqlite-utils' own CLI and a bare-Python floor.

    pip install . && python bench/run.py            # 1,000 / 10,000 / 100,000 agreements
    python bench/run.py --huge                      # and 1,000,000
    python bench/run.py --sizes 1000 --runs 3       # a quick look

Every figure is a whole process, timed several times (median and spread). Writes
the table to docs/performance.md with a description of the machine. Not part of
the test suite: speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import writes

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
DOC = HERE.parent / "docs" / "performance.md"
RESULTS = OUT / "results.json"


def run_once(cmd: list[str], env: dict | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one whole process; fails loudly if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss


def timed(cmd: list[str], runs: int, before=None, env: dict | None = None, ok: tuple[int, ...] = (0,)) -> dict:
    """Median and spread over `runs`; `before` prepares each run (not timed)."""
    seconds, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        elapsed, rss = run_once(cmd, env, ok)
        seconds.append(elapsed)
        peaks.append(rss)
    return {"median": statistics.median(seconds), "min": min(seconds), "max": max(seconds),
            "rss": max(peaks), "runs": runs}


def fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def dataset(size: int) -> tuple[Path, Path]:
    """The size's JSON Lines file, and the same records flattened for sqlite-utils.

    Made in child processes: the peak memory measured for a child includes what it
    shared with this process when it was forked, so this process stays small.
    """
    records, flat = OUT / f"register-{size}.jsonl", OUT / f"flat-{size}.jsonl"
    for path, extra in ((records, []), (flat, ["--flat"])):
        if not path.exists():
            print(f"generating {path.name}…", file=sys.stderr)
            with path.open("w", encoding="utf-8") as out:
                subprocess.run([sys.executable, str(HERE / "generate.py"), str(size), *extra], stdout=out, check=True)
    return records, flat


def inline(sql: str, params: list) -> str:
    """SQL with its parameters written in, for sqlite-utils query and the floor."""
    conn = sqlite3.connect(":memory:")
    for value in params:
        sql = sql.replace("?", conn.execute("SELECT quote(?)", (value,)).fetchone()[0], 1)
    return sql


def read_cases(db: Path) -> dict[str, tuple[list[str], str | None]]:
    """Each read command and the SQL it runs (None: nothing to compare it with)."""
    from twinning_cli import queries
    from twinning_cli.filters import Filters
    from twinning_cli.shape import STORED

    conn = sqlite3.connect(db)
    slug = conn.execute("SELECT slug FROM agreements ORDER BY rowid LIMIT 1").fetchone()[0]
    conn.close()
    columns = ", ".join(f"a.{c}" for c in queries.LIST_COLUMNS)
    culture = queries._select(columns, Filters.build(domain=["culture"], year=[2020]), "date", None)
    search = queries._select(columns, Filters.build(search="quebec"), "date", 20)
    return {
        "list --domain culture --year 2020": (["list", "--domain", "culture", "--year", "2020", "--format", "csv"],
                                              inline(*culture)),
        "show SLUG --format json": (["show", slug, "--format", "json"],
                                    inline(f"SELECT {STORED} FROM agreements a WHERE a.slug = ?", [slug])),
        "list --search quebec --limit 20": (["list", "--search", "quebec", "--limit", "20", "--format", "csv"],
                                            inline(*search)),
        "stats --by domain": (["stats", "--by", "domain", "--format", "csv"],
                              inline(*queries.stat_sql("domain", Filters()))),
        "--help": (["--help"], None),
        "--version": (["--version"], None),
    }


def floor_cmd(db: Path, sql: str) -> list[str]:
    code = ("import csv, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); cur = c.execute(sys.argv[2]); "
            "w = csv.writer(sys.stdout); w.writerow([d[0] for d in cur.description]); w.writerows(cur)")
    return [sys.executable, "-c", code, str(db), sql]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "?")
    return (f"{platform.platform()}; {os.cpu_count()} cores, {cpu}; memory {memory}; "
            f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}")


def ms(value: float) -> str:
    return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.2f} s"


def spread(result: dict) -> str:
    return f"{ms(result['min'])}–{ms(result['max'])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="register sizes, comma-separated")
    parser.add_argument("--huge", action="store_true", help="add 1,000,000 agreements")
    parser.add_argument("--runs", type=int, default=7, help="runs of each read command")
    parser.add_argument("--import-runs", type=int, default=3, help="runs of each import (one at 1,000,000)")
    parser.add_argument("--out", type=Path, default=DOC, help="where to write the report")
    parser.add_argument("--render-only", action="store_true",
                        help="write the report again from the last run's bench/out/results.json")
    parser.add_argument("--pairs", type=int, metavar="N",
                        help="instead: a generated world-shaped list of N twinned pairs, imported and every "
                             "view timed at that size; writes docs/scale.md")
    parser.add_argument("--extract", type=Path, metavar="DIR",
                        help="instead: time `twinning extract` on one article of DIR and on all of them at once; "
                             "writes docs/extract-speed.md")
    args = parser.parse_args()
    if args.extract:
        text = extract_speed(shutil.which("twinning"), args.extract, min(args.runs, 5))
        (HERE.parent / "docs" / "extract-speed.md").write_text(text, encoding="utf-8")
        print(text)
        return
    if args.pairs:
        import pairs

        twinning, sqlite_utils = shutil.which("twinning"), shutil.which("sqlite-utils")
        OUT.mkdir(exist_ok=True)
        result = pairs.measure(twinning, sqlite_utils, args.pairs, OUT, timed, min(args.runs, 5))
        text = pairs.report(result)
        (HERE.parent / "docs" / "scale.md").write_text(text, encoding="utf-8")
        print(text)
        return
    if args.render_only:
        saved = json.loads(RESULTS.read_text(encoding="utf-8"))
        imports = {int(size): row for size, row in saved["imports"].items()}
        profile = saved.get("profile") or import_profile(shutil.which("twinning"))
        write_report(args.out, imports, saved["reads"], saved["argv"], profile, saved.get("writing", {}))
        return
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.huge else [])
    twinning, sqlite_utils = shutil.which("twinning"), shutil.which("sqlite-utils")
    if not twinning or not sqlite_utils:
        raise SystemExit("install the project first (pip install .): twinning and sqlite-utils must be on PATH")
    OUT.mkdir(exist_ok=True)

    imports, reads = {}, {}
    databases = {"seed (5)": OUT / "seed.db"}
    fresh(databases["seed (5)"])
    run_once([twinning, "init", "--db", str(databases["seed (5)"])])
    for size in sizes:
        records, flat = dataset(size)
        db, anchor = OUT / f"register-{size}.db", OUT / f"anchor-{size}.db"
        runs = 1 if size >= 1_000_000 else args.import_runs
        print(f"importing {size:,}…", file=sys.stderr)

        def empty(db=db):
            fresh(db)
            run_once([twinning, "init", "--empty", "--db", str(db)])

        imports[size] = {
            "twinning import": timed([twinning, "import", str(records), "--db", str(db), "--max-size", "100000"],
                                     runs, empty),
            "sqlite-utils insert --nl": timed([sqlite_utils, "insert", str(anchor), "agreements", str(flat),
                                               "--nl"], runs, lambda anchor=anchor: fresh(anchor)),
        }
        imports[size]["sizes"] = {"register": writes.size_of(db), "input": records.stat().st_size,
                                  "anchor": writes.size_of(anchor)}
        databases[f"{size:,}"] = db

    writing = {}
    if 100_000 in sizes:
        print("importing into a register of 100,000…", file=sys.stderr)
        writing["incremental"] = writes.incremental(twinning, OUT, OUT / "register-100000.db",
                                                    OUT / "register-100000.jsonl", timed, args.import_runs, fresh)
    print("importing a pairs list of 25,000…", file=sys.stderr)
    writing["pairs"] = writes.pairs_import(twinning, sqlite_utils, OUT, timed, args.import_runs, fresh)

    for label, db in databases.items():
        print(f"reading {label}…", file=sys.stderr)
        reads[label] = {}
        for name, (argv, sql) in read_cases(db).items():
            row = {"twinning": timed([twinning, *argv, "--db", str(db)] if sql else [twinning, *argv], args.runs)}
            if sql:
                row["sqlite-utils"] = timed([sqlite_utils, "query", str(db), sql, "--csv"], args.runs)
                row["floor"] = timed(floor_cmd(db, sql), args.runs)
            else:
                row["sqlite-utils"] = timed([sqlite_utils, "--help"], args.runs)
                row["floor"] = timed([sys.executable, "-c", "pass"], args.runs)
            reads[label][name] = row

    print("profiling an import of 10,000…", file=sys.stderr)
    profile = import_profile(twinning)
    argv = " ".join(sys.argv[1:])
    RESULTS.write_text(json.dumps({"imports": imports, "reads": reads, "argv": argv, "profile": profile,
                                   "writing": writing}), encoding="utf-8")
    write_report(args.out, imports, reads, argv, profile, writing)


def extract_speed(twinning: str, folder: Path, runs: int) -> str:
    """A whole `twinning extract` process on one article, and on every article of a folder at once."""
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    one = timed([twinning, "extract", str(articles[0]), "-f", "json"], runs)
    every = timed([twinning, "extract", str(folder), "-f", "jsonl"], runs, ok=(0, 1))
    further = (every["median"] - one["median"]) / max(len(articles) - 1, 1)
    return (f"# `twinning extract`: speed\n\n`python bench/run.py --extract {folder}` on {machine()}; whole processes, "
            f"median of {runs} runs.\n\n| what | time | goal |\n|---|---:|---:|\n"
            f"| one article ({articles[0].name}) | {ms(one['median'])} | ≤ 1,500 ms |\n"
            f"| {len(articles)} articles at once | {ms(every['median'])} | |\n"
            f"| each further article in a batch | {ms(further)} | ≤ 50 ms |\n")


def import_profile(twinning: str) -> str:
    """Where an import's time goes: cProfile's top entries for 10,000 agreements."""
    records, _ = dataset(10_000)
    db = OUT / "profile.db"
    fresh(db)
    run_once([twinning, "init", "--empty", "--db", str(db)])
    out = subprocess.run([sys.executable, "-m", "cProfile", "-s", "tottime", "-m", "twinning_cli", "import",
                          str(records), "--db", str(db)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    return "\n".join(line.rstrip() for line in lines[start - 2:start + 16])


def write_report(path: Path, imports: dict, reads: dict, argv: str, profile: str, writing: dict) -> None:
    report = render(imports, reads, argv, profile, writing)
    path.parent.mkdir(exist_ok=True)
    path.write_text(report, encoding="utf-8")
    print(report)


def targets(imports: dict, reads: dict, writing: dict) -> list[str]:
    """Each target of the performance issues: the figure measured, and met or not."""
    seed = reads["seed (5)"]
    big = reads.get("100,000")
    read_names = [n for n in seed if not n.startswith("--")]
    rows = []

    def row(target: str, figure: str, met: bool) -> None:
        rows.append(f"| {target} | {figure} | {'met' if met else '**not met**'} |")

    worst = max(seed[n]["twinning"]["median"] / seed[n]["sqlite-utils"]["median"] for n in read_names)
    row("reads on the seed ≤ 0.5× sqlite-utils query", f"{worst:.2f}× at worst", worst <= 0.5)
    worst = max(seed[n]["twinning"]["median"] / seed[n]["floor"]["median"] for n in read_names)
    row("reads on the seed ≤ 3× the floor", f"{worst:.2f}× at worst", worst <= 3)
    if big:
        worst = max(big[n]["twinning"]["median"] / seed[n]["twinning"]["median"] for n in read_names)
        row("reads at 100,000 ≤ 1.5× their time on the seed", f"{worst:.2f}× at worst", worst <= 1.5)
    for name in ("--help", "--version"):
        ratio = seed[name]["twinning"]["median"] / seed[name]["sqlite-utils"]["median"]
        row(f"`twinning {name}` ≤ 0.5× `sqlite-utils --help`", f"{ratio:.2f}×", ratio <= 0.5)
    for size, result in imports.items():
        ours, anchor = result["twinning import"], result["sqlite-utils insert --nl"]
        ratio = ours["median"] / anchor["median"]
        row(f"import of {size:,} ≤ 1.0× sqlite-utils insert", f"{ratio:.2f}× ({ms(ours['median'])} against "
            f"{ms(anchor['median'])})", ratio <= 1.0)
    if 100_000 in imports and 1_000_000 in imports:
        growth = imports[1_000_000]["twinning import"]["median"] / imports[100_000]["twinning import"]["median"]
        row("import of 1,000,000 ≤ 11× the time of 100,000", f"{growth:.1f}×", growth <= 11)
    if "pairs" in writing:
        result = writing["pairs"]
        ratio = result["twinning"]["median"] / result["sqlite-utils"]["median"]
        row("`import --pairs` of 25,000 ≤ 1.0× `sqlite-utils insert --csv`",
            f"{ratio:.2f}× ({ms(result['twinning']['median'])} against {ms(result['sqlite-utils']['median'])})",
            ratio <= 1.0)
    for name, result in writing.get("incremental", {}).items():
        ratio = result["full"]["median"] / result["empty"]["median"]
        row(f"{name} into a register of 100,000 ≤ 1.5× into an empty one",
            f"{ratio:.2f}× ({ms(result['full']['median'])} against {ms(result['empty']['median'])})", ratio <= 1.5)
    if 100_000 in imports and "sizes" in imports[100_000]:
        sizes = imports[100_000]["sizes"]
        ratio = sizes["register"] / sizes["input"]
        row("register of 100,000 ≤ 1.5× its JSON Lines input", f"{ratio:.2f}× ({mb(sizes['register'])} against "
            f"{mb(sizes['input'])})", ratio <= 1.5)
    if "pairs" in writing:
        sizes = writing["pairs"]["sizes"]
        ratio = sizes["register"] / sizes["anchor"]
        row("register of the pairs list ≤ 2.5× sqlite-utils' table", f"{ratio:.2f}× ({mb(sizes['register'])} "
            f"against {mb(sizes['anchor'])})", ratio <= 2.5)
    peaks = {f"{size:,}": result["twinning import"]["rss"] for size, result in imports.items()}
    if "pairs" in writing:
        peaks["the pairs list"] = writing["pairs"]["twinning"]["rss"]
    if peaks:
        size, peak = max(peaks.items(), key=lambda item: item[1])
        row("peak memory of an import ≤ 64 MiB at any size", f"{peak / 1024:,.0f} MiB at {size}",
            peak <= 64 * 1024)
    return ["## Targets", "", "| target | measured | |", "|---|---|---|", *rows, ""]


def mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def render(imports: dict, reads: dict, argv: str, profile: str, writing: dict) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured by `python bench/run.py {argv}`".rstrip() + " on "
        f"{time.strftime('%Y-%m-%d')}: each figure is a whole process, the median of several runs, "
        "with the fastest and slowest run beside it.",
        "",
        f"Machine: {machine()}.",
        "",
        *targets(imports, reads, writing),
        "## Import",
        "",
        "`twinning import` of a JSON Lines file into an empty register (validated, normalized, "
        "identities resolved, full-text indexed), against `sqlite-utils insert --nl` of the same records "
        "flattened into one table (the anchor). Peak memory is the process's maximum RSS; sizes are "
        "the database files (write-ahead log checkpointed) and the JSON Lines input.",
        "",
        "| agreements | twinning import | spread | peak RSS | sqlite-utils insert | spread | peak RSS | ratio "
        "| register | input | sqlite-utils' table |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, row in imports.items():
        ours, anchor = row["twinning import"], row["sqlite-utils insert --nl"]
        sizes = row.get("sizes", {})
        lines.append(f"| {size:,} | {ms(ours['median'])} | {spread(ours)} | {ours['rss'] / 1024:,.0f} MiB | "
                     f"{ms(anchor['median'])} | {spread(anchor)} | {anchor['rss'] / 1024:,.0f} MiB | "
                     f"{ours['median'] / anchor['median']:.2f}× | "
                     + " | ".join(mb(sizes[k]) if k in sizes else "" for k in ("register", "input", "anchor"))
                     + " |")
    if writing.get("incremental"):
        lines += ["", "Into a register already holding the 100,000 (a copy of it each run), against the same file "
                  "into an empty register:", "", "| import | into 100,000 | spread | into empty | spread | ratio |",
                  "|---|---:|---:|---:|---:|---:|"]
        for name, result in writing["incremental"].items():
            full, empty = result["full"], result["empty"]
            lines.append(f"| {name} | {ms(full['median'])} | {spread(full)} | {ms(empty['median'])} | "
                         f"{spread(empty)} | {full['median'] / empty['median']:.2f}× |")
    if writing.get("pairs"):
        result = writing["pairs"]
        ours, anchor, sizes = result["twinning"], result["sqlite-utils"], result["sizes"]
        lines += ["", "A world-shaped list of 25,000 twinned pairs (bench/pairs.py): `twinning import --pairs "
                  "--skip-invalid` against `sqlite-utils insert --csv` of the file:", "",
                  "| | time | spread | peak RSS | size |", "|---|---:|---:|---:|---:|",
                  f"| twinning import --pairs | {ms(ours['median'])} | {spread(ours)} | {ours['rss'] / 1024:,.0f} MiB | "
                  f"{mb(sizes['register'])} |",
                  f"| sqlite-utils insert --csv | {ms(anchor['median'])} | {spread(anchor)} | "
                  f"{anchor['rss'] / 1024:,.0f} MiB | {mb(sizes['anchor'])} |",
                  f"| the CSV file | | | | {mb(sizes['file'])} |"]
    lines += [
        "",
        "## Reads",
        "",
        "Each command with `--format csv` or `json`, against `sqlite-utils query DB \"<the same SQL>\" --csv` "
        "(the anchor) and a bare `python -c` running that SQL with `sqlite3` and `csv` (the floor). For "
        "`--help` and `--version` the anchor is `sqlite-utils --help` and the floor `python -c pass`.",
        "",
    ]
    seed = reads.get("seed (5)", {})
    for label, rows in reads.items():
        lines += [f"### {label} agreements", "",
                  "| command | twinning | spread | sqlite-utils | floor | ÷ anchor | ÷ floor | ÷ own at seed |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, row in rows.items():
            ours = row["twinning"]["median"]
            own = ours / seed[name]["twinning"]["median"] if name in seed else 1
            lines.append(f"| `{name}` | {ms(ours)} | {spread(row['twinning'])} | "
                         f"{ms(row['sqlite-utils']['median'])} | {ms(row['floor']['median'])} | "
                         f"{ours / row['sqlite-utils']['median']:.2f}× | {ours / row['floor']['median']:.2f}× | "
                         f"{own:.2f}× |")
        lines.append("")
    lines += ["## Where an import's time goes", "",
              "cProfile of `twinning import` of 10,000 agreements into an empty register, the top entries "
              "by own time:", "", "```", profile, "```", "", IMPORT_ANALYSIS]
    return "\n".join(lines) + "\n"


IMPORT_ANALYSIS = """\
The import is the one target not met. Its time is spent in SQLite writing each agreement into
nine tables with their indexes and the full-text index (`executemany`), in SQLite lookups made
record by record (`execute`: is the slug or the pair already in the register, in the file, which
territory id), and in pydantic validating each record (`validate_python`); the rest is JSON
decoding and serialising the stored record. sqlite-utils' anchor writes one flat row per
agreement into one table with no index and no validation, so the comparison is of unlike work;
at 1,000,000 agreements the gap widens as the normalized tables' B-trees outgrow the page cache.

What would close it, largest first:

1. Integer keys: child tables keyed by the agreement's rowid instead of its text slug, so that
   their rows and indexes append in order instead of landing at random in B-trees of text.
2. Bulk loading into an empty register: create the secondary indexes after the load, in the same
   transaction (the lookups that need them would go to an in-memory set of what the file adds).
3. Validation in parallel: parse and validate in a pool of processes (two cores here) while the
   main process writes, which would take pydantic and JSON decoding off the critical path.
4. Fewer lookups: check slugs and pairs against the register in batches of a thousand
   (`WHERE slug IN (…)`) rather than one query a record.
"""


if __name__ == "__main__":
    main()
