"""The ingest job against a real database: idempotency, near-duplicates, transactions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from ingest_samples import ARTICLE, FRONT_MATTER_ARTICLE, LONG_PARAGRAPH
from typer.testing import CliRunner

from observatory.cli import app
from observatory.config import Settings
from observatory.extract.engine import iter_extractions
from observatory.models import DocumentExtraction, DocumentInput
from observatory.store import loader, open_database, repository
from observatory.store.loader import ingest_paths


def _counts(db: str) -> dict[str, int]:
    with open_database(db) as database, database.session() as session:
        return repository.count_rows(session)


def test_seeds_twice_is_idempotent(seeds_dir: Path, sqlite_db: str) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(seeds_dir), "--db", sqlite_db])
    assert first.exit_code == 0, first.stderr
    assert "ingested 2 document(s)" in first.stdout and "3 social post(s)" in first.stdout
    counts = _counts(sqlite_db)
    second = runner.invoke(app, ["ingest", *sorted(map(str, seeds_dir.glob("*.txt"))), "--db", sqlite_db])
    assert second.exit_code == 0, second.stderr
    assert "ingested 0 document(s)" in second.stdout and "duplicates: 2 exact" in second.stdout
    assert _counts(sqlite_db) == counts
    assert counts["documents"] == 2 and counts["social_posts"] == 3
    with open_database(sqlite_db) as db, db.session() as session:
        docs = repository.list_documents(session)
    seed0 = next(d for d in docs if Path(d.path or "").name.startswith("000_"))
    assert len(seed0.social_posts) == 3


BACKGROUND = (
    "Lorvath sits on the main road between the two provincial capitals and has changed hands three times "
    "since the ceasefire collapsed, according to the regional council. Traders say the market square was "
    "the only place in the district where farmers from both sides of the river still met to sell grain, "
    "and aid agencies had used it as a distribution point for seed and fuel until the spring.\n"
)


def _wire_copy(text: str) -> str:
    """A syndicated copy: another headline and dateline, one sentence added at the end."""
    lines = text.split("\n")
    return "\n".join(["Nine dead after mortar strike on Lorvath", *lines[1:]]) + (
        "\nThe Highland Herald contributed reporting.\n"
    )


def test_near_duplicate_is_linked_and_not_double_counted(tmp_path: Path, db_url: str) -> None:
    body = ARTICLE + LONG_PARAGRAPH + "\n" + BACKGROUND
    (tmp_path / "a_original.txt").write_text(body, "utf-8")
    (tmp_path / "b_copy.txt").write_text(_wire_copy(body), "utf-8")
    with open_database(db_url) as db:
        summary = ingest_paths([tmp_path], db, Settings(db=db_url))
        assert summary.ok and len(summary.ingested) == 1 and len(summary.near_duplicates) == 1
        with db.session() as session:
            docs = repository.list_documents(session)
            duplicates = repository.document_duplicates(session)
            claim_docs = {c.doc for c in repository.list_claims(session)}
        assert len(docs) == 2
        original, copy = docs
        assert duplicates == {copy.id: original.id}
        assert copy.id not in claim_docs
        # Later runs still know the original: a third copy links to it too.
        (tmp_path / "c_copy.txt").write_text(_wire_copy(body).replace("contributed", "added"), "utf-8")
        again = ingest_paths([tmp_path / "c_copy.txt"], db, Settings(db=db_url))
        assert [link[1] for link in again.near_duplicates] == [original.id]


def test_failure_mid_save_rolls_back_that_document(
    tmp_path: Path, sqlite_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "1.txt").write_text(FRONT_MATTER_ARTICLE, "utf-8")
    (tmp_path / "2.txt").write_text(
        "Seven people were detained in Brindle on Friday, police said.\nMore.\n", "utf-8"
    )
    real_save = repository._save_extraction

    def failing(session: object, extraction: DocumentExtraction, outlet: str | None) -> None:
        real_save(session, extraction, outlet)  # type: ignore[arg-type]
        if outlet == "Highland Herald":
            raise RuntimeError("disk full")

    monkeypatch.setattr(repository, "_save_extraction", failing)
    with open_database(sqlite_db) as db:
        summary = ingest_paths([tmp_path], db, Settings(db=sqlite_db))
    assert len(summary.ingested) == 1
    [error] = summary.skipped
    assert error.reason == "not stored (RuntimeError: disk full)" and "1.txt" in error.input
    counts = _counts(sqlite_db)
    assert counts["documents"] == 1 and counts["document_signatures"] == 1
    with open_database(sqlite_db) as db, db.session() as session:
        [doc] = repository.list_documents(session)
        assert doc.path and doc.path.endswith("2.txt")
        assert {c.doc for c in repository.list_claims(session)} <= {doc.id}
    # Nothing of the failed document is left, so a second run stores it.
    monkeypatch.setattr(repository, "_save_extraction", real_save)
    with open_database(sqlite_db) as db:
        retry = ingest_paths([tmp_path], db, Settings(db=sqlite_db))
    assert len(retry.ingested) == 1 and len(retry.exact_duplicates) == 1


def test_engine_failure_keeps_saved_documents(
    tmp_path: Path, sqlite_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i, town in enumerate(["Oster", "Brindle", "Dunmere"]):
        (tmp_path / f"{i}.txt").write_text(
            f"Flooding in {town} forced {i + 2} hundred families out.\nMore.\n"
        )

    def breaks_after_one(docs: Iterable[DocumentInput], settings: Settings) -> Iterator[DocumentExtraction]:
        for n, extraction in enumerate(iter_extractions(docs, settings)):
            if n == 1:
                raise MemoryError("worker died")
            yield extraction

    monkeypatch.setattr(loader, "iter_extractions", breaks_after_one)
    with open_database(sqlite_db) as db:
        summary = ingest_paths([tmp_path], db, Settings(db=sqlite_db))
    assert len(summary.ingested) == 1
    assert summary.skipped[0].input == "extraction" or "extraction stopped" in summary.skipped[0].reason
    assert _counts(sqlite_db)["documents"] == 1


def test_extract_and_ingest_agree_on_document_ids(tmp_path: Path, sqlite_db: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(FRONT_MATTER_ARTICLE, "utf-8")
    from observatory.ingest import document_id, read_inputs

    [doc] = list(read_inputs([path]))
    assert isinstance(doc, DocumentInput)
    with open_database(sqlite_db) as db:
        ingest_paths([path], db, Settings(db=sqlite_db))
        with db.session() as session:
            assert repository.has_document(session, doc.id)
    assert doc.id == document_id(ARTICLE)


def test_cli_ingest_on_sqlite_and_postgres(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "a.txt").write_text(FRONT_MATTER_ARTICLE, "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db_url])
    assert result.exit_code == 0, result.stderr
    assert "ingested 1 document(s)" in result.stdout
    with open_database(db_url) as db, db.session() as session:
        [doc] = repository.list_documents(session)
    assert (doc.outlet, doc.title) == ("Highland Herald", "Mortar fire kills 9 in Lorvath border town")


def test_jsonl_ids_reused_for_other_text_are_skipped(tmp_path: Path, sqlite_db: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "x1", "text": "Two people died in Oster on Monday, police said."}\n'
        '{"id": "x1", "text": "Four people died in Brindle on Tuesday, police said."}\n'
        '{"id": "x2", "text": "Two people died in Oster on Monday, police said."}\n',
        "utf-8",
    )
    with open_database(sqlite_db) as db:
        summary = ingest_paths([path], db, Settings(db=sqlite_db))
    assert summary.ingested == ["x1"]
    assert [e.reason for e in summary.skipped] == [
        "document id x1 was used earlier in this run for other text"
    ]
    assert [name for name, _ in summary.exact_duplicates] == [f"{path} [x2]"]
