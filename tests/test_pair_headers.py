"""import --pairs: the header lines strangers give their lists (pair_headers.py)."""

import json

import pytest
from dbcheck import rows

from twinning_cli.pair_headers import find_headers, pair_mapping, unique_headers

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize("header, expected", [
    ("city_a,country_a,city_b,country_b", ("city_a", "country_a", "city_b", "country_b")),
    ("City A,Country A,City B,Country B", ("City A", "Country A", "City B", "Country B")),
    ("name1,country1,name2,country2", ("name1", "country1", "name2", "country2")),
    ("Town,Country,Twin,Twin country", ("Town", "Country", "Twin", "Twin country")),
    ("town,country,twin town,country", ("town", "country", "twin town", "country (2)")),
    ("City,Country,City,Country", ("City", "Country", "City (2)", "Country (2)")),
    ("Stadt,Land,Partnerstadt,Partnerland", ("Stadt", "Land", "Partnerstadt", "Partnerland")),
    ("Ciudad,País,Ciudad hermana,País hermana", ("Ciudad", "País", "Ciudad hermana", "País hermana")),
    ("Ville,Pays,Jumelée avec,Pays jumelé", ("Ville", "Pays", "Jumelée avec", "Pays jumelé")),
    ("Commune,Pays,Communes jumelées,Pays", ("Commune", "Pays", "Communes jumelées", "Pays (2)")),
    ("Town,Country,Partner cities,Partner country", ("Town", "Country", "Partner cities", "Partner country")),
    # a header beginning with a town word: before, 'missing columns: city1'
    ("Town name,Country,Twin town,Twin country", ("Town name", "Country", "Twin town", "Twin country")),
    ("Nom du maire,Nom de la ville,Pays,Ville jumelle,Pays jumelle",
     ("Nom de la ville", "Pays", "Ville jumelle", "Pays jumelle")),
    ("Collectivité,Pays,Collectivité partenaire,Pays partenaire",
     ("Collectivité", "Pays", "Collectivité partenaire", "Pays partenaire")),
    ("Autorité locale,Pays,Autorité locale partenaire,Pays partenaire",
     ("Autorité locale", "Pays", "Autorité locale partenaire", "Pays partenaire")),
])
def test_the_two_towns_columns_in_other_words(header, expected):
    found = find_headers(unique_headers(header.split(",")), pair_mapping([]), header)
    assert tuple(found[key] for key in ("city1", "country1", "city2", "country2")) == expected


@pytest.mark.parametrize("header, year", [
    ("city1,country1,city2,country2,Date", "Date"),
    ("city1,country1,city2,country2,Since", "Since"),
    ("Ville,Pays,Ville jumelle,Pays jumelle,Année de jumelage", "Année de jumelage"),
    ("city1,country1,city2,country2,Year twinned", "Year twinned"),
    ("Stadt,Land,Partnerstadt,Partnerland,Partnerschaft seit", "Partnerschaft seit"),
    ("city1,country1,city2,country2,Last update", "year"),  # about the list, not the twinning: none
])
def test_the_years_column_in_other_words(header, year):
    found = find_headers(unique_headers(header.split(",")), pair_mapping([]), header)
    assert found["year"] == year


@pytest.mark.parametrize("header, countries", [
    # a French list of decentralized cooperation: the French side's country in its header, the one
    # 'Pays' column the partner's
    ("Collectivité française;Pays;Collectivité partenaire", ("FR", "Pays")),
    ("Collectivité territoriale française;Département;Pays partenaire;Autorité locale partenaire",
     ("FR", "Pays partenaire")),
    ("Municipalité québécoise;Ville partenaire;Pays partenaire", ("CA-QC", "Pays partenaire")),
    ("Ville (Allemagne);Ville partenaire;Pays", ("DE", "Pays")),
    ("Commune en France;Commune allemande partenaire", ("FR", "DE")),
    ("Ville;Pays;Ville partenaire;Pays partenaire", ("Pays", "Pays partenaire")),  # none given: as before
    ("Municipalité du Québec;Ville partenaire;Pays", ("CA-QC", "Pays")),
    ("Town/City;Twin town;Twin country", (None, "Twin country")),  # no country: in the town cell; "City" names no place
])
def test_a_country_the_header_gives_every_row(header, countries):
    found = find_headers(unique_headers(header.split(";")), pair_mapping([]), header)
    assert (found["country1"], found["country2"]) == countries
    assert [type(found[key]).__name__ for key in ("country1", "country2")] == [
        "Given" if value in ("FR", "DE", "CA-QC") else type(value).__name__ for value in countries]


def test_a_french_cooperation_list(run, tmp_path, seeded):
    """Its columns as the French lists of decentralized cooperation name them: before, 'missing
    columns: city1, city2', and with a town word alone, every French town refused for want of a
    country (the one 'Pays' read as its)."""
    (tmp_path / "cooperation.csv").write_text(
        "Collectivité française;Pays;Collectivité partenaire;Date de signature;Thématiques\n"
        "Rennes;Allemagne;Erlangen;1964;Culture, Éducation et jeunesse\n"
        "Région Bretagne;Sénégal;Région de Thiès;2001;Eau et assainissement / Coopération institutionnelle\n",
        encoding="utf-8")
    result = run("import", str(tmp_path / "cooperation.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert "cooperation.csv: 2 added, 0 updated" in result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE name IN ('Rennes', "
                        "'Erlangen', 'Région Bretagne', 'Région de Thiès') ORDER BY name") == [
        ("Erlangen", "ville", "DE", None), ("Rennes", "ville", "FR", "FR-BRE"),
        ("Région Bretagne", "région", "FR", "FR-BRE"), ("Région de Thiès", "région", "SN", "SN-TH")]
    rennes = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert (rennes["signed_on"], rennes["domains"], rennes["topics"]) == ("1964", ["culture", "youth-education"], [])
    thies = json.loads(run("show", "region-bretagne-region-de-thies", "-f", "json").stdout)
    assert (thies["domains"], thies["topics"]) == (["water"], ["Coopération institutionnelle"])
    assert "left out" not in result.stderr  # every column read


@pytest.mark.parametrize("header", ["Thématiques", "Domaines de coopération", "Domains", "Secteurs d'intervention"])
def test_the_domains_column_in_other_words(header):
    line = f"Ville,Pays,Ville jumelle,Pays jumelle,Année,{header}"
    found = find_headers(unique_headers(line.split(",")), pair_mapping([]), line)
    assert (found["year"], found["domains"]) == ("Année", header)


@pytest.mark.parametrize("cell, domains, topics", [
    ("Culture", ["culture"], []),
    ("culture; tourisme / santé", ["culture", "tourism", "health"], []),
    ("Eau et assainissement", ["water"], []),  # one domain's label, 'et' and all
    ("Tourisme et patrimoine", ["tourism", "heritage"], []),  # two
    ("Jeunesse et éducation", ["youth-education"], []),  # one domain, named twice
    ("Gouvernance locale, Économie", ["economy"], ["Gouvernance locale"]),  # kept as written
    ("Échanges scolaires - sport", ["sport"], ["Échanges scolaires"]),
])
def test_a_domains_cell(cell, domains, topics):
    from twinning_cli.pair_terms import domains_in_cell

    assert domains_in_cell(cell) == (domains, topics)


@pytest.mark.parametrize("header, kind", [
    ("Type", "Type"), ("Type de coopération", "Type de coopération"), ("Nature du lien", "Nature du lien"),
    ("Type de collectivité", "kind"),  # the territory's, not the agreement's: none
])
def test_the_kind_column_in_other_words(header, kind):
    line = f"Ville,Pays,Ville jumelle,Pays jumelle,{header}"
    assert find_headers(unique_headers(line.split(",")), pair_mapping([]), line)["kind"] == kind


@pytest.mark.parametrize("cell, kind", [
    ("Jumelage", "twinning"), ("twinning", "twinning"), ("Convention de jumelage", "twinning"),
    ("Pacte d'amitié", "twinning"), ("Städtepartnerschaft", "twinning"),
    ("Coopération décentralisée", "partnership-agreement"), ("Accord de coopération", "partnership-agreement"),
    ("Protocole d’accord", "cooperation-protocol"), ("Déclaration d'intention", "joint-declaration"),
    ("Contrat de réciprocité", "reciprocity-contract"), ("Échanges", None),
])
def test_a_type_cell(cell, kind):
    from twinning_cli.pair_terms import kind_in_cell

    assert kind_in_cell(cell) == kind


@pytest.mark.parametrize("cell, status", [
    ("En cours", "signed"), ("Actif", "signed"), ("Renouvelé en 2010", "signed"), ("signed", "signed"),
    ("Terminé", "ended"), ("Non renouvelé", "ended"), ("Ended in 2004", "ended"),
    ("En projet", "exploratory"), ("À signer", "proposed"),
    ("Inactif", None), ("En sommeil", None),
])
def test_a_status_cell(cell, status):
    from twinning_cli.pair_terms import status_in_cell

    assert status_in_cell(cell) == status


def test_a_list_with_a_status_column(run, tmp_path, seeded):
    (tmp_path / "status.csv").write_text(
        "Ville,Pays,Ville jumelle,Pays jumelle,Statut,État\n"
        "Rennes,France,Erlangen,Allemagne,Terminé,Bretagne\n"
        "Lyon,France,Montréal,Canada,En sommeil,Auvergne-Rhône-Alpes\n", encoding="utf-8")
    result = run("import", str(tmp_path / "status.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT slug, status FROM agreements WHERE slug IN ('rennes-erlangen', 'lyon-montreal') "
                        "ORDER BY slug") == [("lyon-montreal", "signed"), ("rennes-erlangen", "ended")]
    note = json.loads(run("show", "lyon-montreal", "-f", "json").stdout)["note"]
    assert "The list's status cell, 'En sommeil', names no status the register knows" in note
    assert rows(seeded, "SELECT subdivision FROM territories WHERE name = 'Rennes'") == [("FR-BRE",)]  # 'État': a region


def test_a_list_with_a_type_column(run, tmp_path, seeded):
    (tmp_path / "types.csv").write_text(
        "Collectivité française;Type de collectivité;Pays;Collectivité partenaire;Type de coopération\n"
        "Rennes;Commune;Allemagne;Erlangen;Jumelage\n"
        "Région Bretagne;Région;Sénégal;Région de Thiès;Coopération décentralisée\n"
        "Lyon;Commune;Canada;Montréal;Échanges\n", encoding="utf-8")
    result = run("import", str(tmp_path / "types.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT slug, kind, title FROM agreements WHERE slug IN ('rennes-erlangen', "
                        "'region-bretagne-region-de-thies', 'lyon-montreal') ORDER BY slug") == [
        ("lyon-montreal", "twinning", "Jumelage entre Lyon et Montréal"),
        ("region-bretagne-region-de-thies", "partnership-agreement",
         "Convention de partenariat entre Région Bretagne et Région de Thiès"),
        ("rennes-erlangen", "twinning", "Jumelage entre Rennes et Erlangen")]
    note = json.loads(run("show", "lyon-montreal", "-f", "json").stdout)["note"]
    assert "The list's type cell, 'Échanges', names no kind of agreement the register knows" in note
    assert "left out" not in result.stderr  # 'Type de collectivité': the parties' own types (below)
    assert rows(seeded, "SELECT name, kind, subdivision FROM territories WHERE name = 'Région Bretagne'") == [
        ("Région Bretagne", "région", "FR-BRE")]
    assert ("1 pair(s) have a type or status cell naming no kind or status of the register: kept as a twinning, "
            "or signed (the cell quoted in each record's note).") in result.stderr.splitlines()


@pytest.mark.parametrize("header, types", [
    ("Collectivité française;Type de collectivité;Pays;Collectivité partenaire;Type de l'autorité locale partenaire",
     ("Type de collectivité", "Type de l'autorité locale partenaire")),
    ("Ville;Catégorie de collectivité;Ville jumelle", ("Catégorie de collectivité", "type2")),
    ("Ville;Type;Ville jumelle", ("type1", "type2")),  # the agreement's kind, not a town's
])
def test_a_column_of_the_towns_types(header, types):
    found = find_headers(unique_headers(header.split(";")), pair_mapping([]), header)
    assert (found["type1"], found["type2"]) == types


def test_a_list_saying_what_each_territory_is(run, tmp_path, seeded):
    """A type column says what a party is: the list's word over the name's ('Bretagne', a
    commune of that name, stays a town, not the region), with its ISO 3166-2 code where a region
    has one; a type the register has no word for is kept as written ('EPCI')."""
    (tmp_path / "typed.csv").write_text(
        "Collectivité française;Type de collectivité;Pays;Collectivité partenaire;"
        "Type de l’autorité locale partenaire\n"
        "Ille-et-Vilaine;Département;Mali;Mopti;Région\n"
        "Bretagne;Commune;Allemagne;Kiel;Ville\n"
        "Communauté de communes du Val d’Ille;EPCI;Pologne;Swarzędz;Gmina\n", encoding="utf-8")
    result = run("import", str(tmp_path / "typed.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE country IN ('ML', 'DE', "
                        "'PL') OR name IN ('Ille-et-Vilaine', 'Bretagne', 'Communauté de communes du Val d’Ille')"
                        " ORDER BY name") == [
        ("Bretagne", "ville", "FR", None), ("Communauté de communes du Val d’Ille", "EPCI", "FR", None),
        ("Ille-et-Vilaine", "département", "FR", "FR-35"), ("Kiel", "ville", "DE", None),
        ("Mopti", "région", "ML", "ML-5"), ("Swarzędz", "Gmina", "PL", None)]
    assert "left out" not in result.stderr


def test_a_repeated_header_is_numbered_from_its_second_time():
    assert unique_headers(["Town", "Country", "Twin town", "Country", "", ""]) == [
        "Town", "Country", "Twin town", "Country (2)", "", ""]


def test_a_list_saying_country_twice_gives_each_town_its_own(run, tmp_path, seeded):
    """'Country' for the town's and the twin's: before, the second hid the first and every town
    took its twin's country (or the file was refused); the rejects file keeps the header as written."""
    (tmp_path / "twins.csv").write_text("Town,Country,Twin town,Country,Since\n"
                                        "Rennes,France,Erlangen,Germany,1964\n"
                                        "Lyon,France,Montréal,Canada,1979\n"
                                        "Brest,France,Narnia,Atlantis,1980\n", encoding="utf-8")
    result = run("import", str(tmp_path / "twins.csv"), "--pairs", "--skip-invalid",
                 "--rejects", str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, country FROM territories WHERE name IN ('Rennes', 'Erlangen', 'Lyon', "
                        "'Montréal') ORDER BY name") == [
        ("Erlangen", "DE"), ("Lyon", "FR"), ("Montréal", "CA"), ("Rennes", "FR")]
    assert json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)["signed_on"] == "1964"
    lines = (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Town,Country,Twin town,Country,Since,reason"
    assert lines[1].startswith("Brest,France,Narnia,Atlantis,1980,")


def test_a_german_list_with_its_years(run, tmp_path, seeded):
    (tmp_path / "partner.csv").write_text("Stadt;Land;Partnerstadt;Partnerland;Partnerschaft seit\n"
                                          "Erlangen;Deutschland;Rennes;Frankreich;1964\n", encoding="utf-8")
    result = run("import", str(tmp_path / "partner.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "erlangen-rennes", "-f", "json").stdout)
    assert [(p["name"], p["country"]) for p in shown["parties"]] == [("Erlangen", "DE"), ("Rennes", "FR")]
    assert shown["signed_on"] == "1964"


def test_the_header_again_where_files_were_joined_is_left_out(run, tmp_path, seeded):
    """`cat a.csv b.csv`: the second file's header is no pair (before: a pair of towns 'city1' and
    'city2' refused for its countries, and the whole file with it)."""
    (tmp_path / "joined.csv").write_text("city1,country1,city2,country2\nRennes,France,Erlangen,Germany\n"
                                         " city1 ,country1,city2,country2\nLyon,France,Montréal,Canada\n",
                                         encoding="utf-8")
    result = run("import", str(tmp_path / "joined.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert "1 row(s) repeat the header, as where files were joined (record 2): left out." in result.stderr
    assert rows(seeded, "SELECT slug FROM agreements WHERE slug IN ('rennes-erlangen', 'lyon-montreal', "
                        "'city1-city2') ORDER BY slug") == [("lyon-montreal",), ("rennes-erlangen",)]


def test_a_registers_csv_joined_with_its_header_again(run, tmp_path):
    exported = run("export", "-f", "csv").stdout
    header = exported.splitlines()[0]
    (tmp_path / "again.csv").write_text(exported + header + "\n", encoding="utf-8")
    run("init", "--empty", "--yes")
    result = run("import", str(tmp_path / "again.csv"))
    assert result.exit_code == 0, result.stderr
    assert "repeat the header" in result.stderr


@pytest.mark.parametrize("text, columns, slugs", [
    ("Rennes,France,Erlangen,Germany\nRennes,France,Exeter,England\n", "city1, country1, city2, country2",
     [("rennes-erlangen", None), ("rennes-exeter", None)]),
    ("Rennes;France;Erlangen;Allemagne;1964\n", "city1, country1, city2, country2, year", [("rennes-erlangen", "1964")]),
    ("Barrie,Canada,44.3711,-79.6769,Harrogate,\"England, United Kingdom\",53.9919,-1.5378\n",
     "city1, country1, lat1, lng1, city2, country2, lat2, lng2", [("barrie-harrogate", None)]),
])
def test_a_list_without_a_header_line(run, tmp_path, seeded, text, columns, slugs):
    """A list copied from a page, its first line a pair: read in the order the world list gives its
    columns, said on stderr (before: 'missing columns: city1, city2', nothing imported); the
    rejects file then has a header."""
    (tmp_path / "bare.csv").write_text(text, encoding="utf-8")
    result = run("import", str(tmp_path / "bare.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert f"The file has no header line: its columns read as {columns}." in result.stderr.splitlines()
    stored = dict(rows(seeded, "SELECT slug, signed_on FROM agreements"))
    assert [(slug, stored.get(slug, "absent")) for slug, _ in slugs] == slugs


def test_a_first_line_that_is_neither_header_nor_pair_is_still_refused(run, tmp_path):
    (tmp_path / "odd.csv").write_text("Rennes,Bretagne,Erlangen,Bavière\n", encoding="utf-8")
    result = run("import", str(tmp_path / "odd.csv"), "--pairs")
    assert (result.exit_code, result.stderr.startswith("Error: missing columns: city1")) == (1, True)


def test_a_town_with_no_country_but_its_region_takes_the_regions(run, tmp_path, seeded):
    """A list of one country's towns, its Province column and no country column for them: the
    country is the region's ('Quebec' CA-QC), said in the note; a region that is none is refused."""
    (tmp_path / "ca.csv").write_text("Municipality,Province,Sister city,Country of sister city\n"
                                     "Gatineau,Quebec,Angers,France\nSudbury,Ontario,Kokkola,Finland\n"
                                     "Springfield,Narnia,Rennes,France\n", encoding="utf-8")
    result = run("import", str(tmp_path / "ca.csv"), "--pairs", "--skip-invalid", "--rejects",
                 str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, country, subdivision FROM territories WHERE name IN ('Gatineau', 'Sudbury')"
                        " ORDER BY name") == [("Gatineau", "CA", "CA-QC"), ("Sudbury", "CA", "CA-ON")]
    note = json.loads(run("show", "gatineau-angers", "-f", "json").stdout)["note"]
    assert note.endswith("The list gives Gatineau no country: CA, that of its region 'Quebec'.")
    assert "Springfield,Narnia" in (tmp_path / "rejects.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("header", ["Commune;Jumelage;Pays;Date de signature", "Commune;Partenaire;Pays;Année",
                                    "Ville;Jumelée avec;Pays;Depuis", "City;Sister City;Country;Year"])
def test_a_towns_list_of_its_twins_with_one_country_column(run, tmp_path, seeded, header):
    """A town's own list of its twins: one country column, after the twin's, is the twin's; the
    town's country, the list's own, is unwritten: refused with a hint naming --map country1,
    which then gives it to every row (before: the column was the town's, the twin refused)."""
    (tmp_path / "own.csv").write_text(f"{header}\nRennes;Erlangen;Allemagne;1964\n", encoding="utf-8")
    refused = run("import", str(tmp_path / "own.csv"), "--pairs")
    assert refused.exit_code == 1
    assert "record 1 (rennes-erlangen): parties.0.country: no country given" in refused.stderr
    assert refused.stderr.splitlines()[-1] == ("Hint: the list has no country column for its first towns (a town's "
                                               "list of its twins?): give theirs with --map country1=France, a name "
                                               "or a code.")
    result = run("import", str(tmp_path / "own.csv"), "--pairs", "--map", "country1=France")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert [(p["name"], p["country"]) for p in shown["parties"]] == [("Rennes", "FR"), ("Erlangen", "DE")]
    assert shown["signed_on"] == "1964"


def test_a_country_given_by_map_for_every_row(run, tmp_path, seeded):
    """--map country1=Québec: the region's country and code for every row's town; a country column
    before the twin's stays the town's ('Town,Country,Twin town')."""
    (tmp_path / "qc.csv").write_text("Municipalité;Ville jumelle;Pays\nLévis;Vannes;France\n", encoding="utf-8")
    assert run("import", str(tmp_path / "qc.csv"), "--pairs", "--map", "country1=Québec").exit_code == 0
    assert rows(seeded, "SELECT name, country, subdivision FROM territories WHERE name IN ('Lévis', 'Vannes') "
                        "ORDER BY name") == [("Lévis", "CA", "CA-QC"), ("Vannes", "FR", "FR-BRE")]
    (tmp_path / "t.csv").write_text("Town,Country,Twin town\nRennes,France,\"Erlangen, Germany\"\n", encoding="utf-8")
    result = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert ("Rennes", "FR") in rows(seeded, "SELECT name, country FROM territories")
    bad = run("import", str(tmp_path / "qc.csv"), "--pairs", "--map", "country1=Narnia")
    assert (bad.exit_code, "missing columns: country1 (header 'Narnia')" in bad.stderr) == (1, True)


def test_a_list_of_decentralized_cooperation_with_its_dates_title_and_description(run, tmp_path, seeded):
    """'Date de début' and 'Date de fin' are when the agreement runs (valid_from, valid_until; the
    register files it under its start), 'Intitulé du projet' its title, 'Description' its summary;
    a header only beginning so is none of them ('Financement' is no end)."""
    (tmp_path / "atlas.csv").write_text(
        "Collectivité française;Pays partenaire;Autorité locale partenaire;Date de début;Date de fin;"
        "Intitulé du projet;Description;Financement\n"
        "Région Bretagne;Sénégal;Thiès;2008;2015;Appui au développement rural;Formation agricole;MEAE\n"
        "Rennes;Allemagne;Erlangen;vers 1964;;;;\n", encoding="utf-8")
    result = run("import", str(tmp_path / "atlas.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert "left out: 'Financement'" in result.stderr
    shown = json.loads(run("show", "region-bretagne-thies", "-f", "json").stdout)
    assert {key: shown[key] for key in ("title", "summary", "signed_on", "valid_from", "valid_until")} == {
        "title": "Appui au développement rural", "summary": "Formation agricole", "signed_on": None,
        "valid_from": "2008", "valid_until": "2015"}
    assert run("list", "--year", "2008", "-f", "csv", "--fields", "slug").stdout == "slug\nregion-bretagne-thies\n"
    rennes = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert (rennes["title"], rennes["valid_from"]) == ("Jumelage entre Rennes et Erlangen", None)
    assert rennes["note"].endswith("The list's start date cell, 'vers 1964', is not a date: no date recorded.")


@pytest.mark.parametrize("header", [
    "Gemeente;Land;Partnerstad;Land partnerstad;Sinds",  # Dutch
    "Miasto;Kraj;Miasto partnerskie;Kraj;Od roku",  # Polish
    "Cidade;País;Cidade irmã;País;Ano",  # Portuguese
    "Město;Země;Partnerské město;Země;Rok",  # Czech
    "Város;Ország;Testvérváros;Ország;Év",  # Hungarian
    "Şehir;Ülke;Kardeş şehir;Ülke;Yıl",  # Turkish
    "Grad;Država;Grad pobratim;Država;Godina",  # Croatian
    "Kommune;Land;Venskabsby;Land;Siden",  # Danish
    "Kommun;Land;Vänort;Land;Sedan",  # Swedish
])
def test_headers_in_the_languages_of_the_world_list(run, tmp_path, seeded, header):
    """The languages the world list's towns write their lists in: before, 'missing columns: city1, city2'."""
    (tmp_path / "l.csv").write_text(f"{header}\nRennes;France;Erlangen;Allemagne;1964\n", encoding="utf-8")
    result = run("import", str(tmp_path / "l.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert ([(p["name"], p["country"]) for p in shown["parties"]], shown["signed_on"]) == (
        [("Rennes", "FR"), ("Erlangen", "DE")], "1964")


@pytest.mark.parametrize("name, text", [
    ("pairs.json", '[{"city1": "Rennes", "country1": "France", "lat1": 48.11, "lng1": -1.68, "city2": "Erlangen", '
                   '"country2": "Germany", "year": 1964}, {"city1": "Lyon", "country1": "FR", "city2": "Montréal", '
                   '"country2": "Canada", "year": null}, 5]'),
    ("pairs.jsonl", '{"Ville": "Rennes", "Pays": "France", "Ville jumelle": "Erlangen", "Pays jumelle": "Allemagne", '
                    '"Année": 1964}\n{"Ville": "Lyon", "Pays": "France", "Ville jumelle": "Montréal", '
                    '"Pays jumelle": "Canada"}\n[5]\n'),
    # a table: arrays, the first its header, or already a pair
    ("table.json", '[["Ville", "Pays", "Ville jumelle", "Pays jumelle", "Année"], ["Rennes", "France", "Erlangen", '
                   '"Allemagne", 1964], ["Lyon", "France", "Montréal", "Canada", null], 5]'),
    ("bare.json", '[["Rennes", "France", "Erlangen", "Germany", 1964], ["Lyon", "France", "Montréal", "Canada", null], '
                  '{"a": 1}]'),
])
def test_a_list_of_pairs_as_json_objects(run, tmp_path, seeded, name, text):
    """Pairs as JSON objects, an array or a line each, read as rows of their keys' cells (the first
    object's keys the header, found as a CSV header is), or as a table's rows; what is neither is
    refused, with its reason in the rejects (before: '--pairs reads CSV (or TSV) files')."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("import", str(tmp_path / name), "--pairs", "--skip-invalid", "--rejects", str(tmp_path / f"r-{name}"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(f"Imported {tmp_path / name}: 2 added, 0 updated, 0 unchanged, 1 rejected.\n")
    stored = dict(rows(seeded, "SELECT slug, signed_on FROM agreements"))
    assert (stored["rennes-erlangen"], stored["lyon-montreal"]) == ("1964", None)
    rejected = (tmp_path / f"r-{name}").read_text(encoding="utf-8")
    assert ("not a row of the table (an array)" if name in ("table.json", "bare.json") else "not a JSON object") \
        in rejected
