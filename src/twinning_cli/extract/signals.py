"""What the article says of the agreement itself: its kind (the instrument named), its status (the
verbs of signing, proposing, exploring, ending) and the events around it."""

from __future__ import annotations

import re

# The instrument's name, by the noun that heads it: a charter or protocol of twinning or of
# friendship is a twinning; a contract, convention, accord, oath or pact of twinning names a
# partnership that makes one (as the annotations of real articles read them). Most specific first.
KINDS = [
    ("twinning", r"charte (?:de jumelage|d'amitié)|protocoles? (?:de jumelage|d'amitié)"),
    ("partnership-agreement", r"(?:contrat|convention|accord|serment|pacte)s? (?:de jumelage|d'amitié)"),
    ("reciprocity-contract", r"contrats? de réciprocité"),
    ("cooperation-protocol", r"protocoles? (?:de coopération|d'entente|d'accord)|protocoles?"),
    ("joint-declaration", r"déclarations? (?:commune|conjointe|d'intention)s?"),
    ("roadmap", r"feuilles? de route|plans? d'actions?"),
    ("partnership-agreement", r"conventions?|accords?(?:-cadres?)?|ententes?|chartes?|pactes?|mémorandums?"),
    ("twinning", r"jumelages?"),
]
_KIND_AT = re.compile("|".join(f"(?P<k{i}>\\b(?:{regex})\\b)" for i, (_, regex) in enumerate(KINDS)), re.IGNORECASE)
SIGNED = r"\b(?:ont|a|avaient|avait|ont donc|viennent de|vient de|en ont profité pour|a pu) (?:\w+ )?sign(?:er|ée?s?)\b|" \
         r"\bsign(?:ent|ait|aient|èrent)\b|\b(?:a|ont) été signée?s?\b|\bofficialis|\bparaph|\bentérin|\bscell|" \
         r"\bont conclu\b|\ba eu lieu la signature|\bannoncen?t? la signature|\bont renouvelé|\brenouvellent\b|\bvient de renouveler|\bc'est fait\b"
# Weaker signs of a signing: a participle ('le pacte, signé en 2017' may be another text), a
# ceremony named, an agreement long in force. They count only where nothing stronger is said.
SIGNED_WEAK = r"\bsignée? (?:le|en|par|hier|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|" \
              r"\bsignature (?:de|du|d')|\bcérémonie officielle|\banniversaire du jumelage|\bans de (?:jumelage|coopération)|" \
              r"\b(?:entretiennent|entretient) des relations de coopération|\bjumelées? depuis|\bdepuis \d+ ans"
SIGNING = f"{SIGNED}|{SIGNED_WEAK}"
PROPOSED = r"sera (?:proposée?|soumise?) au vote|\bsera signée?\b|seront signée?s\b|\bsignera\b|\bsigneront\b|" \
           r"doit être (?:signée?|adoptée?)|sera présentée? au conseil|sera entérinée?|autorisation de signer|" \
           r"autoriser? (?:le maire|la maire|le président|la présidente)? ?à signer|bientôt signée?|\bfinaliser\b|" \
           r"\bva renouveler|\brenouvellera\b|\bva signer|\bvont signer|projet de (?:convention|protocole|charte)|" \
           r"signature (?:interviendra|devrait)|\bà signer\b|appelée? à (?:délibérer|voter|approuver)"
EXPLORATORY = r"en vue d'établir|mission exploratoire|projet de jumelage|pourrait déboucher|" \
              r"envisag\w+ (?:un|une|de) |explorer (?:les|des) possibilités|réfléchir à un (?:jumelage|partenariat)|" \
              r"\brapprochement entre|\bprospection\b|entamé des démarches|en vue d'un (?:jumelage|partenariat)|" \
              r"\bpiste d'un jumelage|\bsouhait\w* (?:un|se) jumel"
ENDED = r"\bmet fin\b|\bont mis fin\b|\bprend fin\b|\ba pris fin\b|\bsuspend\w*|\bsuspension\b|\bradiation\b|" \
        r"\brompu\b|\brompre\b|\bdénonc\w* (?:le|la|son|sa|leur|cet|cette|ce) (?:jumelage|convention|accord|" \
        r"partenariat|charte|pacte|protocole)"
RENEWED = r"renouvel"
EVENT_WORDS = r"mission|délégation|déplacement|sommet|vote|visite|rencontre|accueil|forum|signature|salon|" \
              r"congrès|assises|conseil"


def kinds_in(sentence: str) -> list[tuple[int, str]]:
    """(position, kind) of every instrument a sentence names, the longest name at each place."""
    return [(m.start(), KINDS[int(m.lastgroup[1:])][0]) for m in _KIND_AT.finditer(sentence)]


def instrument(sents: list[str]) -> tuple[str | None, str | None, float]:
    """(kind, evidence, confidence): from the instrument named where it is signed or planned (sure),
    else the most named (less), else 'coopération décentralisée' or 'partenariat' alone (a guess)."""
    for marker in (SIGNING, PROPOSED, EXPLORATORY):
        for sentence in sents:
            named = kinds_in(sentence) if re.search(marker, sentence, re.IGNORECASE) else []
            if named:
                return named[0][1], sentence, 0.9
    counts: dict[str, int] = {}
    for sentence in sents:
        for _, kind in kinds_in(sentence):
            counts[kind] = counts.get(kind, 0) + 1
    if counts:
        kind = max(counts, key=counts.get)
        return kind, next(s for s in sents if kind in [k for _, k in kinds_in(s)]), 0.6
    general = next((s for s in sents if re.search(r"coopération décentralisée|partenariat", s, re.IGNORECASE)), None)
    return ("partnership-agreement", general, 0.4) if general else (None, None, 0.0)


def status(sents: list[str]) -> tuple[str | None, str | None, bool, float]:
    """(status, evidence, renewed): from the first sentence that says where the agreement stands;
    within one sentence, an end beats a proposal, a proposal an exploration, and those a signing
    (a signing is also the past a new step is taken from: 'renouvellera … 30 ans après la
    première signature')."""
    for markers, confidence in (((("ended", ENDED), ("proposed", PROPOSED), ("exploratory", EXPLORATORY),
                                  ("signed", SIGNED)), 0.85), ((("signed", SIGNED_WEAK),), 0.6)):
        for sentence in sents:
            for value, marker in markers:
                if re.search(marker, sentence, re.IGNORECASE):
                    renewed = bool(re.search(RENEWED, sentence, re.IGNORECASE))
                    return value, sentence, renewed, confidence
    return None, None, False, 0.0
