"""How a function becomes a command: its options from options.py, --lang, and the one error
mapping (a TwinningError is one line on stderr and its exit code, never a traceback)."""

import functools
import inspect
import sqlite3
from typing import Annotated, Optional

import typer

from . import i18n, options
from .db import RECOVER
from .errors import TwinningError, UsageError
from .hygiene import terminal_safe
from .i18n import _


def _typer_param(name: str) -> inspect.Parameter:
    """A Typer option from its declaration in options.py."""
    opt = options.OPTIONS[name]
    kind = tuple[opt.type, opt.type] if opt.pair else list[opt.type] if opt.many else opt.type
    annotation = Optional[kind] if opt.default is None else kind
    info_ = typer.Option(*opt.flags, help=opt.help, metavar=opt.metavar, min=opt.min,
                         show_default=opt.default not in (None, False))
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=opt.default,
                             annotation=Annotated[annotation, info_])


def _argument_param(name: str, help_: str) -> inspect.Parameter:
    """A command's one required argument (options.READS and WRITES give its name and help)."""
    return inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                             annotation=Annotated[str, typer.Argument(help=help_, show_default=False)])


def _guarded(func):
    """Run `func`, turning a TwinningError into one line on stderr and its exit code."""
    @functools.wraps(func)
    def run(*args, **kwargs):
        kwargs.pop("lang", None)  # set by its callback, before the help or the work
        try:
            return func(*args, **kwargs)
        except TwinningError as error:
            typer.echo(f"{_('Error: ')}{terminal_safe(error)}", err=True)
            raise typer.Exit(error.exit_code) from None
        except sqlite3.DatabaseError as error:  # a register damaged behind our back, mid-command
            typer.echo(_("Error: the register could not be read or written: {error}").format(error=error)
                       + _(RECOVER), err=True)
            raise typer.Exit(1) from None
    return run


def _choose_language(value: str | None) -> str | None:
    """--lang after a command: that language from here on."""
    if value is not None:
        try:
            i18n.choose(value)
        except UsageError as error:
            raise typer.BadParameter(str(error)) from None
    return value


def _start_language(value: str | None) -> str | None:
    """--lang before the command, or none: each run starts from it (else the environment)."""
    i18n.choose(None)
    return _choose_language(value)


def _lang_param() -> inspect.Parameter:
    """--lang, on every command: eager, so that it applies to --help after it too."""
    info_ = typer.Option("--lang", metavar="fr|en", callback=_choose_language, is_eager=True, expose_value=True,
                         help="Language of messages, help and tables: fr or en (default: TWINNING_LANG, else "
                              "the locale).")
    return inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=None,
                             annotation=Annotated[Optional[str], info_])


def _signed(wrapper, params: list[inspect.Parameter]):
    wrapper.__signature__ = inspect.Signature(params)
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


def summary(func) -> str:
    """A command's first line, shown whole in the command list (Click would cut it with '…')."""
    return (func.__doc__ or "").strip().splitlines()[0]
