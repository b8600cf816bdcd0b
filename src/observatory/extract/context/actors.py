"""Actors: curated gazetteer (PhraseMatcher over a tokenizer-only Doc) plus spaCy NER.

The gazetteer runs once over the whole document text (tokenizer only, cheap). NER adds the
actors the gazetteer does not know, but only where a full parse already exists (candidate
sentences): running the pipeline on every sentence would undo the performance design. Those
NER-only mentions carry `actor=None`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from observatory.extract.context.actor_gazetteer import (
    LOCATIVE,
    document_conflict,
    load_gazetteer,
    match_gazetteer,
)
from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import ActorMention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

# NER labels that can name an actor; GPE only when the state acts (it is the subject of a verb).
_NER_LABELS = {"ORG", "NORP", "PERSON"}
_NER_TYPES = {"PERSON": "person", "GPE": "foreign_state"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}


def actor_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}-a{start}-{end}"


def find_actors(parsed: ParsedDocument, nlp: Language) -> list[ActorMention]:
    doc_id = parsed.input.id
    mentions: list[ActorMention] = []
    matches = match_gazetteer(parsed.text, nlp)
    conflict = document_conflict(matches)  # sides depend on the conflict (Wagner in Mali vs Ukraine)
    for g in matches:
        e = g.entry
        mentions.append(ActorMention(
            id=actor_id(doc_id, g.start, g.end), doc=doc_id, span=(g.start, g.end),
            text=parsed.text[g.start:g.end], actor=e.name, type=e.type, side=e.side_in(conflict),
            country=e.country,
        ))
    covered = [m.span for m in mentions]
    for sentence in parsed.sentences:
        if sentence.doc is not None:
            mentions.extend(_ner_mentions(sentence, doc_id, covered, conflict))
    mentions.sort(key=lambda m: m.span)
    return mentions


def _overlaps(span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in covered)


def _ner_mentions(
    sentence: Sentence, doc_id: str, covered: list[tuple[int, int]], conflict: str | None
) -> list[ActorMention]:
    assert sentence.doc is not None
    gaz = load_gazetteer()
    out: list[ActorMention] = []
    for ent in sentence.doc.ents:
        if not _is_actor_entity(ent):
            continue
        start, end = sentence.start + ent.start_char, sentence.start + ent.end_char
        if _overlaps((start, end), covered):
            continue
        known = gaz.lookup(ent.text)
        out.append(ActorMention(
            id=actor_id(doc_id, start, end), doc=doc_id, span=(start, end), text=ent.text,
            actor=known.name if known else None,
            type=known.type if known else _NER_TYPES.get(ent.label_),
            side=known.side_in(conflict) if known else None,
            country=known.country if known else None,
        ))
    return out


def _is_actor_entity(ent: Span) -> bool:
    if ent.label_ in _NER_LABELS:
        return len(ent.text) > 1
    if ent.label_ != "GPE":
        return False
    # A state acts when it is a subject ("Turkey launched ..."), not when it is a location.
    head = ent.root
    if head.dep_ not in _SUBJECT_DEPS:
        return False
    return not (ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE)
