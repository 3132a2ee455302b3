"""Entry point of the `twinning` command and of `python -m twinning_cli`."""

import os
import sys


def hoist_db(argv: list[str]) -> list[str]:
    """`twinning --db X list` as `twinning list --db X`: --db before the command goes after it."""
    if argv[:1] == ["--db"] and len(argv) >= 3:
        option, rest = argv[:2], argv[2:]
    elif argv[:1] and argv[0].startswith("--db="):
        option, rest = argv[:1], argv[1:]
    else:
        return argv
    end = rest.index("--") if "--" in rest else len(rest)
    return rest[:end] + option + rest[end:]


def take_lang(argv: list[str]) -> list[str]:
    """--lang X anywhere before '--' sets the language for the whole process, and leaves argv."""
    end = argv.index("--") if "--" in argv else len(argv)
    for i, arg in enumerate(argv[:end]):
        if arg == "--lang" and i + 1 < end or arg.startswith("--lang="):
            value = arg.split("=", 1)[1] if "=" in arg else argv[i + 1]
            from . import i18n
            from .errors import UsageError

            try:
                i18n.choose(value)
            except UsageError as error:
                sys.stderr.write(f"Error: {error}\n")
                sys.exit(2)
            os.environ["TWINNING_LANG"] = value  # this process's language, whichever path runs it
            return argv[:i] + argv[i + (1 if "=" in arg else 2):]
    return argv


def utf8_streams() -> None:
    """Files and pipes get UTF-8 whatever the locale (PYTHONIOENCODING=latin-1 made a CSV of
    'Wrocław' a traceback); a terminal in another encoding shows what it cannot as escapes."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding in ("utf-8", "utf8") or not hasattr(stream, "reconfigure"):
            continue
        if stream.isatty():
            stream.reconfigure(errors="backslashreplace")
        else:
            stream.reconfigure(encoding="utf-8")


def main() -> None:
    """Read commands take the fast path when they can; everything else goes to Typer."""
    from .fast import run

    utf8_streams()
    argv = hoist_db(take_lang(sys.argv[1:]))
    code = run(argv)
    if code is not None:
        sys.exit(code)
    from .cli import app

    app(args=argv, prog_name="twinning")


if __name__ == "__main__":
    main()
