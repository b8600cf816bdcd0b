"""Sentence and paragraph access that works whether or not the claims stage split the text.

Context modules need sentence boundaries; `ParsedDocument.sentences` is used when filled, else a
light regex split (paragraphs on newlines, sentences on terminal punctuation) stands in.
"""

from __future__ import annotations

import re

from observatory.extract.document import ParsedDocument, Sentence

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences_of(parsed: ParsedDocument) -> list[Sentence]:
    if parsed.sentences:
        return parsed.sentences
    text = parsed.text
    result: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_bounds(text)):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            result.append(Sentence(len(result), start, match.start(), paragraph, text[start:match.start()]))
            start = match.end()
        if text[start:p_end].strip():
            result.append(Sentence(len(result), start, p_end, paragraph, text[start:p_end]))
    return result


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Non-empty lines are paragraphs (news text puts one paragraph per line)."""
    bounds = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            bounds.append((offset + lead, offset + lead + len(stripped)))
        offset += len(line) + 1
    return bounds


def sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= position < max(sentence.end, sentence.start + 1):
            return sentence
    return None
