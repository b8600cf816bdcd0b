"""Repository: read and write domain models (`observatory.models`) in one SQLAlchemy session.

Functions never commit; the caller's `Database.session()` block is the transaction, so a
document and everything extracted from it are saved together or not at all.

Near-duplicates: a syndicated copy (`duplicate_of` set) is stored as a document row with its
social posts and a `duplicate_links` row, but its extraction is NOT stored, so none of its claims,
events or quotes can be counted twice. `document_duplicates` lists the links.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol, TypeVarTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from observatory import models as m
from observatory.store import convert as c
from observatory.store import tables as t
from observatory.store.incidents import get_incident, list_incidents, replace_incidents

__all__ = [
    "RowSink",
    "add_document",
    "count_rows",
    "document_duplicates",
    "find_document_by_hash",
    "get_document",
    "get_incident",
    "has_document",
    "list_actors",
    "list_claims",
    "list_documents",
    "list_events",
    "list_incidents",
    "list_places",
    "list_quotes",
    "next_seq",
    "replace_incidents",
    "save_document",
]


# ----------------------------------------------------------------------------- write
class RowSink(Protocol):
    """Where the row builders put new ORM rows: a `Session`, or `store.bulk.RowCollector`, which
    turns them into multi-row Core INSERTs. One builder for both keeps their rows identical."""

    def add(self, instance: object) -> None: ...

    def add_all(self, instances: Iterable[object]) -> None: ...


def save_document(
    session: Session,
    doc: m.DocumentInput,
    extraction: m.DocumentExtraction,
    duplicate_of: str | None = None,
    similarity: float | None = None,
) -> None:
    """Add one document with its social posts and extraction (or, for a duplicate, the link).

    Raises ValueError when the extraction belongs to another document or the id is taken.
    """
    _check_extraction(doc, extraction)
    if has_document(session, doc.id):
        raise ValueError(f"document {doc.id} is already stored")
    _add_document(session, doc, next_seq(session))
    # Flush the parent first: PostgreSQL checks foreign keys per statement.
    session.flush()
    _add_content(session, doc, extraction, duplicate_of, similarity)
    session.flush()


def add_document(
    sink: RowSink,
    doc: m.DocumentInput,
    extraction: m.DocumentExtraction,
    seq: int,
    duplicate_of: str | None = None,
    similarity: float | None = None,
) -> None:
    """The rows `save_document` would add, given to `sink` with `seq` chosen by the caller.

    No checks against the database: a taken id fails on insert (primary key).
    """
    _check_extraction(doc, extraction)
    _add_document(sink, doc, seq)
    _add_content(sink, doc, extraction, duplicate_of, similarity)


def next_seq(session: Session) -> int:
    """The `seq` of the next document to store (ingest order)."""
    return (session.scalar(select(func.max(t.DocumentRow.seq))) or 0) + 1


def _check_extraction(doc: m.DocumentInput, extraction: m.DocumentExtraction) -> None:
    if extraction.doc != doc.id:
        raise ValueError(f"extraction is for document {extraction.doc}, not {doc.id}")


def _add_document(sink: RowSink, doc: m.DocumentInput, seq: int) -> None:
    sink.add(
        t.DocumentRow(
            id=doc.id, seq=seq, text=doc.text, title=doc.title, url=doc.url, outlet=doc.outlet,
            published=doc.published, path=doc.path, language=doc.language, content_hash=doc.content_hash,
            ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
    )
    sink.add_all(c.social_post_row(doc.id, i, post) for i, post in enumerate(doc.social_posts))


def _add_content(
    sink: RowSink,
    doc: m.DocumentInput,
    extraction: m.DocumentExtraction,
    duplicate_of: str | None,
    similarity: float | None,
) -> None:
    if duplicate_of is not None:
        sink.add(t.DuplicateLinkRow(doc=doc.id, original=duplicate_of, similarity=similarity))
    else:
        _save_extraction(sink, extraction, doc.outlet)


def _save_extraction(session: RowSink, extraction: m.DocumentExtraction, outlet: str | None) -> None:
    session.add_all(c.claim_row(claim, i, outlet) for i, claim in enumerate(extraction.claims))
    session.add_all(c.event_row(event, i) for i, event in enumerate(extraction.events))
    session.add_all(c.actor_row(actor, i) for i, actor in enumerate(extraction.actors))
    session.add_all(c.place_row(place, i) for i, place in enumerate(extraction.places))
    session.add_all(c.quote_row(quote, i, outlet) for i, quote in enumerate(extraction.quotes))


# ----------------------------------------------------------------------------- documents
def has_document(session: Session, doc_id: str) -> bool:
    return session.get(t.DocumentRow, doc_id) is not None


def find_document_by_hash(session: Session, content_hash: str) -> str | None:
    """The id of the stored document with exactly this content hash, if any."""
    return session.scalar(select(t.DocumentRow.id).where(t.DocumentRow.content_hash == content_hash))


def _posts_by_doc(session: Session, doc_ids: list[str] | None = None) -> dict[str, list[t.SocialPostRow]]:
    query = select(t.SocialPostRow).order_by(t.SocialPostRow.doc, t.SocialPostRow.position)
    if doc_ids is not None:
        query = query.where(t.SocialPostRow.doc.in_(doc_ids))
    posts: dict[str, list[t.SocialPostRow]] = defaultdict(list)
    for row in session.scalars(query):
        posts[row.doc].append(row)
    return posts


def list_documents(session: Session) -> list[m.DocumentInput]:
    """Every stored document (duplicates included), in ingest order."""
    rows = list(session.scalars(select(t.DocumentRow).order_by(t.DocumentRow.seq)))
    posts = _posts_by_doc(session)
    return [c.document_model(row, posts.get(row.id, [])) for row in rows]


def get_document(session: Session, doc_id: str) -> m.DocumentInput | None:
    row = session.get(t.DocumentRow, doc_id)
    if row is None:
        return None
    return c.document_model(row, _posts_by_doc(session, [doc_id]).get(doc_id, []))


def document_duplicates(session: Session) -> dict[str, str]:
    """Near-duplicate document id -> id of the original it copies."""
    rows = session.execute(select(t.DuplicateLinkRow.doc, t.DuplicateLinkRow.original))
    return {doc: original for doc, original in rows}


# ----------------------------------------------------------------------------- extraction
# Tables of per-document extraction rows: each has `doc` and `position` (order within the document).
_ExtractionRow = t.ClaimRow | t.EventRow | t.ActorRow | t.PlaceRow | t.QuoteRow
_Cols = TypeVarTuple("_Cols")


def _in_document_order(
    query: Select[*_Cols], row: type[_ExtractionRow], doc_id: str | None
) -> Select[*_Cols]:
    """Rows in ingest order then document order; only one document's when `doc_id` is given."""
    query = query.join(t.DocumentRow, t.DocumentRow.id == row.doc).order_by(t.DocumentRow.seq, row.position)
    return query if doc_id is None else query.where(row.doc == doc_id)


def list_claims(session: Session, doc_id: str | None = None) -> list[m.Claim]:
    """Claims in ingest order then document order; each carries its document's outlet."""
    query = _in_document_order(select(t.ClaimRow, t.DocumentRow.outlet), t.ClaimRow, doc_id)
    return [c.claim_model(row, outlet) for row, outlet in session.execute(query)]


def list_events(session: Session, doc_id: str | None = None) -> list[m.Event]:
    query = _in_document_order(select(t.EventRow), t.EventRow, doc_id)
    return [c.event_model(row) for row in session.scalars(query)]


def list_actors(session: Session, doc_id: str | None = None) -> list[m.ActorMention]:
    query = _in_document_order(select(t.ActorRow), t.ActorRow, doc_id)
    return [c.actor_model(row) for row in session.scalars(query)]


def list_places(session: Session, doc_id: str | None = None) -> list[m.PlaceMention]:
    query = _in_document_order(select(t.PlaceRow), t.PlaceRow, doc_id)
    return [c.place_model(row) for row in session.scalars(query)]


def list_quotes(session: Session, doc_id: str | None = None) -> list[m.Quote]:
    query = _in_document_order(select(t.QuoteRow), t.QuoteRow, doc_id)
    return [c.quote_model(row) for row in session.scalars(query)]


def count_rows(session: Session) -> dict[str, int]:
    """Row count of every table, by table name (for summaries and tests)."""
    counts: dict[str, int] = {}
    for table in t.Base.metadata.sorted_tables:
        counts[table.name] = session.scalar(select(func.count()).select_from(table)) or 0
    return counts
