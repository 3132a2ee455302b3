"""Each seed record's key facts, checked against its source text in ../shared/seeds/.

The texts are other people's words and stay outside the repository; these
tests skip where that folder is absent.
"""

import datetime
import json
import unicodedata

import pytest

from twinning_cli.store import seed_path

SEED = {r["slug"]: r for r in json.loads(seed_path().read_text(encoding="utf-8"))}

# slug -> (phrases that must stand in the source text, facts the record must hold)
EVIDENCE = {
    "perpignan-laurentides": (
        ["Mont-Blanc, le 2 novembre 2023", "Vendredi dernier", "signature de convention de partenariat",
         "Cap Sud 66", "MRC des Laurentides", "Perpignan Méditerranée Métropole",
         "coopération économique", "tourisme durable", "coopération sociale", "échanges culturels"],
        {"kind": "partnership-agreement", "status": "signed", "signed_on": "2023-10-27",
         "signed_on_inferred": True, "domains": {"economy", "tourism", "social", "culture"}},
    ),
    "nantes-quebec": (
        ["Déclaration commune 2024-2025", "ont signé", "du 24 au 31 mai 2024", "Nantes Métropole",
         "Ville de Québec", "culture, de la francophonie et du développement économique"],
        {"kind": "joint-declaration", "status": "signed", "signed_on": "2024-05",
         "valid_from": "2024", "valid_until": "2025", "domains": {"culture", "francophonie", "economy"}},
    ),
    "rennes-quebec": (
        ["Mardi 9 avril 2024", "a signé un protocole de coopération", "Rennes Métropole",
         "Ville de Québec", "du 7 au 12 avril 2024", "enseignement supérieur et recherche",
         "culture du patrimoine", "développement économique"],
        {"kind": "cooperation-protocol", "status": "signed", "signed_on": "2024-04-09",
         "signed_on_inferred": False,
         "domains": {"economy", "higher-education-research", "culture", "heritage"}},
    ),
    "toulouse-portes-de-gascogne": (
        ["contrat de réciprocité", "sera proposé au vote", "29 juin prochain", "signé en janvier 2017",
         "Toulouse Métropole", "Pays des Portes de Gascogne", "agriculture", "touristique",
         "mobilités", "transition énergétique", "culturel"],
        {"kind": "reciprocity-contract", "status": "proposed", "signed_on": None,
         "domains": {"economy", "agriculture-food", "tourism", "culture", "mobility", "energy-transition"}},
    ),
    "pau-thetford-mines": (
        ["en vue d’établir un jumelage", "Ville de Thetford Mines", "Ville de Pau", "du 12 au 15 septembre",
         "FFQCD", "transition énergétique", "les mines et le sous-sol", "coopérations à visée économique"],
        {"kind": "twinning", "status": "exploratory", "signed_on": None,
         "domains": {"economy", "energy-transition", "mining"}},
    ),
}
COUNTRIES = {"Perpignan Méditerranée Métropole": "FR", "MRC des Laurentides": "CA", "Nantes Métropole": "FR",
             "Ville de Québec": "CA", "Rennes Métropole": "FR", "Toulouse Métropole": "FR",
             "Pays des Portes de Gascogne": "FR", "Ville de Pau": "FR", "Ville de Thetford Mines": "CA"}


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def source_text(seed_texts, record) -> str:
    return norm((seed_texts / record["sources"][0]["file"]).read_text(encoding="utf-8"))


def test_every_seed_text_has_a_record(seed_texts):
    used = {s["file"] for r in SEED.values() for s in r["sources"]}
    assert used == {p.name for p in seed_texts.glob("*.txt")}


@pytest.mark.parametrize("slug", sorted(EVIDENCE))
def test_record_facts_stand_in_its_source(seed_texts, slug):
    record = SEED[slug]
    text = source_text(seed_texts, record)
    phrases, facts = EVIDENCE[slug]
    for phrase in phrases:
        assert norm(phrase) in text, phrase
    for field, value in facts.items():
        got = set(record[field]) if isinstance(value, set) else record[field]
        assert got == value, field
    for party in record["parties"]:
        assert party["country"] == COUNTRIES[party["name"]]
        assert norm(party["name"]).lower() in text.lower()


@pytest.mark.parametrize("slug", sorted(EVIDENCE))
def test_people_and_stakeholders_are_named_in_the_text(seed_texts, slug):
    record = SEED[slug]
    text = source_text(seed_texts, record).lower()
    for person in record["people"]:
        assert person["name"].lower() in text, person["name"]
    for stakeholder in record["stakeholders"]:
        first_word = stakeholder["name"].split()[0].lower()
        assert first_word in text, stakeholder["name"]


def test_vendredi_dernier_is_the_friday_before_the_dateline():
    dateline = datetime.date(2023, 11, 2)
    signed = datetime.date.fromisoformat(SEED["perpignan-laurentides"]["signed_on"])
    assert signed.weekday() == 4 and 0 < (dateline - signed).days <= 7
    assert "Vendredi dernier" in SEED["perpignan-laurentides"]["signed_on_note"]


def test_mardi_9_avril_2024_is_a_tuesday():
    assert datetime.date.fromisoformat(SEED["rennes-quebec"]["signed_on"]).weekday() == 1


def test_inferred_dates_carry_a_note():
    for record in SEED.values():
        assert not record["signed_on_inferred"] or record["signed_on_note"]
        for event in record["events"]:
            assert not event["date_inferred"] or event["date_note"]


def test_pau_mission_year_comes_from_the_summit_fact():
    mission = SEED["pau-thetford-mines"]["events"][0]
    assert (mission["date"], mission["end"], mission["date_inferred"]) == ("2022-09-12", "2022-09-15", True)
    assert "2022" in mission["date_note"] and "issue #2" in mission["date_note"]
