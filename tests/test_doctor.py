import pytest
from dbcheck import scalar, tamper

pytestmark = pytest.mark.usefixtures("seeded")


def test_healthy_register(run):
    result = run("doctor")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "The register is healthy.\n"


def test_doctor_names_each_problem(run, seeded):
    tamper(seeded, "DROP TRIGGER agreements_au",
           "UPDATE agreements SET title = 'autre' WHERE slug = 'rennes-quebec'",
           "INSERT INTO agreement_domains SELECT id, 'cuisine' FROM agreements WHERE slug = 'rennes-quebec'",
           "DELETE FROM agreement_parties WHERE agreement = (SELECT id FROM agreements WHERE slug = 'nantes-quebec')"
           " AND position = 1")
    rennes = scalar(seeded, "SELECT id FROM agreements WHERE slug = 'rennes-quebec'")
    result = run("doctor")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"foreign key: agreement_domains row ({rennes}, cuisine) points to a missing domain_labels"
    assert lines[1] == "agreement nantes-quebec: 1 party, needs at least 2"
    assert lines[2] == "agreement rennes-quebec: domain 'cuisine' is not in the vocabulary"
    assert lines[3] == ("full-text index: trigger agreements_au is missing, so a change to the agreements table"
                        " would not reach the index")
    assert lines[4].startswith("full-text index: does not agree with the agreements table")
    assert result.stderr == "Error: 5 problem(s) found\n"


def test_doctor_reports_foreign_keys(run, seeded):
    tamper(seeded, "INSERT INTO events (agreement, position, date) VALUES (999, 0, '2024')")
    result = run("doctor")
    assert result.exit_code == 1
    assert "foreign key: events row (999, 0) points to a missing agreements\n" in result.stdout


def test_domain_counts_follow_every_write(run, seeded):
    culture = "SELECT agreements FROM domain_counts WHERE domain = 'culture'"
    assert scalar(seeded, culture) == 4
    run("remove", "rennes-quebec", "--yes")
    assert scalar(seeded, culture) == 3
    tamper(seeded, "UPDATE domain_counts SET agreements = 99 WHERE domain = 'culture'")
    result = run("doctor")
    assert result.exit_code == 1
    assert "domain counts: 1 domain(s) counted wrong in domain_counts" in result.stdout


def test_a_check_that_cannot_run_is_raised_in_the_caller(seeded):
    """The checks run on threads of their own; what one of them meets reaches the caller as itself
    (the CLI makes it one line), not as a thread's traceback or a silently healthy register."""
    import sqlite3

    from twinning_cli import health

    made = []

    def connect():
        made.append(len(made))
        if len(made) == 2:
            raise sqlite3.OperationalError("unable to open database file")
        return sqlite3.connect(seeded, check_same_thread=False)

    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        health.check(connect)
    assert len(made) == 3


def test_a_place_written_two_ways_is_noted_with_the_merge_to_type(run, tmp_path, monkeypatch):
    """Names of one country that differ only in accents, punctuation or 'St', near each other or
    without a point, are noted (exit 0) with the command that joins them; the same folded name
    far away (Fürth, Furth) is not; once merged, the note is gone."""
    (tmp_path / "p.csv").write_text(
        "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
        "St. Petersburg,Russia,59.94,30.31,Lyon,France,45.76,4.84\n"
        "Saint Petersburg,Russia,59.93,30.33,Nantes,France,47.22,-1.55\n"
        "Fürth,Germany,49.48,10.99,Limoges,France,45.83,1.26\n"
        "Furth,Germany,48.58,12.02,Bamberg,Germany,49.89,10.89\n"
        "Saint-Denis,France,,,Sanda,Japan,,\n"
        "Saint Denis,France,,,Sakai,Japan,,\n", encoding="utf-8")
    assert run("import", "--pairs", str(tmp_path / "p.csv")).exit_code == 0
    result = run("doctor")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        "Note: Saint-Denis and Saint Denis (FR) may be one place written two ways: "
        "'twinning territories merge \"Saint-Denis\" \"Saint Denis\"' joins them",
        "Note: St. Petersburg and Saint Petersburg (RU) may be one place written two ways: "
        "'twinning territories merge \"St. Petersburg\" \"Saint Petersburg\"' joins them",
        "The register is healthy."]
    assert run("territories", "merge", "St. Petersburg", "Saint Petersburg").exit_code == 0
    assert "Petersburg" not in run("doctor").stderr
    (tmp_path / "q.csv").write_text("city1,country1,city2,country2\nSt-Malo,France,Gaspé,Canada\n"
                                    "Saint Malo,France,Cowes,United Kingdom\n", encoding="utf-8")
    assert run("import", "--pairs", str(tmp_path / "q.csv")).exit_code == 0
    from twinning_cli import health

    monkeypatch.setattr(health, "WRITTEN_TWICE_SHOWN", 1)  # past a screenful, the rest are counted
    assert run("doctor").stderr.splitlines()[1:] == ["Note: … and 1 more such pair(s)", "The register is healthy."]


def test_a_place_named_with_its_own_country_after_it_is_noted(run, tmp_path):
    """'Rennes (France)' beside 'Rennes' (as an earlier pairs import or a record wrote it) is noted
    with the merge to type, which then works; 'Kyiv (Kijów)' beside 'Kyiv' is not (no country or region)."""
    record = ('{{"slug": "{slug}", "title": "t", "kind": "twinning", "status": "signed", "parties": ['
              '{{"name": "{a}", "kind": "ville", "country": "{ca}"}}, {{"name": "{b}", "kind": "ville", '
              '"country": "{cb}"}}], "sources": [{{"file": "a.csv"}}]}}\n')
    (tmp_path / "r.jsonl").write_text(
        record.format(slug="rennes-erlangen", a="Rennes", ca="FR", b="Erlangen", cb="DE")
        + record.format(slug="rennes-cork", a="Rennes (France)", ca="FR", b="Cork, Ireland", cb="IE")
        + record.format(slug="kyiv-kyiv", a="Kyiv (Kijów)", ca="UA", b="Kyiv", cb="UA"), encoding="utf-8")
    assert run("import", str(tmp_path / "r.jsonl")).exit_code == 0
    notes = run("doctor").stderr.splitlines()
    assert notes[0].startswith("Note: Rennes and Rennes (France) (FR) may be one place written two ways: "
                               "'twinning territories merge \"Rennes (ville)\" ")  # 'Rennes' finds Rennes Métropole too
    assert notes[1:] == ["The register is healthy."]
    typed = notes[0].split("merge ")[1].split("' joins")[0]
    assert run("territories", "merge", *[part.strip('"') for part in typed.split('" "')]).exit_code == 0
    assert run("doctor").stderr.splitlines() == ["The register is healthy."]


def test_a_place_written_three_ways_gets_two_merges_into_its_first_form(run, tmp_path):
    (tmp_path / "malo.csv").write_text("city1,country1,city2,country2\nSaint-Malo,France,Cowes,United Kingdom\n"
                                       "St Malo,France,Hamm,Germany\nSt. Malo,France,Gaspé,Canada\n", encoding="utf-8")
    assert run("import", str(tmp_path / "malo.csv"), "--pairs").exit_code == 0
    notes = run("doctor").stderr.splitlines()
    merges = [line.split("'twinning territories merge ")[1].split("' joins")[0] for line in notes[:-1]]
    assert merges == ['"Saint-Malo" "St Malo"', '"Saint-Malo" "St. Malo"']
    for merge in merges:
        assert run("territories", "merge", *[part.strip('"') for part in merge.split('" "')]).exit_code == 0
    assert run("doctor").stderr.splitlines() == ["The register is healthy."]


def test_full_notes_one_place_under_two_names_geonames_gives_it(run, tmp_path):
    """Lists in two languages: Köln and Cologne, Kyiv and Kiev are one place each (GeoNames gives
    both names to it and to no other there); `doctor --full` notes them with the merge to type,
    plain `doctor` does not look. A name of several places (Neustadt) is left alone."""
    (tmp_path / "towns.csv").write_text("city1,country1,city2,country2\nLyon,France,Köln,Germany\n"
                                        "Lille,France,Cologne,Germany\nNantes,France,Kyiv,Ukraine\n"
                                        "Brest,France,Kiev,Ukraine\n", encoding="utf-8")
    assert run("import", str(tmp_path / "towns.csv"), "--pairs").exit_code == 0
    assert run("doctor").stderr.splitlines() == ["The register is healthy."]
    notes = run("doctor", "--full").stderr.splitlines()
    assert notes == ["Note: Köln and Cologne (DE) may be one place written two ways: 'twinning territories merge "
                     "\"Köln\" \"Cologne\"' joins them",
                     "Note: Kyiv and Kiev (UA) may be one place written two ways: 'twinning territories merge "
                     "\"Kyiv\" \"Kiev\"' joins them", "The register is healthy."]
