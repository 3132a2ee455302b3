"""The one way twinning asks the network (wikidata fetch, extract URL): httpx with a timeout, 429,
5xx and timeouts tried again with backoff that honours Retry-After (tenacity), and one clear line
when the other side cannot be reached. TWINNING_TIMEOUT, TWINNING_BACKOFF and TWINNING_CONTACT
tune it."""

from __future__ import annotations

import os
from collections.abc import Callable

from . import __version__
from .errors import DataError
from .i18n import _

TRIES = 5


def timeout(default: float) -> float:
    return float(os.environ.get("TWINNING_TIMEOUT", default))


def backoff() -> float:
    return float(os.environ.get("TWINNING_BACKOFF", "2"))


def user_agent() -> str:
    """Wikimedia's User-Agent policy: the tool, its version, and how to reach whoever runs it."""
    contact = os.environ.get("TWINNING_CONTACT", "").strip()
    return f"twinning/{__version__} (register of territorial cooperation agreements{'; ' + contact if contact else ''})"


class Retry(Exception):
    """An answer worth asking again for (429, 5xx)."""

    def __init__(self, response):
        self.response = response


def _wait(state) -> float:
    """Retry-After when the server says it (seconds), else exponential backoff."""
    error = state.outcome.exception() if state.outcome else None
    if isinstance(error, Retry):
        after = error.response.headers.get("Retry-After", "")
        if after.strip().isdigit():
            return float(after)
    return backoff() * 2 ** (state.attempt_number - 1)


def client(seconds: float):
    import httpx

    return httpx.Client(timeout=httpx.Timeout(seconds, connect=10.0), follow_redirects=True,
                        headers={"User-Agent": user_agent()})


def request(where: str, send: Callable, seconds: float, *, slow_hint: str = "") -> "object":
    """The response of `send()` (an httpx call), tried again on 429, 5xx and timeouts; a 4xx or an
    unreachable host is one DataError naming `where`."""
    import httpx
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

    def once():
        response = send()
        if response.status_code == 429 or response.status_code >= 500:
            raise Retry(response)
        if response.status_code >= 400:
            raise DataError(_("{where} refused the request: HTTP {status_code}").format(
                                where=where, status_code=response.status_code))
        return response

    try:
        for attempt in Retrying(stop=stop_after_attempt(TRIES), wait=_wait, reraise=True,
                                retry=retry_if_exception_type((Retry, httpx.TimeoutException))):
            with attempt:
                return once()
    except Retry as error:
        raise DataError(_("{where} kept answering HTTP {status_code} after {TRIES} tries; try again later").format(
                            where=where, status_code=error.response.status_code, TRIES=TRIES)) from None
    except httpx.TimeoutException:
        raise DataError(_("{where} did not answer within {seconds:.0f} s, {TRIES} times{slow_hint}").format(
                            where=where, seconds=seconds, TRIES=TRIES, slow_hint=slow_hint)) from None
    except httpx.HTTPError as error:
        raise DataError(_('cannot reach {where}: {error} (offline?)').format(where=where, error=error)) from None
    raise AssertionError("unreachable")
