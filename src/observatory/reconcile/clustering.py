"""Which claims and events from different documents describe the same violence.

Two steps, both deterministic:

1. Within a document, claims and events are grouped around the document's main place: the first
   town or region named by a claim or event in its lead (headline and first sentence), else the
   most specific place that more than half of its located sentences lie within. A claim whose
   place lies within or around the main place, or that names no place, belongs to the main group;
   a claim in a place outside it (another town) starts a separate group. `part_of` children
   follow their parent; events follow their claims. Mentions dated more than `background_days`
   before publication are background and left out.
2. Across documents, groups are merged greedily in publication order into clusters when their
   dates are within the window, their places are compatible (one contains the other, or two
   villages/towns closer than 35 km) and there is evidence they are the same violence: the same
   specific place, shared named actors, or similar text (MinHash estimate of word-set Jaccard).
   A cluster never takes two groups of one document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from datasketch import MinHash

from observatory.models import Claim, DocumentInput, Event
from observatory.reconcile.cues import split_sentences
from observatory.reconcile.places import (
    Place,
    broadest,
    compatible,
    contains,
    most_specific,
    place_of,
    same_place,
)
from observatory.reconcile.scene import scene_location
from observatory.reconcile.vocab import vocab

_WORD = re.compile(r"[a-z][a-z'\-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "been",
        "their",
        "they",
        "which",
        "when",
        "while",
        "after",
        "before",
        "said",
        "says",
        "also",
        "about",
        "into",
        "over",
        "than",
        "more",
        "most",
        "some",
        "other",
        "there",
        "these",
        "those",
        "would",
        "could",
        "will",
        "what",
        "where",
        "since",
        "such",
        "only",
        "them",
        "then",
        "being",
        "because",
        "against",
        "during",
        "under",
        "between",
        "among",
        "through",
        "including",
        "according",
    ]
)


@dataclass
class Mention:
    doc: str
    position: int
    sentence: str
    claim: Claim | None = None
    event: Event | None = None
    place: Place | None = None  # explicit (not inferred) place where it happened
    named: Place | None = None  # explicit place, even one named in passing (a dateline)
    start: dt.date | None = None  # explicit time, when stated
    end: dt.date | None = None
    actors: frozenset[str] = frozenset()


@dataclass
class Group:
    doc: str
    index: int
    published: dt.date | None
    place: Place | None  # where the group's claims lie, widened to the broadest region they name
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""
    anchor: Place | None = None  # the place the group is about (the document's lead place)
    _signature: MinHash | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.anchor = self.anchor or self.place

    @property
    def claims(self) -> list[Claim]:
        return [m.claim for m in self.mentions if m.claim is not None]

    @property
    def events(self) -> list[Event]:
        return [m.event for m in self.mentions if m.event is not None]

    def signature(self, permutations: int) -> MinHash:
        if self._signature is None:
            self._signature = _minhash(self.text, permutations)
        return self._signature

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        starts = [m.start for m in self.mentions if m.start]
        ends = [m.end or m.start for m in self.mentions if m.start]
        if starts:
            return min(starts), max(e for e in ends if e)
        return self.published, self.published

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(a for m in self.mentions for a in m.actors)

    @property
    def event_types(self) -> frozenset[str]:
        return frozenset(m.event.event_type for m in self.mentions if m.event is not None)


@dataclass
class Cluster:
    groups: list[Group] = field(default_factory=list)
    # Cached as groups join, so clustering stays cheap on large corpora.
    span: tuple[dt.date | None, dt.date | None] = (None, None)
    doc_ids: set[str] = field(default_factory=set)
    actor_names: set[str] = field(default_factory=set)
    event_types: set[str] = field(default_factory=set)

    def add(self, group: Group) -> None:
        self.groups.append(group)
        self.doc_ids.add(group.doc)
        self.actor_names |= group.actors
        self.event_types |= group.event_types
        start, end = group.dates()
        lo, hi = self.span
        self.span = (
            min(d for d in (lo, start) if d) if lo or start else None,
            max(d for d in (hi, end) if d) if hi or end else None,
        )

    @property
    def docs(self) -> list[str]:
        return [g.doc for g in self.groups]

    @property
    def places(self) -> list[Place]:
        return [g.place for g in self.groups if g.place is not None]

    @property
    def anchors(self) -> list[Place]:
        return [g.anchor for g in self.groups if g.anchor is not None]

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        return self.span


# --------------------------------------------------------------------------- step 1: per document
def mentions_of(doc: DocumentInput, claims: list[Claim], events: list[Event]) -> list[Mention]:
    found: list[Mention] = []
    background = vocab().background_phrases
    for c in claims:
        if c.historical or any(p.search(c.text) for p in background):
            continue  # background ("in 2013 ... killed scores") is never part of today's incident
        actors = frozenset([c.perpetrator.actor] if c.perpetrator and c.perpetrator.actor else [])
        found.append(_mention(doc, c.span[0], c.text, c.location, c.time, actors, claim=c))
    for e in events:
        found.append(_mention(doc, e.span[0], e.text, e.location, e.time, frozenset(e.actors), event=e))
    cutoff = doc.published - dt.timedelta(days=vocab().background_days) if doc.published else None
    # Dated well before publication: background the extractor did not flag as historical.
    current = [m for m in found if cutoff is None or m.end is None or m.end >= cutoff]
    return sorted(current, key=lambda m: (m.position, 0 if m.claim else 1))


def _mention(doc: DocumentInput, position: int, sentence: str, loc, time, actors, **kw) -> Mention:  # type: ignore[no-untyped-def]
    # Only where the violence happened counts: not inferred places, nor a place named in passing
    # (where a spokesman spoke, where the wounded were taken; see reconcile/scene.py).
    place = place_of(scene_location(sentence, loc))
    named = place_of(loc) if loc is not None and not loc.inferred else None
    start = end = None
    if time is not None and not time.inferred and time.start is not None:
        start, end = time.start, time.end or time.start
    return Mention(
        doc=doc.id,
        position=position,
        sentence=sentence,
        place=place,
        named=named,
        start=start,
        end=end,
        actors=actors,
        **kw,
    )


def main_place(mentions: list[Mention], lead_end: int = 0) -> Place | None:
    """The place a document is about: the first town or region named by a claim or event in its
    lead (headline and first sentence: news stories name their incident first); else the most
    specific place that more than half of the located sentences lie within; else the first one."""
    lead = [m.place for m in mentions if m.position < lead_end and m.place is not None]
    towns = [p for p in lead if p.level > 1]
    if towns:
        return most_specific(towns) or towns[0]  # "central Mali ... near Bandiagara": Bandiagara
    if lead:
        return lead[0]  # a lead naming only a country is about a country-wide incident
    return vote(_by_sentence(mentions))


def _by_sentence(mentions: list[Mention]) -> list[Place]:
    located: dict[str, Mention] = {}
    for m in mentions:
        if m.place is not None and m.place.level > 1:  # "in Sudan" says little about where
            located.setdefault(m.sentence, m)
    if not located:
        located = {m.sentence: m for m in reversed(mentions) if m.place is not None}
    return [m.place for m in sorted(located.values(), key=lambda m: m.position) if m.place is not None]


def vote(places: list[Place]) -> Place | None:
    """The most specific place containing more than half of `places`, else the first one."""
    if not places:
        return None
    best: tuple[int, int, int] | None = None
    chosen = places[0]
    for order, p in enumerate(places):
        cover = sum(1 for o in places if contains(p, o))
        rank = (p.level, cover, -order)
        if 2 * cover > len(places) and (best is None or rank > best):
            best, chosen = rank, p
    return chosen


def group_document(doc: DocumentInput, claims: list[Claim], events: list[Event]) -> list[Group]:
    mentions = mentions_of(doc, claims, events)
    if not mentions:
        return []
    if all(m.place is None for m in mentions):
        # Only a dateline or a briefing names a place: the best evidence there is of where.
        for m in mentions:
            m.place = m.named
    sentences = split_sentences(doc.text)
    lead_end = sentences[min(1, len(sentences) - 1)].end if sentences else 0
    main = Group(doc=doc.id, index=0, published=doc.published, place=main_place(mentions, lead_end))
    groups = [main]
    group_of_claim: dict[str, Group] = {}
    for m in mentions:
        target = _linked_group(m, group_of_claim) or _place_group(m, groups, doc)
        target.mentions.append(m)
        if m.claim is not None:
            group_of_claim[m.claim.id] = target
    groups = _fold_passing(groups)
    for g in groups:
        g.text = " ".join(m.sentence for m in g.mentions)
        # Widen to a region the group's own claims name, but not to a whole country.
        g.place = (
            broadest([m.place for m in g.mentions if m.place is not None and m.place.level > 1]) or g.place
        )
    main.text = " ".join(filter(None, [doc.title, doc.text]))
    return [g for g in groups if g.mentions]


def _fold_passing(groups: list[Group]) -> list[Group]:
    """A group away from the main place is another incident only when a casualty claim of its
    own is placed there ("in a separate strike, three were killed in Saada"). Events elsewhere
    without any figure ("the strike came the same day as the assault on X") are passing references:
    they join the main group, placeless, instead of founding or joining another incident."""
    main, kept = groups[0], [groups[0]]
    for g in groups[1:]:
        if any(m.claim is not None and m.place is not None for m in g.mentions):
            g.index = len(kept)
            kept.append(g)
            continue
        for m in g.mentions:
            m.place = None
        main.mentions.extend(g.mentions)
    main.mentions.sort(key=lambda m: (m.position, 0 if m.claim else 1))
    return kept


def _linked_group(m: Mention, group_of_claim: dict[str, Group]) -> Group | None:
    if m.claim is not None and m.claim.part_of:
        return group_of_claim.get(m.claim.part_of)
    if m.event is not None:
        for cid in m.event.claims:
            if cid in group_of_claim:
                return group_of_claim[cid]
    return None


def _place_group(m: Mention, groups: list[Group], doc: DocumentInput) -> Group:
    for g in groups:
        if _fits(m, g):
            return g
    new = Group(doc=doc.id, index=len(groups), published=doc.published, place=m.place)
    groups.append(new)
    return new


def _fits(m: Mention, g: Group) -> bool:
    """Within one article only the place separates incidents: later dates in it are follow-ups
    (funerals, escapes, revised tolls) and background is already dropped by `mentions_of`."""
    return m.place is None or g.place is None or compatible(m.place, g.place)


# --------------------------------------------------------------------------- step 2: across documents
def cluster_groups(groups: Iterable[Group]) -> list[Cluster]:
    ordered = sorted(groups, key=lambda g: (g.published or dt.date.min, g.doc, g.index))
    clusters: list[Cluster] = []
    window = vocab().window_days
    for g in ordered:
        best: tuple[float, int] | None = None
        span = g.dates()
        for n, cluster in enumerate(clusters):
            if g.doc in cluster.doc_ids or not _dates_meet(span, cluster.span, window):
                continue
            score = _affinity(g, cluster)
            if score is not None and (best is None or score > best[0]):
                best = (score, n)
        if best is None:
            clusters.append(Cluster())
            clusters[-1].add(g)
        else:
            clusters[best[1]].add(g)
    return _merge_bridged(clusters, window)


def _merge_bridged(clusters: list[Cluster], window: int) -> list[Cluster]:
    """Greedy order can leave two clusters of one incident apart when the report linking them
    ("near Oicha" vs "in Beni territory") came later: merge clusters that satisfy the same
    conditions a group must meet to join one, until nothing changes."""
    merged = True
    while merged:
        merged = False
        i = 0
        while i < len(clusters):
            j = i + 1
            while j < len(clusters):
                if _bridged(clusters[i], clusters[j], window):
                    for g in clusters[j].groups:
                        clusters[i].add(g)
                    del clusters[j]
                    merged = True
                else:
                    j += 1
            i += 1
    return clusters


def _bridged(first: Cluster, second: Cluster, window: int) -> bool:
    if first.doc_ids & second.doc_ids or not _dates_meet(first.span, second.span, window):
        return False
    scores = [_affinity(g, first) for g in second.groups]
    return any(x is not None for x in scores) and all(
        x is not None for g, x in zip(second.groups, scores, strict=True) if g.anchor is not None
    )


def _affinity(g: Group, cluster: Cluster) -> float | None:
    """A score when `g` (of another document, at a compatible date) may join `cluster`."""
    v = vocab()
    if not all(compatible(g.anchor, p) for p in cluster.anchors):
        return None
    similarity = max(_jaccard(g, other, v.minhash_permutations) for other in cluster.groups)
    same_spot = g.anchor is not None and any(
        p.level >= 2 and same_place(g.anchor, p) for p in cluster.anchors
    )
    shared = bool(g.actors & cluster.actor_names)
    if not (same_spot or shared or similarity >= v.text_similarity):
        return None
    # The same kind of event (a strike, a battle) only breaks ties; it is no evidence on its own.
    same_kind = bool(g.event_types & cluster.event_types)
    return similarity + (0.5 if same_spot else 0.0) + (0.2 if shared else 0.0) + (0.1 if same_kind else 0.0)


def _dates_meet(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None], days: int
) -> bool:
    if None in a or None in b:
        return True
    window = dt.timedelta(days=days)
    return a[0] <= b[1] + window and b[0] <= a[1] + window  # type: ignore[operator]


def _minhash(text: str, permutations: int) -> MinHash:
    mh = MinHash(num_perm=permutations, seed=1)
    for word in sorted({w for w in _WORD.findall(text.lower()) if w not in _STOP}):
        mh.update(word.encode("utf-8"))
    return mh


def _jaccard(a: Group, b: Group, permutations: int) -> float:
    if not a.text.strip() or not b.text.strip():
        return 0.0
    return float(a.signature(permutations).jaccard(b.signature(permutations)))


def build_clusters(
    documents: list[DocumentInput], claims: list[Claim], events: list[Event]
) -> tuple[list[Cluster], Mapping[str, Group]]:
    """Clusters of groups, plus each document's main group (where doc-level cues belong)."""
    claims_by_doc: dict[str, list[Claim]] = {}
    events_by_doc: dict[str, list[Event]] = {}
    for c in claims:
        claims_by_doc.setdefault(c.doc, []).append(c)
    for e in events:
        events_by_doc.setdefault(e.doc, []).append(e)
    groups: list[Group] = []
    main_groups: dict[str, Group] = {}
    for doc in documents:
        doc_groups = group_document(doc, claims_by_doc.get(doc.id, []), events_by_doc.get(doc.id, []))
        groups.extend(doc_groups)
        if doc_groups:
            main_groups[doc.id] = doc_groups[0]
    return cluster_groups(groups), main_groups
