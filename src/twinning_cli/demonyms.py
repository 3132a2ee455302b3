"""The country a French adjective of nationality names: 'la ville italienne de Zeppolo' is in Italy.

Neither CLDR (through Babel) nor pycountry lists demonyms, so this is a table of our own: the
countries French press names most as partners of French and Québec territories, each adjective
as a stem with its endings. An adjective two countries share ('congolais': CG or CD) is left out.
"""

from __future__ import annotations

import re
from functools import cache

# (country, subdivision or None, adjective: masculine stem and its endings)
DEMONYMS = [
    ("FR", None, r"français(?:e|es)?"), ("DE", None, r"allemand(?:e|s|es)?"), ("IT", None, r"italien(?:ne|s|nes)?"),
    ("ES", None, r"espagnol(?:e|s|es)?"), ("BE", None, r"belges?"), ("CH", None, r"suisses?"),
    ("GB", None, r"britanniques?"), ("GB", "GB-ENG", r"anglais(?:e|es)?"), ("GB", "GB-SCT", r"écossais(?:e|es)?"),
    ("GB", "GB-WLS", r"gallois(?:e|es)?"), ("IE", None, r"irlandais(?:e|es)?"), ("NL", None, r"néerlandais(?:e|es)?"),
    ("LU", None, r"luxembourgeois(?:e|es)?"), ("AT", None, r"autrichien(?:ne|s|nes)?"),
    ("PT", None, r"portugais(?:e|es)?"), ("PL", None, r"polonais(?:e|es)?"), ("CZ", None, r"tchèques?"),
    ("SK", None, r"slovaques?"), ("HU", None, r"hongrois(?:e|es)?"), ("RO", None, r"roumain(?:e|s|es)?"),
    ("BG", None, r"bulgares?"), ("GR", None, r"grec(?:s|que|ques)?"), ("HR", None, r"croates?"),
    ("RS", None, r"serbes?"), ("SI", None, r"slovènes?"), ("UA", None, r"ukrainien(?:ne|s|nes)?"),
    ("RU", None, r"russes?"), ("TR", None, r"turc(?:s|que|ques)?"), ("AM", None, r"arménien(?:ne|s|nes)?"),
    ("LB", None, r"libanais(?:e|es)?"), ("IL", None, r"israélien(?:ne|s|nes)?"),
    ("PS", None, r"palestinien(?:ne|s|nes)?"), ("MA", None, r"marocain(?:e|s|es)?"),
    ("DZ", None, r"algérien(?:ne|s|nes)?"), ("TN", None, r"tunisien(?:ne|s|nes)?"),
    ("SN", None, r"sénégalais(?:e|es)?"), ("ML", None, r"malien(?:ne|s|nes)?"), ("BF", None, r"burkinabé?s?"),
    ("CI", None, r"ivoirien(?:ne|s|nes)?"), ("GN", None, r"guinéen(?:ne|s|nes)?"), ("BJ", None, r"béninois(?:e|es)?"),
    ("TG", None, r"togolais(?:e|es)?"), ("NE", None, r"nigérien(?:ne|s|nes)?"),
    ("MR", None, r"mauritanien(?:ne|s|nes)?"), ("CM", None, r"camerounais(?:e|es)?"),
    ("GA", None, r"gabonais(?:e|es)?"), ("MG", None, r"malgaches?"), ("DJ", None, r"djiboutien(?:ne|s|nes)?"),
    ("HT", None, r"haïtien(?:ne|s|nes)?"), ("CA", None, r"canadien(?:ne|s|nes)?"),
    ("CA", "CA-QC", r"québécois(?:e|es)?"), ("US", None, r"américain(?:e|s|es)?"),
    ("MX", None, r"mexicain(?:e|s|es)?"), ("BR", None, r"brésilien(?:ne|s|nes)?"),
    ("AR", None, r"argentin(?:e|s|es)?"), ("CL", None, r"chilien(?:ne|s|nes)?"), ("JP", None, r"japonais(?:e|es)?"),
    ("CN", None, r"chinois(?:e|es)?"), ("VN", None, r"vietnamien(?:ne|s|nes)?"), ("SE", None, r"suédois(?:e|es)?"),
    ("NO", None, r"norvégien(?:ne|s|nes)?"), ("DK", None, r"danois(?:e|es)?"), ("FI", None, r"finlandais(?:e|es)?"),
    ("ES", "ES-CT", r"catalan(?:e|s|es)?"),
]


@cache
def _pattern() -> re.Pattern:
    alternatives = "|".join(f"(?P<d{i}>{stem})" for i, (_, _, stem) in enumerate(DEMONYMS))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def demonym(words: str) -> tuple[str, str | None] | None:
    """(country, subdivision) of the one adjective of nationality in `words` ('ville italienne de'),
    or None when there is none, or two that disagree."""
    found = {DEMONYMS[int(m.lastgroup[1:])][:2] for m in _pattern().finditer(words)}
    return found.pop() if len(found) == 1 else None
