"""Every file the tool reads or writes goes through here.

Reading: one bounded reader for import, validate, add --from-file and extract: a
path, '-' for standard input, a FIFO or a process substitution; never more than
the size limit, whatever the source claims. Writing: --output, --rejects and
--out are written whole or not at all (a temporary file renamed over a regular
file), in place where the target is a FIFO or a device, through a symlink to its
target; a directory is refused before any work starts.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import DataError
from .i18n import _

DEFAULT_MAX_MB = 200
BOMS = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"\xef\xbb\xbf": "utf-8-sig"}


class _Bounded(io.RawIOBase):
    """A binary stream that refuses to read past `limit` bytes and counts what it read."""

    def __init__(self, stream: BinaryIO, limit: int, name: str, on_read: Callable[[int], None] | None):
        self.stream, self.limit, self.name, self.on_read = stream, limit, name, on_read
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise DataError(_("{name} is larger than the limit of {value} MB (raise it with --max-size)").format(
                                name=self.name, value=self.limit // 1000000))
        buffer[:len(data)] = data
        if self.on_read:
            self.on_read(len(data))
        return len(data)

    def close(self) -> None:
        if self.stream is not getattr(sys.stdin, "buffer", None):
            self.stream.close()
        super().close()


def check_input(name: str, max_bytes: int) -> int | None:
    """Refuse what cannot be read as input before anything is done; the size of a regular file."""
    if name == "-":
        return None
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise DataError(_('no file {name}').format(name=name)) from None
    except OSError as error:
        raise DataError(_('cannot read {name}: {strerror}').format(name=name, strerror=error.strerror)) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(_('{name} is a directory, not a file').format(name=name))
    if not stat.S_ISREG(info.st_mode):
        return None  # a FIFO, a process substitution, a device: read, within the limit
    if info.st_size > max_bytes:
        raise DataError(_("{name} is {value} MB, more than the limit of {value2} MB (raise it with --max-size)").format(
                            name=name, value=info.st_size // 1000000, value2=max_bytes // 1000000))
    return info.st_size


def open_input(name: str, max_bytes: int, on_read: Callable[[int], None] | None = None) -> io.BufferedReader:
    """A buffered, bounded binary stream of FILE or standard input ('-')."""
    check_input(name, max_bytes)
    if name == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise DataError(_('no input: standard input is closed (give a file, or pipe one in)'))
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(name, "rb")  # noqa: SIM115 - closed with the reader
        except OSError as error:
            raise DataError(_('cannot read {name}: {strerror}').format(name=name, strerror=error.strerror)) from None
    return io.BufferedReader(_Bounded(stream, max_bytes, name, on_read))


def sniff_encoding(stream: io.BufferedReader, encoding: str) -> str:
    """The encoding to decode with: a BOM says UTF-16 or UTF-8 whatever the default; else `encoding`."""
    import codecs

    head = stream.peek(3)[:3]
    for bom, name in BOMS.items():
        if head.startswith(bom) and codecs.lookup(encoding).name in ("utf-8", "utf-16"):
            return name
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding


# What a file that is not UTF-8 most often is here: saved by Excel or Notepad on Windows in a
# Western European language. cp1252 reads every byte latin-1 reads as a letter, and the typographic
# apostrophe, quotes, dashes, œ and € that latin-1 would make control characters (0x80-0x9f).
LEGACY = "--encoding cp1252"


def read_text(name: str, max_bytes: int = DEFAULT_MAX_MB * 1_000_000, encoding: str = "utf-8") -> str:
    """The whole text of FILE or '-', bounded; decoding errors are DataErrors."""
    with open_input(name, max_bytes) as stream:
        chosen = sniff_encoding(stream, encoding)
        data = stream.read()
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as error:
        raise DataError(_("{name} is not {encoding} text (byte {value:#04x} cannot be decoded): give its "
                          "encoding with --encoding, e.g. {hint}").format(
                            name=name, encoding=encoding, value=error.object[error.start], hint=LEGACY)) from None


def _mode(path: Path) -> int:
    """The permissions the file will have: those it has, else what a new file gets (umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class Output:
    """A file written whole or not at all: `with Output(path) as handle: …`.

    A regular file (or none yet) is written to a temporary file beside it and renamed over
    it at the end; a FIFO or a device is written in place; a symlink is followed, so the
    link stays and its target is written. A failed write leaves no temporary file behind.
    """

    def __init__(self, path: Path | str, newline: str | None = ""):
        self.asked = Path(path)
        self.newline = newline
        self.target = self.asked.resolve() if self.asked.is_symlink() else self.asked
        self.handle = None
        self.temporary: Path | None = None
        try:
            info = os.stat(self.target)
        except FileNotFoundError:
            info = None
        except OSError as error:
            raise DataError(_('cannot write {path}: {strerror}').format(path=path, strerror=error.strerror)) from None
        if info and stat.S_ISDIR(info.st_mode):
            raise DataError(_('cannot write {path}: it is a directory; name a file').format(path=path))
        self.in_place = bool(info) and not stat.S_ISREG(info.st_mode)

    def __enter__(self):
        import tempfile

        try:
            if self.in_place:
                self.handle = open(self.target, "w", encoding="utf-8", newline=self.newline)  # noqa: SIM115
            else:
                fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part",
                                            dir=self.target.parent)
                self.temporary = Path(name)
                os.chmod(fd, _mode(self.target))
                self.handle = os.fdopen(fd, "w", encoding="utf-8", newline=self.newline)
        except OSError as error:
            raise DataError(_("cannot write {asked}: {strerror}").format(
                                asked=self.asked, strerror=error.strerror)) from None
        return self.handle

    def __exit__(self, kind, value, tb):
        try:
            self.handle.close()
            if kind is None and self.temporary:
                os.replace(self.temporary, self.target)
                self.temporary = None
        except OSError as error:
            if kind is None:
                raise DataError(_("cannot write {asked}: {strerror}").format(
                                    asked=self.asked, strerror=error.strerror)) from None
        finally:
            if self.temporary:
                self.temporary.unlink(missing_ok=True)
        if isinstance(value, OSError) and not isinstance(value, BrokenPipeError):
            raise DataError(_("cannot write {asked}: {value}").format(
                                asked=self.asked, value=value.strerror or value)) from None
        return False

    def discard(self) -> None:
        """Give up: close and remove what was written (for a rejects file of a failed import)."""
        self.__exit__(RuntimeError, None, None)
