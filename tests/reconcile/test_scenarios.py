"""Each reconcile rule on a small hand-written multi-outlet corpus, through the real pipeline.

These depend on extraction quality (claims, places, actors): a failure names what was expected
from the documents in tests/data/scenarios (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .pipeline import kinds, scenario

pytestmark = pytest.mark.slow


def test_one_monitor_two_narratives_denial_and_single_source_quote(tmp_path: Path) -> None:
    report = scenario("monitor_narratives", tmp_path)
    assert len(report.incidents) == 1, [i.title for i in report.incidents]
    (incident,) = report.incidents
    assert incident.toll["killed"].best == 34  # the same figure from two outlets counts once
    assert len(incident.docs) == 2
    assert {"initiator", "attribution", "denial", "single_source"} <= kinds(incident)
    attribution = next(x for x in incident.contradictions if x.kind == "attribution")
    assert "Sahel Rights Observatory" in attribution.summary
    assert any(x.kind == "single_source" and "Tembely" in x.summary for x in incident.contradictions)
    assert incident.grade == "contested"
    quote = next(q for q in report.quotes if q.speaker and "Tembely" in q.speaker)
    assert quote.single_source and quote.outlet == "Niger River Times"


def test_early_toll_revised_upward(tmp_path: Path) -> None:
    report = scenario("revision", tmp_path)
    (incident,) = report.incidents
    killed = incident.toll["killed"]
    assert (killed.low, killed.best) == (19, 19)
    points = [(p.low, p.superseded) for p in incident.timeline if p.outcome == "killed"]
    assert points == [(8, True), (19, False)]
    assert incident.title.startswith("Strikes in Taiz") or "Taiz" in incident.title


def test_subset_is_not_added_to_the_total(tmp_path: Path) -> None:
    report = scenario("subset", tmp_path)
    (incident,) = report.incidents
    killed = incident.toll["killed"]
    assert killed.best == 23
    assert killed.by_group["children"].best == 9
    assert incident.grade == "confirmed"  # two outlets agree, attributed to local officials


def test_strike_in_another_city_the_same_day_stays_separate(tmp_path: Path) -> None:
    report = scenario("separate_city", tmp_path)
    assert len(report.incidents) == 2, [i.title for i in report.incidents]
    by_docs = sorted(report.incidents, key=lambda i: -len(i.docs))
    port, other = by_docs
    assert port.toll["killed"].best == 12 and len(port.docs) == 2
    assert other.toll["killed"].best == 3 and len(other.docs) == 1
    assert port.location is not None and other.location is not None
    assert port.location.name != other.location.name
