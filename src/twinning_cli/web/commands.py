"""`twinning serve`: the command; the site itself is web/__init__.py's."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli import command, writable_register
from ..render import info
from ..i18n import _


@command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; a non-loopback one shares the site on the "
                                           "network (arbitrary SQL then off unless --allow-sql).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="N", help="Port to listen on.")] = 8001,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the site in a browser.")] = False,
    allow_sql: Annotated[bool, typer.Option("--allow-sql", help="Let visitors run their own SQL (read-only, "
                                                                "time-limited) on a non-loopback host too.")] = False,
    metadata_out: Annotated[Optional[Path], typer.Option(metavar="FILE", help="Write the site's Datasette "
                                                         "metadata to FILE (for datasette publish) and exit.")] = None,
    db=None,
) -> None:
    """Publish the register as a website, read-only, with Datasette: search, facets, a map.

    Example: twinning serve --open   (then http://127.0.0.1:8001)
    """
    from .. import web

    path = writable_register(db)  # created on first use, migrated if old, refused if damaged
    if metadata_out:
        from ..streams import Output

        with Output(metadata_out) as handle:
            web.write_metadata(path, handle)
        info(_('Wrote {metadata_out}').format(metadata_out=metadata_out))
        return
    web.serve(path, host, port, allow_sql, open_browser)

