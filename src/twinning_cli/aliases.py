"""Country names neither ISO nor CLDR gives, as people write them, each with why: the UK's
nations, former and short names, the French press's abbreviations. countries.py reads them
beside the names of countries.tsv."""

from __future__ import annotations

from collections import namedtuple

Place = namedtuple("Place", "country subdivision")

# What neither ISO nor CLDR gives, each with why. Folded names.
ALIASES: dict[str, Place] = {
    # The four nations of the United Kingdom: ISO 3166-2 subdivisions of GB, written as countries.
    "england": Place("GB", "GB-ENG"),
    "scotland": Place("GB", "GB-SCT"),
    "wales": Place("GB", "GB-WLS"),
    "northern ireland": Place("GB", "GB-NIR"),
    "angleterre": Place("GB", "GB-ENG"),  # their French names, which CLDR does not list as countries
    "ecosse": Place("GB", "GB-SCT"),
    "pays de galles": Place("GB", "GB-WLS"),
    "irlande du nord": Place("GB", "GB-NIR"),
    "uk": Place("GB", None),  # CLDR's English short form, which Babel does not expose
    "great britain": Place("GB", None),  # the island, used for the state in many lists
    "republic of ireland": Place("IE", None),  # the usual name for the state beside Northern Ireland
    "ivory coast": Place("CI", None),  # CLDR's English variant, not exposed by Babel
    "democratic republic of the congo": Place("CD", None),  # CLDR says 'Congo - Kinshasa'
    "republic of the congo": Place("CG", None),  # CLDR says 'Congo - Brazzaville'
    "macedonia": Place("MK", None),  # short name before 2019, common in older lists
    "republic of macedonia": Place("MK", None),
    "palestine": Place("PS", None),  # CLDR says 'Palestinian Territories', ISO 'Palestine, State of'
    "east timor": Place("TL", None),  # the English name before Timor-Leste
    "vatican": Place("VA", None),
    "the netherlands": Place("NL", None),
    "the gambia": Place("GM", None),
    "the bahamas": Place("BS", None),
    "federated states of micronesia": Place("FM", None),
    "people's republic of china": Place("CN", None),
    "republic of china": Place("TW", None),  # the state's own name
    "u.s.": Place("US", None),
    "u.s.a.": Place("US", None),
    "u.k.": Place("GB", None),
    "macau": Place("MO", None),  # the usual English spelling; CLDR and ISO say Macao
    "britain": Place("GB", None),  # short for Great Britain, as above
    "holy see": Place("VA", None),  # ISO has it only with '(Vatican City State)' after it
    "dr congo": Place("CD", None),  # the usual English short forms of the Democratic Republic
    "drc": Place("CD", None),
    "united states virgin islands": Place("VI", None),  # the territory's own name; ISO 'Virgin Islands (U.S.)'
    "kirghizia": Place("KG", None),  # the Russian-era English name, in older lists
    "west bank": Place("PS", None),  # the two parts of the territory ISO 3166-1 names PS
    "gaza strip": Place("PS", None),
    # French abbreviations of the press and of official lists, which CLDR does not give
    "e.-u.": Place("US", None),  # États-Unis ('É.-U.', 'E.U.')
    "r.-u.": Place("GB", None),  # Royaume-Uni
    "rdc": Place("CD", None),  # République démocratique du Congo
    "rca": Place("CF", None),  # République centrafricaine
    "eau": Place("AE", None),  # Émirats arabes unis
    "uae": Place("AE", None),  # the English one of the same
    "grande-bretagne": Place("GB", None),  # French for Great Britain, used for the state as above
    "rd congo": Place("CD", None),  # 'République démocratique du Congo' as the press shortens it
    # The Federal Republic of Germany before 1990, in lists of the twinnings of the 1950s to the 1980s:
    # the same state as DE today (ISO 3166-3 lists no code for it, unlike East Germany's DDDE)
    "rfa": Place("DE", None),
    "r.f.a.": Place("DE", None),
    "allemagne de l'ouest": Place("DE", None),
    "west germany": Place("DE", None),
    "brd": Place("DE", None),  # Bundesrepublik Deutschland, as German lists abbreviate it
    "benin republic": Place("BJ", None),  # as Nigerian English names Benin, beside Benin City
    "lao pdr": Place("LA", None),  # the UN's and the World Bank's short name of Laos
    "abd": Place("US", None),  # Amerika Birleşik Devletleri, as Turkish lists abbreviate the United States
    # French names as French lists write them, beside the English ones above
    "guyane": Place("GF", None),  # la Guyane, French Guiana; a CLDR locale gives the word to Guyana
    "polynesie": Place("PF", None),  # short for Polynésie française
    "macedoine": Place("MK", None),
    "hollande": Place("NL", None),
    "burkina": Place("BF", None),  # 'le Burkina', as French writes Burkina Faso
    "centrafrique": Place("CF", None),  # the Central African Republic, as French names it in short
    "bosnie": Place("BA", None),  # short for Bosnie-Herzégovine
    "guinee-conakry": Place("GN", None),  # Guinea told from its neighbours by its capital, as CLDR tells the Congos
    "tahiti": Place("PF", None),  # the main island, named for French Polynesia in many French lists
    "saint-siege": Place("VA", None),
    "france metropolitaine": Place("FR", None),  # mainland France, the state FR (ISO reserves FX for it)
    "metropolitan france": Place("FR", None),
    # the first island of a two-island state, alone in many lists for the state
    "trinidad": Place("TT", None),
    "antigua": Place("AG", None),
    "saint kitts": Place("KN", None),
    "sao tome": Place("ST", None),
}
