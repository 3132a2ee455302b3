"""The territories party to the agreement an article is about."""

from __future__ import annotations

import re
from collections import namedtuple

from .. import gazetteer, vocabulary
from ..entry import short_name
from .people import is_org
from .text import NAME, OF, sentence_at, strip_tail

Mention = namedtuple("Mention", "name kind country start sentence")


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



def territory_mentions(text: str, sents: list[str]) -> list[Mention]:
    mentions = []
    for regex, kind, country in PATTERNS:
        for m in re.finditer(regex, text):
            name = strip_tail(m.group(0))
            if kind == "pays/PETR" and gazetteer.subdivision(name):
                kind, country = "région", "FR"  # Pays de la Loire is a region
            mentions.append(Mention(name, kind, country, m.start(), sentence_at(text, sents, m.start())))
    return mentions



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
            spans += [(strip_tail(g), sentence) for g in m.groups() if g]
    first = text.strip().splitlines()[:3]
    for line in first:
        dash = re.search(rf"({NAME}) [-–] ({NAME})", line)
        if dash:
            spans += [(strip_tail(dash.group(1)), line), (strip_tail(dash.group(2)), line)]
    return spans


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
            if is_org(name):
                continue
            linked = re.search(rf"{re.escape(name)} est l'(?:agence|organisme|office|outil|société)[^.]*?"
                               rf"({NAME} Métropole|(?:Ville|MRC|Communauté|Pays|Région) {OF}?{NAME})", text)
            if linked:
                target = strip_tail(linked.group(1))
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
