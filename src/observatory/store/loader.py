"""The ingest job: read inputs -> skip duplicates -> extract -> save, in batches of documents.

- Exact duplicates (same content hash, or a JSON Lines id already stored with the same text) add
  nothing: re-ingesting is idempotent.
- Near-duplicates (MinHash LSH, see `observatory.ingest.dedup`) are stored as documents linked
  `duplicate_of` their original, without extraction, so their claims are never counted twice.
- New documents are extracted through `observatory.extract.engine.iter_extractions` (whatever
  `settings.engine` is) and saved with their extraction and signature. Saved documents are
  buffered and written `settings.write_batch` at a time in ONE transaction (`store.bulk`); when a
  batch fails it is rolled back and retried one document per transaction, so a failure while
  saving leaves the database exactly as before that document and the others are stored.
  `write_batch` 1 is the plain per-document path.
- Engines may read ahead (batches, worker pools), so decisions about duplicates are made when a
  document enters the pipeline, and saves happen strictly in input order: an original is always
  committed before, or in the same transaction as, any copy that links to it.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from datasketch import LeanMinHash

from observatory.config import Settings
from observatory.extract.engine import iter_extractions
from observatory.ingest import DEFAULT_MAX_MB, IngestError, read_inputs
from observatory.ingest.dedup import NearDuplicateIndex, signature
from observatory.models import DocumentExtraction, DocumentInput
from observatory.store import repository
from observatory.store.bulk import DocumentWrite, save_batch, save_one
from observatory.store.database import Database
from observatory.store.signatures import load_index

# Progress callback: (event, input label). Events: ingested, exact, near, skipped.
Progress = Callable[[str, str], None]


@dataclass
class IngestSummary:
    ingested: list[str] = field(default_factory=list)
    exact_duplicates: list[tuple[str, str]] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)
    social_posts: int = 0
    claims: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped


@dataclass
class _Pending:
    doc: DocumentInput
    sig: LeanMinHash
    original: str | None = None
    similarity: float | None = None


def label(doc: DocumentInput) -> str:
    where = doc.path or doc.url or "input"
    return f"{where} [{doc.id}]"


class _Job:
    def __init__(self, db: Database, settings: Settings, progress: Progress | None) -> None:
        self.db = db
        self.settings = settings
        self.progress = progress or (lambda _event, _name: None)
        self.summary = IngestSummary()
        self.pending: deque[_Pending] = deque()
        self.seen_ids: set[str] = set()
        self.seen_hashes: set[str] = set()
        # Extracted documents waiting to be written, in input order (at most `write_batch`).
        self.batch: list[DocumentWrite] = []
        self.write_batch = max(1, settings.write_batch)
        # Originals this run could not store, to explain why a copy linked to one fails too.
        self.failed: set[str] = set()
        with db.session() as session:
            self.index: NearDuplicateIndex = load_index(session)

    # -------------------------------------------------------------------- deciding
    def admit(self, items: Iterable[DocumentInput | IngestError]) -> Iterator[DocumentInput]:
        """Documents that need extraction; duplicates and errors are recorded on the way."""
        for item in items:
            if isinstance(item, IngestError):
                self._skip(item)
                continue
            if self._exact_duplicate(item):
                continue
            sig = signature(item.text)
            near = self.index.find(sig)
            self.seen_ids.add(item.id)
            self.seen_hashes.add(item.content_hash)
            if near is not None:
                self.pending.append(_Pending(item, sig, near[0], near[1]))
                continue
            self.index.add(item.id, sig)
            self.pending.append(_Pending(item, sig))
            yield item

    def _exact_duplicate(self, doc: DocumentInput) -> bool:
        if doc.content_hash in self.seen_hashes:
            self._record_exact(doc, "an earlier input of this run")
            return True
        if doc.id in self.seen_ids:
            reason = f"document id {doc.id} was used earlier in this run for other text"
            self._skip(IngestError(label(doc), reason))
            return True
        with self.db.session() as session:
            by_hash = repository.find_document_by_hash(session, doc.content_hash)
            by_id = repository.has_document(session, doc.id)
        if by_hash is not None:
            self._record_exact(doc, by_hash)
            return True
        if by_id:
            self._skip(IngestError(label(doc), f"document id {doc.id} is already stored with different text"))
            return True
        return False

    def _record_exact(self, doc: DocumentInput, existing: str) -> None:
        self.summary.exact_duplicates.append((label(doc), existing))
        self.progress("exact", label(doc))

    def _skip(self, error: IngestError) -> None:
        self.summary.skipped.append(error)
        self.progress("skipped", str(error))

    # -------------------------------------------------------------------- saving
    def save_ready_duplicates(self) -> None:
        """Queue near-duplicates at the head of the queue (their originals are queued or saved)."""
        while self.pending and self.pending[0].original is not None:
            item = self.pending.popleft()
            self._write(item, DocumentExtraction(doc=item.doc.id))

    def save_extracted(self, extraction: DocumentExtraction) -> None:
        self.save_ready_duplicates()
        if not self.pending or self.pending[0].doc.id != extraction.doc:
            raise RuntimeError(f"extraction for {extraction.doc} arrived out of order")
        self._write(self.pending.popleft(), extraction)

    def abandon(self, reason: str) -> None:
        """Drop documents still waiting for extraction (and copies of them); keep other copies."""
        lost = {p.doc.id for p in self.pending if p.original is None}
        kept: deque[_Pending] = deque()
        for item in self.pending:
            if item.original is None or item.original in lost:
                self.index.remove(item.doc.id)
                self._skip(IngestError(label(item.doc), f"not stored: {reason}"))
            else:
                kept.append(item)
        self.pending = kept

    def _write(self, item: _Pending, extraction: DocumentExtraction) -> None:
        self.batch.append(DocumentWrite(item.doc, extraction, item.sig, item.original, item.similarity))
        if len(self.batch) >= self.write_batch:
            self.flush()

    def flush(self) -> None:
        """Store the buffered documents: one transaction, or one each if that fails."""
        batch, self.batch = self.batch, []
        if len(batch) > 1 and self._save_batch(batch):
            return
        for item in batch:
            self._save(item)

    def _save_batch(self, batch: list[DocumentWrite]) -> bool:
        try:
            with self.db.session() as session:
                save_batch(session, batch)
        except Exception:  # rolled back; the caller retries one by one to find the bad document(s)
            return False
        for item in batch:
            self._stored(item)
        return True

    def _save(self, item: DocumentWrite) -> None:
        try:
            with self.db.session() as session:
                save_one(session, item)
        except Exception as exc:  # rolled back by the session; report and go on with the next one
            why = f"{type(exc).__name__}: {_one_line(exc)}"
            # The database decides (another writer may have stored the original); this says why.
            if item.original in self.failed:
                why = f"its original {item.original} was not stored; {why}"
            self._failed(item, f"not stored ({why})")
            return
        self._stored(item)

    def _stored(self, item: DocumentWrite) -> None:
        self.summary.social_posts += len(item.doc.social_posts)
        if item.original is not None:
            self.summary.near_duplicates.append((label(item.doc), item.original, item.similarity or 0.0))
            self.progress("near", label(item.doc))
        else:
            self.summary.ingested.append(item.doc.id)
            self.summary.claims += len(item.extraction.claims)
            self.progress("ingested", label(item.doc))

    def _failed(self, item: DocumentWrite, reason: str) -> None:
        self._skip(IngestError(label(item.doc), reason))
        if item.original is None:
            self.index.remove(item.doc.id)
            self.failed.add(item.doc.id)


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else "no detail"


def ingest_paths(
    paths: Iterable[str | Path],
    db: Database,
    settings: Settings,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest files, folders and URLs into `db`; returns what happened to every input."""
    job = _Job(db, settings, progress)
    stream = read_inputs(paths, published=published, outlet=outlet, max_mb=max_mb)
    try:
        for extraction in iter_extractions(job.admit(stream), settings):
            job.save_extracted(extraction)
    except Exception as exc:  # the engine failed: keep what was extracted, say why the rest was not
        job.flush()
        job.abandon(f"extraction stopped ({type(exc).__name__}: {_one_line(exc)})")
    job.save_ready_duplicates()
    job.flush()
    return job.summary
