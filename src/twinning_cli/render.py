"""One renderer behind every read command's --format.

CSV, TSV, Markdown and one record's JSON are written with the standard library, a register's
JSON and JSON Lines by orjson; Rich is imported only to draw a table for a terminal.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from .hygiene import terminal_safe

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_SIGNS = frozenset(_FORMULA_START)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def choose(fmt: str | None, piped: str = "csv", terminal: str = "table") -> str:
    """A table (or `terminal`) on a terminal, CSV (or `piped`) when stdout goes elsewhere."""
    if fmt:
        return fmt
    return terminal if sys.stdout.isatty() else piped


def spreadsheet_safe(value: object) -> object:
    """Prefix a cell a spreadsheet would run as a formula with a quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


# A cell that a spreadsheet splitting on ',', ';' or a tab would cut into a formula ('semi;=1+1').
_HIDDEN_FORMULA = re.compile(r"[,;\t]\s*[=+\-@]")


def csv_line(cells: Iterable[object], delimiter: str = ",", guard: bool = True, end: str = "\n") -> str:
    """One CSV/TSV line. Every cell holding a quote, the delimiter, '\\r' or '\\n' is quoted (the
    csv module with '\\n' line ends leaves a lone '\\r' bare), and with `guard` so is a cell that a
    spreadsheet using another delimiter would split into a formula."""
    special = _SPECIAL[delimiter]
    out = []
    for value in cells:
        text = "" if value is None else value if isinstance(value, str) else str(value)
        if text and (special.search(text) or (guard and _HIDDEN_FORMULA.search(text))):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return delimiter.join(out) + end


_SPECIAL = {d: re.compile(f'["\r\n{re.escape(d)}]') for d in (",", ";", "\t")}
_UNIT = "\x1f"  # joins a row's cells for one check; no stored text holds it (hygiene refuses controls)
_ROW = "\x1e"  # joins a block's rows, the same way


def blocks(rows: Iterable, size: int) -> Iterator[list]:
    """Items a few hundred at a time, for output written as it is read."""
    rows = iter(rows)
    while block := list(islice(rows, size)):
        yield block


def _plain_row(delimiter: str, raw: bool):
    """A test that a row's cells, joined by _UNIT (or a block's rows, joined by _ROW), need neither
    quotes nor the formula guard (a cell starting with a formula sign, or hiding one after another
    delimiter). Substring tests first: one regex over the whole line costs more than the rest."""
    # A cell starting with a formula sign, unless it is a number ('-66.883', a western longitude)
    ends = f"[{_UNIT}{_ROW}]"
    formula = re.compile(f"(?:^|{ends})(?!{_NUMBER.pattern}(?:{ends}|$))[{re.escape(''.join(_FORMULA_START))}]")

    def plain(joined: str, signs: bool = True) -> int:
        """PLAIN; DELIMITED: only cells holding the delimiter to quote, nothing in them to double;
        or neither. `signs`: False when no cell starts with a formula sign (emit checks a block's
        first letters at once, which costs a third of the search)."""
        if '"' in joined or "\n" in joined or "\r" in joined:
            return 0
        if not raw and ((signs and formula.search(joined)) or (("," in joined or ";" in joined or "\t" in joined)
                                                             and _HIDDEN_FORMULA.search(joined))):
            return 0
        return DELIMITED if delimiter in joined else PLAIN
    return plain


PLAIN, DELIMITED = 1, 2


def writer():
    """A function writing machine output to stdout: as stored in a file or a pipe; on a terminal,
    with control, bidi and invisible characters escaped (as JSON escapes, valid in every format)."""
    stdout = sys.stdout
    if not stdout.isatty():
        return stdout.write
    return lambda text: stdout.write(_ON_SCREEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_ON_SCREEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def console(stderr: bool = False):
    """A Rich console built at print time, so tests capture it and NO_COLOR applies."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value)


def emit(columns: Sequence[str], rows: Iterable[Sequence], fmt: str, *, raw: bool = False, excel: bool = False,
         title: str | None = None) -> None:
    """Write rows of plain values in `fmt` to stdout. `excel`: CSV as Excel reads it in a French
    (or most European) locale: UTF-8 with a BOM, ';' between cells, CRLF line ends."""
    write = writer()
    if fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else ";" if excel else ","
        end = "\r\n" if excel else "\n"
        if excel:
            write("\ufeff")
        write(csv_line(columns, delimiter, end=end))
        plain = _plain_row(delimiter, raw)
        # Written a few hundred rows at a time, checked at once: most blocks need no quote and no
        # guard, and are written with their separators replaced (one call for the whole block);
        # where some cells hold the delimiter and nothing else to mend, those cells are quoted.
        units = len(columns) - 1
        cut = re.escape(delimiter)  # a whole cell holding it, matched from the cell's start only
        delimited = re.compile(f"(?:^|(?<=[{_UNIT}{_ROW}]))[^{_UNIT}{_ROW}{cut}]*{cut}[^{_UNIT}{_ROW}]*")
        for block in blocks(rows, 256):
            cells = [["" if v is None else v if v.__class__ is str else str(v) for v in row] for row in block]
            joined = _ROW.join([_UNIT.join(row) for row in cells])
            state = plain(joined, not _SIGNS.isdisjoint({cell[:1] for row in cells for cell in row}))
            if (state and joined.count(_ROW) == len(block) - 1  # no cell holds a separator itself
                    and joined.count(_UNIT) == units * len(block)):
                if state == DELIMITED:
                    joined = delimited.sub(r'"\g<0>"', joined)
                write(joined.replace(_UNIT, delimiter).replace(_ROW, end) + end)
                continue
            lines = []
            for row in cells:  # a block with a cell to quote or to guard (or holding a separator): row by row
                line = _UNIT.join(row)
                lines.append(delimiter.join(row) + end if line.count(_UNIT) == units and _ROW not in line
                             and plain(line) == PLAIN else
                             csv_line((v if raw else spreadsheet_safe(v) for v in row), delimiter, guard=not raw,
                                      end=end))
            write("".join(lines))
    elif fmt in ("json", "jsonl"):
        emit_json((dict(zip(columns, row)) for row in rows), fmt)
    elif fmt == "markdown":
        def md(v: object) -> str:
            return terminal_safe(_cell(v)).replace("|", "\\|").replace("\n", " ")
        write("| " + " | ".join(columns) + " |\n")
        write("|" + "|".join("---" for _ in columns) + "|\n")
        for row in rows:
            write("| " + " | ".join(md(v) for v in row) + " |\n")
    else:
        draw_table(columns, rows, title=title)


def emit_json(items, fmt: str) -> None:
    """A JSON array indented by two spaces, or one compact object per line for jsonl: the text
    json.dumps(indent=2, ensure_ascii=False) writes, or json.dumps(separators=(",", ":")) a line.
    A whole value (one record, a list) is written by json; an iterator (a register's records) by
    orjson, four times as fast, in C where json's C encoder cannot indent, a few hundred items at
    a time so that memory holds a block, not the register (an export of 100,000 took 2.3 GB).
    The two write the same text, but for a float from 1e-7 to 1e-4, which orjson writes out
    (0.00005 where json writes 5e-05)."""
    if not isinstance(items, Iterator):  # one record (show), a network's few nodes: the standard library,
        import json  # loaded already, where importing orjson (7 ms) costs more than it saves on a record

        text = [json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n" for item in items] \
            if fmt == "jsonl" else [json.dumps(items, ensure_ascii=False, indent=2) + "\n"]
        writer()("".join(text))
        return
    from orjson import OPT_APPEND_NEWLINE, OPT_INDENT_2, dumps

    write = byte_writer()
    if fmt == "jsonl":
        for block in blocks(items, 256):  # each line appended as made: 24,289 kept, then joined, took 0.11 s, this 0.035
            lines = bytearray()
            for item in block:
                lines += dumps(item, option=OPT_APPEND_NEWLINE)
            write(lines)
    else:
        opened = False
        for block in blocks(items, 256):  # each block as an indented list, its brackets cut off
            write((b"[\n" if not opened else b",\n") + dumps(block, option=OPT_INDENT_2)[2:-2])
            opened = True
        write(b"\n]\n" if opened else b"[]\n")


def byte_writer():
    """writer() for text encoded in UTF-8: to a file or a pipe, the bytes as they are, past the
    text layer that would decode and encode them again (24,289 records as JSON: 0.045 s)."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if buffer is None or stdout.isatty() or (stdout.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):
        write = writer()
        return lambda data: write(data.decode())
    stdout.flush()
    return buffer.write


def draw_table(columns: Sequence[str], rows: Iterable[Sequence], *, title: str | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    # One list item a line; short columns never wrap, long ones fold.
    cells = [[terminal_safe(v).replace("; ", "\n") for v in row] for row in rows]
    table = Table(title=title, box=box.SIMPLE_HEAD, header_style="bold")
    for i, name in enumerate(columns):
        widest = max((len(line) for row in cells for line in row[i].splitlines()), default=0)
        table.add_column(name, overflow="fold", no_wrap=widest <= 12)
    for row in cells:
        table.add_row(*(Text(v) for v in row))
    console().print(table)


def on_screen(date: str) -> str:
    """A date as a reader reads it: as stored (2024-04-09, 2024-04, 2017) in English, and in
    French '9 avril 2024', 'avril 2024', '2017' (Babel's CLDR formats)."""
    from .i18n import french

    if not french() or len(date) == 4:
        return date
    import datetime

    from babel.dates import format_date

    try:
        if len(date) == 7:
            return format_date(datetime.date.fromisoformat(date + "-01"), "MMMM y", locale="fr_FR")
        return format_date(datetime.date.fromisoformat(date), "d MMMM y", locale="fr_FR")
    except ValueError:
        return date


def draw_agreements(rows: Iterable[Sequence]) -> None:
    """`list` on a terminal: date, slug, then parties, kind · status (French labels) and
    domain slugs stacked in one cell, so a row reads well at 80 columns."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .i18n import _
    from .vocabulary import label

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(_("date"), no_wrap=True)
    table.add_column(_("slug"), overflow="fold", max_width=30)  # a long slug folds; the agreement stays
    table.add_column(_("agreement"), min_width=30)
    for slug, parties, kind, status, date, domains in rows:
        cell = Text(terminal_safe(parties).replace("; ", " ↔ "), style="bold")
        cell.append(f"\n{label('kind', kind)} · {label('status', status)}")
        cell.append("\n" + terminal_safe(domains.replace("; ", ", ")), style="dim")
        table.add_row(Text(on_screen(date) if date else "—"), Text(terminal_safe(slug)), cell)
    console().print(table)


def draw_territories(rows: Iterable[Sequence], partners_shown: int = 3) -> None:
    """`territories` on a terminal: one line a territory, its agreements and its first partners."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    rows = list(rows)
    widest = max((len(str(r[4])) for r in rows), default=1)
    names = min(30, max((len(r[0]) for r in rows), default=9))
    places = max(6, max((len(r[3] or r[2]) for r in rows), default=6))
    screen = console()
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    from .i18n import _

    table.add_column(_("territory"), no_wrap=True, overflow="ellipsis", max_width=30)
    table.add_column(_("where"), no_wrap=True, min_width=6)
    table.add_column(_("agreements"), justify="right", no_wrap=True, min_width=max(widest, 10))
    table.add_column(_("partners"), no_wrap=True, overflow="ellipsis",
                     max_width=max(16, screen.width - names - places - max(widest, 10) - 9))
    for name, _kind, country, subdivision, count, partners in rows:
        names = (partners or "").split("; ") if partners else []
        shown = ", ".join(names[:partners_shown]) + (f" +{len(names) - partners_shown}"
                                                     if len(names) > partners_shown else "")
        table.add_row(Text(terminal_safe(name)), Text(terminal_safe(subdivision or country)), str(count),
                      Text(terminal_safe(shown), style="dim"))
    screen.print(table)


class progress:
    """A Rich progress bar on stderr while a large file is read, only when stderr is a
    terminal; `update(n)` is called with each block's size in bytes."""

    THRESHOLD = 1_000_000

    def __init__(self, total: int | None, label: str):
        self.total, self.label, self.bar = total, label, None

    def __enter__(self):
        if self.total and self.total >= self.THRESHOLD and sys.stderr.isatty():
            from rich.markup import escape
            from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

            self.bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                                TimeRemainingColumn(), console=console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(escape(self.label), total=self.total)
            return self.update
        return None

    def update(self, count: int) -> None:
        self.bar.advance(self.task, count)

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


def draw_bars(title: str, rows: Sequence[tuple[str, str, int]], width: int = 30) -> None:
    """Counts as horizontal bars: (value, label, count) rows, longest bar `width` cells."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    top = max((count for _, _, count in rows), default=0) or 1
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE, show_header=False,
                  pad_edge=False)
    table.add_column(overflow="fold", max_width=34)
    table.add_column(justify="right")
    table.add_column(no_wrap=True)
    for value, name, count in rows:
        bar = "█" * round(count / top * width) or ("▏" if count else "")
        table.add_row(Text(terminal_safe(name or value)), str(count), Text(bar, style="cyan"))
    console().print(table)


def draw_timeline(rows: Iterable[Sequence]) -> None:
    """Events grouped by year: the date (inferred ones marked), then what happened, with the
    agreement and the place beneath it, so a line reads well at 80 columns."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .i18n import _

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(_("date"), no_wrap=True)
    table.add_column(_("what happened"))
    year = None
    for date, end, inferred, slug, description, place in rows:
        if date[:4] != year:
            if year is not None:
                table.add_section()
            year = date[:4]
            table.add_row(Text(year, style="bold magenta"), "")
        when = Text(on_screen(date) + (f" → {on_screen(end)}" if end else ""))
        if inferred:
            when.append("\n" + _("(inferred)"), style="italic yellow")
        what = Text(terminal_safe(description))
        what.append("\n" + " · ".join(terminal_safe(v) for v in (slug, place) if v), style="dim")
        table.add_row(when, what)
    console().print(table)


def info(message: str) -> None:
    """Messages, progress and hints go to stderr; stdout carries data only. A name they quote from
    a register changed behind our back never sends a control character to the terminal."""
    sys.stderr.write(terminal_safe(message) + "\n")
