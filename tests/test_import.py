"""twinning import: formats, all-or-nothing, conflicts, named errors, encodings, limits."""

import json

import pytest
from dbcheck import count, dump

from twinning_cli import vocabulary

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def new_record(make_record):
    def make(n: int = 1, **changes) -> dict:
        record = make_record(**{"slug": f"ville-{n}-quebec", **changes})
        record["parties"][0]["name"] = f"Ville {n}"
        return record
    return make


def write_jsonl(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_import_jsonl_adds_records(run, tmp_path, new_record, seeded):
    file = write_jsonl(tmp_path / "new.jsonl", [new_record(1), new_record(2)])
    result = run("import", file)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Imported {file}: 2 added, 0 updated, 0 unchanged.\n"
    assert count(seeded) == 7
    assert json.loads(run("show", "ville-2-quebec", "-f", "json").stdout) == new_record(2)


def test_import_json_array_and_single_object(run, tmp_path, new_record, seeded):
    (tmp_path / "a.json").write_text(json.dumps([new_record(1), new_record(2)]), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(new_record(3)), encoding="utf-8")
    assert run("import", str(tmp_path / "a.json")).exit_code == 0
    assert run("import", str(tmp_path / "b.json")).exit_code == 0
    assert count(seeded) == 8


def test_a_list_wrapped_in_an_object_is_named_not_taken_for_an_agreement(run, tmp_path, new_record, seeded):
    """{"records": [...]}, as APIs write it: one line saying what to import, nothing written."""
    (tmp_path / "wrapped.json").write_text(json.dumps({"records": [new_record(1)]}), encoding="utf-8")
    result = run("import", str(tmp_path / "wrapped.json"))
    assert (result.exit_code, count(seeded)) == (1, 5)
    assert result.stderr == (
        f"Error: {tmp_path / 'wrapped.json'}: a JSON object holding a list under 'records', not an agreement: import "
        f"that list (for example: jq '.records' {tmp_path / 'wrapped.json'} | twinning import --format json -)\n")


@pytest.mark.parametrize("wrapper,key", [({"count": 1, "next": None, "results": "LIST"}, "results"),
                                         ({"data": "LIST", "meta": {"page": 1}}, "data"), ({"records": []}, "records")])
def test_a_list_wrapped_with_an_apis_other_keys_is_named_too(run, tmp_path, new_record, seeded, wrapper, key):
    """A page of an API (a count, a link to the next page, metadata beside the list), or an empty
    list: no field of an agreement, one list of objects: the same one line."""
    data = {name: [new_record(1)] if value == "LIST" else value for name, value in wrapper.items()}
    (tmp_path / "page.json").write_text(json.dumps(data), encoding="utf-8")
    result = run("import", str(tmp_path / "page.json"))
    assert (result.exit_code, count(seeded)) == (1, 5)
    assert result.stderr.startswith(f"Error: {tmp_path / 'page.json'}: a JSON object holding a list under {key!r}")


@pytest.mark.parametrize("name", ["page.jsonl", "page.txt.json", "page"])
def test_an_api_page_on_one_line_is_named_whatever_its_name(run, tmp_path, new_record, seeded, name):
    """One line holding the whole object is sniffed as JSON Lines (or named so): the same one line."""
    (tmp_path / name).write_text(json.dumps({"count": 1, "results": [new_record(1)]}) + "\n", encoding="utf-8")
    result = run("import", str(tmp_path / name))
    assert (result.exit_code, count(seeded)) == (1, 5)
    assert result.stderr.startswith(f"Error: {tmp_path / name}: a JSON object holding a list under 'results'")


@pytest.mark.parametrize("name", ["map.geojson", "map.json"])
def test_the_geojson_export_is_named_as_a_map(run, tmp_path, seeded, name):
    (tmp_path / name).write_text(run("export", "-f", "geojson").stdout, encoding="utf-8")
    before = dump(seeded)
    result = run("import", str(tmp_path / name))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / name}: GeoJSON, a map of the register, not its agreements: import "
                             "a JSON, JSON Lines or CSV export (twinning export --format jsonl)\n")
    assert dump(seeded) == before


def test_records_keyed_by_slug_are_imported(run, tmp_path, new_record, seeded):
    """{"ville-1-quebec": {…}, …}, as some tools write a collection: each record, its key its slug
    when it gives none; a key that is no slug gives none (and the record is refused for it)."""
    one, two = new_record(1), new_record(2)
    del one["slug"]
    (tmp_path / "keyed.json").write_text(json.dumps({"ville-1-quebec": one, "anything": two}), encoding="utf-8")
    result = run("import", str(tmp_path / "keyed.json"))
    assert result.exit_code == 0, result.stderr
    assert run("list", "--fields", "slug", "-t", "Ville 1", "-t", "Ville 2", "--sort", "slug").stdout == \
        "slug\nville-1-quebec\nville-2-quebec\n"
    del two["slug"]
    (tmp_path / "bad.json").write_text(json.dumps({"Ville 2": two}), encoding="utf-8")
    result = run("import", str(tmp_path / "bad.json"))
    assert (result.exit_code, "record 1: slug: Field required" in result.stderr) == (1, True)


@pytest.mark.parametrize("head,what", [(b"PK\x03\x04\x14\x00\x06\x00", "a zip file that is no .xlsx workbook (an .ods?)"),
                                       (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97-2003 workbook (.xls)"),
                                       (b"%PDF-1.7\n", "a PDF")])
@pytest.mark.parametrize("pairs", [[], ["--pairs"]])
def test_a_workbook_is_named_with_how_to_save_it_as_csv(run, tmp_path, seeded, head, what, pairs):
    (tmp_path / "towns.xlsx").write_bytes(head + bytes(range(256)))
    before = dump(seeded)
    result = run("import", str(tmp_path / "towns.xlsx"), *pairs)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'towns.xlsx'} is {what}, not text: save the sheet as CSV (UTF-8) "
                             "from the spreadsheet, then import that file\n")
    assert dump(seeded) == before


def test_import_stdin_with_format(run, new_record, seeded):
    text = json.dumps(new_record(1)) + "\n"
    result = run("import", "-", "--format", "jsonl", input=text)
    assert result.exit_code == 0, result.stderr
    assert count(seeded) == 6


def test_stdin_format_is_sniffed(run, new_record, seeded):
    lines = "".join(json.dumps(new_record(i)) + "\n" for i in (1, 2))
    assert run("import", "-", input=lines).stderr == "Imported -: 2 added, 0 updated, 0 unchanged.\n"
    array = json.dumps([new_record(3)])
    assert run("import", "-", input=array).stderr == "Imported -: 1 added, 0 updated, 0 unchanged.\n"
    csv_text = run("export", "-f", "csv").stdout
    assert run("import", "-", input=csv_text).stderr == "Imported -: 0 added, 0 updated, 8 unchanged.\n"
    empty = run("import", "-", input="")
    assert (empty.exit_code, empty.stderr) == (1, "Error: no input in standard input: it is empty\n")


def test_importing_twice_changes_nothing(run, tmp_path, new_record, seeded):
    file = write_jsonl(tmp_path / "new.jsonl", [new_record(1)])
    run("import", file)
    before = dump(seeded)
    result = run("import", file)
    assert result.stderr == f"Imported {file}: 0 added, 0 updated, 1 unchanged.\n"
    assert dump(seeded) == before


def test_export_import_round_trip_csv_and_json(run, tmp_path, seeded):
    for fmt, ext in (("csv", "csv"), ("json", "json"), ("jsonl", "jsonl")):
        out = tmp_path / f"all.{ext}"
        run("export", "-f", fmt, "-o", str(out))
        before = dump(seeded)
        result = run("import", str(out))
        assert result.stderr.endswith("0 added, 0 updated, 5 unchanged.\n"), (fmt, result.stderr)
        assert dump(seeded) == before


def test_one_bad_record_writes_nothing_and_lists_every_problem(run, tmp_path, new_record, seeded):
    bad = new_record(2)
    bad["parties"][1]["country"] = "ZZ"
    worse = new_record(3, signed_on="2024-02-30", domains=["economy", "cuisine"])
    file = write_jsonl(tmp_path / "mixed.jsonl", [new_record(1), bad, worse])
    before = dump(seeded)
    result = run("import", file)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {file}: 3 problem(s), nothing written",
        "record 2 (ville-2-quebec): parties.1.country: 'ZZ' is not a country name or ISO 3166-1 alpha-2 code",
        "record 3 (ville-3-quebec): signed_on: '2024-02-30' is not a real date: that month has no day 30",
        "record 3 (ville-3-quebec): domains.1: unknown domain 'cuisine'; 'twinning domains' lists the valid ones",
    ]
    assert dump(seeded) == before


def test_report_shows_first_twenty_and_the_count(run, tmp_path, new_record):
    file = write_jsonl(tmp_path / "bad.jsonl", [new_record(i, kind="treaty") for i in range(30)])
    lines = run("import", file).stderr.splitlines()
    assert lines[0] == f"Error: {file}: 30 problem(s), nothing written"
    assert len(lines) == 22
    assert lines[-1] == "… and 10 more problems"


def test_named_errors(run, tmp_path, new_record):
    twice = new_record(1)
    twice["parties"][1] = dict(twice["parties"][0])
    reversed_pair = new_record(5, slug="quebec-ville-5")
    reversed_pair["parties"] = list(reversed(reversed_pair["parties"]))
    records = [
        twice,
        new_record(2, valid_from="2025", valid_until="2024"),
        new_record(3, domains=["turism"]),
        new_record(4), new_record(4),
        new_record(5), reversed_pair,
    ]
    out = run("import", write_jsonl(tmp_path / "bad.jsonl", records)).stderr
    assert "record 1 (ville-1-quebec): party 'Ville 1' (FR) is listed twice" in out
    assert "record 2 (ville-2-quebec): valid_until 2024 is before valid_from 2025" in out
    assert "record 3 (ville-3-quebec): domains.0: unknown domain 'turism' (did you mean 'tourism'?)" in out
    assert "record 5 (ville-4-quebec): slug: duplicate slug: already record 4" in out
    assert "record 7 (quebec-ville-5): parties: same parties and kind as ville-5-quebec" in out


def test_reversed_pair_of_a_register_agreement(run, tmp_path, make_record):
    record = make_record(slug="quebec-rennes-bis")
    record["parties"] = list(reversed(record["parties"]))
    result = run("import", write_jsonl(tmp_path / "r.jsonl", [record]))
    assert result.exit_code == 1
    assert "parties: same parties and kind as rennes-quebec in the register" in result.stderr


def test_conflict_reported_then_update_replaces(run, tmp_path, make_record, seeded):
    changed = make_record(title="Protocole révisé")
    file = write_jsonl(tmp_path / "c.jsonl", [changed])
    before = dump(seeded)
    result = run("import", file)
    assert result.exit_code == 1
    assert ("record 1 (rennes-quebec): slug: already in the register with other content "
            "(differs in title): use --update to replace it") in result.stderr
    assert dump(seeded) == before
    result = run("import", file, "--update")
    assert result.stderr == f"Imported {file}: 0 added, 1 updated, 0 unchanged.\n"
    assert json.loads(run("show", "rennes-quebec", "-f", "json").stdout)["title"] == "Protocole révisé"
    assert run("doctor").exit_code == 0


def test_skip_invalid_imports_good_and_keeps_rejected(run, tmp_path, new_record, seeded):
    bad = new_record(2, kind="treaty")
    file = write_jsonl(tmp_path / "m.jsonl", [new_record(1), bad, new_record(3)])
    rejects = tmp_path / "rejects.jsonl"
    result = run("import", file, "--skip-invalid", "--rejects", str(rejects))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"Imported {file}: 2 added, 0 updated, 0 unchanged, 1 rejected."
    assert f"Rejected records, each with its reason, written to {rejects}" in result.stderr
    reason = "kind: unknown kind 'treaty'; valid: " + ", ".join(vocabulary.slugs("kind"))
    assert [json.loads(line) for line in rejects.read_text().splitlines()] == [{"reason": reason, **bad}]
    assert count(seeded) == 7


def test_skip_invalid_needs_rejects_file(run, tmp_path, new_record):
    result = run("import", write_jsonl(tmp_path / "m.jsonl", [new_record(1)]), "--skip-invalid")
    assert result.exit_code == 2
    assert "--skip-invalid needs --rejects FILE" in result.stderr


def test_unparseable_lines_are_problems_not_tracebacks(run, tmp_path):
    (tmp_path / "x.jsonl").write_text('{"slug": 1}\n{broken\n[1, 2]\n', encoding="utf-8")
    result = run("import", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1
    assert "record 2: not valid JSON" in result.stderr
    assert "record 3: expected a JSON object (an agreement), got a list" in result.stderr


def test_bom_and_crlf(run, tmp_path, new_record, seeded):
    text = "\r\n".join(json.dumps(new_record(i), ensure_ascii=False) for i in (1, 2)) + "\r\n"
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert run("import", str(tmp_path / "bom.jsonl")).exit_code == 0
    run("export", "-f", "csv", "-o", str(tmp_path / "all.csv"))
    crlf = (tmp_path / "all.csv").read_bytes().replace(b"\n", b"\r\n")
    (tmp_path / "crlf.csv").write_bytes(b"\xef\xbb\xbf" + crlf)
    result = run("import", str(tmp_path / "crlf.csv"))
    assert result.stderr.endswith("0 added, 0 updated, 7 unchanged.\n"), result.stderr


def test_latin1_file_needs_encoding(run, tmp_path, new_record, seeded):
    record = new_record(1, title="Jumelage entre Épinal et Québec")
    (tmp_path / "l1.jsonl").write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("latin-1"))
    result = run("import", str(tmp_path / "l1.jsonl"))
    assert result.exit_code == 1
    assert "is not utf-8 text" in result.stderr and "--encoding" in result.stderr
    assert count(seeded) == 5
    result = run("import", str(tmp_path / "l1.jsonl"), "--encoding", "latin-1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "ville-1-quebec", "-f", "json").stdout)["title"] == record["title"]


def test_a_file_saved_on_windows_is_read_as_the_hint_says(run, tmp_path, new_record, seeded):
    """Excel and Notepad save French text as cp1252: the hint names it, and the apostrophe (0x92)
    comes in as itself, where latin-1 would make it a control character that the register refuses."""
    record = new_record(1, title="Jumelage entre L’Isle-Adam et Québec")
    (tmp_path / "win.jsonl").write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("cp1252"))
    result = run("import", str(tmp_path / "win.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("give its encoding with --encoding, e.g. --encoding cp1252")
    result = run("import", str(tmp_path / "win.jsonl"), "--encoding", "cp1252")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "ville-1-quebec", "-f", "json").stdout)["title"] == record["title"]


def test_unknown_encoding_is_usage_error(run, tmp_path, new_record):
    result = run("import", write_jsonl(tmp_path / "a.jsonl", [new_record()]), "--encoding", "klingon")
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.stderr


def test_file_over_the_size_limit_is_refused_unread(run, tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("wb") as handle:
        handle.truncate(3_000_000)  # sparse: larger than the limit, nothing to read
    result = run("import", str(big), "--max-size", "2")
    assert result.exit_code == 1
    assert "big.jsonl is 3 MB, more than the limit of 2 MB (raise it with --max-size)" in result.stderr


def test_stdin_over_the_limit_is_refused(run):
    result = run("import", "-", "-f", "jsonl", "--max-size", "1", input="{}\n" * 600_000)
    assert result.exit_code == 1
    assert "larger than the limit of 1 MB" in result.stderr


def test_absurdly_deep_json_is_refused(run, tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    result = run("import", str(tmp_path / "deep.json"))
    assert result.exit_code == 1
    assert "JSON nested too deeply" in result.stderr


def test_a_large_json_array_is_read_a_record_at_a_time(run, tmp_path, new_record, seeded, monkeypatch):
    """Past importer.WHOLE_JSON bytes (and on standard input) an array is parsed a record at a
    time: the same records, the same problems; nesting deeper than a record, trailing text or a
    number yajl cannot hold is one line, and nothing is written."""
    from twinning_cli import importer

    monkeypatch.setattr(importer, "WHOLE_JSON", 0)
    records = [new_record(1), new_record(2, signed_on="1er mai 1964")]
    (tmp_path / "big.json").write_text(json.dumps(records, indent=2), encoding="utf-8-sig")
    result = run("import", str(tmp_path / "big.json"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "ville-2-quebec", "-f", "json").stdout)["signed_on"] == "1964-05-01"
    before = dump(seeded)
    for text, error in (("[" * 50 + "]" * 50, "JSON nested too deeply"),
                        (json.dumps([new_record(3)]) + " junk", "not valid JSON: parse error: trailing garbage"),
                        ('[{"lat": ' + "9" * 40 + "}]", "not valid JSON: parse error: integer overflow")):
        (tmp_path / "bad.json").write_text(text, encoding="utf-8")
        for args, stdin in (([str(tmp_path / "bad.json")], None), (["-", "--format", "json"], text)):
            result = run("import", *args, input=stdin)
            assert (result.exit_code, result.stderr.count("\n"), error in result.stderr) == (1, 1, True), result.stderr
    assert dump(seeded) == before
    result = run("import", str(tmp_path / "big.json"), "--update")
    assert result.stderr.endswith("0 added, 0 updated, 2 unchanged.\n")


def test_missing_file_and_unknown_extension(run, tmp_path):
    assert run("import", str(tmp_path / "nope.json")).stderr == f"Error: no file {tmp_path / 'nope.json'}\n"
    (tmp_path / "x.xml").write_text("<a/>")
    result = run("import", str(tmp_path / "x.xml"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'x.xml'}: not a register's CSV: its header has no slug column "
                             "(give --format json or jsonl for JSON, --pairs for a list of twinned towns)\n")


def test_formula_cells_survive_export_and_import(run, tmp_path, new_record, seeded):
    record = new_record(1, summary="=SUM(A1:A3)", topics=["+1 555", "@home", "-", "'quoted", "=x"])
    run("import", write_jsonl(tmp_path / "f.jsonl", [record]))
    run("export", "-f", "csv", "-o", str(tmp_path / "all.csv"))
    text = (tmp_path / "all.csv").read_text(encoding="utf-8")
    assert "'=SUM(A1:A3)" in text
    before = dump(seeded)
    result = run("import", str(tmp_path / "all.csv"))
    assert result.stderr.endswith("0 added, 0 updated, 6 unchanged.\n"), result.stderr
    assert dump(seeded) == before


def test_a_record_written_as_people_write_it(run, tmp_path, new_record):
    """Countries by name in any language the country lists know (a nation or a region gives the
    subdivision too), coordinates with a decimal comma, dates written out with a month's name: the
    same record as written with codes; a word that is no month or country is still refused."""
    record = new_record(1, signed_on="12 mai 1964")
    record["parties"][0].update(country="Allemagne", subdivision=None, lat="49,45", lng="11,08")
    record["parties"][1].update(country="Scotland", subdivision=None, lat=None, lng=None)
    other = new_record(2, signed_on="May 1985")
    other["parties"][1].update(country="Ohio, United States", subdivision=None, lat="41°29′N", lng="81°40′ W")
    file = write_jsonl(tmp_path / "written.jsonl", [record, other])
    result = run("import", file)
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "ville-1-quebec", "-f", "json").stdout)
    assert shown["signed_on"] == "1964-05-12"
    assert [(p["country"], p["subdivision"], p["lat"], p["lng"]) for p in shown["parties"]] == [
        ("DE", None, 49.45, 11.08), ("GB", "GB-SCT", None, None)]
    shown = json.loads(run("show", "ville-2-quebec", "-f", "json").stdout)
    assert (shown["signed_on"], shown["parties"][1]["country"], shown["parties"][1]["subdivision"]) == (
        "1985-05", "US", "US-OH")
    assert (shown["parties"][1]["lat"], shown["parties"][1]["lng"]) == (41.483333, -81.666667)
    bad = new_record(3, signed_on="about 1985")
    bad["parties"][0]["country"] = "Narnia"
    result = run("import", write_jsonl(tmp_path / "bad.jsonl", [bad]))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        "record 1 (ville-3-quebec): signed_on: 'about 1985' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        "record 1 (ville-3-quebec): parties.0.country: 'Narnia' is not a country name or ISO 3166-1 alpha-2 code"]


def test_dates_as_a_spreadsheet_in_a_french_locale_saves_them(run, tmp_path, seeded):
    """An export edited in a spreadsheet and saved again: a whole-cell date comes back in figures,
    day first ('27/10/2023'), read where only one reading is a date; one that reads either way
    ('09/04/2024') or a month with a two-digit year ('mai-24') is refused saying what to write."""
    exported = run("export", "--excel", "-t", "Perpignan").stdout
    assert ";2023-10-27;" in exported
    (tmp_path / "edited.csv").write_text(exported.replace(";2023-10-27;", ";27/10/2023;"), encoding="utf-8")  # the export holds its BOM
    result = run("import", str(tmp_path / "edited.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("0 added, 0 updated, 1 unchanged.\n")
    for cell, error in (("09/04/2024", "'09/04/2024' has its day and month either way round: write it YYYY-MM-DD"),
                        ("mai-24", "'mai-24' is a month and a two-digit year, as a spreadsheet shows a date: write "
                                   "it YYYY-MM")):
        (tmp_path / "bad.csv").write_text(exported.replace(";2023-10-27;", f";{cell};"), encoding="utf-8")  # the export holds its BOM
        result = run("import", str(tmp_path / "bad.csv"))
        assert result.exit_code == 1
        assert f"record 1 (perpignan-laurentides): signed_on: {error}" in result.stderr.splitlines()


def test_lists_as_other_tools_write_them(run, tmp_path):
    """Parties as 'Name, Country' text (of a kind the source does not say: 'territoire'), sources
    as a file's name or a page's address, domains and topics as one text with ';' between: the
    record they mean. A party as a name alone is refused saying what to write."""
    record = {"slug": "rennes-erlangen", "title": "Jumelage entre Rennes et Erlangen", "kind": "twinning",
              "status": "signed", "parties": ["Rennes, France", "Erlangen (Allemagne)"],
              "domains": "culture; Jeunesse, éducation et formation", "topics": "échanges scolaires",
              "sources": ["https://example.org/jumelages", "liste.csv"]}
    (tmp_path / "other.json").write_text(json.dumps([record]), encoding="utf-8")
    result = run("import", str(tmp_path / "other.json"))
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "rennes-erlangen", "-f", "json").stdout)
    assert [(p["name"], p["kind"], p["country"]) for p in shown["parties"]] == [
        ("Rennes", "territoire", "FR"), ("Erlangen", "territoire", "DE")]
    assert (shown["domains"], shown["topics"]) == (["culture", "youth-education"], ["échanges scolaires"])
    assert [(s["file"], s["url"]) for s in shown["sources"]] == [
        ("https://example.org/jumelages", "https://example.org/jumelages"), ("liste.csv", None)]
    record.update(slug="lyon-x", parties=["Lyon, France", "Birmingham"], sources="liste.csv")
    (tmp_path / "bad.json").write_text(json.dumps(record), encoding="utf-8")
    result = run("import", str(tmp_path / "bad.json"))
    assert result.stderr.splitlines()[1:] == [
        "record 1 (lyon-x): parties.1: a party written as text needs its country after its name ('Rennes, France'), "
        "or an object with name, kind and country"]


def test_an_import_into_a_register_loads_no_sqlite_utils(tmp_path, new_record, seeded):
    """sqlite-utils (and the plugins it loads) is for making a schema: an import, an add, a remove
    write through the connection itself, a tenth of a second sooner."""
    import os
    import subprocess
    import sys

    path = tmp_path / "new.jsonl"
    path.write_text(json.dumps(new_record()) + "\n", encoding="utf-8")
    probe = ("import sys; sys.argv = ['twinning', 'import', sys.argv[1]]\n"
             "from twinning_cli.__main__ import main\n"
             "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\nelse:\n    code = 0\n"
             "print('sqlite_utils' in sys.modules, file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", probe, str(path)], env={**os.environ, "TWINNING_DB": str(seeded)},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "False"
    assert count(seeded) == 6


def test_a_register_csv_below_a_title(run, tmp_path, new_record, seeded):
    exported = run("export", "-f", "csv", "-t", "Rennes").stdout
    (tmp_path / "titled.csv").write_text("Registre des jumelages\n\n" + exported, encoding="utf-8")
    result = run("import", str(tmp_path / "titled.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("The header is line 3 of the file: the 2 line(s) above it (a title?) left out.\n")
    assert result.stderr.endswith("0 added, 0 updated, 1 unchanged.\n")
