"""Adding records to the register: check each against the file and the register, write,
and commit only if the whole file is good (or, with skip_invalid, only the good ones).

import, validate and add all come through `ingest` (and `load` for files).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


from . import store
from .errors import DataError
from .i18n import _
from .model import Agreement
from .shape import SCALARS, STORED, whole
from .validate import MAX_SHOWN, Checker, Problem, report
from .writer import COLUMNS, pair_rows


@dataclass
class Outcome:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0  # a pair named again (reversed, or spelled otherwise): one agreement
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)  # the first MAX_SHOWN
    problem_count: int = 0
    reasons: Counter = field(default_factory=Counter)  # rejected records by kind of reason
    slug: str | None = None  # the last record written, under the slug it got
    notes: list[str] = field(default_factory=list)  # what was seen and not applied (Wikidata's differences)

    def flag(self, found: list[Problem]) -> None:
        self.problem_count += len(found)
        self.problems.extend(found[:MAX_SHOWN - len(self.problems)])

    def summary(self) -> str:
        from .i18n import count, french

        def n(value: int) -> str:  # French groups thousands ('24 262'); English stays as it always read
            return count(value) if french() else str(value)

        parts = [_("{count} added").format(count=n(self.added)), _("{count} updated").format(count=n(self.updated)),
                 _("{count} unchanged").format(count=n(self.unchanged))]
        if self.merged:
            parts.append(_("{count} merged").format(count=n(self.merged)))
        if self.rejected:
            parts.append(_("{count} rejected").format(count=n(self.rejected)))
        return ", ".join(parts)

    def verb(self) -> str:
        """What happened to the one record of `add`: a sentence with a {slug} to fill."""
        return _("Added {slug}.") if self.added else _("Updated {slug}.") if self.updated else _("Unchanged: {slug}.")

    def problem_report(self, origin: str) -> str:
        return (_("{origin}: {count} problem(s), nothing written").format(origin=origin, count=self.problem_count)
                + f"\n{report(self.problems, self.problem_count)}")

    def reason_report(self) -> str:
        """Rejected records counted by reason, largest first."""
        return "\n".join(f"{n:>7,} × {reason}" for reason, n in self.reasons.most_common())


def reason_of(problems: list[Problem]) -> str:
    """What was wrong with one record, in a line."""
    return "; ".join(f"{p.field + ': ' if p.field else ''}{p.message}" for p in problems)


def kind_of(problem: Problem) -> str:
    """The class a problem belongs to, for counting: positions and quoted values left out."""
    field_ = re.sub(r"\.[0-9]+", "", problem.field)
    if problem.kind:
        return f"{field_ + ': ' if field_ else ''}{problem.kind}"
    message = re.sub(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\?\)$", "", problem.message)  # a hint: '(did you mean …?)'
    message = re.sub(r"'[^']*'|\"[^\"]*\"|\([A-Z]{2}\)", "…", message)
    return f"{field_ + ': ' if field_ else ''}{message}"


class Invalid(DataError):
    """The file had problems; nothing was written."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


class _DryRun(Exception):
    """Raised inside the transaction so that validate rolls back what it tried."""


def _differences(old: dict, new: dict) -> list[str]:
    return [key for key in new if old.get(key) != new[key]]


def ingest(db: store.Register, path: Path, raws: Iterable[tuple], *, origin: str,
           update: bool = False, merge_pairs: bool = False, skip_invalid: bool = False,
           reject: Callable[[object, str], None] | None = None, dry_run: bool = False,
           wikidata: bool = False, done: Callable[[], float | None] | None = None) -> Outcome:
    """Check and write `raws` in one transaction; raise Invalid (nothing written) on problems.

    raws: (number, raw record[, the input's own form of it, for `reject`]).
    update: a slug already present with other content is replaced, not a conflict.
    merge_pairs: a pair already present (either order) is the same agreement: left as it is;
      a slug taken by another pair gets the countries appended.
    skip_invalid: bad records go to `reject(original, reason)` and the good ones are written.
    dry_run: check everything, write nothing.
    done: the share of the input read so far, when it is known (seen.Seen).
    """
    outcome = Outcome()
    checker = Checker(repeats=not merge_pairs, done=done)  # pairs repeat in twin-town lists: merged below
    try:
        with store.transaction(db, path):
            # Inside: what it reads of the register no other writer changes now.
            writer = store.Writer(db, bulk=True, unique_slugs=checker.repeats, done=done, by_territory=wikidata)
            for number, raw, *original in raws:
                agreement, problems = checker.check(number, raw)
                if agreement is not None and wikidata:
                    from .wikidata import merge

                    problems = merge.apply(db, writer, agreement, number, outcome, update,
                                           write=not outcome.problem_count or skip_invalid)
                elif agreement is not None:
                    problems = _apply(db, writer, agreement, number, outcome, update, merge_pairs,
                                      write=not outcome.problem_count or skip_invalid)
                if problems:
                    if skip_invalid:
                        outcome.rejected += 1
                        outcome.reasons.update({kind_of(p) for p in problems})
                        if reject:
                            reject(original[0] if original else raw, reason_of(problems))
                    outcome.flag(problems)
            writer.prune()
            if outcome.problem_count and not skip_invalid:
                raise Invalid(outcome.problem_report(origin), outcome.problems)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        checker.seen.close()
    return outcome


def _same_but_slug(stored: dict, new: dict) -> bool:
    return stored == {**new, "slug": stored["slug"]}


def _apply(db, writer: store.Writer, agreement: Agreement, number: int, outcome: Outcome,
           update: bool, merge_pairs: bool, write: bool) -> list[Problem]:
    """Write one valid record if the register allows it; problems if it does not. What is
    checked is the register and the rows this import has queued (writer.pending_*)."""
    conn = db.conn  # the look-ups below run once per record: no wrapper around them
    pair = writer.pair_key(agreement)
    row = current = None
    if merge_pairs:
        queued = writer.pending_pairs.get(pair)
        there = None if queued is not None or not writer.may_hold("pair", pair) else next(
            iter(pair_rows(conn, pair, f"a.rowid, {STORED}")), None)
        if queued is not None or there:
            # A pair this file named before, or one already there in another form, is merged;
            # the very record already there is unchanged (under the slug it was given: 'paris-rome-us-us'
            # where 'paris-rome' was taken, or a convention beside a twinning of the same towns).
            if queued is None and there[0] <= writer.first_rowid and \
                    _same_but_slug(whole(there[1:]), agreement.model_dump(mode="json")):
                outcome.unchanged += 1
            else:
                outcome.merged += 1
            return []
        if _slug_taken(db, writer, agreement.slug):
            agreement = _free_slug(db, writer, agreement)  # another pair holds the slug: two towns of one name
        other = None  # no record holds this pair, queued or stored: it was asked just above
    else:
        # Into a register that was empty, a slug can only be this file's, and the checker refuses a slug twice;
        # into a small one, only a slug it held may be there (writer.may_hold).
        current = None if writer.first_rowid == 0 or not writer.may_hold("slug", agreement.slug) \
            else writer.current(agreement.slug)
        row = current and [current[1 + _COLUMN[name]] for name in _STORED_NAMES]
        queued = writer.pending_pairs.get(pair)
        other = queued if queued and queued != agreement.slug else None
        if other is None and queued is None and writer.may_hold("pair", pair):
            other = next((slug for slug, in pair_rows(conn, pair, "a.slug") if slug != agreement.slug), None)
    if other:  # --update too: replacing a record must not make it a second record of another pair
        return [Problem(_where(number, agreement.slug), "parties", _(
            "same parties and kind as {other} in the register (the same two territories, perhaps under other "
            "names): import it as {other} with --update to replace that one, or leave it out").format(other=other),
            _("same parties and kind as an agreement in the register"))]
    if row:
        old, new = whole(row), agreement.model_dump(mode="json")
        if old == new:
            outcome.unchanged += 1
            return []
        if not update:
            return [Problem(_where(number, agreement.slug), "slug", _(
                "already in the register with other content (differs in {fields}): use --update to replace "
                "it").format(fields=", ".join(_differences(old, new))))]
        if write:
            writer.replace(agreement, pair, current)
        outcome.updated += 1
        return []
    if write:
        writer.add(agreement, pair)
    outcome.added += 1
    outcome.slug = agreement.slug
    return []


# Where each column of shape.STORED lies in the row Writer.current reads (after its rowid).
_COLUMN = {name: i for i, name in enumerate(COLUMNS["agreements"])}
_STORED_NAMES = (*SCALARS, "record")


def _where(number: int, slug: str) -> str:
    """'record N (slug)' for a problem (worked out only then: this is every record's path)."""
    return _("record {number}").format(number=number) + f" ({slug})"


def _slug_taken(db, writer: store.Writer, slug: str) -> bool:
    return slug in writer.pending_slugs or writer.may_hold("slug", slug) and bool(
        db.conn.execute("SELECT 1 FROM agreements WHERE slug = ?", (slug,)).fetchone())


def _free_slug(db, writer: store.Writer, agreement: Agreement) -> Agreement:
    """A pair whose slug another pair holds (two towns of one name) takes its countries too,
    then a number: 'paris-rome', 'paris-rome-us-us', 'paris-rome-us-us-2'."""
    base = f"{agreement.slug}-{'-'.join(p.country.lower() for p in agreement.parties)}"
    slug, n = base, 1
    while _slug_taken(db, writer, slug):
        n += 1
        slug = f"{base}-{n}"
    return agreement.model_copy(update={"slug": slug})


def add(where: Path, raw: dict, *, update: bool = False) -> Outcome:
    """One record from `twinning add`, through the same checks as an import."""
    db = store.open_db(where)
    try:
        return ingest(db, where, [(1, raw)], origin="add", update=update)
    finally:
        db.close()


def add_many(where: Path, raws: list[dict]) -> Outcome:
    """Records drafted by `twinning extract --add`: the checks of an import, one transaction."""
    db = store.open_db(where)
    try:
        return ingest(db, where, list(enumerate(raws, start=1)), origin="extract")
    finally:
        db.close()


def remove(where: Path, slugs: list[str]) -> None:
    """Delete agreements, all in one transaction, and the territories no agreement names any more."""
    db = store.open_db(where)
    try:
        with store.transaction(db, where):
            writer = store.Writer(db)
            for slug in slugs:
                writer.delete(slug)
            writer.prune()
    finally:
        db.close()


def load(where: Path, source, *, update: bool = False, skip_invalid: bool = False,
         rejects: Path | None = None, dry_run: bool = False, progress=None) -> Outcome:
    """Import (or with dry_run, check) one input file into the register at `where`.

    `source` is an importer.Input; rejected records go to `rejects` in the input's own
    format with a reason each, a file that appears only when the import succeeds.
    """
    sink = RejectsFile(rejects, source) if rejects else None  # a bad path fails here, before any work
    if dry_run and not where.exists():
        db = store.Register.memory()
        store.create_schema(db)
    else:
        db = store.open_db(where)
    try:
        if sink:
            sink.open()
        outcome = ingest(db, where, source.records(progress), origin=source.name, update=update,
                         merge_pairs=source.pairs is not None, skip_invalid=skip_invalid,
                         reject=sink.write if sink else None, dry_run=dry_run,
                         wikidata=getattr(source, "wikidata", False), done=getattr(source, "done", None))
    except BaseException as error:
        if sink:
            sink.discard()
        if isinstance(error, Invalid) and (hint := no_country_hint(error.problems, source)):
            raise Invalid(f"{error}\n{hint}") from None
        raise
    finally:
        db.close()
    if sink:
        sink.close()
    return outcome


def no_country_hint(problems: list[Problem], source) -> str | None:
    """What to do where a pairs list has no country for its first towns, as a town's own list of
    its twins gives none (the list's country, unwritten): --map country1."""
    from .model import no_country

    if getattr(source, "pairs", None) is None or source.pairs.get("country1") is not None:
        return None
    if any(p.field == "parties.0.country" and p.message == no_country() for p in problems):
        return _("Hint: the list has no country column for its first towns (a town's list of its twins?): give "
                 "theirs with --map country1=France, a name or a code.")
    return None


class RejectsFile:
    """Rejected records in the input's own format, each with its reason: CSV/TSV with a
    `reason` column, JSON Lines or a JSON array with a `reason` key first."""

    def __init__(self, path: Path, source):
        from .streams import Output

        self.output, self.source, self.handle, self.count = Output(path), source, None, 0
        self.last: object = None  # the line last written: a line naming several twins is written once

    def open(self) -> None:
        self.handle = self.output.__enter__()

    def write(self, original: object, reason: str) -> None:
        from .render import csv_line

        if original is self.last and isinstance(original, dict):
            return  # another twin of the same line, refused too: the line is there already, with a reason
        self.last = original
        fmt = self.source.format
        if fmt in ("csv", "tsv"):
            delimiter = self.source.delimiter or ","
            if not self.count:
                self.handle.write(csv_line([*self.source.written_headers, "reason"], delimiter, guard=False))
            cells = ([original.get(h, "") for h in self.source.headers] if isinstance(original, dict)
                     else [original])
            self.handle.write(csv_line([*cells, reason], delimiter, guard=False))
        else:
            item = {"reason": reason, **original} if isinstance(original, dict) else \
                {"reason": reason, "record": original}
            text = json.dumps(item, ensure_ascii=False)
            if fmt == "json":
                text = ("[\n" if not self.count else ",\n") + text
            self.handle.write(text + "\n")
        self.count += 1

    def close(self) -> None:
        if self.source.format == "json":
            self.handle.write("[]\n" if not self.count else "]\n")
        self.output.__exit__(None, None, None)

    def discard(self) -> None:
        if self.handle:
            self.output.discard()


def summary(outcome: Outcome, source, file: str, rejects: str | None, dry_run: bool) -> list[str]:
    """What `import` says on stderr when it is done: the problems, the rejects by reason, the
    notes, what the pairs import filled in or left out, and the counts."""
    lines: list[str] = []
    if outcome.problem_count:
        lines.append(_("{count} problem(s), the first {shown}:").format(
            count=outcome.problem_count, shown=len(outcome.problems)) + "\n"
            + report(outcome.problems, outcome.problem_count))
        lines.append(_("Rejected records by reason:") + f"\n{outcome.reason_report()}")
        if rejects and not dry_run:
            lines.append(_("Rejected records, each with its reason, written to {path}").format(path=rejects))
    lines += [_("Note: {line}").format(line=note) for note in outcome.notes[:20]]
    if len(outcome.notes) > 20:
        lines.append(_("… and {count} more differences, not applied").format(count=len(outcome.notes) - 20))
    if hint := no_country_hint(outcome.problems, source):
        lines.append(hint)
    if getattr(source, "no_header", None):
        lines.append(_("The file has no header line: its columns read as {columns}.").format(
            columns=", ".join(source.no_header)))
    if getattr(source, "above", 0):
        lines.append(_("The header is line {line} of the file: the {count} line(s) above it (a title?) left "
                       "out.").format(line=source.above + 1, count=source.above))
    sheets = getattr(source, "sheets", ())
    if len(sheets) > 1:
        lines.append(_("Read the sheet {sheet!r} of {count} ({names}); --sheet NAME reads another.").format(
            sheet=source.read_sheet, count=len(sheets), names=", ".join(repr(name) for name in sheets)))
    if getattr(source, "merged", 0):
        lines.append(_("{count} merged range(s) of cells read as their value in each cell they span.").format(
            count=source.merged))
    repeated = getattr(source, "repeated", ())
    if repeated:
        lines.append(_("{count} row(s) repeat the header, as where files were joined (record {numbers}): left "
                       "out.").format(count=len(repeated), numbers=", ".join(map(str, repeated[:10]))
                                      + (" …" if len(repeated) > 10 else "")))
    left_out = getattr(source, "left_out", ())
    if left_out:
        shown = ", ".join(repr(name) for name in left_out[:10]) + (" …" if len(left_out) > 10 else "")
        lines.append(_("{count} column(s) of the file read into no field, left out: {names}").format(
            count=len(left_out), names=shown))
    if source.located:
        lines.append(_("{count} pair(s) had a town placed from the gazetteer (region, coordinates; said in each "
                       "record's note).").format(count=source.located))
    if source.undated:
        lines.append(_("{count} pair(s) kept without a date: their year cell is not one (quoted in each record's "
                       "note).").format(count=source.undated))
    if getattr(source, "unknown_terms", 0):
        lines.append(_("{count} pair(s) have a type or status cell naming no kind or status of the register: kept as "
                       "a twinning, or signed (the cell quoted in each record's note).").format(
                           count=source.unknown_terms))
    if dry_run:
        lines.append(_("Dry run of {file}: importing it would give {summary}; nothing written.").format(
            file=file, summary=outcome.summary()))
    else:
        lines.append(_("Imported {file}: {summary}.").format(file=file, summary=outcome.summary()))
    return lines
