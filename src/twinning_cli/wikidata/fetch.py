"""Asking the Wikidata Query Service: one request per country (or pages of LIMIT/OFFSET), each
with a timeout; 429 and 5xx retried with backoff that honours Retry-After (tenacity); one clear
error when the service cannot be reached or answers something that is not results."""

from __future__ import annotations

import os
import sys

from .. import __version__
from ..errors import DataError
from . import query

PAGE = 10_000  # rows a request asks for when no country splits the work
TIMEOUT = float(os.environ.get("TWINNING_TIMEOUT", "70"))  # seconds: the service stops a query at 60
TRIES = 5


def user_agent() -> str:
    """Wikimedia's User-Agent policy: the tool, its version, and how to reach whoever runs it."""
    contact = os.environ.get("TWINNING_CONTACT", "").strip()
    return f"twinning/{__version__} (register of territorial cooperation agreements{'; ' + contact if contact else ''})"


class _Retry(Exception):
    def __init__(self, response):
        self.response = response


def _wait(state) -> float:
    """Retry-After when the service says it (seconds), else exponential backoff from BACKOFF."""
    error = state.outcome.exception() if state.outcome else None
    if isinstance(error, _Retry):
        after = error.response.headers.get("Retry-After", "")
        if after.strip().isdigit():
            return float(after)
    return BACKOFF * 2 ** (state.attempt_number - 1)


BACKOFF = float(os.environ.get("TWINNING_BACKOFF", "2"))


def ask(endpoint: str, sparql: str, client) -> str:
    """One query's answer text, retried on 429, 5xx and timeouts."""
    import httpx
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

    def once() -> str:
        response = client.post(endpoint, data={"query": sparql},
                               headers={"Accept": "application/sparql-results+json", "User-Agent": user_agent()})
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retry(response)
        if response.status_code >= 400:
            raise DataError(f"{endpoint} refused the query: HTTP {response.status_code}")
        return response.text

    try:
        for attempt in Retrying(stop=stop_after_attempt(TRIES), wait=_wait, reraise=True,
                                retry=retry_if_exception_type((_Retry, httpx.TimeoutException))):
            with attempt:
                return once()
    except _Retry as error:
        raise DataError(f"{endpoint} kept answering HTTP {error.response.status_code} after {TRIES} tries; "
                        "try again later") from None
    except httpx.TimeoutException:
        raise DataError(f"{endpoint} did not answer within {TIMEOUT:.0f} s, {TRIES} times; try --country "
                        "to ask for less at once") from None
    except httpx.HTTPError as error:
        raise DataError(f"cannot reach {endpoint}: {error} (offline?)") from None
    raise AssertionError("unreachable")


def fetch(endpoint: str, countries: list[str] | None, since: int | None, name: str) -> list[dict]:
    """Every answer row, one request per country, or page by page."""
    import httpx

    from .results import bindings

    rows: list[dict] = []
    show = sys.stderr.isatty()
    with httpx.Client(timeout=httpx.Timeout(TIMEOUT, connect=10.0), follow_redirects=True) as client:
        if countries:
            for i, country in enumerate(countries, start=1):
                if show:
                    sys.stderr.write(f"\rAsking Wikidata: {country} ({i}/{len(countries)})…")
                rows += bindings(ask(endpoint, query.build([country], since), client), name)
        else:
            offset = 0
            while True:
                if show:
                    sys.stderr.write(f"\rAsking Wikidata: rows {offset:,}–{offset + PAGE:,}…")
                page = bindings(ask(endpoint, query.build(None, since, PAGE, offset), client), name)
                rows += page
                if len(page) < PAGE:
                    break
                offset += PAGE
    if show:
        sys.stderr.write("\r\033[K")
    return rows
