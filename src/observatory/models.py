"""Domain types shared by every pipeline stage.

These pydantic models *are* the data contracts of PRODUCT.md: field names here are the names in
`observatory extract --format jsonl`, in `observatory report --format json` and in the REST API.
Stages exchange these objects; the ORM tables in `observatory.store` are a separate concern.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["killed", "injured", "missing", "detained", "kidnapped", "displaced"]
OUTCOMES: tuple[Outcome, ...] = ("killed", "injured", "missing", "detained", "kidnapped", "displaced")

Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "range", "vague"]

VictimGroup = Literal[
    "civilians", "children", "women", "men", "combatants", "security_forces", "aid_workers",
    "journalists", "medical", "people", "unknown",
]
VICTIM_GROUPS: tuple[VictimGroup, ...] = (
    "civilians", "children", "women", "men", "combatants", "security_forces", "aid_workers",
    "journalists", "medical", "people", "unknown",
)

SourceKind = Literal[
    "monitor", "government", "military", "armed_group", "un_ngo", "media", "witness", "medical",
    "local_sources", "unnamed", "social_media",
]

ContradictionKind = Literal[
    "count", "initiator", "perpetrator", "victims", "attribution", "denial", "single_source",
]

Grade = Literal["confirmed", "fair", "weak", "contested", "single_source"]

# How exactly a place is known: the named place itself, somewhere near it, a district, a
# province/governorate, a described region ("the coastal region"), or only the country.
GeoPrecision = Literal["exact", "near", "admin2", "admin1", "region", "country"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- documents (ingest)
class SocialPost(Model):
    """A social-media post embedded in an article, kept apart from the article's own text."""

    author: str | None = None
    handle: str | None = None
    date: dt.date | None = None
    text: str
    url: str | None = None


class DocumentInput(Model):
    """One document as read by ingest, before extraction.

    `text` is the article body with embedded social posts removed; every character span produced
    by extraction indexes into this string. `id` is deterministic from the content (see
    `observatory.ingest.document_id`) so `extract` without a database and `ingest` agree.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    path: str | None = None
    language: str | None = None
    content_hash: str
    social_posts: list[SocialPost] = Field(default_factory=list)


# --------------------------------------------------------------------------- claims (extract)
class Count(Model):
    low: int | None
    high: int | None
    qualifier: Qualifier
    text: str


class Victims(Model):
    group: VictimGroup
    side: str | None = None
    label: str


class Perpetrator(Model):
    label: str
    actor: str | None = None
    side: str | None = None


class Location(Model):
    label: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision | None = None
    # True when the place was not in the claim's sentence but carried over from the paragraph,
    # an event or the headline.
    inferred: bool = False


class TimeRef(Model):
    label: str
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Literal["day", "days", "week", "month", "year"] | None = None
    inferred: bool = False


class Source(Model):
    label: str
    name: str | None = None
    kind: SourceKind


class Claim(Model):
    id: str
    doc: str
    text: str
    span: tuple[int, int]
    outcome: Outcome
    count: Count
    victims: Victims
    part_of: str | None = None
    perpetrator: Perpetrator | None = None
    location: Location | None = None
    time: TimeRef | None = None
    source: Source | None = None
    hedged: bool = False
    historical: bool = False
    superseded: bool = False
    # Filled by reconcile; absent (null) straight out of extract.
    grade: Grade | None = None
    outlet: str | None = None


# --------------------------------------------------------------------------- context (extract)
class ActorMention(Model):
    id: str
    doc: str
    span: tuple[int, int]
    text: str
    actor: str | None  # canonical name from the gazetteer, None when only NER knows it
    type: str | None = None  # state_force, armed_group, militia, government, foreign_state, ...
    side: str | None = None
    country: str | None = None


class PlaceMention(Model):
    id: str
    doc: str
    span: tuple[int, int]
    text: str
    name: str | None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision | None = None


class Event(Model):
    id: str
    doc: str
    text: str
    span: tuple[int, int]
    event_type: str  # ACLED type: battles, violence_against_civilians, explosions_remote_violence, ...
    sub_event_type: str | None = None
    kind: str | None = None  # notable kind: ambush, mass_grave, funeral, execution, arrest_campaign
    actors: list[str] = Field(default_factory=list)
    location: Location | None = None
    time: TimeRef | None = None
    claims: list[str] = Field(default_factory=list)


class Quote(Model):
    id: str
    doc: str
    span: tuple[int, int]
    text: str
    speaker: str | None
    speaker_role: str | None = None
    outlet: str | None = None


class DocumentExtraction(Model):
    """Everything extracted from one document."""

    doc: str
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    actors: list[ActorMention] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


# --------------------------------------------------------------------------- report (reconcile/publish)
class TollRange(Model):
    low: int
    best: int
    high: int
    claims: list[str] = Field(default_factory=list)


class Toll(Model):
    low: int
    best: int
    high: int
    by_group: dict[str, TollRange] = Field(default_factory=dict)
    claims: list[str] = Field(default_factory=list)


class TimelinePoint(Model):
    outcome: Outcome
    group: str
    published: dt.date | None
    doc: str
    outlet: str | None
    source: str | None
    low: int | None
    high: int | None
    claim: str
    superseded: bool = False


class Contradiction(Model):
    kind: ContradictionKind
    summary: str
    claims: list[str] = Field(default_factory=list)
    docs: list[str] = Field(default_factory=list)


class IncidentSource(Model):
    name: str
    kind: SourceKind | None = None
    outlets: list[str] = Field(default_factory=list)
    docs: list[str] = Field(default_factory=list)


class Incident(Model):
    id: str
    title: str
    event_type: str | None
    sub_event_type: str | None = None
    location: Location | None
    country: str | None = None
    start: dt.date | None
    end: dt.date | None
    toll: dict[str, Toll] = Field(default_factory=dict)
    sources: list[IncidentSource] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    timeline: list[TimelinePoint] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    grade: Grade
    docs: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)


class ReportSocialPost(Model):
    author: str | None
    handle: str | None
    date: dt.date | None
    text: str


class ReportDocument(Model):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    path: str | None
    social_posts: list[ReportSocialPost] = Field(default_factory=list)
    duplicate_of: str | None = None


class ReportQuote(Model):
    speaker: str | None
    text: str
    doc: str
    outlet: str | None
    single_source: bool


class Report(Model):
    incidents: list[Incident] = Field(default_factory=list)
    documents: list[ReportDocument] = Field(default_factory=list)
    quotes: list[ReportQuote] = Field(default_factory=list)
