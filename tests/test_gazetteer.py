"""The gazetteer: every French commune (Etalab) and the world's places (GeoNames), indexed once."""

import sqlite3

import pytest

from twinning_cli import gazetteer


def test_names_are_found_as_french_texts_write_them():
    assert [(p.name, p.country) for p in gazetteer.places("Touapsé")][:1] == [("Tuapse", "RU")]  # other name
    assert ("Schöffengrund", "DE") in [(p.name, p.country) for p in gazetteer.places("Schoeffengrund")]
    communes = [p for p in gazetteer.places("Ajoupa-Bouillon") if p.country == "FR"]  # L'Ajoupa-Bouillon
    assert [(p.subdivision, p.ref) for p in communes] == [("FR-972", "insee:97201")]
    assert gazetteer.key("La Ferté-Imbault") == gazetteer.key("Ferte Imbault") == "ferte-imbault"


def test_a_french_commune_is_found_by_the_names_geonames_gives_it():
    """The world list writes French towns in English ('Dunkirk', 'Marseilles', 'Rheims'): the
    commune, with its point and GeoNames id where GeoNames names it otherwise (Dunkerque is its
    'Dunkirk': before, the commune had no point and 'Dunkirk, France' no place)."""
    found = {name: [(p.name, p.subdivision) for p in gazetteer.places(name) if p.country == "FR"]
             for name in ("Dunkirk", "Marseilles", "Rheims")}
    assert found == {"Dunkirk": [("Dunkerque", "FR-HDF")], "Marseilles": [("Marseille", "FR-PAC")],
                     "Rheims": [("Reims", "FR-GES")]}
    dunkerque = gazetteer.unique("Dunkerque", "FR")
    assert (round(dunkerque.lat), round(dunkerque.lng), dunkerque.ref) == (51, 2, "insee:59183 geonames:3020686")


@pytest.mark.parametrize("written,name,country", [("St Malo", "Saint-Malo", "FR"), ("St-Malo", "Saint-Malo", "FR"),
                                                 ("Ste Foy les Lyon", "Sainte-Foy-lès-Lyon", "FR"),
                                                 ("Saint Albans", "St Albans", "GB")])
def test_st_is_saint_and_back_where_the_name_as_written_finds_none(written, name, country):
    assert (name, country) in [(p.name, p.country) for p in gazetteer.places(written)]


def test_a_place_is_unique_when_it_dwarfs_its_namesakes():
    assert gazetteer.unique("Ville de Sherbrooke", "CA").subdivision == "CA-QC"
    assert gazetteer.unique("Saint-Denis", "FR") is None  # Seine-Saint-Denis and La Réunion compare


@pytest.mark.parametrize("name, province", [
    ("London", "CA-ON"), ("Surrey", "CA-BC"), ("Calgary", "CA-AB"), ("Halifax", "CA-NS"), ("Whitehorse", "CA-YT"),
    ("Iqaluit", "CA-NU"), ("Sherbrooke", "CA-QC"),
])
def test_a_canadian_place_has_its_province(name, province):
    """Every Canadian place the gazetteer knows has its province (GeoNames' admin1 as ISO 3166-2
    writes it), not Québec's alone: 'London, Canada' is London, Ontario."""
    assert gazetteer.unique(name, "CA").subdivision == province


def test_an_american_place_has_its_state_and_a_subdivision_narrows_namesakes():
    """American places come with their state (GeoNames' admin1 is ISO's suffix: 'TX'); a name
    several states share is one only in the state given ('Paris' in Texas, not Tennessee's)."""
    assert gazetteer.unique("Houston", "US").subdivision == "US-TX"
    assert gazetteer.unique("Paris", "US") is None
    assert gazetteer.unique("Paris", "US", "US-TX").ref == "geonames:4717560"
    assert gazetteer.unique("Saint-Denis", "FR", "FR-IDF").ref.startswith("insee:93066")  # a département or région
    assert gazetteer.unique("Saint-Denis", "FR", "FR-93").ref.startswith("insee:93066")


@pytest.mark.parametrize("name, found", [
    ("Saint-Étienne", "insee:42218"),  # not Saint-Étienne-du-Rouvray, which GeoNames also calls so
    ("St Etienne", "insee:42218"),
    ("Chartres", "insee:28085"),  # not Chartres-de-Bretagne
    ("Clichy", "insee:92024"),
    ("Champigny", "insee:94017"),  # three small Champigny compare: Champigny-sur-Marne, as before
    ("Clermont", None),  # Clermont (Oise), and Clermont-Ferrand more than ten times as large: neither
])
def test_a_place_of_that_very_name_comes_before_those_that_bear_it_otherwise(name, found):
    place = gazetteer.unique(name, "FR")
    assert (place.ref.split()[0] if place else None) == found


def test_the_index_is_built_once_into_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINNING_CACHE", str(tmp_path))
    (tmp_path / "gazetteer-0123456789abcdef.db").write_bytes(b"an index of another version")
    gazetteer._conn.cache_clear()
    gazetteer.places.cache_clear()
    try:
        assert gazetteer.places("Chiomonte")[0].country == "IT"
        built = list(tmp_path.glob("gazetteer-*.db"))  # the other version's index is gone
        assert len(built) == 1 and not list(tmp_path.glob("*.tmp"))
        # named by content (gzip's CRC-32 and length), not by date: every checkout shares it
        import gzip
        import zlib

        content = gzip.decompress(gazetteer.SOURCE.read_bytes())
        version = (zlib.crc32(content).to_bytes(4, "little") + (len(content) % 2**32).to_bytes(4, "little")).hex()
        assert built[0].name == f"gazetteer-{version}-{gazetteer.LAYOUT}.db"
        rows = sqlite3.connect(built[0]).execute("SELECT count(*) FROM places").fetchone()[0]
        assert rows > 250_000
    finally:
        gazetteer._conn.cache_clear()
        gazetteer.places.cache_clear()


def test_an_unwritable_cache_folder_falls_back_and_a_damaged_index_is_made_again(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TWINNING_CACHE", str(blocker / "cache"))  # cannot be made: its parent is a file
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    gazetteer._conn.cache_clear()
    gazetteer.places.cache_clear()
    try:
        assert gazetteer.places("Chiomonte")[0].country == "IT"
        [built] = (tmp_path / "tmp").glob("twinning-*/gazetteer-*.db")
        built.write_bytes(b"this is no database" * 100)  # damaged behind our back
        gazetteer._conn.cache_clear()
        gazetteer.places.cache_clear()
        assert gazetteer.places("Chiomonte")[0].country == "IT"
    finally:
        gazetteer._conn.cache_clear()
        gazetteer.places.cache_clear()


@pytest.mark.parametrize("country, lat, lng, far", [
    ("FR", 44.6039, 33.5492, True),  # Crimea
    ("FR", 48.8186, 2.3003, False),
    ("FR", 14.6, -61.0, False),  # Martinique: its places are filed under MQ
    ("DK", 64.18, -51.72, False),  # Nuuk
    ("US", 18.4, -66.1, False),  # Puerto Rico
    ("CH", -31.4427, -60.9257, True),  # Argentina
    ("GB", 51.4988, -0.1249, False),  # London, though not Kelso's: in the country at least
    ("MC", 44.5, 8.5, False),  # a country of one cell: judged only over 3,000 km away
    ("MC", -30.0, -60.0, True),  # Argentina
    ("RE", 49.49, 0.1, True),  # 'Le Port, Réunion, France' in the real list: a point in Normandy
    ("RE", -21.0, 55.3, False),
    ("FJ", -17.0, 179.5, False),  # at the antimeridian: not judged
])
def test_a_point_far_from_every_place_of_its_country(country, lat, lng, far):
    assert gazetteer.far_from(country, lat, lng) is far


def test_a_commune_takes_the_point_of_the_place_of_its_name_in_its_region():
    """GeoNames lists places of 500 or more: of communes that share a name, the point goes to the
    one in the place's région whose population is nearest, not to every namesake."""
    def communes(name):
        return {p.ref.split()[0]: (p.subdivision, p.lat is not None) for p in gazetteer.places(name)
                if p.country == "FR" and p.name == name}

    rumilly = communes("Rumilly")
    assert rumilly["insee:74225"] == ("FR-ARA", True) and rumilly["insee:62729"] == ("FR-HDF", False)
    assert communes("Saint-Denis")["insee:97411"] == ("FR-974", False)  # not Saint-Denis (93)'s point
    assert communes("Saint-Denis")["insee:93066"] == ("FR-IDF", True)
    assert communes("Valence")["insee:26362"] == ("FR-ARA", True)  # two GeoNames Valence: each its own
    assert communes("Montreuil")["insee:85148"] == ("FR-PDL", True)
