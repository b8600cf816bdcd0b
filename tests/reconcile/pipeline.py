"""Run small corpora through the real pipeline (ingest -> extract -> store -> reconcile -> report)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from observatory.config import Settings
from observatory.models import Incident, Report
from observatory.publish.report import build_report, reconcile_session
from observatory.store import open_database
from observatory.store.loader import ingest_paths

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "scenarios"


def run_pipeline(
    paths: list[Path], db: Path, *, published: dt.date | None = None, outlets: list[str] | None = None
) -> Report:
    """Ingest each path (with its own outlet when given), reconcile, and return the report."""
    settings = Settings(db=str(db))
    database = open_database(str(db))
    with database:
        for n, path in enumerate(paths):
            outlet = outlets[n] if outlets else None
            summary = ingest_paths([path], database, settings, published=published, outlet=outlet)
            assert summary.ok, [str(e) for e in summary.skipped]
        with database.session() as session:
            reconcile_session(session)
        with database.session() as session:
            return build_report(session)


def scenario(name: str, tmp_path: Path) -> Report:
    return run_pipeline(sorted((SCENARIOS / name).glob("*.txt")), tmp_path / f"{name}.db")


def kinds(incident: Incident) -> set[str]:
    return {x.kind for x in incident.contradictions}
