"""What text may hold: the rules every stored string passes, and how text is made safe to show.

A register is read on terminals, in spreadsheets and in XML; text written by strangers
must not act on any of them. Stored text is NFC; invisible characters that make two
names print alike are removed; control characters (C0, C1) and bidirectional controls
are refused with a reason, except a tab or a line break in texts that are paragraphs.
Stdlib only: the terminal side of it runs on the read path.
"""

from __future__ import annotations

import re
import unicodedata
from .i18n import _


# Zero-width space, word joiner, BOM, Mongolian vowel separator, soft hyphen: invisible in a name.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u180e\u00ad]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROL_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Any character `clean` changes or refuses: text with none of them, already NFC, passes as it is.
SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u2060\ufeff\u180e\u00ad\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# What XML 1.0 cannot hold at all.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "control character")
    return f"U+{ord(char):04X} ({name.lower()})"


def clean(value: object, *, paragraph: bool = False) -> object:
    """NFC, invisible characters removed, Windows line ends made '\\n'; ValueError with the
    reason for a control or bidi character. `paragraph` texts may hold tabs and line breaks."""
    if not isinstance(value, str):
        return value
    if value.isascii() and value.isprintable():  # most names and titles: nothing to normalize or refuse
        return value
    if not SUSPECT.search(value) and unicodedata.is_normalized("NFC", value):  # most other text: the same
        return value
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    if paragraph:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = (CONTROL_TEXT if paragraph else CONTROL_LINE).search(text)
    if bad:
        raise ValueError(_("holds the control character {describe}, which could act on a terminal; remove it").format(
                             describe=_describe(bad.group())))
    bad = BIDI.search(text)
    if bad:
        raise ValueError(_("holds the bidirectional control {describe}, which can make text read other than it is; "
                           "remove it").format(
                             describe=_describe(bad.group())))
    return text


_SHOW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]")


def terminal_safe(value: object) -> str:
    """Text with control, bidi and invisible characters made visible (\\x1b, \\u202e), never sent raw."""
    text = "" if value is None else str(value)
    return _SHOW.sub(_visible, text)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def xml_safe(text: str) -> str:
    """What XML 1.0 cannot hold, made visible the same way."""
    return NOT_XML.sub(_visible, text)
