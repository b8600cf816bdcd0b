"""Hand-built claims, events and documents for fast pure-function tests of the reconcile stage."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from observatory.models import Claim, Count, DocumentInput, Location, Perpetrator, Source, TimeRef, Victims

_counter = {"n": 0}


def doc(doc_id: str, outlet: str, published: str, text: str = "", title: str | None = None) -> DocumentInput:
    return DocumentInput(
        id=doc_id,
        text=text or f"Report {doc_id}.",
        title=title,
        outlet=outlet,
        published=dt.date.fromisoformat(published),
        content_hash=hashlib.sha1((text or doc_id).encode()).hexdigest(),
    )


def place(
    name: str,
    precision: str = "exact",
    admin1: str | None = None,
    country: str = "Veloria",
    lat: float | None = None,
    lon: float | None = None,
    inferred: bool = False,
) -> Location:
    return Location(
        label=name,
        name=name,
        country=country,
        admin1=admin1,
        precision=precision,  # type: ignore[arg-type]
        lat=lat,
        lon=lon,
        inferred=inferred,
    )


def claim(
    doc_id: str,
    low: int | None,
    high: int | None = None,
    *,
    outcome: str = "killed",
    group: str = "people",
    qualifier: str = "exact",
    side: str | None = None,
    source: str | None = None,
    kind: str = "monitor",
    hedged: bool = False,
    historical: bool = False,
    superseded: bool = False,
    part_of: str | None = None,
    where: Location | None = None,
    when: str | None = None,
    perpetrator: str | None = None,
    perp_side: str | None = None,
    text: str | None = None,
    start: int | None = None,
    cid: str | None = None,
    outlet: str | None = None,
) -> Claim:
    _counter["n"] += 1
    n = _counter["n"]
    high = low if high is None and qualifier in ("exact", "about") else high
    extra: dict[str, Any] = {}
    if when:
        day = dt.date.fromisoformat(when)
        extra["time"] = TimeRef(label=when, start=day, end=day)
    return Claim(
        id=cid or f"{doc_id}-c{n:03d}",
        doc=doc_id,
        text=text or f"{low} {group} were {outcome}.",
        span=(start if start is not None else n * 10, (start if start is not None else n * 10) + 5),
        outcome=outcome,  # type: ignore[arg-type]
        count=Count(low=low, high=high, qualifier=qualifier, text=str(low)),  # type: ignore[arg-type]
        victims=Victims(group=group, side=side, label=group),  # type: ignore[arg-type]
        part_of=part_of,
        perpetrator=Perpetrator(label=perpetrator, actor=None, side=perp_side) if perpetrator else None,
        location=where,
        source=Source(label=source, name=source, kind=kind) if source else None,  # type: ignore[arg-type]
        hedged=hedged,
        historical=historical,
        superseded=superseded,
        outlet=outlet,
        **extra,
    )
