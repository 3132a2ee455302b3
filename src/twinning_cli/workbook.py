"""An Excel workbook (.xlsx) given to `import`: one of its sheets read as the CSV text it would
save, so that a list kept in a spreadsheet goes in as it is (openpyxl reads it); another file
that is no text (an .ods, an .xls, a PDF) named, with how to make a CSV of it.

Cells become the text Excel would write in a CSV: numbers as numbers (1964, not 1964.0), a date
as precise as the sheet shows it, formulas as their last computed value; a merged cell's value
in every cell it spans, as a person reads the sheet (a town's name merged over the rows of its
twins).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable

from .errors import DataError
from .i18n import N_, _


def is_workbook(data: bytes) -> bool:
    """An .xlsx (an Office Open XML workbook): a zip holding xl/workbook.xml."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def sheet_as_csv(data: bytes, name: str, sheet: str | None = None,
                 wanted: Callable[[str], bool] = lambda text: True) -> tuple[str, str, list[str], int]:
    """(CSV text of the sheet, the sheet's name, every sheet's name, its merged ranges): the sheet
    named `sheet`, else the first whose text `wanted` accepts (the one holding the columns looked
    for), else the first. DataError for a damaged workbook or a sheet it has not."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise DataError(_("{name}: not a readable Excel workbook ({error})").format(
            name=name, error=str(error).splitlines()[0] if str(error) else type(error).__name__)) from None
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise DataError(_("{name} has no sheet {sheet!r}; its sheets: {names}").format(
                name=name, sheet=sheet, names=", ".join(repr(n) for n in names)))
        first = ("", names[0] if names else "", names, 0)  # no sheet holds the columns: the first, to say so
        for chosen in [sheet] if sheet is not None else names:
            text, merged = _csv(book[chosen], data)
            if sheet is not None or wanted(text):
                return text, chosen, names, merged
            if chosen == first[1]:
                first = (text, chosen, names, merged)
        return first
    finally:
        book.close()


def _csv(worksheet, data: bytes) -> tuple[str, int]:
    """The sheet as CSV text, each merged range's value in all its cells; and how many ranges."""
    ranges = _merged(worksheet, data)
    copies = {(row, col): (top, left) for left, top, right, bottom in ranges
              for row in range(top, bottom + 1) for col in range(left, right + 1) if (row, col) != (top, left)}
    anchors = {(top, left) for left, top, _, _ in ranges}
    kept: dict[tuple[int, int], str] = {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for number, cells in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
        row = [_text(cell.value, cell.number_format) for cell in cells]
        if copies or anchors:
            for col in range(1, len(row) + 1):
                if (number, col) in anchors:
                    kept[number, col] = row[col - 1]
                elif (number, col) in copies:
                    row[col - 1] = kept.get(copies[number, col], "")
        writer.writerow(row)
    return out.getvalue(), len(ranges)


_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^]]*\]')  # text a number format shows as it is, and its [colour] or [$-locale]
_MERGED = re.compile(rb'<mergeCell ref="([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)"')


def _merged(worksheet, data: bytes) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (first column, first row, last column, last row): openpyxl
    reading a sheet row by row does not give them, the sheet's XML lists them at its end."""
    from openpyxl.utils.cell import range_boundaries

    path = getattr(worksheet, "_worksheet_path", None)
    if not path:
        return []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(path)
    if b"<mergeCell " not in xml:
        return []
    return [range_boundaries(ref.decode()) for ref in _MERGED.findall(xml)]


def _text(value: object, shown: str = "General") -> str:
    """A cell as Excel writes it in a CSV; a date as precise as the cell shows it (`shown`, its
    number format): 'mmm-yy' is a month, 'yyyy' a year, never a day Excel filled in."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 1964 typed in a cell, stored as 1964.0
    if isinstance(value, datetime.datetime):
        tokens = _LITERAL.sub("", shown.lower())
        if value.time() == datetime.time() and "y" in tokens and "d" not in tokens:
            return f"{value.year:04d}-{value.month:02d}" if "m" in tokens else f"{value.year:04d}"
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


# What a file that is no text begins with, and what it then most likely is.
_BINARY = {b"PK\x03\x04": N_("a zip file that is no .xlsx workbook (an .ods?)"),
           b"\xd0\xcf\x11\xe0": N_("an Excel 97-2003 workbook (.xls)"), b"%PDF": N_("a PDF")}


def not_text(name: str, head: bytes) -> None:
    """A workbook or a PDF given for a file of records: say so, and how to make one, rather than
    call its bytes an encoding's."""
    for magic, what in _BINARY.items():
        if head.startswith(magic):
            raise DataError(_("{name} is {what}, not text: save the sheet as CSV (UTF-8) from the spreadsheet, "
                              "then import that file").format(name=name, what=_(what)))
