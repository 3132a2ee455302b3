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


def as_schema_8(path, version: int = 8) -> None:
    """Give a register the agreements table of schemas 6 to 8 (a slug_key column and its index,
    the pair's key as text: 'twinning | 12 | 40') and that version number, as those wrote it."""
    conn = sqlite3.connect(path)
    try:
        conn.create_function("words", 1, lambda slug: " ".join(sorted(slug.split("-"))))
        conn.create_function("ids", 1, lambda ids: " | ".join(sorted(ids.split(","))))
        conn.execute("ALTER TABLE agreements ADD COLUMN slug_key TEXT")
        conn.execute("UPDATE agreements SET slug_key = words(slug), pair_key = kind || ' | ' || ids((SELECT"
                     " group_concat(territory_id) FROM agreement_parties WHERE agreement = agreements.id))")
        conn.execute("CREATE INDEX idx_agreements_slug_key ON agreements (slug_key)")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    finally:
        conn.close()
