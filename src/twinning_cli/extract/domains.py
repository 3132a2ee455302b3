"""The domains an agreement covers, from the words of the article."""

from __future__ import annotations

import re

# Words in the text that name a domain (in addition to the vocabulary's own labels and aliases).
DOMAIN_WORDS = {
    "economy": r"économi\w*|entreprises|développement économique|\baffaires|commerc\w+|\bemploi|innovation",
    "tourism": r"touris\w+",
    "culture": r"\bcultur\w+|artisti\w+|industries créatives|musée|festival",
    "heritage": r"patrimo\w+|historiques?",
    "francophonie": r"francophon\w+|langue française|fait français",
    "higher-education-research": r"enseignement supérieur|recherche|universit\w+|académiques?|scientifiques?",
    "youth-education": r"\bjeunes(?:se)?\b|éducati\w+|scolaires?|\bformation",
    "digital": r"numérique|cybersécurité|intelligence artificielle",
    "health": r"santé|sanitaire|médic\w+",
    "climate-environment": r"climat\w*|environnement\w*|biodiversité|écologi\w+",
    "energy-transition": r"transition énergétique|énergies? renouvelables?|énergéti\w+",
    "agriculture-food": r"agricult\w+|alimentaire|alimentation|agro-?alimentaire",
    "mobility": r"mobilité (?:durable|douce|urbaine|intelligente|électrique|partagée)|mobilités\b|transports?\b|"
                r"déplacements urbains",
    "social": r"\bsocia(?:l|le|les|ux)\b|solidarité|inclusion",
    "governance": r"gouvernance|appui institutionnel|démocratie locale",
    "mining": r"\bmines?\b|minier\w*|sous-sol",
    "sport": r"\bsports?\b|sporti\w+|olympiques?",
    "water": r"\beau\b|assainissement",
}
# Where a text says what the agreement covers: strong markers first; the weak ones only if none.
FOCUS = [r"en priorité|prioritaires?|privilégie(?:nt|ra|ront)?\b|domaines? (?:de coopération|suivants|retenus)|"
         r"fondements|\baxes?\b|s'engagent|différents domaines|met(?:tra)? l'accent sur|miseront sur",
         r"objectifs? (?:étai|sont|est)|vise à|portant sur|porte(?:ra)? sur|consacrée? à|axée? sur|"
         r"dans les domaines|volets?"]
TOPICS = ["numérique", "cybersécurité", "intelligence artificielle", "chimie verte", "résidus miniers",
          "tourisme durable", "développement durable", "innovation", "télétravail", "industries culturelles",
          "industries créatives", "économie sociale", "agriculture raisonnée", "projet alimentaire",
          "mobilité intelligente", "transition énergétique", "énergies renouvelables", "santé", "jeunesse",
          "culture scientifique", "solidarité territoriale", "francophonie", "attractivité", "mobilité artistique"]


def domains(text: str, sents: list[str]) -> tuple[list[str], str | None]:
    """Domains of the sentences that say what the agreement is about, else of the whole text."""
    focus: list[str] = []
    lines = text.splitlines()
    for markers in FOCUS:
        for i, line in enumerate(lines):
            if re.search(markers, line, re.IGNORECASE) and not line.startswith("«"):  # a quote speaks of more
                focus.append(line)
                for follow in lines[i + 1:i + 12]:  # a list that follows ("- Culture : …")
                    if re.match(r"\s*(?:[-•*–]|\d+[.)])\s", follow):
                        focus.append(follow)
                    elif follow.strip():
                        break
        if focus:
            break
    region = "\n".join(focus) if focus else text
    hits = _domain_hits(region)
    if not hits:
        region, hits = text, _domain_hits(text)
    return hits, (focus[0] if focus else None)


def _domain_hits(text: str) -> list[str]:
    order = []
    for slug, words in DOMAIN_WORDS.items():
        m = re.search(rf"(?:{words})", text, re.IGNORECASE)
        if m:
            order.append((m.start(), slug))
    return [slug for _, slug in sorted(order)]
