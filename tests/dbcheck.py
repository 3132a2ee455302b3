"""Looking at a register file directly, beside the CLI, to check what a command did; and the pairs
lists tests feed it (import_pairs)."""

import sqlite3


def count(path) -> int:
    """Number of agreements in the register file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    finally:
        conn.close()


def dump(path) -> list[str]:
    """The whole database as SQL, to compare before and after."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def tamper(path, *statements: str) -> None:
    """Change the file behind the CLI's back, as a damaged or hand-edited register would be."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def scalar(path, sql: str):
    """The one value a query returns."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def rows(path, sql: str) -> list[tuple]:
    """Every row a query returns."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def import_pairs(run, tmp_path, text: str, *extra: str, name: str = "pairs.csv"):
    """`import --pairs` of a file holding `text`."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    return run("import", str(tmp_path / name), "--pairs", *extra)
