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


def test_every_territory_and_a_filtered_list_name_partners_alike(run, tmp_path):
    """The whole list (counts kept by triggers, partners gathered in one pass over the parties) and a filtered one (counted
    and sorted in Python) agree, partners in code-point order: capitals, then small letters,
    then accented ones; a name two towns share is named once."""
    (tmp_path / "hub.csv").write_text(
        "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
        "Zürich,Switzerland,47.37,8.54,Öhringen,Germany,49.2,9.5\n"
        "Zürich,Switzerland,47.37,8.54,aarau,Switzerland,47.39,8.04\n"
        "Zürich,Switzerland,47.37,8.54,Éze,France,43.73,7.36\n"
        "Zürich,Switzerland,47.37,8.54,Neustadt,Germany,54.1,10.8\n"
        "Zürich,Switzerland,47.37,8.54,Neustadt,Germany,49.35,8.14\n"
        "Zürich,Switzerland,47.37,8.54,Ålesund,Norway,62.47,6.15\n"
        "Zürich,Switzerland,47.37,8.54,Aachen,Germany,50.78,6.08\n", encoding="utf-8")
    assert run("import", str(tmp_path / "hub.csv"), "--pairs").exit_code == 0
    every = list(csv.DictReader(io.StringIO(run("territories").stdout)))
    zurich = {"name": "Zürich", "kind": "ville", "country": "CH", "subdivision": "", "agreements": "7",
              "partners": "Aachen; Neustadt; aarau; Ålesund; Éze; Öhringen"}
    assert zurich in every
    assert sum(row["name"] == "Neustadt" for row in every) == 2
    hub = [row for row in every if row["name"] == "Zürich" or "Zürich" in row["partners"].split("; ")]
    assert len(hub) == 8
    filtered = list(csv.DictReader(io.StringIO(run("territories", "--country", "CH").stdout)))
    assert filtered == hub


@pytest.mark.parametrize("args", [("territories", "show", ""), ("network", "--from", "  "),
                                  ("territories", "merge", "", "Pau")])
def test_an_empty_territory_name_is_a_usage_error(run, args):
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: give a territory's name (or part of it)\n"


def test_a_name_geonames_gives_the_same_place_finds_it(run, tmp_path):
    """A French user types 'Cologne', 'Munich', 'Moscou' where the register, from another list,
    writes Köln, München, Moscow: `territories show` and `network --from` find the one place and
    say how they read the name; a country that does not fit finds nothing, and a merge (a write)
    takes names only as the register writes them."""
    (tmp_path / "pairs.csv").write_text("city1,country1,city2,country2\nRennes,France,München,Germany\n"
                                        "Lyon,France,Köln,Germany\nNantes,France,Moscow,Russia\n", encoding="utf-8")
    assert run("import", str(tmp_path / "pairs.csv"), "--pairs").exit_code == 0
    for typed, name in (("Cologne", "Köln"), ("Munich, DE", "München"), ("Moscou", "Moscow")):
        result = run("territories", "show", typed, "-f", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["name"] == name
        assert result.stderr == (f"{typed!r} read as {name} ({'RU' if name == 'Moscow' else 'DE'}), as the register "
                                 "names it: GeoNames gives both names to one place\n")
    network = run("network", "--from", "Cologne", "-f", "json")
    assert {node["name"] for node in json.loads(network.stdout)["nodes"]} == {"Köln", "Lyon"}
    assert run("territories", "show", "Munich, FR").exit_code == 1
    shown = run("show", "Cologne", "-f", "json")
    assert (json.loads(shown.stdout)["slug"], shown.stderr.split(" read as ")[0]) == ("lyon-koln", "'Cologne'")
    listed = run("list", "-t", "Cologne", "-t", "Rennes", "-f", "csv", "--sort", "slug")
    assert listed.stdout.splitlines()[1:] == ["lyon-koln,Lyon; Köln,twinning,signed,,",
                                              "rennes-munchen,Rennes; München,twinning,signed,,",
                                              "rennes-quebec,Rennes Métropole; Ville de Québec,cooperation-protocol,"
                                              "signed,2024-04-09,economy; higher-education-research; culture; heritage"]
    assert listed.stderr == ("'Cologne' read as Köln (DE), as the register names it: GeoNames gives both names to one "
                             "place\n")
    merge = run("territories", "merge", "Lyon", "Cologne")
    assert (merge.exit_code, merge.stderr) == (1, "Error: no territory matches 'Cologne'\n")
