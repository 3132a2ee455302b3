"""An import into a register that already holds agreements keeps the counts (agreements per
territory, per domain) itself, a batch at once, with the count triggers set aside for its
transaction: what it leaves is what the triggers would have left, triggers included."""

import json
import sqlite3

import pytest

from twinning_cli import schema, store, writer
from twinning_cli.model import Agreement


@pytest.fixture
def holding(seeded, monkeypatch):
    """The seeded register, taken as one that holds agreements: no load into it is suspended
    (writer.SMALL, a thousand agreements, otherwise makes the seed's five a load into an empty one)."""
    monkeypatch.setattr(writer, "SMALL", 0)
    return seeded


def state(path) -> dict:
    """The register's triggers and indexes, its stored counts, and the counts worked out again."""
    conn = sqlite3.connect(path)
    try:
        return {
            "objects": conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')"
                                    " ORDER BY name").fetchall(),
            "territories": conn.execute("SELECT id, agreements FROM territories ORDER BY id").fetchall(),
            "territories worked out": conn.execute(
                "SELECT t.id, (SELECT count(*) FROM agreement_parties p WHERE p.territory_id = t.id)"
                " FROM territories t ORDER BY t.id").fetchall(),
            "domains": conn.execute("SELECT domain, agreements FROM domain_counts WHERE agreements > 0"
                                    " ORDER BY domain").fetchall(),
            "domains worked out": conn.execute("SELECT domain, count(*) FROM agreement_domains GROUP BY domain"
                                               " ORDER BY domain").fetchall(),
        }
    finally:
        conn.close()


def records(make_record, n: int) -> list[dict]:
    """`n` new agreements of Ville de Québec (already there) with towns of their own, in domains
    the register holds and one it does not."""
    return [make_record(slug=f"quebec-town-{i}", title=f"Accord Québec {i}",
                        parties=[{"name": "Ville de Québec", "kind": "ville", "country": "CA", "subdivision": "CA-QC"},
                                 {"name": f"Bourg {i}", "kind": "commune", "country": "FR"}],
                        domains=["culture", "sport"] if i % 2 else ["economy"]) for i in range(n)]


def write_jsonl(path, items) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), encoding="utf-8")
    return str(path)


def test_an_import_into_a_register_that_holds_agreements_counts_as_the_triggers_would(run, holding, tmp_path,
                                                                                       make_record):
    before = state(holding)
    quebec = sqlite3.connect(holding).execute("SELECT agreements FROM territories WHERE name = 'Ville de Québec'"
                                              ).fetchone()[0]
    result = run("import", write_jsonl(tmp_path / "new.jsonl", records(make_record, 7)))
    assert result.exit_code == 0, result.stderr
    after = state(holding)
    assert after["objects"] == before["objects"]  # the count triggers are there again, as they were
    assert after["territories"] == after["territories worked out"]
    assert after["domains"] == after["domains worked out"]
    assert dict(after["domains"])["sport"] == 3  # i = 1, 3, 5
    assert dict(after["domains"])["economy"] == dict(before["domains"])["economy"] + 4  # i = 0, 2, 4, 6
    conn = sqlite3.connect(holding)
    assert conn.execute("SELECT agreements FROM territories WHERE name = 'Ville de Québec'").fetchone()[0] == quebec + 7
    conn.close()
    assert run("doctor").exit_code == 0
    # Later writes are counted by the triggers again
    assert run("remove", "quebec-town-1", "--yes").exit_code == 0
    assert state(holding)["territories"] == state(holding)["territories worked out"]
    assert dict(state(holding)["domains"])["sport"] == 2


def test_the_count_triggers_are_set_aside_only_while_the_writer_loads(holding, make_record):
    db = store.open_db(holding)
    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%count_ai' ORDER BY name"
    try:
        with store.transaction(db, holding):
            load = store.Writer(db, bulk=True)
            assert db.conn.execute(triggers).fetchall() == []
            for record in records(make_record, 3):
                load.add(Agreement.model_validate(record))
            load.flush()
            load.finish()
            assert [name for name, in db.conn.execute(triggers)] == sorted(schema.COUNTING)
            # What the writer adds after its end, the triggers count (not counted twice)
            load.add(Agreement.model_validate(records(make_record, 4)[3]))
            load.flush()
        with store.transaction(db, holding):
            assert [name for name, in db.conn.execute(triggers)] == sorted(schema.COUNTING)
            store.Writer(db)  # a write that is no load (add, remove) leaves the triggers to count
            assert [name for name, in db.conn.execute(triggers)] == sorted(schema.COUNTING)
    finally:
        db.close()
    after = state(holding)
    assert after["territories"] == after["territories worked out"]
    assert after["domains"] == after["domains worked out"]


def test_a_failed_import_into_a_register_that_holds_agreements_leaves_its_triggers_and_counts(run, holding, tmp_path,
                                                                                             make_record):
    before = state(holding)
    bad = [*records(make_record, 3), make_record(slug="broken", kind="nonsense")]
    assert run("import", write_jsonl(tmp_path / "bad.jsonl", bad)).exit_code == 1
    assert state(holding) == before


def test_an_update_that_changes_parties_and_domains_keeps_the_counts(run, holding, tmp_path, make_record):
    assert run("import", write_jsonl(tmp_path / "new.jsonl", records(make_record, 4))).exit_code == 0
    changed = records(make_record, 4)
    for record in changed[:2]:  # another town, and other domains
        record["parties"][1] = {"name": "Ville nouvelle", "kind": "commune", "country": "FR"}
        record["domains"] = ["heritage"]
    changed[1]["parties"][1]["name"] = "Ville nouvelle 2"
    result = run("import", write_jsonl(tmp_path / "changed.jsonl", changed), "--update")
    assert result.exit_code == 0, result.stderr
    after = state(holding)
    assert after["territories"] == after["territories worked out"]
    assert after["domains"] == after["domains worked out"]
    assert run("doctor").exit_code == 0


def test_a_wikidata_import_into_a_register_that_holds_agreements_keeps_the_counts(run, holding, tmp_path):
    """A Wikidata import merges what it brings with what is there (replacing, joining territories):
    its counts, kept a batch at once, are still what the triggers would have left."""
    from pathlib import Path

    before = state(holding)
    answer = Path(__file__).with_name("wikidata") / "results.json"
    result = run("import", "--wikidata", str(answer), "--skip-invalid", "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 0, result.stderr
    after = state(holding)
    assert after["objects"] == before["objects"]
    assert after["territories"] == after["territories worked out"] != before["territories"]
    assert after["domains"] == after["domains worked out"]
    assert run("doctor").exit_code == 0
