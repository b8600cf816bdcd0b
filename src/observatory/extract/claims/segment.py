"""Paragraphs and sentences with character offsets into the document text.

A cheap rule-based splitter: it runs on every sentence of every document, so it must stay linear
and never call the model. Paragraphs are separated by line breaks (news text puts one paragraph
per line; blank lines are just longer breaks).
"""

from __future__ import annotations

import re

from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import DocumentInput

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and an
# upper-case letter, a digit or an opening quote.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Abbreviations after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "maj", "sgt", "st", "mt", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "gov", "rep", "sen", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "est", "dept", "fig",
    "jr", "sr",
))  # fmt: skip


def _ends_with_abbreviation(chunk: str) -> bool:
    match = re.search(r"([A-Za-z.]+)\.$", chunk.rstrip("\"'”’)]"))
    if not match:
        return False
    word = match.group(1).lower()
    # Single capital letters are initials ("John F. Kennedy").
    return word in _ABBREVIATIONS or len(word) == 1


def split_sentences(text: str, start: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside one paragraph `text` starting at `start`."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if _ends_with_abbreviation(text[begin : match.start()]):
            continue
        spans.append((start + begin, start + match.start()))
        begin = match.end()
    if begin < len(text):
        spans.append((start + begin, start + len(text)))
    return [(a, b) for a, b in spans if b > a]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def segment(doc: DocumentInput) -> ParsedDocument:
    """Split the document into paragraphs and sentences (no model involved)."""
    parsed = ParsedDocument(input=doc)
    text = doc.text
    for match in _PARAGRAPH.finditer(text):
        a, b = _trim(text, match.start(), match.end())
        if a == b:
            continue
        paragraph = len(parsed.paragraphs)
        parsed.paragraphs.append((a, b))
        for s, e in split_sentences(text[a:b], a):
            s, e = _trim(text, s, e)
            if s < e:
                parsed.sentences.append(
                    Sentence(index=len(parsed.sentences), start=s, end=e, paragraph=paragraph, text=text[s:e])
                )
    return parsed
