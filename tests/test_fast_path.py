"""The hot read path (fast.py) gives what Typer gives, without Typer, pydantic or Rich."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert fast.run(["import", "x.json"]) is None
    assert fast.run(["list", "--help"]) is None
    assert fast.run([]) is None


def test_json_on_the_fast_path(seeded, capsys, monkeypatch):
    monkeypatch.setenv("TWINNING_DB", str(seeded))
    assert fast.run(["show", "rennes-quebec", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["slug"] == "rennes-quebec"
