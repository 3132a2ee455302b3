"""Faults: damaged or foreign databases, old schemas, concurrent and killed imports, full disks."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from dbcheck import as_schema_8, count, import_pairs, scalar

from twinning_cli import db as dbmod
from twinning_cli import store

pytestmark = pytest.mark.usefixtures("seeded")


def jsonl(make_record, prefix: str, n: int) -> str:
    lines = []
    for i in range(n):
        record = make_record(slug=f"{prefix}-{i}-quebec")
        record["parties"][0]["name"] = f"{prefix} {i}"
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def cli(*args: str, db, **kw) -> subprocess.Popen:
    env = {**os.environ, "TWINNING_DB": str(db)}
    return subprocess.Popen([sys.executable, "-m", "twinning_cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def test_truncated_database_is_a_clear_error_and_left_alone(run, seeded):
    data = seeded.read_bytes()
    seeded.write_bytes(data[: len(data) // 2])
    before = seeded.read_bytes()
    for args in (["list"], ["import", "-", "-f", "jsonl"]):
        result = run(*args, input="")
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {seeded} is not a usable database")
        assert "Traceback" not in result.stderr
    assert seeded.read_bytes() == before


V5 = Path(__file__).parent / "data" / "register-v5.sql"


def register_v5(path: Path, *statements: str) -> None:
    """A register as twinning made it at schema version 5 (a dump of one), changed by `statements`."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V5.read_text(encoding="utf-8"))  # the full-text table is written into the schema:
    conn.close()  # it exists once the file is opened again
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 5")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("statements, old", [
    ((), 5),
    (("DROP INDEX idx_agreements_pair_key", "ALTER TABLE agreements DROP COLUMN pair_key",
      "PRAGMA user_version = 1"), 1),
])
def test_older_schema_is_migrated_keeping_every_record(run, seeded, seed_records, statements, old):
    register_v5(seeded, *statements)
    result = run("list", "-f", "json", "--sort", "slug")
    assert result.stderr == f"Migrated the register at {seeded} from schema version {old} to {dbmod.SCHEMA_VERSION}.\n"
    assert json.loads(result.stdout) == sorted(seed_records, key=lambda r: r["slug"])
    assert scalar(seeded, "PRAGMA user_version") == dbmod.SCHEMA_VERSION
    assert scalar(seeded, "SELECT count(pair_key) FROM agreements") == 5
    # Each fact once: the tables of schema 5 that copied the records' lists are gone
    assert scalar(seeded, "SELECT count(*) FROM sqlite_master WHERE name IN ('people', 'sources', 'funding',"
                          " 'stakeholders', 'agreement_topics')") == 0
    # The name a person gave a territory there (territories rename) is kept: the records' name finds it
    assert json.loads(run("territories", "show", "Ville de Pau", "-f", "json").stdout)["name"] == "Pau"
    assert run("doctor").exit_code == 0
    assert run("list", "-f", "json", "--sort", "slug").stderr == ""  # once


def test_a_schema_8_register_gets_its_pair_keys_as_numbers_in_place(run, seeded, tmp_path):
    """Schema 9 stores a pair's key as a 64-bit hash and no slug_key: a register of schema 8 has its
    agreements table made again, the same rows under the same rowids, and finds its pairs by them."""
    pairs = "city1,country1,city2,country2\nBrest,France,Denver,USA\nLyon,France,St. Petersburg,Russia\n"
    assert import_pairs(run, tmp_path, pairs).exit_code == 0
    read = "SELECT group_concat(rowid || ' ' || slug || ' ' || pair_key || record, ';') FROM agreements"
    fresh, exported = scalar(seeded, read), run("export", "-f", "jsonl").stdout
    as_schema_8(seeded)
    assert scalar(seeded, "SELECT pair_key FROM agreements WHERE slug = 'brest-denver'").startswith("twinning | ")
    result = run("list", "--search", "denver", "-f", "csv", "--fields", "slug")
    assert result.stderr == f"Migrated the register at {seeded} from schema version 8 to {dbmod.SCHEMA_VERSION}.\n"
    assert result.stdout == "slug\nbrest-denver\n"  # the full-text index under the same rowids
    assert scalar(seeded, read) == fresh  # each pair_key what this version writes, as a number
    assert scalar(seeded, "SELECT count(*) FROM agreements WHERE typeof(pair_key) != 'integer'") == 0
    assert scalar(seeded, "SELECT count(*) FROM pragma_table_info('agreements') WHERE name = 'slug_key'") == 0
    assert run("export", "-f", "jsonl").stdout == exported
    assert json.loads(run("show", "denver-brest", "-f", "json").stdout)["slug"] == "brest-denver"
    again = import_pairs(run, tmp_path, pairs.replace("Brest,France,Denver,USA", "Denver,USA,Brest,France"))
    assert again.exit_code == 0
    # found by their keys: the pair given again in the other order merged, the other unchanged
    assert again.stderr.splitlines()[-1].endswith(": 0 added, 0 updated, 1 unchanged, 1 merged.")
    assert run("doctor").exit_code == 0


def test_a_migrated_register_gives_back_the_pages_of_its_old_tables(run, seeded, tmp_path):
    """Schema 9 makes the agreements table again, smaller: the pages the old one held beyond it (a
    sixteenth of the file here) are given back (VACUUM) rather than left free in it."""
    rows = "".join(f"Town{n},France,Ville{n},Canada\n" for n in range(300))
    assert import_pairs(run, tmp_path, "city1,country1,city2,country2\n" + rows).exit_code == 0
    as_schema_8(seeded)
    before = seeded.stat().st_size
    assert run("list", "--limit", "1", "-f", "csv").exit_code == 0
    assert scalar(seeded, "PRAGMA user_version") == dbmod.SCHEMA_VERSION
    assert scalar(seeded, "PRAGMA freelist_count") == 0
    assert seeded.stat().st_size < before
    assert count(seeded) == 305


def test_two_pairs_of_one_hash_stay_two(run, tmp_path, monkeypatch):
    """Were two pairs' keys to share their hash, their parties tell them apart (writer.pair_rows)."""
    from twinning_cli import writer

    monkeypatch.setattr(writer, "pair_hash", lambda key: 7)
    assert import_pairs(run, tmp_path, "city1,country1,city2,country2\nBrest,France,Denver,USA\n").exit_code == 0
    again = import_pairs(run, tmp_path, "city1,country1,city2,country2\nLyon,France,Denver,USA\n"
                                        "Denver,USA,Brest,France\n")
    assert again.stderr.splitlines()[-1].endswith(": 1 added, 0 updated, 0 unchanged, 1 merged.")
    assert scalar(tmp_path / "register.db", "SELECT count(*) FROM agreements WHERE pair_key = 7") == 2


def test_two_imports_at_once_both_finish_whole(make_record, seeded, tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl(make_record, "alpha", 1500), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl(make_record, "beta", 1500), encoding="utf-8")
    first = cli("import", str(tmp_path / "a.jsonl"), db=seeded)
    second = cli("import", str(tmp_path / "b.jsonl"), db=seeded)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    assert count(seeded) == 3005


def test_killed_import_leaves_the_register_as_it_was(make_record, seeded):
    before = count(seeded)
    proc = cli("import", "-", "-f", "jsonl", db=seeded, stdin=subprocess.PIPE)
    data = jsonl(make_record, "killed", 4000).encode("utf-8")
    # Feed most of the file: the pipe only takes this much once the importer has read,
    # checked and written the records before it, inside its transaction.
    proc.stdin.write(data[: len(data) * 3 // 4])
    proc.stdin.flush()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdin.close()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert count(seeded) == before
    conn = sqlite3.connect(seeded)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_killed_update_leaves_the_register_and_its_index_trigger_as_they_were(make_record, seeded, tmp_path):
    """--update sets the full-text index's update trigger aside inside its transaction: killed
    half-way, the register keeps its records, their text and the trigger."""
    (tmp_path / "base.jsonl").write_text(jsonl(make_record, "kept", 4000), encoding="utf-8")
    first = cli("import", str(tmp_path / "base.jsonl"), db=seeded)
    assert first.wait(timeout=300) == 0, first.communicate()
    first.stdout.close()
    first.stderr.close()
    before = scalar(seeded, "SELECT group_concat(summary, '|') FROM agreements")
    proc = cli("import", "-", "-f", "jsonl", "--update", db=seeded, stdin=subprocess.PIPE)
    changed = jsonl(make_record, "kept", 4000).replace('"summary": "', '"summary": "Revu : ')
    data = changed.encode("utf-8")
    proc.stdin.write(data[: len(data) * 3 // 4])  # taken only as fast as records are checked and replaced
    proc.stdin.flush()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        stream.close()
    assert proc.returncode == -signal.SIGKILL
    assert scalar(seeded, "SELECT group_concat(summary, '|') FROM agreements") == before
    assert scalar(seeded, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'agreements_au'") == 1
    assert subprocess.run([sys.executable, "-m", "twinning_cli", "doctor"], capture_output=True,
                          env={**os.environ, "TWINNING_DB": str(seeded)}).returncode == 0


def test_reads_during_a_write_see_the_state_before_it(run, seeded):
    writer = sqlite3.connect(seeded, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO agreements (slug, id, title, kind, status, record) "
                   "VALUES ('half-done', 99, 't', 'twinning', 'signed', '{}')")
    assert len(run("list").stdout.splitlines()) == 6
    writer.execute("COMMIT")
    writer.close()
    assert "half-done" in run("list").stdout


def test_full_disk_is_a_clear_error_and_nothing_written(run, seeded, make_record, tmp_path, monkeypatch):
    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.Writer, "flush", full)
    (tmp_path / "n.jsonl").write_text(jsonl(make_record, "full", 3), encoding="utf-8")
    result = run("import", str(tmp_path / "n.jsonl"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {seeded}: the disk is full\n"
    assert count(seeded) == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_read_only_database_is_a_clear_error(run, seeded, make_record, tmp_path):
    (tmp_path / "n.jsonl").write_text(jsonl(make_record, "ro", 1), encoding="utf-8")
    seeded.chmod(0o444)
    result = run("import", str(tmp_path / "n.jsonl"))
    assert result.exit_code == 1
    assert "read-only" in result.stderr


def test_read_only_error_message():
    error = store._write_error(dbmod.default_path(), sqlite3.OperationalError("attempt to write a readonly database"))
    assert str(error).endswith("the database is read-only")


def test_a_missing_seed_is_one_clear_line(run, tmp_path, monkeypatch):
    """A copy of the code without its data (no seed.json beside it): one line, exit 1, no register made."""
    from twinning_cli import store

    monkeypatch.setattr(store, "seed_path", lambda: tmp_path / "nowhere" / "seed.json")
    db = tmp_path / "fresh.db"
    result = run("init", "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: the bundled seed cannot be read ({tmp_path / 'nowhere' / 'seed.json'}: No such file"
                             " or directory): reinstall twinning, or start without it with 'twinning init --empty'\n")
    assert not db.exists()
    assert run("init", "--empty", "--db", str(db)).exit_code == 0
