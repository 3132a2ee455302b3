"""Flag emoji as people paste them beside a country or a town: '🇫🇷' is FR, its two regional
indicator symbols being the letters of the code; '🏴󠁧󠁢󠁳󠁣󠁴󠁿' (a black flag and tag letters) is GB-SCT."""

from __future__ import annotations

import re

_PAIR = re.compile("([\U0001F1E6-\U0001F1FF])([\U0001F1E6-\U0001F1FF])")
_TAGS = re.compile("\U0001F3F4([\U000E0061-\U000E007A]{2,7})\U000E007F")  # black flag, tag letters, cancel tag
FIRST = "\U0001F1E6"  # no text without a character from here on holds a flag


def split_flag(text: str) -> tuple[str, str | None]:
    """The text without its flag emoji, and the ISO code the first of them names: ('France', 'FR')
    for '🇫🇷 France', ('Scotland', 'GB-SCT') for '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland'; (text, None) when it holds none."""
    pair, tags = _PAIR.search(text), _TAGS.search(text)
    if pair is None and tags is None:
        return text, None
    if pair is not None and (tags is None or pair.start() < tags.start()):
        code = "".join(chr(ord(symbol) - ord(FIRST) + ord("A")) for symbol in pair.groups())
    else:
        letters = "".join(chr(ord(tag) - 0xE0000) for tag in tags.group(1)).upper()
        code = f"{letters[:2]}-{letters[2:]}" if len(letters) > 2 else letters
    return " ".join(_TAGS.sub(" ", _PAIR.sub(" ", text)).split()), code
