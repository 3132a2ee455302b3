import csv
import io
import json

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def table(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_stats_by_domain(run):
    rows = table(run("stats", "--by", "domain").stdout)
    assert rows[0] == {"dimension": "domain", "value": "economy",
                       "label": "Développement économique et innovation", "agreements": "5"}
    assert rows[1]["value"] == "culture" and rows[1]["agreements"] == "4"
    assert sum(int(r["agreements"]) for r in rows) == 20


def test_stats_takes_list_filters(run):
    rows = table(run("stats", "--by", "domain", "--country", "CA").stdout)
    assert {r["value"]: int(r["agreements"]) for r in rows}["economy"] == 4
    assert "agriculture-food" not in {r["value"] for r in rows}


@pytest.mark.parametrize("by,expected", [
    ("year", [("2017", "1"), ("2022", "1"), ("2023", "1"), ("2024", "2")]),
    ("country", [("FR", "5"), ("CA", "4")]),
    ("status", [("signed", "3"), ("exploratory", "1"), ("proposed", "1")]),
    ("subdivision", [("CA-QC", "4"), ("FR-OCC", "2"), ("FR-BRE", "1"), ("FR-NAQ", "1"), ("FR-PDL", "1")]),
])
def test_stats_dimensions(run, by, expected):
    assert [(r["value"], r["agreements"]) for r in table(run("stats", "--by", by).stdout)] == expected


def test_stats_kind_labels_are_french(run):
    labels = {r["value"]: r["label"] for r in table(run("stats", "--by", "kind").stdout)}
    assert labels["reciprocity-contract"] == "Contrat de réciprocité"


def test_overview(run):
    rows = json.loads(run("stats", "-f", "json").stdout)
    dimensions = list(dict.fromkeys(r["dimension"] for r in rows))
    assert dimensions == ["status", "kind", "country pair", "domain", "years"]
    pairs = {r["value"]: r["agreements"] for r in rows if r["dimension"] == "country pair"}
    assert pairs == {"CA–FR": 4, "FR": 1}
    assert [r for r in rows if r["dimension"] == "years"] == [
        {"dimension": "years", "value": "2017–2024", "label": "2017–2024", "agreements": 5}]


def test_bars_on_a_terminal(run):
    out = run("stats", "--by", "domain", "-f", "table").stdout
    assert "Développement économique et" in out
    assert "██████████████████████████████" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_unknown_dimension(run):
    result = run("stats", "--by", "mayor")
    assert result.exit_code == 2
    assert "unknown --by 'mayor'; valid: domain, year, country, subdivision, kind, status" in result.stderr
