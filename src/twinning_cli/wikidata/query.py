"""The SPARQL query for P190 twinnings, with the variables importers rely on (VARIABLES)."""

from __future__ import annotations

TEMPLATE = """\
# Twinnings (P190) with their statements, for `twinning import --wikidata`.
# Variables: {variables}
SELECT DISTINCT {select} WHERE {{
  ?item p:P190 ?statement .
  ?statement ps:P190 ?partner .
  ?item wdt:P17/wdt:P297 ?itemCountryCode .
  ?partner wdt:P17/wdt:P297 ?partnerCountryCode .{countries}
  OPTIONAL {{ ?item wdt:P625 ?itemCoord . }}
  OPTIONAL {{ ?partner wdt:P625 ?partnerCoord . }}
  OPTIONAL {{ ?item wdt:P131 ?itemRegion . ?itemRegion wdt:P300 ?itemRegionCode . }}
  OPTIONAL {{ ?partner wdt:P131 ?partnerRegion . ?partnerRegion wdt:P300 ?partnerRegionCode . }}
  OPTIONAL {{ ?statement pqv:P580 ?startNode . ?startNode wikibase:timeValue ?start ;
                                               wikibase:timePrecision ?startPrecision . }}
  OPTIONAL {{ ?statement pqv:P582 ?endNode . ?endNode wikibase:timeValue ?end ;
                                             wikibase:timePrecision ?endPrecision . }}{since}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "fr,en". }}
}}
ORDER BY ?statement"""


def build(countries: list[str] | None = None, since: int | None = None, limit: int | None = None,
          offset: int | None = None) -> str:
    """The query: all twinnings, or those with an item in one of `countries` (ISO alpha-2),
    started in `since` or later; LIMIT/OFFSET to page it."""
    from . import VARIABLES

    values = ""
    if countries:
        codes = " ".join(f'"{c.upper()}"' for c in countries)
        values = f"\n  VALUES ?itemCountryCode {{ {codes} }}"
    after = f'\n  FILTER(BOUND(?start) && ?start >= "{since:04d}-01-01T00:00:00Z"^^xsd:dateTime)' if since else ""
    text = TEMPLATE.format(variables=", ".join(VARIABLES), select=" ".join(f"?{v}" for v in VARIABLES),
                           countries=values, since=after)
    if limit is not None:
        text += f"\nLIMIT {int(limit)}" + (f" OFFSET {int(offset)}" if offset else "")
    return text + "\n"
