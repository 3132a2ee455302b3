"""The register's controlled vocabularies: domains, kinds of instrument, statuses.

Everything a filter accepts is resolved here, so the CLI, the model and the
queries agree on one list. Stdlib only: this module sits on the fast read path.
"""

from __future__ import annotations

import re
import unicodedata
from collections import namedtuple
from functools import lru_cache


# Names repeat across a register: each folded once while it is in use, in bounded memory. 256
# names each: importing 100,000 records took the same time as with 4,096 (3 MB more) or 1,024
# (0.5 MB more): what repeats is mostly one record's names, asked for several times.
CACHED = 256


@lru_cache(maxsize=CACHED)
def fold(text: str) -> str:
    """The form names are found by: ASCII (transliterated by anyascii, so no letter is lost),
    lowercase, spaces collapsed: 'Québec ' -> 'quebec', 'Wrocław' -> 'wroclaw', 'Fürth' -> 'furth'.

    Folding is for finding; a territory's identity is `identity` (below), which keeps every letter."""
    if not text.isascii():
        from anyascii import anyascii

        text = anyascii(unicodedata.normalize("NFC", text))
    return " ".join(text.casefold().split())


@lru_cache(maxsize=CACHED)
def search_key(text: str) -> str:
    """The form territories are found by (their name_folded): folded, each run of punctuation a
    space, 'St', 'Ste' and 'Sankt' read as 'Saint' and 'Sainte', as lists write them: 'St-Étienne',
    'Saint Etienne' and 'saint-étienne' -> 'saint etienne'; 'St. Petersburg' -> 'saint petersburg'."""
    folded = fold(text)
    if not _LOOSE.search(folded):
        return folded  # most names: nothing to loosen
    return " ".join([_ABBREVIATED.get(word, word) for word in _PUNCTUATION.sub(" ", folded).split()])


_LOOSE = re.compile(r"[^0-9a-z ]|\b(?:st|ste|sankt)\b|^ | $|  ")
_PUNCTUATION = re.compile(r"[^0-9a-z]+")
_ABBREVIATED = {"st": "saint", "ste": "sainte", "sankt": "saint"}


@lru_cache(maxsize=CACHED)
def identity(text: str) -> str:
    """The name as written, Unicode-normalized (NFC), case-folded, spaces collapsed and
    apostrophes straightened: 'Fürth' and 'Furth' stay two, 'FÜRTH' is 'Fürth'."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(text.casefold().split())


@lru_cache(maxsize=CACHED)
def slugify(text: str) -> str:
    """ASCII, lowercase, hyphen-separated, every letter kept: 'Wrocław' -> 'wroclaw'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# The kind of a party whose source does not say what kind of body it is (a Wikidata item, a party
# another tool lists as 'Rennes, France'): identity lets it join a city of its name nearby.
UNKNOWN_KIND = "territoire"

# Words that name the kind of body rather than the place: 'Ville de Québec' -> 'Québec'.
_PREFIX = re.compile(r"^(ville|municipalit[ée]|commune|city|town|municipality|mrc|r[ée]gion|d[ée]partement|pays|"
                     r"gouvernement|conseil (?:d[ée]partemental|r[ée]gional)|m[ée]tropole|"
                     r"communaut[ée] (?:d'agglom[ée]ration|de communes|urbaine)|agglom[ée]ration)"
                     r"\s+(?:de la |de l'|des |du |de |d'|of the |of )?", re.IGNORECASE)
_SUFFIX = re.compile(r"\s+(?:m[ée]tropole|agglom[ée]ration)$", re.IGNORECASE)


def short_name(name: str) -> str:
    """The place in a territory's official name: 'Rennes Métropole' -> 'Rennes'."""
    return _SUFFIX.sub("", _PREFIX.sub("", name.strip())).strip() or name


class Term(namedtuple("Term", "slug label aliases", defaults=((),))):
    """A vocabulary entry: its slug, its French label (as the data speaks), other words for it.

    (Named tuples rather than dataclasses on the read path: importing dataclasses
    costs a CSV read a sixth of its time.)"""

    def keys(self) -> set[str]:
        return {fold(k) for k in (self.slug, self.label, *self.aliases)}


DOMAINS: tuple[Term, ...] = (
    Term("economy", "Développement économique et innovation",
         ("économie", "économique", "développement économique", "innovation",
          "entreprises", "economic development", "business")),
    Term("tourism", "Tourisme", ("touristique", "tourist")),
    Term("culture", "Culture et industries créatives",
         ("culturel", "industries culturelles et créatives", "industries créatives",
          "creative industries", "arts")),
    Term("heritage", "Patrimoine", ("patrimonial", "histoire")),
    Term("francophonie", "Francophonie", ("langue française", "french language")),
    Term("higher-education-research", "Enseignement supérieur et recherche",
         ("enseignement supérieur", "recherche", "universités", "université",
          "higher education", "research", "universities", "academic")),
    Term("youth-education", "Jeunesse, éducation et formation",
         ("jeunesse", "éducation", "formation", "youth", "education", "training")),
    Term("digital", "Numérique", ("numérique", "digital", "tech", "cybersécurité")),
    Term("health", "Santé", ("health", "sanitaire")),
    Term("climate-environment", "Climat et environnement",
         ("climat", "environnement", "climate", "environment", "écologie")),
    Term("energy-transition", "Transition énergétique",
         ("énergie", "transition énergétique", "energy", "energy transition")),
    Term("agriculture-food", "Agriculture et alimentation",
         ("agriculture", "alimentation", "agroalimentaire", "food")),
    Term("mobility", "Mobilité", ("mobilités", "transport", "transports", "mobility")),
    Term("social", "Coopération sociale et solidarité",
         ("solidarité", "social", "sociale", "solidarity")),
    Term("governance", "Gouvernance et appui institutionnel",
         ("gouvernance", "appui institutionnel", "governance", "institutions")),
    Term("mining", "Mines et sous-sol", ("mines", "minier", "sous-sol", "mining")),
    Term("sport", "Sport", ("sports",)),
    Term("water", "Eau et assainissement", ("eau", "assainissement", "water", "sanitation")),
)

KINDS: tuple[Term, ...] = (
    Term("twinning", "Jumelage", ("jumelage", "twin towns", "charte d'amitié")),
    Term("partnership-agreement", "Convention de partenariat",
         ("convention", "accord", "entente", "accord-cadre", "partnership")),
    Term("cooperation-protocol", "Protocole de coopération",
         ("protocole", "protocole d'entente", "protocol")),
    Term("joint-declaration", "Déclaration commune", ("déclaration", "declaration")),
    Term("reciprocity-contract", "Contrat de réciprocité", ("contrat", "reciprocity")),
    Term("roadmap", "Feuille de route", ("plan d'action", "action plan")),
)

STATUSES: tuple[Term, ...] = (
    Term("exploratory", "Exploratoire", ("en discussion", "projet")),
    Term("proposed", "Proposé", ("proposée", "en attente", "draft")),
    Term("signed", "Signé", ("signée", "en vigueur", "active")),
    Term("ended", "Terminé", ("terminée", "échu", "expired")),
)

VOCABULARIES = {"domain": DOMAINS, "kind": KINDS, "status": STATUSES}


class UnknownTerm(ValueError):
    """A word that names no term of a vocabulary; carries the valid slugs and a guess."""

    def __init__(self, what: str, value: str, terms: tuple[Term, ...]):
        import difflib

        self.what, self.value = what, value
        self.valid = [t.slug for t in terms]
        close = difflib.get_close_matches(fold(value), [k for t in terms for k in t.keys()], n=1, cutoff=0.75)
        self.suggestion = next((t.slug for t in terms if close and close[0] in t.keys()), None)
        from .i18n import _

        self.hint = _(" (did you mean {suggestion!r}?)").format(suggestion=self.suggestion) if self.suggestion else ""
        what_ = {"domain": _("domain"), "kind": _("kind"), "status": _("status")}.get(what, what)
        super().__init__(_("unknown {what} {value!r}{hint}; valid: {valid}").format(
            what=what_, value=value, hint=self.hint, valid=", ".join(self.valid)))

    def brief(self) -> str:
        """For a report of many problems: the domain list is left to `twinning domains`."""
        from .i18n import _

        if self.what != "domain":
            return str(self)
        return _("unknown domain {value!r}{hint}; 'twinning domains' lists the valid ones").format(
            value=self.value, hint=self.hint)


def resolve(what: str, value: str) -> str:
    """The slug a user's word names in vocabulary `what`, or UnknownTerm."""
    terms = VOCABULARIES[what]
    key = fold(value)
    for term in terms:
        if key in term.keys():
            return term.slug
    raise UnknownTerm(what, value, terms)


def label(what: str, slug: str) -> str:
    """French label of a slug (the slug itself if it is not in the vocabulary)."""
    return next((t.label for t in VOCABULARIES[what] if t.slug == slug), slug)


def slugs(what: str) -> list[str]:
    return [t.slug for t in VOCABULARIES[what]]
