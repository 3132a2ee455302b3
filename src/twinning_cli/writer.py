"""Laying validated agreements out in the register's tables, a batch of rows at a time.

store.py opens the register and holds the transaction; this module writes inside it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from hashlib import blake2b

from . import schema
from .countries import label as country_label
from .model import Agreement
from .schema import CHILD_TABLES, FTS_COLUMNS, FTS_DELETE, FTS_INSERT
from .seen import Seen
from .shape import pack


LOAD_CACHE_KIB = 2048
WRITE_CACHE_KIB = 8192


def fit_cache(conn: sqlite3.Connection, load: bool = False) -> None:
    """A page cache of a quarter of the register, from 4 to 8 MiB. A load into an empty register
    (`load`: schema.suspend) grows only its key indexes at random, and keeps 2 MiB: 100,000 records
    took 17.6-18.3 s with 4 MiB, 18.0-18.4 s with the quarter (46 MiB), their peak 72 MB against
    130 MB; 2 MiB took the time 4 took (15.69-15.92 s against 15.72-15.77; 1,000,000: 210 s against
    213), 2 MB less. Into a register that holds agreements, a quarter of it up to 64 MiB was kept
    while each party's count went in by a trigger, a row at random (adding 10,000 to 100,000: 2.6 s
    with 4 MiB, 2.0-2.2 s with 46); with the counts a batch at once, in the order of the territories
    (Writer._insert), 8 MiB takes about the time 46 took (1.80-1.98 s against 1.71-1.84), at a peak
    of 57 MB against 95."""
    if load:
        conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
        return
    pages, size = (conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size"))
    kib = min(max(pages * size // 4096, 4096), WRITE_CACHE_KIB)
    conn.execute(f"PRAGMA cache_size = -{kib}")


@lru_cache(maxsize=16)  # an import asks for one record's pair two or three times (may_hold, pair_rows, add)
def pair_hash(key: str) -> int:
    """The stored form of a pair key ('twinning | 12 | 40'): eight bytes of its BLAKE2 digest, as
    a signed 64-bit integer. A column and an index of eight-byte numbers where the text took three
    times as much; two pairs of one hash (one chance in 2**64 a pair of keys) are told apart by
    their parties (pair_rows)."""
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def pair_rows(conn: sqlite3.Connection, pair: str, columns: str) -> list[tuple]:
    """The stored agreements of this pair key (Writer.pair_key), as rows of `columns` (of
    `agreements a`): those of its hash whose kind and parties are the key's."""
    rows = conn.execute(f"SELECT {columns}, a.kind, (SELECT group_concat(p.territory_id) FROM agreement_parties p"
                        " WHERE p.agreement = a.id) FROM agreements a WHERE a.pair_key = ?", (pair_hash(pair),))
    return [row[:-2] for row in rows
            if " | ".join([row[-2], *sorted(row[-1].split(",") if row[-1] else [])]) == pair]


# Each table's columns in insert order; rows are built as tuples in this order.
COLUMNS = {
    "agreements": ("slug", "id", "title", "kind", "status", "signed_on", "signed_on_inferred", "signed_on_note",
                   "valid_from", "valid_until", "date", "year", "pair_key", "parties",
                   "countries", "domains", "topics", "summary", "note", "record"),
    "agreement_parties": ("agreement", "territory_id", "position"),
    "agreement_domains": ("agreement", "domain"),
    "events": ("agreement", "position", "date", "end"),
}
CURRENT = f"SELECT rowid, {', '.join(COLUMNS['agreements'])} FROM agreements WHERE slug = ?"
INSERTS = {table: f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                  f"VALUES ({', '.join('?' * len(columns))})"
           for table, columns in COLUMNS.items()}


# A load into a register of at most PRELOAD agreements reads their pairs and slugs first (about
# 10 ms), so that each record then asks the register only about a pair or slug it may hold; one
# into a register of at most SMALL makes the read-only indexes and the counts at the end, as into
# an empty one (schema.suspend). Both for the first import into the seeded register above all:
# 25,000 pairs took 9.4-11.0 s there, 6.6-7.7 s into an empty register.
PRELOAD = 20_000
SMALL = 1_000


class Writer:
    """Lays validated agreements out in the tables, a batch of rows at a time.

    Rows wait in memory until `flush` (every BATCH agreements, and before anything
    reads what they would change), then go in with one executemany per table.
    """

    BATCH = 2000  # adding 10,000 to 100,000: 1.68-1.73 s 2,000 at a time, 1.75-1.84 s 500 at a time
    # A load into an empty register: 4 MB less than 2,000 at their flush, in no more time; 250 (and the
    # checker's 1,024 keys) 1 MB less at 100,000 than 500 (and 2,048), 2 MB at 1,000,000, in the same time.
    LOAD_BATCH = 250

    def __init__(self, db, bulk: bool = False, unique_slugs: bool = False,
                 done: Callable[[], float | None] | None = None, by_territory: bool = False):
        """`bulk`: a load that ends with `finish` (write, prune); into an empty or small register it
        makes the read-only indexes and the counts once, at the end (schema.suspend), into a larger
        one it adds the counts a batch at once (schema.set_aside_counting), and it reads the keys
        of a register of up to PRELOAD agreements first. `unique_slugs`: the caller refuses
        a slug twice itself (validate.Checker), so that into an empty register it never asks
        `may_hold("slug")`: the slugs are then not remembered (half the filter's memory). `done`:
        the share of a load's input read so far (seen.Seen). `by_territory`: the load reads the
        parties by territory as it goes (a Wikidata import), whose index it then keeps row by row."""
        from .identity import Resolver

        self.db = db
        self.conn = db.conn
        self.resolver = Resolver(db.conn, preload=bulk)
        self.pending: dict[str, list[tuple]] = {table: [] for table in COLUMNS}
        self.waiting = 0
        # What the pending rows hold, so that a check before the next flush sees them too.
        self.pending_pairs: dict[str, str] = {}  # pair key -> the slug of the record queued for it
        self.pending_slugs: set[str] = set()
        self.resolved: tuple = (None, [])
        self.countries = {row[0] for row in self.conn.execute("SELECT code FROM country_labels")}
        # Agreements up to this rowid were there before this writer: those after it, it wrote.
        # (A writer is made inside its transaction: no other writer adds rows meanwhile.)
        self.first_rowid = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM agreements").fetchone()[0]
        self.next_id = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM agreements").fetchone()[0]
        # A load into an empty register, or one as small as the seed, makes the read-only indexes and
        # counts once at the end (rebuilding them over a thousand agreements costs a few ms).
        self.suspended = bulk and self.first_rowid <= SMALL
        # Into a register with no agreement, the pairs and slugs this writer wrote are all there is;
        # into a small one (the seed's five), those it holds are read first, at once.
        self.written = Seen(done=done if self.first_rowid == 0 else None) \
            if self.first_rowid == 0 or bulk and self.first_rowid <= PRELOAD else None
        self.slugs_written = not (unique_slugs and self.first_rowid == 0)  # kept in `written`
        if self.written is not None and self.first_rowid:
            for hashed, slug in self.conn.execute("SELECT pair_key, slug FROM agreements"):
                self.written.add(("pair", hashed))
                self.written.add(("slug", slug))
        self.fts_trigger: str | None = None  # the update trigger's SQL while `replace` does its work ("": none)
        # Into a register that holds agreements, a load keeps the counts itself (_insert), a batch at once.
        self.counting: list[str] | None = None  # the count triggers set aside meanwhile
        if self.suspended:
            schema.suspend(self.conn, parties=not by_territory)
            fit_cache(self.conn, load=True)
        elif bulk:
            self.counting = schema.set_aside_counting(self.conn)

    def territory_id(self, party) -> int:
        """The territory a party is (identity.Resolver)."""
        return self.resolver.territory_id(party)

    def delete(self, slug: str) -> None:
        if slug in self.pending_slugs:  # queued, not yet written: write it first (else nothing waits)
            self.flush()
        row = self.conn.execute("SELECT id FROM agreements WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            return
        for table in CHILD_TABLES:
            self.conn.execute(f"DELETE FROM [{table}] WHERE agreement = ?", row)
        self.conn.execute("DELETE FROM agreements WHERE id = ?", row)

    def current(self, slug: str) -> tuple | None:
        """The stored row of `slug` as `replace` reads it: its rowid, then COLUMNS['agreements']."""
        if slug in self.pending_slugs:
            self.flush()
        return self.conn.execute(CURRENT, (slug,)).fetchone()

    def replace(self, a: Agreement, pair: str | None = None, row: tuple | None = None) -> None:
        """An agreement in the register given new content (--update), in place: its id kept, only
        the columns and child rows that changed written, so that only their indexes are touched.
        `row`: what `current` gave for its slug, when the caller has it already."""
        names = COLUMNS["agreements"]
        row = row or self.current(a.slug)
        if row is None:
            return self.add(a, pair)
        rowid, old = row[0], row[1:]
        ident = old[names.index("id")]
        pair = pair or self.pair_key(a)
        hashed = pair_hash(pair)
        if self.written is not None:
            self.written.add(("pair", hashed))
        new = self._row(a, ident, hashed)
        changed = [(name, value) for name, was, value in zip(names, old, new) if was != value]
        indexed = any(name in FTS_COLUMNS for name, _ in changed)
        if indexed:  # the old text out of the index by hand (schema.set_aside_fts_update_trigger)
            if self.fts_trigger is None:
                self.fts_trigger = schema.set_aside_fts_update_trigger(self.conn)
            self.conn.execute(FTS_DELETE, [rowid, *(old[names.index(c)] for c in FTS_COLUMNS)])
        if changed:
            self.conn.execute(f"UPDATE agreements SET {', '.join(f'[{name}] = ?' for name, _ in changed)}"
                              " WHERE id = ?", [value for _, value in changed] + [ident])
        if indexed:
            self.conn.execute(FTS_INSERT, [rowid, *(new[names.index(c)] for c in FTS_COLUMNS)])
        columns_changed = {name for name, _ in changed}
        children = self._children(a, ident)
        self.resolver.flush()  # the territories its rows name, before they are written
        for table, rows in children.items():
            if table == "agreement_domains" and "domains" not in columns_changed \
                    or table == "events" and "record" not in columns_changed:
                continue  # the list they are made of did not change (the record holds the events)
            columns = COLUMNS[table]
            there = self.conn.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]"
                                      " WHERE agreement = ?", (ident,)).fetchall()
            if set(there) != set(rows):
                self.conn.execute(f"DELETE FROM [{table}] WHERE agreement = ?", (ident,))
                self._insert(table, rows)

    def write(self, agreements: Iterable[Agreement]) -> int:
        count = 0
        for a in agreements:
            self.add(a)
            count += 1
        self.finish()
        return count

    def finish(self) -> None:
        """Everything queued written; after a suspended load, its counts and indexes made; the
        full-text index's update trigger and the count triggers back if they were set aside."""
        self.flush()
        if self.fts_trigger:
            self.conn.execute(self.fts_trigger)
        self.fts_trigger = None
        for name in self.counting or ():
            self.conn.execute(schema.COUNTING[name])
        self.counting = None  # the triggers count what is written after this
        if self.suspended:
            self.resolver.clear()  # its memory is the sorts' next (schema.resume)
            schema.resume(self.conn)
            self.suspended = False

    def may_hold(self, what: str, key: str) -> bool:
        """False when the register certainly holds no agreement of this pair (`what`: "pair") or
        slug ("slug"): it had none when this writer began, and this writer wrote none."""
        if what == "slug" and not self.slugs_written:
            return True  # not remembered: perhaps
        return self.written is None or (what, pair_hash(key) if what == "pair" else key) in self.written

    def pair_key(self, a: Agreement) -> str:
        """Kind and the parties' territories, as an unordered set: the same two places in either
        order, under any spelling that resolves to them, are one pair; two towns of one name,
        told apart, are two pairs. Resolving may add territories; `prune` removes the unused."""
        ids = [self.territory_id(p) for p in a.parties]
        self.resolved = (a, ids)  # add() of this very agreement, next, need not resolve them again
        return " | ".join([a.kind, *sorted(map(str, ids))])

    def prune(self) -> None:
        """Territories that no agreement names (a resolved party whose record was then refused)."""
        self.finish()
        self.conn.execute("DELETE FROM territories WHERE agreements = 0")
        self.resolver.clear()

    def add(self, a: Agreement, pair: str | None = None) -> None:
        """Queue one agreement's rows; `pair` when the caller has it already."""
        s = self.next_id
        self.next_id += 1
        pair = pair or self.pair_key(a)
        hashed = pair_hash(pair)
        if self.written is not None:
            self.written.add(("pair", hashed))
            if self.slugs_written:
                self.written.add(("slug", a.slug))
        self.pending_pairs[pair] = a.slug
        self.pending_slugs.add(a.slug)
        self.pending["agreements"].append(self._row(a, s, hashed))
        for table, rows in self._children(a, s).items():
            self.pending[table] += rows
        self.waiting += 1
        if self.waiting >= (self.LOAD_BATCH if self.suspended else self.BATCH):
            self.flush()

    def _row(self, a: Agreement, ident: int, hashed: int) -> tuple:
        """The agreements table's row (COLUMNS order); a country new to the register gets its label."""
        date = a.sort_date()
        for p in a.parties:
            if p.country not in self.countries:
                self.countries.add(p.country)
                self.conn.execute("INSERT OR IGNORE INTO country_labels VALUES (?, ?)",
                                  (p.country, country_label(p.country)))
        return (a.slug, ident, a.title, a.kind, a.status, a.signed_on, int(a.signed_on_inferred), a.signed_on_note,
                a.valid_from, a.valid_until, date, int(date[:4]) if date else None, hashed,
                "; ".join(p.name for p in a.parties), "; ".join(dict.fromkeys(p.country for p in a.parties)),
                "; ".join(a.domains), "; ".join(a.topics), a.summary, a.note, pack(a))

    def _children(self, a: Agreement, ident: int) -> dict[str, list[tuple]]:
        ids = self.resolved[1] if self.resolved[0] is a else [self.territory_id(p) for p in a.parties]
        return {"agreement_parties": [(ident, tid, i) for i, tid in enumerate(ids)],
                "agreement_domains": [(ident, d) for d in a.domains],
                "events": [(ident, i, e.date, e.end) for i, e in enumerate(a.events)]}

    def flush(self) -> None:
        self.resolver.flush()  # the territories the rows name, first
        last = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM agreements").fetchone()[0]
        for table, rows in self.pending.items():
            if rows:
                self._insert(table, rows)
                rows.clear()
        columns = ", ".join(FTS_COLUMNS)
        self.conn.execute(f"INSERT INTO agreements_fts (rowid, {columns}) "
                          f"SELECT rowid, {columns} FROM agreements WHERE rowid > ?", (last,))
        self.waiting = 0
        fit_cache(self.conn, load=self.suspended)
        self.pending_pairs.clear()
        self.pending_slugs.clear()

    def _insert(self, table: str, rows: list[tuple]) -> None:
        """A child table's rows written, and counted where the count triggers are set aside."""
        self.conn.executemany(INSERTS[table], rows)
        if self.counting is not None and table in ("agreement_parties", "agreement_domains"):
            counts = Counter(row[1] for row in rows)  # the territory's id, the domain
            if table == "agreement_parties":
                self.conn.executemany(schema.COUNT_PARTIES, [(n, tid) for tid, n in sorted(counts.items())])
            else:
                self.conn.executemany(schema.COUNT_DOMAINS, sorted(counts.items()))
