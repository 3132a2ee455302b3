"""Hostile input, class by class (README: Reliability): each ends in one clear line on stderr
and exit 1 or 2, or succeeds where that is right; the register and every other path unchanged.

Run through the real entry point in a subprocess where a process matters: a terminal (a pty),
a FIFO, standard input closed, a memory or CPU limit (so that a regression fails fast instead
of eating the machine).
"""

from __future__ import annotations

import json
import os
import pty
import resource
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from dbcheck import count, dump, tamper

GIB = 1 << 30


def twinning(*args: str, db: Path | None = None, input: bytes | None = None, limit_memory: bool = False,
             limit_cpu: int | None = None, stdin=None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command as a person runs it; bounded in memory (1 GiB) or CPU seconds when asked."""
    def bounds():
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))
        if limit_cpu:
            resource.setrlimit(resource.RLIMIT_CPU, (limit_cpu, limit_cpu))

    environment = {**os.environ, **(env or {})}
    if db is not None:
        environment["TWINNING_DB"] = str(db)
    feed = {"stdin": stdin} if stdin is not None else {"input": input}
    return subprocess.run([sys.executable, "-m", "twinning_cli", *args], capture_output=True, env=environment,
                          preexec_fn=bounds, **feed)


def one_line(result: subprocess.CompletedProcess, code: int, text: str) -> None:
    """Exit `code`, and stderr exactly one line holding `text`, no traceback."""
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert err.count("\n") == 1 and err.startswith("Error: ") and text in err, err


def on_a_terminal(*args: str, db: Path) -> str:
    """What a command writes to a terminal (a pty), as bytes decoded."""
    main, secondary = pty.openpty()
    env = {**os.environ, "TWINNING_DB": str(db), "COLUMNS": "80"}
    proc = subprocess.Popen([sys.executable, "-m", "twinning_cli", *args], stdout=secondary,
                            stderr=subprocess.PIPE, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(main)
    return b"".join(chunks).decode()


@pytest.fixture
def record(make_record):
    def make(n: int, **changes) -> dict:
        raw = make_record(slug=f"ville-{n}-quebec", **changes)
        raw["parties"][0]["name"] = f"Ville {n}"
        return raw
    return make


# --- 8. First use is atomic --------------------------------------------------------------------

def test_concurrent_first_imports_all_land(tmp_path, record):
    for trial in range(5):
        db = tmp_path / f"trial-{trial}" / "register.db"
        files = []
        for i in range(5):
            path = tmp_path / f"t{trial}-{i}.json"
            path.write_text(json.dumps([record(trial * 10 + i)]), encoding="utf-8")
            files.append(path)
        env = {**os.environ, "TWINNING_DB": str(db)}
        procs = [subprocess.Popen([sys.executable, "-m", "twinning_cli", "import", str(f)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in files]
        outcomes = [p.communicate()[1].decode() for p in procs]
        assert all(p.returncode == 0 for p in procs), outcomes
        assert sum("1 added" in o for o in outcomes) == 5
        assert sum(o.startswith("Created the register") for o in outcomes) == 1
        assert count(db) == 5 + 5  # the seed and every reported record


# --- 1. Bounded reads --------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["add", "--from-file", "/dev/zero"], ["extract", "/dev/zero"], ["import", "/dev/zero", "--format", "json"],
])
def test_endless_input_is_refused_within_a_memory_bound(seeded, args):
    one_line(twinning(*args, db=seeded, limit_memory=True), 1, "larger than the limit")
    assert count(seeded) == 5


@pytest.mark.parametrize("args", [["add", "--from-file", "-"], ["extract", "-"], ["import", "-"]])
def test_endless_standard_input_is_refused_within_a_memory_bound(seeded, args):
    with open("/dev/zero", "rb") as zero:
        one_line(twinning(*args, db=seeded, limit_memory=True, stdin=zero), 1, "larger than the limit")


def test_fifo_and_process_substitution_are_read(seeded, tmp_path, record):
    source = tmp_path / "one.json"
    source.write_text(json.dumps([record(1)]), encoding="utf-8")
    result = subprocess.run(["bash", "-c", f'{sys.executable} -m twinning_cli import <(cat "{source}") --format json'],
                            capture_output=True, text=True, env={**os.environ, "TWINNING_DB": str(seeded)})
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("1 added, 0 updated, 0 unchanged.\n")


def test_standard_input_closed_says_so(seeded):
    result = subprocess.run(f"{sys.executable} -m twinning_cli import - <&-", shell=True, capture_output=True,
                            env={**os.environ, "TWINNING_DB": str(seeded)})
    one_line(result, 1, "no input: standard input is closed")


@pytest.mark.parametrize("path,message", [("/dev/null", "no input in /dev/null: it is empty"),
                                          ("DIR", "is a directory, not a file")])
def test_empty_and_directory_inputs(seeded, tmp_path, path, message):
    target = str(tmp_path) if path == "DIR" else path
    one_line(twinning("import", target, db=seeded), 1, message)
    one_line(twinning("add", "--from-file", target, db=seeded), 1, message.split(" in ")[0] if "empty" in message
             else message)


# --- 2. One output writer ----------------------------------------------------------------------

def test_output_to_a_directory_fails_before_work_and_leaves_nothing(seeded, tmp_path):
    one_line(twinning("export", "-o", str(tmp_path), db=seeded), 1, "it is a directory")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_rejects_to_a_directory_fails_before_the_import(seeded, tmp_path, record):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record(1)) + "\n", encoding="utf-8")
    before = dump(seeded)
    one_line(twinning("import", str(source), "--skip-invalid", "--rejects", str(tmp_path), db=seeded), 1,
             "it is a directory")
    assert dump(seeded) == before


def test_output_through_a_symlink_writes_its_target(seeded, tmp_path):
    target, link = tmp_path / "target.csv", tmp_path / "link.csv"
    target.write_text("old\n")
    link.symlink_to(target)
    assert twinning("export", "-o", str(link), db=seeded).returncode == 0
    assert link.is_symlink() and target.read_text().startswith("slug,title,")


def test_output_to_a_fifo_is_written_in_place(seeded, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert twinning("export", "-o", str(fifo), "-f", "jsonl", db=seeded).returncode == 0
    assert len(reader.communicate()[0].decode().splitlines()) == 5
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_device_is_one_line_and_stays_a_device(seeded):
    one_line(twinning("export", "-o", "/dev/full", db=seeded), 1, "cannot write /dev/full")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# --- 3. CSV that always round-trips ------------------------------------------------------------

def test_carriage_returns_survive_export_and_import(seeded, tmp_path):
    """A summary pasted from Windows in a register of an earlier version: quoted on export, read
    back whole, and stored with the line break it meant."""
    tamper(seeded, "UPDATE agreements SET summary = 'ligne' || char(13) || 'suivante' WHERE slug = 'rennes-quebec'")
    exported = twinning("export", "-f", "csv", db=seeded).stdout
    assert b'"ligne\rsuivante"' in exported
    (tmp_path / "all.csv").write_bytes(exported)
    fresh = tmp_path / "fresh.db"
    twinning("init", "--empty", "--db", str(fresh))
    result = twinning("import", str(tmp_path / "all.csv"), "--db", str(fresh))
    assert result.returncode == 0, result.stderr
    shown = json.loads(twinning("show", "rennes-quebec", "-f", "json", "--db", str(fresh)).stdout)
    assert shown["summary"] == "ligne\nsuivante"


def test_a_cell_split_by_another_delimiter_is_quoted():
    from twinning_cli.render import csv_line

    assert csv_line(["semi;=1+1", "a; b", "x"]) == '"semi;=1+1",a; b,x\n'
    assert csv_line(["semi;=1+1"], guard=False) == "semi;=1+1\n"
    assert csv_line(["cr\rhere"], "\t") == '"cr\rhere"\n'


# --- 4. Text that cannot act on a terminal -----------------------------------------------------

@pytest.mark.parametrize("name,reason", [
    ("Ville\x1b[2J", "control character U+001B"), ("Ville\x9b31m", "control character U+009B"),
    ("Ville\u202eelliv", "bidirectional control U+202E"), ("Ville\nde", "control character U+000A"),
])
def test_control_and_bidi_characters_are_refused_with_a_reason(run, make_record, name, reason):
    raw = make_record(slug="x-quebec")
    raw["parties"][0]["name"] = name
    result = run("validate", "-", input=json.dumps([raw]))
    assert result.exit_code == 1
    assert f"parties.0.name: holds the {reason}" in result.stderr


def test_machine_formats_on_a_terminal_are_escaped_and_piped_as_stored(seeded):
    tamper(seeded, "UPDATE agreements SET parties = 'A' || char(27) || ']52;c;aGk=' || char(7) || char(8238),"
                   " title = 'T' || char(155) || '31m' WHERE slug = 'rennes-quebec'")
    for args in (["list", "-f", "csv"], ["list", "-f", "tsv"], ["export", "-f", "json"], ["list", "-f", "table"]):
        shown = on_a_terminal(*args, db=seeded)
        assert "\x1b]52" not in shown and "\x9b" not in shown and "\u202e" not in shown, args
    piped = twinning("list", "-f", "csv", db=seeded).stdout.decode()
    assert "\x1b]52;c;aGk=\x07\u202e" in piped


# --- 5. Bounds on shapes -----------------------------------------------------------------------

def test_a_record_with_thousands_of_parties_is_refused(run, make_record):
    raw = make_record(slug="many-parties")
    raw["parties"] = [{"name": f"Commune {i}", "kind": "commune", "country": "FR"} for i in range(5000)]
    result = run("validate", "-", input=json.dumps([raw]))
    assert result.exit_code == 1
    assert "parties: List should have at most 50 items after validation, not 5000" in result.stderr


# --- 6. Clean usage errors ---------------------------------------------------------------------

@pytest.mark.parametrize("args,code,text", [
    (["list", "-q", '"'], 2, "--search: '\"' has no word to search for"),
    (["stats", "-q", "*"], 2, "has no word to search for"),
    (["list", "--year", "abc"], 2, "Invalid value for '--year'"),
    (["list", "--limit", "abc"], 2, "Invalid value for '--limit'"),
    (["timeline", "-y", "1.5"], 2, "Invalid value for '--year'"),
    (["network", "--depth", "abc"], 2, "Invalid value for '--depth'"),
    (["list", "--since", "2024-00"], 2, "not a real date"),
    (["list", "--since", "２０２４"], 2, "is not a date of the form"),
])
def test_bad_words_are_usage_errors(seeded, args, code, text):
    result = twinning(*args, db=seeded)
    assert result.returncode == code
    err = result.stderr.decode()
    assert text in err and "Traceback" not in err, err


def test_db_before_the_command(seeded):
    result = subprocess.run([sys.executable, "-m", "twinning_cli", "--db", str(seeded), "list", "-f", "csv"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.count("\n") == 6


@pytest.mark.parametrize("date,reason", [
    ("2024-00", "not a real date"), ("２０２４", "not a date of the form"), ("0001-01-01", "out of range"),
    ("9999-12-31", "out of range"),
])
def test_impossible_dates_are_refused(run, make_record, date, reason):
    result = run("validate", "-", input=json.dumps([make_record(signed_on=date)]))
    assert result.exit_code == 1
    assert f"signed_on: {date!r} is" in result.stderr.replace('"', "'") and reason in result.stderr


# --- 9. Paths are paths ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["reg#1.db", "a?x.db", "100%.db", "with space.db", "régistre.db"])
def test_the_register_named_is_the_one_opened(tmp_path, name):
    path = tmp_path / name
    assert twinning("init", "--db", str(path)).returncode == 0
    result = twinning("list", "-f", "csv", "--db", str(path))
    assert result.returncode == 0 and result.stdout.decode().count("\n") == 6
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [name]


# --- 10. Linear scanning, bounded numbers, normalized names, faithful XML -----------------------

@pytest.mark.parametrize("text", [
    "Le " + "-".join(["Ab"] * 30000) + "-x a signé",  # hyphenated capitalised words: once exponential
    ("Ville de A-B le C. Ab-Cd et Ef ont signé " * 2500)[:100_000],
    "A" + "b" * 100_000,
])
def test_extract_is_linear_on_adversarial_text(tmp_path, text):
    """Under a CPU limit of 60 s: an exponential or quadratic scan is killed, not waited for."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = twinning("extract", str(tmp_path / "a.txt"), "-f", "json", limit_cpu=60, db=tmp_path / "r.db")
    assert result.returncode in (0, 1), result.stderr.decode()[-300:]  # killed by the limit: -9 or 137
    if result.returncode:
        one_line(result, 1, "no agreement found")


def test_a_number_of_thousands_of_digits_is_a_validation_error(seeded, tmp_path, record):
    raw = json.dumps(record(1)).replace('"lat": null', '"lat": ' + "9" * 5001, 1)
    (tmp_path / "n.jsonl").write_text(raw + "\n")
    result = twinning("import", str(tmp_path / "n.jsonl"), db=seeded)
    assert result.returncode == 1
    assert "parties.0.lat" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_zero_width_characters_do_not_make_a_second_territory(run, seeded, record):
    first, second = record(1), record(2)
    first["parties"][0]["name"] = "Pa\u200bris"
    second["parties"][0]["name"] = "Paris\ufeff"
    second["parties"][1]["name"] = "Ville de Lyon"
    assert run("import", "-", input=json.dumps([first, second])).exit_code == 0
    assert json.loads(run("territories", "show", "Paris", "-f", "json").stdout)["name"] == "Paris"


def test_update_keeps_the_one_pair_rule(run, seeded, record):
    other = record(1)
    run("import", "-", input=json.dumps([other]))
    moved = json.loads(run("show", "rennes-quebec", "-f", "json").stdout)
    moved["parties"] = other["parties"]
    result = run("import", "-", "--update", input=json.dumps([moved]))
    assert result.exit_code == 1
    assert "same parties and kind as ville-1-quebec in the register" in result.stderr


def test_graphml_holds_no_character_xml_cannot(seeded):
    tamper(seeded, "UPDATE territories SET name = 'Ville' || char(1) || 'de Pau' WHERE name = 'Ville de Pau'")
    text = twinning("network", "-f", "graphml", db=seeded).stdout.decode()
    names = {e.text for e in ET.fromstring(text).iter() if e.text and e.text.startswith("Ville") and "Pau" in e.text}
    assert names == {"Ville\\x01de Pau"}


# --- Messages ----------------------------------------------------------------------------------

def test_utf16_with_a_bom_is_read(seeded, tmp_path, record):
    (tmp_path / "u16.json").write_bytes(json.dumps([record(1)], ensure_ascii=False).encode("utf-16"))
    result = twinning("import", str(tmp_path / "u16.json"), db=seeded)
    assert result.returncode == 0, result.stderr
    assert count(seeded) == 6


def test_a_bare_string_record_says_what_it_is(run, seeded):
    result = run("import", "-", input='[{"slug": "a"}, "a"]')
    assert result.exit_code == 1
    assert "record 2: expected a JSON object (an agreement), got a string" in result.stderr


def test_a_name_in_another_script_gets_a_latin_slug(run, seeded):
    result = run("add", "--title", "Jumelage Rennes–Moscou", "--party", "Rennes | ville | FR",
                 "--party", "Москва | город | RU", "--source", "note.txt")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "rennes-moskva", "-f", "json").stdout)["parties"][1]["name"] == "Москва"
    result = run("add", "--title", "T", "--party", "Rennes | ville | FR", "--party", "— — | ville | RU",
                 "--source", "note.txt")
    assert (result.exit_code, result.stderr) == (2, "Error: cannot make a slug from these party names: give one "
                                                    "with --slug (a-z, 0-9 and -)\n")


def test_rejects_naming_other_agreements_are_counted_as_one_reason(run, seeded, record, tmp_path):
    """Each record naming the pair of a different agreement is one reason, not one line each."""
    run("import", "-", input=json.dumps([record(1), record(2)]))
    again = [{**record(n), "slug": f"quebec-ville-{n}"} for n in (1, 2)]
    result = run("import", "-", "--skip-invalid", "--rejects", str(tmp_path / "r.json"), input=json.dumps(again))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[lines.index("Rejected records by reason:") + 1] == \
        "      2 × parties: same parties and kind as an agreement in the register"
    # each record's own reason still names its agreement
    assert [item["reason"].split(" in the register")[0] for item in
            json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))] == [
        "parties: same parties and kind as ville-1-quebec", "parties: same parties and kind as ville-2-quebec"]
