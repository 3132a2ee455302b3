"""import of an Excel workbook (.xlsx): a sheet read as the CSV it would save (workbook.py)."""

import datetime
import json
import zipfile

import pytest
from dbcheck import rows
from openpyxl import Workbook

pytestmark = pytest.mark.usefixtures("seeded")


def workbook(path, sheets: dict[str, list[list]]):
    book = Workbook()
    book.remove(book.active)
    for title, lines in sheets.items():
        sheet = book.create_sheet(title)
        for line in lines:
            sheet.append(line)
    book.save(path)
    return path


TWINS = [["Liste des jumelages"], [],
         ["Ville", "Pays", "Ville jumelle", "Pays jumelle", "Latitude jumelle", "Longitude jumelle", "Date"],
         ["Rennes", "France", "Erlangen", "Allemagne", 49.59, 11.0, datetime.datetime(1964, 5, 12)],
         ["Rennes", "France", "Sendai", "Japon", 38.27, 140.87, 1967.0]]


def test_a_pairs_list_kept_in_a_workbook(run, tmp_path, seeded):
    """The sheet holding the columns is found (a sheet of notes before it), a title above the
    header left out, numbers as typed (1967, not 1967.0), a date cell as a date."""
    path = workbook(tmp_path / "jumelages.xlsx", {"Notes": [["Mis à jour en 2024"]], "Jumelages": TWINS})
    result = run("import", str(path), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert "Read the sheet 'Jumelages' of 2 ('Notes', 'Jumelages'); --sheet NAME reads another." in result.stderr
    assert rows(seeded, "SELECT slug, signed_on FROM agreements WHERE slug IN ('rennes-erlangen', 'rennes-sendai') "
                        "ORDER BY slug") == [
        ("rennes-erlangen", "1964-05-12"), ("rennes-sendai", "1967")]
    sendai = json.loads(run("show", "rennes-sendai", "-f", "json").stdout)["parties"][1]
    assert (sendai["name"], sendai["country"], sendai["lat"], sendai["lng"]) == ("Sendai", "JP", 38.27, 140.87)


def test_a_sheet_named_and_one_the_workbook_has_not(run, tmp_path, seeded):
    path = workbook(tmp_path / "twins.xlsx", {"A": TWINS, "B": TWINS[:3] + [["Brest", "France", "Kiel", "Allemagne"]]})
    result = run("import", str(path), "--pairs", "--sheet", "B")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT slug FROM agreements WHERE slug IN ('brest-kiel', 'rennes-sendai')") == [
        ("brest-kiel",)]
    notes = workbook(tmp_path / "notes.xlsx", {"Notes": [["Mis à jour en 2024"]], "Jumelages": TWINS})
    wrong = run("import", str(notes), "--pairs", "--sheet", "Notes")
    assert wrong.exit_code == 1
    assert wrong.stderr.endswith("(in the sheet 'Notes'; its sheets: 'Notes', 'Jumelages')\n")
    missing = run("import", str(path), "--pairs", "--sheet", "C")
    assert missing.exit_code == 1
    assert missing.stderr == "Error: twins.xlsx has no sheet 'C'; its sheets: 'A', 'B'\n".replace(
        "twins.xlsx", str(path))


def test_a_registers_rows_saved_as_a_workbook_go_back_in(run, tmp_path, seeded):
    """export --format csv, opened and saved by a spreadsheet as .xlsx: the same records."""
    import csv
    import io

    exported = list(csv.reader(io.StringIO(run("export", "-f", "csv").stdout)))
    path = workbook(tmp_path / "register.xlsx", {"Registre": exported})
    before = run("export", "-f", "json").stdout
    run("init", "--empty", "--yes")
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert run("export", "-f", "json").stdout == before


def test_rejects_of_a_workbook_are_csv_with_their_reason(run, tmp_path):
    path = workbook(tmp_path / "twins.xlsx", {"S": [["city1", "country1", "city2", "country2"],
                                                    ["Rennes", "France", "Erlangen", "Germany"],
                                                    ["Brest", "Narnia", "Kiel", "Germany"]]})
    result = run("import", str(path), "--pairs", "--skip-invalid", "--rejects", str(tmp_path / "rejects.csv"))
    assert result.exit_code == 0, result.stderr
    lines = (tmp_path / "rejects.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "city1,country1,city2,country2,reason"
    assert lines[1].startswith("Brest,Narnia,Kiel,Germany,")


def test_a_zip_that_is_no_workbook_and_a_damaged_one(run, tmp_path):
    with zipfile.ZipFile(tmp_path / "sheet.ods", "w") as archive:
        archive.writestr("content.xml", "<office:document-content/>")
    ods = run("import", str(tmp_path / "sheet.ods"), "--pairs")
    assert ods.exit_code == 1
    assert "is a zip file that is no .xlsx workbook (an .ods?), not text: save the sheet as CSV (UTF-8)" in ods.stderr
    with zipfile.ZipFile(tmp_path / "broken.xlsx", "w") as archive:
        archive.writestr("xl/workbook.xml", "not xml at all")
    broken = run("import", str(tmp_path / "broken.xlsx"), "--pairs")
    assert broken.exit_code == 1
    assert broken.stderr.startswith(f"Error: {tmp_path / 'broken.xlsx'}: not a readable Excel workbook (")
    assert len(broken.stderr.splitlines()) == 1 and "Traceback" not in broken.stderr


def test_a_town_merged_over_the_rows_of_its_twins(run, tmp_path, seeded):
    """A town's own list, its name merged down the rows of its twins: each row is that town's
    (Excel's own CSV would leave the cells below the first empty, and the pairs nameless)."""
    path = tmp_path / "merged.xlsx"
    book = Workbook()
    sheet = book.active
    for line in [["Ville", "Pays", "Ville jumelle", "Pays jumelle"], ["Rennes", "France", "Erlangen", "Allemagne"],
                 [None, None, "Sendai", "Japon"], [None, None, "Cork", "Irlande"], ["Brest", "France", "Kiel", "Allemagne"]]:
        sheet.append(line)
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    book.save(path)
    result = run("import", str(path), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert "2 merged range(s) of cells read as their value in each cell they span." in result.stderr
    assert rows(seeded, "SELECT slug FROM agreements WHERE slug IN ('rennes-erlangen', 'rennes-sendai', 'rennes-cork',"
                        " 'brest-kiel') ORDER BY slug") == [
        ("brest-kiel",), ("rennes-cork",), ("rennes-erlangen",), ("rennes-sendai",)]


def test_a_date_cell_is_as_precise_as_the_sheet_shows_it(run, tmp_path, seeded):
    """Excel keeps 'mai 1964' as the 1st of May: the day it filled in is not recorded."""
    path = tmp_path / "dates.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["city1", "country1", "city2", "country2", "year"])
    for town, when, shown in [("Erlangen", datetime.datetime(1964, 5, 1), "mmm-yy"),
                              ("Sendai", datetime.datetime(1967, 1, 1), "yyyy"),
                              ("Cork", datetime.datetime(1982, 6, 12), "dd/mm/yyyy")]:
        sheet.append(["Rennes", "France", town, "Allemagne" if town == "Erlangen" else "Japon" if town == "Sendai"
                      else "Irlande", when])
        sheet.cell(row=sheet.max_row, column=5).number_format = shown
    book.save(path)
    result = run("import", str(path), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert rows(seeded, "SELECT slug, signed_on FROM agreements WHERE slug IN ('rennes-erlangen', 'rennes-sendai',"
                        " 'rennes-cork') ORDER BY slug") == [
        ("rennes-cork", "1982-06-12"), ("rennes-erlangen", "1964-05"), ("rennes-sendai", "1967")]
