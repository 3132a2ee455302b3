"""Every place an article names, wherever it stands: after a territorial word ('la ville russe de
Touapsé', 'les communautés de communes de A, B et C', 'Brest métropole'), or as a name the
gazetteer knows. Each mention keeps where it is and how it was found; parties.py decides which
places are parties."""

from __future__ import annotations

import re
from collections import namedtuple
from functools import cache

from .. import countries, gazetteer
from .text import NAME, OF, WORD

Mention = namedtuple("Mention", "name written kind start end how group lead")
# how: 'head' (after a territorial word), 'known' (the gazetteer knows it), 'role' (after 'le maire
# de'); group: the mentions listed together under one plural head share a number; lead: where the
# phrase that names it starts ('la ville de Sotchi' starts at 'ville').

# Territorial words, singular and plural, with the kind of territory they name.
HEADS = {
    "ville": "ville", "villes": "ville", "cité": "ville", "mairie": "ville", "municipalité": "municipalité",
    "municipalités": "municipalité", "commune": "commune", "communes": "commune",
    "région": "région", "régions": "région", "conseil régional": "région", "conseils régionaux": "région",
    "assemblée régionale": "région", "conseil de la région": "région", "conseils des régions": "région",
    "département": "département", "conseil départemental": "département", "province": "province",
    "conseil provincial": "province", "gouvernorat": "gouvernorat", "gouvernorats": "gouvernorat",
    "préfecture": "préfecture", "conseil préfectoral": "préfecture", "cercle": "cercle", "cercles": "cercle",
    "district": "district", "MRC": "MRC", "métropole": "métropole", "agglomération": "agglomération",
    "communauté de communes": "communauté de communes", "communautés de communes": "communauté de communes",
    "communauté d'agglomération": "agglomération", "communautés d'agglomération": "agglomération",
    "communauté urbaine": "communauté urbaine", "communautés urbaines": "communauté urbaine",
    "communauté métropolitaine": "communauté métropolitaine",
    "communautés métropolitaines": "communauté métropolitaine", "pays": "pays/PETR",
    "gouvernement": "province",
}
# Heads whose name keeps the head ('Communauté de communes du Trièves' names a body, 'du Trièves' no place).
KEEP_HEAD = {"communauté de communes", "agglomération", "communauté urbaine", "communauté métropolitaine",
             "MRC", "département", "pays/PETR"}
# A council is its territory: 'Conseil provincial de Tiznit' is Tiznit.
BARE_HEADS = {"conseil régional", "conseils régionaux", "conseil de la région", "conseils des régions",
              "conseil provincial", "conseil préfectoral", "assemblée régionale", "mairie", "cité"}
_HEAD = "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True))
ADJECTIVE = r"(?: (?!de\b|du\b|des\b|d')[a-zéèêëàâîïôöûüç\-]{3,}){0,2}"
LISTED = rf"{NAME}(?:(?:, | et |, et | ainsi que ){OF}?{NAME}){{0,9}}"
HEADED = re.compile(rf"(?<![\w'])((?i:{_HEAD})){ADJECTIVE} ({OF})?((?:pays {OF})?{LISTED})")
ROLE = re.compile(rf"\b(?:(?:maire|mairesse|bourgmestre|sindaco) {OF}({NAME})|présidente? (?:de la |du )({WORD})\b(?![\-']))")
_SIDE = rf"(?:la |le |les |l')?(?:(?i:{_HEAD}){ADJECTIVE} (?:{OF})?)?"
PAIR = re.compile(rf"\bentre {_SIDE}({NAME}) et {_SIDE}({NAME})")
# The partner an agreement is made with: 'une charte de jumelage avec Zeppolo', known or not.
WITH = re.compile(rf"\b(?i:jumel\w*|partenariat|coopération|convention|accord|protocole|charte|pacte|amitié)\b"
                  rf"[^.\n]{{0,60}}? avec {_SIDE}({NAME})")
# Three or more names in a row ('soit Castillonès, Cahuzac, Moustier et Ferrensac'), known or not.
ENUMERATION = re.compile(rf"{NAME}(?:, {NAME}){{2,}}(?:,? et {NAME})?")
# A numbered part of a city is a party of its own: 'la commune v du district de Bamako' (Bamako's six
# communes), 'Commune 4 de Bamako', 'le 3e arrondissement de Lyon'; the city alone is not it.
NUMBERED = re.compile(rf"(?<![\w'])(?:((?i:commune|arrondissement)) ([IVXivx]{{1,4}}|\d{{1,2}})|"
                      rf"(\d{{1,2}}(?:e|er|ème)) ((?i:arrondissement)))"
                      rf"( (?i:du district|de la ville|de la commune) de | de | d')({NAME})")
SUFFIXED = re.compile(rf"\b({NAME}) ((?i:métropole|agglomération|agglo|communauté)|Métropole)\b")
ANY_NAME = re.compile(NAME)
_SPLIT_LIST = re.compile(rf"(?:, | et |, et | ainsi que )(?:{OF})?")
# Words that open a sentence or a title in capitals without naming a place.
NOT_PLACES = {
    "le", "la", "les", "l'", "un", "une", "des", "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "on",
    "nous", "vous", "leur", "leurs", "son", "sa", "ses", "pour", "par", "avec", "dans", "sur", "sous", "en", "au",
    "aux", "et", "ou", "mais", "si", "quand", "lors", "depuis", "après", "avant", "entre", "selon", "chez", "à",
    "de", "du", "d'", "tout", "tous", "toute", "toutes", "plus", "moins", "très", "aussi", "ainsi", "déjà", "enfin",
    "mme", "m", "mm", "monsieur", "madame", "maire", "président", "présidente", "ville", "commune", "région",
    "conseil", "jumelage", "coopération", "convention", "accord", "protocole", "charte", "contrat", "publicité",
    "photo", "crédit", "lire", "voir", "suite", "source", "facebook", "twitter", "linkedin", "partager",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "europe", "afrique",
    "amérique", "asie", "monde", "état", "etat", "gouvernement", "assemblée", "sénat", "union", "nord", "sud",
    "est", "ouest", "centre", "saint", "sainte", "grand", "grande", "nouvelle", "nouveau", "hôtel", "place",
    "rue", "avenue", "fort", "mont", "parc", "port", "bourgmestre", "sindaco", "maison", "salle", "temple",
    "gouvernement",
}


def mentions(text: str) -> list[Mention]:
    """Every place mention, by position; names under a territorial word first, then the names the
    gazetteer knows that no territorial word introduced."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    group = 0
    for m in NUMBERED.finditer(text):
        number = f"{m.group(1).capitalize()} {m.group(2).upper()}" if m.group(1) else f"{m.group(3)} {m.group(4)}"
        written = f"{number}{m.group(5)}{m.group(6)}"
        kind = "arrondissement" if (m.group(1) or m.group(4)).lower() == "arrondissement" else "commune"
        found.append(Mention(written, written, kind, m.start(), m.end(), "head", 0, m.start()))
        taken.append(m.span())
    numbered = list(taken)
    for m in HEADED.finditer(text):
        if any(a <= m.start(3) < b for a, b in numbered):
            continue  # 'district de Bamako' inside 'la commune V du district de Bamako'
        head = m.group(1)
        kind = HEADS.get(head) or HEADS.get(head.lower(), "ville")
        if head.lower() == "pays" and not head[0].isupper():
            continue  # 'les deux pays', 'le pays d'accueil': no territory named
        group += 1
        plural = head.split(" ")[0].lower().endswith(("s", "x")) and head.lower() not in ("pays", "district")
        names = _SPLIT_LIST.split(m.group(3)) if plural else [m.group(3).split(" et ")[0].split(", ")[0]]
        position = m.start(3)
        for n, name in enumerate(names):
            name = _known_part(_trim(name))
            start = text.find(name, position)
            if not name or start < 0 or name.lower() in NOT_PLACES or name.isupper() and len(name) > 3 or \
                    not m.group(2) and not head[0].isupper() and _adjective(name, kind):
                continue
            position = start + len(name)
            keep = kind in KEEP_HEAD or head[0].isupper() and not plural and head.lower() not in BARE_HEADS
            written = f"{head}{m.group(0)[len(head):m.start(3) - m.start()]}{name}" if keep and not plural \
                else name
            lead = m.start() if n == 0 else start
            found.append(Mention(name, written.strip(), kind, start, position, "head", group if plural else 0, lead))
            taken.append((lead, position))
    for m in ROLE.finditer(text):  # 'le maire de Chiomonte', 'président de la Cob': a place, known or not
        index = 1 if m.group(1) else 2
        name = _known_part(_trim(m.group(index)))
        start = m.start(index)
        if name and name.lower() not in NOT_PLACES and not _organisation(name) \
                and not any(a <= start < b for a, b in taken):
            found.append(Mention(name, name, None, start, start + len(name), "role", 0, start))
            taken.append((start, start + len(name)))
    pairs = [(m, (1, 2)) for m in PAIR.finditer(text)] + [(m, (1,)) for m in WITH.finditer(text)]
    for m, groups in pairs:  # 'entre la ville de Saint-Paul-lès-Dax et Caldès de Monbui', 'jumelage avec X'
        names = [(_known_part(_trim(m.group(i))), m.start(i)) for i in groups]
        if any(countries.resolve(n) and not known(n) for n, _ in names):
            continue  # 'entre la France et le Québec': countries, the context of an agreement
        for name, start in names:
            if name and name.lower() not in NOT_PLACES and not _organisation(name) \
                    and not any(a <= start < b for a, b in taken):
                found.append(Mention(name, name, None, start, start + len(name), "pair", 0, start))
                taken.append((start, start + len(name)))
    headline = text[:text.find("\n", 20) % (len(text) + 1)][:300]
    for m in re.finditer(r"\bentre ([a-zà-ÿ][\w'\-]+(?: [\w'\-]+)?) et ([a-zà-ÿ][\w'\-]+)", headline):
        for i in (1, 2):  # a headline in lower case: 'protocole de jumelage entre conakry et ouagadougou'
            places = gazetteer.places(m.group(i))
            if known(m.group(i).title()) and places and not any(a <= m.start(i) < b for a, b in taken):
                name = places[0].name
                found.append(Mention(name, name, None, m.start(i), m.end(i), "pair", 0, m.start(i)))
                taken.append(m.span(i))
    for m in ENUMERATION.finditer(text):
        group += 1
        position = m.start()
        for name in re.split(r",? et |, ", m.group(0)):
            start = text.find(name, position)
            position = start + len(name)
            if name.lower() in NOT_PLACES or _organisation(name) or any(a <= start < b for a, b in taken):
                continue
            found.append(Mention(name, name, None, start, position, "listed", group, start))
            taken.append((start, position))
    for m in SUFFIXED.finditer(text):
        name = _known_part(_trim(m.group(1)))  # 'Perpignan Méditerranée Métropole' is Perpignan's
        if name and name.lower() not in NOT_PLACES:
            kind = "métropole" if m.group(2).lower() == "métropole" else "agglomération"
            found.append(Mention(name, m.group(0), kind, m.start(), m.end(), "head", 0, m.start()))
            taken.append(m.span())
    for m in ANY_NAME.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        for name, start in _known_in(m.group(0), m.start(), text):
            found.append(Mention(name, name, None, start, start + len(name), "known", 0, start))
    return sorted(found, key=lambda x: x.start)


def city_of(name: str) -> str | None:
    """The city a numbered part of it names ('Commune V du district de Bamako' -> 'Bamako'), else None."""
    m = NUMBERED.fullmatch(name)
    return m.group(6) if m else None


def _organisation(name: str) -> bool:
    """A name holding an acronym ('Enda GRAF SAHEL', 'AIMF'): a body, not a territory (roman
    numerals apart: 'Commune III')."""
    return any(len(w) >= 3 and w.isupper() and not re.fullmatch(r"[IVXLC]+", w) for w in re.split(r"[ \-']", name))


def _adjective(name: str, kind: str) -> bool:
    """'la ville Russe', 'la commune Française': a town is 'la ville de X'; a region may be
    'la région Bretagne', a region the ISO list or the gazetteer knows, or a name of several words."""
    if kind in ("ville", "commune", "municipalité"):
        return True
    return " " not in name and "-" not in name and not region_codes(name) and not gazetteer.subdivision(name)


def _trim(name: str) -> str:
    """A name without the particles its pattern swallows at the end: 'Pau En' -> 'Pau'."""
    return re.sub(r"(?:[ \-](?:de|du|des|la|le|les|d'|l'|sur|en|et|aux|au|à))+$", "", name).strip(" -'")


def _known_part(name: str) -> str:
    """A name cut back to the longest start the gazetteer knows ('Ile-de-France Portant' in a
    headline in capitals is Ile-de-France); the name itself when none is known."""
    if known(name):
        return name
    where = re.fullmatch(r"(.+?) (?:en|au|aux) (\S.*)", name)
    if where and countries.resolve(where.group(2)):  # 'Sotchi en Russie'
        return _known_part(where.group(1))
    words = name.split(" ")
    for end in range(len(words) - 1, 0, -1):
        if not words[end][:1].isupper():
            break  # 'Caldès de Monbui' is not cut back to a Caldès
        if known(" ".join(words[:end])):
            return " ".join(words[:end])
    return name


def _known_in(span: str, start: int, text: str) -> list[tuple[str, int]]:
    """The places the gazetteer knows in one capitalised span: the span itself, without a leading
    article or title, or its two halves when it joins two places ('Angers-Bamako')."""
    before = text[max(0, start - 5):start]
    if re.search(r"(?:\bM|Mme|MM|Dr)\.? ?$", before):
        return []  # 'M. Brossard'
    words = span.split(" ")
    if words[0] in ("La", "Le", "Les", "L'") and len(words) > 1 and _sentence_start(text, start):
        if not known(span):
            return _known_in(" ".join(words[1:]), start + len(words[0]) + 1, text)
    if known(span):
        if " " not in span and "-" not in span and _sentence_start(text, start) and not any(
                p.population >= 20_000 and gazetteer.key(p.name) == gazetteer.key(span) for p in gazetteer.places(span)):
            return []  # 'Rien à signaler', 'Nés dans le cadre…': a word opening a sentence, not a town
        return [(_trim(span), start)]
    for sep in (" et ", " en ", " au ", " aux ", " à ", " ou "):  # 'Kayes au Mali', 'A et B'
        if sep in span:
            left, right = span.split(sep, 1)
            return _known_in(left, start, text) + _known_in(right, start + len(left) + len(sep), text)
    for sep in (" - ", " – ", "-"):
        if sep in span:
            parts = span.split(sep)
            for i in range(1, len(parts)):
                left, right = sep.join(parts[:i]), sep.join(parts[i:])
                if known(left) and known(right):
                    return [(left, start), (right, start + len(left) + len(sep))]
    return []


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" «\"")
    return not before or before[-1] in ".!?\n:"


@cache
def known(name: str) -> bool:
    """A place the gazetteer knows, and not a word that merely looks like one."""
    if len(name) < 3 or name.lower() in NOT_PLACES or name.isupper() and len(name) <= 4:
        return False
    country = countries.resolve(name)
    found = gazetteer.places(name)
    if country and not gazetteer.subdivision(name):  # a country is context, not a party; its capital
        return any(p.country == country.country and p.population >= 50_000 for p in found)  # (Tunis) is not
    return bool(found) or bool(region_codes(name))


@cache
def region_codes(name: str) -> list[str]:
    """ISO 3166-2 codes of the subdivisions of that name in any country ('Ontario', 'Ariana')."""
    from ..countries import subdivisions_named

    return subdivisions_named(name)
