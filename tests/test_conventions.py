"""Everyday conventions: spreadsheets both ways, regions, fields, one town under several names,
the timeline of events, shell conveniences, help that reads well."""

from __future__ import annotations

import csv
import io
import json

import pytest
from dbcheck import count, dump

pytestmark = pytest.mark.usefixtures("seeded")


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- formats both ways ---------------------------------------------------------------------------

@pytest.mark.parametrize("name,check", [
    ("all.json", lambda t: json.loads(t)[0]["slug"] == "nantes-quebec"),
    ("all.jsonl", lambda t: json.loads(t.splitlines()[0])["slug"] == "nantes-quebec"),
    ("all.tsv", lambda t: t.startswith("slug\ttitle\t")),
    ("all.csv", lambda t: t.startswith("slug,title,")),
])
def test_output_extension_picks_the_format_and_import_reads_it_back(run, tmp_path, seeded, name, check):
    target = tmp_path / name
    result = run("export", "-o", str(target))
    assert result.exit_code == 0 and result.stderr == f"Wrote {target}\n"
    assert check(target.read_text(encoding="utf-8"))
    before = dump(seeded)
    assert run("import", str(target)).stderr == f"Imported {target}: 0 added, 0 updated, 5 unchanged.\n"
    assert dump(seeded) == before


def test_graph_and_map_extensions(run, tmp_path):
    for name, start in (("g.graphml", "<graphml"), ("g.dot", "graph twinning"), ("g.mmd", "graph LR")):
        assert run("network", "-o", str(tmp_path / name)).exit_code == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    assert run("export", "-o", str(tmp_path / "m.geojson")).exit_code == 0
    assert json.loads((tmp_path / "m.geojson").read_text())["type"] == "FeatureCollection"


def test_excel_csv_opens_in_a_french_excel_and_comes_back(run, tmp_path, seeded):
    target = tmp_path / "excel.csv"
    assert run("export", "--excel", "-o", str(target)).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfslug;title;kind;") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    before = dump(seeded)
    assert run("import", str(target)).stderr.endswith("0 added, 0 updated, 5 unchanged.\n")
    assert dump(seeded) == before


def test_semicolon_pairs_are_sniffed_and_a_wrong_delimiter_says_so(run, tmp_path):
    (tmp_path / "p.csv").write_text("ville1;pays1;ville2;pays2\nBrest;France;Denver;États-Unis\n", encoding="utf-8")
    mapping = ["--map", "city1=ville1", "--map", "country1=pays1", "--map", "city2=ville2", "--map", "country2=pays2"]
    assert run("import", str(tmp_path / "p.csv"), "--pairs", *mapping).exit_code == 0
    result = run("validate", str(tmp_path / "p.csv"), "--pairs", *mapping, "--delimiter", ",")
    assert result.exit_code == 1
    assert "the header reads as one column: give the delimiter with --delimiter ';'" in result.stderr


# --- regions -------------------------------------------------------------------------------------

@pytest.mark.parametrize("region,expected", [
    ("CA-QC", 4), ("Québec", 4), ("quebec", 4), ("Bretagne", 1), ("FR-BRE", 1), ("Occitanie", 2),
    ("Nouvelle-Aquitaine", 1),
])
def test_region_by_code_or_name(run, region, expected):
    result = run("list", "-r", region, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert len(rows(result.stdout)) == expected


def test_region_takes_what_lies_inside_it_and_unknown_is_a_usage_error(run, make_record):
    record = make_record(slug="rennes-ville-quebec")
    record["parties"][0].update(name="Ville de Rennes", kind="ville", subdivision="FR-35")
    assert run("import", "-", input=json.dumps([record])).exit_code == 0
    assert [r["slug"] for r in rows(run("list", "-r", "Bretagne", "--sort", "slug").stdout)] == [
        "rennes-quebec", "rennes-ville-quebec"]
    result = run("list", "-r", "Narnia")
    assert (result.exit_code, result.stderr) == (2, "Error: unknown region 'Narnia': give an ISO 3166-2 code "
                                                    "(CA-QC, FR-BRE) or a region's name\n")


def test_a_region_and_the_one_province_of_its_name_are_the_region(run, make_record):
    """'Cantabria' names the autonomous community ES-CB and its one province ES-S: the region,
    which holds the province (one rule with the pairs import's, countries.one_region); a city and
    the oblast around it ('Minsk') stay ambiguous."""
    record = make_record(slug="rennes-santander")
    record["parties"][1].update(name="Santander", kind="ville", country="ES", subdivision="ES-S")
    assert run("import", "-", input=json.dumps([record])).exit_code == 0
    result = run("list", "-r", "Cantabria", "-f", "csv", "--fields", "slug")
    assert (result.exit_code, result.stdout) == (0, "slug\nrennes-santander\n")
    result = run("list", "-r", "Minsk")
    assert (result.exit_code, result.stderr) == (2, "Error: region 'Minsk' is ambiguous: give its code, one of "
                                                    "BY-HM, BY-MI\n")


# --- one town, several names ---------------------------------------------------------------------

def test_a_city_under_another_name_is_the_same_territory(run, tmp_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nRennes,France,Québec,Canada\n"
                                    "Lyon,France,Montréal,Canada\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p.csv"), "--pairs").exit_code == 0
    quebec = json.loads(run("territories", "show", "Québec", "-f", "json").stdout)
    assert (quebec["name"], len(quebec["agreements"])) == ("Ville de Québec", 3)
    record = {"slug": "ville-de-lyon-ville-de-montreal", "title": "Jumelage", "kind": "twinning",
              "status": "signed", "sources": [{"file": "x.txt"}],
              "parties": [{"name": "Ville de Lyon", "kind": "ville", "country": "FR"},
                          {"name": "Ville de Montréal", "kind": "ville", "country": "CA"}]}
    result = run("import", "-", input=json.dumps([record]))
    assert result.exit_code == 1
    assert "same parties and kind as lyon-montreal in the register (the same two territories, perhaps under " \
           "other names)" in result.stderr


def test_merge_and_rename(run, tmp_path, register_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nRennes,France,Sendai,Japan\n"
                                    "Rennes,France,Erlangen,Germany\n", encoding="utf-8")
    run("import", str(tmp_path / "p.csv"), "--pairs")
    result = run("territories", "merge", "Rennes Métropole", "Rennes Métropole")
    assert (result.exit_code, result.stderr) == (2, "Error: 'Rennes Métropole' and 'Rennes Métropole' are already "
                                                    "one territory\n")
    result = run("territories", "rename", "Sendai", "Ville de Sendai")
    assert result.stderr == ("Renamed 'Sendai' (JP) to 'Ville de Sendai': 1 agreement(s) name it; 'Sendai' is kept "
                             "as another name.\n")
    assert json.loads(run("territories", "show", "Sendai", "-f", "json").stdout)["name"] == "Ville de Sendai"
    run("init", "--yes")
    run("import", str(tmp_path / "p.csv"), "--pairs")
    (tmp_path / "q.csv").write_text("city1,country1,city2,country2\nStadt Erlangen,Germany,Nantes,France\n",
                                    encoding="utf-8")
    run("import", str(tmp_path / "q.csv"), "--pairs")
    before = count(register_path)
    result = run("territories", "merge", "Erlangen", "Stadt Erlangen")
    assert result.stderr == ("Merged 'Stadt Erlangen' into 'Erlangen' (DE): 2 agreement(s) now name 'Erlangen'; "
                             "'Stadt Erlangen' is kept as another of its names.\n")
    erlangen = json.loads(run("territories", "show", "Erlangen", "-f", "json").stdout)
    assert erlangen["partners"] == ["Nantes", "Rennes"] and count(register_path) == before
    assert run("doctor").exit_code == 0


def test_a_merge_that_would_make_one_pair_of_two_is_refused(run, tmp_path, register_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nBrest,France,Denver,USA\n"
                                    "Brest,France,Denver City,USA\n", encoding="utf-8")
    run("import", str(tmp_path / "p.csv"), "--pairs")
    before = dump(register_path)
    result = run("territories", "merge", "Denver", "Denver City")
    assert result.exit_code == 1 and "would be one pair" in result.stderr
    assert dump(register_path) == before


def test_pairs_are_placed_from_the_gazetteer_when_unambiguous(run, tmp_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nGrenoble,France,Sherbrooke,Canada\n"
                                    "Beaumont,France,Essen,Germany\n", encoding="utf-8")
    result = run("import", str(tmp_path / "p.csv"), "--pairs")
    assert "1 pair(s) had a town placed from the gazetteer" in result.stderr
    record = json.loads(run("show", "grenoble-sherbrooke", "-f", "json").stdout)
    assert [(p["subdivision"], p["lat"] is not None) for p in record["parties"]] == [("FR-ARA", True),
                                                                                      ("CA-QC", True)]
    assert "from the gazetteer" in record["note"]
    assert json.loads(run("show", "beaumont-essen", "-f", "json").stdout)["parties"][0]["lat"] is None  # several


# --- timeline of events --------------------------------------------------------------------------

def test_timeline_selects_events_by_their_own_dates(run):
    since = rows(run("timeline", "--since", "2024").stdout)
    assert since and all(r["date"] >= "2024" for r in since)
    until = rows(run("timeline", "--until", "2015").stdout)
    assert [r["date"] for r in until] == ["2013"]
    assert [r["date"][:4] for r in rows(run("timeline", "-y", "2022").stdout)] == ["2022"] * len(
        rows(run("timeline", "-y", "2022").stdout))
    assert len(rows(run("timeline", "--limit", "2").stdout)) == 2


# --- shell conveniences --------------------------------------------------------------------------

def test_fields(run):
    assert run("list", "--fields", "slug,date", "--limit", "1").stdout == "slug,date\nnantes-quebec,2024-05\n"
    assert json.loads(run("export", "-f", "json", "--fields", "slug,kind").stdout)[0] == {
        "slug": "nantes-quebec", "kind": "joint-declaration"}
    result = run("list", "--fields", "slug,size")
    assert result.exit_code == 2 and result.stderr.startswith("Error: unknown field 'size'; valid: slug, title,")


def test_count_sort_and_list_output(run, tmp_path):
    assert run("list", "--count", "-c", "CA").stdout == "4\n"
    assert rows(run("list", "--sort", "-date").stdout)[0]["slug"] == "toulouse-portes-de-gascogne"
    assert run("list", "-o", str(tmp_path / "l.json")).exit_code == 0
    assert len(json.loads((tmp_path / "l.json").read_text())) == 5


def test_dry_run_writes_nothing(run, tmp_path, seeded, make_record):
    (tmp_path / "n.json").write_text(json.dumps([make_record(slug="x-quebec", title="Autre", kind="twinning")]),
                                     encoding="utf-8")
    before = dump(seeded)
    result = run("import", str(tmp_path / "n.json"), "--dry-run")
    assert result.stderr.startswith(f"Dry run of {tmp_path / 'n.json'}: importing it would give")
    assert dump(seeded) == before


def test_domain_words(run):
    words = {r["domain"]: r["words"] for r in rows(run("domains", "--words").stdout)}
    assert "tourisme" not in words["economy"] and "universités" in words["higher-education-research"]


def test_help_reads_well(run):
    text = run("list", "--help").stdout
    assert "<list[str]>" not in text and "<int range>" not in text and "<str>" not in text
    assert "--domain DOMAIN" in text and "--limit N" in text and "--year YEAR" in text
    assert "…" not in run("--help").stdout.split("Commands:")[1]


# --- the smaller points --------------------------------------------------------------------------

def test_show_piped_is_json(run):
    assert json.loads(run("show", "rennes-quebec").stdout)["slug"] == "rennes-quebec"


def test_ignored_combinations_are_usage_errors(run):
    assert run("network", "--depth", "2").exit_code == 2
    assert run("export", "-f", "geojson", "--table", "parties").exit_code == 2
    assert run("list", "--fields", "slug", "-f", "markdown").exit_code == 2


def test_empty_register_says_so(run):
    run("init", "--empty", "--yes")
    for args in (["stats"], ["network"], ["list", "-f", "table"]):
        assert "0 agreements" in run(*args).stderr, args


def test_a_partial_since_is_explained(run, make_record):
    record = make_record(slug="year-quebec", title="Un an", signed_on="2024", kind="twinning")
    assert run("import", "-", input=json.dumps([record])).exit_code == 0
    result = run("list", "--since", "2024-05-01")
    assert rows(result.stdout) == []
    assert result.stderr == ("Note: 2 agreement(s) dated only 2024 or 2024-05 are left out: a partial date counts "
                             "from its first day (give --since 2024-05 to include them).\n")
