"""The production data source over real databases (SQLite file and PostgreSQL): claims, texts,
the report through build_report, and connections that refuse writes."""

from __future__ import annotations

import pytest
import web_sample as sample
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from web_sample import build_sample_database

from observatory.config import Settings
from observatory.store import open_database, repository
from observatory.web.app import create_app
from observatory.web.deps import StoreSource


def test_store_source_reads_what_was_stored(db_url: str) -> None:
    source = StoreSource(build_sample_database(db_url))
    assert {c.id for c in source.claims()} == {c.id for c in sample.CLAIMS}
    wire = source.claims(sample.WIRE.id)
    assert {c.id for c in wire} == {sample.C_WIRE_KILLED.id, sample.C_WIRE_DENIAL.id}
    assert all(c.outlet == "Desert Wire" for c in wire)
    stored = source.document(sample.HERALD.id)
    assert stored is not None and stored.text == sample.HERALD.text
    assert source.document("missing") is None
    report = source.report()
    assert {i.id for i in report.incidents} == {sample.MARKET.id, sample.AMBUSH.id}
    with TestClient(create_app(Settings(db=db_url))) as client:
        assert client.get("/api/incidents").json()["total"] == 2
        assert client.get(f"/incidents/{sample.MARKET.id}").status_code == 200


def test_store_source_connections_refuse_writes(db_url: str) -> None:
    source = StoreSource(build_sample_database(db_url))
    with pytest.raises(DBAPIError, match=r"(?i)read-only|readonly"), source.database.session() as session:
        session.execute(text("DELETE FROM claims"))
    assert len(source.claims()) == len(sample.CLAIMS)


def test_report_is_rebuilt_when_the_file_changes(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = build_sample_database(str(tmp_path_factory.mktemp("cache") / "cache.db"))
    source = StoreSource(db)
    first = source.report()
    assert source.report() is first  # unchanged file: the cached report
    assert source.claims() is source.claims()
    writer = open_database(db)  # another process (say, `observatory reconcile`) rewrites incidents
    try:
        with writer.session() as session:
            repository.replace_incidents(session, [sample.AMBUSH])
    finally:
        writer.close()
    assert [i.id for i in source.report().incidents] == [sample.AMBUSH.id]
    # Claims outside every incident lose their grade in the store; the fresh read shows it.
    assert {c.id: c.grade for c in source.claims()}[sample.C_WIRE_KILLED.id] is None
