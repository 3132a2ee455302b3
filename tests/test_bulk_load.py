"""A load into an empty register makes its read-only indexes and its counts once, at the end:
what it leaves is exactly what a register filled record by record holds."""

import json
import sqlite3

from dbcheck import scalar

from twinning_cli.model import Agreement


def schema_and_counts(path) -> tuple[list, list, list]:
    conn = sqlite3.connect(path)
    try:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        territories = conn.execute("SELECT name, country, agreements FROM territories ORDER BY name").fetchall()
        domains = conn.execute("SELECT domain, agreements FROM domain_counts WHERE agreements > 0"
                               " ORDER BY domain").fetchall()
        return objects, territories, domains
    finally:
        conn.close()


def test_a_load_into_an_empty_register_ends_as_one_record_by_record(run, tmp_path, seed_records):
    records = tmp_path / "seed.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seed_records), encoding="utf-8")
    bulk, one_by_one = tmp_path / "bulk.db", tmp_path / "one.db"
    assert run("init", "--empty", "--db", str(bulk)).exit_code == 0
    assert run("import", str(records), "--db", str(bulk)).exit_code == 0
    # The same records imported one by one: after the first, the register is not empty when each
    # comes, and its triggers keep the counts row by row
    assert run("init", "--empty", "--db", str(one_by_one)).exit_code == 0
    for n, record in enumerate(seed_records):
        (tmp_path / f"{n}.json").write_text(json.dumps(record), encoding="utf-8")
        assert run("import", str(tmp_path / f"{n}.json"), "--db", str(one_by_one)).exit_code == 0
    assert schema_and_counts(bulk) == schema_and_counts(one_by_one)
    objects = [name for _, name, _ in schema_and_counts(bulk)[0]]
    assert {"idx_agreements_date", "idx_agreements_pair_key", "idx_events_date", "idx_agreement_domains_domain",
            "agreement_parties_count_ai", "agreement_domains_count_ai"} <= set(objects)
    assert scalar(bulk, "SELECT agreements FROM territories WHERE name = 'Ville de Québec'") == 2
    assert run("doctor", "--db", str(bulk)).exit_code == 0
    # Later writes keep the counts again, by the triggers made at the end of the load
    assert run("remove", "rennes-quebec", "--yes", "--db", str(bulk)).exit_code == 0
    assert scalar(bulk, "SELECT agreements FROM territories WHERE name = 'Ville de Québec'") == 1
    assert run("doctor", "--db", str(bulk)).exit_code == 0


def test_a_failed_load_into_an_empty_register_leaves_it_as_it_was(run, tmp_path, seed_records):
    db = tmp_path / "empty.db"
    assert run("init", "--empty", "--db", str(db)).exit_code == 0
    before = schema_and_counts(db)
    bad = [*seed_records, {**seed_records[0], "slug": "broken", "kind": "nonsense"}]
    records = tmp_path / "bad.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bad), encoding="utf-8")
    result = run("import", str(records), "--db", str(db))
    assert result.exit_code == 1
    assert schema_and_counts(db) == before
    assert scalar(db, "SELECT count(*) FROM agreements") == 0


def test_the_page_cache_follows_the_register_from_4_to_8_mib(tmp_path):
    from twinning_cli.store import fit_cache

    conn = sqlite3.connect(tmp_path / "r.db")
    conn.execute("CREATE TABLE t (x)")
    fit_cache(conn)
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -4096  # a small register: 4 MiB
    conn.execute("INSERT INTO t VALUES (zeroblob(24 * 1024 * 1024))")  # 24 MiB: a quarter is 6 MiB
    fit_cache(conn)
    pages, size = conn.execute("PRAGMA page_count").fetchone()[0], conn.execute("PRAGMA page_size").fetchone()[0]
    assert -conn.execute("PRAGMA cache_size").fetchone()[0] == pages * size // 4096 > 6_000
    conn.execute("INSERT INTO t VALUES (zeroblob(300 * 1024 * 1024))")
    fit_cache(conn)
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -8192  # never more than 8 MiB
    fit_cache(conn, load=True)
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -2048  # a load into an empty register: 2 MiB
    conn.close()


def test_a_load_into_an_empty_register_keeps_a_small_page_cache_to_its_end(run, tmp_path, seed_records):
    """Into an empty register only the key indexes grow at random: the load's cache stays 2 MiB
    (writer.LOAD_CACHE_KIB) whatever the file's size; another write has it fitted to the register."""
    from twinning_cli import store

    path = tmp_path / "r.db"
    assert run("init", "--empty", "--db", str(path)).exit_code == 0
    db = store.open_db(path)
    try:
        db.conn.execute("CREATE TABLE ballast (x)")
        db.conn.execute("INSERT INTO ballast VALUES (zeroblob(24 * 1024 * 1024))")  # a quarter: 6 MiB
        db.conn.commit()
        with store.transaction(db, path):
            writer = store.Writer(db, bulk=True)
            sizes = [db.conn.execute("PRAGMA cache_size").fetchone()[0]]
            for record in seed_records:
                writer.add(Agreement.model_validate(record))
            writer.flush()
            sizes.append(db.conn.execute("PRAGMA cache_size").fetchone()[0])
            writer.finish()
        assert sizes == [-2048, -2048]
        with store.transaction(db, path):
            store.Writer(db).flush()  # a write that is no load (add, remove): the cache fitted to the register
            assert db.conn.execute("PRAGMA cache_size").fetchone()[0] < -6_000
    finally:
        db.close()


def test_the_deferred_indexes_are_sorted_in_a_small_cache_and_the_cache_is_given_back(tmp_path):
    """SQLite sorts an index's keys in as much memory as the page cache may take, beside it: the
    indexes a load makes at its end are sorted with SORT_KIB, then the cache is what it was."""
    from twinning_cli import schema

    seen = []
    conn = sqlite3.connect(tmp_path / "r.db")
    conn.execute("CREATE TABLE agreements (kind, status, year, date, slug_key)")
    for table in ("territories", "agreement_parties", "agreement_domains", "events", "domain_counts"):
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} (id, agreements, name, short_key, name_folded, country,"
                     " subdivision, territory_id, domain, date, agreement)")
    conn.execute("PRAGMA cache_size = -65536")
    conn.set_trace_callback(lambda sql: seen.append((sql.split(" ON ")[0],
                                                     conn.execute("PRAGMA cache_size").fetchone()[0])
                                                    if sql.startswith("CREATE INDEX") else None))
    schema.resume(conn)
    sorted_in = {cache for item in seen if item for _, cache in [item]}
    made = [item for item in seen if item]  # the parties' index (if it is not there) and the late ones
    assert sorted_in == {-schema.SORT_KIB} and len(made) == len(schema.LATE_INDEXES) + 1
    conn.set_trace_callback(None)
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -65536
    conn.close()


def index_names(conn) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_load_makes_the_parties_index_by_territory_at_its_end_unless_it_reads_it(run, tmp_path, seed_records):
    """A load into an empty register never reads the parties by territory: their index is made
    after the rows (each entry went in at random), first of all, as the territories' counts read
    it. A Wikidata import reads it as it goes (wikidata.merge.same_territories): kept row by row."""
    from twinning_cli import store

    for by_territory, during in ((False, False), (True, True)):
        path = tmp_path / f"{by_territory}.db"
        assert run("init", "--empty", "--db", str(path)).exit_code == 0
        db = store.open_db(path)
        try:
            with store.transaction(db, path):
                writer = store.Writer(db, bulk=True, by_territory=by_territory)
                for record in seed_records:
                    writer.add(Agreement.model_validate(record))
                writer.flush()
                assert ("idx_agreement_parties_territory_id" in index_names(db.conn)) is during
                assert "idx_agreements_date" not in index_names(db.conn)  # a late index, either way
                writer.finish()
            assert "idx_agreement_parties_territory_id" in index_names(db.conn)
            plan = db.conn.execute("EXPLAIN QUERY PLAN SELECT count(*) FROM agreement_parties"
                                   " WHERE territory_id = 1").fetchall()
            assert "idx_agreement_parties_territory_id" in plan[0][-1]
            assert db.conn.execute("SELECT agreements FROM territories WHERE name = 'Ville de Québec'"
                                   ).fetchone() == (2,)
        finally:
            db.close()
        assert run("doctor", "--db", str(path)).exit_code == 0


def test_only_a_wikidata_import_keeps_the_parties_index_through_its_load(run, seeded, tmp_path, monkeypatch):
    from pathlib import Path

    from twinning_cli import schema

    asked = []
    real = schema.suspend
    monkeypatch.setattr(schema, "suspend", lambda conn, parties=True: asked.append(parties) or real(conn, parties))
    answer = Path(__file__).with_name("wikidata") / "results.json"
    result = run("import", "--wikidata", str(answer), "--skip-invalid", "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 0, result.stderr
    assert asked == [False]
    records = tmp_path / "one.jsonl"
    records.write_text(run("export", "--format", "jsonl").stdout.splitlines()[0] + "\n", encoding="utf-8")
    assert run("init", "--empty", "--db", str(tmp_path / "empty.db")).exit_code == 0
    asked.clear()
    assert run("import", str(records), "--db", str(tmp_path / "empty.db")).exit_code == 0
    assert asked == [True]
