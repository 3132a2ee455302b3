"""Every option of the read commands and of import, validate and add, declared once.

cli.py turns these into Typer options; fast.py into an argparse parser for the
hot path, which runs the same functions without importing Typer.
Stdlib only.
"""

from __future__ import annotations

from collections import namedtuple

from .render import FORMATS
from .i18n import _

# An option's value is a str, an int or a bool (a flag); `many` makes it repeatable, a list.
# `pair`: the option takes two values (--between A B).
Opt = namedtuple("Opt", "flags help type many default metavar min pair",
                 defaults=(str, False, None, None, None, False))


FILTERS = ("domain", "year", "since", "until", "country", "region", "between", "territory", "status", "kind",
           "search")

OPTIONS: dict[str, Opt] = {
    "db": Opt(("--db",), "Database file (default: $TWINNING_DB, else the user data directory).",
              metavar="PATH"),
    "domain": Opt(("--domain", "-d"), "Domain: slug, French label or a common word (culture, économie, "
                  "universités). Repeat for any of several.", many=True, metavar="DOMAIN"),
    "year": Opt(("--year", "-y"), "Signing year (if not signed: the year it runs from, else its latest event's).", int, True, metavar="YEAR"),
    "since": Opt(("--since",), "Dated on or after YYYY[-MM[-DD]] (a partial date counts from its first day).",
                 metavar="DATE"),
    "until": Opt(("--until",), "Dated on or before YYYY[-MM[-DD]].", metavar="DATE"),
    "country": Opt(("--country", "-c"), "A party's country: ISO code or name in any language (FR, Canada, "
                   "Allemagne, Russia); a nation keeps to itself (Scotland).", many=True, metavar="COUNTRY"),
    "region": Opt(("--region", "-r"), "A party's region: ISO 3166-2 code or name (CA-QC, Québec, Bretagne, "
                  "Occitanie).", many=True, metavar="REGION"),
    "between": Opt(("--between",), "Agreements joining a party in country A with a party in country B "
                   "(codes or names: --between France Canada).", metavar="A B", pair=True),
    "territory": Opt(("--territory", "-t"), "Part of a party's name, accents and punctuation ignored, St read "
                     "as Saint; its country or region after it: 'Paris, FR', 'Paris (France)', 'Paris, Texas'; "
                     "where no name holds it, a name GeoNames gives the place (Cologne: Köln).",
                     many=True, metavar="NAME"),
    "status": Opt(("--status", "-s"), "exploratory, proposed, signed, ended.", many=True, metavar="STATUS"),
    "kind": Opt(("--kind", "-k"), "twinning, partnership-agreement, cooperation-protocol, joint-declaration, "
                "reciprocity-contract, roadmap.", many=True, metavar="KIND"),
    "search": Opt(("--search", "-q"), "Full text over titles, parties, summaries and topics "
                  "(quebec finds Québec).", metavar="TEXT"),
    "format": Opt(("--format", "-f"), f"One of {', '.join(FORMATS)} (default: table on a terminal, "
                  "csv otherwise; with --output, from its extension).", metavar="FORMAT"),
    "raw": Opt(("--raw",), "CSV/TSV: do not neutralise cells a spreadsheet would run as formulas.", bool,
               default=False),
    "excel": Opt(("--excel",), "CSV as Excel opens it in a French locale: UTF-8 with BOM, CRLF, ';'.", bool,
                 default=False),
    "sort": Opt(("--sort",), "date (newest first), slug; -date or -slug for the reverse.", default="date",
                metavar="ORDER"),
    "limit": Opt(("--limit",), "At most N rows.", int, min=0, metavar="N"),
    "count": Opt(("--count",), "Print only how many match.", bool, default=False),
    "fields": Opt(("--fields",), "Only these columns, comma-separated (csv, tsv, json, jsonl).",
                  metavar="A,B,C"),
    "table": Opt(("--table",), "A normalized table instead of one row per agreement: parties, domains, "
                 "topics, events, people, stakeholders, funding, sources.", metavar="TABLE"),
    "output": Opt(("--output", "-o"), "Write to FILE instead of stdout, whole or not at all.", metavar="FILE"),
    "by": Opt(("--by",), "domain, year, country, subdivision, kind or status (default: an overview of all).",
              metavar="DIMENSION"),
    "graph_format": Opt(("--format", "-f"), "table (a tree), dot, graphml, mermaid or json (default: table "
                        "on a terminal, json otherwise; with --output, from its extension).", metavar="FORMAT"),
    "start": Opt(("--from",), "Only territories within --depth agreements of this one.", metavar="TERRITORY"),
    "depth": Opt(("--depth",), "With --from: how many agreements away.", int, default=1, min=0, metavar="N"),
    "full": Opt(("--full",), "Check every index against its table too (SQLite's integrity_check), and look "
                "every territory up in the gazetteer for one place under two names (Köln, Cologne) and for a "
                "point far from every place of its country; slower.",
                bool, default=False),
    "words": Opt(("--words",), "List the French and English words each domain accepts.", bool, default=False),
    # import and validate
    "input_format": Opt(("--format", "-f"), "json, jsonl, csv or tsv (default: from the file's extension, else "
                        "from its content).", metavar="FORMAT"),
    "pairs": Opt(("--pairs",), "The file is a CSV list of twinned pairs: city1,country1,city2,country2[,lat1,lng1,"
                 "lat2,lng2][,year][,region1,region2][,domains][,kind][,status][,type1,type2], in any case, or "
                 "in French (Ville 1, Pays 1, Collectivité française, Collectivité partenaire, Thématiques, Type, "
                 "Statut, Type de collectivité…).", bool,
                 default=False),
    "wikidata": Opt(("--wikidata",), "The file is an answer of `twinning wikidata query`: SPARQL JSON results or "
                    "CSV.", bool, default=False),
    "map": Opt(("--map",), "With --pairs: the header that holds COLUMN, where it is not found by itself (--map "
               "city1=Ville); for country1 or country2, a country for every row (--map country1=France).",
               many=True, metavar="COLUMN=HEADER"),
    "update": Opt(("--update",), "Replace agreements whose slug is already in the register with other content.",
                  bool, default=False),
    "skip_invalid": Opt(("--skip-invalid",), "Import the good records; write the rejected ones to --rejects.",
                        bool, default=False),
    "rejects": Opt(("--rejects",), "Where --skip-invalid writes rejected records, in the input's format, each "
                   "with its reason.", metavar="FILE"),
    "dry_run": Opt(("--dry-run",), "Say what would be added, updated and rejected; write nothing.", bool,
                   default=False),
    "delimiter": Opt(("--delimiter",), "CSV: the delimiter, ',' ';' or 'tab' (default: sniffed from the header).",
                     metavar="CHAR"),
    "sheet": Opt(("--sheet",), "An Excel workbook (.xlsx): the sheet to read (default: the first).", metavar="NAME"),
    "encoding": Opt(("--encoding",), "Text encoding of the file (utf-8, with or without BOM, by default; latin-1, "
                    "cp1252…).", default="utf-8", metavar="ENCODING"),
    "max_size": Opt(("--max-size",), "Refuse a file larger than this many megabytes.", int, default=200, min=1,
                    metavar="MB"),
    "raw_cells": Opt(("--raw",), "CSV: take cells as they are (do not undo the spreadsheet guard of export).",
                     bool, default=False),
    # add
    "title": Opt(("--title",), "In French, as a person would name the agreement.", metavar="TEXT"),
    "party": Opt(("--party",), "A party, twice or more: --party 'Ville de Pau | ville | FR | FR-NAQ'.", many=True,
                 metavar="'NAME | KIND | COUNTRY [| SUBDIVISION | ACTING BODY]'"),
    "its_kind": Opt(("--kind",), "twinning, partnership-agreement, cooperation-protocol…", default="twinning",
                    metavar="KIND"),
    "its_status": Opt(("--status",), "exploratory, proposed, signed, ended.", default="signed", metavar="STATUS"),
    "signed_on": Opt(("--signed-on",), "YYYY[-MM[-DD]].", metavar="DATE"),
    "its_domain": Opt(("--domain", "-d"), "A domain (repeat).", many=True, metavar="DOMAIN"),
    "topic": Opt(("--topic",), "A free keyword (repeat).", many=True, metavar="TOPIC"),
    "source": Opt(("--source",), "Where the facts come from (repeat); at least one.", many=True,
                  metavar="'FILE [| PUBLISHER | PUBLISHED_ON | DATELINE | URL]'"),
    "summary": Opt(("--summary",), "Two or three sentences in French.", metavar="TEXT"),
    "slug": Opt(("--slug",), "Default: from the parties' names.", metavar="SLUG"),
    "from_file": Opt(("--from-file",), "Take the record from a JSON file (or - for stdin) instead.",
                     metavar="FILE"),
}


# A read command: its view function's name in views.py, its options, its one argument
# as (name, help), the formats it writes, and the one it writes when stdout is not a terminal.
# `terminal`: the format on a terminal when none is given.
Read = namedtuple("Read", "view options argument formats piped terminal",
                  defaults=(None, FORMATS, "csv", "table"))
# Spreadsheets' own formats, which twinning does not write (it writes CSV they open).
SPREADSHEETS = (".xlsx", ".xls", ".xlsm", ".ods", ".numbers")
# What --output's extension says, when --format does not.
EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "jsonl",
              ".ndjson": "jsonl", ".md": "markdown", ".markdown": "markdown", ".geojson": "geojson",
              ".graphml": "graphml", ".qs": "quickstatements", ".dot": "dot", ".gv": "dot", ".mmd": "mermaid", ".mermaid": "mermaid"}


READS: dict[str, Read] = {
    "list": Read("list_", ("format", "sort", "limit", "count", "fields", "output", "raw", "excel", *FILTERS, "db")),
    "show": Read("show", ("format", "raw", "db"),
                 ("name", "A slug, its parties in any order, or one party's name."), piped="json"),
    "export": Read("export", ("format", "table", "fields", "output", "raw", "excel", *FILTERS, "db"),
                   formats=(*FORMATS, "geojson", "quickstatements"), terminal="csv"),
    "domains": Read("domains", ("format", "words", "output", "raw", "db")),
    "stats": Read("stats", ("by", "format", "output", "raw", *FILTERS, "db")),
    "timeline": Read("timeline", ("format", "limit", "output", "raw", *FILTERS, "db")),
    "territories": Read("territories", ("format", "output", "raw", *FILTERS, "db")),
    "territories show": Read("territory", ("format", "raw", "db"),
                             ("name", "A territory's name or a unique part of it (accents ignored); add the "
                                      "country where several share it: 'Paris, FR'.")),
    "doctor": Read("doctor", ("full", "db")),
    "network": Read("network", ("graph_format", "start", "depth", "output", *FILTERS, "db"),
                    formats=("table", "dot", "graphml", "mermaid", "json"), piped="json"),
}


# A write command run from options: its function's name in writing.py, its options, its one
# argument as (name, help). Typer registers it (cli.py); fast.py runs it without Typer.
Write = namedtuple("Write", "run options argument")
_FILE = ("file", "The file to read, or - for standard input.")
WRITES: dict[str, Write] = {
    "import": Write("import_", ("input_format", "pairs", "wikidata", "map", "update", "skip_invalid", "rejects",
                                "dry_run", "delimiter", "sheet", "encoding", "max_size", "raw_cells", "db"), _FILE),
    "validate": Write("validate", ("input_format", "pairs", "map", "update", "delimiter", "sheet", "encoding",
                                   "max_size", "db"), _FILE),
    "add": Write("add", ("title", "party", "its_kind", "its_status", "signed_on", "its_domain", "topic", "source",
                         "summary", "slug", "from_file", "update", "db"), None),
}


def prepare(read: Read, values: dict) -> dict:
    """The view's keyword arguments from parsed option values: the format chosen, filters built."""
    from .errors import UsageError
    from .filters import Filters
    from .render import choose

    values = dict(values)
    if "domain" in values:
        values["filters"] = Filters.build(**{name: values.pop(name) for name in FILTERS})
    key = "graph_format" if "graph_format" in values else "format"
    if key not in values:
        return values  # a command with no --format (doctor)
    fmt = values.pop(key)
    if fmt is not None and fmt not in read.formats:
        raise UsageError(_('unknown format {fmt!r}; valid: {value}').format(fmt=fmt, value=', '.join(read.formats)))
    if fmt is None and values.get("output"):
        from pathlib import PurePath

        suffix = PurePath(values["output"]).suffix.lower()
        if suffix in SPREADSHEETS:  # CSV under such a name is a file the spreadsheet refuses to open
            raise UsageError(_("twinning does not write {suffix} files: give --output FILE.csv (with --excel, a CSV "
                               "that Excel opens as it is)").format(suffix=suffix))
        fmt = EXTENSIONS.get(suffix)
        if fmt is None or fmt not in read.formats:
            fmt = read.piped  # an extension that names no format we write: what a pipe would get
    values["format"] = fmt or choose(None, read.piped, read.terminal)
    return values
