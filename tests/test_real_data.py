"""Real data, real names: country cells as people write them, territories that stay themselves,
naming one of several, --between, slugs, rejects that explain, views that read at any size."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from dbcheck import as_schema_8, scalar

from twinning_cli import db as dbmod
from twinning_cli.countries import label, resolve, where

SPELLINGS = [  # (as written, country, subdivision)
    ("Russia", "RU", None), ("Russian Federation", "RU", None), ("Russie", "RU", None), ("England", "GB", "GB-ENG"),
    ("England, United Kingdom", "GB", "GB-ENG"), ("Angleterre", "GB", "GB-ENG"), ("Turkey", "TR", None),
    ("Türkiye", "TR", None), ("Turquie", "TR", None), ("Republic of Ireland", "IE", None), ("Ireland", "IE", None),
    ("Irlande", "IE", None), ("Palestine", "PS", None), ("Scotland", "GB", "GB-SCT"), ("Scotland, UK", "GB", "GB-SCT"),
    ("Écosse", "GB", "GB-SCT"), ("Wales", "GB", "GB-WLS"), ("Pays de Galles", "GB", "GB-WLS"),
    ("Northern Ireland", "GB", "GB-NIR"), ("Georgia (country)", "GE", None), ("Géorgie", "GE", None),
    ("Cape Verde", "CV", None), ("Cap-Vert", "CV", None), ("Kosovo", "XK", None), ("Ivory Coast", "CI", None),
    ("Côte d'Ivoire", "CI", None), ("Côte d’Ivoire", "CI", None), ("Democratic Republic of the Congo", "CD", None),
    ("République démocratique du Congo", "CD", None), ("Republic of the Congo", "CG", None),
    ("Brandenburg, Germany", "DE", "DE-BB"), ("Ohio, United States", "US", "US-OH"), ("Bretagne, France", "FR", "FR-BRE"),
    ("Québec, Canada", "CA", "CA-QC"), ("Swaziland", "SZ", None), ("Eswatini", "SZ", None), ("Burma", "MM", None),
    ("Myanmar", "MM", None), ("Macedonia", "MK", None), ("North Macedonia", "MK", None), ("Czech Republic", "CZ", None),
    ("Czechia", "CZ", None), ("Tchéquie", "CZ", None), ("United States", "US", None), ("USA", "US", None),
    ("États-Unis", "US", None), ("United Kingdom", "GB", None), ("UK", "GB", None), ("Royaume-Uni", "GB", None),
    ("Germany", "DE", None), ("Allemagne", "DE", None), ("Deutschland", "DE", None), ("South Korea", "KR", None),
    ("Corée du Sud", "KR", None), ("Korea, Republic of", "KR", None), ("Taiwan", "TW", None), ("Taïwan", "TW", None),
    ("Iran", "IR", None), ("Vietnam", "VN", None), ("Viet Nam", "VN", None), ("Syria", "SY", None),
    ("Laos", "LA", None), ("Netherlands", "NL", None), ("The Netherlands", "NL", None), ("Pays-Bas", "NL", None),
    ("Belgique", "BE", None), ("Suisse", "CH", None), ("Maroc", "MA", None), ("Sénégal", "SN", None),
    ("Mali", "ML", None), ("España", "ES", None), ("Italia", "IT", None), ("Polska", "PL", None),
    ("FR", "FR", None), ("fra", "FR", None), ("CA-QC", "CA", "CA-QC"), ("Россия", "RU", None),
    # ISO's inverted names, read forward; the inverted form with 'The'; the region before a country in brackets
    ("Republic of Korea", "KR", None), ("Democratic People's Republic of Korea", "KP", None),
    ("State of Palestine", "PS", None), ("Islamic Republic of Iran", "IR", None), ("Netherlands, The", "NL", None),
    ("Gambia, The", "GM", None), ("Québec (Canada)", "CA", "CA-QC"), ("Holy See", "VA", None),
    ("DR Congo", "CD", None), ("Britain", "GB", None), ("France.", "FR", None), ("250", "FR", None),
    # a territory with a code of its own, written with its state, is that code, as when written alone;
    # a state or province named like a country stays one
    ("Hong Kong, China", "HK", None), ("Greenland (Denmark)", "GL", None), ("Puerto Rico, United States", "PR", None),
    ("Guadeloupe, France", "GP", None), ("Guadeloupe", "GP", None), ("Jersey (UK)", "JE", None),
    ("Macau", "MO", None), ("Georgia, United States", "US", "US-GA"), ("Granada, Spain", "ES", "ES-GR"),
    # hyphens, spaces, '&' and 'St' as people type them
    ("Etats Unis", "US", None), ("Guinea Bissau", "GW", None), ("St Lucia", "LC", None), ("Cote d Ivoire", "CI", None),
    ("Trinidad & Tobago", "TT", None), ("Timor Leste", "TL", None),
    # words lists shorten, in French and in English
    ("Rép. tchèque", "CZ", None), ("Rép. dém. du Congo", "CD", None), ("Féd. de Russie", "RU", None),
    ("Rép. populaire de Chine", "CN", None), ("Czech Rep.", "CZ", None), ("Dem. Rep. of the Congo", "CD", None),
    ("Central African Rep.", "CF", None),
    # abbreviations of the French press; an island standing for its two-island state
    ("É.-U.", "US", None), ("E.U.", "US", None), ("R.-U.", "GB", None), ("RDC", "CD", None), ("RCA", "CF", None),
    ("EAU", "AE", None), ("UAE", "AE", None), ("Grande-Bretagne", "GB", None), ("Trinidad", "TT", None),
    ("St Kitts", "KN", None), ("São Tomé", "ST", None),
    # French names French lists use, beside their English ones
    ("Guyane", "GF", None), ("Guyana", "GY", None), ("Polynésie", "PF", None), ("Macédoine", "MK", None),
    ("Hollande", "NL", None), ("Saint-Siège", "VA", None), ("France métropolitaine", "FR", None),
    ("Metropolitan France", "FR", None),
    # flag emoji pasted beside the name, or alone: the flag's letters are the code
    ("🇫🇷 France", "FR", None), ("Allemagne 🇩🇪", "DE", None), ("🇬🇧", "GB", None), ("🇽🇰", "XK", None),
    ("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F Scotland", "GB", "GB-SCT"),
    ("\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F", "GB", "GB-WLS"),
    # former countries ISO 3166-3 lists with the one state after them, in English and French
    ("Zaire", "CD", None), ("Zaïre", "CD", None), ("Republic of Zaire", "CD", None), ("Dahomey", "BJ", None),
    ("Upper Volta", "BF", None), ("Haute-Volta", "BF", None), ("German Democratic Republic", "DE", None),
    ("East Germany", "DE", None), ("RDA", "DE", None), ("Southern Rhodesia", "ZW", None), ("Byelorussia", "BY", None),
    ("New Hebrides", "VU", None),
    # an encyclopaedia's kind of place in brackets: its country is what is left
    ("Georgia (U.S. state)", "US", "US-GA"), ("Georgia (US state)", "US", "US-GA"),
    # a territory's own name beside ISO's, an older name, a part of the territory ISO names
    ("United States Virgin Islands", "VI", None), ("Kirghizia", "KG", None), ("West Bank", "PS", None),
    ("Gaza Strip", "PS", None),
    # an article before the name, as French and other languages write it; a name with its own whole
    ("la France", "FR", None), ("l'Allemagne", "DE", None), ("les Pays-Bas", "NL", None), ("Le Canada", "CA", None),
    ("la Côte d'Ivoire", "CI", None), ("die Niederlande", "NL", None), ("El Salvador", "SV", None),
    ("La Réunion", "RE", None), ("in Italy", "IT", None), ("aux États-Unis", "US", None),
    ("in the United States", "US", None),
    # the Federal Republic before 1990: the same state; French short names the press uses
    ("RFA", "DE", None), ("R.F.A.", "DE", None), ("Allemagne de l'Ouest", "DE", None), ("West Germany", "DE", None),
    ("Burkina", "BF", None), ("Centrafrique", "CF", None), ("Bosnie", "BA", None), ("Guinée-Conakry", "GN", None),
    ("RD Congo", "CD", None), ("Lao PDR", "LA", None), ("ABD", "US", None),
    # the names the languages of the world list give, through CLDR
    ("Niemcy", "DE", None), ("Duitsland", "DE", None), ("Németország", "DE", None), ("Almanya", "DE", None),
    ("Wielka Brytania", "GB", None), ("Spojené státy", "US", None),
]


@pytest.mark.parametrize("written,country,subdivision", SPELLINGS)
def test_country_as_people_write_it(written, country, subdivision):
    assert tuple(resolve(written)) == (country, subdivision)


@pytest.mark.parametrize("written", ["", "Narnia", "Frnace", "Atlantis", "Ohio, Narnia", "999", "Narnia, The", "Rép.",
                                     "Rep. of Narnia", "EU", "U.", "R.", "🇦🇦", "🇩🇪 Narnia", "la Narnia", "La Paz",
                                     "le", "l'"])
def test_what_names_no_country(written):
    assert resolve(written) is None


@pytest.mark.parametrize("written", ["USSR", "Soviet Union", "URSS", "Yugoslavia", "Yougoslavie", "Czechoslovakia",
                                     "Serbia and Montenegro", "Netherlands Antilles"])
def test_a_divided_former_country_is_no_country_and_says_so(run, tmp_path, written):
    """A country divided among several states names none of them; the reason says it is a former
    country (ISO 3166-3) and what to write, not that the name is unknown."""
    assert resolve(written) is None and where(written) is None
    (tmp_path / "p.csv").write_text(f"city1,country1,city2,country2\nSomewhere,{written},Lyon,France\n",
                                    encoding="utf-8")
    result = run("import", str(tmp_path / "p.csv"), "--pairs")
    assert result.exit_code == 1
    assert f"parties.0.country: '{written}' is a former country (ISO 3166-3 " in result.stderr
    assert "divided among several: give today's country" in result.stderr


@pytest.mark.parametrize("written,country,subdivision", [
    ("Québec", "CA", "CA-QC"), ("Quebec", "CA", "CA-QC"), ("Bayern", "DE", "DE-BY"), ("Ontario", "CA", "CA-ON"),
    ("Provence Alpes Cote d Azur", "FR", "FR-PAC"), ("Île de France", "FR", "FR-IDF"), ("St. Gallen", "CH", "CH-SG"),
    ("France", "FR", None), ("Georgia", "GE", None), ("Georgia (state)", "US", "US-GA"),
    ("Québec (province)", "CA", "CA-QC"), ("Washington (state)", "US", "US-WA")])
def test_a_country_cell_naming_a_region_alone_is_that_region(written, country, subdivision):
    """Where a country is asked for (a cell, --country), a name that is no country but the one
    region of that name anywhere is that region, in its country; a country's name stays the
    country (Georgia), and a region's name several countries share is nothing (Limburg)."""
    assert tuple(where(written)) == (country, subdivision)
    assert where("Limburg") is None and resolve("Québec") is None  # resolve: countries alone (extract's context)
    assert where("City") is None  # ISO's 'Amānat al ‘Āşimah [city]' (YE-SA): a word in brackets, not a name


def test_quebec_as_a_country_cell_and_a_country_filter(run, tmp_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nRennes,France,Sherbrooke,Québec\n"
                                    "Lyon,France,Toronto,Ontario\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p.csv"), "--pairs").exit_code == 0
    sherbrooke = json.loads(run("show", "rennes-sherbrooke", "-f", "json").stdout)["parties"][1]
    assert (sherbrooke["country"], sherbrooke["subdivision"]) == ("CA", "CA-QC")
    listed = [r["slug"] for r in json.loads(run("list", "-c", "Québec", "-f", "json").stdout)]
    assert "rennes-sherbrooke" in listed and "lyon-toronto" not in listed


def test_labels_are_common_names():
    assert [label(c) for c in ("KR", "TW", "IR", "RU", "XK")] == ["South Korea", "Taiwan", "Iran", "Russia",
                                                                 "Kosovo"]
    assert label("DE", "fr") == "Allemagne"


def test_country_filter_takes_everyday_names(run, tmp_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nRennes,France,Moscou,Russia\n"
                                    "Brest,France,Plymouth,England\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p.csv"), "--pairs").exit_code == 0
    assert run("list", "-c", "Russia", "-f", "csv").stdout.splitlines()[1].startswith("rennes-moscou,")
    assert run("list", "-c", "RU", "-f", "csv").stdout == run("list", "-c", "Russie", "-f", "csv").stdout
    plymouth = json.loads(run("show", "brest-plymouth", "-f", "json").stdout)["parties"][1]
    assert (plymouth["country"], plymouth["subdivision"]) == ("GB", "GB-ENG")


def test_a_country_filter_that_names_a_nation_keeps_to_it(run, tmp_path):
    """`-c Scotland` is Scotland (GB-SCT and what lies in it), not the whole United Kingdom; `-c GB`
    is all of it; several values, countries and nations, are any of them."""
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nBrest,France,Plymouth,England\n"
                                    "Nantes,France,Cardiff,Wales\nRennes,France,Aberdeen,Scotland\n"
                                    "Lyon,France,Milan,Italy\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p.csv"), "--pairs").exit_code == 0

    def slugs(*args: str) -> set[str]:
        return {r["slug"] for r in json.loads(run("list", *args, "-f", "json").stdout)}

    assert slugs("-c", "Scotland") == {"rennes-aberdeen"}
    assert slugs("-c", "England") == slugs("-c", "GB-ENG") == {"brest-plymouth"}
    assert slugs("-c", "GB") == slugs("-c", "United Kingdom") == {"brest-plymouth", "nantes-cardiff",
                                                                  "rennes-aberdeen"}
    assert slugs("-c", "Wales", "-c", "Italy") == {"nantes-cardiff", "lyon-milan"}
    assert slugs("--between", "France", "Scotland") == slugs("--between", "FR", "GB")  # --between: countries


def pairs(run, tmp_path, text: str, *extra: str):
    (tmp_path / "p.csv").write_text("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n" + text, encoding="utf-8")
    return run("import", str(tmp_path / "p.csv"), "--pairs", *extra)


def territory_rows(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, country, lat FROM territories ORDER BY name, lat").fetchall()
    finally:
        conn.close()


def test_a_territory_is_itself(run, tmp_path, register_path):
    result = pairs(run, tmp_path,
                   "Limoges,France,45.83,1.26,Fürth,Germany,49.48,10.99\n"
                   "Bamberg,Germany,49.89,10.89,Furth,Germany,48.58,12.0\n"
                   "Lohne,Germany,52.67,8.23,Löhne,Germany,52.2,8.7\n"
                   "Berat,Albania,40.71,19.95,Bérat,France,43.38,1.18\n"
                   "Neustadt,Germany,49.35,8.14,Wien,Austria,48.2,16.37\n"
                   "Neustadt,Germany,50.73,11.75,Wien,Austria,48.2,16.37\n"
                   "FÜRTH,Germany,49.48,10.99,Erlangen,Germany,49.6,11.0\n")
    assert result.exit_code == 0, result.stderr
    rows = territory_rows(register_path)
    names = [r[0] for r in rows]
    assert {"Fürth", "Furth", "Lohne", "Löhne", "Berat", "Bérat"} <= set(names)
    assert names.count("Neustadt") == 2  # 200 km apart: two places
    assert names.count("Wien") == 1 and "FÜRTH" not in names  # same place, another case: one territory
    limoges = json.loads(run("territories", "show", "Fürth", "-f", "json").stdout)
    assert (limoges["lat"], limoges["partners"]) == (49.48, ["Erlangen", "Limoges"])
    assert result.stderr.endswith("7 added, 0 updated, 0 unchanged.\n")  # both Neustadt–Wien pairs kept


def test_old_register_is_migrated_and_doctor_names_what_was_merged(run, tmp_path, make_record):
    """A schema-4 register, whose territories were keyed by their accent-folded name: Fürth and
    Furth were one. The migration keeps every record and tells the two towns apart again."""
    path = tmp_path / "old.db"
    records = []
    for slug, name, lat in (("limoges-furth", "Fürth", 49.48), ("bamberg-furth", "Furth", 48.58)):
        record = make_record(slug=slug, title=f"Jumelage {name}", kind="twinning")
        record["parties"] = [{"name": slug.split("-")[0].title(), "kind": "ville", "country": "FR"},
                             {"name": name, "kind": "ville", "country": "DE", "lat": lat, "lng": 11.0}]
        records.append(record)
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE agreements (slug TEXT PRIMARY KEY, title TEXT, record TEXT);"
        "CREATE TABLE territories (id INTEGER PRIMARY KEY, name TEXT, name_folded TEXT, kind TEXT, country TEXT,"
        " subdivision TEXT, lat FLOAT, lng FLOAT, UNIQUE (name_folded, country));"
        "INSERT INTO territories (name, name_folded, kind, country, lat, lng) VALUES"
        " ('Fürth', 'furth', 'ville', 'DE', 49.48, 11.0);"
        "PRAGMA user_version = 4;")
    conn.executemany("INSERT INTO agreements VALUES (?, ?, ?)", [(r["slug"], r["title"], json.dumps(r))
                                                                 for r in records])
    conn.commit()
    conn.close()
    result = run("list", "--db", str(path), "-f", "csv")
    assert result.stderr == f"Migrated the register at {path} from schema version 4 to {dbmod.SCHEMA_VERSION}.\n"
    assert len(result.stdout.splitlines()) == 3
    assert scalar(path, "SELECT count(*) FROM territories WHERE country = 'DE'") == 2
    doctor = run("doctor", "--db", str(path))
    assert doctor.exit_code == 0
    assert doctor.stderr.splitlines()[0] == ("Note: kept apart: Fürth / Furth (DE) were one territory before "
                                             "schema 5, whose key dropped accents; each agreement now names its own")


def test_naming_one_of_several(run, tmp_path):
    pairs(run, tmp_path, "Paris,France,48.86,2.35,Rome,Italy,41.9,12.5\n"
                         "Paris,United States,33.66,-95.56,Rome,United States,34.26,-85.16\n"
                         "Córdoba,Spain,37.89,-4.78,Córdoba,Argentina,-31.42,-64.18\n")
    result = run("territories", "show", "Paris")
    assert (result.exit_code, result.stderr) == (1, "Error: 'Paris' is ambiguous: it matches 2 territories; type "
                                                     "one of: Paris, FR [ville, FR-IDF]; Paris, US [ville, US-TX]\n")
    for typed, country in (("Paris, FR", "FR"), ("Paris (France)", "FR"), ("Paris, US", "US"),
                           ("paris (États-Unis)", "US"), ("Córdoba, ES", "ES"), ("cordoba, AR", "AR")):
        shown = json.loads(run("territories", "show", typed, "-f", "json").stdout)
        assert shown["country"] == country, typed
    assert json.loads(run("show", "Paris, US", "-f", "json").stdout)["slug"].startswith("paris-rome")
    near = json.loads(run("network", "--from", "Rome, IT").stdout)
    assert {n["name"] for n in near["nodes"]} == {"Paris", "Rome"} and len(near["nodes"]) == 2
    listed = {typed: [r["slug"] for r in json.loads(run("list", "-t", typed, "-f", "json").stdout)]
              for typed in ("Paris", "Paris, FR", "Paris (États-Unis)", "Rome, US", "cordoba (Espagne)", "Paris, JP")}
    assert listed == {"Paris": ["paris-rome", "paris-rome-us-us"], "Paris, FR": ["paris-rome"],
                      "Paris (États-Unis)": ["paris-rome-us-us"], "Rome, US": ["paris-rome-us-us"],
                      "cordoba (Espagne)": ["cordoba-cordoba"], "Paris, JP": []}


def test_quebec_names_the_city_unless_a_province_is_a_party_too(run, seeded, make_record):
    shown = json.loads(run("territories", "show", "Québec", "-f", "json").stdout)
    assert shown["name"] == "Ville de Québec"  # the place in its name; no province is a party
    record = make_record(slug="bretagne-quebec", title="Feuille de route Bretagne–Québec", kind="roadmap")
    record["parties"] = [{"name": "Région Bretagne", "kind": "région", "country": "FR"},
                         {"name": "Québec", "kind": "province", "country": "CA", "subdivision": "CA-QC"}]
    assert run("import", "-", input=json.dumps([record])).exit_code == 0
    result = run("territories", "show", "Québec")
    assert result.stderr == ("Error: 'Québec' is ambiguous: it matches 2 territories (territories of different kinds "
                             "share this name); type one of: Québec (province) [province, CA-QC]; Ville de Québec "
                             "[ville, CA-QC]\n")  # each in a form that names it alone: 'Québec' would not
    assert json.loads(run("territories", "show", "Québec (ville)", "-f", "json").stdout)["name"] == "Ville de Québec"
    assert json.loads(run("territories", "show", "Québec (province)", "-f", "json").stdout)["kind"] == "province"


def test_between_two_countries(run, seeded, tmp_path):
    pairs(run, tmp_path, "Lyon,France,45.76,4.84,Montréal,Canada,45.5,-73.57\n"
                         "Lyon,France,45.76,4.84,Francfort,Allemagne,50.11,8.68\n"
                         "Lyon,France,45.76,4.84,Marseille,France,43.3,5.37\n")
    slugs = [r["slug"] for r in csv.DictReader(io.StringIO(run("list", "--between", "France", "Canada").stdout))]
    assert slugs == ["nantes-quebec", "rennes-quebec", "perpignan-laurentides", "pau-thetford-mines",
                     "lyon-montreal"]
    reverse = run("list", "--between", "CA", "FR").stdout
    assert reverse == run("list", "--between", "France", "Canada").stdout
    within = [r["slug"] for r in csv.DictReader(io.StringIO(run("list", "--between", "FR", "FR").stdout))]
    assert within == ["toulouse-portes-de-gascogne", "lyon-marseille"]
    counted = list(csv.DictReader(io.StringIO(run("stats", "--by", "kind", "--between", "FR", "DE").stdout)))
    assert [(r["value"], r["agreements"]) for r in counted] == [("twinning", "1")]
    assert run("list", "--between", "France", "Narnia").exit_code == 2


@pytest.mark.parametrize("pair,slug", [
    ("Wrocław,Poland,,,Gyumri,Armenia", "wroclaw-gyumri"), ("Gyumri,Armenia,,,Białystok,Poland", "gyumri-bialystok"),
    ("Baoding,China,,,Sønderborg,Denmark", "baoding-sonderborg"), ("Eskişehir,Turkey,,,Gießen,Germany",
                                                                   "eskisehir-giessen"),
])
def test_slugs_keep_every_letter(run, tmp_path, pair, slug):
    result = pairs(run, tmp_path, pair + "\n")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", slug, "-f", "json").stdout)["slug"] == slug


def test_existing_slugs_never_change(run, seeded):
    before = run("list", "-f", "csv", "--sort", "slug").stdout
    run("doctor")
    assert run("list", "-f", "csv", "--sort", "slug").stdout == before


def test_rejects_explain_in_the_inputs_own_format(run, tmp_path):
    rejects = tmp_path / "rejects.csv"
    result = pairs(run, tmp_path, "Rennes,France,,,Erlangen,Germany\n"
                                  "Brest,Frnace,,,Denver,USA\n"
                                  "Nantes,,,,Seattle,USA\n"
                                  "Lyon,France,,,Lyon,France\n"
                                  "Erlangen,Allemagne,,,Rennes,FR\n", "--skip-invalid", "--rejects", str(rejects))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("1 added, 0 updated, 0 unchanged, 1 merged, 3 rejected.")
    assert lines[lines.index("Rejected records by reason:") + 1:][:3] == [
        "      1 × parties.country: … is not a country name or ISO 3166-1 alpha-2 code",
        "      1 × parties.country: no country given: a code or a name, or in a list of pairs with no country column, "
        "after the name of the town, as in …",
        "      1 × party … … is listed twice"]
    rows = list(csv.DictReader(rejects.open(encoding="utf-8")))
    assert [r["city1"] for r in rows] == ["Brest", "Nantes", "Lyon"]
    assert rows[0]["country1"] == "Frnace"
    assert rows[0]["reason"] == ("parties.0.country: 'Frnace' is not a country name or ISO 3166-1 alpha-2 code "
                                 "(did you mean France (FR)?)")  # the hint left out of the reason's count above


# --- views at scale ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """3,000 pairs from bench/pairs.py (the world list's shapes), imported through --pairs."""
    import sys
    from pathlib import Path

    from typer.testing import CliRunner

    from twinning_cli.cli import app

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import pairs as generator

    folder = tmp_path_factory.mktemp("world")
    with (folder / "pairs.csv").open("w", encoding="utf-8") as stream:
        made = generator.write(3000, stream)
    db = folder / "world.db"
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--empty", "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["import", str(folder / "pairs.csv"), "--pairs", "--skip-invalid", "--rejects",
                                 str(folder / "rejects.csv"), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    rejected = sum(1 for _ in (folder / "rejects.csv").open(encoding="utf-8")) - 1
    assert rejected == made["bad country"] + made["twinned with itself"]  # only the rows made bad
    return str(db)


@pytest.mark.parametrize("args,most", [
    (["list"], 25 * 4 + 6), (["territories"], 30), (["network"], 5 * 18 + 2), (["stats"], 60),
    (["territories", "show", "Paris, FR"], 60), (["network", "--from", "Paris, FR", "--depth", "2"], 60),
])
def test_terminal_views_read_at_80_columns(world, args, most):
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": "80", "TWINNING_DB": world}
    result = subprocess.run([sys.executable, "-m", "twinning_cli", *args, "--format", "table"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert 3 <= len(lines) <= most, len(lines)
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in result.stdout


def test_naming_a_region_after_a_territory(run, tmp_path):
    """'Paris, Texas', 'Vannes, Bretagne', 'Vannes (Morbihan)': a region's name or code after
    the name finds the territory recorded in it, in a region inside it or holding it."""
    (tmp_path / "p.csv").write_text('city1,country1,city2,country2\n"Paris, Texas",United States,Vannes,France\n'
                                    "Paris,France,Rome,Italy\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p.csv"), "--pairs").exit_code == 0
    for typed, country in (("Paris, Texas", "US"), ("Paris, US-TX", "US"), ("Paris, Île-de-France", "FR"),
                           ("Vannes (Morbihan)", "FR"), ("Vannes, Bretagne", "FR")):
        result = run("territories", "show", typed, "-f", "json")
        assert json.loads(result.stdout or "{}").get("country") == country, (typed, result.stderr)
    listed = {typed: [r["slug"] for r in json.loads(run("list", "-t", typed, "-f", "json").stdout)]
              for typed in ("Paris, Texas", "Vannes, Bretagne", "Vannes (Morbihan)", "Vannes, Normandie")}
    assert listed == {"Paris, Texas": ["paris-vannes"], "Vannes, Bretagne": ["paris-vannes"],
                      "Vannes (Morbihan)": ["paris-vannes"], "Vannes, Normandie": []}
    assert run("territories", "show", "Vannes, Normandie").stderr.startswith("Error: no territory matches")


def test_a_territory_of_its_own_named_with_its_state(run, tmp_path):
    """A place recorded with its own code ('Hong Kong, China' is HK) is found as it was written."""
    (tmp_path / "p.csv").write_text('city1,country1,city2,country2\nHong Kong,"Hong Kong, China",Lyon,France\n',
                                    encoding="utf-8")
    assert run("import", str(tmp_path / "p.csv"), "--pairs").exit_code == 0
    for typed in ("Hong Kong, China", "Hong Kong, HK", "Hong Kong (Hong Kong)"):
        result = run("territories", "show", typed, "-f", "json")
        assert json.loads(result.stdout or "{}").get("country") == "HK", (typed, result.stderr)
    assert [r["slug"] for r in json.loads(run("list", "-t", "Hong Kong, China", "-f", "json").stdout)] == [
        "hong-kong-lyon"]


def test_a_town_is_found_whatever_its_punctuation_or_saint(run, tmp_path):
    """Lists write 'St. Petersburg', 'Saint-Étienne', 'Sankt Augustin'; people type 'st etienne',
    'Saint Petersburg', 'St Augustin': a hyphen, a space or a full stop are one, and so are St,
    Ste, Sankt and Saint, Sainte, in list -t, territories show and show by a party's name."""
    pairs(run, tmp_path, "Saint-Étienne,France,45.43,4.39,Des Moines,United States,41.59,-93.62\n"
                         "St. Petersburg,Russia,59.94,30.31,Lyon,France,45.76,4.84\n"
                         "Sankt Augustin,Germany,50.77,7.19,Szentendre,Hungary,47.67,19.07\n"
                         "Ste-Foy,Canada,46.78,-71.29,Nantes,France,47.22,-1.55\n")
    for typed, slug in (("st etienne", "saint-etienne-des-moines"), ("Saint Etienne", "saint-etienne-des-moines"),
                        ("saint-étienne", "saint-etienne-des-moines"), ("Saint Petersburg", "st-petersburg-lyon"),
                        ("st petersburg", "st-petersburg-lyon"), ("St. Augustin", "sankt-augustin-szentendre"),
                        ("Sainte Foy", "ste-foy-nantes")):
        assert run("list", "-t", typed, "-f", "csv").stdout.splitlines()[1:] == [
            next(line for line in run("list", "-f", "csv").stdout.splitlines() if line.startswith(slug + ","))], typed
    assert json.loads(run("territories", "show", "St-Etienne", "-f", "json").stdout)["name"] == "Saint-Étienne"
    assert json.loads(run("show", "Saint Petersburg", "-f", "json").stdout)["slug"] == "st-petersburg-lyon"


def test_a_schema_6_register_finds_its_towns_by_the_new_form(run, tmp_path, seeded):
    """Schema 7 changed only how names are found: a register of schema 6 has its territories'
    name_folded made again, in place, and nothing else touched."""
    assert pairs(run, tmp_path, "St. Petersburg,Russia,59.94,30.31,Lyon,France,45.76,4.84\n").exit_code == 0
    path = seeded
    as_schema_8(path, 6)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE territories SET name_folded = lower(name)")  # as schema 6 wrote it: no 'saint' for 'St.'
    conn.commit()
    conn.close()
    before = scalar(path, "SELECT group_concat(slug || record, ';') FROM agreements")
    result = run("list", "--db", str(path), "-t", "saint petersburg", "-f", "csv")
    assert result.stderr == f"Migrated the register at {path} from schema version 6 to {dbmod.SCHEMA_VERSION}.\n"
    assert result.stdout.splitlines()[1:2] == ["st-petersburg-lyon,St. Petersburg; Lyon,twinning,signed,,"]
    assert scalar(path, "SELECT name_folded FROM territories WHERE name = 'St. Petersburg'") == "saint petersburg"
    assert scalar(path, "SELECT group_concat(slug || record, ';') FROM agreements") == before
    assert run("doctor", "--db", str(path)).exit_code == 0


def test_a_schema_7_register_files_an_unsigned_agreement_under_its_start(run, tmp_path, seeded):
    """Schema 8 files an agreement with no signature date under the start of its validity: a
    register of schema 7 has those rows' date and year made again, nothing else touched."""
    (tmp_path / "c.csv").write_text("Collectivité;Pays;Partenaire;Pays partenaire;Date de début\n"
                                    "Rennes;France;Erlangen;Allemagne;2008\n", encoding="utf-8")
    assert run("import", "--pairs", str(tmp_path / "c.csv")).exit_code == 0
    path = seeded
    assert scalar(path, "SELECT date || ' ' || year FROM agreements WHERE slug = 'rennes-erlangen'") == "2008 2008"
    as_schema_8(path, 7)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE agreements SET date = NULL, year = NULL WHERE slug = 'rennes-erlangen'")  # as 7 filed it
    conn.commit()
    conn.close()
    before = scalar(path, "SELECT group_concat(slug || record || coalesce(date, ''), ';') FROM agreements"
                          " WHERE slug != 'rennes-erlangen'")
    result = run("list", "--db", str(path), "--year", "2008", "-f", "csv", "--fields", "slug")
    assert result.stderr == f"Migrated the register at {path} from schema version 7 to {dbmod.SCHEMA_VERSION}.\n"
    assert result.stdout == "slug\nrennes-erlangen\n"
    assert scalar(path, "SELECT group_concat(slug || record || coalesce(date, ''), ';') FROM agreements"
                        " WHERE slug != 'rennes-erlangen'") == before
    assert run("doctor", "--db", str(path)).exit_code == 0


def test_the_name_files_are_keyed_as_names_are_looked_up():
    """countries.tsv's search keys and subdivisions.tsv are made by scripts/make_countries.py with
    vocabulary.search_key: each key is its own search key, so a change to that rule without
    running the script again fails here."""
    from twinning_cli import countries
    from twinning_cli.vocabulary import search_key

    keys = [*countries._loose_names(), *countries._all_subdivision_names(), *countries._other_subdivision_names()]
    assert len(keys) > 10_000
    assert [key for key in keys if search_key(key) != key] == []
    assert countries.subdivisions_named("Provence-Alpes-Côte d’Azur") == ["FR-PAC"]
