"""`build_incidents`: documents, claims, events and quotes in; incidents with tolls, timeline,
contradictions and grades out. Pure (no database), deterministic for the same input."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from observatory.models import (
    ActorMention,
    Claim,
    DocumentInput,
    Event,
    Incident,
    IncidentSource,
    Quote,
)
from observatory.reconcile.clustering import Cluster, Group, build_clusters, vote
from observatory.reconcile.contradictions import Context, find_contradictions
from observatory.reconcile.cues import Statement, find_statements, source_aliases
from observatory.reconcile.figures import published_of
from observatory.reconcile.grades import grade_claims, grade_incident
from observatory.reconcile.places import (
    Place,
    broadest,
    contains,
    most_specific,
    nearby,
    place_of,
    same_place,
)
from observatory.reconcile.quotes import single_source_quotes
from observatory.reconcile.scene import scene_location
from observatory.reconcile.timeline import build_timeline
from observatory.reconcile.titles import title_for
from observatory.reconcile.tolls import MAIN_SCOPE, compute_tolls


@dataclass(frozen=True)
class _Corpus:
    docs: Mapping[str, DocumentInput]
    published: Mapping[str, dt.date | None]
    outlets: Mapping[str, str]
    actors: Mapping[str, list[ActorMention]]
    quotes: Mapping[str, list[Quote]]
    single_quotes: set[str]
    main_groups: Mapping[str, Group]


def build_incidents(
    documents: list[DocumentInput],
    claims: list[Claim],
    events: list[Event],
    quotes: list[Quote],
    *,
    actors: Iterable[ActorMention] = (),
    duplicates: Mapping[str, str] | None = None,
) -> list[Incident]:
    """Cluster claims and events into incidents and compute everything shown about them.

    `duplicates` (doc id -> original doc id) drops near-duplicate copies so a syndicated story is
    not counted twice; `actors` (optional) lets initiator statements name canonical actors.
    """
    dups = dict(duplicates or {})
    docs = {d.id: d for d in documents if d.id not in dups}
    outlets = {d.id: d.outlet or d.id for d in docs.values()}
    kept_claims = [
        c.model_copy(update={"outlet": c.outlet or outlets[c.doc]}) for c in claims if c.doc in docs
    ]
    kept_events = [e for e in events if e.doc in docs]
    kept_quotes = [
        q.model_copy(update={"outlet": q.outlet or outlets[q.doc]}) for q in quotes if q.doc in docs
    ]
    actors_by_doc: dict[str, list[ActorMention]] = {}
    for a in actors:
        actors_by_doc.setdefault(a.doc, []).append(a)
    quotes_by_doc: dict[str, list[Quote]] = {}
    for q in kept_quotes:
        quotes_by_doc.setdefault(q.doc, []).append(q)
    ordered = sorted(docs.values(), key=lambda d: (d.published or dt.date.min, d.id))
    clusters, main_groups = build_clusters(ordered, kept_claims, kept_events)
    corpus = _Corpus(
        docs=docs,
        published={d.id: d.published for d in docs.values()},
        outlets=outlets,
        actors=actors_by_doc,
        quotes=quotes_by_doc,
        single_quotes=single_source_quotes(kept_quotes, ordered),
        main_groups=main_groups,
    )
    incidents = [inc for cluster in clusters if (inc := _incident(cluster, corpus)) is not None]
    return sorted(incidents, key=lambda i: (i.start or dt.date.min, i.id))


def _incident(cluster: Cluster, corpus: _Corpus) -> Incident | None:
    claims = sorted(
        (c for g in cluster.groups for c in g.claims),
        key=lambda c: (published_of(c, corpus.published), c.doc, c.span[0], c.id),
    )
    if not claims:
        return None
    events = [e for g in cluster.groups for e in g.events]
    place = broadest(cluster.places) or (cluster.places[0] if cluster.places else None)
    scope_of = _scopes(claims, place)
    result = compute_tolls(claims, corpus.published, scope_of)
    start, end = cluster.dates()
    statements = _statements(cluster, corpus, claims, start, end)
    ctx = Context(
        claims=claims,
        published=corpus.published,
        outlets=corpus.outlets,
        scope_of=scope_of,
        statements=statements,
    )
    docs = sorted({c.doc for c in claims}, key=lambda d: (corpus.published.get(d) or dt.date.min, d))
    quotes = [q for d in docs if _leads(cluster, corpus, d) for q in corpus.quotes.get(d, [])]
    contradictions = find_contradictions(ctx, quotes, corpus.single_quotes, result.tolls)
    grades = grade_claims(claims, contradictions, corpus.outlets)
    graded = [c.model_copy(update={"grade": grades[c.id]}) for c in claims]
    # The most specific place every report agrees with names the incident (Bandiagara, not "central Mali").
    anchor = most_specific(cluster.anchors) or vote(cluster.anchors) or place
    location = anchor.location if anchor else None
    return Incident(
        id="inc-" + hashlib.sha1(claims[0].id.encode("utf-8")).hexdigest()[:12],
        title=title_for(claims, events, location, start, end),
        event_type=(event_type := _majority(e.event_type for e in events)),
        sub_event_type=_majority(e.sub_event_type for e in events if e.event_type == event_type),
        location=location.model_copy(update={"inferred": False}) if location else None,
        country=location.country if location else None,
        start=start,
        end=end,
        toll=result.tolls,
        sources=_sources(claims, corpus),
        claims=graded,
        timeline=build_timeline(claims, corpus.published, corpus.outlets, result.overtaken),
        contradictions=contradictions,
        grade=grade_incident(claims, grades, contradictions, result.tolls, corpus.outlets),
        docs=docs,
        actors=sorted({a for g in cluster.groups for a in g.actors}),
    )


def _scopes(claims: list[Claim], place: Place | None) -> dict[str, str]:
    """Claims about a place inside the incident's place are a disjoint part of its toll; towns of
    one small area (the same village placed at two nearby towns) share one part."""
    parts: list[Place] = []
    scopes: dict[str, str] = {}
    for c in claims:
        own = place_of(scene_location(c.text, c.location))  # a briefing's place is no part
        if own is None or place is None or contains(own, place):
            scopes[c.id] = MAIN_SCOPE
            continue
        same = next((p for p in parts if same_place(p, own) or nearby(p, own)), None)
        if same is None:
            parts.append(own)
        scopes[c.id] = (same or own).key
    return scopes


def _statements(
    cluster: Cluster, corpus: _Corpus, claims: list[Claim], start: dt.date | None, end: dt.date | None
) -> list[Statement]:
    """Doc-level cue sentences, for documents whose main group is in this incident."""
    names = {c.source.name for c in claims if c.source and c.source.name}
    docs = [d for d in _ordered_docs(cluster, corpus) if _leads(cluster, corpus, d)]
    aliases = source_aliases(names, (corpus.docs[d].text for d in docs))
    years = {y for y in (start.year if start else None, end.year if end else None) if y}
    found: list[Statement] = []
    for d in docs:
        doc = corpus.docs[d]
        doc_years = years | ({doc.published.year} if doc.published else set())
        found.extend(
            find_statements(doc, corpus.actors.get(d, []), aliases, doc_years, corpus.quotes.get(d, []))
        )
    return found


def _leads(cluster: Cluster, corpus: _Corpus, doc: str) -> bool:
    """Whether the document's main group (what the article is about) is in this cluster."""
    main = corpus.main_groups.get(doc)
    return any(g is main for g in cluster.groups)


def _ordered_docs(cluster: Cluster, corpus: _Corpus) -> list[str]:
    return sorted(set(cluster.docs), key=lambda d: (corpus.published.get(d) or dt.date.min, d))


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _sources(claims: list[Claim], corpus: _Corpus) -> list[IncidentSource]:
    """Who the figures come from: named sources, else the outlet's own reporting."""
    found: dict[str, IncidentSource] = {}
    for c in claims:
        outlet = corpus.outlets.get(c.doc, c.doc)
        name = (c.source.name or c.source.label) if c.source else outlet
        kind = c.source.kind if c.source else "media"
        src = found.setdefault(name.lower(), IncidentSource(name=name, kind=kind))
        if outlet not in src.outlets:
            src.outlets.append(outlet)
        if c.doc not in src.docs:
            src.docs.append(c.doc)
    return sorted(found.values(), key=lambda s: (-len(s.outlets), -len(s.docs), s.name.lower()))
