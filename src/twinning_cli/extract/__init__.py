"""`twinning extract`: a first draft of a record from a French press release, offline.

Rules, not a model: the instrument's name gives the kind, the verbs the status,
the territorial words (Ville de, MRC, Métropole, Pays, Région…) and the gazetteer
the parties, dateparser the absolute dates and our own rules the relative ones
('vendredi dernier', 'le 29 juin prochain') that it leaves alone. Every field
keeps the sentence it came from and a confidence, for the person who checks it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import namedtuple

from .. import vocabulary
from ..i18n import N_
from .dates import dateline, find_dates, signing_date
from .domains import TOPICS, domains
from .parties import parties
from .people import funding, people, stakeholders
from .signals import EVENT_WORDS, SIGNING, instrument, status
from .text import NAME, clean, sentence_at, sentences

Finding = namedtuple("Finding", "field value evidence confidence")
Draft = namedtuple("Draft", "record findings missing")


def extract(text: str, *, source: str, published: dt.date | None = None, url: str | None = None,
            dated: dt.date | None = None) -> Draft:
    """A draft record from one article, with the evidence behind each field. `published` (the
    user's word) beats the text's dateline; `dated` (a web page's metadata) only stands in for a
    dateline the text lacks."""
    written = clean(text, straight=False)
    text = written.replace("’", "'")
    sents = sentences(text)
    line = dateline(text, published)
    if line.date is None and dated:
        line = line._replace(date=dated, text=f"the page's date, {dated.isoformat()}")
    base, place, dateline_text = line.date, line.place, line.text
    findings: list[Finding] = []
    missing: list[str] = []

    found_parties = parties(text, sents, written)
    for party in found_parties:
        findings.append(Finding("parties", f"{party['name']} ({party['country'] or '?'})",
                                party.pop("_evidence"), party.pop("_confidence")))
        if not party["country"]:
            missing.append(N_("country of {name}").format(name=party["name"]))
    if len(found_parties) < 2:
        missing.append(N_("parties (found fewer than two)"))

    kind, kind_evidence, kind_confidence = instrument(sents)
    findings.append(Finding("kind", kind, kind_evidence, kind_confidence))
    state, state_evidence, renewed, state_confidence = status(sents)
    findings.append(Finding("status", state, state_evidence, state_confidence))
    if not kind:
        missing.append(N_("kind: no instrument named"))
    if not state:
        missing.append(N_("status: no verb of signing, proposal or exploration"))

    dates = find_dates(text, line)
    signed_on, signed_inferred, signed_note = None, False, None
    if state == "signed" and state_evidence:
        signed_on, signed_inferred, signed_note = signing_date(text, sents, dates, line, state_evidence, SIGNING,
                                                               EVENT_WORDS)
        if signed_on:
            findings.append(Finding("signed_on", signed_on, state_evidence, 0.5 if signed_inferred else 0.9))
        else:
            missing.append(N_("signed_on: no date given for the signature"))

    domain_slugs, domain_evidence = domains(text, sents)
    findings.append(Finding("domains", ", ".join(domain_slugs), domain_evidence or "(the whole text)",
                            0.7 if domain_evidence else 0.4))
    names = [p["name"] for p in found_parties]
    events = []
    for d in dates:
        sentence = sentence_at(text, sents, d.start)
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
        "sources": [{"file": source, "publisher": None, "published_on": base.isoformat()[:7] if line.month_only
                     else base.isoformat() if base else None,
                     "dateline": place, "url": url, "note": None}],
        "summary": None,
        "note": "Drafted by twinning extract" + ("; the text speaks of a renewal" if renewed else "") + ".",
    }
    period = re.search(r"\b(20\d\d)\s?[-–]\s?(20\d\d)\b", kind_evidence or "")
    if period and kind:
        record["valid_from"], record["valid_until"] = period.group(1), period.group(2)
    return Draft(record, findings, missing)


def _slug(found: list[dict]) -> str:
    from ..entry import default_slug

    return default_slug(found) if len(found) >= 2 else "draft"

