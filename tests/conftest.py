"""Shared fixtures: every test gets its own register, never the user's data."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twinning_cli.cli import app
from twinning_cli.store import seed_path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(autouse=True)
def register_path(tmp_path, monkeypatch) -> Path:
    """TWINNING_DB points into a temp dir; the register is created there on first use."""
    path = tmp_path / "register.db"
    monkeypatch.setenv("TWINNING_DB", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TWINNING_LANG", "en")  # English whatever the machine's locale; test_i18n asks for French
    from twinning_cli import i18n

    i18n.choose(None)
    return path


@pytest.fixture
def run():
    """Invoke the CLI; returns click's Result with .stdout, .stderr, .exit_code."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict | None = None):
        return runner.invoke(app, list(args), input=input, env=env)

    return invoke


@pytest.fixture(scope="session")
def seed_records() -> list[dict]:
    return json.loads(seed_path().read_text(encoding="utf-8"))


@pytest.fixture
def make_record(seed_records):
    """A valid record to vary: a copy of rennes-quebec with the changes given."""
    base = next(r for r in seed_records if r["slug"] == "rennes-quebec")

    def make(**changes) -> dict:
        record = copy.deepcopy(base)
        record.update(changes)
        return record

    return make


@pytest.fixture
def register_with(register_path):
    """Create the temp register holding exactly these raw records."""
    from twinning_cli import store
    from twinning_cli.validate import parse_records

    def create(records: list[dict]) -> Path:
        store.init(register_path, parse_records(records, origin="test"))
        return register_path

    return create


@pytest.fixture
def seed_texts() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed texts not found at {SEEDS} (they live in ../shared/seeds beside the repository)")
    return SEEDS


@pytest.fixture
def seeded(register_path) -> Path:
    """The temp register, already created from the seed (no first-use message)."""
    from twinning_cli import store

    store.init(register_path, store.load_seed())
    return register_path
