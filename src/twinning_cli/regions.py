"""A twin-towns list's 'town' that is a region ('Calabria', 'Ōita Prefecture', 'Miami-Dade County',
'Victoria (state)'): told from a town, with its kind and, where ISO 3166-2 lists it, its code.

Twin-towns lists name regions beside towns (a city twinned with a province, a county, a state);
recorded as towns they would read as towns in every view. Two signs tell them: a kind of region
written with the name, or a name that ISO 3166-2 gives a region of that country and the
gazetteer gives no town there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .countries import one_region, subdivisions_named
from .gazetteer import places
from .subdivisions import subdivision_type

# The ISO 3166-2 types of subdivision no town is, as the register names such a party's kind (in
# French, as the seed does). A type left out (Municipality, City, Commune, London borough, Unitary
# authority…) is a town's own: Ohrid, Tallinn, Bedford stay towns.
REGION_KINDS = {
    "Region": "région", "Administrative region": "région", "Metropolitan region": "région",
    "Autonomous region": "région autonome", "Autonomous community": "communauté autonome",
    "Province": "province", "State": "état", "Regional state": "état", "Land": "land",
    "Department": "département", "Metropolitan department": "département",
    "County": "comté", "Two-tier county": "comté", "Council area": "council area",
    "Governorate": "gouvernorat", "Prefecture": "préfecture", "Oblast": "oblast", "Voivodship": "voïvodie",
    "Canton": "canton", "Republic": "république", "District": "district", "Division": "division",
    "Union territory": "territoire de l'Union", "Autonomous province": "province autonome",
    "Autonomous republic": "république autonome", "Territory": "territoire",
}
_HAMLET = 2_000  # a place this small sharing a region's name is not what a twin-towns list means (Bretagne, FR: 319)

# A kind of region written with a name, in English or French, and the register's kind for it.
_WORDS = {"county": "comté", "comté": "comté", "prefecture": "préfecture", "préfecture": "préfecture",
          "province": "province", "district": "district", "region": "région", "région": "région",
          "oblast": "oblast", "krai": "kraï", "governorate": "gouvernorat", "department": "département",
          "département": "département", "state": "état", "voivodeship": "voïvodie", "canton": "canton",
          "raion": "raïon", "okrug": "okroug", "emirate": "émirat"}
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
# 'Victoria (state)', 'Limburg (province)'; 'Ōita Prefecture', 'Miami-Dade County', 'Lagos State';
# 'Province of Ontario', 'County of Kent', 'Département du Finistère', 'Région Bretagne'.
_BRACKETED = re.compile(rf"(?P<name>.+?)\s*\(\s*(?P<word>(?i:{_WORD}))\s*\)")
_AFTER = re.compile(rf"(?P<name>.+?)\s+(?P<word>(?i:{_WORD}))")
_BEFORE = re.compile(rf"(?P<word>(?i:{_WORD}))\s+(?:(?i:of|de la|de|du|des)\s+|(?i:de l'|de l’|d'|d’)\s*)?(?P<name>.+)")


def kind_in_name(name: str) -> tuple[str, str, str] | None:
    """(the register's kind, the word as written, the region's own name) when a kind of region is
    written with the name ('Miami-Dade County', 'Ōita Prefecture', 'Herford (district)'); else
    None. 'Région' alone before a name counts; the other words before a name only with 'of' or
    'de' ('State College' is a town). The name stays whole, brackets and all: 'Herford
    (district)' is not the town of Herford beside it."""
    text = name.strip()
    if " " not in text and "(" not in text:  # most names: one word, no kind written with it
        return None
    match = _BRACKETED.fullmatch(text) or _AFTER.fullmatch(text)
    if match is None and (match := _BEFORE.fullmatch(text)) and match["name"] == text[len(match["word"]):].strip() \
            and match["word"].lower() != "région":
        match = None
    return (_WORDS[match["word"].lower()], match["word"].lower(), match["name"]) if match else None


def region_written_with(kind: str, written: str, name: str, country: str) -> str | None:
    """The ISO 3166-2 code of a region written with its kind ('Jõgeva County': kind_in_name gave
    'comté' and 'Jõgeva'): the whole as a name of a subdivision, or the name alone ('Victoria'),
    one of that kind first (EE-50 Jõgevamaa, a county, not EE-247 Jõgeva, a rural municipality),
    else one of another kind of region ('Lower Saxony (state)': DE-NI, a Land); never one of a
    town's kinds."""
    codes = [code for code in dict.fromkeys((region_code(written, country), region_code(name, country))) if code]
    kinds = [_kind_of(code) for code in codes]
    return next((code for code, found in zip(codes, kinds) if found == kind), None) or next(
        (code for code, found in zip(codes, kinds) if found), None)


def _kind_of(code: str | None) -> str | None:
    """The kind of region a subdivision is ('comté' for EE-50), or None: no code, or a town's kind
    of subdivision (a municipality)."""
    return REGION_KINDS.get(subdivision_type(code) or "") if code else None


def region_code(name: str, country: str) -> str | None:
    """The one ISO 3166-2 subdivision of `country` named so (ISO, French or GeoNames name:
    'Tuscany'), or None. Where a region and the one province it holds share the name
    ('Cantabria', 'Illes Balears'), the region."""
    return one_region(subdivisions_named(name, country))


@lru_cache(maxsize=8192)  # a list names its towns again and again
def region_named(name: str, country: str) -> tuple[str, str] | None:
    """(ISO 3166-2 code, kind) when a twin-towns list's 'town' is a region of `country`: one
    subdivision of that name there (ISO or French name), of a type no town is, and no place of
    that name there in the gazetteer but hamlets ('Calabria', 'Somerset', 'Friuli-Venezia Giulia',
    'Bretagne'). A town that gives a province its name stays the town (Córdoba, Salta, Berlin)."""
    code = region_code(name, country)
    kind = _kind_of(code)
    if kind is None:
        return _kind_before(name, country)
    if any(p.country == country and p.population >= _HAMLET for p in places(name)):
        return None
    return code, kind


def _kind_before(name: str, country: str) -> tuple[str, str] | None:
    """'County Limerick': the kind of region before the name a subdivision of that kind bears in
    ISO 3166-2 there (IE-LK, a county), which no other name gives (GeoNames: 'Limerick'). The
    kind written says which of the county and its town it is; 'State College' names no state."""
    match = _BEFORE.fullmatch(name.strip())
    code = match and region_code(match["name"], country)
    kind = _kind_of(code)
    return (code, kind) if kind is not None and kind == _WORDS[match["word"].lower()] else None
