"""twinning import --pairs: CSV lists of twin towns."""

import json
import sqlite3

import pytest
from dbcheck import import_pairs, rows

pytestmark = pytest.mark.usefixtures("seeded")


def territories(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {(n, c): (lat, lng) for n, c, lat, lng in
                conn.execute("SELECT name, country, lat, lng FROM territories")}
    finally:
        conn.close()


def test_pairs_become_signed_twinnings(run, tmp_path, seeded):
    (tmp_path / "twins.csv").write_text(
        "city1,country1,city2,country2,lat1,lng1,lat2,lng2,year\n"
        "Rennes,France,Sendai,Japan,48.11,-1.68,38.27,140.87,1967\n"
        "Nantes,FR,Jacksonville,United States,,,,,\n", encoding="utf-8")
    result = run("import", str(tmp_path / "twins.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("2 added, 0 updated, 0 unchanged.\n")
    record = json.loads(run("show", "rennes-sendai", "-f", "json").stdout)
    assert record["kind"] == "twinning" and record["status"] == "signed"
    assert record["signed_on"] == "1967"
    assert [(p["name"], p["country"], p["lat"]) for p in record["parties"]] == [
        ("Rennes", "FR", 48.11), ("Sendai", "JP", 38.27)]
    assert record["sources"] == [{"file": "twins.csv", "publisher": None, "published_on": None,
                                  "dateline": None, "url": None, "note": None}]
    assert json.loads(run("show", "nantes-jacksonville", "-f", "json").stdout)["signed_on"] is None
    assert territories(seeded)[("Sendai", "JP")] == (38.27, 140.87)


def test_french_country_names_and_map(run, tmp_path):
    (tmp_path / "villes.csv").write_text(
        "Ville A;Pays A;Ville B;Pays B\n".replace(";", ",") +
        "Épinal,France,Schwäbisch Hall,Allemagne\n", encoding="utf-8")
    result = run("import", str(tmp_path / "villes.csv"), "--pairs", "--map", "city1=Ville A",
                 "--map", "country1=Pays A", "--map", "city2=Ville B", "--map", "country2=Pays B")
    assert result.exit_code == 0, result.stderr
    record = json.loads(run("show", "epinal-schwabisch-hall", "-f", "json").stdout)
    assert [p["country"] for p in record["parties"]] == ["FR", "DE"]


def test_a_french_spreadsheets_headers_and_decimal_commas(run, tmp_path, seeded):
    """What Excel in a French locale saves: ';' between cells, French headers with spaces and
    accents, coordinates with a decimal comma; found without --map, read as numbers."""
    result = import_pairs(
        run, tmp_path,
        "Ville 1;Pays 1;Latitude 1;Longitude 1;Ville 2;Pays 2;Latitude 2;Longitude 2;Année\n"
        "Épinal;France;48,17;6,45;Schwäbisch Hall;Allemagne;49,11;9,74;1964\n")
    assert result.exit_code == 0, result.stderr
    record = json.loads(run("show", "epinal-schwabisch-hall", "-f", "json").stdout)
    assert [(p["name"], p["country"], p["lat"], p["lng"]) for p in record["parties"]] == [
        ("Épinal", "FR", 48.17, 6.45), ("Schwäbisch Hall", "DE", 49.11, 9.74)]
    assert record["signed_on"] == "1964"


def test_headers_in_any_case_or_spacing_and_mapped_ones_with_spaces(run, tmp_path):
    assert import_pairs(run, tmp_path, " CITY1 , COUNTRY1 ,Town_2,Country-2\nRennes,France,Erlangen,Germany\n",
                        name="upper.csv").exit_code == 0
    result = import_pairs(run, tmp_path, "from , in ,to,country2\nNantes,France,Cardiff,Wales\n",
                          "--map", "city1=from", "--map", "country1=in", "--map", "city2=to")
    assert result.exit_code == 0, result.stderr
    assert {r["slug"] for r in json.loads(run("list", "-c", "GB", "-c", "DE", "-f", "json").stdout)} == {
        "rennes-erlangen", "nantes-cardiff"}


def test_missing_columns_name_the_map_option(run, tmp_path):
    (tmp_path / "x.csv").write_text("a,b,c,d\n1,2,3,4\n")
    result = run("import", str(tmp_path / "x.csv"), "--pairs")
    assert result.exit_code == 1
    assert "missing columns: city1 (header 'city1')" in result.stderr
    assert "--map city1=HEADER" in result.stderr


def test_bad_map_is_usage_error(run, tmp_path):
    (tmp_path / "x.csv").write_text("a\n")
    result = run("import", str(tmp_path / "x.csv"), "--pairs", "--map", "town=a")
    assert result.exit_code == 2


def test_reversed_pair_is_the_same_pair_and_territories_are_shared(run, tmp_path, seeded):
    (tmp_path / "t.csv").write_text(
        "city1,country1,city2,country2\n"
        "Rennes,FR,Sendai,JP\n"
        "Sendai,Japon,Rennes,France\n"
        "Rennes,FR,Erlangen,DE\n", encoding="utf-8")
    result = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert result.stderr.endswith("2 added, 0 updated, 0 unchanged, 1 merged.\n"), result.stderr
    assert list(territories(seeded)).count(("Rennes", "FR")) == 1
    again = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert again.stderr.endswith("0 added, 0 updated, 2 unchanged, 1 merged.\n"), again.stderr


def test_two_towns_of_the_same_name(run, tmp_path):
    (tmp_path / "t.csv").write_text(
        "city1,country1,city2,country2\n"
        "Paris,FR,Rome,IT\n"
        "Paris,US,Rome,US\n", encoding="utf-8")
    result = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "paris-rome", "-f", "json").stdout)["parties"][0]["country"] == "FR"
    assert json.loads(run("show", "paris-rome-us-us", "-f", "json").stdout)["parties"][0]["country"] == "US"
    # imported again: both as they were (before: the second reported 'merged', as a pair the file gives twice)
    again = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert again.stderr.endswith("0 added, 0 updated, 2 unchanged.\n"), again.stderr


def test_a_load_into_the_seeded_register_keeps_its_counts(run, tmp_path, seeded):
    """A load into a register as small as the seed makes its indexes and counts at the end, as
    into an empty one: the counts of the whole register, the seed's with the file's."""
    import sqlite3

    (tmp_path / "t.csv").write_text("city1,country1,city2,country2\n"
                                    "Rennes Métropole,France,Erlangen,Germany\n"  # a seed party: 2 agreements
                                    "Lyon,France,Montréal,Canada\n", encoding="utf-8")
    result = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    conn = sqlite3.connect(seeded)
    assert conn.execute("SELECT agreements FROM territories WHERE name = 'Rennes Métropole'").fetchone() == (2,)
    assert conn.execute("SELECT agreements FROM territories WHERE name = 'Ville de Québec'").fetchone() == (2,)
    assert conn.execute("SELECT agreements FROM domain_counts WHERE domain = 'culture'").fetchone() == (4,)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_agreements_kind", "idx_territories_country", "idx_agreement_domains_domain"} <= names
    assert run("doctor").exit_code == 0


def test_unknown_country_is_a_named_error(run, tmp_path):
    (tmp_path / "t.csv").write_text("city1,country1,city2,country2\nA,Atlantis,B,FR\n")
    result = run("import", str(tmp_path / "t.csv"), "--pairs")
    assert result.exit_code == 1
    assert "record 1 (a-b): parties.0.country: 'Atlantis' is not a country name or ISO 3166-1 alpha-2 code" in result.stderr


def test_citation_marks_copied_from_wikipedia_are_left_out(run, tmp_path):
    result = import_pairs(
        run, tmp_path,
        "city1,country1,city2,country2,year\n"
        "Rennes[1],France,Sendai [a][2],Japan[note 3],1967[4]\n")
    assert result.exit_code == 0, result.stderr
    record = json.loads(run("show", "rennes-sendai", "-f", "json").stdout)
    assert [(p["name"], p["country"]) for p in record["parties"]] == [("Rennes", "FR"), ("Sendai", "JP")]
    assert record["signed_on"] == "1967"


def test_footnote_marks_after_a_name_are_left_out(run, tmp_path):
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\nNantes*,France,Cardiff†,Wales\n")
    assert result.exit_code == 0, result.stderr
    record = json.loads(run("show", "nantes-cardiff", "-f", "json").stdout)
    assert [(p["name"], p["country"]) for p in record["parties"]] == [("Nantes", "FR"), ("Cardiff", "GB")]


def test_a_kind_of_place_in_brackets_after_a_name_is_not_part_of_it(run, tmp_path, seeded):
    """'Québec (ville)', 'Luxembourg (city)': the city of that name, the brackets said in the note,
    not a town named with them; a region in brackets still names the region ('Victoria (BC)' aside)."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Québec (ville),Canada,Bordeaux,France\n"
                                         "Luxembourg (city),Luxembourg,Metz,France\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, country, subdivision FROM territories WHERE name LIKE '%(%'") == []
    assert rows(seeded, "SELECT name, country FROM territories WHERE name = 'Luxembourg'") == [("Luxembourg", "LU")]
    # the city, not the province: the seed's 'Ville de Québec', which the register knows as Québec
    assert json.loads(run("show", "quebec-bordeaux", "-f", "json").stdout)["parties"][0]["name"] == "Québec"
    assert rows(seeded, "SELECT t.name, t.kind FROM agreement_parties ap JOIN territories t ON t.id = ap.territory_id"
                        " JOIN agreements a ON a.id = ap.agreement WHERE a.slug = 'quebec-bordeaux'"
                        " AND ap.position = 0") == [("Ville de Québec", "ville")]
    note = json.loads(run("show", "quebec-bordeaux", "-f", "json").stdout)["note"]
    assert note.endswith("The list's 'Québec (ville)' read as the town Québec.")


def test_a_year_in_brackets_after_a_twins_name_is_the_twinnings(run, tmp_path, seeded):
    """'Erlangen (1964)', 'Sendai (since 1967)', 'Kiel (seit 1964)': the town, and the year of the
    pair when no year cell gives one, said in the note; also in a list with no country column
    ('Erlangen, Germany (1964)'). A year the year cell contradicts is not read as the date; the
    note quotes it. A span ('1964–2004') is a twinning from its first year that ended in its last."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,year\n"
                                         "Rennes,France,Erlangen (1964),Germany,\n"
                                         "Rennes,France,Sendai (since 1967),Japan,\n"
                                         "Brest,France,Kiel (seit 1964),Germany,1965\n"
                                         "Nantes,France,Cardiff (1964–2004),Wales,\n")
    assert result.exit_code == 0, result.stderr
    names = dict(rows(seeded, "SELECT name, country FROM territories WHERE name IN ('Erlangen', 'Sendai', 'Kiel',"
                              " 'Cardiff')"))
    assert names == {"Erlangen": "DE", "Sendai": "JP", "Kiel": "DE", "Cardiff": "GB"}
    found = {r["slug"]: r for r in json.loads(run("export", "-f", "json", "-t", "Erlangen", "-t", "Sendai", "-t",
                                                  "Kiel", "-t", "Cardiff").stdout)}
    assert {slug: r.get("signed_on") for slug, r in found.items()} == {
        "rennes-erlangen": "1964", "rennes-sendai": "1967", "brest-kiel": "1965", "nantes-cardiff": "1964"}
    assert {slug: (r["status"], r["valid_until"]) for slug, r in found.items()} == {
        "rennes-erlangen": ("signed", None), "rennes-sendai": ("signed", None), "brest-kiel": ("signed", None),
        "nantes-cardiff": ("ended", "2004")}
    assert "The year 1967 read after a town's name in the list ('Sendai (since 1967)')." in found["rennes-sendai"]["note"]
    assert "The list's 'Kiel (seit 1964)': 1964 not read as the date of this twinning." in found["brest-kiel"]["note"]
    assert "The list's 'Cardiff (1964–2004)' read as a twinning from 1964 to 2004." in found["nantes-cardiff"]["note"]
    assert import_pairs(run, tmp_path, 'city1,city2\n"Lyon, France","Erlangen, Germany (1964)"\n',
                        name="towns.csv").exit_code == 0
    assert json.loads(run("show", "lyon-erlangen", "-f", "json").stdout)["signed_on"] == "1964"


def test_what_a_list_says_of_a_twinning_in_brackets_is_read_not_named(run, tmp_path, seeded):
    """Brackets after a twin's name saying when or how ('1964–present', 'twinned 1964', 'until
    2004', '1964; renewed 2004', 'formerly', 'suspended') are not part of the town's name: the
    year, the end or the status is read where it is one, and the cell quoted in the note. A ';'
    inside brackets does not split the cell into two twins; names GeoNames gives with brackets
    stay whole."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Rennes,France,Kiel (1964–present),Germany\n"
                                         "Brest,France,Kiel (twinned in 1964),Germany\n"
                                         "Paris,France,Kiel (until 2004),Germany\n"
                                         "Lyon,France,Kiel (1964; renewed 2004),Germany\n"
                                         "Lille,France,Kiel (formerly),Germany\n"
                                         "Metz,France,Kiel (suspended),Germany\n"
                                         "Nancy,France,Frankfurt (Oder),Germany\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, agreements FROM territories WHERE country = 'DE' ORDER BY name") == [
        ("Frankfurt (Oder)", 1), ("Kiel", 6)]
    shown = {slug: json.loads(run("show", slug, "-f", "json").stdout) for slug in (
        "rennes-kiel", "brest-kiel", "paris-kiel", "lyon-kiel", "lille-kiel", "metz-kiel")}
    assert {slug: (r["status"], r["signed_on"], r["valid_until"]) for slug, r in shown.items()} == {
        "rennes-kiel": ("signed", "1964", None), "brest-kiel": ("signed", "1964", None),
        "paris-kiel": ("ended", None, "2004"), "lyon-kiel": ("signed", "1964", None),
        "lille-kiel": ("ended", None, None), "metz-kiel": ("signed", None, None)}
    assert shown["rennes-kiel"]["note"].endswith("The list's 'Kiel (1964–present)' read as a twinning from 1964 on.")
    assert shown["paris-kiel"]["note"].endswith("The list's 'Kiel (until 2004)' read as a twinning that ended in 2004.")
    assert shown["lyon-kiel"]["note"].endswith("The year 1964 read after a town's name in the list "
                                               "('Kiel (1964; renewed 2004)').")
    assert shown["lille-kiel"]["note"].endswith("The list's 'Kiel (formerly)' read as a twinning that has ended.")
    assert shown["metz-kiel"]["note"].endswith("The list's 'Kiel (suspended)': 'suspended' not recorded as a status.")


def test_a_span_of_years_is_a_twinning_that_ended(run, tmp_path):
    """'1974–1980' in the year cell: from 1974, ended in 1980 (status ended, valid_until); '1990–'
    from 1990 on; a span ending before it starts is no date, quoted."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,year\n"
                                         "Aa,FR,Ba,US,1974–1980\nAb,FR,Bb,US,1990-\nAc,FR,Bc,US,1980 - 1974\n"
                                         "Ad,FR,Bd,US,1990–present\n")
    assert result.exit_code == 0, result.stderr
    shown = {x: json.loads(run("show", f"a{x}-b{x}", "-f", "json").stdout) for x in "abcd"}
    assert {x: (r["status"], r["signed_on"], r["valid_until"]) for x, r in shown.items()} == {
        "a": ("ended", "1974", "1980"), "b": ("signed", "1990", None), "c": ("signed", None, None),
        "d": ("signed", "1990", None)}
    assert shown["a"]["note"] == "The list's year cell, '1974–1980', read as a twinning from 1974 to 1980."
    assert shown["b"]["note"] == "The list's year cell, '1990-', read as a twinning from 1990 on."
    assert shown["c"]["note"] == "The list's year cell, '1980 - 1974', is not a date: no date recorded."
    assert [r["slug"] for r in json.loads(run("list", "--status", "ended", "-f", "json").stdout)] == ["aa-ba"]


def test_a_year_cell_as_a_spreadsheet_gives_it(run, tmp_path):
    """A date in figures is read where only one reading is a date (25/05/1964, 05/25/1964, 05.05.1964, and
    a month 05/1964); where
    day and month could be either way round (12/05/1964), its year alone, said in the note; a year
    kept as text ('1964) or as a number (1964.0) is the year; no day 31 in February."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,year\n"
                                         "Aa,FR,Ba,US,25/05/1964\nAb,FR,Bb,US,05/25/1964\nAc,FR,Bc,US,12/05/1964\n"
                                         "Ad,FR,Bd,US,'1964\nAe,FR,Be,US,1964.0\nAf,FR,Bf,US,31/02/1964\n"
                                         "Ag,FR,Bg,US,05.05.1964\nAh,FR,Bh,US,05/1964\nAi,FR,Bi,US,13/1964\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("2 pair(s) kept without a date")
    shown = {f"a{x}-b{x}": json.loads(run("show", f"a{x}-b{x}", "-f", "json").stdout) for x in "abcdefghi"}
    assert {slug: r["signed_on"] for slug, r in shown.items()} == {
        "aa-ba": "1964-05-25", "ab-bb": "1964-05-25", "ac-bc": "1964", "ad-bd": "1964", "ae-be": "1964",
        "af-bf": None, "ag-bg": "1964-05-05", "ah-bh": "1964-05", "ai-bi": None}  # a month and its year; no 13th
    assert shown["ac-bc"]["note"] == ("The list's year cell, '12/05/1964', is a day and a month either way round: "
                                      "its year recorded.")
    assert shown["aa-ba"]["note"] is None and shown["ad-bd"]["note"] is None
    assert shown["af-bf"]["note"].endswith("'31/02/1964', is not a date: no date recorded.")


def test_a_year_cell_that_is_no_date_keeps_the_pair_and_says_so(run, tmp_path):
    """A pair is not refused for its date: a date written out is read ('12 May 1964', '1er mai
    1964'), 'n/a' is no date, and anything else is quoted in the record's note, no date made up."""
    result = import_pairs(
        run, tmp_path,
        "city1,country1,city2,country2,year\n"
        "Nantes,France,Cardiff,Wales,12 May 1964\n"
        "Lyon,France,Berlin,Germany,1er mai 1964\n"
        "Nancy,France,Karlsruhe,Germany,June 1955\n"
        "Angers,France,Bamako,Mali,1974–1980\n"
        "Lille,France,Erfurt,Germany,n/a\n"
        "Blois,France,Weimar,Germany,c. 1967\n"
        "Tours,France,Mülheim,Germany,about 1962\n")
    assert result.exit_code == 0, result.stderr
    assert "\n2 pair(s) kept without a date: their year cell is not one (quoted in each record's note).\n" \
        in result.stderr
    shown = {slug: json.loads(run("show", slug, "-f", "json").stdout) for slug in (
        "nantes-cardiff", "lyon-berlin", "nancy-karlsruhe", "angers-bamako", "lille-erfurt", "blois-weimar")}
    assert {slug: r["signed_on"] for slug, r in shown.items()} == {
        "nantes-cardiff": "1964-05-12", "lyon-berlin": "1964-05-01", "nancy-karlsruhe": "1955-06",
        "angers-bamako": "1974", "lille-erfurt": None, "blois-weimar": None}
    assert shown["angers-bamako"]["note"].endswith("The list's year cell, '1974–1980', read as a twinning from 1974 "
                                                   "to 1980.")
    assert "year cell" not in (shown["lille-erfurt"]["note"] or "")
    assert "'c. 1967'" in shown["blois-weimar"]["note"]
    # a cell unsure of its year ('about 1962') is no date: the year is not recorded as though it were sure
    assert json.loads(run("show", "tours-mulheim", "-f", "json").stdout)["signed_on"] is None


def test_a_year_cell_that_says_more_than_its_date(run, tmp_path):
    """One date or year within a longer cell is read, the cell quoted in the note ('Signé le 12 mai
    1964', 'depuis 1964', '1971 (charte)'); a cell unsure of it ('vers 1964', '1964?', 'années
    1960') or with two years ('1964 (renouvelé en 2004)') stays no date. Dashes and a year first
    are dates in figures too ('27-10-2023', '1964/05/12')."""
    cells = {"a": "Signé le 12 mai 1964 à Erlangen", "b": "depuis 1964", "c": "1971 (charte)", "d": "vers 1964",
             "e": "1964?", "f": "années 1960", "g": "1964 (renouvelé en 2004)", "h": "27-10-2023", "i": "1964/05/12",
             "j": "12-05-1964"}
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,year\n" + "".join(
        f"A{x},FR,B{x},US,{cell}\n" for x, cell in cells.items()))
    assert result.exit_code == 0, result.stderr
    shown = {x: json.loads(run("show", f"a{x}-b{x}", "-f", "json").stdout) for x in cells}
    assert {x: r["signed_on"] for x, r in shown.items()} == {
        "a": "1964-05-12", "b": "1964", "c": "1971", "d": None, "e": None, "f": None, "g": None,
        "h": "2023-10-27", "i": "1964-05-12", "j": "1964"}
    assert shown["a"]["note"] == "The list's year cell, 'Signé le 12 mai 1964 à Erlangen', read as 1964-05-12."
    assert shown["d"]["note"] == "The list's year cell, 'vers 1964', is not a date: no date recorded."
    assert shown["h"]["note"] is None and shown["i"]["note"] is None


def test_a_region_after_a_towns_name_and_rows_of_empty_cells(run, tmp_path):
    """'Paris, Texas' and 'Rennes (Ille-et-Vilaine)' are towns in a region of their country; a name
    whose tail is no region of it stays whole; rows of empty cells, as spreadsheets save them, are
    not records."""
    result = import_pairs(
        run, tmp_path,
        "city1,country1,city2,country2\n"
        '"Paris, Texas",United States,Rennes (Ille-et-Vilaine),France\n'
        ",,,\n"
        '"Victoria, British Columbia",Canada,"Nantes, Narnia",France\n'
        "  ,  ,  ,  ,,\n"
        '"Washington, D.C.",United States,"Kelowna, B.C.",Canada\n')
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("3 added, 0 updated, 0 unchanged.\n")
    parties = [(p["name"], p["country"], p["subdivision"]) for slug in ("paris-rennes", "victoria-nantes-narnia",
                                                                         "washington-kelowna")
               for p in json.loads(run("show", slug, "-f", "json").stdout)["parties"]]
    assert parties == [("Paris", "US", "US-TX"), ("Rennes", "FR", "FR-35"), ("Victoria", "CA", "CA-BC"),
                       ("Nantes, Narnia", "FR", None), ("Washington", "US", "US-DC"), ("Kelowna", "CA", "CA-BC")]
    rennes = json.loads(run("show", "paris-rennes", "-f", "json").stdout)["parties"][1]
    assert (round(rennes["lat"]), round(rennes["lng"])) == (48, -2)  # placed by the gazetteer: FR-35 lies in FR-BRE


def test_a_list_with_the_country_in_each_town_cell(run, tmp_path, seeded):
    """'Town' and 'Twin town' columns, each cell 'Rennes, France' or 'Erlangen (Germany)': the
    country after the name, a region before it kept ('Paris, Texas, United States'); a cell that
    names no country is a rejected row that says why."""
    result = import_pairs(run, tmp_path, "Town,Twin town,Year\n"
                                         '"Rennes, France",Erlangen (Germany),1964\n'
                                         '"Paris, Texas, United States","Paris, France",\n'
                                         'Lyon,"Birmingham, England",1951\n',
                          "--skip-invalid", "--rejects", str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("Imported {}: 2 added, 0 updated, 0 unchanged, 1 rejected.\n".format(
        tmp_path / "pairs.csv"))
    shown = {slug: json.loads(run("show", slug, "-f", "json").stdout) for slug in ("rennes-erlangen", "paris-paris")}
    assert [(p["name"], p["country"]) for p in shown["rennes-erlangen"]["parties"]] == [("Rennes", "FR"),
                                                                                     ("Erlangen", "DE")]
    assert shown["rennes-erlangen"]["signed_on"] == "1964"
    assert [(p["name"], p["country"], p["subdivision"]) for p in shown["paris-paris"]["parties"]] == [
        ("Paris", "US", "US-TX"), ("Paris", "FR", "FR-IDF")]
    rejected = (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines()
    assert rejected[1] == ('Lyon,"Birmingham, England",1951,"parties.0.country: no country given: a code or a name, '
                           'or in a list of pairs with no country column, after the name of the town, as in '
                           '\'Lyon, France\'"')


def test_the_country_after_a_spaced_dash_or_slash(run, tmp_path, seeded):
    """Hand-typed lists put the country after a dash or a slash with spaces ('Erlangen – Allemagne',
    'Montréal / Canada'); a hyphen in a name has none ('Stratford-upon-Avon'), and a dash before
    what is no country leaves the name whole (before: every such twin refused for want of a country)."""
    result = import_pairs(run, tmp_path, "Ville;Ville jumelle\n"
                                         "Rennes, France;Erlangen – Allemagne\n"
                                         "Lyon, France;Montréal / Canada\n"
                                         "Nantes, France;Stratford-upon-Avon - England\n"
                                         "Brest, France;Clermont - Ferrand\n",
                          "--skip-invalid", "--rejects", str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, country, subdivision FROM territories WHERE name IN ('Erlangen', 'Montréal', "
                        "'Stratford-upon-Avon') ORDER BY name") == [
        ("Erlangen", "DE", None), ("Montréal", "CA", "CA-QC"), ("Stratford-upon-Avon", "GB", "GB-ENG")]
    assert (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines()[1].startswith(
        "Brest, France;Clermont - Ferrand;parties.1.country: no country given")


@pytest.mark.parametrize("header", [("Ville;Pays;Ville jumelle;Pays jumelle;Latitude;Longitude;Latitude jumelle;"
                                     "Longitude jumelle;Année"),
                                    "Town;Country;Twin town;Twin country;Lat;Long;Twin lat;Twin long;Year"])
def test_a_list_of_one_towns_twins_with_a_country_column_for_each(run, tmp_path, seeded, header):
    """Unnumbered columns, the twin's told by a word ('Pays jumelle', 'Twin country'), as a French
    spreadsheet saves them (a BOM, ';', CRLF): each town has its own country and point."""
    (tmp_path / "jumelages.csv").write_bytes(("\ufeff" + header + "\r\n"
                                             "Rennes;France;Erlangen;Allemagne;48,11;-1,68;49,59;11,0;1964\r\n"
                                             ).encode("utf-8"))
    result = run("import", str(tmp_path / "jumelages.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert [(p["name"], p["country"], p["lat"], p["lng"]) for p in shown["parties"]] == [
        ("Rennes", "FR", 48.11, -1.68), ("Erlangen", "DE", 49.59, 11.0)]
    assert shown["signed_on"] == "1964"


def test_a_column_of_regions_tells_towns_of_one_name_apart(run, tmp_path, seeded):
    """'State', 'Région' columns: each town's ISO 3166-2 region from its name or code, so that three
    Springfields are three places; a region its country does not have is said in the note."""
    result = import_pairs(run, tmp_path, "city1,state1,country1,city2,Région 2,country2\n"
                                         "Springfield,Illinois,USA,Rennes,Bretagne,France\n"
                                         "Springfield,MA,USA,Brest,Narnia,France\n"
                                         "Springfield,Ohio,United States,Lorient,,France\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT subdivision FROM territories WHERE name = 'Springfield' ORDER BY 1") == [
        ("US-IL",), ("US-MA",), ("US-OH",)]
    brest = json.loads(run("show", "springfield-brest", "-f", "json").stdout)
    assert brest["parties"][0]["subdivision"] == "US-MA"
    assert "The list's region cell 'Narnia' is no region of FR that ISO 3166-2 lists: not recorded." in brest["note"]


def test_a_town_cell_saying_its_country_again_is_the_town(run, tmp_path, seeded):
    """With country columns, a country written again after the name ('Rennes (France)', 'Cork,
    Ireland', 'Erlangen (Allemagne)') is not part of the name: one Rennes, not two. Another name of
    the same place in brackets ('Kyiv (Kijów)', by GeoNames) is said in the note, the town being the
    first; a name whole with its brackets stays ('Frankfurt (Oder)'), and so does a country the
    column contradicts."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Rennes,France,Erlangen (Allemagne),Germany\n"
                                         'Rennes (France),France,"Cork, Ireland",Ireland\n'
                                         "Kyiv (Kijów),Ukraine,Brest (Belarus),France\n"
                                         "Frankfurt (Oder),Germany,Kyiv,Ukraine\n")
    assert result.exit_code == 0, result.stderr
    names = dict(rows(seeded, "SELECT name || ', ' || country, agreements FROM territories"))
    assert names["Rennes, FR"] == 2  # both rows of this list
    assert names["Kyiv, UA"] == 2
    once = ("Erlangen, DE", "Cork, IE", "Frankfurt (Oder), DE", "Brest (Belarus), FR")
    assert {name: names.get(name) for name in once} == dict.fromkeys(once, 1)
    assert not [name for name in names if name.startswith(("Rennes (", "Cork, Ireland", "Erlangen (", "Kyiv ("))]
    kyiv = json.loads(run("show", "kyiv-brest-belarus", "-f", "json").stdout)
    assert kyiv["note"] == "The list's 'Kyiv (Kijów)' read as Kyiv: Kijów is another name of that place in GeoNames."


def test_a_town_with_several_twins_in_one_cell_gives_a_pair_each(run, tmp_path, seeded):
    """A town's own list: its twins in one cell, after ';' or one a line, their countries alike or
    one for all; a count of countries that does not match refuses the line, written once to the
    rejects with its reason."""
    result = import_pairs(run, tmp_path, "Ville;Pays;Villes jumelles;Pays des villes jumelles\n"
                                         'Rennes;France;"Erlangen; Sendai";"Allemagne; Japon"\n'
                                         'Brest;France;"Kiel\nDresde";Allemagne\n'
                                         'Nantes;France;"Cardiff; Jurmala";"Pays de Galles; Lettonie; Italie"\n',
                          "--skip-invalid", "--rejects", str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("4 added, 0 updated, 0 unchanged, 2 rejected.\n")
    slugs = [line.split(",")[0] for line in run("list", "-t", "Rennes", "-t", "Brest", "--sort", "slug").stdout
             .splitlines()[1:]]
    assert slugs == ["brest-dresde", "brest-kiel", "rennes-erlangen", "rennes-quebec", "rennes-sendai"]
    sendai = json.loads(run("show", "rennes-sendai", "-f", "json").stdout)["parties"][1]
    assert (sendai["name"], sendai["country"]) == ("Sendai", "JP")
    rejected = (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines()
    assert rejected == ["Ville;Pays;Villes jumelles;Pays des villes jumelles;reason",
                        "Nantes;France;\"Cardiff; Jurmala\";\"Pays de Galles; Lettonie; Italie\";\"parties.1.country: "
                        "'Pays de Galles; Lettonie; Italie' is not a country name or ISO 3166-1 alpha-2 code\""]


def test_columns_read_into_no_field_are_named(run, tmp_path, seeded):
    """A list's other columns (population, notes) are left out, and the summary says which; a
    register's own CSV with a column of the reader's is named the same way; our export, none."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,population,notes\n"
                                         "Rennes,France,Erlangen,Germany,220000,vu\n")
    assert result.exit_code == 0, result.stderr
    assert "2 column(s) of the file read into no field, left out: 'population', 'notes'\n" in result.stderr
    exported = run("export", "--format", "csv").stdout
    (tmp_path / "mine.csv").write_text(exported, encoding="utf-8")
    assert "left out" not in run("import", str(tmp_path / "mine.csv")).stderr
    lines = exported.splitlines()
    (tmp_path / "theirs.csv").write_text("\n".join([lines[0] + ",commentaire", *(line + ",vu" for line in lines[1:])])
                                         + "\n", encoding="utf-8")
    assert "1 column(s) of the file read into no field, left out: 'commentaire'\n" in \
        run("import", str(tmp_path / "theirs.csv")).stderr


def test_a_row_cut_short_says_so_and_trailing_cells_may_be_left_out(run, tmp_path, seeded):
    """A line that stops before its towns and countries is named as cut short; one that leaves out
    only the trailing coordinates and year, as hand-written lists do, is a pair."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,lat1,lng1,lat2,lng2,year\n"
                                         "Rennes,France,Sendai,Japan\n"
                                         "Lyon,France\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == ["record 2: fewer cells than the header has columns: no town or country "
                                              "in some"]
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,lat1,lng1,lat2,lng2,year\n"
                                         "Rennes,France,Sendai,Japan\n")
    assert result.exit_code == 0, result.stderr


def test_a_title_above_the_header_and_a_total_below_the_list(run, tmp_path, seeded):
    """A sheet saved as CSV with its title and an empty row above the header, and a total below:
    the header found on its line, the lines above said left out; the total refused as one cell,
    not a pair."""
    result = import_pairs(run, tmp_path, "Jumelages de la ville\n;;;\nVille;Pays;Ville jumelle;Pays jumelle\n"
                                         "Brest;France;Kiel;Allemagne\nTotal : 1;;;\n",
                          "--skip-invalid", "--rejects", str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    assert "The header is line 3 of the file: the 2 line(s) above it (a title?) left out.\n" in result.stderr
    assert result.stderr.endswith("1 added, 0 updated, 0 unchanged, 1 rejected.\n")
    assert (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines() == [
        "Ville;Pays;Ville jumelle;Pays jumelle;reason",
        "Total : 1;;;;one cell filled ('Total : 1'), not a pair: a total or a note?"]
    assert run("show", "brest-kiel", "-f", "json").exit_code == 0


def test_a_header_too_far_down_is_not_looked_for(run, tmp_path):
    result = import_pairs(run, tmp_path, "title\n" * 10 + "city1,country1,city2,country2\nBrest,FR,Kiel,DE\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: missing columns: city1 (header 'city1')")


def test_a_saint_written_st_is_placed_and_doctor_names_the_merge(run, tmp_path, register_path):
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\nSaint-Malo,France,Cowes,United Kingdom\n"
                                         "St Malo,France,Hamm,Germany\n")
    assert result.exit_code == 0, result.stderr
    assert rows(register_path, "SELECT name, subdivision FROM territories WHERE name LIKE '%Malo' ORDER BY name") == [
        ("Saint-Malo", "FR-BRE"), ("St Malo", "FR-BRE")]
    assert "'twinning territories merge \"Saint-Malo\" \"St Malo\"' joins them" in run("doctor").stderr


def test_flag_emoji_beside_a_town_or_a_country(run, tmp_path, register_path):
    """'🇩🇪 Erlangen' is Erlangen, in Germany where no country is given; a country cell with its
    flag ('🇫🇷 France') or a flag alone is that country; the tag flags of the UK nations give their
    subdivision."""
    wales = "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F"
    assert import_pairs(run, tmp_path, 'city1,city2\n🇫🇷 Lorient,🇩🇪 Erlangen\n"Brest, France",🇩🇪 Kiel\n',
                        name="towns.csv").exit_code == 0
    assert import_pairs(run, tmp_path, f"city1,country1,city2,country2\nVannes,🇫🇷 France,Cardiff,{wales}\n"
                                       "Quimper,🇫🇷,Limerick,Ireland 🇮🇪\n").exit_code == 0
    assert rows(register_path, "SELECT name, country, subdivision FROM territories WHERE name IN ('Lorient',"
                               " 'Erlangen', 'Kiel', 'Cardiff', 'Quimper', 'Limerick') ORDER BY name") == [
        ("Cardiff", "GB", "GB-WLS"), ("Erlangen", "DE", None), ("Kiel", "DE", None), ("Limerick", "IE", None),
        ("Lorient", "FR", "FR-BRE"), ("Quimper", "FR", "FR-BRE")]


def test_coordinates_as_lists_copy_them(run, tmp_path):
    """Degrees, minutes and seconds ('48°06′53″N'), a hemisphere letter or French word ('4,49 O',
    'ouest'), a decimal comma: read (geopy for the degrees); a cell saying none ('n/a') is none;
    a point one of whose cells is no coordinate is not recorded, the pair kept and the note
    quoting the cells."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "Rennes,France,48°06′53″N,1°40′46″ ouest,Erlangen,Germany,49.59,11.00\n"
                                         'Brest,France,"48,39 N",4.49 O,Kiel,Germany,n/a,?\n'
                                         "Nantes,France,48.2,-1.5,Cardiff,Wales,51°29′N,abc\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("3 added, 0 updated, 0 unchanged.\n")
    points = {r["slug"]: [(p["name"], p.get("lat"), p.get("lng")) for p in r["parties"]]
              for r in json.loads(run("export", "-f", "json", "-t", "Erlangen", "-t", "Kiel", "-t", "Cardiff").stdout)}
    assert points == {"rennes-erlangen": [("Rennes", 48.114722, -1.679444), ("Erlangen", 49.59, 11.0)],
                      "brest-kiel": [("Brest", 48.39, -4.49), ("Kiel", None, None)],
                      "nantes-cardiff": [("Nantes", 48.2, -1.5), ("Cardiff", None, None)]}
    note = json.loads(run("show", "nantes-cardiff", "-f", "json").stdout)["note"]
    assert note.endswith("The list's coordinates for Cardiff ('51°29′N', 'abc') are no point: not recorded.")


def test_names_in_capitals_are_written_as_the_gazetteer_writes_them(run, tmp_path, seeded):
    """French lists of communes write names in capitals, accents left off: 'SAINT-ETIENNE' is the
    gazetteer's Saint-Étienne (one territory with the Saint-Étienne another list wrote), said in
    the note; a name the gazetteer does not know stays as written ('CUS')."""
    result = import_pairs(run, tmp_path, "Ville;Pays;Ville jumelle;Pays jumelle\n"
                                         "RENNES;FRANCE;ERLANGEN;ALLEMAGNE\n"
                                         "SAINT-ETIENNE;FRANCE;DES MOINES;USA\n"
                                         "Saint-Étienne;France;Wuppertal;Allemagne\n"
                                         "CUS;FRANCE;KEHL;ALLEMAGNE\n")
    assert result.exit_code == 0, result.stderr
    names = dict(rows(seeded, "SELECT name, agreements FROM territories WHERE country IN ('FR', 'DE', 'US')"
                              " AND name NOT IN ('Nantes', 'Rennes Métropole', 'Perpignan', 'Toulouse', 'Pau')"))
    assert {name: names.get(name) for name in ("Rennes", "Erlangen", "Saint-Étienne", "Des Moines", "CUS")} == {
        "Rennes": 1, "Erlangen": 1, "Saint-Étienne": 2, "Des Moines": 1, "CUS": 1}
    assert not [name for name in names if name.isupper() and name != "CUS"]
    shown = json.loads(run("show", "saint-etienne-des-moines", "-f", "json").stdout)
    assert shown["title"] == "Jumelage entre Saint-Étienne et Des Moines"
    assert "The list's 'SAINT-ETIENNE' written as the gazetteer writes it: Saint-Étienne." in shown["note"]


def test_a_french_list_writes_its_dates_day_first(run, tmp_path, seeded):
    """'12/05/1964' in a list headed in French ('Ville', 'Date de signature') is 12 May 1964, as
    French writes dates, said in the note; in an English list it stays either way round, its year
    alone recorded."""
    result = import_pairs(run, tmp_path, "Ville;Pays;Ville jumelle;Pays jumelle;Date de signature\n"
                                         "Rennes;France;Erlangen;Allemagne;12/05/1964\n")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert shown["signed_on"] == "1964-05-12"
    assert shown["note"].endswith("The list's year cell, '12/05/1964', read day first, as French writes dates: "
                                  "1964-05-12.")
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2,year\nLyon,France,Leipzig,Germany,12/05/1981\n",
                          name="en.csv")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "lyon-leipzig", "-f", "json").stdout)["signed_on"] == "1981"
