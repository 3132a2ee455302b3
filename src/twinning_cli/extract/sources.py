"""Where articles come from: files, standard input, folders of them, and web pages.

A web page (a URL, or an .html file) is reduced to its main text by trafilatura, which leaves
menus, footers and 'read also' links out and reads the page's publication date from its
metadata; a URL is fetched with httpx through net.py (a timeout, retries, one line offline).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import namedtuple
from pathlib import Path

from ..errors import DataError, NotFound
from ..i18n import _

MAX_ARTICLE_BYTES = 5_000_000  # a press release is a few kB; a whole web page, a few hundred
SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
Article = namedtuple("Article", "text source url published")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def expand(sources: list[str]) -> list[str]:
    """Each SOURCE as articles to read: a folder gives its text and HTML files, sorted."""
    found: list[str] = []
    for source in sources:
        if source == "-" or _URL.fullmatch(source):
            found.append(source)
            continue
        path = Path(source)
        if path.is_dir():
            inside = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not inside:
                raise NotFound(_("no article in {source} (files ending {value})").format(
                                   source=source, value=', '.join(sorted(SUFFIXES))))
            found += inside
        elif not path.exists():
            raise NotFound(_('no such file: {source}').format(source=source))
        else:
            found.append(source)
    return found


def read(source: str) -> Article:
    """One article's text, its source name, its URL and the date its page gives (or None)."""
    if _URL.fullmatch(source):
        return _page(fetch(source), source, source)
    from ..streams import read_text

    text = read_text(source, max_bytes=MAX_ARTICLE_BYTES)
    name = "stdin" if source == "-" else Path(source).name
    if source.lower().endswith((".html", ".htm")) or re.match(r"\s*(?:<!doctype html|<html)", text, re.IGNORECASE):
        return _page(text, name, None)
    return Article(text, name, None, None)


def fetch(url: str) -> str:
    """The page at `url`, as text (its declared charset), within the size limit."""
    from .. import net

    seconds = net.timeout(20)
    with net.client(seconds) as client:
        response = net.request(url, lambda: client.get(url), seconds)
    kind = response.headers.get("Content-Type", "text/html").split(";")[0].strip().lower()
    if not (kind.startswith("text/") or kind in ("application/xhtml+xml", "application/xml")):
        raise DataError(_('{url} is {kind}, not a web page or a text').format(url=url, kind=kind))
    if len(response.content) > MAX_ARTICLE_BYTES:
        raise DataError(_("{url} is larger than {value} MB; save the article's text and give the file").format(
                            url=url, value=MAX_ARTICLE_BYTES // 1000000))
    return response.text


def _page(html: str, name: str, url: str | None) -> Article:
    """The main text of a page (trafilatura), its date from its metadata; the whole page cleaned
    of its tags when trafilatura finds no article in it."""
    import trafilatura

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        favor_recall=True)
    text = getattr(found, "text", None) if found is not None else None
    title = getattr(found, "title", None) if found is not None else None
    date = getattr(found, "date", None) if found is not None else None
    if not text:
        return Article(html, name, url, None)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = None
    if date:
        try:
            published = dt.date.fromisoformat(str(date)[:10])
        except ValueError:
            published = None
    return Article(text, name, url, published)
