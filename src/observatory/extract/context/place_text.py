"""Sentence and paragraph access that works whether or not the claims stage split the text.

Context modules need sentence boundaries; `ParsedDocument.sentences` is used when filled, else a
light regex split (paragraphs on newlines, sentences on terminal punctuation) stands in.
"""

from __future__ import annotations

import re
from bisect import bisect_left

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


_WORD_CHAR = re.compile(r"\w")


def matches_by_sentence(pattern: re.Pattern[str], text: str,
                        bounds: list[tuple[int, int]]) -> list[list[re.Match[str]]]:
    """`list(pattern.finditer(text, start, end))` for every (start, end), from one scan of the text.

    One scan of the document costs about what the per-sentence scans cost together, minus their
    per-call overhead (most sentences have no match). The whole-text matches inside a sentence are
    the sentence's own matches when none crosses its bounds, none is empty and the character after
    the sentence is not a word character (a `\\b` at `end` then reads the same whether the text stops
    there or not; characters before `start` are visible to both scans). Otherwise that sentence is
    scanned alone, as before.
    """
    whole = list(pattern.finditer(text))
    if any(match.start() == match.end() for match in whole):
        return [list(pattern.finditer(text, start, end)) for start, end in bounds]
    starts = [match.start() for match in whole]
    result = []
    for start, end in bounds:
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        inside = whole[first:last]
        crosses = (first > 0 and whole[first - 1].end() > start) or (inside and inside[-1].end() > end)
        if crosses or (end < len(text) and _WORD_CHAR.match(text, end)):
            inside = list(pattern.finditer(text, start, end))
        result.append(inside)
    return result
