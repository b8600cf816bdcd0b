"""MinHash signatures in the store, so near-duplicate detection spans runs."""

from __future__ import annotations

from datasketch import LeanMinHash
from sqlalchemy import select
from sqlalchemy.orm import Session

from observatory.ingest.dedup import NUM_PERM, NearDuplicateIndex, signature_bytes, signature_from_bytes
from observatory.store import tables as t
from observatory.store.repository import RowSink


def save_signature(session: RowSink, doc_id: str, sig: LeanMinHash) -> None:
    """Store the signature of a saved document (same transaction as the document)."""
    row = t.SignatureRow(doc=doc_id, num_perm=NUM_PERM, seed=int(sig.seed), hashvalues=signature_bytes(sig))
    session.add(row)


def load_index(session: Session) -> NearDuplicateIndex:
    """An LSH index of every stored original (documents not themselves linked as duplicates)."""
    index = NearDuplicateIndex()
    query = (
        select(t.SignatureRow.doc, t.SignatureRow.hashvalues, t.SignatureRow.seed)
        .join(t.DocumentRow, t.DocumentRow.id == t.SignatureRow.doc)
        .outerjoin(t.DuplicateLinkRow, t.DuplicateLinkRow.doc == t.SignatureRow.doc)
        .where(t.DuplicateLinkRow.doc.is_(None), t.SignatureRow.num_perm == NUM_PERM)
        .order_by(t.DocumentRow.seq)
    )
    for doc_id, data, seed in session.execute(query):
        index.add(doc_id, signature_from_bytes(data, seed))
    return index
