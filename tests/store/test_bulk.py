"""Bulk writes (`store.bulk`, `ingest --write-batch`) store exactly what the per-document path does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select
from store_samples import extraction_for
from typer.testing import CliRunner

from observatory.cli import app
from observatory.config import Settings
from observatory.ingest import read_inputs
from observatory.ingest.dedup import signature
from observatory.models import DocumentExtraction, DocumentInput
from observatory.store import open_database, repository
from observatory.store import tables as t
from observatory.store.bulk import DocumentWrite, save_batch, save_one
from observatory.store.database import Database
from observatory.store.loader import IngestSummary, ingest_paths

# Invented towns, groups and numbers. The original is long enough for MinHash to see its copy.
ORIGINAL = (
    "Drone strike kills 11 at Kessary fuel depot\n"
    "At least 11 people were killed and 17 wounded when a drone hit the fuel depot on the edge of "
    "Kessary on Wednesday night, the Orrin Valley Rights Network said on Thursday.\n"
    "The network said three of the dead were firefighters who had arrived to fight the blaze. "
    "The Southern Command denied any role in the strike.\n"
    "Kessary lies on the old trade road between the river ports and the mountain passes, and its depot "
    "supplied fuel to farms, clinics and bakeries across the district; traders said queues for diesel "
    "had already stretched for a kilometre before the strike, and the district council warned that "
    "pumps for the irrigation canals would stop within a week unless deliveries resumed.\n"
)
COPY = ORIGINAL.replace(
    "Drone strike kills 11 at Kessary fuel depot", "Eleven dead as drone hits Kessary depot"
) + "The Valley Courier contributed reporting.\n"
WITH_POST = (
    "Families leave Tarnow after night of shelling\n"
    "About 200 families fled Tarnow after shells hit the northern quarter on Friday, local officials said.\n"
    "Long lines of cars on the bridge out of Tarnow this morning. https://t.co/Tr4nW0Ab12\n"
    "— Ilse Marrow (@ilsemarrow) June 7, 2024\n"
    "Aid groups said five people were injured.\n"
)
DETAINED = "Police detained 8 protesters in Vell on Saturday, witnesses said.\nMore to follow.\n"
SHORT = "Two aid workers were kidnapped near Oskel on Monday, their agency said.\n"


def write_corpus(folder: Path) -> Path:
    """Five inputs read in name order: the copy follows its original, then an exact duplicate."""
    folder.mkdir()
    (folder / "1_original.txt").write_text(ORIGINAL, "utf-8")
    (folder / "2_copy.txt").write_text(COPY, "utf-8")
    (folder / "3_post.txt").write_text(WITH_POST, "utf-8")
    (folder / "4_detained.txt").write_text(DETAINED, "utf-8")
    (folder / "5_same_as_4.txt").write_text(DETAINED, "utf-8")
    (folder / "6_short.txt").write_text(SHORT, "utf-8")
    return folder


def second_database(db_url: str, tmp_path: Path) -> str:
    """Another fresh database of the same kind as `db_url` (a second file, or a sibling on the server)."""
    if "://" not in db_url:
        return str(tmp_path / "other.db")
    server, name = db_url.rsplit("/", 1)
    other = f"{name[:55]}_b"
    conninfo = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{other}"')
        conn.execute(f'CREATE DATABASE "{other}"')
    return f"{server}/{other}"


def table_rows(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table in primary-key order, without the ingest timestamp."""
    dump: dict[str, list[dict[str, Any]]] = {}
    with db.session() as session:
        for table in t.Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            rows = [dict(row._mapping) for row in session.execute(query)]
            dump[table.name] = [{k: v for k, v in row.items() if k != "ingested_at"} for row in rows]
    return dump


def listed(db: Database) -> dict[str, Any]:
    with db.session() as session:
        return {
            "documents": repository.list_documents(session),
            "duplicates": repository.document_duplicates(session),
            "claims": repository.list_claims(session),
            "events": repository.list_events(session),
            "actors": repository.list_actors(session),
            "places": repository.list_places(session),
            "quotes": repository.list_quotes(session),
            "counts": repository.count_rows(session),
        }


def test_save_batch_stores_the_rows_save_document_stores(
    db_url: str, tmp_path: Path, small_documents: list[DocumentInput]
) -> None:
    """Hand-made extractions fill every column; a copy links to an original in the same batch."""
    copy = small_documents[0].model_copy(update={"id": "copy-of-first", "content_hash": "f" * 64})
    docs = [*small_documents, copy]
    writes = [
        DocumentWrite(docs[0], extraction_for(docs[0], n_claims=3), signature(docs[0].text)),
        DocumentWrite(docs[1], extraction_for(docs[1]), signature(docs[1].text)),
        DocumentWrite(copy, DocumentExtraction(doc=copy.id), signature(copy.text), docs[0].id, 0.93),
    ]
    with open_database(db_url) as one, open_database(second_database(db_url, tmp_path)) as bulk:
        for item in writes:
            with one.session() as session:
                save_one(session, item)
        with bulk.session() as session:
            save_batch(session, writes)
        assert table_rows(bulk) == table_rows(one)
        assert listed(bulk) == listed(one)
        assert listed(bulk)["duplicates"] == {copy.id: docs[0].id}
        with bulk.session() as session:
            seqs = list(session.scalars(select(t.DocumentRow.seq).order_by(t.DocumentRow.seq)))
            # The next batch continues the sequence after the stored documents.
            assert repository.next_seq(session) == 4
        assert seqs == [1, 2, 3]


def _ingest(folder: Path, db: Database, url: str, write_batch: int, **kwargs: Any) -> IngestSummary:
    return ingest_paths([folder], db, Settings(db=url, write_batch=write_batch), **kwargs)


def test_bulk_and_per_document_ingest_store_identical_rows(db_url: str, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    other_url = second_database(db_url, tmp_path)
    events: dict[int, list[tuple[str, str]]] = {1: [], 3: []}
    with open_database(db_url) as one, open_database(other_url) as bulk:
        # Batches of 3: the copy is written in the same transaction as its original.
        per_doc = _ingest(folder, one, db_url, 1, progress=lambda e, n: events[1].append((e, n)))
        batched = _ingest(folder, bulk, other_url, 3, progress=lambda e, n: events[3].append((e, n)))
        assert batched == per_doc
        assert per_doc.ok and len(per_doc.ingested) == 4 and per_doc.social_posts == 1
        assert [(Path(n).name, o) for n, o, _ in per_doc.near_duplicates] == [
            (f"2_copy.txt [{_id(folder / '2_copy.txt')}]", _id(folder / "1_original.txt"))
        ]
        assert len(per_doc.exact_duplicates) == 1
        # One progress event per document either way.
        assert sorted(events[3]) == sorted(events[1]) and len(events[3]) == 6
        assert table_rows(bulk) == table_rows(one)
        everything = listed(bulk)
        assert everything == listed(one)
        assert everything["duplicates"] == {_id(folder / "2_copy.txt"): _id(folder / "1_original.txt")}
        assert everything["counts"]["documents"] == 5 and everything["counts"]["social_posts"] == 1
        assert everything["claims"] and {c.doc for c in everything["claims"]}.isdisjoint(
            everything["duplicates"]
        )
        # Re-ingesting in batches adds nothing.
        again = _ingest(folder, bulk, other_url, 3)
        assert again.ingested == [] and len(again.exact_duplicates) == 6 and again.ok
        assert table_rows(bulk) == table_rows(one)


def _id(path: Path) -> str:
    [doc] = list(read_inputs([path]))
    assert isinstance(doc, DocumentInput)
    return doc.id


def test_a_document_that_fails_in_a_batch_is_skipped_and_the_rest_stored(db_url: str, tmp_path: Path) -> None:
    """Another writer stores the first document while it waits in the batch: a real key conflict."""
    folder = write_corpus(tmp_path / "corpus")
    [first] = list(read_inputs([folder / "4_detained.txt"]))
    assert isinstance(first, DocumentInput)
    with open_database(db_url) as db:

        def concurrent_writer(event: str, name: str) -> None:
            if event == "exact":  # 5_same_as_4 was read: 4_detained is extracted, not yet written
                with db.session() as session:
                    repository.save_document(session, first, DocumentExtraction(doc=first.id))

        summary = _ingest(folder, db, db_url, 50, progress=concurrent_writer)
        [error] = summary.skipped
        assert error.input == f"{folder / '4_detained.txt'} [{first.id}]"
        assert error.reason == f"not stored (ValueError: document {first.id} is already stored)"
        assert len(summary.ingested) == 3 and first.id not in summary.ingested
        assert len(summary.near_duplicates) == 1 and summary.social_posts == 1
        counts = listed(db)["counts"]
        assert counts["documents"] == 5 and counts["duplicate_links"] == 1
        # The conflicting document is the other writer's (no extraction), the rest are complete.
        assert counts["document_signatures"] == 4
        with db.session() as session:
            assert repository.list_claims(session, doc_id=first.id) == []


def test_copy_of_an_original_that_failed_is_skipped_with_the_reason(db_url: str, tmp_path: Path) -> None:
    """Another writer stores the original's text under another id: the original breaks the unique
    content hash, so the batch is retried one by one and its copy, in the same batch, cannot link."""
    folder = write_corpus(tmp_path / "corpus")
    [original] = list(read_inputs([folder / "1_original.txt"]))
    assert isinstance(original, DocumentInput)
    with open_database(db_url) as db:

        def concurrent_writer(event: str, name: str) -> None:
            if event == "exact":
                taken = original.model_copy(update={"id": "stored-by-another-writer"})
                with db.session() as session:
                    repository.save_document(session, taken, DocumentExtraction(doc=taken.id))

        summary = _ingest(folder, db, db_url, 50, progress=concurrent_writer)
        original_error, copy_error = summary.skipped
        assert original_error.input.startswith(str(folder / "1_original.txt"))
        assert original_error.reason.startswith("not stored (IntegrityError: ")
        assert copy_error.input.startswith(str(folder / "2_copy.txt"))
        assert copy_error.reason.startswith(
            f"not stored (its original {original.id} was not stored; IntegrityError: "
        )
        assert len(summary.ingested) == 3 and summary.near_duplicates == []
        counts = listed(db)["counts"]
        assert counts["documents"] == 4 and counts["duplicate_links"] == 0


@pytest.mark.parametrize("value", ["0", "x"])
def test_cli_rejects_a_bad_write_batch(value: str, tmp_path: Path) -> None:
    args = ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--write-batch", value]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2


def test_cli_write_batch_one_is_the_per_document_path(tmp_path: Path, sqlite_db: str) -> None:
    folder = write_corpus(tmp_path / "corpus")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", sqlite_db, "--write-batch", "1"])
    assert result.exit_code == 0, result.stderr
    assert "ingested 4 document(s)" in result.stdout
    assert "duplicates: 1 exact" in result.stdout and "1 near" in result.stdout


def test_write_benchmark_runs_and_modes_agree(tmp_path: Path) -> None:
    """`python -m observatory.bench.writes` on a few documents (no timing asserted)."""
    from observatory.bench.writes import measure, prepare, report, sqlite_urls

    items = prepare(4)
    results = measure("sqlite", sqlite_urls(tmp_path), items, [3])
    assert [r.mode for r in results] == ["per-document", "bulk 3"]
    assert results[0].counts == results[1].counts and results[0].counts["documents"] == 4
    assert "bulk 3" in report(results).splitlines()[2]
