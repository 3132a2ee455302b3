"""Adding records to the register: check each against the file and the register, write,
and commit only if the whole file is good (or, with skip_invalid, only the good ones).

import, validate and add all come through `ingest` (and `load` for files).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from . import store
from .errors import DataError
from .model import Agreement
from .validate import MAX_SHOWN, Checker, Problem, report


@dataclass
class Outcome:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)  # the first MAX_SHOWN
    problem_count: int = 0

    def flag(self, found: list[Problem]) -> None:
        self.problem_count += len(found)
        self.problems.extend(found[:MAX_SHOWN - len(self.problems)])

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        return ", ".join(parts)

    def problem_report(self, origin: str) -> str:
        return (f"{origin}: {self.problem_count} problem(s), nothing written\n"
                f"{report(self.problems, self.problem_count)}")


class Invalid(DataError):
    """The file had problems; nothing was written."""


class _DryRun(Exception):
    """Raised inside the transaction so that validate rolls back what it tried."""


def _differences(old: dict, new: dict) -> list[str]:
    return [key for key in new if old.get(key) != new[key]]


def ingest(db: sqlite_utils.Database, path: Path, raws: Iterable[tuple[int, object]], *, origin: str,
           update: bool = False, merge_pairs: bool = False, skip_invalid: bool = False,
           reject: Callable[[object], None] | None = None, dry_run: bool = False) -> Outcome:
    """Check and write `raws` in one transaction; raise Invalid (nothing written) on problems.

    update: a slug already present with other content is replaced, not a conflict.
    merge_pairs: a pair already present (either order) is the same agreement: left as it is;
      a slug taken by another pair gets the countries appended.
    skip_invalid: bad records go to `reject` and the good ones are written.
    dry_run: check everything, write nothing.
    """
    outcome = Outcome()
    checker = Checker(repeats=not merge_pairs)  # pairs repeat in twin-town lists: merged below
    writer = store.Writer(db)
    try:
        with store.transaction(db, path):
            for number, raw in raws:
                if merge_pairs and isinstance(raw, dict):
                    raw = _free_slug(db, raw)
                agreement, problems = checker.check(number, raw)
                if agreement is not None:
                    problems = _apply(db, writer, agreement, number, outcome, update, merge_pairs,
                                      write=not outcome.problem_count or skip_invalid)
                if problems:
                    if skip_invalid:
                        outcome.rejected += 1
                        if reject:
                            reject(raw)
                    outcome.flag(problems)
            writer.flush()
            if outcome.problem_count and not skip_invalid:
                raise Invalid(outcome.problem_report(origin))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        checker.seen.close()
    return outcome


def _apply(db, writer: store.Writer, agreement: Agreement, number: int, outcome: Outcome,
           update: bool, merge_pairs: bool, write: bool) -> list[Problem]:
    """Write one valid record if the register allows it; problems if it does not."""
    where = f"record {number} ({agreement.slug})"
    if merge_pairs and db.execute("SELECT 1 FROM agreements WHERE pair_key = ?",
                                  (agreement.pair_key,)).fetchone():
        outcome.unchanged += 1
        return []
    row = db.execute("SELECT record FROM agreements WHERE slug = ?", (agreement.slug,)).fetchone()
    if row:
        old, new = json.loads(row[0]), agreement.model_dump(mode="json")
        if old == new:
            outcome.unchanged += 1
            return []
        if not update:
            return [Problem(where, "slug", "already in the register with other content "
                            f"(differs in {', '.join(_differences(old, new))}): use --update to replace it")]
        if write:
            writer.delete(agreement.slug)
            writer.write_one(agreement)
        outcome.updated += 1
        return []
    other = db.execute("SELECT slug FROM agreements WHERE pair_key = ?", (agreement.pair_key,)).fetchone()
    if other:
        return [Problem(where, "parties", f"same parties and kind as {other[0]} in the register")]
    if write:
        if merge_pairs:  # a twin-town list may name the same pair again a few rows on: write it now
            writer.write_one(agreement)
        else:
            writer.add(agreement)
    outcome.added += 1
    return []


def _free_slug(db, raw: dict) -> dict:
    """A pair whose slug another pair holds (two towns of the same name) takes its countries too."""
    slug = raw.get("slug")
    row = db.execute("SELECT record FROM agreements WHERE slug = ?", (slug,)).fetchone()
    if not row:
        return raw
    held = [(p.get("name"), p.get("country")) for p in json.loads(row[0])["parties"]]
    mine = [(p.get("name"), p.get("country")) for p in raw.get("parties", [])]
    if sorted(held, key=str) == sorted(mine, key=str):
        return raw
    countries = "-".join(str(p.get("country", "")).lower() for p in raw.get("parties", []))
    return {**raw, "slug": f"{slug}-{countries}"}


def add(where: Path, raw: dict, *, update: bool = False) -> Outcome:
    """One record from `twinning add`, through the same checks as an import."""
    db = store.open_db(where)
    try:
        return ingest(db, where, [(1, raw)], origin="add", update=update)
    finally:
        db.close()


def remove(where: Path, slug: str) -> None:
    """Delete one agreement, and the territories no agreement names any more."""
    db = store.open_db(where)
    try:
        with store.transaction(db, where):
            store.Writer(db).delete(slug)
            db.execute("DELETE FROM territories WHERE id NOT IN (SELECT territory_id FROM agreement_parties)")
    finally:
        db.close()


def load(where: Path, source, *, update: bool = False, skip_invalid: bool = False,
         rejects: Path | None = None, dry_run: bool = False, progress=None) -> Outcome:
    """Import (or with dry_run, check) one input file into the register at `where`.

    `source` is an importer.Input; rejected records go to `rejects` as JSON Lines,
    a file that appears only when the import succeeds.
    """
    if dry_run and not where.exists():
        db = sqlite_utils.Database(memory=True)
        store.create_schema(db)
    else:
        db = store.open_db(where)
    part = rejects.with_name(rejects.name + ".part") if rejects else None
    sink = None
    try:
        if part:
            try:
                sink = part.open("w", encoding="utf-8")
            except OSError as error:
                raise DataError(f"cannot write {rejects}: {error.strerror}") from None

        def reject(raw: object) -> None:
            if sink:
                sink.write(json.dumps(raw if isinstance(raw, dict) else {"unreadable": str(raw)},
                                      ensure_ascii=False) + "\n")

        outcome = ingest(db, where, source.records(progress), origin=source.name, update=update,
                         merge_pairs=source.pairs is not None, skip_invalid=skip_invalid,
                         reject=reject, dry_run=dry_run)
        if sink:
            sink.close()
            part.replace(rejects)
        return outcome
    finally:
        if sink and not sink.closed:
            sink.close()
        if part:
            part.unlink(missing_ok=True)
        db.close()
