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


def test_a_spokesman_in_the_capital_does_not_move_the_massacre(tmp_path: Path) -> None:
    report = scenario("briefing_capital", tmp_path)
    assert len(report.incidents) == 1, [i.title for i in report.incidents]
    (incident,) = report.incidents
    assert incident.location is not None and incident.location.name == "Bama"
    assert "Abuja" not in incident.title
    assert len(incident.docs) == 2
    assert incident.toll["killed"].best == 31
    # The figures given at the news conferences are part of the Bama incident.
    assert any("Abuja" in c.text for c in incident.claims)


def test_a_passing_mention_of_another_town_adds_no_incident(tmp_path: Path) -> None:
    report = scenario("passing_town", tmp_path)
    assert len(report.incidents) == 1, [i.title for i in report.incidents]
    (incident,) = report.incidents
    assert incident.location is not None and incident.location.name == "Djibo"
    assert incident.toll["killed"].best == 16
    # The wounded taken to hospital elsewhere were wounded in Djibo: counted in its toll.
    assert incident.toll["injured"].best == 23


def test_a_separate_strike_in_another_city_stays_separate_beside_a_briefing(tmp_path: Path) -> None:
    report = scenario("second_strike", tmp_path)
    titles = sorted(i.title for i in report.incidents)
    assert len(report.incidents) == 2, titles
    assert not any("Kyiv" in t for t in titles)
    by_place = {i.location.name: i for i in report.incidents if i.location is not None}
    assert set(by_place) == {"Kharkiv", "Sumy"}, titles
    assert by_place["Kharkiv"].toll["killed"].best == 8 and len(by_place["Kharkiv"].docs) == 2
    assert by_place["Sumy"].toll["killed"].best == 4 and len(by_place["Sumy"].docs) == 1
