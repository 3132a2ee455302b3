import csv
import io

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_every_event_in_order(run):
    data = rows(run("timeline").stdout)
    assert len(data) == 11
    assert [r["date"] for r in data[-4:]] == ["2024-04-07", "2024-04-09", "2024-05", "2024-05-24"]
    assert data[0] == {"date": "2013", "end": "", "date_inferred": "0", "agreement": "nantes-quebec",
                       "description": "Québec engage une coopération avec Nantes (culture, tourisme, numérique).",
                       "place": "Québec"}


def test_partial_dates_sort_before_the_days_they_hold(register_with, make_record, run):
    record = make_record(events=[
        {"date": "2024-06", "description": "juin"},
        {"date": "2024-05-24", "description": "jour"},
        {"date": "2024-05", "description": "mai"},
        {"date": "2024", "description": "année"},
    ])
    register_with([record])
    assert [r["description"] for r in rows(run("timeline").stdout)] == ["année", "mai", "jour", "juin"]


def test_timeline_filters(run):
    data = rows(run("timeline", "--territory", "rennes").stdout)
    assert {r["agreement"] for r in data} == {"rennes-quebec"}
    assert {r["agreement"] for r in rows(run("timeline", "-d", "mining").stdout)} == {"pau-thetford-mines"}


def test_terminal_groups_by_year_and_marks_inferred(run):
    out = run("timeline", "-f", "table").stdout
    lines = [line.strip() for line in out.splitlines()]
    assert "2022" in lines and "2024" in lines
    assert "2023-10-27" in out and "(inferred)" in out
    assert max(len(line) for line in out.splitlines()) <= 80
