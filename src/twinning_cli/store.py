"""The write side: seed, and storing validated agreements (the tables themselves: schema.py).

Every write happens inside one `db.atomic()` block, so a failed command leaves
the database exactly as it was. Records arrive here already validated
(model.Agreement); this module only lays them out in tables.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import sqlite_utils

from . import db as dbmod
from . import schema
from .countries import label as country_label
from .errors import DataError
from .i18n import _
from .model import Agreement
from .schema import CHILD_TABLES, FTS_COLUMNS, create_schema  # noqa: F401  (create_schema: store's API)
from .shape import STORED, compact, pack

BUSY_TIMEOUT_MS = 60_000


def seed_path() -> Path:
    """The bundled seed: inside the wheel, or data/seed.json in a source checkout."""
    bundled = resources.files("twinning_cli") / "seed.json"
    if bundled.is_file():
        return Path(str(bundled))
    return Path(__file__).resolve().parents[2] / "data" / "seed.json"


def load_seed() -> list[Agreement]:
    from .validate import parse_records

    return parse_records(json.loads(seed_path().read_text(encoding="utf-8")), origin="seed")


def open_db(path: Path) -> sqlite_utils.Database:
    """Open (or create) a register for writing: WAL, busy timeout, foreign keys."""
    if path.exists():
        dbmod.check_file(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite_utils.Database(path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: never corrupt, commits stay atomic
        db.execute("PRAGMA foreign_keys = ON")
        fit_cache(db.conn)
        version = dbmod.version_of(db.conn)
    except sqlite3.DatabaseError as error:
        raise DataError(_("{path} is not a usable database: {error}{RECOVER}").format(
                            path=path, error=error, RECOVER=dbmod.RECOVER)) from None
    dbmod.check_version(path, version)
    return db


def fit_cache(conn: sqlite3.Connection) -> None:
    """A page cache of a quarter of the register, from 4 to 64 MiB: the indexes a write grows at
    random stay in memory, and a small register costs little memory. Set again as an import grows."""
    pages, size = (conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size"))
    kib = min(max(pages * size // 4096, 4096), 65536)
    conn.execute(f"PRAGMA cache_size = -{kib}")


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database, path: Path) -> Iterator[None]:
    """One write transaction, taken at once (BEGIN IMMEDIATE) so that two writers queue
    behind the busy timeout instead of failing; rolled back on any error."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise _write_error(path, error) from None
    try:
        yield
        db.execute("COMMIT")
    except BaseException as error:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError):
            raise _write_error(path, error) from None
        raise


def _write_error(path: Path, error: sqlite3.OperationalError) -> DataError:
    text = str(error)
    if "readonly" in text:
        return DataError(_('cannot write {path}: the database is read-only').format(path=path))
    if "full" in text:
        return DataError(_('cannot write {path}: the disk is full').format(path=path))
    if "locked" in text or "busy" in text:
        return DataError(_('cannot write {path}: another process holds the register; try again').format(path=path))
    return DataError(_('cannot write {path}: {text}').format(path=path, text=text))


def slug_key(slug: str) -> str:
    """The slug's words in sorted order: 'quebec-rennes' and 'rennes-quebec' share it."""
    return " ".join(sorted(slug.split("-")))


# Each table's columns in insert order; rows are built as tuples in this order.
COLUMNS = {
    "agreements": ("slug", "id", "title", "kind", "status", "signed_on", "signed_on_inferred", "signed_on_note",
                   "valid_from", "valid_until", "date", "year", "slug_key", "pair_key", "parties",
                   "countries", "domains", "topics", "summary", "note", "record"),
    "agreement_parties": ("agreement", "territory_id", "position"),
    "agreement_domains": ("agreement", "domain"),
    "events": ("agreement", "position", "date", "end"),
}
INSERTS = {table: f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                  f"VALUES ({', '.join('?' * len(columns))})"
           for table, columns in COLUMNS.items()}


class Writer:
    """Lays validated agreements out in the tables, a batch of rows at a time.

    Rows wait in memory until `flush` (every BATCH agreements, and before anything
    reads what they would change), then go in with one executemany per table.
    """

    BATCH = 2000

    def __init__(self, db: sqlite_utils.Database, bulk: bool = False):
        """`bulk`: a load that ends with `finish` (write, prune); into an empty register it makes the
        read-only indexes and the counts once, at the end (schema.suspend)."""
        from .identity import Resolver

        self.db = db
        self.conn = db.conn
        self.resolver = Resolver(db.conn)
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
        self.suspended = bulk and self.first_rowid == 0
        if self.suspended:
            schema.suspend(self.conn)

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

    def write(self, agreements: Iterable[Agreement]) -> int:
        count = 0
        for a in agreements:
            self.add(a)
            count += 1
        self.finish()
        return count

    def finish(self) -> None:
        """Everything queued written; after a suspended load, its counts and indexes made."""
        self.flush()
        if self.suspended:
            schema.resume(self.conn)
            self.suspended = False

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
        date = a.sort_date()
        s = self.next_id
        self.next_id += 1
        rows = self.pending
        pair = pair or self.pair_key(a)
        self.pending_pairs[pair] = a.slug
        self.pending_slugs.add(a.slug)
        rows["agreements"].append((
            a.slug, s, a.title, a.kind, a.status, a.signed_on, int(a.signed_on_inferred), a.signed_on_note,
            a.valid_from, a.valid_until, date, int(date[:4]) if date else None, slug_key(a.slug), pair,
            "; ".join(p.name for p in a.parties), "; ".join(dict.fromkeys(p.country for p in a.parties)),
            "; ".join(a.domains), "; ".join(a.topics), a.summary, a.note,
            pack(a)))
        ids = self.resolved[1] if self.resolved[0] is a else [self.territory_id(p) for p in a.parties]
        rows["agreement_parties"] += [(s, tid, i) for i, tid in enumerate(ids)]
        rows["agreement_domains"] += [(s, d) for d in a.domains]
        rows["events"] += [(s, i, e.date, e.end) for i, e in enumerate(a.events)]
        for p in a.parties:
            if p.country not in self.countries:
                self.countries.add(p.country)
                self.conn.execute("INSERT OR IGNORE INTO country_labels VALUES (?, ?)", (p.country, country_label(p.country)))
        self.waiting += 1
        if self.waiting >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        last = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM agreements").fetchone()[0]
        for table, rows in self.pending.items():
            if rows:
                self.conn.executemany(INSERTS[table], rows)
                rows.clear()
        columns = ", ".join(FTS_COLUMNS)
        self.conn.execute(f"INSERT INTO agreements_fts (rowid, {columns}) "
                          f"SELECT rowid, {columns} FROM agreements WHERE rowid > ?", (last,))
        self.waiting = 0
        fit_cache(self.conn)
        self.pending_pairs.clear()
        self.pending_slugs.clear()


def create(path: Path, records: list[Agreement]) -> bool:
    """Create a register at `path` holding `records` only if nothing is there yet; True if this
    process made it. It is built in a temporary file and linked into place, which fails when
    another process got there first: concurrent first commands all use the one register."""
    import os
    import tempfile

    from .streams import _mode

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        os.chmod(temporary, _mode(path))
        init(temporary, records)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: rename, unless a register appeared meanwhile
            if path.exists():
                return False
            os.replace(temporary, path)
        return True
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)


def move_aside(path: Path) -> Path:
    """Rename a damaged register (and its -wal and -shm files) out of the way; where it went."""
    import time

    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("-wal", "-shm", ""):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.rename(Path(f"{aside}{suffix}"))
    return aside


def init(path: Path, records: list[Agreement]) -> int:
    """(Re)create the register at `path` holding `records`, all or nothing."""
    db = open_db(path)
    try:
        with transaction(db, path):
            create_schema(db)
            return Writer(db, bulk=True).write(records)
    finally:
        db.close()


def migrate(path: Path) -> int | None:
    """Bring an older register to this schema in one transaction, keeping every record.

    Each version's tables are rebuilt from the records' own JSON, which every
    version has kept whole. Returns the old version, or None if it was current.
    """
    db = open_db(path)
    try:
        with transaction(db, path):
            old = dbmod.version_of(db.conn)
            if old >= dbmod.SCHEMA_VERSION:
                return None
            records = [Agreement.model_validate_json(row[0]) for row in db.execute(
                "SELECT record FROM agreements ORDER BY rowid")] if old < 6 else [
                Agreement.model_validate(compact(row)) for row in db.execute(
                    f"SELECT {STORED} FROM agreements a ORDER BY rowid")]
            aliases = (db.execute("SELECT name_key, country, name FROM territory_aliases").fetchall()
                       if "territory_aliases" in db.table_names() else [])
            create_schema(db)
            db.conn.executemany("INSERT INTO territory_aliases VALUES (?, ?, ?)", aliases)
            Writer(db, bulk=True).write(records)
            if old < 5:
                db.conn.executemany("INSERT INTO register_notes (note) VALUES (?)",
                                    ((note,) for note in _merged_before_5(db)))
            return old
    finally:
        db.close()


def _merged_before_5(db: sqlite_utils.Database) -> list[str]:
    """Territories that the key of schemas 1-4 (the name without accents, in its country) made
    one, and that are told apart now: what an older version had merged."""
    import unicodedata

    def old_key(name: str) -> str:
        stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        return " ".join(stripped.casefold().replace("\u2019", "'").split())

    groups: dict[tuple[str, str], dict[str, str]] = {}
    for name, key, country in db.execute("SELECT name, name_key, country FROM territories ORDER BY id"):
        groups.setdefault((old_key(name), country), {}).setdefault(key, name)
    return [f"kept apart: {' / '.join(names.values())} ({country}) were one territory before schema 5, "
            "whose key dropped accents; each agreement now names its own"
            for (_, country), names in groups.items() if len(names) > 1]
