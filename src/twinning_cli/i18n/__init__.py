"""The interface in English (the language of the source) or in French.

The language: `--lang fr|en`, else TWINNING_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: a
value beginning with 'fr' is French), else English. Messages are looked up in a gettext catalog
(fr.po, compiled to fr.mo by `python scripts/i18n.py`, which Babel extracts and compiles; a test
keeps the two in step and every message translated), loaded the first time a French message is
asked for, so English and the fast path pay nothing. Machine formats (CSV, JSON…) are never
translated: only what a person reads on a terminal or on stderr.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
LANGUAGES = ("en", "fr")
_chosen: list[str] = []


def choose(value: str | None) -> None:
    """Set the language for this process (--lang); None leaves it to the environment."""
    from ..errors import UsageError

    _chosen.clear()
    if value is None:
        return
    lang = value.strip().lower()[:2]
    if lang not in LANGUAGES:
        raise UsageError(f"--lang: {value!r} is not a language of twinning; valid: {', '.join(LANGUAGES)}")
    _chosen.append(lang)


def language() -> str:
    if _chosen:
        return _chosen[0]
    wanted = os.environ.get("TWINNING_LANG", "").strip().lower()
    if wanted[:2] in LANGUAGES:
        return wanted[:2]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX: the first one set decides
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def french() -> bool:
    return language() == "fr"


@cache
def _catalog():
    import gettext

    with (HERE / "fr.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _(message: str) -> str:
    """`message` in the language of the interface."""
    if not message or not french():
        return message
    return _catalog().gettext(message)


def N_(message: str) -> str:
    """Marks a message for translation where it is declared; `_` translates it where it is shown."""
    return message


def count(number: int) -> str:
    """A count as the language writes it: 20,390 or 20 390."""
    if not french():
        return f"{number:,}"
    from babel.numbers import format_decimal

    return format_decimal(number, locale="fr_FR")
