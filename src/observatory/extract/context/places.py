"""Places resolved with an offline gazetteer. Owner: context/places.

Candidates are capitalised chunks of every sentence (cheap regex, no parse) plus spaCy NER
labels where the claims stage already parsed a sentence (`Sentence.doc`); nothing here runs the
pipeline. Each chunk is segmented into the longest names the gazetteer knows, weighed by the
document's country context. A name no gazetteer knows yields a mention with `name=None` only
when the text says it is a settlement ("the village of X"); otherwise nothing is invented.
An unknown name the text places by a known town ("X, a village north of Oicha") is located at
that town with precision `near` (place_anchor), never guessed by spelling. Fuzzy matches must
keep a name's first sound, be near-identical for short names, stay inside the document's
countries, and a small lookalike far from every other place the document names is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from observatory.extract.context.gazetteer import Gazetteer, GeoPlace, get_gazetteer
from observatory.extract.context.place_anchor import anchored, find_anchors, km_between
from observatory.extract.context.place_candidates import (
    Candidate,
    chunk_candidates,
    chunk_kind,
    is_person_piece,
    ner_spans,
    span_candidate,
)
from observatory.extract.context.place_data import vocab
from observatory.extract.context.place_normalize import name_key
from observatory.extract.context.place_regions import (
    compass_region,
    direction_after,
    direction_before,
    find_country_phrases,
    find_region_spans,
)
from observatory.extract.context.place_resolve import (
    BIG_CITY,
    CITY,
    Context,
    best_exact,
    best_fuzzy,
    precision_of,
)
from observatory.extract.context.place_text import sentences_of
from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import PlaceMention

if TYPE_CHECKING:
    from spacy.language import Language

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_BLOCK_LABELS = {"PERSON", "ORG", "NORP"}
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
FAR_KM = 400.0  # a fuzzily matched village this far from every other place named is a lookalike
_LOCAL = {"exact", "near", "admin2", "admin1"}


def find_places(parsed: ParsedDocument, nlp: Language) -> list[PlaceMention]:
    gaz = get_gazetteer()
    sentences = sentences_of(parsed)
    chunks = [chunk_candidates(s, parsed.text) for s in sentences]  # once, for context and places
    context = cached_context(parsed, gaz, sentences, chunks)
    lower_words = _lower_words(parsed.text)
    mentions: list[PlaceMention] = []
    fuzzy: dict[str, GeoPlace] = {}
    phrases = _phrase_places(parsed, sentences, context)
    for sentence, sentence_chunks, sentence_phrases in zip(sentences, chunks, phrases, strict=True):
        mentions.extend(sentence_phrases)
        mentions.extend(_sentence_places(parsed, gaz, sentence, context, lower_words, sentence_chunks, fuzzy))
    return _drop_far_fuzzy(_drop_overlaps(mentions), fuzzy)


def _drop_far_fuzzy(mentions: list[PlaceMention], fuzzy: dict[str, GeoPlace]) -> list[PlaceMention]:
    """Drop fuzzy matches to small places far from everything else the document names.

    A report on one area names places near each other; a spelling lookalike hundreds of km away
    (an unknown village matched to a hamlet across the country) is a false match.
    """
    if not fuzzy:
        return mentions
    anchors = [GeoPlace("", "", "", "city", m.lat, m.lon, None, None, 0) for m in mentions
               if m.id not in fuzzy and m.lat is not None and m.precision in _LOCAL]
    kept = []
    for mention in mentions:
        place = fuzzy.get(mention.id)
        if place is not None and place.population < CITY and anchors:
            distances = [d for a in anchors if (d := km_between(place, a)) is not None]
            if distances and min(distances) > FAR_KM:
                continue
        kept.append(mention)
    return kept


_LAST_CONTEXT: dict[tuple[str, int], Context] = {}
_LAST_LOWER: list[tuple[str, frozenset[str]]] = []


def _lower_words(text: str) -> frozenset[str]:
    """Words the document writes in lower case; body and headline places both ask (kept for the
    last document only)."""
    if not _LAST_LOWER or _LAST_LOWER[0][0] != text:
        _LAST_LOWER[:] = [(text, frozenset(_LOWER_WORD.findall(text)))]
    return _LAST_LOWER[0][1]


def cached_context(parsed: ParsedDocument, gaz: Gazetteer, sentences: list[Sentence],
                   chunks: list[list[list[Candidate]]] | None = None) -> Context:
    """The document's context, computed once per document (places and headline both need it)."""
    key = (parsed.input.id, len(parsed.text))
    if key not in _LAST_CONTEXT:
        _LAST_CONTEXT.clear()  # only the document being annotated is ever needed
        if chunks is None:
            chunks = [chunk_candidates(s, parsed.text) for s in sentences]
        context = document_context(parsed, gaz, chunks)
        context.anchors = find_anchors(parsed.text, chunks, lambda cand: best_exact(gaz, cand, context))
        _LAST_CONTEXT[key] = context
    return _LAST_CONTEXT[key]


def document_context(parsed: ParsedDocument, gaz: Gazetteer, chunks: list[list[list[Candidate]]]) -> Context:
    """Countries the document is about: named countries (title x2), demonyms, big unique cities."""
    counts: Counter[str] = Counter()
    title = Sentence(-1, 0, len(parsed.input.title or ""), -1, parsed.input.title or "")
    weighted = [(2, chunk_candidates(title, title.text), title.text)] + [(1, c, parsed.text) for c in chunks]
    for weight, sentence_chunks, text in weighted:
        for tokens in sentence_chunks:
            whole = text[tokens[0].start:tokens[-1].end] if len(tokens) > 1 else None
            if whole and gaz.exact(name_key(whole)):
                # "Mocímboa da Praia" votes as itself, not as Praia (Cabo Verde) inside it.
                _vote(counts, gaz, whole, weight)
                continue
            for token in tokens:
                _vote(counts, gaz, token.text, weight)
            if whole:
                _vote(counts, gaz, whole, weight)
    return Context(counts)


def _vote(counts: Counter[str], gaz: Gazetteer, text: str, weight: int) -> None:
    vote = _context_vote(gaz, text)
    if vote is not None:
        cc, weighted = vote
        counts[cc] += weight if weighted else 1


# (gazetteer serial, name) -> its vote: every token of every capitalised chunk votes, and a
# document (and the next one) repeats the same few dozen names.
_VOTES: dict[tuple[int, str], tuple[str, bool] | None] = {}
VOTE_CACHE = 16384


def _context_vote(gaz: Gazetteer, text: str) -> tuple[str, bool] | None:
    """The country `text` votes for and whether the vote counts the sentence's weight, if any."""
    key = (gaz.serial, text)
    if key in _VOTES:
        return _VOTES[key]
    if len(_VOTES) >= VOTE_CACHE:
        _VOTES.clear()
    vote: tuple[str, bool] | None = None
    demonym = vocab().demonyms.get(text.casefold())
    if demonym:
        vote = (demonym, False)
    elif text.casefold() not in vocab().not_places:
        options = [h.place for h in gaz.exact(name_key(text)) if h.level >= 1]
        countries = [p for p in options if p.kind in {"country", "region"}]
        big = [p for p in options if p.kind == "city" and p.population >= BIG_CITY]
        if len(countries) == 1:
            vote = (countries[0].cc, True)
        elif not countries and len(big) == 1:
            vote = (big[0].cc, False)
    _VOTES[key] = vote
    return vote


def _phrase_places(parsed: ParsedDocument, sentences: list[Sentence],
                   context: Context) -> list[list[PlaceMention]]:
    """Per sentence, its region phrases then its multi-word country names (one scan of the text each)."""
    bounds = [(sentence.start, sentence.end) for sentence in sentences]
    regions = find_region_spans(parsed.text, bounds, context.countries)
    countries = find_country_phrases(parsed.text, bounds)
    return [[_mention(parsed, start, end, place, "region") for start, end, place in sentence_regions]
            + [_mention(parsed, start, end, place, "country") for start, end, place in sentence_countries]
            for sentence_regions, sentence_countries in zip(regions, countries, strict=True)]


def _sentence_places(parsed: ParsedDocument, gaz: Gazetteer, sentence: Sentence, context: Context,
                     lower_words: frozenset[str], chunks: list[list[Candidate]],
                     fuzzy: dict[str, GeoPlace]) -> list[PlaceMention]:
    found: list[PlaceMention] = []
    ents: list[tuple[int, int, str]] | None = None  # read from the parse only if a chunk is looked up
    for tokens in chunks:
        organisation, facility = chunk_kind(tokens)
        if organisation:
            continue
        if facility:
            for token in tokens:
                token.part_of_chunk = True
        for token in tokens:
            token.common_word = token.text.casefold() in lower_words
        if ents is None:
            ents = ner_spans(sentence)
        found.extend(_segment(parsed, gaz, tokens, ents, context, fuzzy))
    return found


def _label_for(cand: Candidate, ents: list[tuple[int, int, str]]) -> str | None:
    for start, end, label in ents:
        if start <= cand.start and cand.end <= end:
            return label
    return None


def _skip(gaz: Gazetteer, cand: Candidate) -> bool:
    v = vocab()
    folded = cand.text.casefold()
    if folded in v.not_places or folded in v.demonyms:
        return True
    if folded in v.directions and not (cand.admin1 or cand.admin2):
        return True  # "Western nations", "East" alone: a direction, not the province named so
    if cand.ner not in _BLOCK_LABELS or cand.cue is not None or cand.settlement:
        return False
    # The small model calls "Mali's army" a person or an organisation; a country name standing alone
    # is still a place ("Jordan Peterson", a longer run, stays blocked).
    if not cand.part_of_chunk:
        return not any(h.place.kind == "country" and h.level >= 1 for h in gaz.exact(name_key(cand.text)))
    return True


def _segment(parsed: ParsedDocument, gaz: Gazetteer, tokens: list[Candidate],
             ents: list[tuple[int, int, str]], context: Context,
             fuzzy: dict[str, GeoPlace]) -> list[PlaceMention]:
    """Longest-match segmentation of one capitalised chunk into places."""
    text = parsed.text
    found: list[PlaceMention] = []
    i, n = 0, len(tokens)
    while i < n:
        matched = False
        for j in range(n, i, -1):
            whole_chunk = i == 0 and j == n
            whole = whole_chunk and not tokens[0].part_of_chunk
            if not whole and not gaz.exact(name_key(text[tokens[i].start:tokens[j - 1].end])):
                continue  # only a whole chunk resolves without an exact entry (anchor, fuzzy): skip the cues
            cand = span_candidate(tokens[i:j], text, whole_chunk=whole_chunk)
            cand.ner = _label_for(cand, ents)
            cand.common_word = j - i == 1 and tokens[i].common_word
            cand.leads_name = n == 2 and i == 0 and j == 1  # "Jordan Peterson", "Chad Williams"
            if _skip(gaz, cand) or (not whole_chunk and is_person_piece(tokens, i, j, text)):
                continue
            place, guessed = _resolve(gaz, cand, context, whole)
            if place is not None:
                mention = _place_mention(parsed, cand, place)
                if guessed:
                    fuzzy[mention.id] = place
                found.append(mention)
                i, matched = j, True
                break
        if not matched:
            i += 1
    if not found:
        chunk = span_candidate(tokens, text, whole_chunk=True)
        if chunk.settlement and not chunk.part_of_chunk and not _skip(gaz, chunk):
            found.append(_unresolved(parsed, chunk))  # "the village of X" that no gazetteer knows
    return found


def _resolve(gaz: Gazetteer, cand: Candidate, context: Context, whole: bool) -> tuple[GeoPlace | None, bool]:
    """(place, fuzzy?) for one candidate: exact, else the anchor the text gives, else fuzzy."""
    place = best_exact(gaz, cand, context)
    anchor = context.anchors.get(name_key(cand.text)) if whole else None
    if anchor is not None:
        chosen = anchored(place, anchor)
        cand.near = cand.near or chosen is anchor  # located by its anchor: "near" it
        return chosen, False
    if place is not None:
        return place, False
    cued = cand.cue is not None or cand.settlement or cand.near or cand.ner in _PLACE_LABELS
    if not (cued and whole):
        return None, False
    place = best_fuzzy(gaz, cand, context)
    return place, place is not None


def _place_mention(parsed: ParsedDocument, cand: Candidate, place: GeoPlace) -> PlaceMention:
    if place.kind == "country":
        before = direction_before(parsed.text, cand.start)
        region = compass_region(place, before[1]) if before else None
        if before and region is not None:
            return _mention(parsed, before[0], cand.end, region, "region")
        after = direction_after(parsed.text, cand.end)
        region = compass_region(place, after[1]) if after else None
        if after and region is not None:
            return _mention(parsed, cand.start, after[0], region, "region")
    return _mention(parsed, cand.start, cand.end, place, precision_of(place, cand))


def _mention(parsed: ParsedDocument, start: int, end: int, place: GeoPlace, precision: str) -> PlaceMention:
    return PlaceMention(
        id=f"{parsed.input.id}:place:{start}-{end}", doc=parsed.input.id, span=(start, end),
        text=parsed.text[start:end], name=place.name, country=place.country,
        admin1=place.admin1 if place.kind != "country" else None,
        lat=_round(place.lat), lon=_round(place.lon), precision=precision,  # type: ignore[arg-type]
    )


def _unresolved(parsed: ParsedDocument, cand: Candidate) -> PlaceMention:
    return PlaceMention(id=f"{parsed.input.id}:place:{cand.start}-{cand.end}", doc=parsed.input.id,
                        span=(cand.start, cand.end), text=cand.text, name=None)


def _round(value: float | None) -> float | None:
    return round(value, 5) if value is not None else None


def _drop_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the longer of overlapping mentions (a region phrase over a country name inside it)."""
    ordered = sorted(mentions, key=lambda m: (m.span[0], -(m.span[1] - m.span[0])))
    kept: list[PlaceMention] = []
    for mention in ordered:
        if kept and mention.span[0] < kept[-1].span[1]:
            continue
        kept.append(mention)
    return kept


def title_places(parsed: ParsedDocument) -> list[PlaceMention]:
    """Places in the headline (spans index into the title, not the text; used for context only)."""
    title = parsed.input.title or ""
    if not title.strip():
        return []
    headline = ParsedDocument(input=parsed.input.model_copy(update={"text": title, "title": None}))
    gaz = get_gazetteer()
    sentences = sentences_of(headline)
    context = cached_context(parsed, gaz, sentences_of(parsed))
    lower_words = _lower_words(parsed.text)
    found: list[PlaceMention] = []
    phrases = _phrase_places(headline, sentences, context)
    for sentence, sentence_phrases in zip(sentences, phrases, strict=True):
        chunks = chunk_candidates(sentence, headline.text)
        found.extend(sentence_phrases)
        found.extend(_sentence_places(headline, gaz, sentence, context, lower_words, chunks, {}))
    return _drop_overlaps(found)


def admin1_place(country: str | None, admin1: str) -> GeoPlace | None:
    """The first-level unit named `admin1` in `country` (a country name), if the gazetteer has it."""
    for hit in get_gazetteer().exact(name_key(admin1)):
        if hit.place.kind == "admin1" and hit.place.country == country:
            return hit.place
    return None
