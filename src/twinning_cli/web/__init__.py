"""`twinning serve`: the register as a website, on Datasette, read-only.

Datasette is imported here only, so the read commands never pay for it. The site is
configured by metadata.py (titles, descriptions, facets, canned queries) and plugin.py
(labels in cells, an agreement's page as `twinning show` lays it out), never by a fork.
"""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path
from ..i18n import _


HERE = Path(__file__).resolve().parent
LOOPBACK = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settings(host: str, allow_sql: bool) -> dict:
    """Datasette's settings: arbitrary SQL off on a shared host unless asked; every query timed out."""
    return {"default_allow_sql": allow_sql or is_loopback(host), "sql_time_limit_ms": 1000,
            "allow_download": False, "allow_csv_stream": True, "facet_time_limit_ms": 500,
            "default_page_size": 50}


def app(path: Path, host: str, allow_sql: bool):
    """The Datasette ASGI app over the register at `path`, opened read-only."""
    from datasette.app import Datasette  # first: it registers Datasette's own plugins
    from datasette.plugins import pm

    import datasette.handle_exception as errors

    # Datasette's error handler dumps each error with Rich, which (Rich 14+) raises outside an
    # except block and turns every 404 into a 500; without the dump its error pages are right.
    errors.rich = None

    from . import metadata, plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="twinning")
    name = path.stem
    datasette = Datasette([str(path)], metadata=metadata.build(name), settings=settings(host, allow_sql),
                          template_dir=str(HERE / "templates"))
    return datasette, name


def serve(path: Path, host: str, port: int, allow_sql: bool, open_browser: bool) -> None:
    import uvicorn

    datasette, name = app(path, host, allow_sql)
    url = f"http://{host}:{port}/{name}/agreement_list"
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, (url,)).start()
    import sys

    server = uvicorn.Server(uvicorn.Config(datasette.app(), host=host, port=port, log_level="warning"))
    started = server.startup

    async def startup(sockets=None):
        await started(sockets=sockets)
        if server.started:  # said once the port is bound: a script (or a test) may read it and go
            sys.stderr.write(_("Serving {path} read-only at {url} (Ctrl-C stops)").format(path=path, url=url) + "\n")
            sys.stderr.flush()

    server.startup = startup
    server.run()
    if not server.started:
        from ..errors import TwinningError

        raise TwinningError(_("cannot serve on {host}:{port}: the address is in use or not available").format(
                                host=host, port=port))


def write_metadata(path: Path, target) -> None:
    from . import metadata

    target.write(json.dumps(metadata.build(path.stem), ensure_ascii=False, indent=2) + "\n")
