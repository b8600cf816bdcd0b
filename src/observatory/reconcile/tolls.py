"""Incident tolls per outcome and victim group: low / best / high (UCDP GED convention).

The rule (docs/tolls.md has it with worked examples):

1. Historical and superseded claims never count. Claims that are a subset (`part_of`) of another
   claim of the same outcome and group are not added on top of it, nor are partial counts (a
   figure under a third of a larger one for the same cell in the same article: a grave, a village).
2. Revision: for each source (a named source, else the outlet's own reporting) only its latest
   published figures are current. Among credible figures, only those published within
   `same_time_days` of the latest credible figure are the current estimate; older, lower ones are
   "overtaken" (shown in the timeline, not counted); older, higher ones only widen `high`.
3. The same figure repeated by several outlets counts once (figures are deduplicated by value).
4. One cell = (place scope, outcome, group, side). low = lowest current credible floor,
   best = highest current credible best reading, high = highest figure of any current claim
   (hedged and partisan included). Vague credible figures are ignored for low/best when a precise
   credible figure above them exists ("at least hundreds" does not lower "more than 1,000").
5. Groups combine as max(stated, sum of disjoint parts): sides of a group are disjoint; children,
   women and men are disjoint parts of civilians; civilians, combatants and security forces are
   disjoint parts of the total; separate sub-places of the incident are disjoint parts of it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from observatory.models import Claim, Toll, TollRange
from observatory.reconcile.figures import (
    Figure,
    figure_of,
    is_credible,
    partial_figures,
    published_of,
    source_key,
)
from observatory.reconcile.vocab import vocab

MAIN_SCOPE = ""


@dataclass
class _Value:
    """One deduplicated figure with every claim that stated it."""

    figure: Figure
    claims: list[str] = field(default_factory=list)
    credible: bool = False
    published: dt.date = dt.date.min


@dataclass
class TollResult:
    tolls: dict[str, Toll]
    # Claims replaced by a later figure (same source later, or an older credible estimate).
    overtaken: set[str]


def compute_tolls(
    claims: Iterable[Claim],
    published: Mapping[str, dt.date | None],
    scope_of: Mapping[str, str] | None = None,
) -> TollResult:
    """Tolls for one incident. `scope_of` maps claim id -> sub-place key ("" = whole incident)."""
    scope_of = scope_of or {}
    current = [c for c in claims if not c.historical and not c.superseded and figure_of(c.count)]
    partial = partial_figures(current, scope_of)
    current = [c for c in current if c.id not in partial]
    by_id = {c.id: c for c in current}
    cells: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for c in current:
        parent = by_id.get(c.part_of) if c.part_of else None
        if parent is not None and parent.outcome == c.outcome and parent.victims.group == c.victims.group:
            continue  # a subset of a claim in the same cell never adds to it
        cell = (str(c.outcome), scope_of.get(c.id, MAIN_SCOPE), str(c.victims.group), c.victims.side or "")
        cells[cell].append(c)
    overtaken: set[str] = set()
    ranges: dict[tuple[str, str, str, str], TollRange] = {}
    for key, members in cells.items():
        rng, old = cell_range(members, published)
        overtaken |= old
        if rng is not None:
            ranges[key] = rng
    tolls: dict[str, Toll] = {}
    for outcome in sorted({k[0] for k in ranges}):
        toll = _outcome_toll({k[1:]: r for k, r in ranges.items() if k[0] == outcome})
        if toll is not None:
            tolls[outcome] = toll
    return TollResult(tolls=tolls, overtaken=overtaken)


def cell_range(
    claims: list[Claim], published: Mapping[str, dt.date | None]
) -> tuple[TollRange | None, set[str]]:
    """low/best/high of claims about the same outcome, group, side and place (rules 2-4)."""
    latest_by_source: dict[str, dt.date] = {}
    for c in claims:
        key, day = source_key(c), published_of(c, published)
        latest_by_source[key] = max(day, latest_by_source.get(key, dt.date.min))
    revised = {c.id for c in claims if published_of(c, published) < latest_by_source[source_key(c)]}
    values = _values([c for c in claims if c.id not in revised], published)
    if not values:
        return None, revised
    credible = [v for v in values if v.credible]
    overtaken: set[str] = set(revised)
    base: list[_Value] = []
    if credible:
        newest = max(v.published for v in credible)
        window = dt.timedelta(days=vocab().same_time_days)
        recent = [v for v in credible if newest - v.published <= window] or credible
        stale = [v for v in credible if v not in recent]
        base = _drop_dominated_vague(recent)
        best_now = max(v.figure.best for v in base)
        # An older, lower figure is an early estimate the count has grown past. An older figure
        # above today's best is not explained by a rising count: it stays a rival for `high`.
        overtaken |= {cid for v in stale if v.figure.best <= best_now for cid in v.claims}
        values = [v for v in values if v not in stale or v.figure.best > best_now]
    low = min((v.figure.low for v in base), default=0)
    best = max((v.figure.best for v in base), default=0)
    high = max([v.figure.high for v in values] + [best])
    used = {cid for v in base for cid in v.claims}
    used |= {cid for v in values if v.figure.high == high for cid in v.claims}
    return TollRange(low=min(low, best), best=best, high=high, claims=sorted(used)), overtaken


def _values(claims: list[Claim], published: Mapping[str, dt.date | None]) -> list[_Value]:
    values: dict[Figure, _Value] = {}
    for c in sorted(claims, key=lambda c: (published_of(c, published), c.id)):
        fig = figure_of(c.count)
        if fig is None:
            continue
        v = values.setdefault(fig, _Value(figure=fig))
        v.claims.append(c.id)
        v.credible = v.credible or is_credible(c)
        v.published = max(v.published, published_of(c, published))
    return list(values.values())


def _drop_dominated_vague(values: list[_Value]) -> list[_Value]:
    precise = [v for v in values if not v.figure.vague]
    if not precise:
        return values
    top = max(v.figure.best for v in precise)
    return precise + [v for v in values if v.figure.vague and v.figure.low > top]


# --------------------------------------------------------------------------- group algebra
def combine(
    stated: TollRange | None, parts: list[TollRange], floors: Iterable[TollRange | None] = ()
) -> TollRange | None:
    """max(stated, sum of disjoint parts, each floor): a total never below its breakdown."""
    candidates = [r for r in (stated, total_of(parts), *floors) if r is not None]
    if not candidates:
        return None
    low = max(r.low for r in candidates)
    best = max(r.best for r in candidates)
    high = max(max(r.high for r in candidates), best)
    claims: set[str] = set()
    for r in candidates:
        if r.low == low or r.best == best or r.high == high:
            claims.update(r.claims)
    return TollRange(low=min(low, best), best=best, high=high, claims=sorted(claims))


def total_of(parts: list[TollRange]) -> TollRange | None:
    if not parts:
        return None
    claims = sorted({cid for p in parts for cid in p.claims})
    return TollRange(
        low=sum(p.low for p in parts),
        best=sum(p.best for p in parts),
        high=sum(p.high for p in parts),
        claims=claims,
    )


def _outcome_toll(cells: dict[tuple[str, str, str], TollRange]) -> Toll | None:
    v = vocab()
    scopes = sorted({k[0] for k in cells})
    per_scope = {s: _scope_groups(s, cells) for s in scopes}
    subs = [s for s in scopes if s != MAIN_SCOPE]
    main = per_scope.get(MAIN_SCOPE, {})
    groups = sorted({g for s in scopes for g in per_scope[s]} - {"__total__"})
    by_group: dict[str, TollRange] = {}
    for g in groups:
        rng = combine(main.get(g), [per_scope[s][g] for s in subs if g in per_scope[s]])
        if rng is not None:
            by_group[g] = rng
    top = [by_group[g] for g in v.top_level_groups if g in by_group]
    total = combine(
        main.get("__total__"),
        [per_scope[s]["__total__"] for s in subs if "__total__" in per_scope[s]],
        floors=[total_of(top)],
    )
    if total is None:
        return None
    return Toll(low=total.low, best=total.best, high=total.high, by_group=by_group, claims=total.claims)


def _scope_groups(scope: str, cells: dict[tuple[str, str, str], TollRange]) -> dict[str, TollRange]:
    """Per-group ranges of one place scope, plus its total under the key "__total__"."""
    v = vocab()
    groups: dict[str, TollRange] = {}
    for g in sorted({k[1] for k in cells if k[0] == scope}):
        unsided = cells.get((scope, g, ""))
        sided = [r for (s, grp, side), r in sorted(cells.items()) if s == scope and grp == g and side]
        rng = combine(unsided, sided)
        if rng is not None:
            groups[g] = rng
    partition = [groups[g] for g in v.civilian_partition if g in groups]
    overlapping = [groups.get(g) for g in v.civilian_subgroups]
    if "civilians" in groups or partition or any(overlapping):
        civ = combine(groups.get("civilians"), partition, floors=overlapping)
        if civ is not None:
            groups["civilians"] = civ
    stated = combine(None, [], floors=[groups.pop(g, None) for g in v.total_groups])
    top = [groups[g] for g in v.top_level_groups if g in groups]
    total = combine(stated, top)
    if total is not None:
        groups["__total__"] = total
    return groups
