"""The read commands' bodies: open the register, query, render.

Free of Typer, so that fast.py can run them straight from argparse; cli.py runs
the same functions under Typer. Their options are declared in options.py and
their docstrings are the commands' help.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import lookup, queries, render
from .errors import NotFound, UsageError
from .filters import Filters
from .i18n import N_, _, count as counted, french


def open_register(db: str | None):
    """A read connection; on first use of the default location, create it from the seed;
    migrate a register from an older version."""
    from . import db as dbmod

    where = dbmod.locate(db)
    if not where.path.exists() and not where.named:
        from . import store

        if store.create(where.path, store.load_seed()):
            render.info(_("Created the register at {path} from the bundled seed.").format(path=where.path))
    conn = dbmod.connect(where.path)
    if dbmod.version_of(conn) < dbmod.SCHEMA_VERSION:
        from . import store

        conn.close()
        old = store.migrate(where.path)
        render.info(_("Migrated the register at {path} from schema version {old} to {new}.").format(
            path=where.path, old=old, new=dbmod.SCHEMA_VERSION))
        conn = dbmod.connect(where.path)
    return conn


PAGE = 25  # agreements `list` draws on a terminal before it says how many more there are


def run(read, values: dict) -> None:
    """Run a read command: its options prepared, its --output opened before any work (a
    directory is refused at once) and written whole or not at all."""
    from . import options

    kwargs = options.prepare(read, values)
    if kwargs.get("filters") is not None and kwargs["filters"].territories:
        from .lookup import other_names_in

        conn = open_register(kwargs["db"])
        try:
            kwargs["filters"] = other_names_in(conn, kwargs["filters"])
        finally:
            conn.close()
    output = kwargs.pop("output", None)
    target = _redirect(Path(output) if output else None)
    with target:
        globals()[read.view](**kwargs)
    if output:
        render.info(_("Wrote {path}").format(path=output))


def pick(columns: list[str], fields: str | None, format: str) -> list[str]:
    """The columns --fields names, in its order; exit 2 naming the valid ones."""
    if not fields:
        return columns
    if format not in ("csv", "tsv", "json", "jsonl"):
        raise UsageError(_("--fields goes with --format csv, tsv, json or jsonl, not {format}").format(format=format))
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in columns]
    if unknown or not wanted:
        raise UsageError(_("unknown field {fields}; valid: {valid}").format(
            fields=", ".join(map(repr, unknown)) or repr(fields), valid=", ".join(columns)))
    return wanted


def list_(*, format: str, sort: str, limit: int | None, count: bool, fields: str | None, raw: bool, excel: bool,
          db: str | None, filters: Filters) -> None:
    """List agreements, one row each; filters combine with AND.

    Example: twinning list --domain culture --country CA --format csv
    """
    if sort not in queries.SORTS:
        raise UsageError(_("unknown sort {sort!r}; valid: {valid}").format(sort=sort, valid=", ".join(queries.SORTS)))
    conn = open_register(db)
    if count:
        render.writer()(f"{queries.count(conn, filters)}\n")
        return
    _note_partial_since(conn, filters)
    if format in ("json", "jsonl"):
        records = queries.each_record(conn, filters, sort, limit)
        keys = pick(queries.RECORD_KEYS, fields, format)
        render.emit_json(({k: r[k] for k in keys} for r in records) if fields else records, format)
    elif format == "table":
        page = limit if limit is not None else PAGE
        rows = queries.list_rows(conn, filters, sort, page + 1 if limit is None else limit)
        render.draw_agreements(rows[:page])
        total = queries.count(conn, filters) if len(rows) > page or not rows else len(rows)
        if len(rows) > page:
            render.info(_("… {more} more of {total} agreements: narrow with filters, give --limit N, or pipe "
                          "it (twinning list | less).").format(more=counted(total - page), total=counted(total)))
        elif not rows:
            render.info(_("0 agreements match.") if not filters.empty else _("0 agreements: the register is empty."))
    else:
        columns = pick(queries.LIST_FIELDS, fields, format) if fields else queries.LIST_COLUMNS
        render.emit(columns, queries.list_rows(conn, filters, sort, limit, columns), format, raw=raw, excel=excel)


def _note_partial_since(conn, filters: Filters) -> None:
    """--since 2024-05-01 leaves out an agreement dated just 2024-05: say so, once."""
    if not filters.since or len(filters.since) == 4:
        return
    prefixes = {filters.since[:4], filters.since[:7]} - {filters.since}
    left = queries.count(conn, filters._replace(since=None, until=None), dates=sorted(prefixes))
    if left:
        render.info(_("Note: {left} agreement(s) dated only {dates} are left out: a partial date counts from its "
                      "first day (give --since {since} to include them).").format(
            left=left, dates=_(" or ").join(sorted(prefixes)), since=max(prefixes, key=len)))


def show(*, name: str, format: str, raw: bool, db: str | None) -> None:
    """Show everything about one agreement: parties, people, domains, timeline, sources.

    Example: twinning show rennes-quebec   (also: quebec-rennes, thetford, Rennes-Québec)
    """
    conn = open_register(db)
    record = queries.record(conn, lookup.find_slug(conn, name))
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


def export(*, format: str, table: str | None, fields: str | None, raw: bool, excel: bool, db: str | None,
           filters: Filters) -> None:
    """Export the register, one row per agreement, or one normalized table; or a map.

    Example: twinning export --format csv -o register.csv   (--format geojson: points and lines)
    """
    if table is not None and table not in queries.TABLES:
        raise UsageError(_("unknown table {table!r}; valid: {valid}").format(table=table, valid=", ".join(queries.TABLES)))
    if table and format in ("geojson", "quickstatements"):
        raise UsageError(_("--table gives rows, not a map: use --format csv, tsv, json, jsonl or markdown with it"))
    if fields and format == "geojson":
        raise UsageError(_("--fields goes with --format csv, tsv, json or jsonl, not {format}").format(format="geojson"))
    conn = open_register(db)
    if sys.stdout.isatty():
        render.info(_("Hint: give --output FILE to save the export (its extension picks the format)."))
    if format == "geojson":
        from . import geo

        geo.write(*queries.graph_rows(conn, filters))
    elif format == "quickstatements":
        from .wikidata import quickstatements

        commands, without_url = quickstatements.lines(queries.records(conn, filters, "slug"))
        render.writer()("".join(f"{line}\n" for line in commands))
        render.info(_("{count} agreement(s) for Wikidata as QuickStatements").format(count=len(commands) // 2)
                    + (_("; {count} left out for want of a source URL").format(count=without_url) if without_url else ""))
    elif table:
        columns, rows = queries.table_rows(conn, table, filters)
        keep = pick(columns, fields, format)
        index = [columns.index(c) for c in keep]
        if index != list(range(len(columns))):  # --fields: those columns, in that order
            rows = ([row[i] for i in index] for row in rows)
        render.emit(keep, rows, format, raw=raw, excel=excel)
    elif format in ("json", "jsonl"):
        records = queries.each_record(conn, filters, "slug")
        keys = pick(queries.RECORD_KEYS, fields, format)
        render.emit_json(({k: r[k] for k in keys} for r in records) if fields else records, format)
    else:
        from .flatten import COLUMNS, flatten_all

        keep = pick(COLUMNS, fields, format)
        index = [COLUMNS.index(c) for c in keep]
        rows = flatten_all(queries.stored(conn, filters))
        if keep != COLUMNS:
            rows = ([row[i] for i in index] for row in rows)
        render.emit(keep, rows, format, raw=raw, excel=excel)


class _redirect:
    """Send stdout to a file for the block (--output): the file is whole or absent (streams.Output)."""

    def __init__(self, path: Path | None):
        from .streams import Output

        self.output = Output(path) if path else None  # a directory fails here, before any work

    def __enter__(self):
        if self.output:
            self.saved, sys.stdout = sys.stdout, self.output.__enter__()

    def __exit__(self, kind, value, tb):
        if self.output:
            sys.stdout = self.saved
            return self.output.__exit__(kind, value, tb)
        return False


def domains(*, format: str, words: bool, raw: bool, db: str | None) -> None:
    """List the domain vocabulary with French labels and how many agreements use each.

    Example: twinning domains --format markdown   (--words: the words each domain accepts)
    """
    from . import vocabulary

    if words:
        rows = [(t.slug, t.label, "; ".join(t.aliases)) for t in vocabulary.DOMAINS]
        render.emit(["domain", "label", "words"], rows, format, raw=raw)
        return
    counts = queries.domain_counts(open_register(db))
    rows = [(t.slug, t.label, counts.get(t.slug, 0)) for t in vocabulary.DOMAINS]
    render.emit(["domain", "label", "agreements"], rows, format, raw=raw)


OVERVIEW_TOP = 10  # rows per section of the one-screen overview
# The titles of stats' sections on a terminal (its CSV keeps the dimension's own name).
DIMENSION_TITLES = {"status": N_("status"), "kind": N_("kind"), "country pair": N_("country pair"),
                    "domain": N_("domain"), "years": N_("years"), "year": N_("year"), "country": N_("country"),
                    "subdivision": N_("subdivision")}


def stats(*, by: str | None, format: str, raw: bool, db: str | None, filters: Filters) -> None:
    """Count agreements by domain, year, country, region, kind or status, as bars on a terminal.

    Example: twinning stats --by domain --country CA
    """
    from . import stats as tally

    if by is not None and by not in queries.STAT_DIMENSIONS:
        raise UsageError(_("unknown --by {by!r}; valid: {valid}").format(by=by, valid=", ".join(queries.STAT_DIMENSIONS)))
    rows = tally.rows(open_register(db), filters, by)
    if not rows:
        render.info(_("0 agreements match.") if not filters.empty else _("0 agreements: the register is empty."))
    if format == "table":
        for dimension in dict.fromkeys(r[0] for r in rows):
            section = [r[1:] for r in rows if r[0] == dimension]
            if dimension == "country" and french():  # on screen only: the CSV keeps the English names
                from .countries import label

                section = [(value, label(value, "fr"), n) for value, _label, n in section]
            render.draw_bars(_(DIMENSION_TITLES.get(dimension, dimension)), section if by else section[:OVERVIEW_TOP])
            if not by and len(section) > OVERVIEW_TOP:
                rest = section[OVERVIEW_TOP:]
                flag = f" (--by {dimension})" if dimension in queries.STAT_DIMENSIONS else ""
                render.console().print(_("… and {more} more, {count} agreements{flag}").format(
                    more=counted(len(rest)), count=counted(sum(r[2] for r in rest)), flag=flag),
                    style="italic yellow", highlight=False, markup=False)
    else:
        render.emit(["dimension", "value", "label", "agreements"], rows, format, raw=raw)


def timeline(*, format: str, limit: int | None, raw: bool, db: str | None, filters: Filters) -> None:
    """Every dated event of every agreement, oldest first, grouped by year on a terminal.

    --year, --since and --until choose events by their own dates; the other filters choose
    the agreements whose events are shown.

    Example: twinning timeline --territory rennes
    """
    rows = queries.timeline(open_register(db), filters, limit)
    if not rows:
        render.info(_("0 events match."))
    if format == "table":
        render.draw_timeline(rows)
    else:
        render.emit(queries.TIMELINE_COLUMNS, rows, format, raw=raw)


def territories(*, format: str, raw: bool, db: str | None, filters: Filters) -> None:
    """List territories, one row each: agreements and partners; or show one.

    Example: twinning territories --country CA   (or: twinning territories show rennes)
    """
    conn = open_register(db)
    if format != "table":
        render.emit(queries.TERRITORY_COLUMNS, queries.territories(conn, filters), format, raw=raw)
        return
    rows, total = queries.territory_page(conn, filters, limit=PAGE)
    render.draw_territories(rows)
    if total > PAGE:
        render.info(_("… {more} more of {total} territories: narrow with filters (--country, -t NAME), or pipe it "
                      "(twinning territories | less).").format(more=counted(total - PAGE), total=counted(total)))


def territory(*, name: str, format: str, raw: bool, db: str | None) -> None:
    """Show a territory's card: its agreements, partners, people and domains.

    Example: twinning territories show "Ville de Québec"
    """
    conn = open_register(db)
    data = queries.territory(conn, lookup.find_territory(conn, name, other_names=True))
    if format == "table":
        from . import card

        card.draw_territory(data)
    elif format in ("json", "jsonl"):
        render.emit_json(data if format == "json" else [data], format)
    else:
        columns = ["slug", "title", "kind", "status", "date", "parties"]
        render.emit(columns, [[a[c] for c in columns] for a in data["agreements"]], format, raw=raw)


def network(*, format: str, start: str | None, depth: int, db: str | None, filters: Filters) -> None:
    """The graph of territories and the agreements between them; DOT, GraphML, Mermaid, JSON.

    Example: twinning network --from Rennes --depth 2 --format dot | dot -Tpng > network.png
    """
    if not start and depth != 1:
        raise UsageError(_("--depth goes with --from NAME: how many agreements away from it"))
    conn = open_register(db)
    root = among = None
    if start is not None:
        root = lookup.find_territory(conn, start, other_names=True)
        among = queries.neighbourhood(conn, filters, root, depth)
        if not among:
            raise NotFound(_("{start!r} is party to no agreement that matches the filters").format(start=start))
    if not start and not queries.count(conn, filters):
        render.info(_("0 agreements match.") if not filters.empty else _("0 agreements: the register is empty."))
    if format == "table":
        from . import tree

        tree.draw(tree.Links(conn, filters, among), root)
        return
    from . import network as net

    net.write(*queries.graph_edges(conn, filters, among), format)


def doctor(*, full: bool, db: str | None) -> None:
    """Check the register: SQLite's own checks, foreign keys, and the register's rules.

    Example: twinning doctor && echo healthy
    """
    import sqlite3

    from . import db as dbmod
    from . import health
    from .errors import TwinningError

    open_register(db).close()  # created on first use, migrated if old
    uri = f"file:{dbmod.uri_path(dbmod.locate(db).path)}"  # not read-only: FTS5's check is an INSERT
    problems = health.check(lambda: sqlite3.connect(uri, uri=True, check_same_thread=False), full=full)
    conn = sqlite3.connect(uri, uri=True)
    try:
        notes = health.notes(conn) + health.written_twice(conn, full=full) + (health.far_points(conn) if full else [])
    finally:
        conn.close()
    for line in notes:
        render.info(_("Note: {line}").format(line=line))
    if problems:
        render.writer()("".join(f"{line}\n" for line in problems))
        raise TwinningError(_("{count} problem(s) found").format(count=len(problems)))
    render.info(_("The register is healthy."))
