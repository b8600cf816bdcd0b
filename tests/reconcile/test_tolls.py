"""Toll rules as pure functions over hand-built claims (docs/tolls.md)."""

from __future__ import annotations

import datetime as dt

from observatory.models import TollRange
from observatory.reconcile.tolls import combine, compute_tolls

from .factory import claim

DAY1, DAY2, DAY4 = dt.date(2026, 4, 2), dt.date(2026, 4, 3), dt.date(2026, 4, 5)
PUB = {"a": DAY1, "b": DAY1, "c": DAY2, "d": DAY4}


def test_total_is_max_of_stated_total_and_disjoint_groups_never_their_sum() -> None:
    claims = [
        claim("a", 410, qualifier="more_than", source="Harbor Rights Watch"),
        claim("a", 230, group="civilians", source="Harbor Rights Watch"),
        claim("a", 90, group="combatants", side="coastal-militia", source="Harbor Rights Watch"),
        claim("a", 70, group="security_forces", source="Harbor Rights Watch"),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (410, 410, 410)
    assert toll.by_group["civilians"].best == 230
    assert sum(r.best for r in toll.by_group.values()) <= toll.best


def test_breakdown_larger_than_stated_total_raises_the_total() -> None:
    claims = [
        claim("a", 100, source="Harbor Rights Watch"),
        claim("a", 80, group="civilians", source="Harbor Rights Watch"),
        claim("a", 40, group="security_forces", source="Harbor Rights Watch"),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert toll.best == 120
    assert set(toll.claims) == {claims[1].id, claims[2].id}


def test_subset_via_part_of_is_not_added_on_top() -> None:
    parent = claim("a", 27, where=None, source="village elders", kind="local_sources")
    children = claim(
        "a", 8, group="children", part_of=parent.id, source="village elders", kind="local_sources"
    )
    women = claim("a", 5, group="women", part_of=parent.id, source="village elders", kind="local_sources")
    toll = compute_tolls([parent, children, women], PUB).tolls["killed"]
    assert toll.best == 27
    assert toll.by_group["children"].best == 8
    assert toll.by_group["civilians"].best == 13  # children and women are civilians, summed as disjoint parts


def test_same_figure_from_two_outlets_counts_once() -> None:
    claims = [
        claim("a", 12, source="Civil Defence", kind="medical"),
        claim("b", 12, source="Civil Defence", kind="medical"),
    ]
    result = compute_tolls(claims, PUB)
    toll = result.tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (12, 12, 12)
    assert set(toll.claims) == {c.id for c in claims}


def test_later_estimate_replaces_the_early_one() -> None:
    early = claim("a", 9, qualifier="at_least")
    later = claim("d", 21)
    result = compute_tolls([early, later], PUB)
    toll = result.tolls["killed"]
    assert (toll.low, toll.best) == (21, 21)
    assert early.id in result.overtaken


def test_superseded_and_historical_claims_never_count() -> None:
    claims = [
        claim("a", 60, qualifier="more_than", superseded=True),
        claim("a", 300, historical=True),
        claim("a", 150, qualifier="more_than"),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (150, 150, 150)


def test_hedged_and_partisan_figures_only_widen_high() -> None:
    claims = [
        claim("a", 14, source="Harbor Rights Watch"),
        claim("b", 40, source="Coastal Brigade", kind="armed_group"),
        claim("b", 25, hedged=True),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (14, 14, 40)


def test_only_hedged_figures_give_zero_low_and_best() -> None:
    toll = compute_tolls([claim("a", 30, hedged=True)], PUB).tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (0, 0, 30)


def test_vague_count_uses_its_floor_and_its_high_only_for_high() -> None:
    toll = compute_tolls([claim("a", 24, 99, qualifier="vague", outcome="injured")], PUB).tolls["injured"]
    assert (toll.low, toll.best, toll.high) == (24, 24, 99)


def test_vague_figure_does_not_lower_a_precise_one() -> None:
    claims = [
        claim("a", 1000, qualifier="more_than", source="Harbor Rights Watch"),
        claim("b", 200, 999, qualifier="vague"),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (1000, 1000, 1000)


def test_concurrent_credible_figures_span_low_to_best() -> None:
    claims = [
        claim("a", 31, source="Harbor Rights Watch"),
        claim("b", 38, source="Port Hospital", kind="medical"),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert (toll.low, toll.best, toll.high) == (31, 38, 38)


def test_sub_places_are_disjoint_parts_of_the_incident_total() -> None:
    a = claim("a", 31)
    b = claim("a", 4, group="security_forces")
    scope = {a.id: "veloria//tamsin/4", b.id: "veloria//orvel/4"}
    toll = compute_tolls([a, b], PUB, scope).tolls["killed"]
    assert toll.best == 35


def test_sides_of_one_group_are_summed() -> None:
    claims = [
        claim("a", 10, group="combatants", side="north"),
        claim("a", 6, group="combatants", side="south"),
    ]
    toll = compute_tolls(claims, PUB).tolls["killed"]
    assert toll.by_group["combatants"].best == 16 and toll.best == 16


def test_same_source_revision_keeps_only_its_latest_figure() -> None:
    claims = [claim("a", 56, source="Harbor Rights Watch"), claim("c", 104, source="Harbor Rights Watch")]
    result = compute_tolls(claims, PUB)
    assert result.tolls["killed"].low == 104
    assert claims[0].id in result.overtaken


def test_combine_never_lets_a_breakdown_exceed_the_total() -> None:
    total = combine(
        TollRange(low=5, best=5, high=9), [TollRange(low=4, best=6, high=7), TollRange(low=1, best=1, high=3)]
    )
    assert total is not None and (total.low, total.best, total.high) == (5, 7, 10)
