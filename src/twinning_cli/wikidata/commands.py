"""`twinning wikidata query` and `twinning wikidata fetch`."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli import Update, _guarded, app, command, writable_register
from ..i18n.help import Command, Group
from ..render import info
from ..i18n import _
wikidata_app = typer.Typer(help="Wikidata both ways: the twinnings it knows (P190), and ours it lacks.",
                           rich_markup_mode=None, cls=Group)
app.add_typer(wikidata_app, name="wikidata",
              short_help="Wikidata both ways: the twinnings it knows (P190), and ours it lacks.")
Countries = Annotated[Optional[list[str]], typer.Option("--country", "-c", metavar="COUNTRY",
                                                        help="Only twinnings of items in this country (repeat).")]
Since = Annotated[Optional[int], typer.Option(metavar="YEAR", help="Only twinnings started in YEAR or later.")]


def _codes(countries: list[str] | None) -> list[str]:
    from ..filters import resolve_country

    return [resolve_country(c) for c in countries or []]


@wikidata_app.command("query", short_help="Print the SPARQL query, to run on the Wikidata Query Service yourself.",
                      cls=Command)
def wikidata_query(countries: Countries = None, since: Since = None) -> None:
    """Print the SPARQL query, to run on the Wikidata Query Service yourself.

    Example: twinning wikidata query -c FR -c CA > twinnings.rq   (then: twinning import --wikidata results.json)
    """
    from . import query

    _guarded(lambda: typer.echo(query.build(_codes(countries), since), nl=False))()


@command("fetch", wikidata_app)
def wikidata_fetch(
    countries: Countries = None,
    since: Since = None,
    endpoint: Annotated[str, typer.Option(metavar="URL", help="The SPARQL endpoint (a mirror, a test server).")]
    = "https://query.wikidata.org/sparql",
    update: Update = False,
    rejects: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Where the pairs that cannot be "
                                                    "records go (JSON Lines, each with its reason).")] = None,
    db=None,
) -> None:
    """Ask Wikidata for its twinnings and import them, all or nothing.

    Pairs that cannot be records (an item twinned with itself, an item with no country) are left
    out and counted by reason; the rest goes in in one transaction.

    Example: twinning wikidata fetch --country FR --country CA --since 2000
    """
    from .. import ingest
    from . import Answer
    from .fetch import fetch

    path = writable_register(db)
    rows = fetch(endpoint, _codes(countries), since, endpoint)
    outcome = ingest.load(path, Answer(endpoint, rows), update=update, skip_invalid=True, rejects=rejects)
    for note in outcome.notes[:20]:
        info(_('Note: {note}').format(note=note))
    if outcome.rejected:
        info(_('Left out, by reason:\n{reason_report}').format(reason_report=outcome.reason_report()))
    info(_("Fetched {len:,} rows from {endpoint}: {summary}.").format(
             len=len(rows), endpoint=endpoint, summary=outcome.summary()))
