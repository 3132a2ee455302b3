"""Help and usage errors in the interface's language: Typer's command classes, whose help texts
(docstrings and option helps, all in the catalog) and Click's own words (Usage, Options, Error,
No such option…) are given in French when the interface is French."""

from __future__ import annotations

import re

import typer.core

from . import N_, _, french

# Click's own words, as it writes them, and how each is found in what it writes.
CLICK_WORDS = [
    (re.compile(r"^Usage: ", re.MULTILINE), N_("Usage: ")),
    (re.compile(r"^Options:$", re.MULTILINE), N_("Options:")),
    (re.compile(r"^Commands:$", re.MULTILINE), N_("Commands:")),
    (re.compile(r"^Arguments:$", re.MULTILINE), N_("Arguments:")),
    (re.compile(r"Show this message and exit\."), N_("Show this message and exit.")),
    (re.compile(r"\[default: "), N_("[default: ")),
    (re.compile(r"\[required\]"), N_("[required]")),
    (re.compile(r"^Error: ", re.MULTILINE), N_("Error: ")),
    (re.compile(r"^Aborted!$", re.MULTILINE), N_("Aborted!")),
]
# Click's error sentences, with what varies in them kept.
CLICK_ERRORS = [
    (re.compile(r"Try '(?P<command>[^']+)' for help\."), N_("Try '{command}' for help.")),
    (re.compile(r"No such option: (?P<option>\S+)"), N_("No such option: {option}")),
    (re.compile(r"\(Possible options: (?P<options>[^)]+)\)"), N_("(Possible options: {options})")),
    (re.compile(r"Did you mean (?P<option>\S+)\?"), N_("Did you mean {option}?")),
    (re.compile(r"Missing argument '(?P<name>[^']+)'\."), N_("Missing argument '{name}'.")),
    (re.compile(r"Missing option '(?P<name>[^']+)'\."), N_("Missing option '{name}'.")),
    (re.compile(r"Option '(?P<name>[^']+)' requires an argument\."), N_("Option '{name}' requires an argument.")),
    (re.compile(r"Got unexpected extra arguments? \((?P<extra>[^)]*)\)"), N_("Got unexpected extra argument ({extra})")),
    (re.compile(r"Invalid value for '(?P<name>[^']+)': "), N_("Invalid value for '{name}': ")),
    (re.compile(r"'(?P<value>[^']*)' is not a valid integer\."), N_("'{value}' is not a valid integer.")),
    (re.compile(r"No such command '(?P<name>[^']+)'\."), N_("No such command '{name}'.")),
    (re.compile(r"(?P<value>\S+) is not in the range (?P<range>\S+)\."), N_("{value} is not in the range {range}.")),
]


def click_text(text: str) -> str:
    """What Click wrote, in the interface's language."""
    if not french():
        return text
    for pattern, words in CLICK_WORDS:
        text = pattern.sub(_(words).replace("\\", "\\\\"), text)
    for pattern, sentence in CLICK_ERRORS:
        text = pattern.sub(lambda m, s=sentence: _(s).format(**m.groupdict()), text)
    return text


class _Translated:
    """Help texts swapped for their translation while the help is written, then put back."""

    def get_help(self, ctx) -> str:
        if not french():
            return super().get_help(ctx)
        saved = _swap(self)
        try:
            return click_text(super().get_help(ctx))
        finally:
            for target, field, value in saved:
                setattr(target, field, value)

    def get_usage(self, ctx) -> str:
        return click_text(super().get_usage(ctx))


def _swap(command) -> list[tuple]:
    saved = []

    def swap(target, field):
        value = getattr(target, field, None)
        if value:
            saved.append((target, field, value))
            setattr(target, field, _(value))

    for field in ("help", "short_help", "epilog"):
        swap(command, field)
    for param in command.params:
        swap(param, "help")
    for sub in getattr(command, "commands", {}).values():
        swap(sub, "short_help")
        swap(sub, "help")
    return saved


class Command(_Translated, typer.core.TyperCommand):
    pass


class Group(_Translated, typer.core.TyperGroup):
    pass


def install_errors() -> None:
    """Click's usage errors (shown before any of our code runs) in the interface's language."""
    from typer._click import exceptions

    if getattr(exceptions.UsageError.show, "translated", False):
        return
    original = exceptions.UsageError.show

    def show(self, file=None):
        import io
        import sys

        if not french():
            return original(self, file)
        buffer = io.StringIO()
        original(self, buffer)
        (file or sys.stderr).write(click_text(buffer.getvalue()))

    show.translated = True
    exceptions.UsageError.show = show
