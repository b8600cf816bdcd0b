"""The naive baseline the benchmark compares against: the same rules with the trigger gate off.

Observatory parses only *candidate* sentences with the full spaCy pipeline. The baseline does
what a straightforward implementation would: run the full pipeline with `nlp.pipe` over every
whole document, hand every sentence its slice of that parse (so every sentence is treated as a
candidate), and then apply exactly the same steps as the extractor: `pipeline.prepare` (the
extractor's own sentence split) before, and `pipeline.finish` (claim rules, then context) after.
Only `pipeline.parse_candidates` -- the trigger gate and its batched parse -- is replaced, so any
speed difference is the gate and any recall difference is what the gate loses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from observatory.config import Settings
from observatory.extract.document import ParsedDocument
from observatory.extract.pipeline import finish, load_nlp, prepare
from observatory.models import DocumentExtraction, DocumentInput

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def attach_full_parse(parsed: ParsedDocument, full: Doc) -> ParsedDocument:
    """Give every sentence the full-pipeline parse of its text, cut from the whole-document parse."""
    for sentence in parsed.sentences:
        span = full.char_span(sentence.start, sentence.end, alignment_mode="expand")
        sentence.doc = span.as_doc() if span is not None else None
    return parsed


def extract_baseline(docs: Iterable[DocumentInput], settings: Settings | None = None,
                     nlp: Language | None = None) -> Iterator[DocumentExtraction]:
    """Full `nlp.pipe` over every whole document, then the extractor's claim rules and context."""
    settings = settings or Settings()
    nlp = nlp or load_nlp(settings.spacy_model)
    stream = ((doc.text, doc) for doc in docs)
    for full, doc in nlp.pipe(stream, as_tuples=True, batch_size=settings.batch_size):
        yield finish(attach_full_parse(prepare(doc), full), nlp)


def baseline_batch(batch: list[DocumentInput], settings: Settings) -> list[DocumentExtraction]:
    """One batch of the baseline; module-level so a process pool can run it (`--processes`)."""
    return list(extract_baseline(batch, settings))
