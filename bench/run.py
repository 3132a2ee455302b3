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
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import writes
from report import machine, ms, render

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


def compiled() -> None:
    """Our modules with their bytecode, as `pip install .` leaves them: an editable install where
    PYTHONDONTWRITEBYTECODE is set would otherwise compile every module again in each process timed."""
    import compileall

    import twinning_cli

    compileall.compile_dir(str(Path(twinning_cli.__file__).parent), quiet=1)


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
    compiled()
    if args.extract:
        text = extract_speed(shutil.which("twinning"), args.extract, min(args.runs, 5))
        (HERE.parent / "docs" / "extract-speed.md").write_text(text, encoding="utf-8")
        print(text)
        return
    if args.pairs:
        import pairs

        twinning, sqlite_utils = shutil.which("twinning"), shutil.which("sqlite-utils")
        OUT.mkdir(exist_ok=True)
        result = pairs.measure(twinning, sqlite_utils, args.pairs, OUT, timed, min(args.runs, 5), floor_cmd)
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


if __name__ == "__main__":
    main()
