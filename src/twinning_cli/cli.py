"""The command line, under Typer: each command declares its options and calls into the core.

Read commands (list, show, export, stats…) are views.py functions whose options
are declared in options.py; `_read_command` turns each into a Typer command, and
fast.py runs the same functions without Typer when it can; so are `import`,
`validate` and `add` (writing.py, options.WRITES). The other write commands are
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

from . import __version__, options, views, writing
from .commanding import _argument_param, _guarded, _lang_param, _signed, _start_language, _typer_param, summary
from .errors import NotFound
from .i18n import _
from .i18n.help import Command, Group, install_errors
from .render import info
from .writing import writable_register

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
        params.insert(0, _argument_param(*read.argument))
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


def _write_command(name: str) -> None:
    """Attach the function of options.WRITES[name] to Typer, with its options, --db and --lang."""
    write = options.WRITES[name]
    func = getattr(writing, write.run)
    params = [_argument_param(*write.argument)] if write.argument else []
    params += [_typer_param(o) for o in write.options]
    app.command(name, short_help=summary(func), cls=Command)(_signed(_guarded(func), params + [_lang_param()]))


for _name in options.WRITES:
    _write_command(_name)
Update = _typer_param("update").annotation  # add's and wikidata import's --update: the same option


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
