import csv
import io
import json

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize("name", ["rennes-quebec", "quebec-rennes", "Rennes-Québec", "RENNES QUÉBEC",
                                  "rennes"])
def test_forgiving_lookup(run, name):
    result = run("show", name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["slug"] == "rennes-quebec"


@pytest.mark.parametrize("name,slug", [("thetford", "pau-thetford-mines"),
                                       ("thetford-mines-pau", "pau-thetford-mines"),
                                       ("Portes de Gascogne", "toulouse-portes-de-gascogne"),
                                       ("laurentides", "perpignan-laurentides")])
def test_one_party_name_or_reversed_parties(run, name, slug):
    assert json.loads(run("show", name, "-f", "json").stdout)["slug"] == slug


def test_ambiguous_name_lists_candidates(run):
    result = run("show", "quebec")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: 'quebec' is ambiguous: it matches nantes-quebec, rennes-quebec\n"


def test_unknown_slug_names_closest(run):
    result = run("show", "renes-quebek")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no agreement matches 'renes-quebek'; closest: rennes-quebec")


def test_json_is_the_seed_record(run, seed_records):
    expected = next(r for r in seed_records if r["slug"] == "perpignan-laurentides")
    assert json.loads(run("show", "perpignan-laurentides", "-f", "json").stdout) == expected


def test_table_card_has_every_section(run):
    out = run("show", "pau-thetford-mines", "-f", "table").stdout
    for text in ["Projet de jumelage entre la Ville de Thetford Mines et la Ville de Pau",
                 "Jumelage (twinning)", "Exploratoire (exploratory)", "Parties", "Ville de Thetford Mines",
                 "People", "Brousseau", "Stakeholders", "Kemitek", "Funding",
                 "FFQCD", "Timeline", "2022-09-12 → 2022-09-15", "(inferred)", "Sources",
                 "004_58426079a9647b2b.txt", "Mines et sous-sol", "Note"]:
        assert text in out, text


def test_card_shows_inferred_signature_and_how(run):
    out = run("show", "laurentides", "-f", "table").stdout
    assert "2023-10-27 (inferred)" in out
    assert "Vendredi dernier" in out
    assert "Cap Sud 66" in out


def test_csv_is_one_flat_row(run):
    rows = list(csv.DictReader(io.StringIO(run("show", "nantes-quebec", "-f", "csv").stdout)))
    assert len(rows) == 1
    assert rows[0]["parties"] == ("Nantes Métropole | métropole | FR | FR-PDL; "
                                  "Ville de Québec | ville | CA | CA-QC |  | 46.8123 | -71.2145")
    assert rows[0]["valid_from"] == "2024" and rows[0]["valid_until"] == "2025"


def test_jsonl_is_one_line(run):
    lines = run("show", "nantes-quebec", "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["slug"] == "nantes-quebec"


def test_empty_name_is_not_found(run):
    result = run("show", "--", "!!!")
    assert result.exit_code == 1
    assert result.stderr == "Error: give a slug or a party name\n"
