import json

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def test_clean_file_exits_zero_and_writes_nothing(run, tmp_path, make_record):
    record = make_record(slug="ville-x-quebec")
    record["parties"][0]["name"] = "Ville X"
    (tmp_path / "ok.json").write_text(json.dumps([record]), encoding="utf-8")
    result = run("validate", str(tmp_path / "ok.json"))
    assert result.exit_code == 0
    assert result.stderr == f"{tmp_path / 'ok.json'}: valid; importing it would give 1 added, 0 updated, 0 unchanged.\n"
    assert run("list", "-t", "Ville X").stdout.count("\n") == 1


def test_problems_exit_one(run, tmp_path, make_record):
    (tmp_path / "bad.json").write_text(json.dumps([make_record(status="maybe")]), encoding="utf-8")
    result = run("validate", str(tmp_path / "bad.json"))
    assert result.exit_code == 1
    assert "record 1 (rennes-quebec): status: unknown status 'maybe'" in result.stderr


def test_validate_checks_conflicts_with_the_register(run, tmp_path, make_record):
    (tmp_path / "c.json").write_text(json.dumps([make_record(title="Autre")]), encoding="utf-8")
    assert "already in the register with other content" in run("validate", str(tmp_path / "c.json")).stderr
    assert run("validate", str(tmp_path / "c.json"), "--update").exit_code == 0


def test_validate_without_a_register(run, tmp_path, make_record):
    (tmp_path / "ok.json").write_text(json.dumps([make_record()]), encoding="utf-8")
    result = run("validate", str(tmp_path / "ok.json"), "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 0
    assert not (tmp_path / "none.db").exists()


def test_a_field_named_as_elsewhere_points_to_ours(run, tmp_path, make_record):
    """A record written for another register ('type', 'date', a party's 'pays' or 'latitude', a
    source's 'link') or misspelled ('parites') says which field it most likely means; a field
    like none of ours ('colour') says only that it is not one."""
    record = make_record()
    record["type"] = record.pop("kind")
    record["parites"] = []
    party = record["parties"][0]
    party["pays"], party["latitude"], party["colour"] = party.pop("country"), 46.8, "red"
    record["sources"][0]["link"] = "https://example.org"
    record["Résumé"] = "Deux villes."
    (tmp_path / "other.json").write_text(json.dumps([record]), encoding="utf-8")
    lines = run("validate", str(tmp_path / "other.json")).stderr.splitlines()
    assert set(lines) >= {
        "record 1 (rennes-quebec): type: Extra inputs are not permitted (did you mean kind?)",
        "record 1 (rennes-quebec): parites: Extra inputs are not permitted (did you mean parties?)",
        "record 1 (rennes-quebec): parties.0.pays: Extra inputs are not permitted (did you mean country?)",
        "record 1 (rennes-quebec): parties.0.latitude: Extra inputs are not permitted (did you mean lat?)",
        "record 1 (rennes-quebec): parties.0.colour: Extra inputs are not permitted",
        "record 1 (rennes-quebec): sources.0.link: Extra inputs are not permitted (did you mean url?)",
        "record 1 (rennes-quebec): Résumé: Extra inputs are not permitted (did you mean summary?)"}
