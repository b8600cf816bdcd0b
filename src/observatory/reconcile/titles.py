"""Generated incident titles: "Killings in Latakia, Syria, 6–8 Mar 2025"."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from observatory.models import Claim, Event, Location
from observatory.reconcile.vocab import vocab


def title_for(
    claims: Iterable[Claim],
    events: Iterable[Event],
    location: Location | None,
    start: dt.date | None,
    end: dt.date | None,
) -> str:
    parts = [_kind(list(claims), list(events))]
    if location is not None:
        place = location.name or location.label
        if location.country and location.precision != "country" and location.country not in place:
            place = f"{place}, {location.country}"
        parts.append(f"in {place}")
    dates = date_range(start, end)
    return " ".join(parts) + (f", {dates}" if dates else "")


def _kind(claims: list[Claim], events: list[Event]) -> str:
    v = vocab()
    types = Counter(e.event_type for e in events if e.event_type in v.event_titles)
    if types:
        top = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return v.event_titles[top]
    outcomes = Counter(c.outcome for c in claims)
    if "killed" in outcomes:
        return v.title_kinds["killed"]
    if outcomes:
        return v.title_kinds[sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]]
    return "Violence"


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """ "6 Mar 2025", "6–8 Mar 2025", "28 Feb – 2 Mar 2025", "30 Dec 2024 – 2 Jan 2025"."""
    if start is None and end is None:
        return ""
    start, end = start or end, end or start
    assert start is not None and end is not None
    if start > end:
        start, end = end, start
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
