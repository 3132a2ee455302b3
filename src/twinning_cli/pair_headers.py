"""Which column of a twin-towns list is which (`import --pairs`): its header line read as people
write it, in English, French and the other languages such lists come in.

A list numbers its two towns' columns ('city1', 'Ville 2', 'city_a', 'Latitude B'), or tells the
twin's by a word ('Twin town', 'Pays jumelle', 'Partnerstadt', 'Jumelée avec'), or repeats the
same header ('Town, Country, Twin town, Country': the second 'Country' is the twin's). A French
list of decentralized cooperation says 'Collectivité française' and 'Collectivité partenaire':
its header gives the first column's country for every row, and its one 'Pays' is the partner's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import DataError, UsageError
from .i18n import _
from .vocabulary import fold

PAIR_COLUMNS = ("city1", "country1", "city2", "country2", "lat1", "lng1", "lat2", "lng2", "start", "end", "year",
                "region1", "region2", "domains", "kind", "status", "type1", "type2", "title", "summary")

# Headers people give a twin-towns list's columns, folded (_header_key), beside ours: French ones,
# the usual English variants, and the words of the other languages lists come in.
_HEADER_WORDS = {
    "city": ("city", "town", "ville", "commune", "municipality", "municipalite", "name", "nom", "stadt",
             "gemeinde", "ciudad", "municipio", "citta", "comune", "cidade", "localite", "locality", "collectivite",
             "collectivites", "autoritelocale", "localauthority", "territoire",
             # Dutch, Nordic, Polish, Czech and Slovak, Hungarian, Romanian, Croatian and Serbian, Turkish
             "gemeente", "stad", "plaats", "kommune", "kommun", "miasto", "gmina", "mesto", "obec", "varos", "oras",
             "grad", "sehir", "belediye"),
    "country": ("country", "pays", "land", "pais", "paese", "nation", "kraj", "zeme", "krajina", "orszag", "tara",
                "drzava", "ulke", "maa"),
    "lat": ("lat", "latitude", "breite"),
    "lng": ("lng", "lon", "long", "longitude", "lange"),
    "year": ("year", "annee", "date", "since", "depuis", "seit", "desde", "jahr", "ano", "anno", "established",
             "signed", "twinned", "signature", "sinds", "jaar", "siden", "sedan", "rok", "odroku", "ev", "godina",
             "yil", "vuosi"),
    "region": ("region", "state", "province", "subdivision", "etat", "departement", "county", "bundesland"),
    # what a twinning or a cooperation is about, as lists of decentralized cooperation give it
    "domains": ("domaines", "domaine", "domains", "domain", "thematiques", "thematique", "themes", "theme",
                "secteurs", "secteur", "sectors", "sector", "topics"),
    # the kind of agreement: the word alone, or a header naming the tie ('Type de coopération',
    # 'Nature du lien'), never the territory's ('Type de collectivité': type1, below)
    "kind": ("type", "nature", "kind", "instrument"),
    # where the agreement stands ('Statut', 'Statut du projet'); not 'État' nor 'State', a region's
    "status": ("status", "statut"),
}
# Columns a list of decentralized cooperation has beside its pairs, by their headers as a whole
# (folded, _header_key): when the agreement runs ('Date de début', 'Date de fin'), the list's own
# title for it ('Intitulé du projet') and what it is about ('Description', 'Objet'). Whole headers
# only: 'Fin' is an end, 'Financement' is not.
_WHOLE_HEADERS = {
    "start": ("datededebut", "datedebut", "debut", "startdate", "start", "datedemarrage", "debutduprojet",
              "datededebutduprojet", "anneededebut", "validfrom", "datedentreeenvigueur", "entreeenvigueur"),
    "end": ("datedefin", "datefin", "fin", "enddate", "end", "finduprojet", "datedefinduprojet", "anneedefin",
            "validuntil", "until", "echeance", "datedecheance"),
    "title": ("intitule", "intituleduprojet", "titre", "titreduprojet", "title", "nomduprojet", "projet", "project",
              "projectname", "projecttitle", "libelle", "intituledelaction", "action"),
    "summary": ("description", "descriptionduprojet", "resume", "summary", "objet", "objetduprojet", "objectifs",
                "objectif", "details", "presentation"),
}
# What a town's column of types says it is, the town's or its partner's: 'Type de collectivité',
# 'Catégorie de l'autorité locale partenaire', 'Type of local authority'.
_TYPE_WORDS = ("type", "nature", "categorie", "category")
_TYPED = ("collectivite", "autorite", "territoire", "authority", "municipalit", "commune", "entite")
_TIES = ("accord", "cooperation", "lien", "partenariat", "relation", "convention", "jumelage", "agreement",
         "partnership", "link", "tie")
# The endings that number a town's columns: 'city1', 'city_a' (folded: 'citya').
_SIDES = {"1": ("1", "a"), "2": ("2", "b")}
# A list of one town's twins names its columns without numbers: 'Town' then 'Twin town', 'Ville'
# then 'Ville jumelle' (folded as _header_key). Beside these, any header holding a twin marker
# (below) and beginning or ending with a word for a town: 'Partnerstadt', 'Ciudad hermana'.
_TWIN_HEADERS = ("twintown", "twincity", "sistercity", "sistertown", "partnercity", "partnertown", "villejumelle",
                 "villejumelee", "communejumelle", "communejumelee", "villepartenaire", "jumelle", "jumelleavec",
                 "twintowns", "twincities", "sistercities", "sistertowns", "partnercities", "partnertowns",
                 "villesjumelles", "villesjumelees", "communesjumelles", "communesjumelees", "villespartenaires",
                 "jumelles", "jumelage", "jumelages", "twin", "twins", "partner", "partners", "sister", "twinnedwith",
                 "jumeleeavec", "jumeleavec", "partenaire", "partenaires", "partnerschaft", "partnerschaften",
                 "hermanada", "hermanadacon", "gemellata", "gemellatacon",
                 "venskabsby", "vennskapsby", "vanort", "ystavyyskaupunki")  # Danish, Norwegian, Swedish, Finnish
# What tells the twin's column from the town's in such a list: 'Pays jumelle', 'Twin country'.
_TWIN_MARKERS = ("jumel", "twin", "sister", "partner", "partenaire", "herman", "gemell", "irma", "zuster",
                 "pobratim", "bliznia", "testver", "venskab", "vanort", "ystavyys", "kardes", "infratit")
# A header that ends with a year word but is about the list, not the twinning ('Last update').
_NOT_YEAR = ("update", "modif", "retrieved", "access", "created", "consult")


class Given(str):
    """A cell's value the header line gives for every row, in place of a column: the country of
    'Collectivité française' (FR), of 'Municipalité québécoise' (CA-QC)."""


def pair_mapping(items: list[str]) -> dict[str, str | None]:
    """Each pair column's header as --map names it; None: found in the header line (find_headers)."""
    mapping: dict[str, str | None] = dict.fromkeys(PAIR_COLUMNS)
    for item in items:
        key, sep, header = item.partition("=")
        if not sep or key.strip() not in PAIR_COLUMNS or not header.strip():
            raise UsageError(_("--map takes COLUMN=HEADER with COLUMN one of {value}; got {item!r}").format(
                                 value=', '.join(PAIR_COLUMNS), item=item))
        mapping[key.strip()] = header.strip()
    return mapping


def unique_headers(headers: list[str]) -> list[str]:
    """The header line with each repeated header numbered from its second time on ('Country',
    'Country (2)'), so that both columns are read: a list of one town's twins often says 'Country'
    for the town's and the twin's."""
    seen: dict[str, int] = {}
    unique = []
    for header in headers:
        count = seen[header] = seen.get(header, 0) + 1
        unique.append(header if count == 1 or not header.strip() else f"{header} ({count})")
    return unique


def _header_key(header: str) -> str:
    """A header as compared: accents, case, spaces and punctuation left out ('Ville 1' = 'ville1')."""
    return "".join(char for char in fold(header) if char.isalnum())


def _numbered(word: str, number: str, folded: dict[str, str]) -> str | None:
    """The header of `word` for town `number` ('city1', 'Ville 2', 'city_a', 'Country (2)')."""
    return next((folded[name + end] for name in _HEADER_WORDS[word] for end in _SIDES[number]
                 if name + end in folded), None)


def _begins(header: str, names: tuple[str, ...]) -> bool:
    """Whether a header's first word, or first two, is one of `names` ('Collectivité française',
    'Autorité locale', 'Town name'); 'Nom'/'Name' first only with a town word after it ('Nom de
    la collectivité', not 'Nom du maire')."""
    words = re.findall(r"[0-9a-z]+", fold(header))
    if words[:1] in (["nom"], ["name"]):
        return any(word in names and word not in ("nom", "name") for word in words[1:])
    return any("".join(words[:size]) in names for size in (1, 2))


# A place a header names after its town word: in brackets, or after a preposition ('Ville
# (Allemagne)', 'Commune en France', 'Town in Germany', 'Municipalité du Québec').
_PLACE_AFTER = re.compile(r"(?:\(\s*(?P<bracketed>[^()]{3,}?)\s*\)|\s(?:in|en|au|aux|du|des|de la|de l['’]|de|d['’]|of)"
                          r"\s*(?P<after>[^()]{3,}?))\s*$", re.IGNORECASE)


def _given_country(header: str) -> str | None:
    """The country (or Québec's code) a town column's header gives all its rows: an adjective of
    nationality ('Collectivité française', 'Municipalité québécoise'), or a place named in
    brackets or after a preposition ('Ville (Allemagne)', 'Commune en France'); else None
    ('Town/City': a word the country names resolve is no country the header names)."""
    from .countries import where
    from .demonyms import demonym

    if found := demonym(header):
        return found[1] or found[0]
    if (match := _PLACE_AFTER.search(header)) and (place := where(match["bracketed"] or match["after"])):
        return place.subdivision or place.country
    return None


def _names_a_place(value: str) -> bool:
    from .countries import where

    return where(value) is not None


def _the_twins_country(found: dict, mapping: dict, headers: list[str], town_given: bool) -> bool:
    """Whether a list's one country column is the twin's: where the town column's header gives
    the town's ('Collectivité française, Pays, Collectivité partenaire'), or where it stands after
    the twin's column, as a town's own list of its twins has it ('Commune, Partenaire, Pays',
    'City, Sister City, Country'), the town's country being the list's own, unwritten. One
    standing before it otherwise stays the town's ('Town, Country, Twin town')."""
    country, city1, city2 = found["country1"], found["city1"], found["city2"]
    if found["country2"] is not None or mapping["country1"] or mapping["country2"] or country not in headers:
        return False
    return town_given or city1 in headers and city2 in headers \
        and headers.index(city1) < headers.index(city2) < headers.index(country)


def _twin_marked(key: str) -> bool:
    return any(marker in key for marker in _TWIN_MARKERS)


def _unnumbered(word: str, number: str, folded: dict[str, str]) -> str | None:
    """Without numbers, the header of `word` for the town (the word alone: 'Ville', 'Pays') or for
    its twin (the word with a twin marker: 'Ville jumelle', 'Twin country', 'Partnerland'; for the
    town's name, a twin header alone too: 'Twin', 'Jumelée avec')."""
    names = _HEADER_WORDS[word]
    if number == "1":  # the word alone, else a header it begins that is not the twin's
        return next((folded[name] for name in names if name in folded), None) or next(
            (header for key, header in folded.items() if not _twin_marked(key) and _begins(header, names)), None)
    if word == "city" and (header := next((folded[name] for name in _TWIN_HEADERS if name in folded), None)):
        return header
    return next((header for key, header in folded.items() if _twin_marked(key)
                 and any(key.startswith(name) or key.endswith(name) for name in names)), None)


def _one(word: str, folded: dict[str, str], taken: set[str]) -> str | None:
    """The header of a column a pair has once: its word alone ('Year', 'Année', 'Date', 'Since';
    'Thématiques'), else a header beginning or ending with one ('Année de jumelage', 'Year
    twinned', 'Twinned since'; 'Domaines de coopération')."""
    names = _HEADER_WORDS[word]
    if header := next((folded[name] for name in names if name in folded), None):
        return header
    if word == "kind":
        return next((header for key, header in folded.items() if header not in taken and key.startswith(names)
                     and any(tie in key for tie in _TIES) and not any(t in key for t in _TYPED)), None)
    return next((header for key, header in folded.items() if header not in taken
                 and any(key.startswith(name) or key.endswith(name) for name in names)
                 and not (word == "year" and any(other in key for other in _NOT_YEAR))), None)


def find_headers(headers: list[str], mapping: dict[str, str | None], line: str) -> dict[str, str | None]:
    """Each pair column's header in this file: the one --map names (spaces around it aside), else
    the column's own name or a usual variant of it in any case, spacing or language ('Ville 1',
    'LATITUDE2', 'city_b', 'Twin town', 'Partnerstadt'). Without country columns, a country is None:
    each town cell then holds it ('Rennes, France')."""
    stripped = {header.strip(): header for header in headers}
    folded: dict[str, str] = {}
    for header in headers:
        folded.setdefault(_header_key(header), header)
    found: dict[str, str | None] = {}
    missing = []
    for key, wanted in mapping.items():
        if wanted is not None:
            header = wanted if wanted in headers else stripped.get(wanted)
        elif key in ("year", "domains", "kind", "status"):
            header = _one(key, folded, {h for h in found.values() if h})
        elif key in _WHOLE_HEADERS:
            header = next((folded[name] for name in _WHOLE_HEADERS[key] if name in folded), None)
        elif key in ("type1", "type2"):
            header = next((h for k, h in folded.items() if k.startswith(_TYPE_WORDS) and any(t in k for t in _TYPED)
                           and _twin_marked(k) == (key == "type2")), None)
        else:
            word, number = key[:-1], key[-1]
            header = _numbered(word, number, folded) or _unnumbered(word, number, folded)
        if header is None and key == "country2" and mapping["country1"] and found["country1"].__class__ is Given:
            header = _unnumbered("country", "1", folded)  # --map country1=France: the one country column is the twin's
        if header is None and key.startswith("country") and wanted is None:
            found[key] = None  # none: each town cell says its country ('Rennes, France')
            continue
        if header is None and key.startswith("country") and _names_a_place(wanted):
            found[key] = Given(wanted)  # --map country1=France: every row's town is in France
            continue
        if header is None and key in PAIR_COLUMNS[:4]:
            missing.append(_("{key} (header {header!r})").format(key=key, header=wanted or key))
        found[key] = header if header is not None else wanted or key
    given = {n: _given_country(found[f"city{n}"]) for n in "12"
             if mapping[f"country{n}"] is None and found[f"city{n}"] in headers}
    if _the_twins_country(found, mapping, headers, bool(given.get("1")) and not given.get("2")):
        found["country1"], found["country2"] = None, found["country1"]
    for n, code in given.items():
        if code and found[f"country{n}"] is None:
            found[f"country{n}"] = Given(code)
    if missing:
        hint = _("name other headers with --map city1=HEADER")
        if len(headers) == 1 and any(d in line for d in ",;\t"):
            hint = _("the header reads as one column: give the delimiter with --delimiter ';' (or ',', 'tab')")
        raise DataError(_('missing columns: {value}; {hint}').format(value=', '.join(missing), hint=hint))
    return found


# A list copied from a page often comes without a header: its first line is already a pair. The
# orders it is read in, by its number of cells: a town and its country, then the twin and its;
# each with its point between, as the world list orders them; a year after either.
_ORDERS = {4: ("city1", "country1", "city2", "country2"),
           8: ("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2")}
_ORDERS |= {n + 1: (*columns, "year") for n, columns in _ORDERS.items()}
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")


def headerless(cells: list[str]) -> tuple[str, ...] | None:
    """The columns of a pairs list whose first line is a pair, not a header ('Rennes,France,
    Erlangen,Germany'): where both country cells of one of _ORDERS name countries, the point
    cells are numbers and the year cell a year; None for anything else."""
    from .coordinates import read as read_coordinate
    from .countries import resolve

    columns = _ORDERS.get(len(cells))
    if columns is None:
        return None
    cell = dict(zip(columns, (text.strip() for text in cells)))
    if not all(resolve(cell[key]) for key in ("country1", "country2")) or not cell["city1"] or not cell["city2"]:
        return None
    if any(read_coordinate(cell[key], key[:3]) is None for key in ("lat1", "lng1", "lat2", "lng2") if key in cell):
        return None
    return columns if "year" not in cell or _YEAR.fullmatch(cell["year"]) else None


# Words of a header line that say a list is written in French, and so its dates day first.
_FRENCH = ("ville", "pays", "commune", "jumel", "collectivite", "annee", "datede", "datedu", "depuis", "partenaire",
           "municipalite", "autoritelocale", "departement", "thematique", "statut", "intitule")


@lru_cache(maxsize=64)
def in_french(headers: tuple[str, ...]) -> bool:
    """Whether a list's headers are French ('Ville', 'Pays jumelle', 'Date de signature'): its
    dates in figures are then read day first, as French writes them."""
    return any(word in _header_key(header) for header in headers for word in _FRENCH)
