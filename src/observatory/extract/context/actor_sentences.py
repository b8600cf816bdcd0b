"""Sentence helpers shared by the actor, perpetrator, event and quote extractors."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from observatory.extract.document import ParsedDocument, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Used only when the claims stage has not split the document (it normally has).
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def sentences_of(parsed: ParsedDocument) -> list[Sentence]:
    """The parsed sentences, or a plain regex split by paragraph when none were provided."""
    if parsed.sentences:
        return parsed.sentences
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs_of(parsed)):
        chunk = parsed.text[p_start:p_end]
        pos = 0
        for m in [*_SENT_END.finditer(chunk), None]:
            end = m.start() if m else len(chunk)
            piece = chunk[pos:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                s, e = p_start + pos + lead, p_start + pos + len(piece.rstrip())
                out.append(Sentence(len(out), s, e, p_index, parsed.text[s:e]))
            pos = m.end() if m else len(chunk)
    return out


def paragraphs_of(parsed: ParsedDocument) -> list[tuple[int, int]]:
    if parsed.paragraphs:
        return parsed.paragraphs
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", parsed.text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def sentence_index_at(sentences: list[Sentence], pos: int) -> int | None:
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end or (pos == s.end and i == len(sentences) - 1):
            return i
    # Between sentences (whitespace): the next one.
    for i, s in enumerate(sentences):
        if s.start >= pos:
            return i
    return None


def sentence_doc(
    sentence: Sentence, nlp: Language, cache: dict[int, Doc], skip: tuple[str, ...] = ()
) -> Doc:
    """The parse of a sentence: the candidate parse when there is one, else parsed now without
    the components in `skip` (a caller that reads only the tree and entities skips the tagger).

    Parses made here go into the caller's `cache`, not into the shared ParsedDocument.
    """
    if sentence.doc is not None:
        return sentence.doc
    if sentence.index not in cache:
        cache[sentence.index] = nlp(sentence.text, disable=[name for name in skip if name in nlp.pipe_names])
    return cache[sentence.index]
