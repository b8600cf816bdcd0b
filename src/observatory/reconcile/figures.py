"""Numbers behind a claim: its floor, best reading and ceiling, and whether two figures agree.

A `Count` from extract is turned into three integers once, here, so tolls, contradictions and
grades all read counts the same way (documented in docs/tolls.md).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from observatory.models import Claim, Count
from observatory.reconcile.vocab import vocab


@dataclass(frozen=True)
class Figure:
    low: int
    best: int
    high: int
    open_ended: bool = False  # "at least 30", "more than 1,000": no stated ceiling
    vague: bool = False  # "dozens", "hundreds": a convention, not a count


def figure_of(count: Count) -> Figure | None:
    """Floor/best/ceiling of a count; None when the claim carries no number at all."""
    low, high, q = count.low, count.high, count.qualifier
    if low is None and high is None:
        return None
    if q == "up_to":
        # "up to 40" gives a ceiling only; the number the source put forward is the ceiling.
        ceiling = high if high is not None else low or 0
        return Figure(low=low or 0, best=ceiling, high=ceiling)
    floor = low if low is not None else high or 0
    ceiling = high if high is not None else floor
    if q in ("at_least", "more_than"):
        return Figure(floor, floor, max(ceiling, floor), open_ended=high is None or high == floor)
    if floor == 1 and ceiling == 1:
        # "a 12-year-old boy was among the dead": one victim named, not a count of all of them.
        return Figure(1, 1, 1, open_ended=True)
    if q == "vague":
        # Conservative: the best reading of "dozens" is its floor; its ceiling only widens `high`.
        return Figure(floor, floor, max(ceiling, floor), vague=True)
    if q == "range":
        return Figure(floor, floor, max(ceiling, floor))
    return Figure(floor, floor, max(ceiling, floor))


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures can both be true (their intervals meet, with rounding tolerance).
    Vague words are floors in news use ("dozens were wounded" does not deny 210 wounded)."""
    tol = vocab().exact_tolerance
    a_lo, a_hi = _interval(a, tol)
    b_lo, b_hi = _interval(b, tol)
    return a_lo <= b_hi and b_lo <= a_hi


def _interval(f: Figure, tol: float) -> tuple[float, float]:
    if f.open_ended or f.vague:
        return float(f.low), float("inf")
    return f.low * (1 - tol), f.high * (1 + tol)


def partial_figures(claims: list[Claim], scope_of: Mapping[str, str]) -> set[str]:
    """Claims whose figure is under `partial_fraction` of a larger one for the same outcome, group,
    side and place in the same article: a grave, a village or one day, not a rival total."""
    fraction = vocab().partial_fraction
    cells: dict[tuple[str, ...], list[tuple[Claim, Figure, str]]] = {}
    for c in claims:
        fig = figure_of(c.count)
        if fig is not None and not c.superseded:
            key = (c.doc, c.outcome, c.victims.group, c.victims.side or "")
            cells.setdefault(key, []).append((c, fig, scope_of.get(c.id, "")))
    partial: set[str] = set()
    for members in cells.values():
        for c, fig, scope in members:
            # Compared with the same place, or with any place when the claim names none it can use.
            rivals = [f.best for _, f, s in members if s == scope or not scope]
            if fig.best < fraction * max(rivals):
                partial.add(c.id)
    # Subsets of a partial count are partial too ("27 bodies, 11 of them children"), and a subset
    # of a claim of the same outcome and group is never a figure of its own.
    by_id = {c.id: c for c in claims}
    for c in by_id.values():
        parent = by_id.get(c.part_of) if c.part_of else None
        if parent is not None and (parent.id in partial or _same_cell(c, parent)):
            partial.add(c.id)
    return partial


def _same_cell(a: Claim, b: Claim) -> bool:
    return a.outcome == b.outcome and a.victims.group == b.victims.group


def normalise(text: str | None) -> str:
    """Lower-case ASCII with punctuation folded to spaces: for comparing names across outlets."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = re.sub(r"^(the)\s+", "", folded.strip())
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def source_key(claim: Claim) -> str:
    """Who stands behind a figure: a named source, else the outlet's own reporting."""
    src = claim.source
    if src is not None and src.name:
        return "source:" + normalise(src.name)
    if src is not None and src.kind not in ("media", "unnamed"):
        return f"{src.kind}:{normalise(src.label)}@{claim.outlet or claim.doc}"
    return "outlet:" + normalise(claim.outlet or claim.doc)


def is_credible(claim: Claim) -> bool:
    """Non-hedged claims of credible source kinds; no source means the outlet's own voice."""
    if claim.hedged:
        return False
    kind = claim.source.kind if claim.source else "media"
    return kind in vocab().credible_kinds


def is_attributed(claim: Claim) -> bool:
    return (
        claim.source is not None
        and claim.source.kind not in ("unnamed",)
        and bool(claim.source.name or claim.source.kind not in ("media",))
    )


def published_of(claim: Claim, published: Mapping[str, dt.date | None]) -> dt.date:
    """Publication date of the claim's document; unknown dates sort first (oldest)."""
    return published.get(claim.doc) or dt.date.min
