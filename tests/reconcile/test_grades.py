"""Grade rules as pure functions over hand-built claims (docs/grades.md)."""

from __future__ import annotations

import datetime as dt

from observatory.models import Contradiction
from observatory.reconcile.grades import grade_claims, grade_incident
from observatory.reconcile.tolls import compute_tolls

from .factory import claim

OUTLETS = {"a": "Harbour Gazette", "b": "Plains Herald", "c": "Plains Herald"}


def test_two_outlets_agreeing_with_a_named_credible_source_is_confirmed() -> None:
    claims = [claim("a", 12, source="Harrow Hospital", kind="medical"), claim("b", 12)]
    grades = grade_claims(claims, [], OUTLETS)
    assert set(grades.values()) == {"confirmed"}


def test_two_outlets_agreeing_without_attribution_is_fair() -> None:
    claims = [claim("a", 12), claim("b", 10, qualifier="at_least")]
    assert set(grade_claims(claims, [], OUTLETS).values()) == {"fair"}


def test_one_outlet_attributed_is_single_source_and_unattributed_or_hedged_is_weak() -> None:
    named = claim("a", 5, source="Harrow Rights Monitor")
    bare = claim("a", 3, group="children")
    hedged = claim("a", 40, group="combatants", source="Harrow Rights Monitor", hedged=True)
    grades = grade_claims([named, bare, hedged], [], OUTLETS)
    assert (grades[named.id], grades[bare.id], grades[hedged.id]) == ("single_source", "weak", "weak")


def test_two_documents_of_one_outlet_are_not_independent() -> None:
    claims = [claim("b", 9, source="Harrow Hospital", kind="medical"), claim("c", 9)]
    assert set(grade_claims(claims, [], OUTLETS).values()) <= {"single_source", "weak"}


def test_claims_in_a_contesting_contradiction_are_contested_but_denials_do_not_count() -> None:
    a, b = claim("a", 12), claim("b", 40)
    count = Contradiction(kind="count", summary="12 vs 40", claims=[a.id, b.id], docs=["a", "b"])
    denial = Contradiction(kind="denial", summary="denied", claims=[a.id], docs=["a"])
    assert set(grade_claims([a, b], [count], OUTLETS).values()) == {"contested"}
    assert grade_claims([a, b], [denial], OUTLETS)[a.id] != "contested"


def test_incident_grade() -> None:
    published: dict[str, dt.date | None] = {}
    agreeing = [claim("a", 12, source="Harrow Hospital", kind="medical"), claim("b", 12)]
    tolls = compute_tolls(agreeing, published).tolls
    grades = grade_claims(agreeing, [], OUTLETS)
    assert grade_incident(agreeing, grades, [], tolls, OUTLETS) == "confirmed"
    initiator = Contradiction(kind="initiator", summary="x", docs=["a", "b"])
    assert grade_incident(agreeing, grades, [initiator], tolls, OUTLETS) == "contested"
    lone = [claim("a", 4)]
    assert (
        grade_incident(lone, grade_claims(lone, [], OUTLETS), [], compute_tolls(lone, {}).tolls, OUTLETS)
        == "weak"
    )
    rival = [claim("a", 4, source="Harrow Hospital", kind="medical"), claim("b", 9, hedged=True)]
    grades = grade_claims(rival, [], OUTLETS)
    assert sorted(grades.values()) == ["single_source", "weak"]
    assert grade_incident(rival, grades, [], compute_tolls(rival, {}).tolls, OUTLETS) == "weak"
