"""The write side of the benchmark (issue 13): sizes, imports into a full register, the pairs list.

run.py calls these after its imports; every figure is a whole process, as there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def size_of(path: Path) -> int:
    """A database's bytes, its write-ahead log folded in (checkpointed first)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def more_records(out: Path, base: Path, size: int = 10_000) -> tuple[Path, Path]:
    """Two files of `size` records for a register made from `base`: new agreements (another seed,
    slugs of their own), and the first `size` records of `base` with a changed summary (--update)."""
    more, changed = out / f"more-{size}.jsonl", out / f"changed-{size}.jsonl"
    if not more.exists():
        code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import generate\n"
                "for r in generate.agreements(int(sys.argv[2]), seed=7):\n"
                "    r['slug'] = 'x-' + r['slug']; print(json.dumps(r, ensure_ascii=False))")
        with more.open("w", encoding="utf-8") as stream:
            subprocess.run([sys.executable, "-c", code, str(HERE), str(size)], stdout=stream, check=True)
    if not changed.exists():
        with base.open(encoding="utf-8") as source, changed.open("w", encoding="utf-8") as stream:
            for n, line in enumerate(source):
                if n == size:
                    break
                record = json.loads(line)
                record["summary"] = (record.get("summary") or "") + " Texte revu."
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return more, changed


def incremental(twinning: str, out: Path, full_db: Path, base: Path, timed, runs: int, fresh) -> dict:
    """Adding 10,000 and `--update` of 10,000 in a register holding what `base` made, against the
    same files imported into an empty register."""
    more, changed = more_records(out, base)
    work = out / "incremental.db"

    def full() -> None:
        fresh(work)
        shutil.copyfile(full_db, work)

    def empty() -> None:
        fresh(work)
        subprocess.run([twinning, "init", "--empty", "--db", str(work)], check=True, capture_output=True)

    add = [twinning, "import", str(more), "--db", str(work), "--skip-invalid", "--rejects", str(out / "more-rejects.jsonl")]
    update = [twinning, "import", str(changed), "--db", str(work), "--update"]
    return {
        "add 10,000": {"full": timed(add, runs, full), "empty": timed(add, runs, empty)},
        "--update of 10,000": {"full": timed(update, runs, full), "empty": timed(update, runs, empty)},
    }


def pairs_import(twinning: str, sqlite_utils: str, out: Path, timed, runs: int, fresh, size: int = 25_000) -> dict:
    """`import --pairs` of a world-shaped list against `sqlite-utils insert --csv` of the same file."""
    sys.path.insert(0, str(HERE))
    import pairs

    source, db, anchor = out / f"pairs-{size}.csv", out / f"pairs-{size}.db", out / f"pairs-anchor-{size}.db"
    with source.open("w", encoding="utf-8") as stream:
        pairs.write(size, stream)

    def empty() -> None:
        fresh(db)
        subprocess.run([twinning, "init", "--empty", "--db", str(db)], check=True, capture_output=True)

    result = {
        "twinning": timed([twinning, "import", str(source), "--pairs", "--skip-invalid", "--rejects",
                           str(out / f"pairs-{size}-rejects.csv"), "--db", str(db)], runs, empty),
        "sqlite-utils": timed([sqlite_utils, "insert", str(anchor), "pairs", str(source), "--csv"], runs,
                              lambda: fresh(anchor)),
    }
    result["sizes"] = {"register": size_of(db), "anchor": size_of(anchor), "file": source.stat().st_size}
    return result
