"""ORM tables (SQLAlchemy 2, typed `Mapped[...]`), kept apart from the domain models.

Layout rule: nested parts of a domain object (count, victims, location, time, source, tolls ...)
live in JSON columns so that the repository can rebuild the pydantic model exactly; the scalars
people filter or join on (doc, outcome, victim group, country, published, outlet, grade ...) are
copied into plain indexed columns. Every list keeps a `position` column so order round-trips.

The schema is created by Alembic (`store/migrations/versions`), never by `create_all`; a test
checks that the migrations and these classes describe the same schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonDict = dict[str, Any]


class Base(DeclarativeBase):
    pass


# ----------------------------------------------------------------------------- documents (ingest)
class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Insertion order: documents are listed in the order they were ingested.
    seq: Mapped[int] = mapped_column(Integer, index=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    path: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SocialPostRow(Base):
    __tablename__ = "social_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    author: Mapped[str | None] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(String(100), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)


class DuplicateLinkRow(Base):
    """A near-duplicate (syndicated copy) stored as a document but linked to its original."""

    __tablename__ = "duplicate_links"

    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    original: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)


class SignatureRow(Base):
    """MinHash signature of a document, so near-duplicate detection survives across runs."""

    __tablename__ = "document_signatures"

    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    num_perm: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)
    hashvalues: Mapped[bytes] = mapped_column(LargeBinary)


# ----------------------------------------------------------------------------- extraction
class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(32), index=True)
    victim_group: Mapped[str] = mapped_column(String(32), index=True)
    count_low: Mapped[int | None] = mapped_column(Integer)
    count_high: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    source_kind: Mapped[str | None] = mapped_column(String(32), index=True)
    count: Mapped[JsonDict] = mapped_column(JSON)
    victims: Mapped[JsonDict] = mapped_column(JSON)
    part_of: Mapped[str | None] = mapped_column(String(128))
    perpetrator: Mapped[JsonDict | None] = mapped_column(JSON)
    location: Mapped[JsonDict | None] = mapped_column(JSON)
    time: Mapped[JsonDict | None] = mapped_column(JSON)
    source: Mapped[JsonDict | None] = mapped_column(JSON)
    hedged: Mapped[bool] = mapped_column(Boolean)
    historical: Mapped[bool] = mapped_column(Boolean)
    superseded: Mapped[bool] = mapped_column(Boolean)
    grade: Mapped[str | None] = mapped_column(String(32), index=True)
    outlet: Mapped[str | None] = mapped_column(String(300))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    actors: Mapped[list[str]] = mapped_column(JSON)
    location: Mapped[JsonDict | None] = mapped_column(JSON)
    time: Mapped[JsonDict | None] = mapped_column(JSON)
    claims: Mapped[list[str]] = mapped_column(JSON)


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(300), index=True)
    type: Mapped[str | None] = mapped_column(String(64))
    side: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(100))


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    admin1: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str | None] = mapped_column(String(16))


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    doc: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(300), index=True)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))


# ----------------------------------------------------------------------------- reconcile
class IncidentRow(Base):
    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str | None] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end: Mapped[dt.date | None] = mapped_column(Date)
    grade: Mapped[str] = mapped_column(String(32), index=True)
    # Best estimate of the killed toll, copied out of `toll` so lists can be sorted and filtered.
    killed_best: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[JsonDict | None] = mapped_column(JSON)
    toll: Mapped[JsonDict] = mapped_column(JSON)
    sources: Mapped[list[JsonDict]] = mapped_column(JSON)
    timeline: Mapped[list[JsonDict]] = mapped_column(JSON)
    actors: Mapped[list[str]] = mapped_column(JSON)


class IncidentClaimRow(Base):
    __tablename__ = "incident_claims"

    incident: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    claim: Mapped[str] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class IncidentDocumentRow(Base):
    __tablename__ = "incident_documents"

    incident: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    doc: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class ContradictionRow(Base):
    __tablename__ = "contradictions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    summary: Mapped[str] = mapped_column(Text)
    claims: Mapped[list[str]] = mapped_column(JSON)
    docs: Mapped[list[str]] = mapped_column(JSON)
