"""Report and exports over a real SQLite database filled with hand-built extractions (no model)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas
import pandas as pd
from typer.testing import CliRunner

from observatory.cli import app
from observatory.models import DocumentExtraction, DocumentInput, Quote, SocialPost
from observatory.publish.report import build_report, reconcile_database
from observatory.store import open_database
from observatory.store import repository as repo
from reconcile.factory import claim, doc, place

MOSUL = place("Mosul", precision="exact", admin1="Nineveh", country="Iraq", lat=36.34, lon=43.13)
runner = CliRunner()


def _store(db: str, docs: list[DocumentInput], extractions: list[DocumentExtraction]) -> None:
    database = open_database(db)
    with database, database.session() as session:
        for d, x in zip(docs, extractions, strict=True):
            repo.save_document(session, d, x)


def _two_outlets(db: str) -> None:
    text_a = 'Nineteen people were killed in Mosul. "We carried them out one by one," said Rana Aziz.'
    a = doc("doca", "Tigris Daily", "2026-06-02", text_a, title="Nineteen killed in Mosul")
    a = a.model_copy(
        update={
            "social_posts": [
                SocialPost(
                    author="Lena Voss",
                    handle="lvoss",
                    date=dt.date(2026, 6, 2),
                    text="Smoke over the old city.",
                )
            ]
        }
    )
    b = doc(
        "docb",
        "Euphrates Post",
        "2026-06-02",
        "Nineteen people died in Mosul on Monday.",
        title="Mosul blast",
    )
    quote = Quote(
        id="doca-q1", doc="doca", span=(38, 70), text="We carried them out one by one", speaker="Rana Aziz"
    )
    claims_a = [
        claim(
            "doca",
            19,
            where=MOSUL,
            when="2026-06-01",
            source="Mosul health directorate",
            kind="medical",
            cid="doca-c001",
            start=0,
        ),
        claim("doca", 7, group="children", where=MOSUL, cid="doca-c002", start=10),
    ]
    claims_b = [claim("docb", 19, where=MOSUL, when="2026-06-01", cid="docb-c001", start=0)]
    _store(
        db,
        [a, b],
        [
            DocumentExtraction(doc="doca", claims=claims_a, quotes=[quote]),
            DocumentExtraction(doc="docb", claims=claims_b),
        ],
    )


def test_report_works_with_documents_only(tmp_path: Path) -> None:
    db = str(tmp_path / "docs.db")
    _two_outlets(db)
    result = runner.invoke(app, ["report", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["incidents"] == []
    assert {d["id"] for d in report["documents"]} == {"doca", "docb"}
    first = next(d for d in report["documents"] if d["id"] == "doca")
    assert set(first) >= {"id", "title", "outlet", "url", "published", "path", "social_posts"}
    assert first["social_posts"][0] == {
        "author": "Lena Voss",
        "handle": "lvoss",
        "date": "2026-06-02",
        "text": "Smoke over the old city.",
    }
    assert report["quotes"] == [
        {
            "speaker": "Rana Aziz",
            "text": "We carried them out one by one",
            "doc": "doca",
            "outlet": "Tigris Daily",
            "single_source": True,
        }
    ]


def test_reconcile_then_report_table_markdown_and_json(tmp_path: Path) -> None:
    db = str(tmp_path / "two.db")
    _two_outlets(db)
    result = runner.invoke(app, ["reconcile", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 incident(s)" in result.output
    database = open_database(db)
    with database, database.session() as session:
        report = build_report(session)
    (incident,) = report.incidents
    assert incident.toll["killed"].best == 19 and incident.grade == "confirmed"
    assert {c.id: c.grade for c in incident.claims}["doca-c001"] == "confirmed"
    table = runner.invoke(app, ["report", "--db", db])
    assert table.exit_code == 0 and "Killings in Mosul" in table.output
    markdown = runner.invoke(app, ["report", "--db", db, "--format", "markdown"])
    assert "| killed | 19 | 19 | 19 |" in markdown.output
    bad = runner.invoke(app, ["report", "--db", db, "--format", "csv"])
    assert bad.exit_code == 1


def test_reconcile_twice_replaces_instead_of_duplicating(db_url: str) -> None:
    """On SQLite and on a real PostgreSQL server (the `db_url` fixture runs both)."""
    db = db_url
    _two_outlets(db)
    first = [i.id for i in reconcile_database(db).incidents]
    second = [i.id for i in reconcile_database(db).incidents]
    assert first == second and len(first) == 1
    database = open_database(db)
    with database, database.session() as session:
        assert len(repo.list_incidents(session)) == 1


def test_exports_load_in_pandas_and_geopandas(tmp_path: Path) -> None:
    db = str(tmp_path / "export.db")
    _two_outlets(db)
    reconcile_database(db)
    for fmt, name in (("csv", "incidents.csv"), ("geojson", "incidents.geojson"), ("jsonl", "claims.jsonl")):
        result = runner.invoke(app, ["export", "--db", db, "--format", fmt, "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    frame = pd.read_csv(tmp_path / "incidents.csv")
    row = frame.iloc[0]
    assert row["event_date"] == "2026-06-01" and row["country"] == "Iraq" and row["location"] == "Mosul"
    assert (row["fatalities"], row["best"], row["low"], row["high"]) == (19, 19, 19, 19)
    assert row["deaths_civilians"] == 7 and row["geo_precision"] == 1
    assert abs(row["latitude"] - 36.34) < 1e-6
    shapes = geopandas.read_file(tmp_path / "incidents.geojson")
    assert len(shapes) == 1 and shapes.geometry.iloc[0].x == 43.13 and shapes["best"].iloc[0] == 19
    claims = pd.read_json(tmp_path / "claims.jsonl", lines=True)
    assert set(claims["id"]) == {"doca-c001", "doca-c002", "docb-c001"}
    assert claims["incident"].nunique() == 1 and set(claims["grade"]) <= {
        "confirmed",
        "single_source",
        "weak",
    }


def test_bad_database_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-db"
    folder.mkdir()
    result = runner.invoke(app, ["report", "--db", str(folder)])
    assert result.exit_code != 0 and "Traceback" not in result.output
