"""`twinning extract SOURCE...`: read each article, draft a record, show the drafts for review,
write them (--out) or add them (--add) through the import path, all or none."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from ..errors import TwinningError, UsageError
from ..i18n import N_, _

FORMATS = ("table", "json", "jsonl")
NOTHING = N_("no party, instrument, domain, nor any signing, proposal or exploration named")


def run(sources: list[str], *, format: str | None, published: str | None, out: Path | None, add: bool, yes: bool,
        register) -> None:
    """`register()` gives the register's path, made ready for writing (only --add calls it)."""
    from ..render import choose, info
    from . import extract, sources as articles

    if format not in (None, *FORMATS):
        raise UsageError(_("unknown format {format!r}; valid: {valid}").format(format=format, valid=", ".join(FORMATS)))
    try:
        date = datetime.date.fromisoformat(published) if published else None
    except ValueError:
        raise UsageError(_("--published: {value!r} is not a date YYYY-MM-DD").format(value=published)) from None
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
        raise TwinningError(_("no agreement found in {path}: {reason}").format(path=failed[0][0], reason=_(NOTHING)))
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
        info(_("Skipped {path}: {problem}").format(
            path=path, problem=_("no agreement found: {reason}").format(reason=_(NOTHING)) if problem == NOTHING
            else problem))
    if out or add:
        for draft in drafts:
            record = draft.record
            parties = " ↔ ".join(p["name"] for p in record["parties"]) or _("no parties")
            info(_("Drafted {slug}: {parties}; {kind}, {status}, signed {date}").format(
                slug=record["slug"], parties=parties, kind=record["kind"], status=record["status"],
                date=record.get("signed_on") or "—")
                 + (_("; {count} thing(s) not found").format(count=len(draft.missing)) if draft.missing else "")
                 + (_("; wrote {path}").format(path=out) if out and not several else ""))
        if out and several:
            info(_("Wrote {count} draft(s) to {path}").format(count=len(records), path=out))
    if add and records:
        _add(records, yes, register)
    if failed:
        raise TwinningError(_("{failed} of {count} article(s) gave no draft (said above)").format(
            failed=len(failed), count=len(paths)))


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

    what = records[0]["slug"] if len(records) == 1 else _("{count} drafts").format(count=len(records))
    if not yes:
        typer.confirm(_("Add {what} to the register?").format(what=what), abort=True, err=True)
    outcome = ingest.add_many(register(), records)
    info(outcome.verb().format(slug=outcome.slug or what) if len(records) == 1 else
         _("Added {added}, updated {updated}, unchanged {unchanged} of {count} drafts.").format(
             added=outcome.added, updated=outcome.updated, unchanged=outcome.unchanged, count=len(records)))
