"""`twinning extract SOURCE...`: read each article, draft a record, show the drafts for review,
write them (--out) or add them (--add) through the import path, all or none."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from ..errors import TwinningError, UsageError

FORMATS = ("table", "json", "jsonl")
NOTHING = "no party, instrument, domain, nor any signing, proposal or exploration named"


def run(sources: list[str], *, format: str | None, published: str | None, out: Path | None, add: bool, yes: bool,
        register) -> None:
    """`register()` gives the register's path, made ready for writing (only --add calls it)."""
    from ..render import choose, info
    from . import extract, sources as articles

    if format not in (None, *FORMATS):
        raise UsageError(f"unknown format {format!r}; valid: {', '.join(FORMATS)}")
    try:
        date = datetime.date.fromisoformat(published) if published else None
    except ValueError:
        raise UsageError(f"--published: {published!r} is not a date YYYY-MM-DD") from None
    from ..streams import Output

    output = Output(out) if out else None  # a directory or an unwritable path fails before the work
    paths = articles.expand(sources)
    several = len(paths) > 1 or len(sources) > 1
    drafts, failed = [], []
    for path in paths:
        try:
            article = articles.read(path)
        except TwinningError as error:
            if not several:
                raise
            failed.append((path, str(error)))
            continue
        draft = extract(article.text, source=article.source, published=date, url=article.url, dated=article.published)
        if _empty(draft):
            failed.append((path, NOTHING))
            continue
        drafts.append(draft)
    if not several and failed:
        raise TwinningError(f"no agreement found in {failed[0][0]}: {NOTHING}")
    records = [d.record for d in drafts]
    if output:
        with output as handle:
            handle.write(_serialised(records, "jsonl" if out.suffix.lower() == ".jsonl" else "json", several))
    if format or not (out or add):  # with --out or --add, drafts are shown only when asked for
        shown = choose(format, "json")
        if shown == "table":
            from ..card import draw_review

            for draft in drafts:
                draw_review(draft)
        else:
            sys.stdout.write(_serialised(records, shown, several))
    for path, problem in failed:
        info(f"Skipped {path}: {'no agreement found: ' if problem == NOTHING else ''}{problem}")
    if out or add:
        for draft in drafts:
            record = draft.record
            parties = " ↔ ".join(p["name"] for p in record["parties"]) or "no parties"
            info(f"Drafted {record['slug']}: {parties}; {record['kind']}, {record['status']}, signed "
                 f"{record.get('signed_on') or '—'}" + (f"; {len(draft.missing)} thing(s) not found" if draft.missing
                                                         else "") + (f"; wrote {out}" if out and not several else ""))
        if out and several:
            info(f"Wrote {len(records)} draft(s) to {out}")
    if add and records:
        _add(records, yes, register)
    if failed:
        raise TwinningError(f"{len(failed)} of {len(paths)} article(s) gave no draft (said above)")


def _empty(draft) -> bool:
    record = draft.record
    return not record["parties"] and not record["domains"] and all(
        any(m.startswith(f) for m in draft.missing) for f in ("kind", "status"))


def _serialised(records: list[dict], fmt: str, several: bool) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return json.dumps(records if several else records[0], ensure_ascii=False, indent=2) + "\n"


def _add(records: list[dict], yes: bool, register) -> None:
    """Every draft through the import path in one transaction: all are added or none."""
    import typer

    from .. import ingest
    from ..render import info

    what = records[0]["slug"] if len(records) == 1 else f"{len(records)} drafts"
    if not yes:
        typer.confirm(f"Add {what} to the register?", abort=True, err=True)
    outcome = ingest.add_many(register(), records)
    info(f"{outcome.verb()} {outcome.slug or what}." if len(records) == 1 else
         f"Added {outcome.added}, updated {outcome.updated}, unchanged {outcome.unchanged} of {len(records)} drafts.")
