"""Which territory a party is: the one rule behind imports, pairs, merges and migrations.

A territory is its name as written (NFC, case-folded: vocabulary.identity) in its country.
Told apart further by subdivision, identifiers and coordinates (two places of one name more
than NEAR_KM apart are two). Joined across names by:
- its Wikidata id, when both sides have one (an id wins over a name);
- the city it names: 'Ville de Québec', 'Municipalité de X', 'Commune de X', 'City of X' and
  a city 'X' are one when country and subdivision agree (a province or an MRC named X never is);
- the names a person gave it (`territories merge`, `territories rename`), kept in
  territory_aliases by name, so that they survive every rebuild of the register.
"""

from __future__ import annotations

import math
import re
import sqlite3
import sys
from collections import OrderedDict

from .countries import related
from .seen import Seen
from .vocabulary import UNKNOWN_KIND, fold, identity, search_key, short_name

NEAR_KM = 50
CITY_KINDS = {"ville", "municipalite", "commune", "cite", "city", "town", "village", "municipality"}
_CITY_PREFIX = re.compile(r"^(?:ville|municipalit[ée]|commune|cit[ée]|city|town|village|municipality)\s+"
                          r"(?:de la |de l'|des |du |de |d'|of the |of )?", re.IGNORECASE)
COLUMNS = "id, subdivision, lat, lng, wikidata, geonames, name_key"
UNKNOWN_KINDS = {UNKNOWN_KIND}  # a party whose kind its source does not say (a Wikidata item)


def city_key(name: str, kind: str | None) -> str | None:
    """The city a party names, when it is a city: 'Ville de Québec' (ville) -> 'québec'."""
    if fold(kind or "") in CITY_KINDS or _CITY_PREFIX.match(name.strip()):
        return identity(_CITY_PREFIX.sub("", name.strip()) or name)
    return None


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine), in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2)
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def same_place(candidate: list, party) -> bool:
    """Whether a stored territory [id, subdivision, lat, lng, wikidata, geonames] found by name
    is the party: nothing known of both may disagree."""
    _, subdivision, lat, lng, wikidata, geonames = candidate[:6]
    if party.wikidata is None and party.geonames is None and party.subdivision == subdivision \
            and party.lat == lat and party.lng == lng:
        return True  # the same place given the same way: the common case, decided at once
    if party.wikidata and wikidata and party.wikidata != wikidata:
        return False
    if party.geonames and geonames and party.geonames != geonames:
        return False
    if party.subdivision and subdivision and not related(party.subdivision, subdivision):
        return False
    if party.lat is not None and lat is not None and party.lng is not None and lng is not None:
        return distance_km(lat, lng, party.lat, party.lng) <= NEAR_KM
    return True


def _near(candidate: list, party) -> bool:
    """Both points known, and within NEAR_KM: what lets a name of unknown kind join a city's."""
    lat, lng = candidate[2], candidate[3]
    return None not in (lat, lng, party.lat, party.lng) and distance_km(lat, lng, party.lat, party.lng) <= NEAR_KM


def _missing(candidate: list, party) -> bool:
    _, subdivision, lat, _, wikidata, geonames = candidate[:6]
    return bool((party.subdivision and not subdivision) or (party.lat is not None and lat is None)
                or (party.wikidata and not wikidata) or (party.geonames and not geonames))


_INSERT = ("INSERT INTO territories (id, name, name_key, short_key, city_key, name_folded, kind, country, subdivision,"
           " lat, lng, wikidata, geonames) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


PRELOAD = 40_000  # territories: a register with at most this many has their keys read in (Resolver)


def _compact(row: tuple, key: str) -> list:
    """A territory as the resolver remembers it (COLUMNS), its texts shared where they can be: the
    name key is the one looked up, a region code is one string however many territories name it."""
    tid, subdivision, lat, lng, wikidata, geonames, name_key = row
    return [tid, subdivision and sys.intern(subdivision), lat, lng, wikidata, geonames,
            key if name_key == key else name_key]


class Resolver:
    """Parties to territory ids, creating territories as needed; remembers what it found."""

    # Keys remembered, the least recently used forgotten first, so memory stays flat: some 400 bytes
    # a key, its texts shared (_compact). Importing 100,000 records (33,000 territories): 16,000 keys
    # made 99,000 look-ups, 8,000 made 154,000 (3 % more time); 12,000 took the time 16,000 took.
    CACHE = 12_000

    def __init__(self, conn: sqlite3.Connection, preload: bool = False):
        self.conn = conn
        self.cache: OrderedDict[tuple, list[list]] = OrderedDict()
        # Made inside the writer's transaction: a register with no territory then holds only those
        # this resolver makes, whose keys `made` remembers (a name never made needs no look-up); for
        # a load (`preload`), a small one has the keys of those it holds read in first.
        last = conn.execute("SELECT coalesce(max(id), 0) FROM territories").fetchone()[0]
        self.made = Seen() if last == 0 or preload and last <= PRELOAD else None
        if self.made is not None and last:
            for key, city, country in conn.execute("SELECT name_key, city_key, country FROM territories"):
                self.made.add(("name", key, country))
                if city is not None:
                    self.made.add(("city", city, country))
        self.aliases = dict(((key, country), name) for key, country, name in
                            conn.execute("SELECT name_key, country, name FROM territory_aliases"))
        self.pending: list[tuple] = []  # territories made and not yet written: written at once (flush)
        self.next_id: int | None = None

    def clear(self) -> None:
        self.flush()
        self.cache.clear()

    def flush(self) -> None:
        """The territories made since the last flush, written: before anything reads the table or
        writes a row naming them."""
        if self.pending:
            self.conn.executemany(_INSERT, self.pending)
            self.pending.clear()

    def territory_id(self, party) -> int:
        if party.wikidata:
            self.flush()  # before each read of the table: what waits is found too
            row = self.conn.execute("SELECT id FROM territories WHERE wikidata = ?", (party.wikidata,)).fetchone()
            if row:
                self._fill(row[0], party)
                return row[0]
        name = self.aliases.get((identity(party.name), party.country))
        if name is not None:  # a name a person joined to a territory: that territory, wherever it lies
            self.flush()
            row = self.conn.execute("SELECT id FROM territories WHERE name_key = ? AND country = ? ORDER BY id",
                                    (identity(name), party.country)).fetchone()
            if row:
                return row[0]
        name = name or party.name
        key, city = identity(name), city_key(name, party.kind)
        unknown = fold(party.kind) in UNKNOWN_KINDS
        if unknown:  # 'Pau' of unknown kind may be the city 'Ville de Pau', if it lies where that city lies
            city = key
        candidates = self.cache.get((key, city, party.country))
        if candidates is not None:
            self.cache.move_to_end((key, city, party.country))
        else:
            never = self._never_made(key, city, party.country)
            if self.pending and not never:
                self.flush()
            candidates = [] if never else [
                _compact(row, key) for row in self.conn.execute(  # two index look-ups, not a scan of a country
                    f"SELECT * FROM (SELECT {COLUMNS} FROM territories WHERE name_key = ?2 AND country = ?1 UNION"
                    f" SELECT {COLUMNS} FROM territories WHERE city_key = ?3 AND country = ?1)"
                    " ORDER BY name_key != ?2, id", (party.country, key, city))]
            if len(self.cache) >= self.CACHE:
                self.cache.popitem(last=False)
            self.cache[key, city, party.country] = candidates
        for candidate in candidates:
            if unknown and candidate[6] != key and not _near(candidate, party):
                continue
            if same_place(candidate, party):
                if _missing(candidate, party):
                    self._fill(candidate[0], party)
                    candidate[1:] = [candidate[1] or party.subdivision,
                                     candidate[2] if candidate[2] is not None else party.lat,
                                     candidate[3] if candidate[3] is not None else party.lng,
                                     candidate[4] or party.wikidata, candidate[5] or party.geonames]
                return candidate[0]
        stored_city = None if unknown else city
        if self.next_id is None:  # ids given here, in order, so that the rows can wait to be written
            self.next_id = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM territories").fetchone()[0]
        tid, self.next_id = self.next_id, self.next_id + 1
        self.pending.append((tid, name, key, identity(short_name(name)), stored_city, search_key(name), party.kind,
                             party.country, party.subdivision, party.lat, party.lng, party.wikidata, party.geonames))
        if self.made is not None:
            self.made.add(("name", key, party.country))
            if stored_city is not None:
                self.made.add(("city", stored_city, party.country))
        candidates.append([tid, party.subdivision, party.lat, party.lng, party.wikidata, party.geonames, key])
        return tid

    def _never_made(self, key: str, city: str | None, country: str) -> bool:
        """Certainly no territory of this name (or naming this city) in the country: the register
        was empty and this resolver made none (the look-up would find nothing)."""
        return self.made is not None and ("name", key, country) not in self.made and (
            city is None or ("city", city, country) not in self.made)

    def _fill(self, tid: int, party) -> None:
        self.flush()
        self.conn.execute(
            "UPDATE territories SET subdivision = coalesce(subdivision, ?),"
            " lat = CASE WHEN lat IS NULL THEN ? ELSE lat END, lng = CASE WHEN lat IS NULL THEN ? ELSE lng END,"
            " wikidata = coalesce(wikidata, ?), geonames = coalesce(geonames, ?) WHERE id = ?",
            (party.subdivision, party.lat, party.lng, party.wikidata, party.geonames, tid))
