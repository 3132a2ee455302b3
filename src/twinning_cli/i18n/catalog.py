"""The catalog's upkeep (`python scripts/i18n.py`): every message the interface can show, found by
Babel in the sources (`_("…")`, `N_("…")`) and in the command tree (every command's help and
every option's), merged into fr.po (translations kept, new messages added empty, gone ones
dropped) and compiled to fr.mo."""

from __future__ import annotations

import io
import re

from . import HERE

SOURCES = HERE.parent
PO, MO = HERE / "fr.po", HERE / "fr.mo"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages() -> dict[str, str]:
    """Every translatable message, with where it comes from."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(SOURCES), keywords={"_": None, "N_": None, "tr": None}, comment_tags=(),
            method_map=[("**.py", "python")]):
        if isinstance(message, str) and message:
            found.setdefault(message, f"{filename}:{line}")
    for text, where in _help_texts():
        found.setdefault(text, where)
    return found


def _help_texts():
    import typer

    from ..cli import app

    def walk(command, path):
        for field in ("help", "short_help", "epilog"):
            if getattr(command, field, None):
                yield getattr(command, field), f"help: {' '.join(path) or 'twinning'}"
        for param in command.params:
            if getattr(param, "help", None):
                yield param.help, f"help: {' '.join(path) or 'twinning'} {param.opts[0] if param.opts else ''}"
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    yield from walk(typer.main.get_command(app), [])


def read() -> "object":
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        return read_po(handle, locale="fr")


def update() -> tuple[int, int]:
    """fr.po with every message of the sources (untranslated ones empty), and fr.mo from it:
    (messages, of which untranslated)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    old = read() if PO.exists() else Catalog(locale="fr")
    new = Catalog(locale="fr", project="twinning", charset="utf-8")
    for message, where in sorted(messages().items(), key=lambda item: item[1]):
        before = old.get(message)
        new.add(message, before.string if before else "", auto_comments=[where])
    with PO.open("wb") as handle:
        write_po(handle, new, width=100, omit_header=False, sort_output=False)
    MO.write_bytes(compiled(new))
    return len(new), sum(1 for m in new if m.id and not m.string)


def compiled(catalog=None) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog if catalog is not None else read(), use_fuzzy=False)
    return buffer.getvalue()


def problems() -> list[str]:
    """Messages of the sources with no French, or with other placeholders than the English."""
    catalog = read()
    found = []
    for message, where in messages().items():
        entry = catalog.get(message)
        if entry is None or not entry.string:
            found.append(f"{where}: no translation: {message[:70]!r}")
        elif sorted(PLACEHOLDER.findall(entry.string)) != sorted(PLACEHOLDER.findall(message)):
            found.append(f"{where}: placeholders differ: {message[:70]!r}")
    return found
