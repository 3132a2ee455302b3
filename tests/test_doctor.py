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
