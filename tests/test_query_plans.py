"""Every filter is served by an index or the full-text index: no full scan of the big tables."""

import sqlite3

import pytest

from twinning_cli import queries
from twinning_cli.filters import Filters

BIG = ("agreements", "agreement_domains", "agreement_parties", "events", "people", "a", "d", "x", "ap", "e")


def plan(conn, sql, params) -> list[str]:
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def full_scans(steps: list[str]) -> list[str]:
    """Plan steps that read a big table whole (a covering-index scan of one table is fine for stats)."""
    return [s for s in steps if s.startswith("SCAN ") and s.split()[1] in BIG and "COVERING INDEX" not in s]


@pytest.fixture
def conn(seeded):
    connection = sqlite3.connect(seeded)
    yield connection
    connection.close()


@pytest.mark.parametrize("options", [
    {"domain": ["culture"]},
    {"domain": ["culture"], "year": [2020]},
    {"year": [2020]},
    {"since": "2020", "until": "2021"},
    {"search": "quebec"},
    {"search": "quebec", "domain": ["culture"]},
    {"country": ["CA"]},
    {"country": ["CA"], "year": [2024]},
    {"territory": ["rennes"], "year": [2024]},
    {"status": ["signed"], "year": [2024]},
    {"kind": ["twinning"], "domain": ["mining"]},
])
def test_list_filters_use_indexes(conn, options):
    sql, params = queries._select("a.slug", Filters.build(**options), "date", None)
    steps = plan(conn, sql, params)
    assert not full_scans(steps), steps


@pytest.mark.parametrize("dimension", ["domain", "year", "kind", "status"])
def test_stats_with_filters_use_indexes(conn, dimension):
    sql, params = queries.stat_sql(dimension, Filters.build(domain=["culture"], year=[2024]))
    assert not full_scans(plan(conn, sql, params))


def test_unfiltered_domain_stats_read_the_counts_table(conn):
    sql, params = queries.stat_sql("domain", Filters())
    assert plan(conn, sql, params)[0] == "SCAN domain_counts"


def test_show_lookups_use_indexes(conn):
    for sql in ("SELECT slug FROM agreements WHERE slug = ?", "SELECT record FROM agreements WHERE slug = ?",
                "SELECT slug FROM agreements WHERE slug > ? AND slug < ?", "SELECT slug FROM agreements a"
                " WHERE a.pair_key = ?"):
        assert not full_scans(plan(conn, sql, ["x"] * sql.count("?")))
