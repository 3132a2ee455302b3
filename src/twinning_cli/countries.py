"""Country names and codes, from pycountry's ISO 3166 data and its French translations."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from .vocabulary import fold


@cache
def _names() -> dict[str, str]:
    """Folded English and French names, and alpha-3 codes, to alpha-2 codes."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name:
                names[fold(name)] = c.alpha_2
                names[fold(french.gettext(name))] = c.alpha_2
        names[fold(c.alpha_3)] = c.alpha_2
    return names


def country_code(value: str) -> str | None:
    """'FR', 'fra', 'France', 'Allemagne', 'United States' -> alpha-2 code, or None."""
    value = value.strip()
    if len(value) == 2 and pycountry.countries.get(alpha_2=value.upper()):
        return value.upper()
    return _names().get(fold(value))
