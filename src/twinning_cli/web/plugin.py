"""Datasette plugin hooks: an agreement's page laid out as `twinning show` lays it out."""

from __future__ import annotations

import json

from datasette import hookimpl

from .. import vocabulary


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name == "row" and table == "territories" and request is not None:
        return _territory(database, request, datasette)
    if view_name != "row" or table != "agreements" or request is None:
        return {}

    async def agreement():
        from datasette.utils import tilde_decode

        slug = tilde_decode(request.url_vars.get("pks", ""))
        from ..shape import STORED, whole

        rows = await datasette.get_database(database).execute(
            f"SELECT {STORED} FROM agreements a WHERE a.slug = ?", [slug])
        first = rows.first()
        if not first:
            return {}
        record = whole(tuple(first))
        return {"agreement": record,
                "kind_label": vocabulary.label("kind", record["kind"]),
                "status_label": vocabulary.label("status", record["status"]),
                "domain_labels": [vocabulary.label("domain", d) for d in record["domains"]]}

    return agreement


@hookimpl
def render_cell(value, column, table, database, datasette):
    """The list's slug leads to the agreement's page; JSON lists read as lists; the stored record,
    on the full table, is a short line rather than a wall of JSON."""
    from markupsafe import Markup, escape

    if table == "agreement_list" and column == "slug" and isinstance(value, str):
        return Markup(f'<a href="{datasette.urls.row(database, "agreements", value)}">{escape(value)}</a>')
    if column in ("domaines", "pays") and isinstance(value, str) \
            and value.startswith("["):
        return ", ".join(json.loads(value))
    if table == "agreements" and column == "record" and isinstance(value, str) and len(value) > 80:
        return value[:77] + "…"
    return None



def _territory(database, request, datasette):
    """A territory's page (where the map leads): its agreements, each a link to its page."""
    async def agreements():
        from datasette.utils import tilde_decode

        rows = await datasette.get_database(database).execute(
            "SELECT a.slug, a.title, a.date, k.label AS kind FROM agreement_parties ap JOIN agreements a"
            " ON a.id = ap.agreement JOIN kinds k ON k.slug = a.kind WHERE ap.territory_id = ?"
            " ORDER BY a.date DESC LIMIT 200", [tilde_decode(request.url_vars.get("pks", ""))])
        return {"territory_agreements": [
            {**dict(row), "url": datasette.urls.row(database, "agreements", row["slug"])} for row in rows]}

    return agreements
