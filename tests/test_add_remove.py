import json

import pytest

pytestmark = pytest.mark.usefixtures("seeded")

ADD = ["add", "--title", "Jumelage entre Saint-Malo et Gaspé",
       "--party", "Ville de Saint-Malo | ville | France | FR-BRE",
       "--party", "Ville de Gaspé | ville | CA | CA-QC",
       "--source", "annonce.txt | Ville de Saint-Malo | 2024-06",
       "--domain", "tourisme", "--domain", "patrimoine", "--topic", "mer", "--signed-on", "2024-06"]


def test_add_from_options(run):
    result = run(*ADD)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Added saint-malo-gaspe.",
        "Located Ville de Saint-Malo: 48.6474, -2.0088 from the gazetteer (Saint-Malo, FR, insee:35288 "
        "geonames:2978640). Ville de Gaspé: 48.8334, -64.4819 from the gazetteer (Gaspé, CA, geonames:5959878)."]
    record = json.loads(run("show", "saint-malo-gaspe", "-f", "json").stdout)
    assert record["domains"] == ["tourism", "heritage"]
    assert record["parties"][0] == {"name": "Ville de Saint-Malo", "kind": "ville", "country": "FR",
                                    "subdivision": "FR-BRE", "acting_body": None, "lat": 48.6474, "lng": -2.0088,
                                    "wikidata": None, "geonames": "2978640"}
    assert record["note"].startswith("Ville de Saint-Malo: 48.6474, -2.0088 from the gazetteer (Saint-Malo, FR, "
                                     "insee:35288 geonames:2978640)")
    assert record["sources"][0]["publisher"] == "Ville de Saint-Malo"


def test_add_twice_is_a_no_op_and_a_change_is_a_conflict(run):
    run(*ADD)
    assert run(*ADD).stderr == "Unchanged: saint-malo-gaspe.\n"
    result = run(*ADD[:-1], "2024-07")
    assert result.exit_code == 1
    assert "differs in signed_on" in result.stderr


def test_add_needs_two_parties_and_a_source(run):
    result = run("add", "--title", "x", "--party", "A | ville | FR", "--source", "s.txt")
    assert result.exit_code == 2
    assert "give --party at least twice" in result.stderr
    result = run("add", "--title", "x", "--party", "A | ville | FR", "--party", "B | ville | CA")
    assert result.exit_code == 2
    assert "give --source" in result.stderr


def test_add_from_file(run, tmp_path, make_record):
    record = make_record(slug="rennes-quebec-2", kind="roadmap")
    (tmp_path / "r.json").write_text(json.dumps(record), encoding="utf-8")
    assert run("add", "--from-file", str(tmp_path / "r.json")).exit_code == 0
    assert json.loads(run("show", "rennes-quebec-2", "-f", "json").stdout) == record


def test_remove_asks_then_removes(run):
    result = run("remove", "pau-thetford-mines", input="n\n")
    assert result.exit_code == 1
    assert run("show", "pau-thetford-mines", "-f", "json").exit_code == 0
    result = run("remove", "pau-thetford-mines", input="y\n")
    assert result.exit_code == 0
    assert run("show", "pau-thetford-mines").exit_code == 1
    assert "Ville de Pau" not in run("export", "--table", "parties").stdout
    assert run("doctor").exit_code == 0


def test_remove_needs_the_exact_slug(run):
    result = run("remove", "pau", "--yes")
    assert result.exit_code == 1
    assert result.stderr == "Error: no agreement with slug 'pau' (did you mean pau-thetford-mines?); nothing removed\n"


def test_remove_several_all_or_none(run, seeded):
    from dbcheck import count

    result = run("remove", "nantes-quebec", "nope", "--yes")
    assert (result.exit_code, count(seeded)) == (1, 5)
    result = run("remove", "nantes-quebec", "rennes-quebec", "--yes")
    assert (result.exit_code, result.stderr) == (0, "Removed nantes-quebec, rennes-quebec.\n")
    assert count(seeded) == 3
    assert "Ville de Québec" not in run("territories").stdout
