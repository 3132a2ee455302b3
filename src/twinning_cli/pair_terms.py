"""What a twin-towns list's type, status and themes cells say, in the register's vocabulary
(`import --pairs`: 'Coopération décentralisée', 'En cours', 'Culture, Éducation et jeunesse').

A cell is first read as a slug or a label of vocabulary.py; else the first words of a table below
found in it name the term ('Protocole d'accord' is a protocol, 'Non renouvelé' ended); else it
names none, and the caller says so in the record's note. Nothing a list says is lost.
"""

from __future__ import annotations

import re

from .vocabulary import UnknownTerm, fold, resolve

# A type cell's words, folded, the first found naming the kind: what the instrument is
# ('Convention de jumelage' a twinning). French decentralized cooperation is made by convention
# with the foreign authority (CGCT L1115-1): 'Coopération décentralisée' is a partnership agreement.
KIND_WORDS = (("contrat de reciprocite", "reciprocity-contract"), ("feuille de route", "roadmap"),
              ("plan d'action", "roadmap"), ("action plan", "roadmap"), ("declaration", "joint-declaration"),
              ("protocole", "cooperation-protocol"), ("protocol", "cooperation-protocol"),
              ("memorandum", "cooperation-protocol"), ("jumel", "twinning"), ("twin", "twinning"),
              ("sister", "twinning"), ("amitie", "twinning"), ("friendship", "twinning"),
              ("partnerschaft", "twinning"), ("hermanamiento", "twinning"), ("gemellaggio", "twinning"),
              ("convention", "partnership-agreement"), ("accord", "partnership-agreement"),
              ("entente", "partnership-agreement"), ("partenariat", "partnership-agreement"),
              ("partnership", "partnership-agreement"), ("agreement", "partnership-agreement"),
              ("cooperation decentralisee", "partnership-agreement"))

# A status cell's words, folded, the first found naming the status ('Non renouvelé' ended, before
# 'renouvel'); 'Inactif', 'En sommeil': a tie asleep is no status of the register (None).
STATUS_WORDS = (("inacti", None), ("sommeil", None), ("dormant", None), ("non renouvel", "ended"),
                ("termin", "ended"), ("achev", "ended"), ("clos", "ended"), ("rompu", "ended"),
                ("dissou", "ended"), ("ancien", "ended"), ("ended", "ended"), ("former", "ended"),
                ("expir", "ended"), ("a signer", "proposed"), ("propos", "proposed"), ("en attente", "proposed"),
                ("en projet", "exploratory"), ("envisag", "exploratory"), ("prospect", "exploratory"),
                ("en discussion", "exploratory"), ("explorat", "exploratory"), ("planned", "exploratory"),
                ("en cours", "signed"), ("actif", "signed"), ("active", "signed"), ("en vigueur", "signed"),
                ("signe", "signed"), ("renouvel", "signed"), ("current", "signed"), ("ongoing", "signed"),
                ("signed", "signed"))


def _term(what: str, text: str, words: tuple) -> str | None:
    try:
        return resolve(what, text)
    except UnknownTerm:
        folded = fold(text).replace("’", "'")
        return next((term for found, term in words if found in folded), None)


def kind_in_cell(text: str) -> str | None:
    """The kind of agreement a type cell names, or None ('Échanges')."""
    return _term("kind", text, KIND_WORDS)


def status_in_cell(text: str) -> str | None:
    """The status a status cell names, or None ('En sommeil')."""
    return _term("status", text, STATUS_WORDS)


# A column of types' words for a territory, folded, and the register's kind: the words French
# lists of decentralized cooperation use, and their English. Another type is kept as written.
_TERRITORY_KINDS = {"commune": "ville", "ville": "ville", "municipalite": "ville", "municipality": "ville",
                    "city": "ville", "town": "ville", "village": "ville", "departement": "département",
                    "department": "département", "region": "région", "metropole": "métropole",
                    "communaute d'agglomeration": "agglomération", "agglomeration": "agglomération",
                    "communaute de communes": "communauté de communes", "communaute urbaine": "communauté urbaine",
                    "petr": "pays/PETR", "pays": "pays/PETR", "mrc": "MRC", "province": "province",
                    "county": "comté", "comte": "comté", "etat": "état", "state": "état", "district": "district",
                    "gouvernorat": "gouvernorat", "governorate": "gouvernorat", "prefecture": "préfecture"}


# The kinds of those that are regions, which ISO 3166-2 may name (not a métropole nor a pays)
REGION_TYPES = {"département", "région", "province", "comté", "état", "district", "gouvernorat", "préfecture"}


def territory_kind(text: str) -> str:
    """The kind of territory a type cell names ('Commune' ville, 'Département', 'Communauté de
    communes'), else the cell as written ('EPCI', 'Syndicat mixte')."""
    return _TERRITORY_KINDS.get(fold(text).replace("’", "'"), text.strip())


_PARTS = re.compile(r"\s*(?:[;,/|\n•]|\s-\s)\s*")
_AND = re.compile(r"\s+(?:et|and|und|y|e|&)\s+", re.IGNORECASE)


def domains_in_cell(text: str) -> tuple[list[str], list[str]]:
    """A themes cell as the register's domains ('Culture', 'Éducation', 'Eau et assainissement' as
    one, 'Tourisme et patrimoine' as two), and what names none as the record's topics, as written
    ('Coopération institutionnelle')."""
    domains: list[str] = []
    topics: list[str] = []
    for part in filter(None, _PARTS.split(text.strip())):
        try:
            found = [resolve("domain", part)]
        except UnknownTerm:
            try:
                found = [resolve("domain", word) for word in _AND.split(part)]
            except UnknownTerm:
                found = []
                if part not in topics:
                    topics.append(part)
        for slug in found:
            if slug not in domains:
                domains.append(slug)
    return domains, topics
