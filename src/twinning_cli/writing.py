"""The work of `import`, `validate` and `add` from parsed options (options.WRITES).

cli.py registers these functions with Typer; fast.py runs them straight from argparse,
which spares a script's many imports the time Typer takes to build every command. Both
map a TwinningError to one line on stderr and its exit code.
"""

from __future__ import annotations

from pathlib import Path

from .errors import NotFound, UsageError
from .i18n import _
from .render import info


def run(write, values: dict) -> None:
    """Run a write command of options.WRITES with its parsed option values."""
    globals()[write.run](**values)


def writable_register(db: str | None):
    """The register's path for a write, created from the seed on first use, migrated if old."""
    from . import db as dbmod
    from . import views

    where = dbmod.locate(db)
    if where.named and not where.path.exists():
        raise NotFound(_("no database at {path} (run 'twinning init --db {path}' to create one)").format(
            path=where.path))
    views.open_register(db).close()
    return where.path


def _input(file, format, encoding, max_size, raw=False, pairs=False, mapping=None, delimiter=None, sheet=None):
    from .importer import Input

    return Input.build(file, format=format, encoding=encoding, max_mb=max_size, raw=raw, pairs=pairs,
                       mapping=mapping, delimiter=delimiter, sheet=sheet)


def import_(file: str, input_format=None, pairs=False, wikidata=False, map=None, update=False, skip_invalid=False,
            rejects=None, dry_run=False, delimiter=None, sheet=None, encoding="utf-8", max_size=200, raw_cells=False,
            db=None) -> None:
    """Add agreements from a JSON, JSON Lines, CSV, TSV or Excel file (or - for stdin); all or nothing.

    Example: twinning import new.jsonl    (or: twinning import towns.csv --pairs --map city1=Ville)
    """
    from . import ingest, render

    if skip_invalid and not rejects and not dry_run:
        raise UsageError(_("--skip-invalid needs --rejects FILE, so that no record is lost silently"))
    rejects = Path(rejects) if rejects else None
    if wikidata:
        from .wikidata import Answer

        source = Answer(file, max_bytes=max_size * 1_000_000)
    else:
        source = _input(file, input_format, encoding, max_size, raw_cells, pairs, map, delimiter, sheet)
    path = writable_register(db)
    with render.progress(source.size, _("Importing {file}").format(file=file)) as progress:
        outcome = ingest.load(path, source, update=update, skip_invalid=skip_invalid,
                              rejects=None if dry_run else rejects, dry_run=dry_run, progress=progress)
    for line in ingest.summary(outcome, source, file, rejects, dry_run):
        info(line)


def validate(file: str, input_format=None, pairs=False, map=None, update=False, delimiter=None, sheet=None,
             encoding="utf-8", max_size=200, db=None) -> None:
    """Check a file as import would, against the register, and write nothing.

    Example: twinning validate new.json && twinning import new.json
    """
    from . import db as dbmod
    from . import ingest

    source = _input(file, input_format, encoding, max_size, pairs=pairs, mapping=map, delimiter=delimiter, sheet=sheet)
    outcome = ingest.load(dbmod.locate(db).path, source, update=update, dry_run=True)
    info(_("{file}: valid; importing it would give {summary}.").format(file=file, summary=outcome.summary()))


def add(title=None, party=None, its_kind="twinning", its_status="signed", signed_on=None, its_domain=None,
        topic=None, source=None, summary=None, slug=None, from_file=None, update=False, db=None) -> None:
    """Add one agreement from options, or from a JSON file, with the checks of import.

    Example: twinning add --title "Jumelage entre Pau et Thetford Mines" --kind twinning
      --party "Ville de Pau | ville | FR" --party "Ville de Thetford Mines | ville | CA"
      --source "communique.txt | Ville de Pau | 2024-01"
    """
    from . import entry, ingest

    if from_file:
        raw = entry.from_file(from_file)
    else:
        raw = entry.from_options(title=title, parties=party or [], kind=its_kind, status=its_status,
                                 signed_on=signed_on, domains=its_domain or [], topics=topic or [],
                                 sources=source or [], summary=summary, slug=slug)
    outcome = ingest.add(writable_register(db), raw, update=update)
    info(outcome.verb().format(slug=outcome.slug or raw.get("slug")))
    if (outcome.added or outcome.updated) and not from_file and raw.get("note"):
        info(_("Located {what}").format(what=raw["note"]))
