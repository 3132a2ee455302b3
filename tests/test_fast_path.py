"""The hot path (fast.py) gives what Typer gives: reads without Typer, pydantic or Rich; import,
validate and add without Typer."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dbcheck import dump
from twinning_cli import fast

pytestmark = pytest.mark.usefixtures("seeded")
TYPER = "import sys; from twinning_cli.cli import app; sys.argv[0] = 'twinning'; app(prog_name='twinning')"
HEAVY = ("typer", "pydantic", "rich", "sqlite_utils", "networkx", "click")


def run_both(argv: list[str], db) -> tuple:
    env = {**os.environ, "TWINNING_DB": str(db), "COLUMNS": "100"}
    fast_run = subprocess.run([sys.executable, "-m", "twinning_cli", *argv], env=env, capture_output=True, text=True)
    typer_run = subprocess.run([sys.executable, "-c", TYPER, *argv], env=env, capture_output=True, text=True)
    return fast_run, typer_run


@pytest.mark.parametrize("argv", [
    ["list", "--domain", "culture", "--year", "2024", "--format", "csv"],
    ["list", "-d", "patrimoine", "-c", "Canada", "-f", "json"],
    ["list", "--search", "quebec", "--limit", "1", "--sort", "slug"],
    ["show", "quebec-rennes", "--format", "json"],
    ["show", "quebec"],
    ["stats", "--by", "domain", "--format", "csv"],
    ["timeline", "-t", "rennes", "-f", "tsv"],
    ["territories", "show", "thetford", "-f", "json"],
    ["export", "--table", "people", "--raw"],
    ["network", "--from", "Rennes", "--depth", "2"],
    ["list", "--domain", "cuisine"],
    ["list", "--limit", "-1"],
    ["list", "--nope"],
    ["--version"],
    ["--help"],
])
def test_fast_path_matches_typer(argv, seeded):
    fast_run, typer_run = run_both(argv, seeded)
    assert (fast_run.returncode, fast_run.stdout, fast_run.stderr) == \
        (typer_run.returncode, typer_run.stdout, typer_run.stderr)


@pytest.mark.parametrize("lang, saved", [("en", "help.txt"), ("fr", "help.fr.txt")])
def test_help_text_is_typers_own(lang, saved):
    """help.txt and help.fr.txt are Typer's top-level help; regenerate them when a command changes:
    COLUMNS=100 TWINNING_LANG=en python -c "from twinning_cli.cli import app; app(prog_name='twinning')" --help
      > src/twinning_cli/help.txt        (TWINNING_LANG=fr: help.fr.txt)"""
    env = {**os.environ, "COLUMNS": "100", "TWINNING_LANG": lang}
    live = subprocess.run([sys.executable, "-c", TYPER, "--help"], env=env, capture_output=True, text=True).stdout
    assert (Path(fast.__file__).with_name(saved)).read_text(encoding="utf-8") == live


def test_read_path_imports_nothing_heavy(seeded):
    probe = ("import sys, runpy; sys.argv = ['twinning', 'list', '--format', 'csv', '-d', 'culture'];"
             "from twinning_cli.fast import run; code = run(sys.argv[1:]);"
             "print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr); sys.exit(code)")
    env = {**os.environ, "TWINNING_DB": str(seeded)}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert result.returncode == 0
    loaded = set(eval(result.stderr.strip().splitlines()[-1]))
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert result.stdout.startswith("slug,parties,kind,status,date,domains\n")


def test_unknown_arguments_are_left_to_typer():
    assert fast.run(["list", "--nope"]) is None
    assert fast.run(["remove", "x"]) is None
    assert fast.run(["import", "x.json", "--nope"]) is None
    assert fast.run(["import"]) is None  # Typer says the file is missing
    assert fast.run(["list", "--help"]) is None
    assert fast.run([]) is None


def test_json_on_the_fast_path(seeded, capsys, monkeypatch):
    monkeypatch.setenv("TWINNING_DB", str(seeded))
    assert fast.run(["show", "rennes-quebec", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["slug"] == "rennes-quebec"


PAIRS = "city1,country1,city2,country2\nFürth,Germany,Limoges,France\nLimoges,France,Fürth,Deutschland\nX,Narnia,Y,FR\n"


@pytest.mark.parametrize("argv", [
    ["import", "{records}"],
    ["import", "{records}", "--dry-run"],
    ["import", "{record}", "--update", "--format", "json"],
    ["import", "{record}"],
    ["import", "{pairs}", "--pairs"],
    ["import", "{pairs}", "--pairs", "--skip-invalid", "--rejects", "{rejects}"],
    ["import", "{pairs}", "--pairs", "--skip-invalid"],
    ["import", "{pairs}", "--pairs", "--map", "city1=Ville"],
    ["import", "{pairs}", "--max-size", "0"],
    ["import", "{missing}"],
    ["validate", "{record}", "--update"],
    ["validate", "{pairs}", "--pairs", "--delimiter", ";"],
    ["add", "--title", "Jumelage entre Pau et Magog", "--party", "Ville de Pau | ville | FR", "--party",
     "Ville de Magog | ville | CA", "--source", "communique.txt | Ville de Pau | 2024-01", "-d", "culture",
     "--kind", "twinning", "--signed-on", "2024-01-15"],
    ["add", "--party", "Ville de Pau | ville | FR"],
    ["add", "--from-file", "{record}", "--update"],
])
def test_writes_on_the_fast_path_match_typer(argv, seeded, tmp_path, make_record):
    """Same exit code, same words, and the same register after, as when Typer runs the command."""
    (tmp_path / "records.json").write_text(json.dumps([make_record(slug="rennes-quebec-bis"),
                                                       make_record(summary="Autre résumé.")]), encoding="utf-8")
    (tmp_path / "record.json").write_text(json.dumps(make_record(summary="Un résumé.")), encoding="utf-8")
    (tmp_path / "pairs.csv").write_text(PAIRS, encoding="utf-8")
    names = {"records": tmp_path / "records.json", "record": tmp_path / "record.json",
             "pairs": tmp_path / "pairs.csv", "missing": tmp_path / "none.json"}
    results, dumps = [], []
    for way, command in (("fast", [sys.executable, "-m", "twinning_cli"]), ("typer", [sys.executable, "-c", TYPER])):
        db = tmp_path / f"{way}.db"
        shutil.copy(seeded, db)
        args = [a.format(**names, rejects=tmp_path / f"rejects-{way}.csv") for a in argv]
        env = {**os.environ, "TWINNING_DB": str(db), "COLUMNS": "100"}
        done = subprocess.run([*command, *args], env=env, capture_output=True, text=True)
        results.append((done.returncode, done.stdout, done.stderr.replace(f"rejects-{way}", "rejects")))
        dumps.append(dump(db))
    assert results[0] == results[1]
    assert dumps[0] == dumps[1]


def test_an_import_on_the_fast_path_loads_no_typer(seeded, tmp_path, make_record):
    (tmp_path / "one.json").write_text(json.dumps(make_record(summary="Autre résumé.")), encoding="utf-8")
    probe = ("import sys; from twinning_cli.fast import run; code = run(sys.argv[1:]);"
             "print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr); sys.exit(code)")
    env = {**os.environ, "TWINNING_DB": str(seeded)}
    result = subprocess.run([sys.executable, "-c", probe, "import", str(tmp_path / "one.json"), "--update"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "0 added, 1 updated" in result.stderr
    loaded = set(eval(result.stderr.strip().splitlines()[-1]))
    assert not loaded & {"typer", "click", "rich", "sqlite_utils", "networkx"}, loaded


def test_an_interrupted_write_says_aborted_as_click_does(seeded, tmp_path, capsys, monkeypatch):
    from twinning_cli import writing

    def interrupted(write, values):
        raise KeyboardInterrupt

    monkeypatch.setattr(writing, "run", interrupted)
    before = dump(seeded)
    assert fast.run(["import", str(tmp_path / "any.json")]) == 1
    assert capsys.readouterr().err == "\nAborted!\n"
    assert dump(seeded) == before
