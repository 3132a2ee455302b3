"""Entry point of the `twinning` command and of `python -m twinning_cli`."""

import sys


def main() -> None:
    """Read commands take the fast path when they can; everything else goes to Typer."""
    from .fast import run

    code = run(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .cli import app

    app(prog_name="twinning")


if __name__ == "__main__":
    main()
