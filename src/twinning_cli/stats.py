"""`twinning stats`: counts per dimension with readable labels, or a one-screen overview."""

from __future__ import annotations

import sqlite3

from . import queries, vocabulary
from .filters import Filters

OVERVIEW = ("status", "kind", "country pair", "domain", "years")


def _label(dimension: str, value: object) -> str:
    if dimension in ("domain", "kind", "status"):
        return vocabulary.label(dimension, value)
    if dimension == "country" or (dimension == "subdivision" and "-" not in str(value)):
        from .countries import label

        return label(value)
    if dimension == "subdivision":
        from .countries import region_label

        return region_label(str(value))
    return str(value)


def rows(conn: sqlite3.Connection, filters: Filters, by: str | None) -> list[tuple[str, object, str, int]]:
    """(dimension, value, label, agreements) rows: one dimension, or the overview's five."""
    if by:
        return [(by, value, _label(by, value), n) for value, n in queries.counts(conn, by, filters)]
    result = []
    for dimension in OVERVIEW:
        if dimension == "country pair":
            result += [(dimension, pair, pair, n) for pair, n in queries.country_pairs(conn, filters)]
        elif dimension == "years":
            years = queries.counts(conn, "year", filters)
            if years:
                span = f"{years[0][0]}–{years[-1][0]}"
                result.append((dimension, span, span, sum(n for _, n in years)))
        else:
            result += [(dimension, v, _label(dimension, v), n) for v, n in queries.counts(conn, dimension, filters)]
    return result
