"""Places `twinning extract` and the pairs import know: every commune of France (Etalab), every
Canadian and American place of 500+ with its province or state, and the world's places
(GeoNames), with their other names.

gazetteer.tsv.gz is made by scripts/make_gazetteer.py (sources, versions and licences in its
first line). Read whole it takes a second; so on first use it is indexed once into a small
SQLite file in the user's cache folder (TWINNING_CACHE to put it elsewhere), built in a temporary
file and renamed into place, and every later look-up is an index search. subdivisions.tsv (made
from pycountry) adds the names of regions, départements and provinces.
"""

from __future__ import annotations

import itertools
import math
import os
import re
import sqlite3
from collections import namedtuple
from functools import cache, lru_cache
from pathlib import Path

from .countries import related
from .identity import distance_km
from .vocabulary import short_name, slugify

Place = namedtuple("Place", "name country subdivision population lat lng ref")


def geonames_id(place: Place) -> str | None:
    """The GeoNames id among a place's references ('insee:41084 geonames:3018074'), or None."""
    return next((r.split(":", 1)[1] for r in (place.ref or "").split() if r.startswith("geonames:")), None)
SOURCE = Path(__file__).with_name("gazetteer.tsv.gz")
_ARTICLE = re.compile(r"^(?:l|la|le|les)-")


def key(name: str) -> str:
    """The look-up form of a name: accents, case, hyphens and a leading article ignored."""
    return _ARTICLE.sub("", slugify(name))


def _folder() -> Path:
    if os.environ.get("TWINNING_CACHE"):
        return Path(os.environ["TWINNING_CACHE"])
    from platformdirs import user_cache_path

    return user_cache_path("twinning", appauthor=False)


def _build(target: Path) -> None:
    """Index the gazetteer into `target` (a temporary file, renamed into place by the caller)."""
    import gzip

    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, subdivision TEXT,"
                 " population INTEGER, lat REAL, lng REAL, ref TEXT)")
    conn.execute("CREATE TABLE names (key TEXT, place INTEGER)")
    places, names = [], []
    with gzip.open(SOURCE, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if line.startswith("#"):
                continue
            name, country, subdivision, population, lat, lng, ref, others = line.rstrip("\n").split("\t")
            places.append((number, name, country, subdivision or None, int(population),
                           float(lat) if lat else None, float(lng) if lng else None, ref))
            names += [(k, number) for k in {key(n) for n in [name, *others.split("|")] if n}]
            if len(places) >= 10_000:  # written as read: the memory of a batch, not of the whole list
                conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
                conn.executemany("INSERT INTO names VALUES (?, ?)", names)
                places.clear()
                names.clear()
    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
    conn.executemany("INSERT INTO names VALUES (?, ?)", names)
    conn.execute("CREATE INDEX names_key ON names (key)")
    # Where each country has places, by cells of a degree: what lies near a point (far_from).
    conn.execute("CREATE TABLE cells (country TEXT, lat INTEGER, lng INTEGER, PRIMARY KEY (country, lat, lng))"
                 " WITHOUT ROWID")
    conn.execute("INSERT OR IGNORE INTO cells SELECT country, CAST(floor(lat) AS INTEGER), CAST(floor(lng) AS INTEGER)"
                 " FROM places WHERE lat IS NOT NULL")
    conn.commit()
    conn.close()


@cache
def _conn() -> sqlite3.Connection:
    """The index, built if missing; where the cache folder cannot be written, in the temporary
    folder; a damaged index is built again."""
    import tempfile

    name = f"gazetteer-{_version()}-{LAYOUT}.db"
    for folder in (_folder(), Path(tempfile.gettempdir()) / f"twinning-{os.getuid()}"):
        try:
            return _open(folder / name)
        except (OSError, sqlite3.DatabaseError):
            continue
    from .errors import DataError
    from .i18n import _

    raise DataError(_("cannot index the gazetteer in {folder} nor in the temporary folder: set TWINNING_CACHE to "
                      "a folder you can write").format(folder=_folder()))


LAYOUT = 2  # the index's own tables and indexes: a new layout is built anew beside the same content


def _version() -> str:
    """The gazetteer's content, named: the CRC-32 and length that end every gzip file. Not its
    date, which every checkout or copy changes: the one index serves them all."""
    with SOURCE.open("rb") as handle:
        handle.seek(-8, os.SEEK_END)
        return handle.read(8).hex()


def _open(path: Path) -> sqlite3.Connection:
    for attempt in (1, 2):
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                _build(temporary)
                os.replace(temporary, path)
            finally:
                temporary.unlink(missing_ok=True)
            for old in path.parent.glob("gazetteer-*.db"):  # the indexes of other versions, no longer used
                if old != path:
                    old.unlink(missing_ok=True)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM names WHERE key = ''").fetchone()
            return conn
        except sqlite3.DatabaseError:
            conn.close()
            if attempt == 2:
                raise
            path.unlink(missing_ok=True)  # damaged: made again
    raise AssertionError("unreachable")


@lru_cache(maxsize=8192)  # a pairs list asks for thousands of names: bounded memory
def places(name: str) -> list[Place]:
    """Every known place of that name (accents, case, hyphens, a leading article and the other
    names GeoNames gives ignored), the most populous first; 'St' read as 'Saint' and 'Ste' as
    'Sainte' (and back) where the name as written finds none: 'St Malo', 'Saint Albans'."""
    looked = key(name)
    found = _places(looked)
    if not found:
        words = looked.split("-")
        other = [_SAINT.get(word, word) for word in words]
        if other != words:
            found = _places("-".join(other))
    return found


_SAINT = {"st": "saint", "ste": "sainte", "saint": "st", "sainte": "ste"}


def _saintly(looked: str) -> str:
    """A look-up key with 'st' and 'ste' read as 'saint' and 'sainte'."""
    return "-".join({"st": "saint", "ste": "sainte"}.get(word, word) for word in looked.split("-"))


def _places(looked: str) -> list[Place]:
    return [Place(*row) for row in _conn().execute(
        "SELECT DISTINCT p.name, p.country, p.subdivision, p.population, p.lat, p.lng, p.ref FROM names n"
        " JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY p.population DESC, p.id", (looked,))]


@cache
def _subdivisions() -> dict[str, tuple[str, str]]:
    """Folded names of French regions and départements and of Canada's provinces: (country, code)."""
    from .countries import subdivision_names

    names = {slugify(name): (code[:2], code) for code, name in subdivision_names().items()
             if code[:2] in ("FR", "CA")}
    names["quebec"] = ("CA", "CA-QC")  # the province, when a text says 'au Québec'
    return names


def subdivision(name: str) -> tuple[str, str] | None:
    """(country, ISO 3166-2 code) of a region, département or province named so."""
    return _subdivisions().get(slugify(name))


def refs(name: str, country: str) -> set[str]:
    """The references (GeoNames, INSEE…) of the places of that name in that country: two names
    are one place's where these meet."""
    return {place.ref for place in places(name) if place.country == country and place.ref}


def other_name(name: str, country: str) -> tuple[str, str] | None:
    """A name with another name of the same place after it in brackets, as lists write a former or
    a foreign one: 'Kyiv (Kiev)' in UA -> ('Kyiv', 'Kiev'), both names of one GeoNames place of
    that country. None when the whole is a place's name ('Frankfurt (Oder)', 'Halle (Saale)') or
    when the two are no one place there ('Brest (Belarus)' in FR)."""
    match = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name.strip())
    if not match or any(p.country == country for p in places(name)):
        return None
    head, inner = match.group(1).strip(), match.group(2).strip()
    if refs(head, country) & refs(inner, country):
        return head, inner
    return None


def unique(name: str, country: str, within: str | None = None) -> Place | None:
    """The place of that name in that country (and in the subdivision `within`, when given: 'Paris'
    in US-TX), when the gazetteer knows one or one ten times as populous as the next (Sherbrooke,
    Québec, not the hamlet of Nova Scotia); None when unknown
    or when several compare (two Saint-Denis are not guessed between). 'Ville de Grenoble' is
    Grenoble. A place of that very name comes before those that bear it among their other names
    (Saint-Étienne in the Loire, not Saint-Étienne-du-Rouvray, which GeoNames also calls so),
    unless one of those is ten times as populous ('Clermont': Clermont-Ferrand beside Clermont,
    Oise: neither); where several have that very name, all compare ('Champigny':
    Champigny-sur-Marne)."""
    found, named = _namesakes(name, country, within)
    if _first(named):
        return None if any(p.population >= 10 * max(named[0].population, 1) for p in found if p not in named) \
            else named[0]
    return _first(found)


NEAR_KM = 25  # a list's point for a town and the gazetteer's: as far apart as a large commune's ends


def near(name: str, country: str, lat: float, lng: float, within: str | None = None) -> Place | None:
    """The place of that name in `country` whose point lies within NEAR_KM of the one given, when
    no other of that name does: of several Saint-Denis, the one a list's point is at (Seine-Saint-
    Denis', not La Réunion's); of Montreuil, the Vendée's village where the point is there, not the
    city ten times its size. Places bearing the name among their other names count only where none
    has that very name. The gazetteer's places without a point (villages of a few hundred) are not
    weighed."""
    found, named = _namesakes(name, country, within)
    close = [p for p in (named or found) if p.lat is not None and distance_km(lat, lng, p.lat, p.lng) <= NEAR_KM]
    return close[0] if len(close) == 1 else None


def _namesakes(name: str, country: str, within: str | None) -> tuple[list[Place], list[Place]]:
    """The places `name` finds in `country` (and in the subdivision `within`, or one it lies in,
    or in it), and those of them of that very name ('St' read as 'Saint')."""
    written = short_name(name)
    found = [p for p in places(written) if p.country == country
             and (not within or p.subdivision and related(within, p.subdivision))]
    looked = _saintly(key(written))
    return found, [p for p in found if _saintly(key(p.name)) == looked]


def _first(found: list[Place]) -> Place | None:
    """The one place, or one ten times as populous as the next (the list most populous first)."""
    if len(found) == 1 or len(found) > 1 and found[0].population >= 10 * max(found[1].population, 1):
        return found[0]
    return None


FAR_KM = 300  # no known place of the country this near: the point is not in that country
_SPREAD = 3  # cells of a degree a country's places must cover for far_from to judge within FAR_KM
# A country whose places lie in fewer cells (Monaco, Réunion, Malta) is judged only this far away:
# its places may be all the gazetteer has, and a few small territories are islands far apart
# (the Seychelles' Aldabra 1,100 km from Mahé); 'Le Port, Réunion' geocoded in Normandy is not.
FAR_SMALL_KM = 3000


def far_from(country: str, lat: float, lng: float) -> bool:
    """Whether a point lies over FAR_KM from every place the gazetteer knows in `country` (or in
    its overseas parts), as a point geocoded in another country does: Malakoff, France, given a
    point in Crimea; Dordrecht, South Africa, one in the Netherlands. False where that cannot be
    told (a point near the antimeridian or a pole); for a country whose places lie in fewer than
    _SPREAD cells of a degree, over FAR_SMALL_KM."""
    if not (math.isfinite(lat) and math.isfinite(lng)):
        return False
    cells = _cells()
    mine = cells.get(country, ())
    own = (math.floor(lat), math.floor(lng))
    if own in mine or not mine:  # most points: a place of their country in their own cell
        return False
    parts = _parts().get(country, (country,))
    if len(mine) < _SPREAD:
        return all(distance_km(lat, lng, a + 0.5, b + 0.5) > FAR_SMALL_KM
                   for part in parts for a, b in cells.get(part, ()))
    dlat = FAR_KM / 111.2
    dlng = dlat / max(math.cos(math.radians(lat)), 0.01)
    if abs(lat) + dlat > 89 or abs(lng) + dlng > 180:
        return False
    box = set(itertools.product(range(math.floor(lat - dlat), math.floor(lat + dlat) + 1),
                                range(math.floor(lng - dlng), math.floor(lng + dlng) + 1)))
    # a place within the cells around the point: at most a degree further than FAR_KM
    return all(box.isdisjoint(cells.get(part, ())) for part in parts)


def holds(country: str, lat: float, lng: float) -> bool:
    """Whether the gazetteer knows a place of `country` (or of its overseas parts) within the
    point's own cell of a degree."""
    cells, own = _cells(), (math.floor(lat), math.floor(lng))
    return any(own in cells.get(part, ()) for part in _parts().get(country, (country,)))


@cache
def _cells() -> dict[str, set[tuple[int, int]]]:
    """Each country's cells of a degree that hold a place: some 11,000 in all."""
    cells: dict[str, set[tuple[int, int]]] = {}
    for country, lat, lng in _conn().execute("SELECT country, lat, lng FROM cells"):
        cells.setdefault(country, set()).add((lat, lng))
    return cells


# A state's territories with ISO 3166-1 codes of their own that ISO 3166-2 does not list among its
# subdivisions: lists give their towns the state's country (Nuuk, Denmark).
_OTHER_PARTS = {"DK": ("GL", "FO"), "NO": ("SJ", "BV"), "FI": ("AX",), "AU": ("CX", "CC", "NF", "HM"),
                "NZ": ("CK", "NU", "TK"), "GB": ("GG", "JE", "IM", "GI", "BM", "KY", "FK", "MS", "PN", "SH", "TC",
                                                 "VG", "AI", "IO", "GS")}


@cache
def _parts() -> dict[str, tuple[str, ...]]:
    """Each state with territories of their own code: its code and theirs (FR: GP, MQ, RE… as ISO
    3166-2 lists them, by name: the gazetteer files their towns under those codes)."""
    from .countries import _dependency, where
    from .subdivisions import subdivision_names

    found: dict[str, set[str]] = {}
    for code, name in subdivision_names().items():
        if _dependency(code) and (place := where(name)) and place.country != code[:2]:
            found.setdefault(code[:2], set()).add(place.country)
    return {state: (state, *sorted(found.get(state, ())), *_OTHER_PARTS.get(state, ()))
            for state in found.keys() | _OTHER_PARTS.keys()}


@lru_cache(maxsize=8192)  # a list names its towns again and again
def written_as(name: str, country: str) -> str | None:
    """A name a list writes in capitals ('RENNES', 'SAINT-ETIENNE', as French lists of communes
    do) as the gazetteer writes the place of that name in `country` ('Rennes', 'Saint-Étienne'):
    where its places of that name, accents and case aside, are all written one way; else None."""
    from .vocabulary import search_key

    if not name.isupper() or len(name) < 3:
        return None
    wanted = search_key(name)
    written = {place.name for place in places(name) if place.country == country and search_key(place.name) == wanted}
    return written.pop() if len(written) == 1 else None


PLACED = ("FR", "CA", "US")  # the countries whose places the gazetteer gives with their subdivisions


def locate(party: dict) -> str | None:
    """Fill a raw party's missing subdivision and coordinates from the gazetteer when its name is
    unambiguous there, among the places of its subdivision when it has one (France, Canada and the
    United States, whose places the gazetteer gives with their regions, provinces and states); a
    note saying so, or None when nothing was filled."""
    if party.get("country") not in PLACED or (party.get("subdivision") and party.get("lat") not in (None, "")):
        return None

    name, point, within = str(party.get("name", "")), _point(party), party.get("subdivision") or None
    place = near(name, party["country"], *point, within) if point else None
    if place is None:  # given a point, a place of that name elsewhere is not this town: nothing filled
        place = unique(name, party["country"], within)  # within FR-35: the places of FR-BRE too
        if place is not None and point and place.lat is not None \
                and distance_km(*point, place.lat, place.lng) > NEAR_KM:
            return None
    if place is None:
        return None
    filled = []
    if not party.get("subdivision") and place.subdivision:
        party["subdivision"] = place.subdivision
        filled.append(place.subdivision)
    if party.get("lat") in (None, "") and party.get("lng") in (None, "") and place.lat is not None:
        party["lat"], party["lng"] = place.lat, place.lng
        filled.append(f"{place.lat}, {place.lng}")
    if not party.get("geonames") and geonames_id(place) and filled:
        party["geonames"] = geonames_id(place)
    if not filled:
        return None
    return f"{party['name']}: {'; '.join(filled)} from the gazetteer ({place.name}, {place.country}, {place.ref})."


def _point(party: dict) -> tuple[float, float] | None:
    """A party's point as two numbers of degrees, or None (none given, or not numbers)."""
    try:
        lat, lng = float(party["lat"]), float(party["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    return (lat, lng) if math.isfinite(lat) and math.isfinite(lng) else None
