"""A load into an empty register asks the register only about keys it may have written (seen.py),
and the territories' name cache forgets the least recently used first."""

import re

import pytest
from dbcheck import scalar

from twinning_cli import store
from twinning_cli.seen import Seen


def test_a_key_added_is_always_found_also_past_a_filters_capacity():
    seen = Seen(capacity=100)
    added = [("name", f"ville {n}", "FR") for n in range(1000)]
    for key in added:
        seen.add(key)
    assert len(seen.filters) > 1  # grew past its first filter
    assert all(key in seen for key in added)
    others = sum(("name", f"ville {n}", "DE") in seen for n in range(10_000))
    assert others < 500  # "perhaps" of a key never added is rare (1 % a filter)


def test_a_filter_made_past_the_first_holds_what_the_rest_of_the_input_should_bring():
    """Keys that come with each record: when the first filter is full, a tenth of the input read
    says nine times as many keys are to come, and one filter takes them; unknown, it doubles."""
    share = {"read": 0.1}
    seen, doubling = Seen(capacity=100, done=lambda: share["read"]), Seen(capacity=100)
    for n in range(101):
        seen.add(n)
        doubling.add(n)
    assert [len(seen.filters), seen.capacity] == [2, 900]
    assert [len(doubling.filters), doubling.capacity] == [2, 200]
    share["read"] = 0.999  # an estimate too low: the chain goes on, twice the last
    for n in range(101, 1001 + 1):
        seen.add(n)
    assert [len(seen.filters), seen.capacity] == [3, 1800]
    assert all(n in seen for n in range(1002))


def test_an_input_says_how_much_of_it_was_read(tmp_path, make_record):
    import json

    from twinning_cli.importer import Input

    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(make_record(slug=f"r{n}")) + "\n" for n in range(200)), encoding="utf-8")
    source = Input.build(str(path), format=None, encoding="utf-8", max_mb=10)
    shares = [source.done() for _ in source.records()]
    assert 0 < shares[0] < 0.5 and shares[-1] == 1.0 and shares == sorted(shares)
    assert Input.build("-", format="jsonl", encoding="utf-8", max_mb=10).done() is None  # a stream: not known


@pytest.fixture
def statements(monkeypatch):
    """The SQL each register opened for writing runs, numbers and quoted text made '?'."""
    ran: list[str] = []
    opened = store.open_db

    def traced(path):
        db = opened(path)
        db.conn.set_trace_callback(lambda sql: ran.append(re.sub(r"'[^']*'|\b\d+\b", "?", sql)))
        return db

    monkeypatch.setattr(store, "open_db", traced)
    return ran


def lookups(ran: list[str]) -> tuple[int, int]:
    """(territory look-ups by name, agreement look-ups by pair or slug)."""
    names = sum(sql.startswith("SELECT * FROM (SELECT id") for sql in ran)
    pairs = sum("WHERE pair_key = ?" in sql or "WHERE a.pair_key = ?" in sql
                or sql.startswith("SELECT ? FROM agreements WHERE slug") for sql in ran)
    return names, pairs


PAIRS = "city1,country1,city2,country2\nAmiens,France,Dortmund,Germany\nBrest,France,Kiel,Germany\n" \
        "Amiens,France,Görlitz,Germany\n"


def test_a_load_into_an_empty_register_looks_up_no_name_and_no_pair_it_never_wrote(run, tmp_path, statements):
    source = tmp_path / "pairs.csv"
    source.write_text(PAIRS, encoding="utf-8")
    assert run("init", "--empty").exit_code == 0
    assert run("import", str(source), "--pairs").exit_code == 0
    assert lookups(statements) == (0, 0)  # Amiens again: from the name cache
    # Into the register that now holds them (small: its keys read in first), it asks the register
    # about the names it holds, and about a pair only when it holds that pair
    statements.clear()
    source.write_text("city1,country1,city2,country2\nBrest,France,Dortmund,Germany\n", encoding="utf-8")
    assert run("import", str(source), "--pairs").exit_code == 0
    assert lookups(statements) == (2, 0)  # Brest, Dortmund: there; Brest–Dortmund: new
    statements.clear()
    source.write_text("city1,country1,city2,country2\nKiel,Germany,Brest,France\n", encoding="utf-8")
    assert run("import", str(source), "--pairs").exit_code == 0
    assert lookups(statements)[1] >= 1  # Brest–Kiel is there: asked, and merged


def test_a_load_into_a_large_register_asks_it(run, tmp_path, statements, monkeypatch):
    """Past writer.PRELOAD agreements (identity.PRELOAD territories) the keys are not read in:
    each name and pair is asked of the register."""
    from twinning_cli import identity, writer

    source = tmp_path / "pairs.csv"
    source.write_text(PAIRS, encoding="utf-8")
    assert run("init", "--empty").exit_code == 0
    assert run("import", str(source), "--pairs").exit_code == 0
    monkeypatch.setattr(writer, "PRELOAD", 0)
    monkeypatch.setattr(identity, "PRELOAD", 0)
    statements.clear()
    source.write_text("city1,country1,city2,country2\nBrest,France,Dortmund,Germany\n", encoding="utf-8")
    assert run("import", str(source), "--pairs").exit_code == 0
    assert lookups(statements)[0] == 2 and lookups(statements)[1] >= 1


def test_a_name_that_may_be_a_city_written_before_is_still_looked_up(run, tmp_path, statements, register_path):
    """'Ville de Pau' made, then 'Pau' (a city of the same name): the filter says "perhaps" for the
    city's key, the register is asked, and the two are one territory, as in a register not empty."""
    source = tmp_path / "records.jsonl"
    record = '{{"slug": "{slug}", "title": "t", "kind": "twinning", "status": "signed", "parties": [' \
             '{{"name": "{a}", "kind": "ville", "country": "FR"}}, {{"name": "{b}", "kind": "ville", ' \
             '"country": "ES"}}], "sources": [{{"file": "f.txt"}}]}}\n'
    source.write_text(record.format(slug="pau-jaca", a="Ville de Pau", b="Jaca")
                      + record.format(slug="pau-huesca", a="Pau", b="Huesca"), encoding="utf-8")
    assert run("init", "--empty").exit_code == 0
    result = run("import", str(source))
    assert result.exit_code == 0, result.stderr
    assert lookups(statements)[0] == 1  # 'Pau' only: Jaca, Huesca and 'Ville de Pau' were never made
    assert scalar(register_path, "SELECT count(*) FROM territories WHERE country = 'FR'") == 1
    assert scalar(register_path, "SELECT agreements FROM territories WHERE country = 'FR'") == 2


def test_the_name_cache_forgets_the_least_recently_used(tmp_path):
    from types import SimpleNamespace

    from twinning_cli.identity import Resolver

    db = store.open_db(tmp_path / "r.db")
    store.create_schema(db)
    resolver = Resolver(db.conn)
    resolver.CACHE = 2
    party = {name: SimpleNamespace(name=name, kind="ville", country="FR", subdivision=None, lat=None, lng=None,
                                   wikidata=None, geonames=None) for name in ("Albi", "Brive", "Cahors")}
    ids = {name: resolver.territory_id(p) for name, p in party.items() if name != "Cahors"}
    resolver.territory_id(party["Albi"])  # used again: now the most recent
    ids["Cahors"] = resolver.territory_id(party["Cahors"])  # the cache full: Brive goes, not Albi
    assert [key[0] for key in resolver.cache] == ["albi", "cahors"]
    assert resolver.territory_id(party["Brive"]) == ids["Brive"]  # asked of the register again, the same
    db.close()


def test_the_name_cache_shares_its_texts(tmp_path):
    """What the resolver remembers of a territory read from the register holds the name key it
    looked up and one string per region code, not a copy a territory: the cache's memory is its
    keys'."""
    from types import SimpleNamespace

    from twinning_cli.identity import Resolver

    db = store.open_db(tmp_path / "r.db")
    store.create_schema(db)
    names = ("Albi", "Castres", "Gaillac")
    parties = [SimpleNamespace(name=name, kind="ville", country="FR", subdivision="FR-OCC", lat=None, lng=None,
                               wikidata=None, geonames=None) for name in names]
    maker = Resolver(db.conn)
    ids = [maker.territory_id(p) for p in parties]
    maker.flush()
    resolver = Resolver(db.conn)
    resolver.made = None  # as in a register that held territories before: each name asked of it
    assert [resolver.territory_id(p) for p in parties] == ids
    remembered = [(key, candidates[0]) for key, candidates in resolver.cache.items()]
    assert [candidate[0] for _key, candidate in remembered] == ids
    assert all(candidate[6] is key[0] for key, candidate in remembered)
    assert remembered[0][1][1] == "FR-OCC"
    assert remembered[0][1][1] is remembered[1][1][1] is remembered[2][1][1]
    db.close()


def test_a_file_repeating_a_record_long_after_is_told_which_one(make_record):
    """The checker's keys go to its file a batch at a time: a slug or a pair repeated after its
    batch was written is found there, with the record that had it first."""
    from twinning_cli.validate import Checker

    checker = Checker()
    checker.BATCH = 2
    records = [make_record(slug=f"ville-{n}-quebec") for n in range(5)]
    for n, record in enumerate(records):
        record["parties"][0]["name"] = f"Ville {n}"
    verdicts = [checker.check(n, record)[1] for n, record in enumerate(records, start=1)]
    assert verdicts == [[]] * 5 and not checker.queued["slugs"].get("ville-0-quebec")
    again = make_record(slug="ville-0-quebec")
    again["parties"][0]["name"] = "Ville 1"  # the slug of record 1, the pair of record 2
    messages = [problem.message for problem in checker.check(6, again)[1]]
    assert messages == ["duplicate slug: already record 1",
                        "same parties and kind as ville-1-quebec (a pair listed twice, maybe reversed)"]


def test_the_checkers_file_keeps_a_small_page_cache():
    from twinning_cli.validate import Checker

    checker = Checker()
    assert checker.seen.execute("PRAGMA cache_size").fetchone()[0] == -256  # KiB; SQLite's own is 2,000
    checker.seen.close()


def test_a_load_into_an_empty_register_remembers_slugs_only_where_it_asks_for_them(run, tmp_path, monkeypatch,
                                                                                  make_record):
    """The checker refuses a slug twice: into an empty register the writer never asks whether it
    wrote a slug, and its filter holds the pairs alone. A pairs list (slugs made, the checker not
    refusing repeats) and a register with agreements still have their slugs remembered."""
    import json

    from twinning_cli import writer

    kept: list[list] = []

    class Kept(Seen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.keys = []
            kept.append(self.keys)

        def add(self, key):
            self.keys.append(key[0])
            super().add(key)

    monkeypatch.setattr(writer, "Seen", Kept)
    records = tmp_path / "r.jsonl"
    records.write_text("".join(json.dumps(make_record(slug=f"r{n}", parties=[
        {"name": f"Ville {n}", "kind": "ville", "country": "FR"},
        {"name": f"Stadt {n}", "kind": "ville", "country": "DE"}])) + "\n" for n in range(3)), encoding="utf-8")
    assert run("init", "--empty").exit_code == 0
    kept.clear()
    assert run("import", str(records)).exit_code == 0
    assert kept == [["pair", "pair", "pair"]]
    kept.clear()
    source = tmp_path / "pairs.csv"
    source.write_text(PAIRS, encoding="utf-8")
    assert run("import", str(source), "--pairs").exit_code == 0  # a register of 3: its keys read in first
    assert kept[0].count("slug") == 3 + 3 and kept[0].count("pair") == 3 + 3
