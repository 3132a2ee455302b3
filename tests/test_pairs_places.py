"""import --pairs: a twin that is a region, not a town ('Buenos Aires' twinned with 'Calabria'); a town
given a point in another country."""

import json

import pytest
from dbcheck import import_pairs, rows

from twinning_cli.regions import kind_in_name, region_named

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize("name, country, expected", [
    ("Calabria", "IT", ("IT-78", "région")),
    ("Galicia", "ES", ("ES-GA", "communauté autonome")),  # ISO writes 'Galicia [Galicia]'
    ("Islas Baleares", "ES", ("ES-IB", "communauté autonome")),  # and its one province: the region
    ("Cantabria", "ES", ("ES-CB", "communauté autonome")),
    ("Friuli-Venezia Giulia", "IT", ("IT-36", "région autonome")),
    ("Somerset", "GB", ("GB-SOM", "comté")),
    ("East Renfrewshire", "GB", ("GB-ERW", "council area")),
    ("Bretagne", "FR", ("FR-BRE", "région")),  # two hamlets of that name do not make it a town
    ("Hokkaido", "JP", ("JP-01", "préfecture")),
    ("Shandong", "CN", ("CN-SD", "province")),  # ISO writes 'Shandong Sheng'
    ("Guangxi", "CN", ("CN-GX", "région autonome")),  # 'Guangxi Zhuangzu Zizhiqu'
    ("Gyeonggi", "KR", ("KR-41", "province")),  # 'Gyeonggi-do'
    ("Busan", "KR", None),  # 'Busan-gwangyeoksi': the city
    ("Tianjin", "CN", None),  # 'Tianjin Shi': the city
    ("Seville", "ES", None),  # the city, by its English name (GeoNames), not the province (French name)
    ("Córdoba", "ES", None),  # the city, not its province
    ("Salta", "AR", None),
    ("Berlin", "DE", None),
    ("Ohrid", "MK", None),  # a municipality in ISO 3166-2: a town's own kind of subdivision
    ("Tallinn", "EE", None),
    ("Tuscany", "IT", ("IT-52", "région")),  # ISO: Toscana; GeoNames gives the English name
    ("Styria", "AT", ("AT-6", "état")),  # ISO: Steiermark
    ("Lower Saxony", "DE", ("DE-NI", "land")),  # ISO: Niedersachsen
    ("Brittany", "FR", ("FR-BRE", "région")),
    ("Vienna", "AT", None),  # AT-9 in GeoNames too, and the city
    ("Calabria", "ES", None),  # no region of that name in that country
    ("Rennes", "FR", None),
    ("County Limerick", "IE", ("IE-LK", "comté")),  # the kind before the ISO name: the county, not the city
    ("Limerick", "IE", None),  # the city
    ("County Galway", "IE", ("IE-G", "comté")),
    ("Province Limerick", "IE", None),  # a kind its subdivision is not
    ("State College", "US", None),  # no state 'College'
    ("South Tyrol", "IT", ("IT-BZ", "province autonome")),  # GeoNames' name of Bolzano
    ("Adjara", "GE", ("GE-AJ", "république autonome")),
])
def test_a_region_is_told_from_a_town(name, country, expected):
    assert region_named(name, country) == expected


def test_a_twin_that_is_a_region_is_recorded_as_one(run, tmp_path, seeded):
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "Buenos Aires,Argentina,-34.6039,-58.3814,Calabria,Italy,39,16.5\n"
                                         'Frederikssund,Denmark,55.8333,12.0666,Somerset,"England, United Kingdom",'
                                         '51.1,-2.9\n'
                                         "Córdoba,Argentina,-31.4167,-64.1834,Córdoba,Spain,37.8846,-4.776\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE name IN "
                        "('Calabria', 'Somerset', 'Córdoba') ORDER BY name, country") == [
        ("Calabria", "région", "IT", "IT-78"), ("Córdoba", "ville", "AR", None), ("Córdoba", "ville", "ES", None),
        ("Somerset", "comté", "GB", "GB-SOM")]  # Somerset lies in GB-ENG, which the country cell gave
    shown = json.loads(run("show", "buenos-aires-calabria", "-f", "json").stdout)
    assert shown["note"] == ("The list's 'Calabria' read as IT-78, a region in ISO 3166-2, not a town: the "
                             "gazetteer knows no town of that name there.")


def test_another_name_of_a_region_is_read_where_its_country_is_known(run, tmp_path, seeded):
    """GeoNames' names of ISO 3166-2 subdivisions ('Tuscany', 'Styria') count in a pairs list, a
    country cell and --region; the extractor, reading prose, keeps to ISO's and French names."""
    from twinning_cli.countries import subdivisions_named

    assert (subdivisions_named("Tuscany"), subdivisions_named("Tuscany", "IT")) == ([], ["IT-52"])
    assert subdivisions_named("Toscane") == ["IT-52"]  # the French name, as before
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Nablus,Palestine,Tuscany,Italy\n"
                                         '"Graz","Styria, Austria",Montpellier,France\n')
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE name IN "
                        "('Tuscany', 'Graz') ORDER BY name") == [("Graz", "ville", "AT", "AT-6"),
                                                                ("Tuscany", "région", "IT", "IT-52")]
    listed = run("list", "--region", "Tuscany", "-f", "csv", "--fields", "slug")
    assert (listed.exit_code, listed.stdout) == (0, "slug\nnablus-tuscany\n")


@pytest.mark.parametrize("name, country, expected", [
    ("Petrogradsky (Saint Petersburg)", "RU", ("Petrogradsky", "RU-SPE")),  # GeoNames' English name of RU-SPE
    ("Sector 3 (Bucharest)", "RO", ("Sector 3", "RO-B")),
    ("Tsentralny (Minsk)", "BY", None),  # 'Minsk' is the city (BY-HM) and its oblast (BY-MI): neither
    ("Sokolniki (Moscow)", "RU", None),  # nor the city and the oblast of Moscow
    ("Paris, Texas", "US", ("Paris", "US-TX")),
])
def test_a_district_with_its_city_in_brackets(name, country, expected):
    from twinning_cli.countries import after_name

    assert after_name(name, country) == expected


@pytest.mark.parametrize("name, expected", [
    ("Victoria (state)", ("état", "state", "Victoria")),
    ("Limburg (Province)", ("province", "province", "Limburg")),
    ("Herford (district)", ("district", "district", "Herford")),
    ("Ōita Prefecture", ("préfecture", "prefecture", "Ōita")),
    ("Miami-Dade County", ("comté", "county", "Miami-Dade")),
    ("Tumakuru district", ("district", "district", "Tumakuru")),
    ("Zhovkva Raion", ("raïon", "raion", "Zhovkva")),
    ("Staré Město (Uherské Hradiště District)", None),  # a town in a district, said in brackets
    ("Rēzekne Municipality", None),  # a municipality is a town's kind
    ("Lagos State", ("état", "state", "Lagos")),
    ("Province of Ontario", ("province", "province", "Ontario")),
    ("Département du Finistère", ("département", "département", "Finistère")),
    ("Région Bretagne", ("région", "région", "Bretagne")),
    ("State College", None),  # a town: a kind before a name only with 'of' or 'de', 'Région' aside
    ("Province d'Anvers", ("province", "province", "Anvers")),
    ("Département du123", None),  # 'du' is no word of its own there
    ("Countyville", None),
    ("Québec (ville)", None),  # a town's kind: pairs.py reads it
    ("Rennes", None),
])
def test_a_kind_of_region_written_with_the_name(name, expected):
    assert kind_in_name(name) == expected


def test_regions_iso_writes_with_their_kind_in_their_own_language(run, tmp_path, seeded):
    """China's and Korea's regions are 'Guangdong Sheng', 'Gyeonggi-do' in ISO 3166-2: before,
    'Guangdong Province' was a province of no code, 'Hangu (Tianjin)' a town of that whole name."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Ho Chi Minh City,Vietnam,Guangdong Province,China\n"
                                         "Boryeong,South Korea,Hangu (Tianjin),China\n"
                                         "Nantes,France,Gyeonggi Province,South Korea\n"
                                         "Taipei,\"Taiwan, China\",Rennes,France\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE country IN ('CN', 'KR', 'TW')"
                        " ORDER BY name") == [
        ("Boryeong", "ville", "KR", None), ("Guangdong Province", "province", "CN", "CN-GD"),
        ("Gyeonggi Province", "province", "KR", "KR-41"), ("Hangu", "ville", "CN", "CN-TJ"),
        ("Taipei", "ville", "TW", None)]  # a territory with its own code, written with its state: that code


def test_a_region_named_with_its_kind_is_recorded_as_one(run, tmp_path, seeded):
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Busan,South Korea,Victoria (state),Australia\n"
                                         "Gyeongju,South Korea,Ōita Prefecture,Japan\n"
                                         "Cape Town,South Africa,Miami-Dade County,United States\n"
                                         "Fredericia,Denmark,Herford,Germany\n"
                                         "Voiron,France,Herford (district),Germany\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE country IN ('AU', 'JP', 'US',"
                        " 'DE') ORDER BY name") == [
        ("Herford", "ville", "DE", None), ("Herford (district)", "district", "DE", None),  # two, not one
        ("Miami-Dade County", "comté", "US", None), ("Victoria (state)", "état", "AU", "AU-VIC"),
        ("Ōita Prefecture", "préfecture", "JP", "JP-44")]
    shown = json.loads(run("show", "busan-victoria-state", "-f", "json").stdout)
    assert shown["note"] == "The list's 'Victoria (state)' read as a state, AU-VIC in ISO 3166-2, not a town."


def test_a_region_written_with_its_kind_is_the_region_of_that_kind(run, tmp_path, seeded):
    """'Jõgeva County': the county (EE-50, Jõgevamaa), not the rural municipality ISO 3166-2 calls
    'Jõgeva' (EE-247); a kind the list words otherwise than ISO still finds its region ('Lower
    Saxony (state)': a Land); a town's kind of subdivision is never given to a region."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Järvenpää,Finland,Jõgeva County,Estonia\n"
                                         "Poitou-Charentes,France,Lower Saxony (state),Germany\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, kind, country, subdivision FROM territories WHERE country IN ('EE', 'DE')"
                        " ORDER BY name") == [("Jõgeva County", "comté", "EE", "EE-50"),
                                              ("Lower Saxony (state)", "état", "DE", "DE-NI")]


def test_a_point_in_another_country_is_not_recorded(run, tmp_path, seeded):
    """Points geocoded in the wrong country, as a real list has them: left out, said in the note;
    a French town then placed from the gazetteer. Points in a state's overseas parts, and a
    region's centre far from its towns, are kept."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "Malakoff,France,44.6039,33.5492,Corsico,Italy,45.4333,9.1167\n"  # Crimea
                                         "Dordrecht,South Africa,51.7958,4.6783,Dordrecht,Netherlands,51.7958,4.6783\n"
                                         "Le Lamentin,France,14.6,-61,Santiago de Cuba,Cuba,20.0217,-75.8294\n"
                                         "Aalborg,Denmark,57.05,9.9167,Sermersooq,Greenland,66,-40\n"
                                         'Durban,South Africa,-29.8833,31.05,Le Port,"Réunion, France",49.49,0.1\n')
    assert result.exit_code == 0, result.stderr
    points = dict(((name, country), (lat, lng)) for name, country, lat, lng in
                  rows(seeded, "SELECT name, country, lat, lng FROM territories"))
    assert points["Dordrecht", "ZA"] == (None, None)
    assert points["Dordrecht", "NL"] == (51.7958, 4.6783)
    assert points["Le Lamentin", "FR"] == (14.6, -61.0)
    assert points["Sermersooq", "GL"] == (66.0, -40.0)
    assert points["Le Port", "RE"] == (None, None)  # in Normandy: a territory of a few places, 9,000 km away
    lat, lng = points["Malakoff", "FR"]
    assert 48 < lat < 49 and 2 < lng < 3  # the commune near Paris, from the gazetteer
    note = json.loads(run("show", "dordrecht-dordrecht", "-f", "json").stdout)["note"]
    assert note == ("The list's point for Dordrecht (51.7958, 4.6783) lies over 300 km from every place the "
                    "gazetteer knows in ZA: not recorded.")


def test_a_point_copied_from_the_twin_in_another_country_is_not_recorded(run, tmp_path, seeded):
    """One point for two towns of two countries, as a list copies a town's point into its twin's
    cells (the real list: Strasburg, Germany at Brodnica, Poland's, too near Germany for the
    300 km test): the point stays with the town whose country has places around it. Twin towns
    on a border, both countries around the point, keep it."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "Brodnica,Poland,53.2597,19.3956,Strasburg,Germany,53.2597,19.3956\n"
                                         "Görlitz,Germany,51.1528,14.9872,Zgorzelec,Poland,51.1528,14.9872\n")
    assert result.exit_code == 0, result.stderr
    points = dict(((name, country), (lat, lng)) for name, country, lat, lng in
                  rows(seeded, "SELECT name, country, lat, lng FROM territories"))
    assert (points["Brodnica", "PL"], points["Strasburg", "DE"]) == ((53.2597, 19.3956), (None, None))
    assert points["Görlitz", "DE"] == points["Zgorzelec", "PL"] == (51.1528, 14.9872)
    note = json.loads(run("show", "brodnica-strasburg", "-f", "json").stdout)["note"]
    assert note == ("The list gives Strasburg (DE) the point it gives Brodnica (PL), 53.2597, 19.3956, where the "
                    "gazetteer knows places of PL and none of DE: not recorded for Strasburg.")


def test_doctor_full_notes_a_town_placed_in_another_country(run, seeded):
    """A register made before the import left such points out (here through `add`, which keeps
    what it is given): `doctor --full` names them; a plain `doctor` does not look."""
    record = {"slug": "malakoff-corsico", "title": "Jumelage", "kind": "twinning", "status": "signed",
              "parties": [{"name": "Malakoff", "kind": "ville", "country": "FR", "lat": 44.6039, "lng": 33.5492},
                          {"name": "Corsico", "kind": "ville", "country": "IT", "lat": 45.4333, "lng": 9.1167}],
              "sources": [{"file": "twins.csv"}]}
    added = run("add", "--from-file", "-", input=json.dumps(record))
    assert added.exit_code == 0, added.stderr
    plain = run("doctor")
    assert "lies over" not in plain.stderr
    full = run("doctor", "--full")
    assert full.exit_code == 0, full.stderr
    assert ("Note: Malakoff (FR): its point (44.6039, 33.5492) lies over 300 km from every place the gazetteer "
            "knows in FR, likely in another country") in full.stderr.splitlines()
    assert "Corsico" not in full.stderr
    for slug, twin, country in (("brodnica-strasburg", "Strasburg", "DE"), ("gorlitz-zgorzelec", "Zgorzelec", "PL")):
        town, home = ("Brodnica", "PL") if twin == "Strasburg" else ("Görlitz", "DE")
        point = {"lat": 53.2597, "lng": 19.3956} if twin == "Strasburg" else {"lat": 51.1528, "lng": 14.9872}
        copied = {**record, "slug": slug, "parties": [{"name": town, "kind": "ville", "country": home, **point},
                                                      {"name": twin, "kind": "ville", "country": country, **point}]}
        assert run("add", "--from-file", "-", input=json.dumps(copied)).exit_code == 0
    notes = run("doctor", "--full").stderr.splitlines()
    assert ("Note: Strasburg (DE): its point (53.2597, 19.3956) is its partner Brodnica's (PL), where the gazetteer "
            "knows places of PL and none of DE, likely copied from it") in notes
    assert not [line for line in notes if "Brodnica (PL)" in line or "Zgorzelec" in line or "Görlitz" in line]


def test_coordinates_that_are_no_number_of_degrees_are_no_point(run, tmp_path, seeded):
    """'nan', 'inf', 1e308, a longitude of 200: floats to Python, no point on Earth: the pair is
    kept without one, said in the note (before: 'nan' reached the country check and failed it with a
    traceback)."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "Aa,France,nan,2,Ba,Italy,inf,-inf\n"
                                         "Ab,France,1e308,2,Bb,Italy,45,200\n")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert rows(seeded, "SELECT name, lat, lng FROM territories WHERE name IN ('Aa', 'Ba', 'Ab', 'Bb') ORDER BY name") == [
        ("Aa", None, None), ("Ab", None, None), ("Ba", None, None), ("Bb", None, None)]
    note = json.loads(run("show", "ab-bb", "-f", "json").stdout)["note"]
    assert "The list's coordinates for Bb ('45', '200') are no point: not recorded." in note


def test_a_ward_after_its_city_and_a_dash_is_the_ward_in_that_region(run, tmp_path, seeded):
    """The world list writes a city's wards 'Tokyo – Adachi' where it lists them as its towns, and
    'Taitō (Tokyo)' where they are twins: both are the ward in the region the city is (JP-13),
    one territory; a name whose part before the dash is no region stays whole."""
    result = import_pairs(run, tmp_path, "city1,country1,city2,country2\n"
                                         "Tokyo – Taitō,Japan,Gladsaxe,Denmark\n"
                                         "Ōsaki,Japan,Taitō (Tokyo),Japan\n"
                                         "Chișinău – Rîșcani,Moldova,Arad,Romania\n"
                                         "Narnia - Nowhere,France,Kehl,Germany\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, country, subdivision, agreements FROM territories WHERE country IN "
                        "('JP', 'MD') OR name LIKE 'Narnia%' ORDER BY name") == [
        ("Narnia - Nowhere", "FR", None, 1), ("Rîșcani", "MD", "MD-CU", 1), ("Taitō", "JP", "JP-13", 2),
        ("Ōsaki", "JP", None, 1)]


def test_a_town_named_like_others_is_the_one_its_point_is_at(run, tmp_path, seeded):
    """France has several Saint-Denis and Montreuil: given a point, the town is the one of that name
    within 25 km of it (its region and GeoNames id filled, the point kept), not the most populous
    of the name; a point near none of them fills nothing, and a pair with no point takes the
    place the name alone gives, as before."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "Saint-Denis,France,48.9384,2.3628,Tuzla,Bosnia and Herzegovina,44.54,18.68\n"
                                         "Montreuil,France,46.41,-0.84,Ába,Hungary,47.03,18.52\n"
                                         "Montreuil,France,45.76,4.84,Ább,Hungary,47.03,18.52\n"
                                         "Montreuil,France,,,Ábc,Hungary,47.03,18.52\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, subdivision, lat, lng, geonames FROM territories WHERE country = 'FR'"
                        " AND name IN ('Saint-Denis', 'Montreuil') ORDER BY subdivision IS NULL, subdivision, lat") == [
        ("Montreuil", "FR-IDF", 48.8642, 2.4432, "2992090"), ("Saint-Denis", "FR-IDF", 48.9384, 2.3628, "2980916"),
        ("Montreuil", "FR-PDL", 46.41, -0.84, "2992092"), ("Montreuil", None, 45.76, 4.84, None)]
    note = json.loads(run("show", "montreuil-aba", "-f", "json").stdout)["note"]
    assert "Montreuil: FR-PDL from the gazetteer (Montreuil, FR, insee:85148 geonames:2992092)." in note


def test_a_town_twinned_with_its_namesake_in_its_own_country(run, tmp_path, seeded):
    """The world list twins 'Lengnau, Bern' with 'Lengnau, Aargau': two towns of one name told
    apart by their cantons (and points 80 km apart), imported as a pair, each its own territory
    (it was rejected as one party listed twice)."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         '"Lengnau, Bern",Switzerland,47.1833,7.3667,"Lengnau, Aargau",Switzerland,47.5167,8.3333\n')
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, subdivision, agreements FROM territories WHERE name = 'Lengnau' ORDER BY subdivision") == [
        ("Lengnau", "CH-AG", 1), ("Lengnau", "CH-BE", 1)]
    shown = run("territories", "show", "Lengnau")
    assert shown.exit_code == 1 and "Lengnau, CH-AG" in shown.stderr and "Lengnau, CH-BE" in shown.stderr


def test_a_canadian_town_takes_its_province_from_the_gazetteer(run, tmp_path, seeded):
    """Canadian towns of every province are placed as Québec's are: 'London, Canada', whose point
    the world list gives in England (not recorded), is London, Ontario, with the gazetteer's point;
    'Surrey, Canada' at its own point takes British Columbia."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         "London,Canada,51.5072,-0.1275,Nanjing,China,32.0608,118.7789\n"
                                         "Surrey,Canada,49.1,-122.8,Zhuhai,China,22.2742,113.5719\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, subdivision, lat, lng, geonames FROM territories WHERE country = 'CA'"
                        " AND name IN ('London', 'Surrey') ORDER BY name") == [
        ("London", "CA-ON", 42.9834, -81.233, "6058560"), ("Surrey", "CA-BC", 49.1, -122.8, "6159905")]


def test_an_american_town_takes_its_state_from_the_gazetteer(run, tmp_path, seeded):
    """'Paris, Texas' is Paris in US-TX with the gazetteer's point (Paris, Tennessee is not weighed);
    'Houston' at its point takes Texas; 'Springfield', which a dozen states have, is left as given."""
    result = import_pairs(run, tmp_path, "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
                                         'Paris,France,,,"Paris, Texas",United States,,\n'
                                         "Kayseri,Turkey,38.72,35.49,Houston,United States,29.76,-95.38\n"
                                         "Lyon,France,,,Springfield,United States,,\n")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT name, subdivision, lat, lng, geonames FROM territories WHERE country = 'US' ORDER BY name") == [
        ("Houston", "US-TX", 29.76, -95.38, "4699066"), ("Paris", "US-TX", 33.6609, -95.5555, "4717560"),
        ("Springfield", None, None, None, None)]
