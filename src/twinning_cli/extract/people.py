"""People, stakeholders and funding programmes named in an article."""

from __future__ import annotations

import re

from ..entry import short_name
from .text import NAME, OF, UPPER, WORD, strip_tail

ORG_WORDS = r"Université|Universite|CCI|Chambre|Cégep|Cegep|Collège|Institut|Agence|Office|Association|" \
            r"Fondation|Société|Centre|Conseil de la Métropole|ministère|Ministère|Gouvernement|Sommet|Fonds|" \
            r"Commission|Pôle|Réseau|Groupe|Banque|Caisse|École|Lycée|Musée|Festival|Orchestre"


def is_org(name: str) -> bool:
    return bool(re.match(rf"(?:{ORG_WORDS})\b", name))


ROLE = r"[Mm]aire|[Mm]airesse|[Pp]résident\w*|[Pp]remier ministre|[Mm]inistre|[Dd]irect\w+|[Pp]réfè?te?|" \
       r"[Vv]ice-\w+|[Cc]onseill\w+|[Dd]éputé\w*|[Rr]esponsable|[Cc]he(?:f|ffe)|[Ss]ecrétaire|[Dd]élégué\w*"
PERSON = rf"(?:{WORD}[ \-]){{1,2}}{WORD}"
TITLES = {"M", "M.", "Mme", "Monsieur", "Madame", "Me", "Dr"}


def _is_person(name: str, places: list[str]) -> bool:
    words = name.replace("-", " ").split()
    return (len(name.split()) >= 2 and not TITLES & set(words) and not is_org(name)
            and not any(w in ("Ville", "Métropole", "MRC", "Région", "Pays", "Communauté") for w in words)
            and not any(name in p or short_name(p) in name for p in places))


def people(text: str, party_names: list[str], signers: str | None) -> list[dict]:
    """People named with a role: 'Nancy Pelletier, directrice générale…', 'M. X (Maire de Québec)',
    'le maire Marc-Alexandre Brousseau', 'le Président de Toulouse Métropole Jean-Luc Moudenc'."""
    found: dict[str, dict] = {}

    def add(name: str, role: str | None) -> None:
        name = name.strip()
        if _is_person(name, party_names):
            entry = found.setdefault(name, {"name": name, "role": None, "party": None, "signed": False})
            role = (role or "").split(",")[0].strip(" ,") or None  # the role, not the rest of the sentence
            entry["role"] = entry["role"] or role

    for m in re.finditer(rf"(?:M\.|Mme|Monsieur|Madame) ({PERSON})\s*\(([^)\n]+)\)", text):
        add(m.group(1), m.group(2))
    for m in re.finditer(rf"\b({PERSON}),? \(?((?:{ROLE})[^.;»«()\n]*)", text):
        add(m.group(1), m.group(2))
    for m in re.finditer(rf"\b(?:le |la |du |de la )((?:{ROLE})(?: [^A-Z.,;\n]{{0,40}}?)?)( {NAME})", text):
        words = m.group(2).split()
        if len(words) >= 2:  # the person is the last two words; any before them name the place
            place = " ".join(words[:-2])
            add(" ".join(words[-2:]), (m.group(1) + (" " + place if place else "")).strip())
    for m in re.finditer(rf"(?:M\.|Mme) ({PERSON})", text):
        add(m.group(1), None)
    for entry in found.values():
        role = entry["role"] or ""
        entry["party"] = next((p for p in party_names if p in role or short_name(p) in role), None)
        entry["signed"] = bool(signers and entry["name"] in signers)
    return list(found.values())


def stakeholders(text: str, party_names: list[str]) -> list[dict]:
    found: dict[str, dict] = {}
    regex = rf"\b(ministère {OF}[^,.;()\n]+?(?= ainsi| et l[ea] | pour |,|\.|;|\n|$)|" \
            rf"(?:{ORG_WORDS})(?: {OF}?{NAME}| {NAME})|[{UPPER}]{{3,}}\b(?: {NAME})?)"
    skip = {"ICC", "PME", "MRC", "CP", "ADN", "OBNL", "OSBL", "LIRE", "FFQCD"}
    for m in re.finditer(regex, text):
        name = strip_tail(m.group(1))
        head = name.split()[0]
        if (head in skip or name.isupper() and " " in name  # a heading in capitals
                or any(name in p or p in name for p in party_names) or name.startswith(("Fonds", "Sommet"))):
            continue
        kind = head.lower() if re.match(ORG_WORDS, head) else None
        found.setdefault(name, {"name": name, "kind": kind, "role": None})
    return list(found.values())[:12]


def funding(text: str) -> list[dict]:
    programmes = []
    programme = rf"\b(Fonds [^()\n.;,]+?(?: \(([{UPPER}]{{3,}})\))|FFQCD|appel (?:à|de) projets? [\w\-]+(?: [\w\-]+)?)"
    for m in re.finditer(programme, text):
        name = m.group(1).strip()
        if any(name in p["programme"] or p["programme"] in name for p in programmes):
            continue
        programmes.append({"programme": name, "backers": []})
    for programme in programmes:
        short = re.search(r"\(([A-Z]{3,})\)", programme["programme"])
        label = short.group(1) if short else programme["programme"]
        backed = re.search(rf"{re.escape(label)} est (?:soutenu|financé|appuyé) par ([^.]+)", text)
        if backed:
            programme["backers"] = [b.strip(" ,") for b in re.split(r",| ainsi que | et (?=l[ea] |les )",
                                                                    backed.group(1)) if b.strip(" ,")]
    return programmes
