"""twinning extract: drafts from the seed texts and from our own test articles."""

import json
from pathlib import Path

import pytest

from twinning_cli.extract import extract
from twinning_cli.store import seed_path

ARTICLES = Path(__file__).with_name("articles")
EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))
SEED = {r["sources"][0]["file"]: r for r in json.loads(seed_path().read_text(encoding="utf-8"))}


def check(record: dict, expected: dict) -> None:
    assert sorted((p["name"], p["country"]) for p in record["parties"]) == \
        sorted(tuple(p) for p in expected["parties"])
    assert (record["kind"], record["status"], record["signed_on"]) == \
        (expected["kind"], expected["status"], expected["signed_on"])
    assert not set(expected["domains"]) - set(record["domains"]), "a domain is missing"
    assert len(set(record["domains"]) - set(expected["domains"])) <= 1, "more than one extra domain"


@pytest.mark.parametrize("file", sorted(SEED))
def test_seed_texts_give_the_seed_records(seed_texts, file):
    record = extract((seed_texts / file).read_text(encoding="utf-8"), source=file).record
    expected = SEED[file]
    check(record, {**expected, "parties": [(p["name"], p["country"]) for p in expected["parties"]]})


def test_vendredi_dernier_is_inferred_with_its_reasoning(seed_texts):
    file = "000_636b0192aed31000.txt"
    record = extract((seed_texts / file).read_text(encoding="utf-8"), source=file).record
    assert (record["signed_on"], record["signed_on_inferred"]) == ("2023-10-27", True)
    assert "Vendredi dernier" in record["signed_on_note"] and "02 November 2023" in record["signed_on_note"]
    acting = {p["name"]: p["acting_body"] for p in record["parties"]}
    assert acting == {"Perpignan Méditerranée Métropole": "Cap Sud 66", "MRC des Laurentides": None}
    assert record["sources"][0] == {"file": file, "publisher": None, "published_on": "2023-11-02",
                                    "dateline": "Mont-Blanc", "url": None, "note": None}


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_articles(file):
    check(extract((ARTICLES / file).read_text(encoding="utf-8"), source=file).record, EXPECTED[file])


def test_published_resolves_relative_dates():
    text = "La Ville de Lévis et la Ville de Vannes ont signé mardi dernier une charte de jumelage."
    assert extract(text, source="x").record["signed_on"] is None
    import datetime

    record = extract(text, source="x", published=datetime.date(2024, 6, 14)).record
    assert (record["signed_on"], record["signed_on_inferred"]) == ("2024-06-11", True)
    assert record["sources"][0]["published_on"] == "2024-06-14"


def test_people_funding_and_stakeholders(seed_texts):
    file = "004_58426079a9647b2b.txt"
    record = extract((seed_texts / file).read_text(encoding="utf-8"), source=file).record
    assert [p["name"] for p in record["people"]] == ["Marc-Alexandre Brousseau"]
    assert record["funding"][0]["programme"] == "Fonds franco-québécois pour la coopération décentralisée (FFQCD)"
    assert len(record["funding"][0]["backers"]) == 2
    names = {s["name"] for s in record["stakeholders"]}
    assert "ministère des Relations internationales et de la Francophonie du Québec" in names


def test_a_place_the_gazetteer_does_not_know():
    text = ("La MRC de Témiscamingue-Nord et la Communauté de communes du Val de Vézère ont signé "
            "le 3 mars 2024 une convention de partenariat sur le tourisme.")
    record = extract(text, source="x").record
    assert sorted((p["name"], p["country"]) for p in record["parties"]) == [
        ("Communauté de communes du Val de Vézère", "FR"), ("MRC de Témiscamingue-Nord", "CA")]


def test_a_town_the_gazetteer_resolves_carries_its_geonames_id():
    text = "La Ville de Saint-Malo et la Ville de Gaspé ont signé le 2 mai 2024 une charte de jumelage."
    record = extract(text, source="x").record
    assert [(p["name"], p["geonames"]) for p in record["parties"]] == [("Ville de Saint-Malo", "2978640"),
                                                                      ("Ville de Gaspé", "5959878")]


def test_html_is_stripped():
    text = "<p>La Ville de Pau et la Ville de Gaspé ont signé le 2 mai 2024 un <b>jumelage</b>.</p>"
    record = extract(text, source="x.html").record
    assert record["kind"] == "twinning" and record["signed_on"] == "2024-05-02"


def test_a_text_with_no_agreement_is_an_error_with_its_reason(run, tmp_path):
    (tmp_path / "empty.txt").write_text("Rien à signaler aujourd'hui.", encoding="utf-8")
    result = run("extract", str(tmp_path / "empty.txt"), "-f", "table")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"Error: no agreement found in {tmp_path / 'empty.txt'}: no party, instrument, "
                             "domain, nor any signing, proposal or exploration named\n")


def test_what_was_not_found_is_said(run, tmp_path):
    (tmp_path / "half.txt").write_text("La Ville de Pau envisage un jumelage.", encoding="utf-8")
    result = run("extract", str(tmp_path / "half.txt"), "-f", "table")
    assert result.exit_code == 0
    assert "Not found" in result.stdout and "parties (found fewer than two)" in result.stdout


def test_out_and_add_say_one_line_not_the_draft(run, seeded, tmp_path):
    article = ARTICLES / "08-agglomeration-mrc.txt"
    result = run("extract", str(article), "--out", str(tmp_path / "d.json"))
    assert result.exit_code == 0 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("Drafted ") and line.endswith(f"; wrote {tmp_path / 'd.json'}")


def test_cli_json_when_piped_and_out_file(run, tmp_path):
    article = ARTICLES / "03-renouvellement.txt"
    result = run("extract", str(article))
    assert json.loads(result.stdout)["kind"] == "partnership-agreement"
    out = tmp_path / "draft.json"
    result = run("extract", str(article), "--out", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["parties"][0]["name"] == "Ville de Bordeaux"


def test_cli_add_validates_and_adds(run, seeded):
    article = ARTICLES / "08-agglomeration-mrc.txt"
    result = run("extract", str(article), "--add", "--yes", "-f", "json")
    assert result.exit_code == 0, result.stderr
    slug = json.loads(result.stdout)["slug"]
    assert result.stderr.splitlines()[-1] == f"Added {slug}."
    assert json.loads(run("show", slug, "-f", "json").stdout)["signed_on"] == "2022-10-14"


def test_cli_add_refuses_an_incomplete_draft(run, seeded, tmp_path):
    (tmp_path / "a.txt").write_text("La Ville de Pau a signé une convention.", encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "--add", "--yes", "-f", "json")
    assert result.exit_code == 1
    assert "nothing written" in result.stderr


def test_cli_errors(run, tmp_path):
    assert run("extract", str(tmp_path / "nope.txt")).exit_code == 1
    result = run("extract", str(ARTICLES / "01-jumelage-petites-villes.txt"), "--published", "hier")
    assert result.exit_code == 2
    assert "--published: 'hier' is not a date YYYY-MM-DD" in result.stderr


def test_a_numbered_part_of_a_city_is_a_party_of_its_own():
    """'la commune iv du district de Bamako', 'le 3e arrondissement de Lyon': the numbered part is
    the party, in its city's country, without the city's point or identifier; the city alone is
    no second party."""
    text = ("La mairie de la commune iv du district de Bamako et la ville de Kayes ont signé le 3 mars 2021 "
            "une convention de coopération décentralisée. Le maire de la commune IV, M. Diallo, a salué cet accord.")
    parties = extract(text, source="x").record["parties"]
    assert [(p["name"], p["kind"], p["country"], p["lat"], p.get("geonames")) for p in parties] == [
        ("Commune IV du district de Bamako", "commune", "ML", None, None), ("Kayes", "ville", "ML", 14.4478, "2455518")]
    text = "Le 5 juin 2019, le 3e arrondissement de Lyon et la ville de Kayes ont signé une convention de partenariat."
    parties = extract(text, source="x").record["parties"]
    assert [(p["name"], p["kind"], p["country"], p["lat"]) for p in parties][0] == (
        "3e arrondissement de Lyon", "arrondissement", "FR", None)


def test_a_place_unknown_itself_named_after_its_city_is_in_that_citys_country():
    text = ("Le 5 juin 2019, la commune de Sicap-Liberté de Dakar et la ville de Kayes ont signé une convention "
            "de partenariat dans le domaine de la santé.")
    parties = extract(text, source="x").record["parties"]
    assert [(p["name"], p["country"], p["lat"]) for p in parties][0] == ("Sicap-Liberté de Dakar", "SN", None)


def test_a_signing_year_worked_out_from_an_anniversary():
    """'le dixième anniversaire du jumelage' in 2011: signed in 2001, inferred, the sentence quoted;
    numbers in words or digits; no year worked out when the anniversary is the occasion of a
    new signing."""
    text = ("Cantley, août 2011. L'année 2011 marque le dixième anniversaire du jumelage entre les "
            "municipalités de Cantley et d'Ornans.")
    record = extract(text, source="x").record
    assert (record["signed_on"], record["signed_on_inferred"]) == ("2001", True)
    assert record["signed_on_note"] == (
        "Worked out from « L'année 2011 marque le dixième anniversaire du jumelage entre les municipalités de "
        "Cantley et d'Ornans. »: 10 years in 2011 (the year its sentence names), so 2011 − 10.")
    text = "Pau, le 3 juin 2019 – La Ville de Pau et la Ville de Gaspé fêtent leurs 20 ans de jumelage."
    assert extract(text, source="x").record["signed_on"] == "1999"
    text = ("Rennes, le 12 mai 2024 – À l'occasion du 25e anniversaire du jumelage, la Ville de Rennes et la "
            "Ville de Sherbrooke ont signé une nouvelle convention de coopération.")
    assert extract(text, source="x").record["signed_on"] != "1999"


def test_intercultural_exchanges_are_culture():
    from twinning_cli.extract.domains import domains

    text = "La convention met l'accent sur les échanges interculturels et la jeunesse."
    assert domains(text, [text])[0] == ["culture", "youth-education"]


def test_a_partner_named_after_avec_and_a_country_said_after_it():
    """'une charte de jumelage avec Zeppolo, en Italie': Zeppolo, unknown to the gazetteer, is the
    partner, in Italy; Italy named there does not draw Pau to its Sardinian namesake."""
    text = "Le 5 juin 2019, la commune de Pau a signé une charte de jumelage avec Zeppolo, en Italie."
    assert [(p["name"], p["country"]) for p in extract(text, source="x").record["parties"]] == [
        ("Pau", "FR"), ("Zeppolo", "IT")]


@pytest.mark.parametrize("phrase,country", [("la ville italienne de Zeppolo", "IT"),
                                            ("la commune allemande de Kleinstadtheim", "DE"),
                                            ("la ville sénégalaise de Ndiaffate", "SN")])
def test_an_adjective_of_nationality_gives_a_partner_its_country(phrase, country):
    """Towns the gazetteer does not know, named with an adjective of nationality."""
    text = f"Le 5 juin 2019, la ville de Pau et {phrase} ont signé une charte de jumelage."
    assert [p["country"] for p in extract(text, source="x").record["parties"]] == ["FR", country]
