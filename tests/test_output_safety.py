"""Data is never markup, escape codes never reach a terminal, CSV is spreadsheet-safe."""

import csv
import io
import os
import subprocess
import sys

import pytest
from dbcheck import tamper


TITLE = "[bold red]Protocole[/] \x1b[31mrouge\x1b[0m"


@pytest.fixture
def tricky(register_with, make_record, seed_records):
    """Markup, formulas and (as a register written before imports refused them) escape codes."""
    record = make_record(
        title="[bold red]Protocole[/] rouge",
        summary="=HYPERLINK(\"http://x\")",
        topics=["+cmd", "-1", "@SUM(A1)", "'quoted", "ordinary"],
    )
    others = [r for r in seed_records if r["slug"] != "rennes-quebec"]
    path = register_with([record, *others])
    tamper(path, "UPDATE agreements SET title = char(91) || 'bold red]Protocole[/] ' || char(27) || '[31mrouge'"
                 " || char(27) || '[0m', parties = parties || char(27) || ']52;c;aGk=' || char(7)"
                 " WHERE slug = 'rennes-quebec'")
    return path


def test_markup_in_data_prints_as_written(run, tricky):
    out = run("show", "rennes-quebec", "-f", "table").stdout
    assert "[bold red]Protocole[/]" in out
    assert "\x1b" not in out
    assert "\\x1b[31mrouge\\x1b[0m" in out


def test_list_table_escapes_control_characters(run, tricky):
    out = run("list", "-f", "table", "-t", "rennes").stdout
    assert "\x1b" not in out


def test_csv_neutralises_formula_cells(run, tricky):
    row = next(csv.DictReader(io.StringIO(run("show", "rennes-quebec", "-f", "csv").stdout)))
    assert row["summary"] == "'=HYPERLINK(\"http://x\")"
    assert row["title"].startswith("[bold red]")
    raw = next(csv.DictReader(io.StringIO(run("show", "rennes-quebec", "-f", "csv", "--raw").stdout)))
    assert raw["summary"] == "=HYPERLINK(\"http://x\")"


def test_spreadsheet_safe_rules():
    from twinning_cli.render import spreadsheet_safe

    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("+33 1 23") == "'+33 1 23"
    assert spreadsheet_safe("@x") == "'@x"
    assert spreadsheet_safe("\tx") == "'\tx"
    assert spreadsheet_safe("'already") == "''already"
    assert spreadsheet_safe("-12.5") == "-12.5"
    assert spreadsheet_safe(-3) == -3
    assert spreadsheet_safe("Rennes") == "Rennes"


def test_no_color_and_no_escape_codes_when_not_a_terminal(run):
    out = run("show", "rennes", "-f", "table", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in out


def test_pipe_to_head_ends_quietly(register_with, make_record):
    """More output than a pipe holds, so the write after head exits really breaks."""
    records = []
    for i in range(1500):
        record = make_record(slug=f"ville-{i}-quebec")
        record["parties"][0]["name"] = f"Ville {i}"
        records.append(record)
    path = register_with(records)
    env = {**os.environ, "TWINNING_DB": str(path)}
    proc = subprocess.run(f"{sys.executable} -m twinning_cli list | head -1", shell=True, env=env,
                          capture_output=True, text=True)
    assert proc.stdout == "slug,parties,kind,status,date,domains\n"
    assert proc.stderr == ""


def test_messages_quoting_a_tampered_name_send_no_escape_to_the_terminal(run, seeded, tmp_path):
    """A register changed behind our back: the names a note or an error quotes are shown, their
    control characters made visible, never sent raw."""
    from dbcheck import tamper

    (tmp_path / "pairs.csv").write_text("city1,country1,city2,country2\nLyon,France,Köln,Germany\n", encoding="utf-8")
    assert run("import", str(tmp_path / "pairs.csv"), "--pairs").exit_code == 0
    tamper(seeded, "UPDATE territories SET name = 'Köln' || char(27) || '[2J' WHERE name = 'Köln'")
    result = run("territories", "show", "Cologne", "-f", "json")
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr
    assert result.stderr.startswith("'Cologne' read as Köln\\x1b[2J (DE)")


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_files_and_pipes_get_utf8_whatever_the_locale(seeded, run, tmp_path, fmt):
    """A machine in another encoding (PYTHONIOENCODING=latin-1, a Latin-1 locale) once made an
    export of 'Wrocław' a traceback: what goes to a file or a pipe is UTF-8, messages too."""
    (tmp_path / "pairs.csv").write_text("city1,country1,city2,country2\nWrocław,Poland,Lyon,France\n", encoding="utf-8")
    assert run("import", str(tmp_path / "pairs.csv"), "--pairs").exit_code == 0
    env = {**os.environ, "TWINNING_DB": str(seeded), "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([sys.executable, "-m", "twinning_cli", "export", "-f", fmt, "-c", "PL"], env=env,
                          capture_output=True)
    assert (done.returncode, done.stderr) == (0, b"")
    assert "Wrocław" in done.stdout.decode("utf-8")
    missing = subprocess.run([sys.executable, "-m", "twinning_cli", "show", "wrocław-łódź"], env=env, capture_output=True)
    assert missing.returncode == 1
    assert missing.stderr.decode("utf-8").startswith("Error: no agreement matches 'wrocław-łódź'")
