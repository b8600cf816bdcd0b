"""The naive baseline the benchmark compares against: the same rules with the trigger gate off.

Observatory parses only *candidate* sentences with the full spaCy pipeline. The baseline does
what a straightforward implementation would: run the full pipeline with `nlp.pipe` over every
whole document, hand every sentence its slice of that parse (so every sentence is treated as a
candidate), and then apply exactly the same claim rules and context steps. Any difference in
speed is therefore the gate plus the batching, and any difference in recall is what the gate
loses (the benchmark reports both).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from observatory.config import Settings
from observatory.extract.context import annotate
from observatory.extract.document import ParsedDocument, Sentence
from observatory.extract.pipeline import load_nlp
from observatory.models import Claim, DocumentExtraction, DocumentInput

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _claims_available() -> bool:
    try:
        import observatory.extract.claims  # noqa: F401
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("observatory.extract.claims"):
            return False
        raise
    return True


def _segment(doc: DocumentInput, full: Doc) -> ParsedDocument:
    """The claims extractor's own segmentation, so both paths see identical sentences.

    Before the claims extractor is installed the baseline falls back to spaCy's sentences with no
    claim rules, i.e. it measures the full pipeline against whatever `extract_documents` does.
    """
    if _claims_available():
        from observatory.extract.claims.segment import segment

        return segment(doc)
    parsed = ParsedDocument(input=doc)
    for index, sent in enumerate(full.sents):
        parsed.sentences.append(Sentence(index=index, start=sent.start_char, end=sent.end_char, paragraph=0,
                                         text=sent.text))
    return parsed


def _claims(parsed: ParsedDocument) -> list[Claim]:
    if not _claims_available():
        return []
    from observatory.extract.claims import build_claims

    return list(build_claims(parsed))


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
        parsed = attach_full_parse(_segment(doc, full), full)
        yield annotate(parsed, _claims(parsed), nlp)


def baseline_batch(batch: list[DocumentInput], settings: Settings) -> list[DocumentExtraction]:
    """One batch of the baseline; module-level so a process pool can run it (`--processes`)."""
    return list(extract_baseline(batch, settings))
