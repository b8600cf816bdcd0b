"""Execution engines for extraction: in-process (default), a process pool, or a Ray cluster.

Owner: performance. CLI `extract` and `ingest` call `iter_extractions` with `settings.engine`
set from `--engine`; results are identical whatever the engine and come back in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from observatory.config import Settings
from observatory.extract.pipeline import extract_documents
from observatory.models import DocumentExtraction, DocumentInput

ENGINES = ("local",)


def iter_extractions(docs: Iterable[DocumentInput], settings: Settings) -> Iterator[DocumentExtraction]:
    if settings.engine not in ENGINES:
        raise ValueError(f"unknown engine {settings.engine!r}; choose one of {', '.join(ENGINES)}")
    yield from extract_documents(docs, settings)
