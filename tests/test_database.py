"""Where the register lives, first use, init, and files that are not registers."""

import sqlite3

import pytest

from dbcheck import dump, tamper

from twinning_cli import db as dbmod


def test_first_use_creates_register_from_seed_with_one_line_on_stderr(run, register_path):
    assert not register_path.exists()
    result = run("list")
    assert result.exit_code == 0
    assert result.stderr == f"Created the register at {register_path} from the bundled seed.\n"
    assert register_path.exists()
    assert len(result.stdout.splitlines()) == 6
    assert run("list").stderr == ""


def test_missing_db_option_is_an_error_and_creates_nothing(run, tmp_path):
    target = tmp_path / "typo.db"
    result = run("list", "--db", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"Error: no database at {target} (run 'twinning init --db {target}' to create one)\n"
    assert not target.exists()


def test_init_creates_at_db_option_and_reads_it(run, tmp_path):
    target = tmp_path / "sub" / "mine.db"
    result = run("init", "--db", str(target))
    assert result.exit_code == 0
    assert result.stderr == f"Created the register at {target} with 5 agreements.\n"
    assert len(run("list", "--db", str(target)).stdout.splitlines()) == 6


def test_loading_the_seed_twice_gives_the_same_database(run, register_path):
    run("init")
    first = dump(register_path)
    assert run("init", "--yes").exit_code == 0
    assert dump(register_path) == first


def test_init_over_existing_register_asks_first(run, register_path):
    run("init")
    result = run("init", input="n\n")
    assert result.exit_code == 1
    assert "Replace the register" in result.stderr


def test_schema_version_and_tables(run, register_path):
    run("init")
    conn = sqlite3.connect(register_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
    assert {"agreements", "territories", "agreement_parties", "agreement_domains", "events", "agreements_fts",
            "agreements_flat", "agreement_list", "country_labels"} <= tables
    # Each fact once (schema 6): people, stakeholders, funding, sources and topics live in the record only
    assert not {"people", "stakeholders", "funding", "sources", "agreement_topics"} & tables
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Ville de Québec is one territory shared by two agreements
    assert conn.execute("SELECT count(*) FROM territories WHERE name = 'Ville de Québec'").fetchone()[0] == 1


def test_not_sqlite_file_is_refused_and_left_alone(run, tmp_path):
    target = tmp_path / "notes.db"
    target.write_text("hello, not a database\n")
    result = run("list", "--db", str(target))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {target} is not a twinning database (not an SQLite file); if it is a "
                             "damaged register, 'twinning init --force' moves it aside and creates a new one\n")
    assert target.read_text() == "hello, not a database\n"


@pytest.mark.parametrize("flag", ["--force", "--yes"])
def test_init_force_moves_a_damaged_register_aside(run, tmp_path, flag):
    target = tmp_path / "reg.db"
    target.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    result = run("init", flag, "--db", str(target))
    assert result.exit_code == 0, result.stderr
    [aside] = tmp_path.glob("reg.db.damaged-*")
    assert aside.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 200
    assert result.stderr == (f"Moved the damaged register to {aside}.\n"
                             f"Created the register at {target} with 5 agreements.\n")
    assert run("list", "--db", str(target), "-f", "csv").stdout.count("\n") == 6


def test_newer_schema_is_refused(run, register_path):
    run("init")
    tamper(register_path, "PRAGMA user_version = 99")
    result = run("list")
    assert result.exit_code == 1
    assert "has schema version 99, newer than this twinning" in result.stderr


def test_path_prints_location(run, register_path, tmp_path):
    assert run("path").stdout == f"{register_path}\n"
    assert run("path", "--db", str(tmp_path / "x.db")).stdout == f"{tmp_path / 'x.db'}\n"


def test_default_location_is_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("TWINNING_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert dbmod.locate(None).path == tmp_path / "twinning" / "twinning.db"
    assert dbmod.locate(None).named is False


def test_init_empty(run, tmp_path):
    target = tmp_path / "empty.db"
    result = run("init", "--empty", "--db", str(target))
    assert result.stderr == f"Created the register at {target} with 0 agreements.\n"
    assert run("list", "--db", str(target)).stdout == "slug,parties,kind,status,date,domains\n"
