"""Entry point of the `twinning` command and of `python -m twinning_cli`."""

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


def main() -> None:
    """Read commands take the fast path when they can; everything else goes to Typer."""
    from .fast import run

    argv = hoist_db(sys.argv[1:])
    code = run(argv)
    if code is not None:
        sys.exit(code)
    from .cli import app

    app(args=argv, prog_name="twinning")


if __name__ == "__main__":
    main()
