"""build_incidents end to end on hand-built claims: clustering, contradictions and grades."""

from __future__ import annotations

from observatory.models import ActorMention, Quote
from observatory.reconcile import build_incidents

from .factory import claim, doc, place

TAMSIN = place("Tamsin", admin1="Harrow", lat=41.10, lon=22.30)
ORVEL = place("Orvel", admin1="Harrow", lat=41.60, lon=22.90)
HARROW = place("Harrow", precision="admin1", admin1="Harrow")


def _actor(d: str, text: str, body: str, side: str, n: int = 0) -> ActorMention:
    start = body.index(text)
    return ActorMention(
        id=f"{d}-a{n}", doc=d, span=(start, start + len(text)), text=text, actor=None, side=side
    )


def test_same_violence_in_two_outlets_is_one_incident_and_another_city_stays_separate() -> None:
    a = doc(
        "a", "Harbour Gazette", "2026-04-03", "Gunmen killed twelve people in Tamsin. Three died in Orvel."
    )
    b = doc("b", "Plains Herald", "2026-04-04", "Twelve people were killed in Tamsin on Tuesday.")
    claims = [
        claim("a", 12, where=TAMSIN, when="2026-04-01", source="Harrow Hospital", kind="medical", start=0),
        claim("a", 3, where=ORVEL, when="2026-04-01", start=40),
        claim("b", 12, where=TAMSIN, when="2026-04-01", start=0),
    ]
    incidents = build_incidents([a, b], claims, [], [])
    assert len(incidents) == 2
    tamsin = next(i for i in incidents if i.location and i.location.name == "Tamsin")
    orvel = next(i for i in incidents if i.location and i.location.name == "Orvel")
    assert tamsin.docs == ["a", "b"] and orvel.docs == ["a"]
    assert tamsin.toll["killed"].best == 12  # the same figure from two outlets counts once
    assert tamsin.grade == "confirmed"
    assert orvel.grade == "weak"  # one outlet, no named source
    assert tamsin.title.startswith("Killings in Tamsin") and "1 Apr 2026" in tamsin.title


def test_incident_ids_are_stable_when_a_later_document_joins() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    first = claim("a", 12, where=TAMSIN, when="2026-04-01")
    before = build_incidents([a], [first], [], [])
    b = doc("b", "Plains Herald", "2026-04-05")
    after = build_incidents([a, b], [first, claim("b", 15, where=TAMSIN, when="2026-04-01")], [], [])
    assert [i.id for i in before] == [i.id for i in after]
    assert after[0].docs == ["a", "b"]


def test_sub_place_inside_the_incident_region_is_a_part_not_a_rival_figure() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    claims = [
        claim("a", 300, qualifier="more_than", where=HARROW, source="Harrow Rights Monitor", start=0),
        claim("a", 31, where=TAMSIN, source="local sources", kind="local_sources", start=90),
    ]
    (incident,) = build_incidents([a], claims, [], [])
    assert incident.toll["killed"].best == 300
    assert incident.toll["killed"].low == 300
    assert not [x for x in incident.contradictions if x.kind == "count"]


def test_historical_claims_stay_out_of_the_incident() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    claims = [claim("a", 20, where=TAMSIN), claim("a", 400, historical=True)]
    (incident,) = build_incidents([a], claims, [], [])
    assert [c.count.low for c in incident.claims] == [20]


def test_near_duplicate_copy_is_not_counted() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    copy = doc("copy", "Syndicate Daily", "2026-04-03")
    claims = [claim("a", 20, where=TAMSIN), claim("copy", 20, where=TAMSIN)]
    (incident,) = build_incidents([a, copy], claims, [], [], duplicates={"copy": "a"})
    assert incident.docs == ["a"] and incident.grade in ("weak", "single_source")


def test_one_monitor_cited_for_opposite_narratives_by_two_outlets() -> None:
    text_a = (
        "The Veloria Rights Monitor (VRM) said 42 villagers were killed in Tamsin. "
        "The VRM said the violence began with an ambush by the Northern Front on a police convoy."
    )
    text_b = (
        "Forty-two people died in Tamsin, according to the Veloria Rights Monitor. "
        "The Veloria Rights Monitor reported that army units launched an assault in response to "
        "protests by farmers. The interior ministry dismissed the reports as fabricated."
    )
    a = doc("a", "Harbour Gazette", "2026-04-03", text_a)
    b = doc("b", "Plains Herald", "2026-04-03", text_b)
    claims = [
        claim("a", 42, group="civilians", where=TAMSIN, source="Veloria Rights Monitor", start=0),
        claim("b", 42, where=TAMSIN, source="Veloria Rights Monitor", start=0),
    ]
    actors = [_actor("a", "the Northern Front", text_a, side="northern-front")]
    quotes = [
        Quote(
            id="q1",
            doc="a",
            span=(0, 10),
            text="We buried them before sunset, all of them",
            speaker="Ilse Marren",
        )
    ]
    (incident,) = build_incidents([a, b], claims, [], quotes, actors=actors)
    kinds = {x.kind for x in incident.contradictions}
    assert {"initiator", "attribution", "denial", "single_source"} <= kinds
    attribution = next(x for x in incident.contradictions if x.kind == "attribution")
    assert "Veloria Rights Monitor" in attribution.summary and attribution.docs == ["a", "b"]
    denial = next(x for x in incident.contradictions if x.kind == "denial")
    assert denial.docs == ["b"] and "fabricated" in denial.summary
    assert any(x.kind == "single_source" and "Ilse Marren" in x.summary for x in incident.contradictions)
    assert incident.grade == "contested"


def test_incompatible_figures_from_two_sources_at_the_same_time_are_a_count_contradiction() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    b = doc("b", "Plains Herald", "2026-04-03")
    claims = [
        claim("a", 18, where=TAMSIN, source="Harrow Hospital", kind="medical"),
        claim("b", 55, where=TAMSIN, source="Northern Front", kind="armed_group"),
    ]
    (incident,) = build_incidents([a, b], claims, [], [])
    (count,) = [x for x in incident.contradictions if x.kind == "count"]
    assert set(count.claims) == {c.id for c in claims} and count.docs == ["a", "b"]
    assert {c.grade for c in incident.claims} == {"contested"}
    assert (incident.toll["killed"].low, incident.toll["killed"].best, incident.toll["killed"].high) == (
        18,
        18,
        55,
    )


def test_civilians_in_one_outlet_combatants_in_another_is_a_victims_contradiction() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    b = doc("b", "Plains Herald", "2026-04-03")
    claims = [claim("a", 9, group="civilians", where=TAMSIN), claim("b", 9, group="combatants", where=TAMSIN)]
    (incident,) = build_incidents([a, b], claims, [], [])
    assert any(x.kind == "victims" for x in incident.contradictions)


def test_different_perpetrators_across_outlets() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    b = doc("b", "Plains Herald", "2026-04-03")
    claims = [
        claim("a", 7, where=TAMSIN, perpetrator="army units", perp_side="government"),
        claim("b", 7, where=TAMSIN, perpetrator="Northern Front gunmen", perp_side="northern-front"),
    ]
    (incident,) = build_incidents([a, b], claims, [], [])
    assert any(x.kind == "perpetrator" for x in incident.contradictions)


def test_early_estimate_then_revision_in_the_timeline() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-02")
    b = doc("b", "Plains Herald", "2026-04-05")
    early, later = claim("a", 8, qualifier="at_least", where=TAMSIN), claim("b", 19, where=TAMSIN)
    (incident,) = build_incidents([a, b], [early, later], [], [])
    assert [(p.low, p.superseded) for p in incident.timeline] == [(8, True), (19, False)]
    assert incident.toll["killed"].best == 19 and incident.toll["killed"].low == 19


def test_a_later_report_bridges_two_partial_clusters() -> None:
    beni = place("Beni", admin1="Nord Kivu", country="DR Congo", lat=0.491, lon=29.473)
    village = place("Hyosha", admin1="Nord Kivu", country="DR Congo", lat=0.698, lon=29.519)
    near_village = village.model_copy(update={"precision": "near"})
    a = doc("a", "Kivu Morning", "2026-10-07", "Raiders struck homes overnight outside the territory seat.")
    b = doc(
        "b", "Lakes Bulletin", "2026-10-07", "Machete attack leaves families mourning in northern hamlet."
    )
    c = doc("c", "Ruwenzori Times", "2026-10-08", "Survivors describe raid that emptied a settlement.")
    claims = [
        claim("a", 22, qualifier="at_least", where=beni, when="2026-10-06"),
        claim("b", 30, qualifier="about", where=village, when="2026-10-06"),
        claim("c", 38, where=near_village, when="2026-10-06"),
    ]
    incidents = build_incidents([a, b, c], claims, [], [])
    assert len(incidents) == 1 and incidents[0].docs == ["a", "b", "c"]


def test_a_count_that_fell_across_sources_is_a_contradiction_but_a_rising_one_is_not() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-02", "Volunteers said at least 60 were dead.")
    b = doc("b", "Plains Herald", "2026-04-04", "The hospital counted 35 bodies.")
    fell = [
        claim("a", 60, qualifier="at_least", where=TAMSIN, source="Tamsin Volunteers", kind="local_sources"),
        claim("b", 35, where=TAMSIN, source="Harrow Hospital", kind="medical"),
    ]
    (incident,) = build_incidents([a, b], fell, [], [])
    assert [x.kind for x in incident.contradictions if x.kind == "count"] == ["count"]
    killed = incident.toll["killed"]
    assert (killed.low, killed.best, killed.high) == (35, 35, 60)  # the older, higher figure only widens high
    rose = [
        claim("a", 20, where=TAMSIN, source="Tamsin Volunteers", kind="local_sources"),
        claim("b", 35, where=TAMSIN, source="Harrow Hospital", kind="medical"),
    ]
    (incident,) = build_incidents([a, b], rose, [], [])
    assert not [x for x in incident.contradictions if x.kind == "count"]


def test_one_named_victim_is_not_a_rival_count() -> None:
    a = doc("a", "Harbour Gazette", "2026-04-03")
    b = doc("b", "Plains Herald", "2026-04-03")
    claims = [claim("a", 3, group="children", where=TAMSIN), claim("b", 1, group="children", where=TAMSIN)]
    (incident,) = build_incidents([a, b], claims, [], [])
    assert not [x for x in incident.contradictions if x.kind == "count"]
