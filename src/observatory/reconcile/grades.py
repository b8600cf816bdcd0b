"""Grades per claim and per incident (Airwars-style), the rule written down in docs/grades.md.

Per claim, first match wins:
- contested:     the claim is part of a count, initiator, perpetrator, victims or attribution
                 contradiction;
- confirmed:     at least two independent outlets report compatible figures for the same outcome and
                 victim group, and one of those claims is attributed to a credible named source and
                 not hedged;
- fair:          at least two outlets agree, but none of the agreeing claims is attributed to a
                 credible named source (or all are hedged);
- single_source: one outlet only, attributed to a credible source and not hedged;
- weak:          one outlet only, and hedged, unattributed or from a partisan source.
Per incident: contested if any contesting contradiction; else with one outlet single_source (or weak
when none of its claims is attributed and firm); else the best grade among the claims behind the
main toll (killed if any): confirmed when one of them is confirmed; fair when any claim of the
incident is confirmed or fair; else weak (several outlets, but no figure on which two agree).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from observatory.models import Claim, Contradiction, Grade, Toll
from observatory.reconcile.contradictions import CONTESTING
from observatory.reconcile.figures import compatible, figure_of, is_attributed, is_credible


def _firm(c: Claim) -> bool:
    return is_credible(c) and is_attributed(c)


def grade_claims(
    claims: list[Claim], contradictions: Iterable[Contradiction], outlets: Mapping[str, str]
) -> dict[str, Grade]:
    contested = {cid for x in contradictions if x.kind in CONTESTING for cid in x.claims}
    grades: dict[str, Grade] = {}
    for c in claims:
        if c.id in contested:
            grades[c.id] = "contested"
            continue
        agreeing = _agreeing(c, claims, outlets)
        if agreeing:
            grades[c.id] = "confirmed" if any(_firm(o) for o in [c, *agreeing]) else "fair"
        else:
            grades[c.id] = "single_source" if _firm(c) else "weak"
    return grades


def _agreeing(c: Claim, claims: list[Claim], outlets: Mapping[str, str]) -> list[Claim]:
    """Claims from other outlets with a compatible figure for the same outcome and group."""
    mine = figure_of(c.count)
    outlet = outlets.get(c.doc, c.doc)
    if mine is None or c.superseded:
        return []
    found = []
    for o in claims:
        if o.outcome != c.outcome or o.victims.group != c.victims.group or o.superseded:
            continue
        theirs = figure_of(o.count)
        if theirs is not None and outlets.get(o.doc, o.doc) != outlet and compatible(mine, theirs):
            found.append(o)
    return found


def grade_incident(
    claims: list[Claim],
    grades: Mapping[str, Grade],
    contradictions: Iterable[Contradiction],
    tolls: Mapping[str, Toll],
    outlets: Mapping[str, str],
) -> Grade:
    if any(x.kind in CONTESTING for x in contradictions):
        return "contested"
    if len({outlets.get(c.doc, c.doc) for c in claims}) <= 1:
        return "single_source" if any(_firm(c) for c in claims) else "weak"
    main = tolls.get("killed") or next(iter(tolls.values()), None)
    backing = set(main.claims) if main else {c.id for c in claims}
    behind_toll = {grades.get(cid) for cid in backing}
    anywhere = set(grades.values())
    if "confirmed" in behind_toll:
        return "confirmed"
    if {"confirmed", "fair"} & (behind_toll | anywhere):
        return "fair"
    return "weak"
