"""Property-based tests: round trips of generated agreements, and arbitrary bytes."""

import datetime
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from twinning_cli import vocabulary
from twinning_cli.cli import app
from twinning_cli.model import Agreement

TRICKY = [";", "|", "\\", "=", "+", "-", "@", "'", '"', ",", "[b]", "é", "«"]
# Names and titles are single lines; summaries, notes and descriptions may hold line breaks
# and tabs, written on Windows too (a lone '\r' must survive a CSV round trip).
CHARS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf")), max_size=8)
LINE = st.lists(st.one_of(st.sampled_from(TRICKY), CHARS), min_size=1, max_size=5).map("".join).filter(
    lambda s: s.strip())
TEXT = st.lists(st.one_of(st.sampled_from([*TRICKY, "\n", "\r", "\r\n", "\t"]), CHARS), min_size=1,
                max_size=5).map("".join).filter(lambda s: s.strip())
OPT = st.none() | LINE
OPT_TEXT = st.none() | TEXT
DATE = st.dates(datetime.date(1000, 1, 1), datetime.date(2100, 12, 31)).map(lambda d: d.isoformat()).flatmap(
    lambda d: st.sampled_from([d[:4], d[:7], d]))
COUNTRIES = st.sampled_from(["FR", "CA", "DE", "JP", "SN", "BE"])


@st.composite
def agreements(draw, n: int) -> dict:
    parties = [
        {"name": f"{draw(LINE)} {n}.{i}", "kind": draw(LINE), "country": draw(COUNTRIES),
         "acting_body": draw(OPT),
         "lat": draw(st.none() | st.floats(-90, 90, allow_nan=False)),
         "lng": draw(st.none() | st.floats(-180, 180, allow_nan=False))}
        for i in range(draw(st.integers(2, 4)))
    ]
    signed = draw(st.booleans())
    record = {
        "slug": f"agreement-{n}",
        "title": draw(LINE),
        "kind": draw(st.sampled_from(vocabulary.slugs("kind"))),
        "status": "signed" if signed else draw(st.sampled_from(["exploratory", "proposed"])),
        "signed_on": draw(DATE) if signed else None,
        "parties": parties,
        "domains": draw(st.lists(st.sampled_from(vocabulary.slugs("domain")), unique=True, max_size=4)),
        "topics": draw(st.lists(LINE, max_size=3)),
        "people": [{"name": draw(LINE), "role": draw(OPT), "signed": draw(st.booleans())}
                   for _ in range(draw(st.integers(0, 2)))],
        "stakeholders": [{"name": draw(LINE), "kind": draw(OPT)} for _ in range(draw(st.integers(0, 2)))],
        "funding": [{"programme": draw(LINE), "backers": draw(st.lists(LINE, max_size=2))}
                    for _ in range(draw(st.integers(0, 1)))],
        "events": [{"date": draw(DATE), "place": draw(OPT), "description": draw(TEXT)}
                   for _ in range(draw(st.integers(0, 2)))],
        "sources": [{"file": draw(LINE), "publisher": draw(OPT), "published_on": draw(st.none() | DATE)}],
        "summary": draw(OPT_TEXT),
        "note": draw(OPT_TEXT),
    }
    return Agreement.model_validate(record).model_dump(mode="json")


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=3, unique=True).flatmap(
    lambda ns: st.tuples(*(agreements(n) for n in ns))))
def test_export_import_export_is_identity(records):
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        first = base / "first.db"
        assert cli("init", "--db", str(first)).exit_code == 0
        (base / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        result = cli("import", str(base / "in.jsonl"), "--db", str(first))
        assert result.exit_code == 0, result.stderr
        for fmt in ("json", "csv"):
            exported = cli("export", "-f", fmt, "--db", str(first)).stdout
            (base / f"out.{fmt}").write_text(exported, encoding="utf-8")
            second = base / f"second-{fmt}.db"
            cli("init", "--db", str(second))
            result = cli("import", str(base / f"out.{fmt}"), "--db", str(second))
            assert result.exit_code == 0, (fmt, result.stderr)
            assert cli("export", "-f", fmt, "--db", str(second)).stdout == exported
        by_slug = {r["slug"]: r for r in json.loads(cli("export", "-f", "json", "--db", str(first)).stdout)}
        assert all(by_slug[r["slug"]] == r for r in records)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8")),
       st.sampled_from(["json", "jsonl", "csv"]), st.booleans())
def test_arbitrary_bytes_never_give_a_traceback(data, fmt, pairs):
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / f"input.{fmt}"
        file.write_bytes(data)
        db = str(Path(folder) / "r.db")
        cli("init", "--db", db)
        for command in ("import", "validate"):
            args = [command, str(file), "--db", db] + (["--pairs"] if pairs else [])
            result = cli(*args)
            assert result.exit_code in (0, 1, 2), result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_csv_cells_hold_tricky_text_unchanged():
    """A concrete case of the property, readable when it fails."""
    from twinning_cli.flatten import COLUMNS, flatten, unflatten

    record = Agreement.model_validate({
        "slug": "a-b", "title": "T; | \\ x", "kind": "twinning", "status": "signed",
        "parties": [{"name": "A; B", "kind": "ville | x", "country": "FR"},
                    {"name": "C\\", "kind": "v", "country": "CA"}],
        "topics": ["a;b", "c|d"], "sources": [{"file": "f.txt", "note": "n; o"}],
    }).model_dump(mode="json")
    row = dict(zip(COLUMNS, flatten(record)))
    assert row["topics"] == "a\\;b; c\\|d"
    assert Agreement.model_validate(unflatten(row)).model_dump(mode="json") == record


# "\x1f", "\x1e": what emit joins cells and rows with, found in a register another program wrote
CELL = st.one_of(st.none(), st.integers(-5, 5), st.floats(-2, 2, allow_nan=False),
                 st.lists(st.one_of(st.sampled_from([*TRICKY, "\n", "\r", "\t", " ", "1", "-1", "'x", "\x1f", "\x1e"]),
                                    CHARS),
                          max_size=4).map("".join))


@settings(max_examples=300)
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), max_size=5), st.sampled_from(["csv", "tsv", "excel"]),
       st.booleans(), st.sampled_from([1, 60, 257]))
@example([[None, None, "-1\x1f"]], "csv", False, 1)  # a cell holding the join: once read as '-1' and a cell more
def test_csv_rows_checked_at_once_are_written_as_cell_by_cell(rows, fmt, raw, times):
    """emit's shortcuts (a block of rows checked with one search, a row with one) write exactly what
    quoting and guarding each cell writes, also across blocks (the rows repeated `times`)."""
    import io
    import sys

    from twinning_cli import render

    rows = rows * times
    delimiter, end = {"csv": (",", "\n"), "tsv": ("\t", "\n"), "excel": (";", "\r\n")}[fmt]
    expected = ("\ufeff" if fmt == "excel" else "") + render.csv_line(["a", "b", "c"], delimiter, end=end) + "".join(
        render.csv_line((v if raw else render.spreadsheet_safe(v) for v in
                         ("" if v is None else v if isinstance(v, str) else str(v) for v in row)),
                        delimiter, guard=not raw, end=end) for row in rows)
    out, sys.stdout = sys.stdout, io.StringIO()
    try:
        render.emit(["a", "b", "c"], rows, "csv" if fmt == "excel" else fmt, raw=raw, excel=fmt == "excel")
        written = sys.stdout.getvalue()
    finally:
        sys.stdout = out
    assert written == expected


def test_a_record_flattens_the_same_stored_compact_or_whole():
    """export flattens records as stored (defaults left out); show flattens them whole."""
    from twinning_cli.flatten import flatten
    from twinning_cli.shape import whole

    for raw in json.loads((Path(__file__).parent.parent / "data" / "seed.json").read_text(encoding="utf-8")):
        record = Agreement.model_validate(raw)
        compact = json.loads(record.model_dump_json(exclude_defaults=True))
        assert flatten(compact) == flatten(whole(compact)) == flatten(record.model_dump(mode="json"))


@settings(max_examples=200, deadline=None)
@given(agreements(1), st.sampled_from([0.0, -0.0, None]))
def test_a_record_stored_in_columns_and_arrays_reads_back_as_it_was(record, zero):
    """shape.pack and shape.compact: scalars from the columns, lists from arrays of values with
    the trailing defaults left off; a latitude of 0 is a value, not a default."""
    from twinning_cli.shape import SCALARS, compact, pack, whole

    record["parties"][-1]["lng"] = zero
    if zero is not None and record["parties"][-1]["lat"] is None:
        record["parties"][-1]["lat"] = 0.0
    model = Agreement.model_validate(record)
    row = [getattr(model, key) for key in SCALARS]
    row[SCALARS.index("signed_on_inferred")] = int(model.signed_on_inferred)
    stored = compact((*row, pack(model)))
    assert stored == json.loads(model.model_dump_json(exclude_defaults=True))
    assert whole(stored) == model.model_dump(mode="json")
    # export flattens the stored row directly: the same cells as the record flattened
    from twinning_cli.flatten import flatten, flatten_all, flatten_stored

    flat = flatten(model.model_dump(mode="json"))
    assert flatten_stored((*row, pack(model))) == flat
    # and so does a batch of them (export reads the register a batch at a time, one JSON parse each)
    assert list(flatten_all(_Cursor([(*row, pack(model))] * 3))) == [flat] * 3


class _Cursor:
    """The rows of a query, as flatten_all fetches them."""

    def __init__(self, rows: list):
        self.rows = rows

    def fetchmany(self, size: int) -> list:
        batch, self.rows = self.rows[:size], self.rows[size:]
        return batch


@settings(max_examples=500)
@given(st.text(max_size=12), st.text(max_size=12))
def test_a_pair_slug_is_the_slug_of_both_names(first, second):
    """The pairs import makes a pair's slug from each town's own (folded once per town): the same
    slug as the two names written one after the other."""
    from twinning_cli.vocabulary import slugify

    assert "-".join(filter(None, (slugify(first), slugify(second)))) == slugify(f"{first} {second}")


# Values as a register holds them: integers of 64 bits (SQLite's), floats written the same way by
# json and orjson (not NaN, the infinities, nor under 1e-4, where json writes 5e-05 and orjson 0.00005).
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.text()
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x == 0 or abs(x) >= 1e-4),
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
                   | st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=20)


def _emitted(items, fmt: str) -> str:
    import contextlib
    import io

    from twinning_cli.render import emit_json

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        emit_json(items, fmt)
    return out.getvalue()


@given(JSON_VALUES, st.integers(0, 600))
def test_json_is_what_json_dumps_writes(value, count):
    """export's JSON is json.dumps(indent=2, ensure_ascii=False) byte for byte, whatever the
    nesting, keys or values, given whole or as an iterator of any length (written by blocks);
    JSON Lines one compact object per line that json reads back as it was."""
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert _emitted(value, "json") == expected + "\n"
    assert _emitted(iter([value] * count), "json") == json.dumps([value] * count, ensure_ascii=False, indent=2) + "\n"
    assert _emitted([value] * count, "jsonl") == _emitted(iter([value] * count), "jsonl")  # json's text, orjson's
    lines = _emitted(iter([value] * count), "jsonl").split("\n")
    assert lines.pop() == ""  # every line ends with a line break, and only lines do (not U+0085)
    assert len(lines) == count and all(json.loads(line) == json.loads(json.dumps(value)) for line in lines)


def test_a_stored_row_is_given_back_whole_as_its_compact_form_is():
    """shape.whole of a row (as export and show read it) is the record the compact form gives,
    key for key and in the same order, lists of its own in every item."""
    import sqlite3

    from twinning_cli import shape, store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.db"
        store.init(path, store.load_seed())
        rows = sqlite3.connect(path).execute(f"SELECT {shape.STORED} FROM agreements a").fetchall()
    for row, whole in zip(rows, shape.whole_rows(rows)):
        assert json.dumps(whole) == json.dumps(shape.whole(shape.compact(row))) == json.dumps(shape.whole(row))
    funded = [record for record in shape.whole_rows(rows) if record["funding"]]
    backers = [item["backers"] for record in funded for item in record["funding"]]
    assert len({id(b) for b in backers}) == len(backers)


CELLS = st.lists(st.lists(st.lists(st.sampled_from([",", ";", "\t", '"', "-1", "-1.5e3", "=1+1", "a,=b", "@x", "'",
                                                   "+", "-", "a;b", "x", "é", ""]), max_size=3).map("".join),
                          min_size=3, max_size=3), max_size=300)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(CELLS, st.sampled_from([("csv", False), ("csv", True), ("tsv", False)]))
def test_csv_written_a_block_at_a_time_is_what_the_row_writer_makes(rows, form):
    """render.emit writes most blocks at once (no cell to mend, or only cells holding the
    delimiter to quote); the text is what csv_line makes of each row, the formula guard included."""
    import contextlib
    import io

    from twinning_cli import render

    fmt, excel = form
    delimiter, end = ("\t" if fmt == "tsv" else ";" if excel else ","), ("\r\n" if excel else "\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        render.emit(["a", "b", "c"], rows, fmt, excel=excel)
    expected = ("\ufeff" if excel else "") + render.csv_line(["a", "b", "c"], delimiter, end=end) + "".join(
        render.csv_line([render.spreadsheet_safe(v) for v in row], delimiter, end=end) for row in rows)
    assert out.getvalue() == expected


def test_a_stored_item_longer_than_its_template_is_cut_to_it():
    """A register changed behind our back may hold an item with more values than its keys: it
    is read as far as the keys go (as zip reads it), never an error halfway through an export."""
    from twinning_cli import shape

    party = ["Pau", "ville", "FR", None, None, 43.3, -0.37, None, None, "extra"]
    assert shape._items([party, party[:3]], "parties") == [
        dict(zip(shape.NESTED["parties"], party)), {**shape.NESTED["parties"], "name": "Pau", "kind": "ville", "country": "FR"}]
