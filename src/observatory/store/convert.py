"""Domain model <-> ORM row conversion. Pure functions, no session.

Nested pydantic parts go through `model_dump(mode="json")` into JSON columns and back through
`model_validate`, so a list_* call returns objects equal to what was saved.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from observatory import models as m
from observatory.store import tables as t

M = TypeVar("M", bound=BaseModel)


def dump(model: BaseModel | None) -> dict[str, Any] | None:
    return None if model is None else model.model_dump(mode="json")


def load(cls: type[M], data: dict[str, Any] | None) -> M | None:
    return None if data is None else cls.model_validate(data)


# ----------------------------------------------------------------------------- documents
def social_post_row(doc: str, position: int, post: m.SocialPost) -> t.SocialPostRow:
    return t.SocialPostRow(
        doc=doc, position=position, author=post.author, handle=post.handle, date=post.date,
        text=post.text, url=post.url,
    )


def social_post_model(row: t.SocialPostRow) -> m.SocialPost:
    return m.SocialPost(author=row.author, handle=row.handle, date=row.date, text=row.text, url=row.url)


def document_model(row: t.DocumentRow, posts: list[t.SocialPostRow]) -> m.DocumentInput:
    return m.DocumentInput(
        id=row.id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
        published=row.published, path=row.path, language=row.language, content_hash=row.content_hash,
        social_posts=[social_post_model(p) for p in sorted(posts, key=lambda p: p.position)],
    )


# ----------------------------------------------------------------------------- claims
def claim_values(claim: m.Claim, outlet: str | None) -> dict[str, Any]:
    """Column values of a claim row (everything but the primary key, doc and position)."""
    return {
        "text": claim.text,
        "span_start": claim.span[0],
        "span_end": claim.span[1],
        "outcome": claim.outcome,
        "victim_group": claim.victims.group,
        "count_low": claim.count.low,
        "count_high": claim.count.high,
        "country": claim.location.country if claim.location else None,
        "source_kind": claim.source.kind if claim.source else None,
        "count": dump(claim.count),
        "victims": dump(claim.victims),
        "part_of": claim.part_of,
        "perpetrator": dump(claim.perpetrator),
        "location": dump(claim.location),
        "time": dump(claim.time),
        "source": dump(claim.source),
        "hedged": claim.hedged,
        "historical": claim.historical,
        "superseded": claim.superseded,
        "grade": claim.grade,
        "outlet": claim.outlet or outlet,
    }


def claim_row(claim: m.Claim, position: int, outlet: str | None) -> t.ClaimRow:
    return t.ClaimRow(id=claim.id, doc=claim.doc, position=position, **claim_values(claim, outlet))


def claim_model(row: t.ClaimRow, outlet: str | None = None) -> m.Claim:
    return m.Claim(
        id=row.id, doc=row.doc, text=row.text, span=(row.span_start, row.span_end),
        outcome=row.outcome,  # type: ignore[arg-type]  # validated by pydantic
        count=m.Count.model_validate(row.count),
        victims=m.Victims.model_validate(row.victims),
        part_of=row.part_of,
        perpetrator=load(m.Perpetrator, row.perpetrator),
        location=load(m.Location, row.location),
        time=load(m.TimeRef, row.time),
        source=load(m.Source, row.source),
        hedged=row.hedged, historical=row.historical, superseded=row.superseded,
        grade=row.grade,  # type: ignore[arg-type]
        outlet=row.outlet or outlet,
    )


# ----------------------------------------------------------------------------- context
def event_row(event: m.Event, position: int) -> t.EventRow:
    return t.EventRow(
        id=event.id, doc=event.doc, position=position, text=event.text, span_start=event.span[0],
        span_end=event.span[1], event_type=event.event_type, sub_event_type=event.sub_event_type,
        kind=event.kind, country=event.location.country if event.location else None,
        actors=list(event.actors), location=dump(event.location), time=dump(event.time),
        claims=list(event.claims),
    )


def event_model(row: t.EventRow) -> m.Event:
    return m.Event(
        id=row.id, doc=row.doc, text=row.text, span=(row.span_start, row.span_end),
        event_type=row.event_type, sub_event_type=row.sub_event_type, kind=row.kind,
        actors=list(row.actors), location=load(m.Location, row.location), time=load(m.TimeRef, row.time),
        claims=list(row.claims),
    )


def actor_row(actor: m.ActorMention, position: int) -> t.ActorRow:
    return t.ActorRow(
        id=actor.id, doc=actor.doc, position=position, span_start=actor.span[0], span_end=actor.span[1],
        text=actor.text, actor=actor.actor, type=actor.type, side=actor.side, country=actor.country,
    )


def actor_model(row: t.ActorRow) -> m.ActorMention:
    return m.ActorMention(
        id=row.id, doc=row.doc, span=(row.span_start, row.span_end), text=row.text, actor=row.actor,
        type=row.type, side=row.side, country=row.country,
    )


def place_row(place: m.PlaceMention, position: int) -> t.PlaceRow:
    return t.PlaceRow(
        id=place.id, doc=place.doc, position=position, span_start=place.span[0], span_end=place.span[1],
        text=place.text, name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
        lon=place.lon, precision=place.precision,
    )


def place_model(row: t.PlaceRow) -> m.PlaceMention:
    return m.PlaceMention(
        id=row.id, doc=row.doc, span=(row.span_start, row.span_end), text=row.text, name=row.name,
        country=row.country, admin1=row.admin1, lat=row.lat, lon=row.lon,
        precision=row.precision,  # type: ignore[arg-type]
    )


def quote_row(quote: m.Quote, position: int, outlet: str | None) -> t.QuoteRow:
    return t.QuoteRow(
        id=quote.id, doc=quote.doc, position=position, span_start=quote.span[0], span_end=quote.span[1],
        text=quote.text, speaker=quote.speaker, speaker_role=quote.speaker_role,
        outlet=quote.outlet or outlet,
    )


def quote_model(row: t.QuoteRow) -> m.Quote:
    return m.Quote(
        id=row.id, doc=row.doc, span=(row.span_start, row.span_end), text=row.text, speaker=row.speaker,
        speaker_role=row.speaker_role, outlet=row.outlet,
    )


# ----------------------------------------------------------------------------- incidents
def incident_row(incident: m.Incident, position: int) -> t.IncidentRow:
    killed = incident.toll.get("killed")
    return t.IncidentRow(
        id=incident.id, position=position, title=incident.title, event_type=incident.event_type,
        sub_event_type=incident.sub_event_type, country=incident.country, start=incident.start,
        end=incident.end, grade=incident.grade, killed_best=killed.best if killed else None,
        location=dump(incident.location),
        toll={outcome: toll.model_dump(mode="json") for outcome, toll in incident.toll.items()},
        sources=[s.model_dump(mode="json") for s in incident.sources],
        timeline=[p.model_dump(mode="json") for p in incident.timeline],
        actors=list(incident.actors),
    )


def contradiction_row(incident: str, position: int, item: m.Contradiction) -> t.ContradictionRow:
    return t.ContradictionRow(
        incident=incident, position=position, kind=item.kind, summary=item.summary,
        claims=list(item.claims), docs=list(item.docs),
    )


def contradiction_model(row: t.ContradictionRow) -> m.Contradiction:
    return m.Contradiction(
        kind=row.kind,  # type: ignore[arg-type]
        summary=row.summary, claims=list(row.claims), docs=list(row.docs),
    )


def incident_model(
    row: t.IncidentRow, claims: list[m.Claim], docs: list[str], contradictions: list[m.Contradiction]
) -> m.Incident:
    return m.Incident(
        id=row.id, title=row.title, event_type=row.event_type, sub_event_type=row.sub_event_type,
        location=load(m.Location, row.location), country=row.country, start=row.start, end=row.end,
        toll={outcome: m.Toll.model_validate(toll) for outcome, toll in row.toll.items()},
        sources=[m.IncidentSource.model_validate(s) for s in row.sources],
        claims=claims,
        timeline=[m.TimelinePoint.model_validate(p) for p in row.timeline],
        contradictions=contradictions,
        grade=row.grade,  # type: ignore[arg-type]
        docs=docs, actors=list(row.actors),
    )
