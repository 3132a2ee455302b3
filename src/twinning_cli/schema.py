"""The register's tables, indexes, views, triggers and full-text index, made anew."""

from __future__ import annotations

import sqlite3

from . import db as dbmod
from . import vocabulary

# The rows derived from each agreement's record, for what is searched, filtered and joined;
# everything else (people, stakeholders, funding, sources, topics) is read from the record.
CHILD_TABLES = ("agreement_parties", "agreement_domains", "events")
OLD_TABLES = ("agreement_topics", "people", "stakeholders", "funding", "sources")  # before schema 6
FTS_COLUMNS = ["title", "parties", "summary", "topics"]


# Indexes a write reads (keys, identities), and those only reads need, which a load into an empty
# register makes after its rows (suspend/resume): sorted once instead of grown row by row.
# (identity.Resolver reads territories by name_key, city_key and wikidata; a Wikidata import reads
# agreement_parties by territory: PARTIES_INDEX, made after the rows of any other load.)
PARTIES_INDEX = ("agreement_parties", ["territory_id"])
EARLY_INDEXES = [
    ("agreements", ["pair_key"]),
    ("territories", ["name_key", "country"]), ("territories", ["city_key", "country"]),
    ("territories", ["wikidata"]), PARTIES_INDEX,
]
LATE_INDEXES = [
    ("agreements", ["kind"]), ("agreements", ["status"]), ("agreements", ["year"]), ("agreements", ["date"]),
    ("territories", ["agreements", "name"]), ("territories", ["short_key"]),
    ("territories", ["name_folded"]), ("territories", ["country"]), ("territories", ["subdivision"]),
    ("agreement_domains", ["domain"]), ("events", ["date"]),
]
SORT_KIB = 2048  # the memory a deferred index's sort takes before it spills to a temporary file
# Counts kept by triggers on insert (the delete triggers stay whatever happens).
COUNTING = {
    "agreement_domains_count_ai": """CREATE TRIGGER agreement_domains_count_ai AFTER INSERT ON agreement_domains BEGIN
        INSERT INTO domain_counts (domain, agreements) VALUES (new.domain, 1)
        ON CONFLICT (domain) DO UPDATE SET agreements = agreements + 1; END""",
    "agreement_parties_count_ai": """CREATE TRIGGER agreement_parties_count_ai AFTER INSERT ON agreement_parties BEGIN
        UPDATE territories SET agreements = agreements + 1 WHERE id = new.territory_id; END""",
}

# What those triggers do, for a whole batch of rows at once (Writer, into a register that holds agreements).
COUNT_PARTIES = "UPDATE territories SET agreements = agreements + ? WHERE id = ?"
COUNT_DOMAINS = ("INSERT INTO domain_counts (domain, agreements) VALUES (?, ?)"
                 " ON CONFLICT (domain) DO UPDATE SET agreements = agreements + excluded.agreements")


def _index_name(table: str, columns: list[str]) -> str:
    return f"idx_{table}_{'_'.join(columns)}"  # sqlite-utils' own naming


def _create_index(conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
    conn.execute(f"CREATE INDEX IF NOT EXISTS [{_index_name(table, columns)}] ON [{table}] ({', '.join(columns)})")


def suspend(conn: sqlite3.Connection, parties: bool = True) -> None:
    """For a load into an empty (or very small) register: no read-only index and no count kept row
    by row; `resume` works out the counts of the whole register again. `parties`: the parties'
    index by territory as well, for a load that never reads it (a Wikidata import does): each
    party's entry went in at random; 100,000 records took 14.8-14.9 s without it, 15.7-16.3 s
    with it."""
    for table, columns in LATE_INDEXES + ([PARTIES_INDEX] if parties else []):
        conn.execute(f"DROP INDEX IF EXISTS [{_index_name(table, columns)}]")
    set_aside_counting(conn)  # `resume` makes every count trigger again


def resume(conn: sqlite3.Connection) -> None:
    """After such a load: the counts worked out once, the triggers and indexes made again.
    SQLite sorts (an index's keys, a GROUP BY) in as much memory as the page cache may hold,
    beside it: with a small cache here, the sorts spill to temporary files instead (a load of
    300,000: a peak of 200 MB down to 162, its rows' plateau being 150; 174 s and 177 s)."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{SORT_KIB}")
    _create_index(conn, *PARTIES_INDEX)  # first: the territories' counts read it
    conn.execute("UPDATE territories SET agreements = (SELECT count(*) FROM agreement_parties p"
                 " WHERE p.territory_id = territories.id)")
    conn.execute("DELETE FROM domain_counts")
    conn.execute("INSERT INTO domain_counts (domain, agreements) SELECT domain, count(*) FROM agreement_domains"
                 " GROUP BY domain")
    for sql in COUNTING.values():
        conn.execute(sql)
    for table, columns in LATE_INDEXES:
        _create_index(conn, table, columns)
    conn.execute(f"PRAGMA cache_size = {cache}")


def set_aside_counting(conn: sqlite3.Connection) -> list[str]:
    """The insert triggers that keep the counts, set aside for this transaction; the names of
    those that were there are returned, for the writer to make them again (COUNTING) before the
    commit. The writer adds a batch's counts itself (COUNT_PARTIES, COUNT_DOMAINS), a territory
    once per batch and in the order of their ids, where each trigger updated one row at random
    per party. Outside our writer's transaction the triggers are there, for any program."""
    names = [name for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN"
                                            f" ({', '.join('?' * len(COUNTING))})", tuple(COUNTING))]
    for name in names:
        conn.execute(f"DROP TRIGGER [{name}]")
    return names


FTS_DELETE = (f"INSERT INTO agreements_fts (agreements_fts, rowid, {', '.join(FTS_COLUMNS)})"
              f" VALUES ('delete', ?{', ?' * len(FTS_COLUMNS)})")
FTS_INSERT = f"INSERT INTO agreements_fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?{', ?' * len(FTS_COLUMNS)})"


def set_aside_fts_update_trigger(conn: sqlite3.Connection) -> str:
    """Set the full-text index's update trigger aside for this transaction; its SQL is returned
    for the writer to make it again before the commit. A writer replacing many agreements moves
    their index entries itself (FTS_DELETE, FTS_INSERT): a quarter of the trigger's time, measured
    on 10,000 updates. Outside our writer's transaction the trigger is there, for any program."""
    found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'agreements_au'").fetchone()
    if found is None:  # taken away by someone (doctor says so): nothing to set aside or make again
        return ""
    conn.execute("DROP TRIGGER agreements_au")
    return found[0]


AGREEMENTS = """CREATE TABLE agreements (
    slug TEXT PRIMARY KEY, id INTEGER NOT NULL, title TEXT NOT NULL,
    kind TEXT NOT NULL REFERENCES kinds(slug), status TEXT NOT NULL REFERENCES statuses(slug),
    signed_on TEXT, signed_on_inferred INTEGER, signed_on_note TEXT, valid_from TEXT, valid_until TEXT,
    date TEXT, year INTEGER, pair_key INTEGER, parties TEXT, countries TEXT, domains TEXT, topics TEXT,
    summary TEXT, note TEXT, record TEXT NOT NULL)"""


def create_agreements(conn: sqlite3.Connection) -> None:
    """The table keyed by slug, as Datasette's pages name a row (/agreements/brest-denver); `id`,
    which the child tables refer to, unique (a foreign key's parent must be)."""
    conn.execute(AGREEMENTS)
    conn.execute("CREATE UNIQUE INDEX idx_agreements_id ON agreements (id)")


def to_schema_9(conn: sqlite3.Connection) -> None:
    """A register of schemas 6 to 8 given schema 9's agreements table, in place, with foreign keys
    off (store.migrate): the same rows under the same rowids (the full-text index's keys), the
    pair's key as writer.pair_hash of the text it was, no slug_key; the indexes, triggers and views
    on it made again."""
    from .writer import COLUMNS, pair_hash

    conn.create_function("pair_hash", 1, pair_hash, deterministic=True)
    kept = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND"
                        " (type = 'view' OR type = 'trigger' AND tbl_name = 'agreements')").fetchall()
    for kind, name, _sql in kept:
        conn.execute(f"DROP {kind.upper()} [{name}]")
    columns = COLUMNS["agreements"]
    copied = ", ".join(f"pair_hash({c}) AS {c}" if c == "pair_key" else c for c in columns)
    conn.execute(f"CREATE TEMP TABLE agreements_8 AS SELECT rowid AS old_rowid, {copied} FROM main.agreements")
    conn.execute("DROP TABLE main.agreements")
    create_agreements(conn)
    conn.execute(f"INSERT INTO main.agreements (rowid, {', '.join(columns)}) SELECT old_rowid, {', '.join(columns)}"
                 " FROM temp.agreements_8 ORDER BY old_rowid")
    conn.execute("DROP TABLE temp.agreements_8")
    for table, columns in EARLY_INDEXES + LATE_INDEXES:
        if table == "agreements":
            _create_index(conn, table, columns)
    for _kind, _name, sql in kept:
        conn.execute(sql)


def create_schema(register) -> None:
    """Drop and create every table, index, view and the FTS index (`register`: a store.Register)."""
    import sqlite_utils

    db = sqlite_utils.Database(register.conn, execute_plugins=False)  # our tables, whatever is installed
    db.execute("DROP VIEW IF EXISTS agreements_flat")
    db.execute("DROP VIEW IF EXISTS territory_map")
    db.execute("DROP VIEW IF EXISTS agreement_list")
    for name in ("agreements_fts", "domain_counts", "register_notes", "territory_aliases", *CHILD_TABLES,
                 *OLD_TABLES, "territories", "agreements", "kinds", "statuses", "domain_labels", "country_labels"):
        if name in db.table_names():
            db[name].drop()
    # The vocabularies as tables, so that a reader of the database (Datasette) shows labels.
    for name, terms in (("kinds", vocabulary.KINDS), ("statuses", vocabulary.STATUSES),
                        ("domain_labels", vocabulary.DOMAINS)):
        db.create_table(name, {"slug": str, "label": str}, pk="slug")
        db[name].insert_all([{"slug": t.slug, "label": t.label} for t in terms])
    # Country names as the site shows them, for the countries the register names (Writer fills it).
    db.create_table("country_labels", {"code": str, "label": str}, pk="code")
    # Each fact once: the record's scalars in columns, its lists in `record` (shape.STORED reads
    # them back); date, year, the pair's key (writer.pair_hash) and the '; '-joined texts are
    # derived, for indexes, lists and the full-text index.
    create_agreements(db.conn)
    # A territory is its name as written (name_key: NFC, case-folded) in its country, told apart
    # further by subdivision, coordinates and identifiers (Writer.territory_id); name_folded
    # (ASCII, no accents) is only for finding.
    db.create_table("territories", {
        "id": int, "name": str, "name_key": str, "short_key": str, "city_key": str, "name_folded": str, "kind": str,
        "country": str,
        "subdivision": str, "lat": float, "lng": float, "wikidata": str, "geonames": str, "agreements": int,
    }, pk="id", not_null={"name", "name_key", "name_folded", "country"}, defaults={"agreements": 0})
    # What a migration noticed that a person may want to check (doctor prints it).
    db.create_table("register_notes", {"id": int, "note": str}, pk="id")
    # Names a person joined to a territory (merge, rename): a party so named, in that country,
    # is the territory called `name`. Kept by name, not id, so every rebuild keeps them.
    db.create_table("territory_aliases", {"name_key": str, "country": str, "name": str},
                    pk=("name_key", "country"), not_null={"name"})
    # Keyed by (agreement, position) and stored in that key's B-tree (WITHOUT ROWID): no second
    # copy of the key in an index. `agreement` is the agreement's id, a number the writer gives in
    # increasing order, so that these rows are appended, not scattered. A party's other facts
    # (acting body…) are in the record.
    agreement = "agreement INTEGER NOT NULL REFERENCES agreements(id)"
    db.execute(f"""CREATE TABLE agreement_parties ({agreement}, position INTEGER NOT NULL,
        territory_id INTEGER NOT NULL REFERENCES territories(id), PRIMARY KEY (agreement, position)) WITHOUT ROWID""")
    db.execute(f"""CREATE TABLE agreement_domains ({agreement}, domain TEXT NOT NULL REFERENCES domain_labels(slug),
        PRIMARY KEY (agreement, domain)) WITHOUT ROWID""")
    # An event's dates, for the timeline's order and filters; the rest of it is in the record.
    db.execute(f"""CREATE TABLE events ({agreement}, position INTEGER NOT NULL, date TEXT NOT NULL, "end" TEXT,
        PRIMARY KEY (agreement, position)) WITHOUT ROWID""")
    for table, columns in EARLY_INDEXES + LATE_INDEXES:
        db[table].create_index(columns)
    db["agreements"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True,
                                tokenize="unicode61 remove_diacritics 2")
    # Writer.flush fills the index in bulk, six times faster than a trigger per row;
    # the triggers that keep it right on UPDATE and DELETE stay.
    db.execute("DROP TRIGGER agreements_ai")
    # Agreements per domain, kept by triggers so that `stats --by domain` and `domains`
    # read 18 rows instead of counting every (agreement, domain) pair.
    db.create_table("domain_counts", {"domain": str, "agreements": int}, pk="domain")
    db.execute(COUNTING["agreement_domains_count_ai"])
    db.execute("""CREATE TRIGGER agreement_domains_count_ad AFTER DELETE ON agreement_domains BEGIN
        UPDATE domain_counts SET agreements = agreements - 1 WHERE domain = old.domain; END""")
    db.execute("""
        CREATE VIEW agreements_flat AS
        SELECT slug, title, kind, status, signed_on, signed_on_inferred, valid_from,
               valid_until, date, year, parties, countries, domains, topics, summary, note
        FROM agreements""")
    # The agreements as a reader browses them (Datasette's first page): labels, not slugs.
    db.execute("""
        CREATE VIEW agreement_list AS
        SELECT a.rowid AS id, a.slug, a.title AS "intitulé", a.parties, k.label AS nature, s.label AS statut,
               a.date, a.year AS "année",
               (SELECT json_group_array(l.label) FROM agreement_domains d JOIN domain_labels l ON l.slug = d.domain
                WHERE d.agreement = a.id) AS domaines,
               (SELECT json_group_array(label) FROM (SELECT DISTINCT c.label FROM agreement_parties p
                JOIN territories t ON t.id = p.territory_id JOIN country_labels c ON c.code = t.country
                WHERE p.agreement = a.id ORDER BY p.position)) AS pays
        FROM agreements a JOIN kinds k ON k.slug = a.kind JOIN statuses s ON s.slug = a.status""")
    # Territories with a point, as Datasette's map reads them; a click leads to the territory.
    db.execute("""
        CREATE VIEW territory_map AS
        SELECT id, name, kind, country, subdivision, agreements, lat AS latitude, lng AS longitude,
               json_object('title', name, 'description', agreements || ' accord(s) · ' || country,
                           'link', 'territories/' || id) AS popup
        FROM territories WHERE lat IS NOT NULL AND lng IS NOT NULL""")
    # Agreements per territory, kept by triggers, so that `territories` on a terminal reads its
    # busiest page from an index instead of counting every party.
    db.execute(COUNTING["agreement_parties_count_ai"])
    db.execute("""CREATE TRIGGER agreement_parties_count_ad AFTER DELETE ON agreement_parties BEGIN
        UPDATE territories SET agreements = agreements - 1 WHERE id = old.territory_id; END""")
    db.execute(f"PRAGMA user_version = {dbmod.SCHEMA_VERSION}")
