"""Country names as people write them, to ISO codes; and the labels shown on screen.

Names come from countries.tsv, generated from pycountry (ISO 3166-1) and Babel (CLDR,
every locale) by scripts/make_countries.py; ISO 3166-2 subdivisions from subdivisions.tsv,
generated from pycountry by the same script.
The same resolver serves --country, imports, validate and extract. Stdlib only at
import time: the table is read the first time a name (not a code) is looked up.
"""

from __future__ import annotations

import re
import sys
from collections import namedtuple
from functools import cache, lru_cache
from pathlib import Path

from .aliases import ALIASES, Place
from .flags import FIRST, split_flag
from .i18n import _
from .subdivisions import (_all_subdivision_names, _children, _other_subdivision_names, _subdivisions,  # noqa: F401
                           ancestors, is_subdivision,
                           region_label, related, subdivision_names)
from .vocabulary import fold, search_key


_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


@cache
def _keyed() -> dict[str, dict[str, str]]:
    """countries.tsv's keyed lines in one reading: 'N' (folded names) and 'K' (search keys), each
    key to its alpha-2 code; 'F' (former countries' folded names), each to its line's other cells.
    A code is one string however many names it has (32,000 names, 250 codes: 1.6 MB less)."""
    found: dict[str, dict] = {"N": {}, "K": {}, "F": {}}
    with (Path(__file__).with_name("countries.tsv")).open(encoding="utf-8") as handle:
        for line in handle:
            if line[:2] in ("N\t", "K\t"):
                tag, key, code = line.rstrip("\n").split("\t")
                found[tag][key] = sys.intern(code)
            elif line[:2] == "F\t":
                _tag, key, *cells = line.rstrip("\n").split("\t")
                found["F"][key] = Former(*cells)
    return found


Former = namedtuple("Former", "successor iso year")  # a country ISO 3166-3 lists as gone


def former(text: str) -> Former | None:
    """The country a name meant before it ended ('Zaire' -> CD, 'USSR' -> none, divided), as
    ISO 3166-3 lists it (its successor empty where several states took its place)."""
    return _keyed()["F"].get(fold(" ".join(text.split())))


@cache
def _names() -> dict[str, str]:
    """Folded country names in every language CLDR knows, and ISO's, to alpha-2 codes: the 'N'
    lines' own table, which nothing else reads, given the inverted names too (a copy took 1 MB)."""
    names = _keyed()["N"]
    for key, code in list(names.items()):  # ISO's inverted names read forward too: 'korea, republic of'
        head, sep, tail = key.partition(", ")  # -> 'republic of korea', 'palestine, state of' -> 'state of palestine'
        if sep and ", " not in tail:
            names.setdefault(f"{tail} {head}".removeprefix("the "), code)
    return names


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code, or XK (user-assigned, used by the EU and CLDR for Kosovo)."""
    return code in _labels()  # every ISO 3166-1 code has its labels in countries.tsv, and XK


@cache
def _labels() -> dict[str, tuple[str, str]]:
    """The labels alone: they come first in the file, so the 28,000 names are not read for them."""
    labels = {}
    with (Path(__file__).with_name("countries.tsv")).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("N\t"):
                break
            if line.startswith("L\t"):
                _, code, english, french = line.rstrip("\n").split("\t")
                labels[code] = (english, french)
    return labels


def label(code: str, lang: str = "en") -> str:
    """The common name shown on screen: 'South Korea', 'Taiwan', 'Russia'."""
    found = _labels().get(code)
    if not found:
        return code
    return found[1] if lang == "fr" else found[0]


@lru_cache(maxsize=1024)
def near(value: str) -> tuple[str, ...]:
    """The countries a name that is none may mean: those whose English or French name holds its
    every word ('Korea': South Korea, North Korea; 'Congo': both), else the one name a slip of
    the keys is closest to ('Frnace': France); codes, at most four."""
    import difflib

    def words(text: str) -> set[str]:
        return set(fold(text).replace("-", " ").replace("'", " ").split())

    wanted = words(value)
    labels = _labels()
    found = tuple(code for code, names in labels.items() if wanted and any(wanted <= words(name) for name in names))
    if found:
        return found[:4]
    keys = {fold(name): code for code, names in labels.items() for name in names}
    close = difflib.get_close_matches(fold(value), list(keys), n=1, cutoff=0.8)
    return (keys[close[0]],) if close else ()


def near_hint(value: str) -> str:
    """' (did you mean South Korea (KR) or North Korea (KP)?)' for `near`, in the interface's language; '' for none."""
    from .i18n import french

    found = [f"{label(code, 'fr' if french() else 'en')} ({code})" for code in near(value)]
    if not found:
        return ""
    shown = ", ".join(found[:-1]) + (_(" or ") if len(found) > 1 else "") + found[-1]
    return _(" (did you mean {countries}?)").format(countries=shown)


def subdivision_code(country: str, name: str) -> str | None:
    """The ISO 3166-2 code of a region of `country` given by its code, or its name in the
    ISO list or in French ('Brandenburg', 'Ohio', 'Bretagne', 'DE-BB')."""
    text = name.strip()
    if _DOTTED.fullmatch(text):  # a code written with dots: 'D.C.', 'B.C.', 'N.Y.'
        text = text.replace(".", "")
    upper = text.upper()
    if upper in _subdivisions() and upper.startswith(country + "-"):
        return upper
    if f"{country}-{upper}" in _subdivisions():
        return f"{country}-{upper}"
    return one_region(subdivisions_named(text, country))


def one_region(codes: list[str]) -> str | None:
    """The one subdivision a name gives: where a region and the one province it holds share it
    ('Cantabria', 'Illes Balears'), the region; where a city and its oblast do ('Minsk'), none."""
    if len(codes) > 1:
        codes = [code for code in codes if not set(ancestors(code)) & set(codes)]
    return codes[0] if len(codes) == 1 else None


_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,3}")
AFTER_NAME = re.compile(r"(.+?),\s*([^,()]+)|(.+?)\s*\(([^()]+)\)")  # 'Paris, Texas', 'Rennes (Ille-et-Vilaine)'


def town_and_country(text: str) -> tuple[str, str]:
    """A town cell that holds its country too, after a comma, a spaced dash or slash, or in
    brackets: 'Rennes, France', 'Erlangen – Allemagne', 'Montréal / Canada', 'Erlangen
    (Germany)', 'Paris, Texas, United States' -> (town, country); else (text, '')."""
    head, sep, tail = text.rpartition(",")  # the last comma: 'Paris, Texas, United States'
    if not sep:
        cut = [*SPACED_DASH.finditer(text)]  # 'Erlangen – Allemagne': a hyphen within a name has no spaces
        match = AFTER_NAME.fullmatch(text)  # 'Erlangen (Germany)'
        head, tail = (text[:cut[-1].start()], text[cut[-1].end():]) if cut else \
            (match.group(3), match.group(4)) if match else ("", "")
    if head.strip(" ,") and where(tail.strip()):
        return head.strip(" ,"), tail.strip()
    return text, ""


SPACED_DASH = re.compile(r"\s+[-–—/]\s+")  # between a town and where it lies, not within a name


def after_name(name: str, country: str) -> tuple[str, str | None] | None:
    """A place's name without what is written after it of where it lies, when that is a region of
    `country` or `country` itself, and that region: 'Paris, Texas' in US -> ('Paris', 'US-TX'),
    'Erlangen (Allemagne)' in DE -> ('Erlangen', None); or before it and a dash, as lists write a
    city's wards: 'Tokyo – Adachi' in JP -> ('Adachi', 'JP-13'); None for anything else ('Kyiv (Kiev)')."""
    match = AFTER_NAME.fullmatch(name)
    if not match:
        cut = SPACED_DASH.search(name)
        code = subdivision_code(country, name[:cut.start()]) if cut else None
        return (name[cut.end():], code) if code else None
    head, region = (match.group(1) or match.group(3)).strip(" ,"), match.group(2) or match.group(4)
    code = subdivision_code(country, region)
    if code:
        return head, code
    said = resolve(region)
    return (head, said.subdivision) if said and said.country == country else None


@lru_cache(maxsize=4096)  # a list repeats its few country cells thousands of times
def resolve(value: str) -> Place | None:
    """Where a country cell points: 'Russia', 'Allemagne', 'England, United Kingdom',
    'Georgia (country)', 'Ohio, United States', 'Scotland, UK', 'CA-QC' -> Place, or None."""
    text = " ".join(value.split()).strip(" ,;")
    if text and max(text) >= FIRST:  # '🇫🇷 France', '🇫🇷': the name, else the flag's code
        text, code = split_flag(text)
        return resolve(text) if text else _whole(code) if code else None
    if not text:
        return None
    found = _whole(text)
    if found:
        return found
    match = _PAREN.match(text)
    if match:  # 'Georgia (country)', 'Myanmar (Burma)', 'Québec (Canada)', 'Georgia (U.S. state)'
        inner = _whole(match.group(2)) or _described(match.group(2))
        if inner:
            return _within(match.group(1), inner)
        if _region_kind(match.group(2)):  # 'Georgia (state)': a region, not the country (see `where`)
            return None
        return _whole(match.group(1))
    head, sep, tail = text.rpartition(",")
    if sep:  # 'Brandenburg, Germany', 'England, United Kingdom'; 'Netherlands, The'
        country = resolve(tail)
        if country:
            return _within(head, country)
        return _whole(f"{tail.strip()} {head.strip()}")
    if text.endswith("."):  # 'France.'; 'U.S.' is a name of its own
        return resolve(text.rstrip("."))
    return None


# Words that say what kind of place a name in brackets is, as encyclopaedias disambiguate names
# ('Georgia (U.S. state)', 'Limburg (Belgian province)' aside): what is left names its country.
_KINDS = {"state", "province", "region", "county", "country", "territory", "department", "oblast", "prefecture",
          "etat", "pays", "departement", "territoire"}


def _region_kind(inner: str) -> bool:
    """Brackets saying only that the name is a region's: 'state', 'province' (not 'country')."""
    words = {fold(word) for word in inner.split()}
    return bool(words) and words <= _KINDS and not words & {"country", "pays"}


def _described(inner: str) -> Place | None:
    """The country named beside a kind of place in brackets: 'U.S. state' -> US, 'Australian state'
    -> None (an adjective is no country's name)."""
    words = inner.split()
    named = [word for word in words if fold(word) not in _KINDS]
    return resolve(" ".join(named)) if named and len(named) < len(words) else None


def _within(head: str, country: Place) -> Place:
    """`country`, with the subdivision `head` names when it is one of that country's
    ('Brandenburg', 'Québec', 'England'); else the country alone ('Georgia (country)').
    A territory with an ISO 3166-1 code of its own, written with the state it belongs to
    ('Hong Kong, China', 'Greenland (Denmark)', 'Guadeloupe, France'), is that code, as it
    is written alone; a state of one country named like another country stays a state
    ('Georgia, United States' is US-GA)."""
    region = _whole(head)
    if region and region.country == country.country:
        return Place(country.country, region.subdivision or country.subdivision)
    sub = subdivision_code(country.country, head)
    if region and not region.subdivision and (sub is None or _dependency(sub)) \
            and _own_name(head, region.country):
        return region
    return Place(country.country, sub or country.subdivision)


def _dependency(sub: str) -> bool:
    """A subdivision that is a territory of its own beside the state: CN-HK, US-PR, FR-971, NL-AW
    (not a province or state that shares a name with a country: GN-ML Mali, US-GA Georgia)."""
    found = _subdivisions().get(sub)
    kind = (found.type if found else "").lower()
    return kind.startswith(("overseas", "outlying", "special administrative")) or kind == "country"


def _own_name(head: str, code: str) -> bool:
    """`head` is what the territory `code` is called in English or French, or by ISO: not a
    name another language gives it that happens to be a place elsewhere ('Granada', 'Luanda')."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    names = [*_labels().get(code, ()), *(getattr(found, field, "") for field in ("name", "official_name",
                                                                                  "common_name"))]
    key = fold(head)
    own = {fold(name) for name in names if name} | {alias for alias, place in ALIASES.items() if place == (code, None)}
    return key in own or key.removeprefix("the ") in own


# An article or a preposition before a country's name, as French writes it and lists copy it from
# sentences ('la France', 'in Italy', 'aux États-Unis'): left off when the name with it is none
# ('El Salvador', 'La Réunion' are names whole).
_ARTICLE = re.compile(r"^(?:(?:le|la|les|die|der|el|los|las|il|in|en|au|aux|im) +|l['’] *)")


def _whole(text: str) -> Place | None:
    """A code or a whole name, no punctuation taken apart."""
    upper = text.upper()
    if len(text) == 2 and text.isalpha() and text.isascii() and is_country(upper):
        return Place(upper, None)
    if len(text) == 3 and text.isdigit():  # ISO 3166-1 numeric: '250' is France
        import pycountry

        found = pycountry.countries.get(numeric=text)
        return Place(found.alpha_2, None) if found else None
    if "-" in text and len(text) <= 6 and upper[:2].isalpha():
        if upper in _subdivisions():
            return Place(upper[:2], upper)
    key = fold(text)
    alias = ALIASES.get(key)
    if alias:
        return alias
    code = _names().get(key) or _names().get(key.removeprefix("the "))
    if code:
        return Place(code, None)
    if (bare := _ARTICLE.sub("", key, count=1)) != key:  # 'la France', "l'Allemagne", 'in Italy'
        return _whole(bare)
    gone = _keyed()["F"].get(key)
    if gone and gone.successor:  # 'Zaire', 'Dahomey', 'East Germany': the one state after it
        return Place(gone.successor, None)
    if "," in key or "(" in key:
        return None  # resolve takes such a text apart
    loose = search_key(key)  # 'Etats Unis', 'Guinea Bissau', 'St Lucia': punctuation and 'St' aside
    for form in _spelled_out(loose):
        code = _names().get(form) or _loose_names().get(form)
        found = _loose_aliases().get(form) or (Place(code, None) if code else None)
        if found:
            return found
    return None


# Words lists shorten in country names, in French then in English ('Rép. tchèque', 'Czech Rep.',
# 'Rép. dém. du Congo', 'Dem. Rep. of the Congo', 'Féd. de Russie'): neither CLDR nor ISO lists
# these forms.
_SHORT_WORDS = ({"rep": "republique", "dem": "democratique", "fed": "federation", "pop": "populaire"},
                {"rep": "republic", "dem": "democratic", "fed": "federation", "pop": "people s"})


def _spelled_out(loose: str) -> list[str]:
    """A search key as it is, then with its shortened words written out in each language."""
    words = loose.split()
    if not any(word in _SHORT_WORDS[0] for word in words):
        return [loose]
    return [loose, *(" ".join(short.get(word, word) for word in words) for short in _SHORT_WORDS)]


def _loose_names() -> dict[str, str]:
    """Names by their search key where it differs ('etats-unis' as 'etats unis'), one country's
    alone: the K lines of countries.tsv."""
    return _keyed()["K"]


@cache
def _loose_aliases() -> dict[str, Place]:
    return {search_key(key): place for key, place in ALIASES.items()}


def where(value: str) -> Place | None:
    """What a country cell or a --country value points to: a country (resolve) or, when it names
    none, the one region of that name anywhere: 'Québec' -> CA, CA-QC; 'Bayern' -> DE, DE-BY
    (a name several countries' regions share, 'Limburg', points nowhere)."""
    place = resolve(value)
    if place is None:
        match = _PAREN.match(value.strip())
        code = region_code(match.group(1) if match and _region_kind(match.group(2)) else value)
        place = Place(code[:2], code) if code else None
    return place


def subdivisions_named(text: str, country: str | None = None, *, others: bool = False) -> list[str]:
    """The ISO 3166-2 codes of the subdivisions of that name in any country (in `country` when
    given), in the ISO list or in French, punctuation and accents aside ('Provence Alpes Cote d
    Azur', 'St. Gallen'). When those name none, with `country` or `others`: the subdivisions
    GeoNames gives that name ('Tuscany', 'Styria', 'Lower Saxony'); without, as the extractor
    reads prose, ISO's and French names only."""
    key = search_key(text)
    codes = [code for code in _all_subdivision_names().get(key, ()) if not country or code.startswith(country + "-")]
    if not codes and (country or others):
        codes = [code for code in _other_subdivision_names().get(key, ())
                 if not country or code.startswith(country + "-")]
    return codes


def country_code(value: str) -> str | None:
    """'FR', 'fra', 'France', 'Allemagne', 'Russia', 'England' -> alpha-2 code, or None."""
    place = resolve(value)
    return place.country if place else None


def regions(value: str) -> list[str]:
    """The ISO 3166-2 codes a --region names, with the subdivisions inside it ('FR-BRE' brings its
    départements): a code ('CA-QC') or a name in the ISO list or in French ('Québec', 'Bretagne',
    'Occitanie'). ValueError naming the codes when a name is ambiguous, or when nothing matches."""
    text = value.strip()
    if text.upper() in _subdivisions():
        codes = [text.upper()]
    else:
        codes = subdivisions_named(text, others=True)
        if len(codes) > 1 and (one := one_region(codes)):  # 'Cantabria': the region, its one province within
            codes = [one]
        if len(codes) > 1:
            raise ValueError(_("region {value!r} is ambiguous: give its code, one of {codes}").format(
                value=value, codes=", ".join(sorted(codes))))
        if not codes:
            raise ValueError(_("unknown region {value!r}: give an ISO 3166-2 code (CA-QC, FR-BRE) or a region's "
                               "name").format(value=value))
    children = _children()
    out, queue = [], list(codes)
    while queue:
        code = queue.pop()
        out.append(code)
        queue.extend(children.get(code, []))
    return sorted(out)


def region_code(value: str) -> str | None:
    """The one ISO 3166-2 subdivision a name or code gives, in any country ('Texas', 'Bretagne',
    'Québec', 'US-TX'); None when it gives none, or several ('Limburg' is in BE and NL; one_region
    tells a region from the one province it holds)."""
    text = value.strip()
    if "-" in text and text.upper() in _subdivisions():
        return text.upper()
    return one_region(subdivisions_named(text, others=True))
