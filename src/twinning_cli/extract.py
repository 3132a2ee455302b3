"""`twinning extract`: a first draft of a record from a French press release, offline.

Rules, not a model: the instrument's name gives the kind, the verbs the status,
the territorial words (Ville de, MRC, Métropole, Pays, Région…) and the gazetteer
the parties, dateparser the absolute dates and our own rules the relative ones
('vendredi dernier', 'le 29 juin prochain') that it leaves alone. Every field
keeps the sentence it came from and a confidence, for the person who checks it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import namedtuple
from pathlib import Path

from . import gazetteer, vocabulary
from .entry import short_name

MAX_ARTICLE_BYTES = 5_000_000  # a press release is a few kB; a whole web page, a few hundred
Finding = namedtuple("Finding", "field value evidence confidence")
Draft = namedtuple("Draft", "record findings missing")

UPPER = "A-ZÉÈÊËÀÂÄÎÏÔÖÛÜÇŒ"
# A name is capitalised words joined by spaces, hyphens and particles. Each piece can be read one
# way only (a word holds no hyphen; a hyphen or a space is always a link), and both a word and a
# name are bounded (no real name has 12 words of 40 letters), so that matching stays linear in
# the text: 'A-B-C-…' neither backtracks exponentially nor rescans a long run from every start.
WORD = rf"[{UPPER}][\w'’]{{0,40}}"
LINK = r"(?:[ \-](?:(?:de la|de l'|des|du|de|d'|la|le|les|l'|sur|en|et|aux|au|à la|à l'|à|lès|sous)[ \-]?)?)"
NAME = rf"{WORD}(?:{LINK}{WORD}| \d+\b){{0,12}}"
OF = r"(?:de la |de l'|des |du |de |d')"

MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
DAY = r"(?:1er|\d{1,2})"

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
ORG_WORDS = r"Université|Universite|CCI|Chambre|Cégep|Cegep|Collège|Institut|Agence|Office|Association|" \
            r"Fondation|Société|Centre|Conseil de la Métropole|ministère|Ministère|Gouvernement|Sommet|Fonds|" \
            r"Commission|Pôle|Réseau|Groupe|Banque|Caisse|École|Lycée|Musée|Festival|Orchestre"
EVENT_WORDS = r"mission|délégation|déplacement|sommet|vote|visite|rencontre|accueil|forum|signature|salon|" \
              r"congrès|assises|conseil"

Mention = namedtuple("Mention", "name kind country start sentence")


def clean(text: str) -> str:
    """Plain text: tags stripped, entities decoded, curly apostrophes straightened."""
    if re.search(r"<(?:p|div|br|span|html|body|h\d)\b", text, re.IGNORECASE):
        text = re.sub(r"(?is)<(script|style).*?</\1>", " ", text)
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>", "\n", text)
        text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("’", "'").replace("\u00a0", " ")
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        # Not after 'M.', 'Dr.' or 'St.': a title, not the end of a sentence.
        out += [s.strip() for s in re.split(rf"(?<!\bM\.)(?<!\bDr\.)(?<!\bSt\.)(?<=[.!?»])\s+(?=[{UPPER}«\"\-])",
                                            line) if s.strip()]
    return out


# --- dates ---------------------------------------------------------------------------


def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    found = dateparser.parse(expression, languages=["fr"], settings=settings)
    return found.date() if found else None


def dateline(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None, str | None]:
    """The publication date and place: --published, a 'Ville, le 2 novembre 2023 –' line, a date header."""
    head = text[:600]
    match = re.search(rf"(?m)^\s*({NAME}(?: \([^)]*\))?), le ({DAY} (?i:{MONTHS}) \d{{4}})", head)
    place = match.group(1) if match else None
    found = _parse(match.group(2), None) if match else None
    if published:
        return published, place, None
    if found:
        return found, place, match.group(0).strip()
    header = re.search(r"\bdate (\d{4}-\d{2}(?:-\d{2})?)\b", head)
    if header:
        parts = [int(p) for p in header.group(1).split("-")]
        return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1), None, header.group(0)
    return None, place, None


DateFound = namedtuple("DateFound", "date end inferred note text start")


def find_dates(text: str, base: dt.date | None) -> list[DateFound]:
    """Every date in the text, resolved: absolute, ranges, and relative to `base`."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match, date, end=None, inferred=False, note=None):
        taken.append(match.span())
        found.append(DateFound(date, end, inferred, note, match.group(0), match.start()))

    latest_year = max((int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)), default=None)
    reference = base or (dt.date(latest_year, 1, 1) if latest_year else None)

    for m in re.finditer(rf"\bdu ({DAY})(?: ({MONTHS}))?(?: (\d{{4}}))? au ({DAY}) ({MONTHS})(?: (\d{{4}}))?",
                         text, re.IGNORECASE):
        year = m.group(6) or m.group(3)
        inferred = year is None
        if inferred and reference is None:
            continue
        year = int(year) if year else reference.year
        end = _parse(f"{m.group(4)} {m.group(5)} {year}", None)
        start = _parse(f"{m.group(1)} {m.group(2) or m.group(5)} {year}", None)
        if start and end:
            note = (f"the text gives no year; taken from {'the dateline' if base else 'the latest year it names'}"
                    if inferred else None)
            add(m, start.isoformat(), end.isoformat(), inferred, note)

    pattern = rf"\b(?:({'|'.join(WEEKDAYS)}) )?(?:le )?({DAY}) ({MONTHS})(?: (\d{{4}}))?( prochain)?"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if not free(*m.span()):
            continue
        weekday, day, month, year, coming = m.groups()
        if year:
            date = _parse(f"{day} {month} {year}", None)
            if date:
                add(m, date.isoformat())
            continue
        if reference is None:
            continue
        date = _parse(f"{day} {month} {reference.year}", None)
        if date is None:
            continue
        if coming and date <= reference:
            date = date.replace(year=date.year + 1)
        elif not coming and base and date > base + dt.timedelta(days=7):
            date = date.replace(year=date.year - 1)  # a past event in a release
        where = "the dateline" if base else f"the latest year the text names ({reference.year})"
        add(m, date.isoformat(), inferred=True, note=f"« {m.group(0).strip()} » has no year: taken from {where}")

    if base:
        for m in re.finditer(rf"\b({'|'.join(WEEKDAYS)}) (dernier|prochain)\b", text, re.IGNORECASE):
            target = WEEKDAYS.index(m.group(1).lower())
            delta = (base.weekday() - target) % 7 or 7
            date = base - dt.timedelta(days=delta) if m.group(2).lower() == "dernier" \
                else base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
            add(m, date.isoformat(), inferred=True,
                note=f"« {m.group(0)} » counted from the date of the text, {base.strftime('%A %d %B %Y')}")
        for m in re.finditer(r"\b(hier|aujourd'hui|ce matin)\b", text, re.IGNORECASE):
            date = base - dt.timedelta(days=1) if m.group(1).lower() == "hier" else base
            add(m, date.isoformat(), inferred=True, note=f"« {m.group(1)} » counted from the date of the text")

    for m in re.finditer(rf"\b(?:en|depuis|de) ({MONTHS}) (\d{{4}})\b", text, re.IGNORECASE):
        if free(*m.span()):
            date = _parse(f"1 {m.group(1)} {m.group(2)}", None)
            if date:
                add(m, date.isoformat()[:7])
    for m in re.finditer(r"\b(?:en|depuis|dès) (19[5-9]\d|20\d\d)\b", text):
        if free(*m.span()):
            add(m, m.group(1))
    return sorted(found, key=lambda d: d.start)


# --- territories ---------------------------------------------------------------------

PATTERNS = [  # (regex, kind, country, the name as written is: whole match or group)
    (rf"\b(?:Ville|Municipalité|Commune|Cité) {OF}{NAME}", "ville", None),
    (rf"\bMRC {OF}?{NAME}", "MRC", "CA"),
    (rf"\b(?!(?:La|Le|Les|Cette|Une|Notre|Leur)\b){NAME} Métropole\b", "métropole", "FR"),
    (rf"\bMétropole {OF}{NAME}", "métropole", "FR"),
    (rf"\bCommunauté (?:d'agglomération|de communes|urbaine) {OF}?{NAME}", "agglomération", "FR"),
    (rf"\bagglomération {OF}?{NAME}", "agglomération", None),
    (rf"\bPays {OF}{NAME}", "pays/PETR", "FR"),
    (rf"\bRégion {OF}?{NAME}", "région", None),
    (rf"\b(?:Département|Conseil départemental) {OF}{NAME}", "département", "FR"),
    (r"\bGouvernement du Québec\b", "province", "CA"),
]
ARTICLE = r"(?:la |le |l'|les )?"


def _strip_tail(name: str) -> str:
    """Drop words the name regex swallows at the end: 'Ville de Pau En' -> 'Ville de Pau'."""
    return re.sub(r"(?:[ \-](?:de|du|des|la|le|les|d'|l'|sur|en|et|aux|au))+$", "", name).strip(" -'")


def territory_mentions(text: str, sents: list[str]) -> list[Mention]:
    mentions = []
    for regex, kind, country in PATTERNS:
        for m in re.finditer(regex, text):
            name = _strip_tail(m.group(0))
            if kind == "pays/PETR" and gazetteer.subdivision(name):
                kind, country = "région", "FR"  # Pays de la Loire is a region
            mentions.append(Mention(name, kind, country, m.start(), _sentence_at(text, sents, m.start())))
    return mentions


_SPANS: list = [None, None, []]  # the text and sentences last indexed, and their (start, end, sentence)


def _sentence_at(text: str, sents: list[str], position: int) -> str:
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


def _party_spans(text: str) -> list[tuple[str, str]]:
    """(name, sentence) of the names that stand as parties: 'entre A et B', 'A et B ont signé',
    'A a signé … avec B', 'A travaille avec B', a title 'A - B'."""
    name = rf"{ARTICLE}(?:[\w'’\- ]{{0,30}}? )?({NAME})"
    constructions = [
        rf"\bentre {name},? et {name}",
        rf"\b{ARTICLE}({NAME}) et {ARTICLE}({NAME}),? (?:ont signé|signent|officialisent|s'engagent|ont conclu|"
        rf"renouvellent|ont renouvelé|scellent|ont scellé|collaborent|coopèrent|sont jumelées|seront jumelées)",
        rf"\b{ARTICLE}({NAME}),? (?:a signé|signera|a conclu|a renouvelé|travaille|collabore|coopère)[^.]{{0,160}}?"
        rf"\bavec {ARTICLE}({NAME})",
        rf"\bjumelage (?:entre|avec) {ARTICLE}({NAME})(?: et {ARTICLE}({NAME}))?",
    ]
    spans = []
    for regex in constructions:
        for m in re.finditer(regex, text):
            sentence = text[max(0, text.rfind("\n", 0, m.start())):m.end() + 80]
            spans += [(_strip_tail(g), sentence) for g in m.groups() if g]
    first = text.strip().splitlines()[:3]
    for line in first:
        dash = re.search(rf"({NAME}) [-–] ({NAME})", line)
        if dash:
            spans += [(_strip_tail(dash.group(1)), line), (_strip_tail(dash.group(2)), line)]
    return spans


def _is_org(name: str) -> bool:
    return bool(re.match(rf"(?:{ORG_WORDS})\b", name))


CONTEXT = r",? (en France|au Québec|au Canada|\(France\)|\(Québec\))"


def _country_from_context(text: str, name: str) -> str | None:
    """FR or CA when the text says so right after the name: 'la Ville de Pau, en France'."""
    around = re.search(rf"{re.escape(name)}{CONTEXT}", text)
    return ("FR" if "France" in around.group(1) else "CA") if around else None


def _context_country(text: str, end: int) -> str | None:
    around = re.match(CONTEXT, text[end:end + 20])
    return ("FR" if "France" in around.group(1) else "CA") if around else None


def parties(text: str, sents: list[str]) -> list[dict]:
    """The territories party to the agreement, with kind, country, subdivision and acting body."""
    mentions = territory_mentions(text, sents)
    by_key: dict[str, dict] = {}

    def key(name: str) -> str:
        return vocabulary.slugify(short_name(name))

    # Two places of one name ('Chambly, au Québec' and 'Chambly, en France') stay two.
    contexts: dict[str, set] = {}
    for m in mentions:
        contexts.setdefault(key(m.name), set()).add(_context_country(text, m.start + len(m.name)))
    for m in mentions:
        place = _context_country(text, m.start + len(m.name))
        split = len(contexts[key(m.name)] - {None}) > 1
        if split and place is None:
            continue
        k = f"{key(m.name)}/{place}" if split else key(m.name)
        entry = by_key.setdefault(k, {"name": m.name, "kind": m.kind, "country": place if split else m.country,
                                      "score": 0, "evidence": m.sentence})
        entry["score"] += 1
        if len(m.name) > len(entry["name"]) and m.kind == entry["kind"]:
            entry["name"] = m.name
    chosen: list[str] = []
    acting: dict[str, str] = {}
    for name, sentence in _party_spans(text):
        k = key(name)
        if k not in by_key:
            if _is_org(name):
                continue
            linked = re.search(rf"{re.escape(name)} est l'(?:agence|organisme|office|outil|société)[^.]*?"
                               rf"({NAME} Métropole|(?:Ville|MRC|Communauté|Pays|Région) {OF}?{NAME})", text)
            if linked:
                target = _strip_tail(linked.group(1))
                by_key.setdefault(key(target), {"name": target, "kind": "métropole" if "Métropole" in target
                                                else "ville", "country": None, "score": 0, "evidence": sentence})
                acting[key(target)] = name
                k = key(target)
            elif gazetteer.places(short_name(name)):
                by_key[k] = {"name": name, "kind": "ville", "country": None, "score": 0, "evidence": sentence}
            else:
                continue
        by_key[k]["score"] += 5
        if k not in chosen:
            chosen.append(k)
    if len(chosen) < 2:
        ranked = sorted((k for k in by_key if k not in chosen), key=lambda k: -by_key[k]["score"])
        chosen += ranked[:2 - len(chosen)]
    result = []
    for k in chosen:
        entry = by_key[k]
        country, subdivision, place = _locate(entry, text)
        result.append({"name": entry["name"], "kind": entry["kind"], "country": country,
                       "subdivision": subdivision, "acting_body": acting.get(k),
                       "lat": place.lat if place else None, "lng": place.lng if place else None,
                       "_evidence": entry["evidence"]})
    _complete_countries(result, text)
    return result


def _locate(entry: dict, text: str) -> tuple[str | None, str | None, object]:
    """(country, subdivision, the gazetteer's place or None) of a party."""
    name = short_name(entry["name"])
    if entry["kind"] == "MRC":
        return "CA", "CA-QC", None
    sub = gazetteer.subdivision(name)
    if entry["kind"] in ("région", "département", "province") and sub:
        return sub[0], sub[1] if entry["kind"] != "département" else None, None
    wanted = entry["country"] or _country_from_context(text, entry["name"]) or _country_from_context(text, name)
    known = [p for p in gazetteer.places(name) if wanted in (None, p.country)]
    if known and entry["kind"] in ("ville", "municipalité"):
        return known[0].country, known[0].subdivision, known[0]
    if known:
        return known[0].country, known[0].subdivision, None
    return wanted, None, None


def _complete_countries(found: list[dict], text: str) -> None:
    """In a France–Québec text, a party of unknown country faces the other side."""
    franco_quebec = re.search(r"franco-québécois|québécois|au Québec|Québec", text)
    known = {p["country"] for p in found if p["country"]}
    for party in found:
        if party["country"] is None and franco_quebec and len(known) == 1:
            party["country"] = "CA" if known == {"FR"} else "FR"
            party["subdivision"] = "CA-QC" if party["country"] == "CA" else None


# --- the rest ------------------------------------------------------------------------


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


ROLE = r"[Mm]aire|[Mm]airesse|[Pp]résident\w*|[Pp]remier ministre|[Mm]inistre|[Dd]irect\w+|[Pp]réfè?te?|" \
       r"[Vv]ice-\w+|[Cc]onseill\w+|[Dd]éputé\w*|[Rr]esponsable|[Cc]he(?:f|ffe)|[Ss]ecrétaire|[Dd]élégué\w*"
PERSON = rf"(?:{WORD}[ \-]){{1,2}}{WORD}"
TITLES = {"M", "M.", "Mme", "Monsieur", "Madame", "Me", "Dr"}


def _is_person(name: str, places: list[str]) -> bool:
    words = name.replace("-", " ").split()
    return (len(name.split()) >= 2 and not TITLES & set(words) and not _is_org(name)
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
        name = _strip_tail(m.group(1))
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


def extract(text: str, *, source: str, published: dt.date | None = None) -> Draft:
    """A draft record from one article, with the evidence behind each field."""
    text = clean(text)
    sents = sentences(text)
    base, place, dateline_text = dateline(text, published)
    findings: list[Finding] = []
    missing: list[str] = []

    found_parties = parties(text, sents)
    for party in found_parties:
        findings.append(Finding("parties", f"{party['name']} ({party['country'] or '?'})",
                                party.pop("_evidence"), 0.8 if party["country"] else 0.4))
        if not party["country"]:
            missing.append(f"country of {party['name']}")
    if len(found_parties) < 2:
        missing.append("parties (found fewer than two)")

    kind, kind_evidence = instrument(sents)
    findings.append(Finding("kind", kind, kind_evidence, 0.8 if kind else 0))
    state, state_evidence, renewed = status(sents)
    findings.append(Finding("status", state, state_evidence, 0.7 if state else 0))
    if not kind:
        missing.append("kind: no instrument named")
    if not state:
        missing.append("status: no verb of signing, proposal or exploration")

    dates = find_dates(text, base)
    signed_on, signed_inferred, signed_note = None, False, None
    if state == "signed" and state_evidence:
        signing = [x for x in sents if re.search(SIGNED, x, re.IGNORECASE)]
        in_sentence = [d for x in signing for d in dates if d.text in x and not d.end
                       and not (dateline_text and d.text in dateline_text)]
        ranges = [d for d in dates if d.end and re.search(EVENT_WORDS, _sentence_at(text, sents, d.start),
                                                          re.IGNORECASE)]
        if in_sentence:
            signed_on, signed_inferred, signed_note = in_sentence[0].date, in_sentence[0].inferred, in_sentence[0].note
        elif re.search(r"occasion|lors|pendant|durant|accueil|mission|visite", state_evidence, re.IGNORECASE) \
                and len(ranges) == 1:
            span = ranges[0]
            signed_on = span.date[:7] if span.date[:7] == span.end[:7] else span.date[:4]
            signed_inferred = True
            signed_note = f"Signed during the event of {span.date} to {span.end} (« {span.text} »)."
        if signed_on:
            findings.append(Finding("signed_on", signed_on, state_evidence, 0.5 if signed_inferred else 0.8))
        else:
            missing.append("signed_on: no date given for the signature")

    domain_slugs, domain_evidence = domains(text, sents)
    findings.append(Finding("domains", ", ".join(domain_slugs), domain_evidence or "(the whole text)",
                            0.7 if domain_evidence else 0.4))
    names = [p["name"] for p in found_parties]
    events = []
    for d in dates:
        sentence = _sentence_at(text, sents, d.start)
        if dateline_text and d.text in dateline_text:
            continue
        if re.search(EVENT_WORDS, sentence, re.IGNORECASE) and len(d.date) >= 7:
            where = re.search(rf"\b(?:à|au|en) ({NAME})", sentence[sentence.find(d.text):] if d.text in sentence
                              else sentence)
            events.append({"date": d.date, "end": d.end, "date_inferred": d.inferred, "date_note": d.note,
                           "place": where.group(1) if where else None,
                           "description": sentence[:200] + ("…" if len(sentence) > 200 else "")})
    if signed_on and not any(e["date"] == signed_on for e in events):
        events.append({"date": signed_on, "end": None, "date_inferred": signed_inferred, "date_note": signed_note,
                       "place": None, "description": "Signature."})
    events.sort(key=lambda e: (e["date"], e["end"] or ""))

    label = vocabulary.label("kind", kind) if kind else "Accord"
    record = {
        "slug": _slug(found_parties),
        "title": f"{label} entre {' et '.join(names) or '…'}",
        "kind": kind, "status": state,
        "signed_on": signed_on, "signed_on_inferred": signed_inferred, "signed_on_note": signed_note,
        "valid_from": None, "valid_until": None,
        "parties": found_parties,
        "domains": domain_slugs,
        "topics": [t for t in TOPICS if re.search(rf"\b{re.escape(t)}", text, re.IGNORECASE)],
        "people": people(text, names, state_evidence),
        "stakeholders": stakeholders(text, names),
        "funding": funding(text),
        "events": events,
        "sources": [{"file": source, "publisher": None, "published_on": base.isoformat() if base and
                     (published or dateline_text and "date " not in dateline_text) else
                     (dateline_text.split()[-1] if dateline_text else None),
                     "dateline": place, "url": None, "note": None}],
        "summary": None,
        "note": "Drafted by twinning extract" + ("; the text speaks of a renewal" if renewed else "") + ".",
    }
    period = re.search(r"\b(20\d\d)\s?[-–]\s?(20\d\d)\b", kind_evidence or "")
    if period and kind:
        record["valid_from"], record["valid_until"] = period.group(1), period.group(2)
    return Draft(record, findings, missing)


def _slug(found: list[dict]) -> str:
    from .entry import default_slug

    return default_slug(found) if len(found) >= 2 else "draft"


def read_article(path: str) -> tuple[str, str]:
    """(text, source name) of FILE or standard input, read within the size limit."""
    from .streams import read_text

    return read_text(path, max_bytes=MAX_ARTICLE_BYTES), "stdin" if path == "-" else Path(path).name
