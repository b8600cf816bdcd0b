"""A document split into paragraphs and sentences, shared by every extractor.

Only *candidate* sentences (those where a trigger makes a claim possible) carry a full spaCy
parse in `Sentence.doc`; the rest keep `doc=None` so context extractors must work from the text
(regex, PhraseMatcher over a tokenizer-only Doc) or from the parsed candidates.
All offsets index into `ParsedDocument.input.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from observatory.models import DocumentInput

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    doc: Doc | None = None  # full-pipeline parse; None when the sentence was not a candidate


@dataclass
class ParsedDocument:
    input: DocumentInput
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.input.text
