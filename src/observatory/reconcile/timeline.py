"""How each toll evolved: one point per claim, by publication date then position in the text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from observatory.models import Claim, TimelinePoint


def build_timeline(
    claims: Iterable[Claim],
    published: Mapping[str, dt.date | None],
    outlets: Mapping[str, str | None],
    overtaken: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[TimelinePoint]:
    """Every current-incident claim as a point; `superseded` also marks figures a later one replaced."""
    points = [
        TimelinePoint(
            outcome=c.outcome,
            group=c.victims.group,
            published=published.get(c.doc),
            doc=c.doc,
            outlet=c.outlet or outlets.get(c.doc),
            source=(c.source.name or c.source.label) if c.source else None,
            low=c.count.low,
            high=c.count.high,
            claim=c.id,
            superseded=c.superseded or c.id in overtaken,
        )
        for c in claims
        if not c.historical
    ]
    order = {c.id: c.span[0] for c in claims}
    return sorted(points, key=lambda p: (p.published or dt.date.min, p.doc, order.get(p.claim, 0)))
