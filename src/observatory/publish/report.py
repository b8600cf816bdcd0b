"""The report: one query path shared by `observatory report`, the REST API and the dashboard.

`build_report(session)` reads what is stored (documents, quotes, incidents) and returns the
`Report` model of PRODUCT.md; it works before any incident exists (documents only).
`reconcile_database(db)` rebuilds the incidents of a database from its stored claims;
`in_database(db, work)` runs any such read or rebuild in one session of a database it closes after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from observatory.models import (
    DocumentInput,
    Incident,
    Quote,
    Report,
    ReportDocument,
    ReportQuote,
    ReportSocialPost,
)
from observatory.reconcile import build_incidents, single_source_quotes
from observatory.store import open_database
from observatory.store import repository as repo

T = TypeVar("T")


@dataclass(frozen=True)
class ReconcileSummary:
    documents: int
    duplicates: int
    claims: int
    events: int
    incidents: list[Incident]


def build_report(session: Session) -> Report:
    documents = repo.list_documents(session)
    duplicates = repo.document_duplicates(session)
    quotes = repo.list_quotes(session)
    return Report(
        incidents=repo.list_incidents(session),
        documents=[report_document(d, duplicates.get(d.id)) for d in documents],
        quotes=report_quotes(quotes, [d for d in documents if d.id not in duplicates]),
    )


def report_document(doc: DocumentInput, duplicate_of: str | None = None) -> ReportDocument:
    return ReportDocument(
        id=doc.id,
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        path=doc.path,
        social_posts=[
            ReportSocialPost(author=p.author, handle=p.handle, date=p.date, text=p.text)
            for p in doc.social_posts
        ],
        duplicate_of=duplicate_of,
    )


def report_quotes(quotes: list[Quote], documents: list[DocumentInput]) -> list[ReportQuote]:
    """Every quote with its outlet, flagged when no other outlet carries the same words."""
    outlets = {d.id: d.outlet for d in documents}
    single = single_source_quotes(quotes, documents)
    return [
        ReportQuote(
            speaker=q.speaker,
            text=q.text,
            doc=q.doc,
            outlet=q.outlet or outlets.get(q.doc),
            single_source=q.id in single,
        )
        for q in quotes
    ]


def reconcile_session(session: Session) -> ReconcileSummary:
    """Load everything stored, build incidents and replace the stored ones (one transaction)."""
    documents = repo.list_documents(session)
    duplicates = repo.document_duplicates(session)
    claims = repo.list_claims(session)
    events = repo.list_events(session)
    incidents = build_incidents(
        documents,
        claims,
        events,
        repo.list_quotes(session),
        actors=repo.list_actors(session),
        duplicates=duplicates,
    )
    repo.replace_incidents(session, incidents)
    return ReconcileSummary(
        documents=len(documents),
        duplicates=len(duplicates),
        claims=len(claims),
        events=len(events),
        incidents=incidents,
    )


def in_database(db: str, work: Callable[[Session], T]) -> T:
    """`work` run in one session of database `db`, which is closed afterwards (one-shot commands)."""
    database = open_database(db)
    try:
        with database.session() as session:
            return work(session)
    finally:
        database.close()


def reconcile_database(db: str) -> ReconcileSummary:
    return in_database(db, reconcile_session)
