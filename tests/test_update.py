"""import --update replaces a record in place: its id kept, only what changed written, the
full-text index and the counts kept right, the index's triggers there after each write."""

import json

from dbcheck import scalar
from test_bulk_load import schema_and_counts


def write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_update_keeps_the_full_text_index_and_its_delete_trigger(run, seeded, tmp_path, seed_records):
    """Replaced records leave the index by the writer's own deletes (the trigger is set aside in the
    transaction): the new text is found, the old is not, and the trigger is back after it."""
    changed = [{**r, "summary": f"Texte revu numéro {n} : xylophone."} for n, r in enumerate(seed_records)]
    records = write(tmp_path / "changed.jsonl", changed)
    before = schema_and_counts(seeded)
    old_word = seed_records[0]["summary"].split()[0]
    assert run("list", "--search", old_word, "--format", "csv").stdout.count("\n") > 1
    result = run("import", str(records), "--update")
    assert result.exit_code == 0, result.stderr
    assert f"{len(seed_records)} updated" in result.stderr
    found = run("list", "--search", "xylophone", "--format", "csv").stdout.splitlines()
    assert len(found) == len(seed_records) + 1
    assert schema_and_counts(seeded) == before  # the same triggers and indexes, the same counts
    assert scalar(seeded, "SELECT count(*) FROM agreements_fts") == len(seed_records)
    assert run("doctor").exit_code == 0
    # Removing one: its words go with it
    assert run("remove", seed_records[0]["slug"], "--yes").exit_code == 0
    assert len(run("list", "--search", "xylophone", "--format", "csv").stdout.splitlines()) == len(seed_records)
    assert run("doctor").exit_code == 0


def test_a_failed_update_leaves_the_index_and_its_trigger_as_they_were(run, seeded, tmp_path, seed_records):
    bad = [{**seed_records[0], "summary": "Texte revu : xylophone."}, {**seed_records[1], "kind": "nonsense"}]
    records = write(tmp_path / "bad.jsonl", bad)
    before = schema_and_counts(seeded)
    assert run("import", str(records), "--update").exit_code == 1
    assert schema_and_counts(seeded) == before
    assert run("list", "--search", "xylophone", "--format", "csv").stdout.count("\n") == 1  # the header only
    assert run("doctor").exit_code == 0


def test_an_update_keeps_the_id_and_moves_parties_and_domains(run, seeded, tmp_path, seed_records):
    record = next(r for r in seed_records if r["slug"] == "rennes-quebec")
    ident = scalar(seeded, "SELECT id FROM agreements WHERE slug = 'rennes-quebec'")
    parties = [{**p, "name": "Brest Métropole"} if p["name"] == "Rennes Métropole" else p for p in record["parties"]]
    moved = {**record, "parties": parties, "people": [], "domains": ["sport"]}
    result = run("import", str(write(tmp_path / "moved.json", [moved])), "--update")
    assert result.exit_code == 0, result.stderr
    assert "1 updated" in result.stderr
    assert scalar(seeded, "SELECT id FROM agreements WHERE slug = 'rennes-quebec'") == ident
    assert scalar(seeded, "SELECT agreements FROM territories WHERE name = 'Brest Métropole'") == 1
    assert scalar(seeded, "SELECT count(*) FROM territories WHERE name = 'Rennes Métropole'") == 0  # named by none now
    assert scalar(seeded, f"SELECT group_concat(domain) FROM agreement_domains WHERE agreement = {ident}") == "sport"
    assert scalar(seeded, "SELECT agreements FROM domain_counts WHERE domain = 'sport'") == 1
    assert "rennes-quebec" in run("list", "-t", "Brest Métropole", "--format", "csv").stdout
    assert "rennes-quebec" in run("list", "--search", "Brest", "--format", "csv").stdout
    assert run("doctor").exit_code == 0


def test_an_update_where_the_index_trigger_was_taken_away_still_lands(run, seeded, tmp_path, seed_records):
    """Someone dropped the update trigger: --update works, keeps the index right, and doctor says
    what is missing (the writer does not make a trigger it did not set aside)."""
    import sqlite3

    conn = sqlite3.connect(seeded)
    conn.execute("DROP TRIGGER agreements_au")
    conn.commit()
    conn.close()
    changed = write(tmp_path / "one.json", [{**seed_records[0], "summary": "Texte revu : xylophone."}])
    result = run("import", str(changed), "--update")
    assert result.exit_code == 0, result.stderr
    assert len(run("list", "--search", "xylophone", "--format", "csv").stdout.splitlines()) == 2
    doctor = run("doctor")
    assert doctor.exit_code == 1
    assert doctor.stdout == ("full-text index: trigger agreements_au is missing, so a change to the agreements"
                             " table would not reach the index\n")


def test_an_update_of_the_events_alone_or_of_the_domains_alone_moves_their_rows(run, seeded, tmp_path, seed_records):
    """The child rows of a list are looked at only when that list changed: each change still lands."""
    record = next(r for r in seed_records if r["slug"] == "rennes-quebec")
    ident = scalar(seeded, "SELECT id FROM agreements WHERE slug = 'rennes-quebec'")
    events = [{**record["events"][0], "date": "2022-11"}, *record["events"][1:]]
    assert run("import", str(write(tmp_path / "e.json", [{**record, "events": events}])), "--update").exit_code == 0
    assert scalar(seeded, f"SELECT group_concat(date, ' ') FROM (SELECT date FROM events WHERE agreement = {ident}"
                          " ORDER BY position)") == " ".join(e["date"] for e in events)
    domains = ["culture", "sport"]
    result = run("import", str(write(tmp_path / "d.json", [{**record, "events": events, "domains": domains}])),
                 "--update")
    assert result.exit_code == 0 and "1 updated" in result.stderr
    assert scalar(seeded, f"SELECT group_concat(domain, ' ') FROM (SELECT domain FROM agreement_domains"
                          f" WHERE agreement = {ident} ORDER BY domain)") == "culture sport"
    assert run("list", "-d", "sport", "--format", "csv").stdout.count("rennes-quebec") == 1
    assert run("doctor").exit_code == 0
