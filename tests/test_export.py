import csv
import io
import json

import pytest

from twinning_cli.flatten import COLUMNS


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_export_one_row_per_agreement_sorted_by_slug(run):
    result = run("export", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    data = rows(result.stdout)
    assert list(data[0]) == COLUMNS
    assert [r["slug"] for r in data] == ["nantes-quebec", "pau-thetford-mines", "perpignan-laurentides",
                                         "rennes-quebec", "toulouse-portes-de-gascogne"]
    pau = data[1]
    assert pau["domains"] == "economy; energy-transition; mining"
    assert pau["funding"].startswith("Fonds franco-québécois pour la coopération décentralisée (FFQCD) | ministère")


def test_export_takes_the_list_filters(run):
    assert [r["slug"] for r in rows(run("export", "-f", "csv", "--status", "proposed").stdout)] == [
        "toulouse-portes-de-gascogne"]


def test_export_table_parties(run):
    data = rows(run("export", "--table", "parties", "-f", "csv").stdout)
    assert len(data) == 10
    assert data[0] == {"agreement": "nantes-quebec", "position": "0", "name": "Nantes Métropole",
                       "kind": "métropole", "country": "FR", "subdivision": "FR-PDL",
                       "acting_body": "", "lat": "", "lng": "", "wikidata": "", "geonames": ""}


def test_export_table_events_in_date_order(run):
    data = rows(run("export", "--table", "events", "-f", "csv").stdout)
    assert [e["date"] for e in data] == sorted(e["date"] for e in data)
    assert data[0]["date"] == "2013"


def test_export_tables_domains_people_sources(run):
    assert len(rows(run("export", "--table", "domains").stdout)) == 20
    people = rows(run("export", "--table", "people").stdout)
    assert {p["name"] for p in people if p["signed"] == "true"} == {"Johanna Rolland", "Bruno Marchand"}
    sources = rows(run("export", "--table", "sources").stdout)
    assert len(sources) == 5 and all(s["file"].endswith(".txt") for s in sources)


def test_unknown_table_is_usage_error(run):
    result = run("export", "--table", "mayors")
    assert result.exit_code == 2
    assert "unknown table 'mayors'" in result.stderr


def test_export_json_to_file(run, tmp_path):
    out = tmp_path / "register.json"
    result = run("export", "-f", "json", "--output", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"Wrote {out}" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 5
    assert not out.with_name("register.json.part").exists()


def test_export_to_unwritable_place_fails_cleanly(run, tmp_path):
    result = run("export", "-o", str(tmp_path / "missing-dir" / "x.csv"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: cannot write")
    assert not (tmp_path / "missing-dir").exists()


@pytest.mark.parametrize("name", ["register.xlsx", "register.ODS"])
def test_a_spreadsheets_own_format_is_refused_not_written_as_csv(run, tmp_path, name):
    """CSV under an .xlsx name is a file Excel refuses to open: say what to give instead."""
    result = run("export", "-o", str(tmp_path / name))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"Error: twinning does not write {name[name.index('.'):].lower()} files: give --output "
                             "FILE.csv (with --excel, a CSV that Excel opens as it is)\n")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("count", [0, 1, 256, 300])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_written_as_it_is_read_is_the_json_of_the_whole_list(capsys, count, fmt):
    """JSON output from an iterator is written a block at a time (memory holds a block, not the
    register): byte for byte what json.dumps writes of the whole list, across block ends."""
    from twinning_cli import render

    items = [{"slug": f"a-{i}", "parties": [{"name": "Québec\nligne", "lat": 46.8}], "n": i} for i in range(count)]
    render.emit_json(items, fmt)
    whole = capsys.readouterr().out
    render.emit_json(iter(items), fmt)
    assert capsys.readouterr().out == whole
    if fmt == "json":
        assert json.loads(whole) == items


def test_json_lines_are_compact_objects(run, capsys):
    """JSON Lines: one object per line with no space after ':' or ',' (orjson's form, smaller
    than json.dumps' by a tenth), text as it is, not as \\u escapes."""
    from twinning_cli import render

    render.emit_json(iter([{"name": "Québec", "n": [1, 2.5, None, True]}, {}]), "jsonl")
    assert capsys.readouterr().out == '{"name":"Québec","n":[1,2.5,null,true]}\n{}\n'
    lines = run("export", "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 5
    assert all(line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) for line in lines)


def test_numbers_with_a_sign_pass_the_formula_guard_as_they_are(capsys):
    """A block of rows is written at once when no cell needs a quote or the guard: a negative
    number ('-66.883', a western longitude) needs neither, a formula behind a sign does, in the
    first cell as in any other; the text is what the row-by-row writer makes of each row."""
    from twinning_cli import render

    rows = [["-66.883", "x", "-1e5"], ["+3", "-.5", "-"], ["-2+3", "y", "-1"], ["a", "=1", "@b"], ["-7", "z", "1-2"]]
    render.emit(["a", "b", "c"], rows, "csv")
    assert capsys.readouterr().out.splitlines() == [
        "a,b,c", "-66.883,x,-1e5", "+3,-.5,'-", "'-2+3,y,-1", "a,'=1,'@b", "-7,z,1-2"]
    render.emit(["a", "b", "c"], rows[:2] + rows[4:], "csv")
    assert capsys.readouterr().out.splitlines() == ["a,b,c", "-66.883,x,-1e5", "+3,-.5,'-", "-7,z,1-2"]
