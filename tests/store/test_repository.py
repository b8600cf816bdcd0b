"""Repository round-trips on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from store_samples import extraction_for, incident_from

from observatory.models import DocumentInput
from observatory.store import open_database, repository
from observatory.store.database import current_revision, head_revision


def test_open_database_migrates_to_head(db_url: str) -> None:
    db = open_database(db_url)
    try:
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {
            "documents",
            "claims",
            "incidents",
            "incident_claims",
            "duplicate_links",
            "document_signatures",
            "alembic_version",
        } <= tables
    finally:
        db.close()
    # Opening again is a no-op on an up-to-date database.
    open_database(db_url).close()


def test_documents_and_extraction_round_trip(db_url: str, small_documents: list[DocumentInput]) -> None:
    with open_database(db_url) as db:
        extractions = [extraction_for(doc) for doc in small_documents]
        for doc, extraction in zip(small_documents, extractions, strict=True):
            with db.session() as session:
                repository.save_document(session, doc, extraction)
        with db.session() as session:
            assert repository.list_documents(session) == small_documents
            assert repository.get_document(session, small_documents[1].id) == small_documents[1]
            assert repository.get_document(session, "nope") is None
            assert repository.has_document(session, small_documents[0].id)
            expected_claims = [
                c.model_copy(update={"outlet": doc.outlet})
                for doc, x in zip(small_documents, extractions, strict=True)
                for c in x.claims
            ]
            assert repository.list_claims(session) == expected_claims
            assert repository.list_claims(session, doc_id=small_documents[0].id) == expected_claims[:2]
            assert repository.list_events(session) == [e for x in extractions for e in x.events]
            assert repository.list_actors(session) == [a for x in extractions for a in x.actors]
            assert repository.list_places(session) == [p for x in extractions for p in x.places]
            quotes = repository.list_quotes(session)
            assert [q.model_copy(update={"outlet": None}) for q in quotes] == [
                q for x in extractions for q in x.quotes
            ]
            assert [q.outlet for q in quotes] == [d.outlet for d in small_documents]


def test_duplicate_is_linked_and_its_claims_not_stored(
    db_url: str, small_documents: list[DocumentInput]
) -> None:
    original, copy = small_documents
    with open_database(db_url) as db:
        with db.session() as session:
            repository.save_document(session, original, extraction_for(original))
        with db.session() as session:
            repository.save_document(
                session, copy, extraction_for(copy), duplicate_of=original.id, similarity=0.93
            )
        with db.session() as session:
            assert repository.document_duplicates(session) == {copy.id: original.id}
            assert {c.doc for c in repository.list_claims(session)} == {original.id}
            assert len(repository.list_documents(session)) == 2


def test_incidents_round_trip_and_grades(db_url: str, small_documents: list[DocumentInput]) -> None:
    with open_database(db_url) as db:
        for doc in small_documents:
            with db.session() as session:
                repository.save_document(session, doc, extraction_for(doc))
        with db.session() as session:
            claims = repository.list_claims(session)
            incident = incident_from(claims[:3], [d.id for d in small_documents])
            repository.replace_incidents(session, [incident])
        with db.session() as session:
            assert repository.list_incidents(session) == [incident]
            assert repository.get_incident(session, incident.id) == incident
            assert repository.get_incident(session, "missing") is None
            grades = {c.id: c.grade for c in repository.list_claims(session)}
            assert [grades[c.id] for c in claims] == ["fair", "fair", "fair", None]
        # Rebuilding replaces everything, and claims outside any incident lose their grade.
        with db.session() as session:
            repository.replace_incidents(session, [])
        with db.session() as session:
            assert repository.list_incidents(session) == []
            assert all(c.grade is None for c in repository.list_claims(session))
            assert repository.count_rows(session)["contradictions"] == 0


def test_failed_transaction_leaves_nothing(db_url: str, small_documents: list[DocumentInput]) -> None:
    doc = small_documents[0]
    with open_database(db_url) as db:
        with pytest.raises(RuntimeError), db.session() as session:
            repository.save_document(session, doc, extraction_for(doc))
            raise RuntimeError("interrupted")
        with db.session() as session:
            assert all(
                n == 0 for name, n in repository.count_rows(session).items() if name != "alembic_version"
            )


def test_save_rejects_mismatched_or_repeated_documents(
    db_url: str, small_documents: list[DocumentInput]
) -> None:
    first, second = small_documents
    with open_database(db_url) as db:
        with pytest.raises(ValueError, match="extraction is for"), db.session() as session:
            repository.save_document(session, first, extraction_for(second))
        with db.session() as session:
            repository.save_document(session, first, extraction_for(first))
        with pytest.raises(ValueError, match="already stored"), db.session() as session:
            repository.save_document(session, first, extraction_for(first))
