"""The text of an article: cleaned, cut into sentences, and the shape of a name in it."""

from __future__ import annotations

import html
import re

UPPER = "A-ZÉÈÊËÀÂÄÎÏÔÖÛÜÇŒ"
# A name is capitalised words joined by spaces, hyphens and particles. Each piece can be read one
# way only (a word holds no hyphen; a hyphen or a space is always a link), and both a word and a
# name are bounded (no real name has 12 words of 40 letters), so that matching stays linear in
# the text: 'A-B-C-…' neither backtracks exponentially nor rescans a long run from every start.
WORD = rf"[{UPPER}][\w'’]{{0,40}}"
LINK = r"(?:[ \-](?:(?:de la|de l'|des|du|de|d'|la|le|les|l'|sur|en|et|aux|au|à la|à l'|à|lès|sous)[ \-]?)?)"
NAME = rf"{WORD}(?:{LINK}{WORD}| \d+\b){{0,12}}"
OF = r"(?:de la |de l'|des |du |de |d')"


def clean(text: str, straight: bool = True) -> str:
    """Plain text: tags stripped, entities decoded, spaces made plain, curly apostrophes
    straightened (unless not `straight`: names are given back as the text writes them; the
    two forms have the same length, so a place in one is the same place in the other)."""
    if re.search(r"<(?:p|div|br|span|html|body|h\d)\b", text, re.IGNORECASE):
        text = re.sub(r"(?is)<(script|style).*?</\1>", " ", text)
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>", "\n", text)
        text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("\u00a0", " ")
    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    text = re.sub(r"(?<=[^\s.!?:»\"|])\n(?=[a-zàâçéèêëîïôûù(«])", " ", text)  # a hard break inside a sentence
    return text.replace("’", "'") if straight else text


def sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        # Not after 'M.', 'Dr.' or 'St.': a title, not the end of a sentence.
        out += [s.strip() for s in re.split(rf"(?<!\bM\.)(?<!\bDr\.)(?<!\bSt\.)(?<=[.!?»])\s+(?=[{UPPER}«\"\-])",
                                            line) if s.strip()]
    return out


# --- dates ---------------------------------------------------------------------------



def strip_tail(name: str) -> str:
    """Drop words the name regex swallows at the end: 'Ville de Pau En' -> 'Ville de Pau'."""
    return re.sub(r"(?:[ \-](?:de|du|des|la|le|les|d'|l'|sur|en|et|aux|au))+$", "", name).strip(" -'")



_SPANS: list = [None, None, []]  # the text and sentences last indexed, and their (start, end, sentence)


def sentence_at(text: str, sents: list[str], position: int) -> str:
    """The sentence that holds `position` (or the 200 characters before it); the sentences'
    places are found once per text, in order, so that looking one up is a bisection."""
    import bisect

    if _SPANS[0] is not text or _SPANS[1] is not sents:
        spans, start = [], 0
        for sentence in sents:
            index = text.find(sentence, start)
            if index >= 0:
                spans.append((index, index + len(sentence) + 1, sentence))
                start = index + len(sentence)
        _SPANS[:] = [text, sents, spans]
    spans = _SPANS[2]
    i = bisect.bisect_right(spans, (position, float("inf"), "")) - 1
    if i >= 0 and spans[i][0] <= position < spans[i][1]:
        return spans[i][2]
    return text[max(0, position - 200):position]

