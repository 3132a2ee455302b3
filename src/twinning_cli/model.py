"""The agreement record, defined once: seed, imports and JSON output share it.

Pydantic is only imported on the paths that write or validate; reads serve the
stored JSON as it is.
"""

from __future__ import annotations

from functools import cache, cached_property
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from . import vocabulary
from .coordinates import read as read_coordinate
from .countries import former, is_country, is_subdivision, town_and_country, where
from .dates import read_partial
from .hygiene import clean
from .i18n import _

MAX_PARTIES = 50  # generous for real intercommunal ententes; bounds every view's work per record


def no_country() -> str:
    """What a party with no country is told (ingest tells a list of one town's twins so apart)."""
    return _("no country given: a code or a name, or in a list of pairs with no country column, after the name of "
             "the town, as in 'Lyon, France'")


@cache
def _country(code: str) -> str:
    if not code:
        raise ValueError(no_country())
    if not is_country(code):
        gone = former(code)
        if gone:  # divided among several states: which one, the list does not say
            raise ValueError(_("{code!r} is a former country (ISO 3166-3 {iso}, until {year}), divided among "
                               "several: give today's country").format(code=code, iso=gone.iso, year=gone.year))
        from .countries import near_hint

        raise ValueError(_("{code!r} is not a country name or ISO 3166-1 alpha-2 code").format(code=code)
                         + near_hint(code))
    return code


@cache
def _code(value: str) -> bool:
    return is_country(value)


@cache
def _subdivision(code: str) -> str:
    if not is_subdivision(code):
        raise ValueError(_('{code!r} is not an ISO 3166-2 subdivision code').format(code=code))
    return code


def _term(what: str):
    """A vocabulary slug; any word the command line accepts for it ('tourisme', 'jumelage',
    'signé') is taken in a file too, and stored as the slug."""
    valid = frozenset(vocabulary.slugs(what))

    @cache
    def check(value: str) -> str:
        if value in valid:
            return value
        try:
            return vocabulary.resolve(what, value)
        except vocabulary.UnknownTerm as error:
            raise ValueError(error.brief()) from None
    return AfterValidator(check)


# A line (a name, a title): no control character at all. A paragraph may hold tabs and line breaks.
# The bounds sit in the one string schema (checked by pydantic-core, not by a Python validator each).
_Line = Annotated[str, StringConstraints(max_length=10_000), BeforeValidator(clean)]
_Paragraph = Annotated[str, StringConstraints(max_length=10_000), BeforeValidator(lambda v: clean(v, paragraph=True))]
Line = Annotated[str, StringConstraints(min_length=1, max_length=10_000), BeforeValidator(clean)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=10_000),
                 BeforeValidator(lambda v: clean(v, paragraph=True))]
# An optional text left empty is absent: "" and None are one value, so a CSV round trip keeps it.
OptLine = Annotated[_Line | None, AfterValidator(lambda v: v or None)]
OptText = Annotated[_Paragraph | None, AfterValidator(lambda v: v or None)]
PartialDate = Annotated[str, AfterValidator(cache(read_partial))]
Country = Annotated[str, AfterValidator(_country)]
Subdivision = Annotated[str, AfterValidator(_subdivision)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Party(Strict):
    name: Line
    kind: Line  # ville, métropole, MRC, agglomération, pays/PETR, région…
    country: Country
    subdivision: Subdivision | None = None
    acting_body: OptLine = None  # who acted for the territory, when not itself
    lat: float | None = Field(default=None, ge=-90, le=90)
    lng: float | None = Field(default=None, ge=-180, le=180)
    wikidata: Annotated[str | None, Field(pattern=r"^Q[1-9][0-9]{0,11}$")] = None  # the item, e.g. Q90
    geonames: Annotated[str | None, Field(pattern=r"^[1-9][0-9]{0,11}$")] = None  # GeoNames feature id

    @model_validator(mode="before")
    @classmethod
    def _as_written(cls, data):
        """A country written as a name ('France', 'Allemagne', 'Scotland', 'Ohio, United States') is
        its code, as in --country and the pairs import, and a nation or region it names is the
        party's subdivision when none is given; a coordinate written with a decimal comma ('45,76',
        a spreadsheet in a French locale), its hemisphere or in degrees, minutes and seconds
        ('48°06′53″N', '4.49 W') is a number."""
        if isinstance(data, str):  # 'Rennes, France', 'Erlangen (Allemagne)': as another tool lists a party
            name, country = town_and_country(data.strip())
            if not country:
                raise ValueError(_("a party written as text needs its country after its name ('Rennes, France'), "
                                   "or an object with name, kind and country"))
            data = {"name": name, "kind": vocabulary.UNKNOWN_KIND, "country": country}
        if not isinstance(data, dict):
            return data
        country = data.get("country")
        if isinstance(country, str) and not _code(country):
            place = where(country)
            if place:
                data = {**data, "country": place.country}
                if place.subdivision and not data.get("subdivision"):
                    data["subdivision"] = place.subdivision
        for axis in ("lat", "lng"):
            value = data.get(axis)
            if value.__class__ is str and (number := read_coordinate(value, axis)) is not None:
                data = {**data, axis: number}
        return data

    @property
    def key(self) -> tuple[str, str]:
        """Who the party is, by name: its name as written (see vocabulary.identity) and country."""
        return (vocabulary.identity(self.name), self.country)

    @model_validator(mode="after")
    def _subdivision_in_country(self) -> Party:
        if self.subdivision and not self.subdivision.startswith(self.country + "-"):
            raise ValueError(_("subdivision {subdivision} is not in country {country}").format(
                                 subdivision=self.subdivision, country=self.country))
        return self


class Person(Strict):
    name: Line
    role: OptLine = None
    party: OptLine = None  # the party's name, when the person speaks for one
    signed: bool = False  # true only when the text says this person signed


class Stakeholder(Strict):
    name: Line
    kind: OptLine = None  # université, chambre de commerce, agence, réseau…
    role: OptLine = None


class Funding(Strict):
    programme: Line
    backers: list[Line] = Field(default_factory=list)


class Event(Strict):
    date: PartialDate
    end: PartialDate | None = None
    date_inferred: bool = False
    date_note: OptText = None  # how an inferred date was worked out
    place: OptLine = None
    description: Text

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.end and self.end < self.date:
            raise ValueError(_('end {end} is before date {date}').format(end=self.end, date=self.date))
        if self.date_inferred and not self.date_note:
            raise ValueError(_('an inferred date needs a date_note saying how it was worked out'))
        return self


class Source(Strict):
    file: Line
    publisher: OptLine = None
    published_on: PartialDate | None = None
    dateline: OptLine = None
    url: OptLine = None
    note: OptText = None

    @model_validator(mode="before")
    @classmethod
    def _as_written(cls, data):
        """A source written as text: a web page's address (its url too), or a file's name."""
        if isinstance(data, str):
            text = data.strip()
            return {"file": text, "url": text} if text.startswith(("http://", "https://")) else {"file": text}
        return data


class Agreement(Strict):
    slug: Slug
    title: Line
    kind: Annotated[str, _term("kind")]
    status: Annotated[str, _term("status")]
    signed_on: PartialDate | None = None
    signed_on_inferred: bool = False
    signed_on_note: OptText = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    parties: list[Party] = Field(min_length=2, max_length=MAX_PARTIES)
    domains: list[Annotated[str, _term("domain")]] = Field(default_factory=list)
    topics: list[Line] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    funding: list[Funding] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    summary: OptText = None
    note: OptText = None

    @model_validator(mode="before")
    @classmethod
    def _lists_as_written(cls, data):
        """Domains and topics as one text with ';' between ('culture; éducation'), and one source
        or party alone, as other tools write them: as lists."""
        if not isinstance(data, dict):
            return data
        changed = {field: [part.strip() for part in data[field].split(";") if part.strip()]
                   for field in ("domains", "topics") if isinstance(data.get(field), str)}
        if isinstance(data.get("sources"), (str, dict)):
            changed["sources"] = [data["sources"]]
        return {**data, **changed} if changed else data

    @model_validator(mode="after")
    def _consistent(self) -> Agreement:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError(_("valid_until {valid_until} is before valid_from {valid_from}").format(
                                 valid_until=self.valid_until, valid_from=self.valid_from))
        if self.signed_on_inferred and not self.signed_on_note:
            raise ValueError(_('an inferred signed_on needs a signed_on_note saying how'))
        if self.signed_on and self.status in ("exploratory", "proposed"):
            raise ValueError(_('status {status} cannot have a signed_on date').format(status=self.status))
        seen: dict[tuple[str, str], list[Party]] = {}
        for party in self.parties:
            if any(_may_be_one(party, other) for other in seen.get(party.key, ())):
                raise ValueError(_("party {name!r} ({country}) is listed twice").format(
                                     name=party.name, country=party.country))
            seen.setdefault(party.key, []).append(party)
        if len(set(self.domains)) != len(self.domains):
            raise ValueError(_('a domain is listed twice'))
        return self

    @cached_property
    def pair_key(self) -> str:
        """Kind and parties as an unordered set: the same pair in either order is one pair."""
        return " | ".join([self.kind, *sorted("/".join(p.key) for p in self.parties)])

    def sort_date(self) -> str | None:
        """The date the register files the agreement under: signature, else the start of its
        validity (a list's 'Date de début'), else its latest event."""
        if self.signed_on:
            return self.signed_on
        if self.valid_from:
            return self.valid_from
        return max((e.date for e in self.events), default=None)


def _may_be_one(party: Party, other: Party) -> bool:
    """Two parties of one name in one country are one territory unless something known of both
    disagrees (identity.same_place: subdivisions, ids, points over 50 km apart): 'Lengnau, Bern'
    and 'Lengnau, Aargau' are twinned, not one town listed twice."""
    from .identity import same_place

    return same_place([None, other.subdivision, other.lat, other.lng, other.wikidata, other.geonames], party)
