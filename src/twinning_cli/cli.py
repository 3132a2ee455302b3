"""The command line: each command declares its options and calls into the core.

To add a command, write a function below and decorate it with `@command()`:
it gets `--db` (and with `filters=True` the shared filter options, packed into
a `Filters`), and its TwinningErrors become one line on stderr and an exit code.
Heavy modules (pydantic, sqlite-utils, Rich) are imported inside commands, so
`--help` and CSV/JSON reads stay fast.
"""

import functools
import inspect
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import NotFound, TwinningError, UsageError
from .render import FORMATS

app = typer.Typer(
    help="A source-cited register of cooperation agreements between territories "
         "(jumelages, conventions, protocoles, déclarations communes…).\n\n"
         "Example: twinning list --domain culture",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(message: str) -> None:
    """Messages go to stderr, never stdout."""
    typer.echo(f"Error: {message}", err=True)


def info(message: str) -> None:
    typer.echo(message, err=True)


def _option(*names: str, help: str, metavar: str | None = None, **kw):
    return typer.Option(*names, help=help, metavar=metavar, show_default=False, **kw)


Many = Optional[list[str]]
_SHARED = {
    "db": (Optional[str], _option("--db", help="Database file (default: $TWINNING_DB, "
                                               "else the user data directory).", metavar="PATH")),
}
_FILTERS = {
    "domain": (Many, _option("--domain", "-d", help="Domain: slug, French label or a common word "
                                                     "(culture, économie, universités). Repeat for any of several.")),
    "year": (Optional[list[int]], _option("--year", "-y", help="Signing year (latest event's year if not signed).")),
    "since": (Optional[str], _option("--since", help="Dated on or after YYYY[-MM[-DD]].", metavar="DATE")),
    "until": (Optional[str], _option("--until", help="Dated on or before YYYY[-MM[-DD]].", metavar="DATE")),
    "country": (Many, _option("--country", "-c", help="A party's country: ISO code or name (FR, Canada).")),
    "territory": (Many, _option("--territory", "-t", help="Part of a party's name, accents ignored.")),
    "status": (Many, _option("--status", "-s", help="exploratory, proposed, signed, ended.")),
    "kind": (Many, _option("--kind", "-k", help="twinning, partnership-agreement, cooperation-protocol, "
                                                "joint-declaration, reciprocity-contract, roadmap.")),
    "search": (Optional[str], _option("--search", "-q", help="Full text over titles, parties, summaries "
                                                             "and topics (quebec finds Québec).", metavar="TEXT")),
}
Format = Annotated[Optional[str], typer.Option(
    "--format", "-f", show_default=False,
    help=f"One of {', '.join(FORMATS)} (default: table on a terminal, csv otherwise).")]
GraphFormat = Annotated[Optional[str], typer.Option(
    "--format", "-f", show_default=False,
    help="table (a tree), dot, graphml, mermaid or json (default: table on a terminal, json otherwise).")]
Raw = Annotated[bool, typer.Option("--raw", help="CSV/TSV: do not neutralise cells a spreadsheet "
                                                 "would run as formulas.")]


def _params(spec: dict) -> list[inspect.Parameter]:
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                              annotation=Annotated[kind, option]) for name, (kind, option) in spec.items()]


def command(name: str | None = None, *, filters: bool = False, formats: tuple[str, ...] = FORMATS,
            piped: str = "csv", register=None):
    """Register a command with the shared options and the one error mapping.

    formats: what its --format accepts; piped: the format when stdout is not a terminal;
    register: where to attach it (default: a command of the main app).
    """
    def decorate(func):
        extra = _params(_SHARED) + (_params(_FILTERS) if filters else [])
        own = [p for p in inspect.signature(func).parameters.values() if p.name not in ("db", "filters")]

        @functools.wraps(func)
        def wrapper(**kwargs):
            try:
                if "format" in kwargs:
                    kwargs["format"] = _check_format(kwargs["format"], formats, piped)
                if filters:
                    from .filters import Filters

                    kwargs["filters"] = Filters.build(**{k: kwargs.pop(k) for k in _FILTERS})
                return func(**kwargs)
            except TwinningError as error:
                fail(str(error))
                raise typer.Exit(error.exit_code) from None

        wrapper.__signature__ = inspect.Signature(own + extra)
        wrapper.__annotations__ = {p.name: p.annotation for p in own + extra}
        (register or app.command(name))(wrapper)
        return func
    return decorate


def _check_format(fmt: str | None, formats: tuple[str, ...], piped: str) -> str:
    from .render import choose

    if fmt is not None and fmt not in formats:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(formats)}")
    return choose(fmt, piped)


def open_register(db: str | None):
    """A read connection; on first use of the default location, create it from the seed."""
    from . import db as dbmod

    where = dbmod.locate(db)
    if not where.path.exists() and not where.named:
        from . import store

        store.init(where.path, store.load_seed())
        info(f"Created the register at {where.path} from the bundled seed.")
    conn = dbmod.connect(where.path)
    if dbmod.version_of(conn) < dbmod.SCHEMA_VERSION:
        from . import store

        conn.close()
        old = store.migrate(where.path)
        info(f"Migrated the register at {where.path} from schema version {old} to {dbmod.SCHEMA_VERSION}.")
        conn = dbmod.connect(where.path)
    return conn


def writable_register(db: str | None):
    """The register's path for a write, created from the seed on first use, migrated if old."""
    from . import db as dbmod

    where = dbmod.locate(db)
    if where.named and not where.path.exists():
        raise NotFound(f"no database at {where.path} (run 'twinning init --db {where.path}' to create one)")
    open_register(db).close()
    return where.path


def _version(value: bool) -> None:
    if value:
        typer.echo(f"twinning {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """A source-cited register of cooperation agreements between territories."""


@command("list", filters=True)
def list_(
    format: Format = None,
    sort: Annotated[str, typer.Option(help="date (newest first) or slug.")] = "date",
    limit: Annotated[Optional[int], typer.Option(min=0, help="At most N agreements.")] = None,
    raw: Raw = False,
    db=None, filters=None,
) -> None:
    """List agreements, one row each; filters combine with AND.

    Example: twinning list --domain culture --country CA --format csv
    """
    from . import queries, render

    if sort not in queries.SORTS:
        raise UsageError(f"unknown sort {sort!r}; valid: {', '.join(queries.SORTS)}")
    conn = open_register(db)
    if format in ("json", "jsonl"):
        render.emit_json(queries.records(conn, filters, sort, limit), format)
    elif format == "table":
        render.draw_agreements(queries.list_rows(conn, filters, sort, limit))
    else:
        render.emit(queries.LIST_COLUMNS, queries.list_rows(conn, filters, sort, limit), format, raw=raw)


@command()
def show(
    name: Annotated[str, typer.Argument(help="A slug, its parties in any order, or one party's name.")],
    format: Format = None,
    raw: Raw = False,
    db=None,
) -> None:
    """Show everything about one agreement: parties, people, domains, timeline, sources.

    Example: twinning show rennes-quebec   (also: quebec-rennes, thetford, Rennes-Québec)
    """
    from . import queries, render

    conn = open_register(db)
    record = queries.record(conn, queries.find_slug(conn, name))
    if format == "table":
        from . import card

        card.draw(record)
    elif format == "json":
        render.emit_json(record, "json")
    elif format == "jsonl":
        render.emit_json([record], "jsonl")
    else:
        from .flatten import COLUMNS, flatten

        render.emit(COLUMNS, [flatten(record)], format, raw=raw)


@command(filters=True, formats=(*FORMATS, "geojson"))
def export(
    format: Format = None,
    table: Annotated[Optional[str], typer.Option(
        help="A normalized table instead of one row per agreement: parties, domains, topics, "
             "events, people, stakeholders, funding, sources.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.",
                                                   metavar="FILE")] = None,
    raw: Raw = False,
    db=None, filters=None,
) -> None:
    """Export the register, one row per agreement, or one normalized table; or a map.

    Example: twinning export --format csv -o register.csv   (--format geojson: points and lines)
    """
    from . import queries, render

    if table is not None and table not in queries.TABLES:
        raise UsageError(f"unknown table {table!r}; valid: {', '.join(queries.TABLES)}")
    conn = open_register(db)
    with _redirect(output):
        if format == "geojson":
            from . import geo

            geo.write(*queries.graph_rows(conn, filters))
        elif table:
            columns, rows = queries.table_rows(conn, table, filters)
            render.emit(columns, rows, format, raw=raw)
        elif format in ("json", "jsonl"):
            render.emit_json(queries.records(conn, filters, "slug"), format)
        else:
            from .flatten import COLUMNS, flatten

            render.emit(COLUMNS, (flatten(r) for r in queries.records(conn, filters, "slug")), format, raw=raw)
    if output:
        info(f"Wrote {output}")


class _redirect:
    """Send stdout to a file for the block (export --output); the file is whole or absent."""

    def __init__(self, path: Path | None):
        self.path = path

    def __enter__(self):
        if self.path:
            self.tmp = self.path.with_name(self.path.name + ".part")
            try:
                self.handle = self.tmp.open("w", encoding="utf-8", newline="")
            except OSError as error:
                raise TwinningError(f"cannot write {self.path}: {error.strerror}") from None
            self.saved, sys.stdout = sys.stdout, self.handle

    def __exit__(self, kind, value, tb):
        if self.path:
            sys.stdout = self.saved
            self.handle.close()
            if kind is None:
                self.tmp.replace(self.path)
            else:
                self.tmp.unlink(missing_ok=True)


@command()
def domains(format: Format = None, raw: Raw = False, db=None) -> None:
    """List the domain vocabulary with French labels and how many agreements use each.

    Example: twinning domains --format markdown
    """
    from . import queries, render, vocabulary

    counts = queries.domain_counts(open_register(db))
    rows = [(t.slug, t.label, counts.get(t.slug, 0)) for t in vocabulary.DOMAINS]
    render.emit(["domain", "label", "agreements"], rows, format, raw=raw)


@command()
def init(
    yes: Annotated[bool, typer.Option("--yes", help="Replace an existing register without asking.")] = False,
    db=None,
) -> None:
    """Create the register from the bundled seed, replacing any that is there.

    Example: twinning init --db ./register.db
    """
    from . import db as dbmod
    from . import store

    where = dbmod.locate(db)
    records = store.load_seed()
    if where.path.exists() and where.path.stat().st_size and not yes:
        typer.confirm(f"Replace the register at {where.path} with the seed?", abort=True, err=True)
    count = store.init(where.path, records)
    info(f"Created the register at {where.path} with {count} agreements.")


@command()
def path(db=None) -> None:
    """Print where the database lives.

    Example: sqlite3 "$(twinning path)"
    """
    from . import db as dbmod

    typer.echo(str(dbmod.locate(db).path))


@command(filters=True)
def stats(
    by: Annotated[Optional[str], typer.Option(help="domain, year, country, subdivision, kind or status "
                                                   "(default: an overview of all).")] = None,
    format: Format = None,
    raw: Raw = False,
    db=None, filters=None,
) -> None:
    """Count agreements by domain, year, country…, as bars on a terminal.

    Example: twinning stats --by domain --country CA
    """
    from . import queries, render, stats

    if by is not None and by not in queries.STAT_DIMENSIONS:
        raise UsageError(f"unknown --by {by!r}; valid: {', '.join(queries.STAT_DIMENSIONS)}")
    rows = stats.rows(open_register(db), filters, by)
    if format == "table":
        for dimension in dict.fromkeys(r[0] for r in rows):
            render.draw_bars(dimension, [r[1:] for r in rows if r[0] == dimension])
    else:
        render.emit(["dimension", "value", "label", "agreements"], rows, format, raw=raw)


@command(filters=True)
def timeline(format: Format = None, raw: Raw = False, db=None, filters=None) -> None:
    """Every dated event of every agreement, oldest first, grouped by year on a terminal.

    Example: twinning timeline --territory rennes
    """
    from . import queries, render

    rows = queries.timeline(open_register(db), filters)
    if format == "table":
        render.draw_timeline(rows)
    else:
        render.emit(queries.TIMELINE_COLUMNS, rows, format, raw=raw)


territories_app = typer.Typer(help="Territories: who takes part in how many agreements, with whom.",
                              no_args_is_help=False, rich_markup_mode=None)
app.add_typer(territories_app, name="territories")


@command(filters=True, register=territories_app.callback(invoke_without_command=True))
def territories(ctx: typer.Context, format: Format = None, raw: Raw = False, db=None, filters=None) -> None:
    """List territories, one row each: agreements and partners; or show one.

    Example: twinning territories --country CA   (or: twinning territories show rennes)
    """
    if ctx.invoked_subcommand:
        return
    from . import queries, render

    rows = queries.territories(open_register(db), filters)
    render.emit(queries.TERRITORY_COLUMNS, rows, format, raw=raw)


@command("show", register=territories_app.command("show"))
def territory_show(
    name: Annotated[str, typer.Argument(help="A territory's name or a unique part of it (accents ignored).")],
    format: Format = None,
    raw: Raw = False,
    db=None,
) -> None:
    """Show a territory's card: its agreements, partners, people and domains.

    Example: twinning territories show "Ville de Québec"
    """
    from . import queries, render

    conn = open_register(db)
    data = queries.territory(conn, queries.find_territory(conn, name))
    if format == "table":
        from . import card

        card.draw_territory(data)
    elif format in ("json", "jsonl"):
        render.emit_json(data if format == "json" else [data], format)
    else:
        columns = ["slug", "title", "kind", "status", "date", "parties"]
        render.emit(columns, [[a[c] for c in columns] for a in data["agreements"]], format, raw=raw)


@command(filters=True, formats=("table", "dot", "graphml", "mermaid", "json"), piped="json")
def network(
    format: GraphFormat = None,
    start: Annotated[Optional[str], typer.Option(
        "--from", metavar="TERRITORY", help="Only territories within --depth agreements of this one.")] = None,
    depth: Annotated[int, typer.Option(min=0, help="With --from: how many agreements away.")] = 1,
    db=None, filters=None,
) -> None:
    """The graph of territories and the agreements between them; DOT, GraphML, Mermaid, JSON.

    Example: twinning network --from Rennes --depth 2 --format dot | dot -Tpng > network.png
    """
    from . import network as net
    from . import queries

    conn = open_register(db)
    graph = net.build(*queries.graph_rows(conn, filters))
    root = None
    if start:
        root = f"t{queries.find_territory(conn, start)}"
        if root not in graph:
            raise NotFound(f"{start!r} is party to no agreement that matches the filters")
        graph = net.around(graph, root, depth)
    net.write(graph, format, root)


Encoding = Annotated[str, typer.Option(help="Text encoding of the file (utf-8, with or without BOM, "
                                            "by default; latin-1, cp1252…).")]
MaxSize = Annotated[int, typer.Option("--max-size", min=1, metavar="MB",
                                      help="Refuse a file larger than this many megabytes.")]
InFormat = Annotated[Optional[str], typer.Option(
    "--format", "-f", help="json, jsonl or csv (default: from the file's extension).")]
PairsOpt = Annotated[bool, typer.Option("--pairs", help="The file is a CSV list of twinned pairs: "
                                                         "city1,country1,city2,country2[,lat1,lng1,lat2,lng2][,year].")]
MapOpt = Annotated[Optional[list[str]], typer.Option("--map", metavar="COLUMN=HEADER",
                                                     help="With --pairs: the header that holds COLUMN "
                                                          "(--map city1=Ville).")]
FileArg = Annotated[str, typer.Argument(help="The file to read, or - for standard input.", show_default=False)]
Update = Annotated[bool, typer.Option("--update", help="Replace agreements whose slug is already in the "
                                                       "register with other content.")]


def _input(file, format, encoding, max_size, raw=False, pairs=False, mapping=None):
    from .importer import Input

    return Input.build(file, format=format, encoding=encoding, max_mb=max_size, raw=raw, pairs=pairs,
                       mapping=mapping)


@command("import")
def import_(
    file: FileArg,
    input_format: InFormat = None,
    pairs: PairsOpt = False,
    map: MapOpt = None,
    update: Update = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Import the good records; write the "
                                                                       "rejected ones to --rejects.")] = False,
    rejects: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Where --skip-invalid writes "
                                                                          "rejected records (JSON Lines).")] = None,
    encoding: Encoding = "utf-8",
    max_size: MaxSize = 200,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: take cells as they are (do not undo the "
                                                    "spreadsheet guard of export).")] = False,
    db=None,
) -> None:
    """Add agreements from a JSON array, JSON Lines or CSV file; all or nothing.

    Example: twinning import new.jsonl    (or: twinning import towns.csv --pairs --map city1=Ville)
    """
    from . import ingest, render

    if skip_invalid and not rejects:
        raise UsageError("--skip-invalid needs --rejects FILE, so that no record is lost silently")
    source = _input(file, input_format, encoding, max_size, raw, pairs, map)
    path = writable_register(db)
    with render.progress(source.size, f"Importing {file}") as progress:
        outcome = ingest.load(path, source, update=update, skip_invalid=skip_invalid, rejects=rejects,
                              progress=progress)
    if outcome.problem_count:
        info(f"{outcome.problem_count} problem(s):\n" + ingest.report(outcome.problems, outcome.problem_count))
        info(f"Rejected records written to {rejects}")
    info(f"Imported {file}: {outcome.summary()}.")


@command()
def validate(
    file: FileArg,
    input_format: InFormat = None,
    pairs: PairsOpt = False,
    map: MapOpt = None,
    update: Update = False,
    encoding: Encoding = "utf-8",
    max_size: MaxSize = 200,
    db=None,
) -> None:
    """Check a file as import would, against the register, and write nothing.

    Example: twinning validate new.json && twinning import new.json
    """
    from . import db as dbmod
    from . import ingest

    source = _input(file, input_format, encoding, max_size, pairs=pairs, mapping=map)
    outcome = ingest.load(dbmod.locate(db).path, source, update=update, dry_run=True)
    info(f"{file}: valid; importing it would give {outcome.summary()}.")


@command()
def add(
    title: Annotated[Optional[str], typer.Option(help="In French, as a person would name the agreement.")] = None,
    party: Annotated[Optional[list[str]], typer.Option(
        metavar="'NAME | KIND | COUNTRY [| SUBDIVISION | ACTING BODY]'",
        help="A party, twice or more: --party 'Ville de Pau | ville | FR | FR-NAQ'.")] = None,
    kind: Annotated[str, typer.Option(help="twinning, partnership-agreement, cooperation-protocol…")] = "twinning",
    status: Annotated[str, typer.Option(help="exploratory, proposed, signed, ended.")] = "signed",
    signed_on: Annotated[Optional[str], typer.Option(metavar="DATE", help="YYYY[-MM[-DD]].")] = None,
    domain: Annotated[Optional[list[str]], typer.Option("--domain", "-d", help="A domain (repeat).")] = None,
    topic: Annotated[Optional[list[str]], typer.Option(help="A free keyword (repeat).")] = None,
    source: Annotated[Optional[list[str]], typer.Option(
        metavar="'FILE [| PUBLISHER | PUBLISHED_ON | DATELINE | URL]'",
        help="Where the facts come from (repeat); at least one.")] = None,
    summary: Annotated[Optional[str], typer.Option(help="Two or three sentences in French.")] = None,
    slug: Annotated[Optional[str], typer.Option(help="Default: from the parties' names.")] = None,
    from_file: Annotated[Optional[Path], typer.Option(metavar="FILE",
                                                      help="Take the record from a JSON file instead.")] = None,
    update: Update = False,
    db=None,
) -> None:
    """Add one agreement from options, or from a JSON file, with the checks of import.

    Example: twinning add --title "Jumelage entre Pau et Thetford Mines" --kind twinning
      --party "Ville de Pau | ville | FR" --party "Ville de Thetford Mines | ville | CA"
      --source "communique.txt | Ville de Pau | 2024-01"
    """
    from . import entry, ingest

    if from_file:
        raw = entry.from_file(from_file)
    else:
        raw = entry.from_options(title=title, parties=party or [], kind=kind, status=status,
                                 signed_on=signed_on, domains=domain or [], topics=topic or [],
                                 sources=source or [], summary=summary, slug=slug)
    outcome = ingest.add(writable_register(db), raw, update=update)
    info(f"Added {raw.get('slug')}: {outcome.summary()}.")


@command()
def remove(
    slug: Annotated[str, typer.Argument(help="The exact slug of the agreement to remove.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db=None,
) -> None:
    """Remove one agreement (asks first unless --yes).

    Example: twinning remove pau-thetford-mines --yes
    """
    from . import ingest, queries

    path = writable_register(db)
    conn = open_register(db)
    exists = conn.execute("SELECT title FROM agreements WHERE slug = ?", (slug,)).fetchone()
    if not exists:
        try:
            hint = f" (did you mean {queries.find_slug(conn, slug)}?)"
        except NotFound:
            hint = ""
        raise NotFound(f"no agreement with slug {slug!r}{hint}")
    conn.close()
    if not yes:
        typer.confirm(f"Remove {slug} ({exists[0]})?", abort=True, err=True)
    ingest.remove(path, slug)
    info(f"Removed {slug}.")


@command()
def doctor(db=None) -> None:
    """Check the register: SQLite integrity, foreign keys, and the register's own rules.

    Example: twinning doctor && echo healthy
    """
    import sqlite3

    from . import health

    conn = sqlite3.connect(writable_register(db))  # FTS5's integrity-check is written as an INSERT
    try:
        problems = health.check(conn)
    finally:
        conn.close()
    for line in problems:
        typer.echo(line)
    if problems:
        raise TwinningError(f"{len(problems)} problem(s) found")
    info("The register is healthy.")


def main() -> None:
    app(prog_name="twinning")
