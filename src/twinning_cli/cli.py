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
from .errors import TwinningError, UsageError
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
Raw = Annotated[bool, typer.Option("--raw", help="CSV/TSV: do not neutralise cells a spreadsheet "
                                                 "would run as formulas.")]


def _params(spec: dict) -> list[inspect.Parameter]:
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                              annotation=Annotated[kind, option]) for name, (kind, option) in spec.items()]


def command(name: str | None = None, *, filters: bool = False):
    """Register a command with the shared options and the one error mapping."""
    def decorate(func):
        extra = _params(_SHARED) + (_params(_FILTERS) if filters else [])
        own = [p for p in inspect.signature(func).parameters.values() if p.name not in ("db", "filters")]

        @functools.wraps(func)
        def wrapper(**kwargs):
            try:
                if "format" in kwargs:
                    kwargs["format"] = _check_format(kwargs["format"])
                if filters:
                    from .filters import Filters

                    kwargs["filters"] = Filters.build(**{k: kwargs.pop(k) for k in _FILTERS})
                return func(**kwargs)
            except TwinningError as error:
                fail(str(error))
                raise typer.Exit(error.exit_code) from None

        wrapper.__signature__ = inspect.Signature(own + extra)
        wrapper.__annotations__ = {p.name: p.annotation for p in own + extra}
        app.command(name)(wrapper)
        return func
    return decorate


def _check_format(fmt: str | None) -> str:
    from .render import choose

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    return choose(fmt)


def open_register(db: str | None):
    """A read connection; on first use of the default location, create it from the seed."""
    from . import db as dbmod

    where = dbmod.locate(db)
    if not where.path.exists() and not where.named:
        from . import store

        store.init(where.path, store.load_seed())
        info(f"Created the register at {where.path} from the bundled seed.")
    return dbmod.connect(where.path)


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


@command(filters=True)
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
    """Export the register, one row per agreement, or one normalized table.

    Example: twinning export --format csv -o register.csv
    """
    from . import queries, render

    if table is not None and table not in queries.TABLES:
        raise UsageError(f"unknown table {table!r}; valid: {', '.join(queries.TABLES)}")
    conn = open_register(db)
    with _redirect(output):
        if table:
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


def main() -> None:
    app(prog_name="twinning")
