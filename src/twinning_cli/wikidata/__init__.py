"""Wikidata both ways: P190 (twinned administrative body) statements in, QuickStatements out.

query.py writes the SPARQL query (our published contract of variables), results.py reads
its answers (SPARQL JSON results or the service's CSV) into records, fetch.py asks the
service itself, merge.py joins them to what the register knows, quickstatements.py gives
back what the register knows and Wikidata lacks.
"""

ENDPOINT = "https://query.wikidata.org/sparql"
VARIABLES = ("item", "itemLabel", "itemCountryCode", "itemRegionCode", "itemCoord",
             "partner", "partnerLabel", "partnerCountryCode", "partnerRegionCode", "partnerCoord",
             "statement", "start", "startPrecision", "end", "endPrecision")


class Answer:
    """An answer (a file, stdin, or what fetch got) as the importer reads it: records and a name."""

    wikidata = True
    format = "jsonl"  # rejected pairs are written as JSON Lines
    pairs = None
    headers: list = []
    delimiter = None
    located = 0
    undated = 0
    size = None

    def __init__(self, name: str, rows: list[dict] | None = None, max_bytes: int = 200_000_000):
        self.name, self.rows, self.max_bytes = name, rows, max_bytes

    def records(self, on_read=None):
        import datetime

        from .results import bindings, records

        rows = self.rows
        if rows is None:
            from ..streams import read_text

            rows = bindings(read_text(self.name, self.max_bytes), self.name)
        yield from records(rows, datetime.date.today())
