"""The domains an agreement covers, from the words of the article."""

from __future__ import annotations

import re

# Every marker of a domain, in one table: (domain, words, the sense they must have). A marker
# is a regex; what must not follow or precede it for the sense to hold is written in it.
MARKERS = [
    ("economy", r"économi(?:e|que|ques)\b(?! sociale)|entreprises|développement économique|\baffaires\b(?! (?:locales|"
                r"étrangères|municipales))|commerc\w+|\bemploi|innovation|investissements?",
     "the economy; not 'faire des économies' (savings), not the social economy, not ministries of affairs"),
    ("tourism", r"touris\w+", "tourism"),
    ("culture", r"\bcultur(?:e|el|elle|els|elles)\b|\binter-?cultur\w+|artisti\w+|industries créatives|musées?|"
                r"festivals?|spectacles?", "culture and the arts, intercultural exchanges"),
    ("heritage", r"patrimo\w+|historiques?", "heritage"),
    ("francophonie", r"francophon\w+|langue (?:française|commune)|fait français", "the French language"),
    ("higher-education-research", r"enseignement supérieur|(?<!à la )(?<!de )\brecherche\b|universit\w+|académiques?|"
                                  r"scientifiques?", "universities and research; not 'à la recherche de'"),
    ("youth-education", r"\bjeunes(?:se)?\b|éducati\w+|scolaires?|\bformation|écoles?|lycées?",
     "schools, youth, training"),
    ("digital", r"numérique|cybersécurité|intelligence artificielle|ville intelligente|nouvelles technologies",
     "digital technology"),
    ("health", r"santé|sanitaire|médic\w+|hôpita\w+", "health"),
    ("climate-environment", r"climat\w*|(?<!un )(?<!d'un )environnement(?:al|ale|aux|ales)?\b(?! (?:propice|favorable|"
                            r"des affaires|économique))|biodiversité|écologi\w+|déchets|forêts?|forestière",
     "the environment; not 'un environnement propice aux investissements'"),
    ("energy-transition", r"transition énergétique|énergies?\b|énergéti\w+", "energy"),
    ("agriculture-food", r"agricult\w+|alimentaire|alimentation|agro-?alimentaire", "farming and food"),
    ("mobility", r"mobilités?\b(?! (?:des personnels|du personnel|étudiante|des jeunes|croissante|artistique))|"
                 r"transports?\b|déplacements urbains", "transport; not the mobility of staff, students or artists"),
    ("social", r"\bsocia(?:l|le|les|ux)\b(?<!logement social)|solidarité|solidaire|inclusion|\binsertion",
     "social action and solidarity; not social housing as a subject of its own"),
    ("governance", r"gouvernance|appui institutionnel|démocrat\w+|administration (?:locale|municipale|communale)|"
                   r"gestion (?:municipale|communale|locale)|fonctionnement (?:respectif )?de (?:leurs|leur|des) conseils|"
                   r"échanges? (?:entre les |d')élus|pratiques institutionnelles|assistance technique|"
                   r"renforcement des capacités|décentralisation|régionalisation|réforme territoriale|"
                   r"aménagement du territoire|urbanisme|domaines municipaux|(?:mobilité|échanges?) des? personnels?|"
                   r"conseil (?:municipal )?des jeunes", "how local authorities are run and work together"),
    ("mining", r"\bmines?\b|minier\w*|sous-sol", "mining"),
    ("sport", r"\bsports?\b|sporti\w+|olympiques?", "sport"),
    ("water", r"\beau\b|assainissement", "water and sanitation"),
]
# Where a text says what the agreement covers: strong markers first; the weak ones only if none.
FOCUS = [r"en priorité|prioritaires?|privilégie(?:nt|ra|ront)?\b|domaines? (?:de coopération|suivants|retenus)|"
         r"fondements|\baxes?\b|s'engagent|différents domaines|met(?:tra)? l'accent sur|miseront sur|"
         r"concernés? par (?:cet|cette|l'|le|la)",
         r"objectifs? (?:étai|sont|est)|vise à|portant sur|porte(?:ra)? sur|consacrée? à|axée? sur|"
         r"dans (?:le|les) domaines?|en matière de|volets?"]
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
    for slug, words, _sense in MARKERS:
        m = re.search(rf"(?:{words})", text, re.IGNORECASE)
        if m:
            order.append((m.start(), slug))
    return [slug for _, slug in sorted(order)]
