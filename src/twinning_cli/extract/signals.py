"""What the article says of the agreement itself: its kind (the instrument named), its status (the
verbs of signing, proposing, exploring, ending) and the events around it."""

from __future__ import annotations

import re

KINDS = [  # the instrument's name, most specific first
    ("twinning", r"jumelage|charte d'amitié|pacte d'amitié"),
    ("cooperation-protocol", r"protocole (?:de coopération|d'entente|d'accord)|protocole"),
    ("joint-declaration", r"déclaration commune|déclaration conjointe|déclaration d'intention"),
    ("reciprocity-contract", r"contrat de réciprocité"),
    ("roadmap", r"feuille de route|plan d'action"),
    ("partnership-agreement", r"convention (?:de partenariat|de coopération|de collaboration)|"
                              r"accord(?:-cadre| de partenariat| de coopération| de collaboration)|"
                              r"entente (?:de partenariat|de collaboration|de coopération)|convention|entente"),
]
SIGNED = r"\bont signé\b|\ba signé\b|\bsignent\b|\bofficialis|\bont paraphé|\ba eu lieu la signature|" \
         r"\bsignature (?:de|du|d')|\bont conclu\b|\bont renouvelé|\brenouvellent\b|\bont scellé|\bscellent\b"
PROPOSED = r"sera (?:proposée?|soumise?) au vote|sera signée?\b|seront signée?s\b|signera\b|signeront\b|" \
           r"doit être (?:signée?|adoptée?)|sera présentée? au conseil|sera entérinée?"
EXPLORATORY = r"en vue d'établir|mission exploratoire|projet de jumelage|pourrait déboucher|" \
              r"envisag\w+ (?:un|une) (?:jumelage|partenariat|coopération)|explorer (?:les|des) possibilités"
ENDED = r"\bmet fin\b|\bont mis fin\b|\bprend fin\b|\ba pris fin\b|\bdénonc"
RENEWED = r"renouvel"
EVENT_WORDS = r"mission|délégation|déplacement|sommet|vote|visite|rencontre|accueil|forum|signature|salon|" \
              r"congrès|assises|conseil"


def instrument(sents: list[str]) -> tuple[str | None, str | None]:
    """The kind, from the instrument named where it is signed or planned, else the most named."""
    def kinds_in(sentence: str) -> list[tuple[int, str]]:
        hits = []
        for kind, regex in KINDS:
            m = re.search(rf"\b(?:{regex})\b", sentence, re.IGNORECASE)
            if m:
                hits.append((m.start(), kind))
        return sorted(hits)

    for marker in (SIGNED, PROPOSED, EXPLORATORY):
        for sentence in sents:
            if re.search(marker, sentence, re.IGNORECASE) and kinds_in(sentence):
                return kinds_in(sentence)[0][1], sentence
    counts: dict[str, int] = {}
    for sentence in sents:
        for _, kind in kinds_in(sentence):
            counts[kind] = counts.get(kind, 0) + 1
    if counts:
        kind = max(counts, key=counts.get)
        return kind, next(s for s in sents if kind in [k for _, k in kinds_in(s)])
    return None, None


def status(sents: list[str]) -> tuple[str | None, str | None, bool]:
    """(status, evidence, renewed): signed beats proposed beats exploratory."""
    for value, marker in (("ended", ENDED), ("signed", SIGNED), ("proposed", PROPOSED),
                          ("exploratory", EXPLORATORY)):
        for sentence in sents:
            if re.search(marker, sentence, re.IGNORECASE):
                if value == "signed" and re.search(PROPOSED, sentence, re.IGNORECASE):
                    continue
                renewed = bool(re.search(RENEWED, sentence, re.IGNORECASE))
                return value, sentence, renewed
    return None, None, False

