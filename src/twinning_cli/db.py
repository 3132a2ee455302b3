"""Where the register lives and how a reader opens it.

Stdlib only, so read commands start fast. Writers (store.py) reuse `locate`
and `check_file` before they touch anything.
"""

from __future__ import annotations

import os
import sqlite3
from collections import namedtuple
from pathlib import Path

from .errors import DataError, NotFound
from .i18n import N_, _

SCHEMA_VERSION = 9  # 2: agreements.pair_key; 3: the writer fills the FTS index; 4: domain_counts;
# 5: territories keyed by the name as written (name_key), with wikidata and geonames ids;
# 6: each fact stored once (scalars in columns, lists in `record`), three child tables WITHOUT ROWID;
# 7: territories.name_folded is vocabulary.search_key ('St-Étienne' -> 'saint etienne');
# 8: an agreement with no signature date is filed under the start of its validity (date, year);
# 9: agreements.pair_key a 64-bit hash of the pair (writer.pair_hash), no slug_key
ENV_VAR = "TWINNING_DB"
SQLITE_HEADER = b"SQLite format 3\x00"


RECOVER = N_("; if it is a damaged register, 'twinning init --force' moves it aside and creates a new one")

# named: given with --db, where a missing file is a mistake, not a first use
Location = namedtuple("Location", "path named")


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("twinning", appauthor=False) / "twinning.db"


def locate(option: str | None) -> Location:
    """--db wins, then TWINNING_DB, then the user's data directory."""
    if option:
        return Location(Path(option).expanduser(), named=True)
    if os.environ.get(ENV_VAR):
        return Location(Path(os.environ[ENV_VAR]).expanduser(), named=False)
    return Location(default_path(), named=False)


def check_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database, before SQLite touches it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise DataError(_('{path} is a directory, not a database').format(path=path)) from None
    except PermissionError:
        raise DataError(_('cannot read {path}: permission denied').format(path=path)) from None
    if header and header != SQLITE_HEADER:
        raise DataError(_("{path} is not a twinning database (not an SQLite file){RECOVER}").format(
                            path=path, RECOVER=_(RECOVER)))


def connect(path: Path) -> sqlite3.Connection:
    """Open an existing register for reading and check its schema version."""
    if not path.exists():
        raise NotFound(_("no database at {path} (run 'twinning init --db {path}' to create one)").format(path=path))
    check_file(path)
    try:
        conn = sqlite3.connect(f"file:{uri_path(path)}?mode=ro", uri=True)
        conn.execute("PRAGMA busy_timeout = 5000")
        version = version_of(conn)
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'agreements'").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DataError(_("{path} is not a usable database: {error}{RECOVER}").format(
                            path=path, error=error, RECOVER=_(RECOVER))) from None
    check_version(path, version)
    if not tables:
        raise DataError(_("{path} holds no register (run 'twinning init --db {path}')").format(path=path))
    return conn


def uri_path(path: Path) -> str:
    """A path as SQLite reads it in a file: URI: '%', '?' and '#' escaped, so 'reg#1.db' opens
    reg#1.db and not 'reg'."""
    return str(path.absolute()).replace("%", "%25").replace("?", "%3F").replace("#", "%23")


def check_version(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise DataError(
            _("{path} has schema version {version}, newer than this twinning ({SCHEMA_VERSION}): upgrade twinning").format(
                path=path, version=version, SCHEMA_VERSION=SCHEMA_VERSION)
        )


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]
