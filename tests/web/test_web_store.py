"""The production data source over a real SQLite database: claims, texts, and no writes."""

from __future__ import annotations

import pytest
import web_sample as sample
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from observatory.web.deps import StoreSource


def test_store_source_reads_claims_and_texts(sample_db: str) -> None:
    source = StoreSource(sample_db)
    assert {c.id for c in source.claims()} == {c.id for c in sample.CLAIMS}
    wire = source.claims(sample.WIRE.id)
    assert {c.id for c in wire} == {sample.C_WIRE_KILLED.id, sample.C_WIRE_DENIAL.id}
    assert all(c.outlet == "Desert Wire" for c in wire)
    stored = source.document(sample.HERALD.id)
    assert stored is not None and stored.text == sample.HERALD.text
    assert source.document("missing") is None


def test_store_source_connections_refuse_writes(sample_db: str) -> None:
    source = StoreSource(sample_db)
    with pytest.raises(OperationalError, match="readonly"), source.database.session() as session:
        session.execute(text("DELETE FROM documents"))
    assert len(source.claims()) == len(sample.CLAIMS)
