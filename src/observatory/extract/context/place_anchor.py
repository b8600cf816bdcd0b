"""Unknown villages the text anchors to a known place: "X, a village 12 km north of Oicha".

News about small villages nearly always locates them against a known town. Such a name is then
located at the anchor with precision `near` — everywhere in the document, since later sentences
say just "X" — instead of being guessed by fuzzy spelling, which finds an unrelated lookalike.
The phrase words (articles, distance units, compass words) come from `places_vocab.yaml`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from observatory.extract.context.gazetteer import GeoPlace
from observatory.extract.context.place_candidates import Candidate, span_candidate
from observatory.extract.context.place_data import vocab
from observatory.extract.context.place_normalize import name_key

ANCHOR_KM = 60.0  # a known namesake this close to the anchor is the same village, not a lookalike


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern[str]:
    """", a (farming) village (about) 12 km north of <Anchor>" right after a name."""
    compass = "|".join(sorted((re.escape(d) for d in vocab().directions), key=len, reverse=True))
    return re.compile(
        r"^\s*,?\s*(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?)?"  # ", a small farming village"
        r"(?:(?:about|some|around|roughly|nearly|approximately|just|only|barely)\s+)?"
        r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
        rf"(?:(?:(?:{compass})\s+of|from|outside|near)\s+)"
        r"(?=[A-Z])",
        re.IGNORECASE,
    )


def anchor_start(text: str, end: int) -> int | None:
    """Offset where an anchoring place name starts after a name ending at `end`, if the text says so."""
    match = _anchor_pattern().match(text[end:end + 120])
    if match is None or not text[end + match.end():end + match.end() + 1].isupper():
        return None
    return end + match.end()


def find_anchors(text: str, chunks: list[list[list[Candidate]]],
                 resolve_anchor: Callable[[Candidate], GeoPlace | None]) -> dict[str, GeoPlace]:
    """Name key -> anchor place for every capitalised name followed by an anchoring phrase.

    `resolve_anchor(cand)` returns the anchor's place (exact gazetteer match only).
    """
    starts = {tokens[0].start: tokens for sentence in chunks for tokens in sentence if tokens}
    anchors: dict[str, GeoPlace] = {}
    for sentence in chunks:
        for tokens in sentence:
            if not tokens:
                continue
            where = anchor_start(text, tokens[-1].end)
            anchor_tokens = starts.get(where) if where is not None else None
            if not anchor_tokens or not _names_a_place(tokens, text):
                continue
            anchor = resolve_anchor(span_candidate(anchor_tokens, text, whole_chunk=True))
            if anchor is not None and anchor.kind == "city":
                anchors.setdefault(name_key(" ".join(t.text for t in tokens)), anchor)
    return anchors


def _names_a_place(tokens: list[Candidate], text: str) -> bool:
    """The name is set off as a place: "X, a village near Y", "in X, 12 km from Y", "village of X".

    Without a comma or a place cue, "Fighting near Kismayo" would make "Fighting" a village.
    """
    if any(t.text.casefold() in vocab().not_places for t in tokens):
        return False
    cand = span_candidate(tokens, text, whole_chunk=True)
    comma = text[tokens[-1].end:tokens[-1].end + 3].lstrip().startswith(",")
    return cand.settlement or (comma and (cand.cue is not None or not cand.sentence_initial))


def km_between(a: GeoPlace, b: GeoPlace) -> float | None:
    """Great-circle distance in km, None when either place has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def anchored(place: GeoPlace | None, anchor: GeoPlace) -> GeoPlace:
    """The exact match when it lies by the anchor (the same village), else the anchor itself."""
    if place is not None:
        distance = km_between(place, anchor)
        if distance is not None and distance <= ANCHOR_KM:
            return place
    return anchor
