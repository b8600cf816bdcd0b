"""Ingest stage: read files, folders and URLs into `DocumentInput`s.

Public API: `read_inputs(paths, published=, outlet=)` streams `DocumentInput | IngestError`;
`document_id(text)` is the deterministic id shared with `extract`; `document_input(...)` builds
one document from raw text and metadata; `split_social_posts` and the MinHash helpers in
`observatory.ingest.dedup` are used by the store loader.
"""

from observatory.ingest.build import document_input
from observatory.ingest.errors import IngestError
from observatory.ingest.ids import content_hash, document_id, normalise
from observatory.ingest.social import split_social_posts
from observatory.ingest.sources import DEFAULT_MAX_MB, read_inputs

__all__ = [
    "DEFAULT_MAX_MB",
    "IngestError",
    "content_hash",
    "document_id",
    "document_input",
    "normalise",
    "read_inputs",
    "split_social_posts",
]
