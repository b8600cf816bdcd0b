"""End to end through ingest -> extract -> store -> reconcile -> report on real text.

The seed test reads ../shared/corpus/seeds at run time (never copied). These tests depend on the
claims/context extractors; a failure message says which upstream output was missing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from observatory.cli import app
from observatory.publish.report import build_report
from observatory.store import open_database
from reconcile.pipeline import kinds, run_pipeline

pytestmark = pytest.mark.slow


def test_seed_articles_make_one_contested_incident(seeds_dir: Path, tmp_path: Path) -> None:
    paths = sorted(seeds_dir.glob("*.txt"))
    report = run_pipeline(
        paths,
        tmp_path / "seeds.db",
        published=dt.date(2025, 3, 9),
        outlets=["Seed Outlet A", "Seed Outlet B"],
    )
    both = [i for i in report.incidents if len(set(i.docs)) == 2]
    assert len(both) == 1, (
        f"expected one incident covering both seeds, got {[(i.title, i.docs) for i in report.incidents]}"
    )
    (incident,) = both
    killed = incident.toll["killed"]
    # "More than 1,000" with 745 + 148 + 125 by group: max(total, sum of groups), never their sum.
    assert 1000 <= killed.best < 2000, killed
    assert len(set(killed.by_group) & {"civilians", "combatants", "security_forces"}) >= 2, killed.by_group
    points = [p for p in incident.timeline if p.outcome == "killed" and p.group == "people"]
    early = [p for p in points if p.superseded and p.low == 200]
    later = [p for p in points if not p.superseded and (p.low or 0) >= 1000]
    assert early and later, f"timeline should run from the early 200 to 1,000+: {points}"
    assert points.index(early[0]) < points.index(later[-1])
    assert {"initiator", "attribution", "denial", "single_source"} <= kinds(incident), incident.contradictions
    attribution = [x for x in incident.contradictions if x.kind == "attribution"]
    assert any("Syrian Observatory" in x.summary or "SOHR" in x.summary for x in attribution)
    denials = [x for x in incident.contradictions if x.kind == "denial"]
    assert len({d for x in denials for d in x.docs}) == 2, (
        denials
    )  # both outlets report the government's dismissal
    assert any(x.kind == "single_source" and "Lister" in x.summary for x in incident.contradictions)
    lister = [q for q in report.quotes if q.speaker and "Lister" in q.speaker]
    assert lister and all(q.single_source for q in lister)
    assert incident.grade == "contested"


def test_demo_command_builds_a_fresh_database_and_reports(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    db.write_text("stale")
    result = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "removed the previous demo database" in result.output
    assert f"observatory serve --db {db}" in result.output
    database = open_database(str(db))
    with database, database.session() as session:
        report = build_report(session)
    assert len(report.documents) == 18
    assert sum(1 for d in report.documents if d.duplicate_of) == 1  # the syndicated wire copy
    titles = [i.title for i in report.incidents]
    mellit = [i for i in report.incidents if i.location and i.location.name == "Mellit"]
    obeid = [i for i in report.incidents if i.location and i.location.name == "El Obeid"]
    assert mellit and obeid, titles  # the same-day drone strike in another city stays separate
    assert mellit[0].toll["killed"].best == 163, mellit[0].toll["killed"]
    assert obeid[0].toll["killed"].best == 17, obeid[0].toll["killed"]
    assert {"initiator", "attribution", "denial"} <= kinds(mellit[0])
    assert mellit[0].grade == "contested"
    out = CliRunner().invoke(app, ["report", "--db", str(db), "--format", "json"])
    assert set(json.loads(out.output)) == {"incidents", "documents", "quotes"}
