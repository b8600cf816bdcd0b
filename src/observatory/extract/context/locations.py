"""Location of each claim (sentence, paragraph, headline). Owner: context/places.

Order of evidence, most direct first:
1. a place in the claim's own sentence (the most specific one, nearest the claim on ties);
2. the nearest place earlier in the same paragraph, else the nearest later one (inferred; a town
   becomes "near");
3. the headline, else the first paragraph (inferred; a town is widened to its admin1).
A settlement the gazetteer does not know ("the village of X") is still the claim's location,
with `name=None`, no coordinates and the document's main country.
"""

from __future__ import annotations

import re
from collections import Counter

from observatory.extract.context.place_data import vocab
from observatory.extract.context.place_text import sentence_at, sentences_of
from observatory.extract.context.places import admin1_place, title_places
from observatory.extract.document import ParsedDocument
from observatory.models import Claim, Location, PlaceMention

# Lower rank = more specific.
PRECISION_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_UNRESOLVED_RANK = 0.5  # a named village beats its province even without coordinates
_POSSESSIVE_NOUN = re.compile(r"[’']s?\s+([a-z]+)")


def is_actor_possessive(text: str, mention: PlaceMention) -> bool:
    """"Congo's army", "Sudan's government": the country acts; it does not locate the claim."""
    if mention.precision not in {"country", "region"}:
        return False
    match = _POSSESSIVE_NOUN.match(text, mention.span[1])
    return bool(match and match.group(1) in vocab().actor_nouns)


def attach_locations(claims: list[Claim], parsed: ParsedDocument, places: list[PlaceMention]) -> list[Claim]:
    if not claims:
        return claims
    sentences = sentences_of(parsed)
    main_country = _main_country(places)
    places = [p for p in places if not is_actor_possessive(parsed.text, p)]
    headline = _headline_location(parsed, places, sentences)
    located = []
    for claim in claims:
        location = claim.location or _locate(claim, parsed, places, sentences, main_country) or headline
        located.append(claim.model_copy(update={"location": location}))
    return located


def _rank(mention: PlaceMention) -> float:
    if mention.name is None:
        return _UNRESOLVED_RANK
    return PRECISION_RANK.get(mention.precision or "country", 5)


def _main_country(places: list[PlaceMention]) -> str | None:
    counts = Counter(p.country for p in places if p.country)
    return counts.most_common(1)[0][0] if counts else None


def to_location(mention: PlaceMention, main_country: str | None, inferred: bool) -> Location:
    return Location(
        label=mention.text, name=mention.name, country=mention.country or main_country,
        admin1=mention.admin1, lat=mention.lat, lon=mention.lon, precision=mention.precision,
        inferred=inferred,
    )


def _locate(claim: Claim, parsed: ParsedDocument, places: list[PlaceMention],
            sentences: list, main_country: str | None) -> Location | None:
    sentence = sentence_at(sentences, claim.span[0])
    start, end = (sentence.start, sentence.end) if sentence else claim.span
    own = [p for p in places if start <= p.span[0] < end]
    if own:
        best = min(own, key=lambda p: (_rank(p), abs(p.span[0] - claim.span[0])))
        return to_location(best, main_country, inferred=False)
    if sentence is None:
        return None
    same = [s for s in sentences if s.paragraph == sentence.paragraph]
    p_start, p_end = min(s.start for s in same), max(s.end for s in same)
    earlier = [p for p in places if p_start <= p.span[0] < start and p.name is not None]
    later = [p for p in places if end <= p.span[0] < p_end and p.name is not None]
    if earlier or later:
        nearest = max(earlier, key=lambda p: p.span[0]) if earlier else min(later, key=lambda p: p.span[0])
        location = to_location(nearest, main_country, inferred=True)
        if location.precision == "exact":
            location = location.model_copy(update={"precision": "near"})
        return location
    return None


def _widen(mention: PlaceMention, main_country: str | None) -> Location:
    """A town named in the headline locates the whole article only to its province."""
    location = to_location(mention, main_country, inferred=True)
    if mention.precision not in {"exact", "near", "admin2"} or not mention.admin1:
        return location
    province = admin1_place(mention.country, mention.admin1)
    if province is None:
        return location.model_copy(update={"precision": "near"})
    return location.model_copy(update={
        "name": province.name, "admin1": province.admin1, "lat": province.lat, "lon": province.lon,
        "precision": "admin1",
    })


def _headline_location(
    parsed: ParsedDocument, places: list[PlaceMention], sentences: list
) -> Location | None:
    main_country = _main_country(places)
    candidates = [p for p in title_places(parsed) if p.name is not None]
    if not candidates and sentences:
        first = sentences[0].paragraph
        end = max(s.end for s in sentences if s.paragraph == first)
        candidates = [p for p in places if p.span[0] < end and p.name is not None]
    if not candidates:
        return None
    best = min(candidates, key=lambda p: (_rank(p), p.span[0]))
    return _widen(best, main_country)
