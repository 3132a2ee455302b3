"""The territories party to the agreement an article is about.

Every place the article names is a candidate (places.py); each earns points from where it
stands: in the headline, in 'entre A et B', 'A et B ont signé', 'jumelage avec B', 'le maire de A',
in a sentence about the agreement, after a territorial word, and from how often it comes back.
A place named as a venue ('à Lausanne') or as the country around a party ('au Mali') earns
little. The best two are the parties, with any others that stand beside them as parties do, and a
list of places the agreement joins to a party ('avec les communes de A, B et C') comes whole.
"""

from __future__ import annotations

import re
from collections import namedtuple

from .. import countries, gazetteer
from .people import is_org
from .places import Mention, city_of, mentions, region_codes
from .text import NAME, OF, sentence_at, strip_tail

Candidate = namedtuple("Candidate", "key mentions score strong")
AGREEMENT = re.compile(r"jumel|convention|accord|protocole|charte|pacte|contrat|partenariat|coopération|entente|"
                       r"signé|signature|paraph|officialis", re.IGNORECASE)
PLURAL_VERB = re.compile(r",? (?:(?:ont|sont|vont|veulent|viennent|peuvent|doivent|s'engagent|se sont|l'ont|ne|"
                         r"y|en|qui)\b|(?:[a-zéèêàâîôûç]+ent)\b)")
LINKS_WITH = re.compile(r"(?:jumel\w*|partenariat|coopération|convention|accord|protocole|charte|pacte|contrat|"
                        r"entente|amitié|liens?)\b[^.\n]{0,60}?\b(?:avec|entre)\s+(?:la |le |les |l')?$",
                        re.IGNORECASE)
# What a list of places joined to a party follows: 'jumelage avec les communes de', '…, soit'.
GROUP_LINK = re.compile(r"(?:jumel\w*|partenariat|coopération|convention|accord|protocole|charte|pacte|contrat|"
                        r"entente|amitié)\b[^.\n]{0,60}?\b(?:avec|entre|et)\b[^.\n]{0,50}$|\bsoit\s*$", re.IGNORECASE)
DATELINE = re.compile(r",? le (?:1er|\d{1,2}) \w+ \d{4}")
GAP = re.compile(r"\s*(?:,|et|, et|ainsi que)\s*(?:la |le |les |l'|de |d')?\s*")
VENUE = re.compile(r"(?:\bà|\bau|\baux|\ben|\bdans|\bvers|\bdepuis|\bdu côté de|\bprès de)\s*(?:la |le |l')?$",
                   re.IGNORECASE)
MAYOR = re.compile(r"(?:maire|mairesse|bourgmestre|sindaco|homologue|président\w*|édiles?)\s+(?:de la |de l'|du |de |d')"
                   r"?(?:la |le |l')?(?:ville |commune |municipalité |région |mairie )?(?:de |d'|du )?$",
                   re.IGNORECASE)


def parties(text: str, sents: list[str], written: str | None = None) -> list[dict]:
    """The territories party to the agreement, with kind, country, subdivision and acting body;
    names as `written` (the text with its own apostrophes, same length) writes them."""
    found = mentions(text)
    groups = _lists(found, text)
    candidates = _score(found, text)
    chosen = _choose(candidates, text)
    first = list(chosen)
    for members in groups.values():  # a list the agreement joins to a chosen party comes whole
        keys = {_key(m) for m in members}
        sentence = sentence_at(text, sents, members[0].start)
        if len(keys) >= 2 and GROUP_LINK.search(text[max(0, members[0].lead - 120):members[0].lead]) and any(
                c.key not in keys and _named_in(c, sentence) for c in first):
            chosen += [candidates[k] for k in dict.fromkeys(_key(m) for m in members)
                       if candidates[k] not in chosen]
    in_text = _countries_named(text)
    said = {c.key: _said(c, text) for c in chosen[:12]}
    result = []
    for candidate in sorted(chosen[:12], key=lambda c: c.mentions[0].start):  # in the article's order
        # A country said right after another party ('avec Zeppolo, en Italie') is that party's:
        # it does not draw this one to a namesake there (Pau, Sardinia, for Pau).
        theirs = {country for key, country in said.items() if key != candidate.key} - {said[candidate.key]}
        party = _describe(candidate, text, [country for country in in_text if country not in theirs])
        party["name"] = _as_written(candidate, party["name"], text, written or text)
        # Sure when it stands as a party ('entre A et B', 'A et B ont signé') and is a place the
        # gazetteer knows or a territorial word names; less when chosen for how often it comes back.
        placed = any(m.how in ("head", "known") for m in candidate.mentions)
        party["_confidence"] = (0.9 if candidate.strong >= 2 and placed else 0.6) if party["country"] else 0.4
        party["_evidence"] = sentence_at(text, sents, candidate.mentions[0].start)
        result.append(party)
    _acting_bodies(result, text)
    _complete_countries(result, text)
    return result


def _complete_countries(found: list[dict], text: str) -> None:
    """In a France–Québec text, a party of unknown country faces the other side."""
    known = {p["country"] for p in found if p["country"]}
    if known in ({"FR"}, {"CA"}) and re.search(r"franco-québécois|québécois|Québec", text):
        for party in found:
            if party["country"] is None:
                party["country"] = "CA" if known == {"FR"} else "FR"
                party["subdivision"] = "CA-QC" if party["country"] == "CA" else None


def _key(m: Mention) -> str:
    return gazetteer.key(m.name)


def _named_in(candidate: Candidate, sentence: str) -> bool:
    folded = gazetteer.key(sentence)
    return candidate.key in folded


def _lists(found: list[Mention], text: str) -> dict[int, list[Mention]]:
    """Places listed together: under one plural head, or three or more in a row ('soit A, B, C et D')."""
    groups: dict[int, list[Mention]] = {}
    for m in found:
        if m.group:
            groups.setdefault(m.group, []).append(m)
    run: list[Mention] = []
    for m in found:
        if run and re.fullmatch(r"(?:, | et |, et )(?:de |d')?", text[run[-1].end:m.start]):
            run.append(m)
            continue
        if len(run) >= 3:
            groups[-len(groups) - 1] = run
        run = [m]
    if len(run) >= 3:
        groups[-len(groups) - 1] = run
    return groups


def _score(found: list[Mention], text: str) -> dict[str, Candidate]:
    head_end = _headline_end(text)
    scores: dict[str, float] = {}
    strong: dict[str, int] = {}
    by_key: dict[str, list[Mention]] = {}
    together = _subjects(found, text)
    contexts = [_context(text, m.end) for m in found]
    seen: dict[str, set] = {}
    for m, country in zip(found, contexts):
        seen.setdefault(_key(m), set()).add(country)
    split = {k for k, countries_seen in seen.items() if len(countries_seen - {None}) > 1}
    for i, m in enumerate(found):
        k = _key(m)
        if not k or m.how != "head" and is_org(m.written):
            continue
        if k in split:  # two places of one name, told apart by what follows them
            if contexts[i] is None:
                continue
            k = f"{k}/{contexts[i]}"
        by_key.setdefault(k, []).append(m)
        before = text[max(0, m.lead - 80):m.lead]
        line_start = text.rfind("\n", 0, m.start) + 1
        sentence = text[max(line_start, text.rfind(". ", 0, m.start) + 1):text.find(".", m.end) % (len(text) + 1)]
        points = 1.5 if m.how == "head" else 1.0
        aside = VENUE.search(before[-12:]) and not MAYOR.search(before) or DATELINE.match(text, m.end)
        if aside:
            points *= 0.3  # 'à Lausanne', 'au Mali', 'Québec, le 3 mars': where, not who
        if m.start < head_end:
            points += 3
        if AGREEMENT.search(sentence):
            points += 1
        role = 0
        if LINKS_WITH.search(before):
            role += 2  # 'jumelage avec la ville de Sotchi'

        if MAYOR.search(before):
            role += 1
        nxt = found[i + 1] if i + 1 < len(found) else None
        prev = found[i - 1] if i else None
        role += 2 * (i in together)  # 'A, B et C ont signé'
        if prev and re.search(r"\bentre\s+(?:la |le |les |l')?$", text[max(0, prev.lead - 40):prev.lead]) \
                and re.fullmatch(r"\s*et\s+(?:la |le |les |l'|de |d')?", text[prev.end:m.lead]):
            role += 2  # 'entre A et B'
        if nxt and re.search(r"\bentre\s+(?:la |le |les |l')?$", text[max(0, m.lead - 40):m.lead]) \
                and re.fullmatch(r"\s*et\s+(?:la |le |les |l'|de |d')?", text[m.end:nxt.lead]):
            role += 2
        if m.start < head_end and (prev and prev.start < head_end and re.fullmatch(r"\s*[-–/]\s*", text[prev.end:m.lead])
                                   or nxt and nxt.start < head_end and re.fullmatch(r"\s*[-–/]\s*", text[m.end:nxt.lead])):
            role += 2  # a headline 'A - B'
        role *= not aside
        scores[k] = scores.get(k, 0) + points + 2 * role
        strong[k] = strong.get(k, 0) + role
    return {k: Candidate(k, ms, scores[k], strong[k]) for k, ms in by_key.items()}


def _said(candidate: Candidate, text: str) -> str | None:
    """The country the text says right after one of the candidate's mentions ('Chambly, au
    Québec'), or by an adjective in the phrase that names it ('la ville italienne de Zeppolo')."""
    from ..demonyms import demonym

    after = next((c for c in (_context(text, m.end) for m in candidate.mentions) if c), None)
    if after:
        return after
    adjectives = {found[0] for found in (demonym(text[m.lead:m.start]) for m in candidate.mentions
                                         if m.how == "head" and m.lead < m.start) if found}
    return adjectives.pop() if len(adjectives) == 1 else None


def _context(text: str, end: int) -> str | None:
    """The country a text puts right after a name: ', au Québec', ', en France', ' (Italie)'."""
    after = re.match(r",? (?:en|au|aux) ([A-ZÉÎ][\w'\-]+(?: [A-Z][\w'\-]+)?)|\s?\(([A-ZÉÎ][\w'\- ]+)\)",
                     text[end:end + 40])
    if not after:
        return None
    word = after.group(1) or after.group(2)
    return "CA" if word.startswith("Québec") else countries.country_code(word)


def _subjects(found: list[Mention], text: str) -> set[int]:
    """The mentions that are together the subject of a plural verb: 'A, B et C ont signé'."""
    together: set[int] = set()
    for i, m in enumerate(found):
        if not PLURAL_VERB.match(text[m.end:m.end + 30]):
            continue
        chain = [i]
        while chain[-1] > 0 and len(chain) < 6 and GAP.fullmatch(text[found[chain[-1] - 1].end:found[chain[-1]].lead]):
            chain.append(chain[-1] - 1)
        if len(chain) >= 2:
            together.update(chain)
    return together


def _headline_end(text: str) -> int:
    """Where the headline ends: the first line that says something, within 300 characters."""
    lines = [line for line in text[:600].split("\n")]
    position = 0
    for line in lines:
        position += len(line) + 1
        if len(line.strip()) >= 20:
            return min(position, 300)
    return min(position, 300)


def _choose(candidates: dict[str, Candidate], text: str) -> list[Candidate]:
    ranked = sorted(candidates.values(), key=lambda c: (-c.score, c.mentions[0].start))
    if not ranked:
        return []
    chosen = ranked[:2]
    if len(chosen) == 2 and chosen[1].score < 1.5:
        chosen = chosen[:1]
    floor = chosen[-1].score
    pair = chosen[:2]
    for candidate in ranked[2:]:  # a third party stands where the others stand, in one sentence with them
        if candidate.strong >= 2 and candidate.score >= 0.75 * floor and any(
                all(any(_one_sentence(text, m.start, other.start) for other in c.mentions) for c in pair)
                for m in candidate.mentions):
            chosen.append(candidate)
    return chosen


def _one_sentence(text: str, a: int, b: int) -> bool:
    return not re.search(r"[.!?»]\s|\n", text[min(a, b):max(a, b)])


def _countries_named(text: str) -> list[str]:
    """Countries the text names ('au Mali', 'la Tunisie', 'France'), most named first."""
    counts: dict[str, int] = {}
    for m in re.finditer(NAME, text):
        for word in {m.group(0), *m.group(0).split(" ")}:
            code = countries.country_code(word) if len(word) > 3 else None
            if code:
                counts[code] = counts.get(code, 0) + 1
    if re.search(r"\b(?:Québec|québécois\w*)", text):
        counts["CA"] = counts.get("CA", 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


# Kinds of territory only France has: intercommunal bodies, départements, pays.
FRENCH_KINDS = {"métropole", "communauté de communes", "agglomération", "communauté urbaine", "département",
                "pays/PETR"}


def _describe(candidate: Candidate, text: str, in_text: list[str]) -> dict:
    """The party as the record holds it: a name as written, kind, country, subdivision, a point."""
    ms = candidate.mentions
    forms = [m.written for m in ms]
    kept = [m.written for m in ms if m.written != m.name]
    official = {p.name for p in gazetteer.places(ms[0].name)}
    articled = [f for f in forms if f in official and f != ms[0].name]  # the commune is La Ferté-Imbault
    bare = [m for m in ms if m.how == "head" and m.written == m.name]  # 'la région d'Obock'
    name = max(kept, key=len) if len(kept) > len(bare) else articled[0] if articled else \
        max(forms, key=lambda f: (forms.count(f), f != ms[0].name))
    kind = next((m.kind for m in ms if m.kind), None)
    bare = ms[0].name
    said = _said(candidate, text)
    city = city_of(bare) or (None if kind not in (None, "ville", "commune") or gazetteer.places(bare) else _tail(bare))
    if city:  # a part of a city ('Commune V du district de Bamako', 'Parcelles Assainies de Dakar'):
        # in the city's country, and neither the city's point nor its id
        place = next(iter(sorted(gazetteer.places(city), key=lambda p: (said not in (None, p.country), -p.population))),
                     None)
        country = said or (place.country if place else None)
        return {"name": name, "kind": kind or "commune", "country": country,
                "subdivision": place.subdivision if place and place.country == country else None,
                "acting_body": None, "lat": None, "lng": None}
    places = gazetteer.places(bare)
    regions = region_codes(bare)
    subdivision = gazetteer.subdivision(bare)
    if kind in ("région", "province", "département", "gouvernorat") or not places and (regions or subdivision):
        code = subdivision[1] if subdivision else None
        if not code:
            ranked = sorted(regions, key=lambda c: (c[:2] != said, c[:2] not in in_text, in_text.index(c[:2])
                                                     if c[:2] in in_text else 99))
            code = ranked[0] if ranked else None
        country = said or (code[:2] if code else None)
        if kind is None:
            kind = "province" if country == "CA" else "région"
        return {"name": name, "kind": kind, "country": country, "subdivision": code if kind != "département" else None,
                "acting_body": None, "lat": None, "lng": None}
    if kind == "MRC":
        said = "CA"
    elif kind in FRENCH_KINDS and not said:
        said = "FR"
    pool = [p for p in places if said in (None, p.country)] or places
    pool.sort(key=lambda p: (p.country not in in_text[:3], in_text.index(p.country) if p.country in in_text else 99,
                             -p.population))
    place = pool[0] if pool else None
    country = said or (place.country if place else None)
    subdivision = place.subdivision if place and place.country == country else ("CA-QC" if kind == "MRC" else None)
    here = place is not None and place.country == country
    party = {"name": name, "kind": kind or "ville", "country": country, "subdivision": subdivision,
             "acting_body": None, "lat": place.lat if here else None, "lng": place.lng if here else None}
    if here and kind in (None, "ville", "commune", "municipalité") and gazetteer.geonames_id(place):
        party["geonames"] = gazetteer.geonames_id(place)  # the official identifier of the place it is
    return party


def _tail(name: str) -> str | None:
    """The known place a name unknown itself ends with, after 'de': 'Parcelles Assainies de Dakar'."""
    m = re.search(rf" (?:de |d'|du )({NAME})$", name)
    return m.group(1) if m and gazetteer.places(m.group(1)) else None


def _as_written(candidate: Candidate, name: str, text: str, written: str) -> str:
    """The chosen name as the article writes it (’ and ' alike to the rules, not to a reader)."""
    for m in candidate.mentions:
        for start in (m.lead, m.start):
            if text[start:m.end] == name:
                return written[start:m.end]
    return name


def _acting_bodies(result: list[dict], text: str) -> None:
    """'Cap Sud 66 est l'agence de Perpignan Méditerranée Métropole': the agency acts for the party."""
    for m in re.finditer(rf"({NAME}) est l'(?:agence|organisme|office|outil|société)[^.]*?"
                         rf"({NAME} Métropole|(?:Ville|MRC|Communauté|Pays|Région) {OF}?{NAME})", text):
        target = gazetteer.key(strip_tail(m.group(2)))
        for party in result:
            if gazetteer.key(party["name"]) == target or target.endswith(gazetteer.key(party["name"])):
                party["acting_body"] = m.group(1)

