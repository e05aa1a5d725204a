"""The flashpoint data model: every record a stage produces, JSON-serialisable.

Offsets (``start``, ``end``) are character offsets into the article text, end exclusive,
so ``article.text[start:end]`` is the evidence for a field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Modality = Literal["asserted", "negated", "hypothetical", "future", "historical", "reported"]
ActorKind = Literal["person", "organisation", "state", "group", "agent", "unknown"]
Channel = Literal["speech", "post", "statement", "interview", "email", "unknown"]
Precision = Literal["day", "week", "month", "year", "decade", "article", "unknown"]
PlaceFeature = Literal["city", "country", "landmark", "region", "admin", "unknown"]

MODALITIES: tuple[str, ...] = (
    "asserted",
    "negated",
    "hypothetical",
    "future",
    "historical",
    "reported",
)


class Record(BaseModel):
    """Base for every record: strict about unknown fields, mutable while a doc is coded."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class CharSpan(Record):
    """A stretch of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


class SentenceRef(CharSpan):
    index: int


class Article(Record):
    """One dated news article: the unit flashpoint reads."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"

    @field_validator("id")
    @classmethod
    def _id_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("article id is empty")
        return value

    @property
    def content_hash(self) -> str:
        """Hash of what determines the coding: the date and the text."""
        digest = hashlib.sha256(f"{self.date.isoformat()}\n{self.text}".encode())
        return digest.hexdigest()[:16]


class Actor(Record):
    """A mention of who did or received something, resolved to a code where possible."""

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: ActorKind = "unknown"
    start: int
    end: int
    #: On an event's actor or recipient: the whole phrase filling the role, of which the
    #: mention is part ("Putin" in "Russian President Vladimir Putin's offer").
    phrase: CharSpan | None = None
    #: A dictionary name that stands for several actors at once (PETRARCH ``[ABC/DEF]``):
    #: the code of each; ``code`` is the first. An event codes once for each of them.
    joint_codes: list[str] = Field(default_factory=list)


class Place(Record):
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: str | None = None
    feature: PlaceFeature = "unknown"
    start: int
    end: int


class TimeRef(Record):
    """A resolved time expression in TIMEX3 value notation (``2020-01-03``, ``2020-W01``)."""

    text: str
    value: str
    precision: Precision
    start: int | None = None
    end: int | None = None


class Event(Record):
    id: str
    article_id: str
    sentence: SentenceRef
    trigger: CharSpan
    actor: Actor | None = None
    recipient: Actor | None = None
    event_type: str
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    cameo: str
    goldstein: float
    quad_class: int
    modality: Modality = "asserted"
    date: TimeRef | None = None
    place: Place | None = None
    reported_by: str | None = None
    confidence: float = 1.0


class Quote(Record):
    id: str
    article_id: str
    speaker: Actor | None = None
    text: str
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    channel: Channel = "unknown"
    handle: str | None = None
    date: dt.date | None = None
    partial: bool = False


class Quantity(Record):
    min: float | None = None
    max: float | None = None
    unit: str | None = None


class Claim(Record):
    id: str
    article_id: str
    claimant: Actor | None = None
    text: str
    start: int
    end: int
    subject: str
    scope: str | None = None
    quantity: Quantity | None = None
    polarity: Literal["positive", "negative"] = "positive"


class Contradiction(Record):
    id: str
    article_id: str | None = None
    claim_a: str
    claim_b: str
    kind: Literal["numeric", "polarity"]
    explanation: str


class Rejection(Record):
    """Why an input record could not be coded; nothing read is ever silently dropped."""

    input: str
    record: str
    reason: str


class CodedArticle(Record):
    article: Article
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    times: list[TimeRef] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    rejected: str | None = None
