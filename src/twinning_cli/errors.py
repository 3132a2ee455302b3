"""Domain exceptions. The CLI maps them to exit codes in one place (cli.run_guarded)."""


class TwinningError(Exception):
    """Bad data or a missing thing: exit 1."""

    exit_code = 1


class NotFound(TwinningError):
    """No agreement, territory or file by that name."""


class DataError(TwinningError):
    """The database or an input file is not what it should be."""


class UsageError(TwinningError):
    """The call's words are off: exit 2."""

    exit_code = 2
