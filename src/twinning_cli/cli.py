"""The command line, under Typer: each command declares its options and calls into the core.

Read commands (list, show, export, stats…) are views.py functions whose options
are declared in options.py; `_read_command` turns each into a Typer command, and
fast.py runs the same functions without Typer when it can. Write commands are
below, decorated with `@command()`: that gives them `--db` and maps their
TwinningErrors to one line on stderr and an exit code. To add a read command,
add its view and its entry in options.READS; to add a write command, write a
function here under `@command()`.
"""

import functools
import inspect
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, options, views
from .commanding import _guarded, _lang_param, _signed, _start_language, _typer_param, summary
from .errors import NotFound, UsageError
from .i18n import _
from .i18n.help import Command, Group, install_errors
from .render import info

install_errors()
app = typer.Typer(
    cls=Group,
    help="A source-cited register of cooperation agreements between territories "
         "(jumelages, conventions, protocoles, déclarations communes…).\n\n"
         "Example: twinning list --domain culture",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
territories_app = typer.Typer(help="Territories: who takes part in how many agreements, with whom.",
                              rich_markup_mode=None, cls=Group)
app.add_typer(territories_app, name="territories",
              short_help="Territories: who takes part in how many agreements, with whom; merge, rename.")


def _read_command(name: str, register) -> None:
    """Attach the view of options.READS[name] to Typer under `register`."""
    read = options.READS[name]
    view = getattr(views, read.view)
    params = [_typer_param(o) for o in read.options]
    if read.argument:
        arg, help_ = read.argument
        params.insert(0, inspect.Parameter(arg, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                           annotation=Annotated[str, typer.Argument(help=help_)]))
    if name == "territories":  # the group's callback: list only when no subcommand follows
        params.insert(0, inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                           annotation=typer.Context))

    @functools.wraps(view)
    def wrapper(ctx: typer.Context | None = None, **values):
        if ctx is not None and ctx.invoked_subcommand:
            return
        views.run(read, values)

    register(_signed(_guarded(wrapper), params + [_lang_param()]))


_TERRITORY_REGISTERS = {"territories": territories_app.callback(invoke_without_command=True),
                        "territories show": territories_app.command("show", short_help=summary(views.territory),
                                                                    cls=Command)}
for _name in options.READS:
    _read_command(_name, _TERRITORY_REGISTERS.get(_name)
                  or app.command(_name, short_help=summary(getattr(views, options.READS[_name].view)), cls=Command))


def command(name: str | None = None, group: typer.Typer | None = None):
    """Register a write command (on `app`, or on a group) with --db and the one error mapping."""
    def decorate(func):
        own = [p for p in inspect.signature(func).parameters.values() if p.name != "db"]
        register = (group or app).command(name, short_help=summary(func), cls=Command)
        register(_signed(_guarded(func), own + [_typer_param("db"), _lang_param()]))
        return func
    return decorate


def writable_register(db: str | None):
    """The register's path for a write, created from the seed on first use, migrated if old."""
    from . import db as dbmod

    where = dbmod.locate(db)
    if where.named and not where.path.exists():
        raise NotFound(_("no database at {path} (run 'twinning init --db {path}' to create one)").format(
            path=where.path))
    views.open_register(db).close()
    return where.path


def _version(value: bool) -> None:
    if value:
        typer.echo(f"twinning {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="fr|en", callback=_start_language,
                                                is_eager=True, help="Language of messages, help and tables: "
                                                "fr or en (default: TWINNING_LANG, else the locale).")] = None,
) -> None:
    """A source-cited register of cooperation agreements between territories."""


@command()
def init(
    yes: Annotated[bool, typer.Option("--yes", help="Replace an existing register without asking.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace without asking; a damaged register is moved "
                                                        "aside (renamed *.damaged-DATE) first.")] = False,
    empty: Annotated[bool, typer.Option("--empty", help="Create an empty register, without the seed.")] = False,
    db=None,
) -> None:
    """Create the register from the bundled seed, replacing any that is there.

    Example: twinning init --db ./register.db
    """
    from . import db as dbmod
    from . import store
    from .errors import DataError

    where = dbmod.locate(db)
    records = [] if empty else store.load_seed()
    if where.path.is_dir():
        raise DataError(_("{path} is a directory, not a database").format(path=where.path))
    if where.path.exists() and where.path.stat().st_size and not (yes or force):
        typer.confirm(_("Replace the register at {path} with the seed?").format(path=where.path), abort=True, err=True)
    try:
        count = store.init(where.path, records)
    except DataError:
        if not (yes or force) or not where.path.exists():
            raise
        aside = store.move_aside(where.path)
        info(_("Moved the damaged register to {path}.").format(path=aside))
        count = store.init(where.path, records)
    info(_("Created the register at {path} with {count} agreements.").format(path=where.path, count=count))


@command()
def path(db=None) -> None:
    """Print where the database lives.

    Example: sqlite3 "$(twinning path)"
    """
    from . import db as dbmod

    typer.echo(str(dbmod.locate(db).path))


Encoding = Annotated[str, typer.Option(metavar="ENCODING", help="Text encoding of the file (utf-8, with or "
                                                               "without BOM, by default; latin-1, cp1252…).")]
MaxSize = Annotated[int, typer.Option("--max-size", min=1, metavar="MB",
                                      help="Refuse a file larger than this many megabytes.")]
InFormat = Annotated[Optional[str], typer.Option(
    "--format", "-f", metavar="FORMAT",
    help="json, jsonl, csv or tsv (default: from the file's extension, else from its content).")]
Delimiter = Annotated[Optional[str], typer.Option(
    "--delimiter", metavar="CHAR", help="CSV: the delimiter, ',' ';' or 'tab' (default: sniffed from the header).")]
PairsOpt = Annotated[bool, typer.Option("--pairs", help="The file is a CSV list of twinned pairs: "
                                                         "city1,country1,city2,country2[,lat1,lng1,lat2,lng2]"
                                                         "[,year][,region1,region2], "
                                                         "in any case, or in French (Ville 1, Pays 1…).")]
MapOpt = Annotated[Optional[list[str]], typer.Option("--map", metavar="COLUMN=HEADER",
                                                     help="With --pairs: the header that holds COLUMN, where it "
                                                          "is not found by itself (--map city1=Ville).")]
FileArg = Annotated[str, typer.Argument(help="The file to read, or - for standard input.", show_default=False)]
Update = Annotated[bool, typer.Option("--update", help="Replace agreements whose slug is already in the "
                                                       "register with other content.")]


def _input(file, format, encoding, max_size, raw=False, pairs=False, mapping=None, delimiter=None):
    from .importer import Input

    return Input.build(file, format=format, encoding=encoding, max_mb=max_size, raw=raw, pairs=pairs,
                       mapping=mapping, delimiter=delimiter)


@command("import")
def import_(
    file: FileArg,
    input_format: InFormat = None,
    pairs: PairsOpt = False,
    wikidata: Annotated[bool, typer.Option("--wikidata", help="The file is an answer of `twinning wikidata "
                                                              "query`: SPARQL JSON results or CSV.")] = False,
    map: MapOpt = None,
    update: Update = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Import the good records; write the "
                                                                       "rejected ones to --rejects.")] = False,
    rejects: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Where --skip-invalid writes "
                                                    "rejected records, in the input's format, each with "
                                                    "its reason.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be added, updated and "
                                                            "rejected; write nothing.")] = False,
    delimiter: Delimiter = None,
    encoding: Encoding = "utf-8",
    max_size: MaxSize = 200,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: take cells as they are (do not undo the "
                                                    "spreadsheet guard of export).")] = False,
    db=None,
) -> None:
    """Add agreements from a JSON, JSON Lines, CSV or TSV file (or - for stdin); all or nothing.

    Example: twinning import new.jsonl    (or: twinning import towns.csv --pairs --map city1=Ville)
    """
    from . import ingest, render

    if skip_invalid and not rejects and not dry_run:
        raise UsageError(_("--skip-invalid needs --rejects FILE, so that no record is lost silently"))
    if wikidata:
        from .wikidata import Answer

        source = Answer(file, max_bytes=max_size * 1_000_000)
    else:
        source = _input(file, input_format, encoding, max_size, raw, pairs, map, delimiter)
    path = writable_register(db)
    with render.progress(source.size, _("Importing {file}").format(file=file)) as progress:
        outcome = ingest.load(path, source, update=update, skip_invalid=skip_invalid,
                              rejects=None if dry_run else rejects, dry_run=dry_run, progress=progress)
    for line in ingest.summary(outcome, source, file, rejects, dry_run):
        info(line)


@command()
def validate(
    file: FileArg,
    input_format: InFormat = None,
    pairs: PairsOpt = False,
    map: MapOpt = None,
    update: Update = False,
    delimiter: Delimiter = None,
    encoding: Encoding = "utf-8",
    max_size: MaxSize = 200,
    db=None,
) -> None:
    """Check a file as import would, against the register, and write nothing.

    Example: twinning validate new.json && twinning import new.json
    """
    from . import db as dbmod
    from . import ingest

    source = _input(file, input_format, encoding, max_size, pairs=pairs, mapping=map, delimiter=delimiter)
    outcome = ingest.load(dbmod.locate(db).path, source, update=update, dry_run=True)
    info(_("{file}: valid; importing it would give {summary}.").format(file=file, summary=outcome.summary()))


@command()
def add(
    title: Annotated[Optional[str], typer.Option(metavar="TEXT",
                                                 help="In French, as a person would name the agreement.")] = None,
    party: Annotated[Optional[list[str]], typer.Option(
        metavar="'NAME | KIND | COUNTRY [| SUBDIVISION | ACTING BODY]'",
        help="A party, twice or more: --party 'Ville de Pau | ville | FR | FR-NAQ'.")] = None,
    kind: Annotated[str, typer.Option(metavar="KIND",
                                      help="twinning, partnership-agreement, cooperation-protocol…")] = "twinning",
    status: Annotated[str, typer.Option(metavar="STATUS", help="exploratory, proposed, signed, ended.")] = "signed",
    signed_on: Annotated[Optional[str], typer.Option(metavar="DATE", help="YYYY[-MM[-DD]].")] = None,
    domain: Annotated[Optional[list[str]], typer.Option("--domain", "-d", metavar="DOMAIN",
                                                                         help="A domain (repeat).")] = None,
    topic: Annotated[Optional[list[str]], typer.Option(metavar="TOPIC", help="A free keyword (repeat).")] = None,
    source: Annotated[Optional[list[str]], typer.Option(
        metavar="'FILE [| PUBLISHER | PUBLISHED_ON | DATELINE | URL]'",
        help="Where the facts come from (repeat); at least one.")] = None,
    summary: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Two or three sentences in French.")] = None,
    slug: Annotated[Optional[str], typer.Option(metavar="SLUG", help="Default: from the parties' names.")] = None,
    from_file: Annotated[Optional[str], typer.Option(metavar="FILE",
                                                     help="Take the record from a JSON file (or - for "
                                                          "stdin) instead.")] = None,
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
    info(outcome.verb().format(slug=outcome.slug or raw.get("slug")))
    if (outcome.added or outcome.updated) and not from_file and raw.get("note"):
        info(_("Located {what}").format(what=raw["note"]))


@command()
def extract(
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE...", help="Articles: files (text or HTML), - for "
                                                 "standard input, folders of them, or web page URLs.",
                                                 show_default=False)],
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="table (a review of each field with "
                                                  "its evidence), json or jsonl (one draft a line) (default: table "
                                                  "on a terminal, json otherwise).")] = None,
    published: Annotated[Optional[str], typer.Option(metavar="YYYY-MM-DD", help="The publication date, when the "
                                                     "text has no dateline; relative dates count from it.")] = None,
    out: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Write the drafts to FILE (JSON, or JSON "
                                                "Lines if it ends .jsonl), to edit and import later.")] = None,
    add: Annotated[bool, typer.Option("--add", help="Validate the drafts and add them to the register, all or "
                                                    "none (asks first unless --yes).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --add: do not ask.")] = False,
    db=None,
) -> None:
    """Draft records from French press releases or articles, with the evidence for each field.

    Example: twinning extract communique.txt --out draft.json && twinning import draft.json
    (also: twinning extract https://… ; twinning extract articles/ -f jsonl)
    """
    from .extract import command as extraction

    extraction.run(sources, format=format, published=published, out=out, add=add, yes=yes,
                   register=lambda: writable_register(db))


@command()
def remove(
    slugs: Annotated[list[str], typer.Argument(metavar="SLUG...", help="The exact slugs of the agreements to "
                                                                      "remove.", show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db=None,
) -> None:
    """Remove agreements, all or none (asks first unless --yes).

    Example: twinning remove pau-thetford-mines nantes-quebec --yes
    """
    from . import db as dbmod
    from . import ingest, lookup

    path = writable_register(db)
    conn = dbmod.connect(path)  # writable_register has already created or migrated it
    titles = {}
    for slug in dict.fromkeys(slugs):
        found = conn.execute("SELECT title FROM agreements WHERE slug = ?", (slug,)).fetchone()
        if not found:
            try:
                hint = _(" (did you mean {suggestion}?)").format(suggestion=lookup.find_slug(conn, slug))
            except NotFound:
                hint = ""
            raise NotFound(_("no agreement with slug {slug!r}{hint}; nothing removed").format(slug=slug, hint=hint))
        titles[slug] = found[0]
    conn.close()
    if not yes:
        what = next(f"{s} ({t})" for s, t in titles.items()) if len(titles) == 1 else \
            _("{count} agreements").format(count=len(titles))
        typer.confirm(_("Remove {what}?").format(what=what), abort=True, err=True)
    ingest.remove(path, list(titles))
    info(_("Removed {slugs}.").format(slugs=", ".join(titles)))


@command("merge", territories_app)
def merge(
    keep: Annotated[str, typer.Argument(help="The territory that stays (its name is kept).", show_default=False)],
    gone: Annotated[str, typer.Argument(help="The territory that becomes another name of it.", show_default=False)],
    db=None,
) -> None:
    """Make two territories one: the second becomes another name of the first.

    Example: twinning territories merge "Ville de Québec" "Québec, CA"
    """
    from . import curate

    info(curate.merge(writable_register(db), keep, gone))


@command("rename", territories_app)
def rename(
    name: Annotated[str, typer.Argument(help="The territory, as `territories show` finds it.", show_default=False)],
    new: Annotated[str, typer.Argument(help="Its new name.", show_default=False)],
    db=None,
) -> None:
    """Give a territory another name; the old one stays one of its names.

    Example: twinning territories rename "Québec, CA" "Ville de Québec"
    """
    from . import curate

    info(curate.rename(writable_register(db), name, new))


# Commands of their own parts, registered on `app` as they are imported.
from .web import commands as _web_commands  # noqa: E402, F401
from .wikidata import commands as _wikidata_commands  # noqa: E402, F401
