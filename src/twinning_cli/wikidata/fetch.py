"""Asking the Wikidata Query Service: one request per country (or pages of LIMIT/OFFSET), each
with a timeout; 429 and 5xx retried with backoff that honours Retry-After (tenacity); one clear
error when the service cannot be reached or answers something that is not results."""

from __future__ import annotations

import sys

from .. import net
from ..i18n import _, count
from . import query

PAGE = 10_000  # rows a request asks for when no country splits the work
TIMEOUT = net.timeout(70)  # seconds: the service stops a query at 60


def ask(endpoint: str, sparql: str, client) -> str:
    """One query's answer text, retried on 429, 5xx and timeouts."""
    return net.request(endpoint, lambda: client.post(endpoint, data={"query": sparql},
                                                     headers={"Accept": "application/sparql-results+json"}),
                       TIMEOUT, slow_hint="; try --country to ask for less at once").text


def fetch(endpoint: str, countries: list[str] | None, since: int | None, name: str) -> list[dict]:
    """Every answer row, one request per country, or page by page."""
    from .results import bindings

    rows: list[dict] = []
    show = sys.stderr.isatty()
    with net.client(TIMEOUT) as client:
        if countries:
            for i, country in enumerate(countries, start=1):
                if show:
                    sys.stderr.write("\r" + _("Asking Wikidata: {country} ({i}/{n})…").format(
                        country=country, i=i, n=len(countries)))
                rows += bindings(ask(endpoint, query.build([country], since), client), name)
        else:
            offset = 0
            while True:
                if show:
                    sys.stderr.write("\r" + _("Asking Wikidata: rows {first}–{last}…").format(
                        first=count(offset), last=count(offset + PAGE)))
                page = bindings(ask(endpoint, query.build(None, since, PAGE, offset), client), name)
                rows += page
                if len(page) < PAGE:
                    break
                offset += PAGE
    if show:
        sys.stderr.write("\r\033[K")
    return rows
