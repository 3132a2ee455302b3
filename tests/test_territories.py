import csv
import io
import json

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def test_one_row_per_territory_busiest_first(run):
    data = list(csv.DictReader(io.StringIO(run("territories").stdout)))
    assert len(data) == 9
    assert data[0] == {"name": "Ville de Québec", "kind": "ville", "country": "CA", "subdivision": "CA-QC",
                       "agreements": "2", "partners": "Nantes Métropole; Rennes Métropole"}


def test_territories_take_filters(run):
    data = list(csv.DictReader(io.StringIO(run("territories", "--country", "CA", "-d", "mining").stdout)))
    assert [d["name"] for d in data] == ["Ville de Pau", "Ville de Thetford Mines"]


def test_show_a_territory(run):
    data = json.loads(run("territories", "show", "quebec", "-f", "json").stdout)
    assert data["name"] == "Ville de Québec"
    assert [a["slug"] for a in data["agreements"]] == ["nantes-quebec", "rennes-quebec"]
    assert data["partners"] == ["Nantes Métropole", "Rennes Métropole"]
    assert {p["name"] for p in data["people"]} == {"Bruno Marchand", "Catherine Vallières-Roland"}
    assert data["domains"]["culture"] == 2


def test_territory_card_on_a_terminal(run):
    out = run("territories", "show", "Rennes Métropole", "-f", "table").stdout
    assert "Rennes Métropole" in out and "rennes-quebec" in out and "Nathalie Appéré" in out


def test_ambiguous_and_unknown_territories(run):
    result = run("territories", "show", "metropole")
    assert result.exit_code == 1
    assert result.stderr == ("Error: 'metropole' is ambiguous: it matches 4 territories; type one of: "
                             "Nantes Métropole [métropole, FR-PDL]; Perpignan Méditerranée Métropole "
                             "[métropole, FR-OCC]; Rennes Métropole [métropole, FR-BRE]; Toulouse Métropole "
                             "[métropole, FR-OCC]\n")
    result = run("territories", "show", "Lyon")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no territory matches 'Lyon'")
