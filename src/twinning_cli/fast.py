"""The hot path: run a read command or a file import straight from argparse, without Typer.

Typer builds every command's parameters (with pydantic) before it runs one,
which costs a CSV read three times its work and every import a tenth of a
second. For the commands of options.READS and options.WRITES, this module
parses argv with the same option declarations and calls the same functions. Anything it does not fully understand (--help, a typo, an
unknown option) it leaves to Typer, which then gives the usual help and errors.
"""

from __future__ import annotations

import os
import sys


class _Defer(Exception):
    """argv is not one this path handles; Typer takes it."""


def _parser(read):
    import argparse

    from . import options

    class Parser(argparse.ArgumentParser):
        def error(self, message: str):
            raise _Defer

    parser = Parser(add_help=False, allow_abbrev=False, exit_on_error=False)
    if read.argument:
        parser.add_argument(read.argument[0])
    for name in read.options:
        opt = options.OPTIONS[name]
        if opt.type is bool:
            parser.add_argument(*opt.flags, dest=name, action="store_true")
        elif opt.pair:
            parser.add_argument(*opt.flags, dest=name, nargs=2, default=opt.default)
        else:
            parser.add_argument(*opt.flags, dest=name, type=opt.type, default=opt.default,
                                action="append" if opt.many else "store")
    return parser


def _parse(argv: list[str]):
    from . import options

    if not argv or any(a in ("-h", "--help", "--") for a in argv):
        raise _Defer
    name, rest = argv[0], argv[1:]
    if name == "territories" and rest[:1] == ["show"]:
        name, rest = "territories show", rest[1:]
    read = options.READS.get(name) or options.WRITES.get(name)
    if read is None:
        raise _Defer
    import argparse

    try:
        values = vars(_parser(read).parse_args(rest))
    except argparse.ArgumentError:  # a bad number ('--year abc'): Typer words the usage error
        raise _Defer from None
    for key, value in values.items():
        floor = options.OPTIONS[key].min if key in options.OPTIONS else None
        if floor is not None and value is not None and value < floor:
            raise _Defer  # Typer words the range error
    return read, values


def run(argv: list[str]) -> int | None:
    """Run argv if it is a read command this path understands: its exit code, or None."""
    if argv == ["--version"]:
        from . import __version__

        sys.stdout.write(f"twinning {__version__}\n")
        return 0
    if argv in (["--help"], ["-h"]) and _wide_enough():
        from .i18n import french

        # Typer's own top-level help, saved as help.txt and help.fr.txt; a test keeps them equal to Typer's.
        saved = "help.fr.txt" if french() else "help.txt"
        sys.stdout.write(open(os.path.join(os.path.dirname(__file__), saved), encoding="utf-8").read())
        return 0
    try:
        read, values = _parse(argv)
    except _Defer:
        return None
    import sqlite3

    from . import options, views, writing
    from .db import RECOVER
    from .errors import TwinningError
    from .hygiene import terminal_safe
    from .i18n import _

    write = isinstance(read, options.Write)
    if not write:  # a read makes rows and records by the thousand, none of them in a cycle: the
        import gc  # collector looking for cycles every 700 new objects cost 7 % of a whole dump

        gc.set_threshold(10_000)
    try:
        writing.run(read, values) if write else views.run(read, values)
        sys.stdout.flush()
    except TwinningError as error:
        sys.stderr.write(f"{_('Error: ')}{terminal_safe(error)}\n")
        return error.exit_code
    except sqlite3.DatabaseError as error:  # a register damaged behind our back, mid-command
        damaged = _("Error: the register could not be read or written: {error}") if write else \
            _("Error: the register could not be read: {error}")
        sys.stderr.write(damaged.format(error=error) + _(RECOVER) + "\n")
        return 1
    except KeyboardInterrupt:  # as Click says it: the write's transaction is rolled back
        sys.stderr.write("\n" + _("Aborted!") + "\n")
        return 1
    except BrokenPipeError:
        # The reader (head, less) has gone: say nothing, and stop writing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _wide_enough() -> bool:
    """Click wraps help at 78 columns on any terminal 80 wide or more, as help.txt is."""
    import shutil

    return shutil.get_terminal_size().columns >= 80
