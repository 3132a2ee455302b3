"""Every view on a register of a few thousand agreements, not just the seed."""

import csv
import io
import json
import random

import pytest


@pytest.fixture(scope="module")
def big_register(tmp_path_factory):
    """3,000 twinnings among 1,500 towns, a few of them hubs, built through the pairs import."""
    from typer.testing import CliRunner

    from twinning_cli.cli import app

    folder = tmp_path_factory.mktemp("big")
    rng = random.Random(7)
    towns = [(f"Ville {i}", rng.choice(["FR", "CA", "DE", "BE", "SN"])) for i in range(1500)]
    where = {town: (rng.uniform(-60, 60), rng.uniform(-170, 170)) for town in towns}  # one place, one point
    hubs = towns[:5]
    pairs = set()
    while len(pairs) < 3000:
        a = rng.choice(hubs) if rng.random() < 0.3 else rng.choice(towns)
        b = rng.choice(towns)
        if a != b and (b, a) not in pairs:
            pairs.add((a, b))
    lines = ["city1,country1,city2,country2,lat1,lng1,lat2,lng2,year"]
    for (n1, c1), (n2, c2) in sorted(pairs):
        (lat1, lng1), (lat2, lng2) = where[n1, c1], where[n2, c2]
        lines.append(f"{n1},{c1},{n2},{c2},{lat1:.3f},{lng1:.3f},{lat2:.3f},{lng2:.3f},{rng.randint(1950, 2024)}")
    (folder / "pairs.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "big.db"
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["import", str(folder / "pairs.csv"), "--pairs", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return str(db)


@pytest.mark.parametrize("args", [
    ["list", "-f", "csv"], ["list", "-y", "2020", "-f", "table"], ["stats", "-f", "table"],
    ["stats", "--by", "country", "-f", "csv"], ["timeline", "-f", "csv"], ["territories", "-f", "csv"],
    ["territories", "show", "Ville 1", "-f", "json"], ["network", "-f", "json"],
    ["network", "--from", "Ville 0", "--depth", "1", "-f", "table"], ["export", "-f", "geojson"],
    ["doctor"],
])
def test_views_work_at_a_few_thousand(run, big_register, args):
    result = run(*args, "--db", big_register)
    assert result.exit_code == 0, result.stderr


def test_show_any_agreement(run, big_register):
    slug = run("list", "--sort", "slug", "--limit", "1", "--db", big_register).stdout.splitlines()[1].split(",")[0]
    assert json.loads(run("show", slug, "-f", "json", "--db", big_register).stdout)["slug"] == slug


def test_counts_add_up(run, big_register):
    rows = list(csv.DictReader(io.StringIO(run("stats", "--by", "year", "--db", big_register).stdout)))
    assert sum(int(r["agreements"]) for r in rows) == 3005
    graph = json.loads(run("network", "-f", "json", "--db", big_register).stdout)
    assert len(graph["links"]) == 3005
