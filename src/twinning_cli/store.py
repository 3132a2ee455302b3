"""The write side: seed, and storing validated agreements (the tables themselves: schema.py).

Every write happens inside one `db.atomic()` block, so a failed command leaves
the database exactly as it was. Records arrive here already validated
(model.Agreement); this module only lays them out in tables.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from . import db as dbmod
from .errors import DataError
from .i18n import _
from .model import Agreement
from .schema import create_schema, to_schema_9
from .shape import STORED, compact
from .vocabulary import search_key
from .writer import Writer, fit_cache

BUSY_TIMEOUT_MS = 60_000


def seed_path() -> Path:
    """The bundled seed: inside the wheel, or data/seed.json in a source checkout."""
    bundled = resources.files("twinning_cli") / "seed.json"
    if bundled.is_file():
        return Path(str(bundled))
    return Path(__file__).resolve().parents[2] / "data" / "seed.json"


def load_seed() -> list[Agreement]:
    from .validate import parse_records

    path = seed_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:  # a copy of the code without its data: say so, and what to do
        raise DataError(_("the bundled seed cannot be read ({path}: {error}): reinstall twinning, or start "
                          "without it with 'twinning init --empty'").format(path=path, error=error.strerror)) from None
    return parse_records(json.loads(text), origin="seed")


class Register:
    """A register open for writing: its connection, with the few conveniences the write side
    uses. sqlite-utils (and its plugins) is loaded only where a schema is made (schema.py): an
    import or an `add` starts a tenth of a second sooner and in 3 MB less without it."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils' Database set it before

    @classmethod
    def memory(cls) -> Register:
        return cls(sqlite3.connect(":memory:"))

    def execute(self, sql: str, parameters: tuple | list = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def table_names(self) -> list[str]:
        return [name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()


def open_db(path: Path) -> Register:
    """Open (or create) a register for writing: WAL, busy timeout, foreign keys."""
    if path.exists():
        dbmod.check_file(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Register(sqlite3.connect(str(path)))
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


@contextlib.contextmanager
def transaction(db: Register, path: Path) -> Iterator[None]:
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
    db.execute("PRAGMA foreign_keys = OFF")  # to_schema_9 drops the table the others refer to
    try:
        old = _migrate(db, path)
        if old is not None:
            _give_back_free_pages(db)
        return old
    finally:
        db.close()


def _migrate(db: Register, path: Path) -> int | None:
    """migrate's one transaction: the old version, or None if the register was current."""
    with transaction(db, path):
        old = dbmod.version_of(db.conn)
        if old >= dbmod.SCHEMA_VERSION:
            return None
        if old in (6, 7, 8):  # the same tables, changed in place
            if old == 6:  # the form territories are found by
                db.conn.create_function("search_key", 1, search_key, deterministic=True)
                db.execute("UPDATE territories SET name_folded = search_key(name)")
            if old < 8:  # the date an agreement with no signature date is filed under
                db.execute("UPDATE agreements SET date = valid_from, year = CAST(substr(valid_from, 1, 4) AS"
                           " INTEGER) WHERE signed_on IS NULL AND valid_from IS NOT NULL")
            to_schema_9(db.conn)  # the pair's key a number, no slug_key
            db.execute(f"PRAGMA user_version = {dbmod.SCHEMA_VERSION}")
            return old
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


def _give_back_free_pages(db: Register) -> None:
    """After a migration, the pages its old tables held beyond what the new ones took, where they
    are a twentieth of the file or more: VACUUM, in about a second for 100,000 agreements (228 MB
    made 196 MB; a fresh import of them makes 185 MB). Not done is no harm: later writes take the
    free pages first."""
    try:
        free, pages = (db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
        if pages and free * 20 >= pages:
            db.execute("VACUUM")
    except sqlite3.Error:
        pass  # another process holds the register: its file keeps the free pages for later writes


def _merged_before_5(db: Register) -> list[str]:
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
