"""Bulk writes: many documents in one transaction with multi-row Core INSERTs.

The per-document path (`repository.save_document`) pays, per document, an existence query, a
`max(seq)` query, one ORM flush per table and a commit. For large ingests (PostgreSQL above all,
where each of those is a network round trip) `save_batch` writes K documents at once:

- the rows come from exactly the builders the per-document path uses (`repository.add_document`,
  `signatures.save_signature`, i.e. `store.convert`), collected here instead of in a session and
  turned into plain column dicts, so both paths store identical rows;
- one `max(seq)` per batch; documents get consecutive `seq` values in the given (input) order;
- one `session.execute(insert(table), rows)` per table, parents before children
  (`metadata.sorted_tables`), so an original in the same batch exists before the copy that links
  to it. SQLAlchemy sends each as an executemany (psycopg 3: pipeline mode; sqlite3: one prepared
  statement), not a statement per row.

A batch is all or nothing; the caller (`store.loader`) retries a failed batch one document per
transaction, so a bad document is reported on its own and the others are stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from datasketch import LeanMinHash
from sqlalchemy import Table, insert, inspect
from sqlalchemy.orm import Session

from observatory import models as m
from observatory.store import repository
from observatory.store import tables as t
from observatory.store.signatures import save_signature


@dataclass
class DocumentWrite:
    """One document to store: its extraction (empty for a near-duplicate) and MinHash signature."""

    doc: m.DocumentInput
    extraction: m.DocumentExtraction
    sig: LeanMinHash
    original: str | None = None
    similarity: float | None = None


def save_one(session: Session, item: DocumentWrite) -> None:
    """The per-document path: ORM rows, checks and `seq` from the database."""
    repository.save_document(session, item.doc, item.extraction, duplicate_of=item.original,
                             similarity=item.similarity)
    save_signature(session, item.doc.id, item.sig)


def save_batch(session: Session, items: Sequence[DocumentWrite]) -> None:
    """Insert every row of `items` (in this order) inside the caller's transaction."""
    seq = repository.next_seq(session)
    rows = RowCollector()
    for offset, item in enumerate(items):
        repository.add_document(rows, item.doc, item.extraction, seq + offset,
                                duplicate_of=item.original, similarity=item.similarity)
        save_signature(rows, item.doc.id, item.sig)
    rows.insert(session)


class RowCollector:
    """A `repository.RowSink` that keeps each new ORM row as its column values, by table."""

    def __init__(self) -> None:
        self.rows: dict[Table, list[dict[str, Any]]] = {}

    def add(self, instance: object) -> None:
        state = inspect(instance)
        table = state.mapper.local_table
        assert isinstance(table, Table)
        # Only attributes the builder set, exactly what an ORM flush would put in its INSERT
        # (an unset autoincrement key is left to the database).
        values = {
            prop.columns[0].key: state.dict[prop.key]
            for prop in state.mapper.column_attrs
            if prop.key in state.dict
        }
        self.rows.setdefault(table, []).append(values)

    def add_all(self, instances: Iterable[object]) -> None:
        for instance in instances:
            self.add(instance)

    def insert(self, session: Session) -> None:
        for table in t.Base.metadata.sorted_tables:
            for rows in _same_keys(self.rows.get(table, [])):
                session.execute(insert(table), rows)


def _same_keys(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    """Consecutive runs of rows with the same columns: an executemany compiles one statement."""
    run: list[dict[str, Any]] = []
    for row in rows:
        if run and row.keys() != run[0].keys():
            yield run
            run = []
        run.append(row)
    if run:
        yield run
