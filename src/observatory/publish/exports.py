"""Exports for other tools: incidents as ACLED/UCDP-like CSV and as GeoJSON, claims as JSON Lines.

Columns are documented in docs/exports.md. Everything is built from the same `Report` the CLI,
API and dashboard use, so an export never disagrees with what the dashboard shows.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from observatory.models import Claim, Incident, Toll

OUTCOME_COLUMNS = ("injured", "missing", "detained", "kidnapped", "displaced")
# ACLED geo_precision: 1 = the named town, 2 = near it or a district, 3 = a larger region.
ACLED_PRECISION = {"exact": 1, "near": 2, "admin2": 2, "admin1": 3, "region": 3, "country": 3}

CSV_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "end_date",
    "year",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "location_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "best",
    "low",
    "high",
    "deaths_civilians",
    "deaths_a",
    "deaths_b",
    "deaths_unknown",
    "deaths_children",
    "deaths_women",
    *[f"{o}_{k}" for o in OUTCOME_COLUMNS for k in ("low", "best", "high")],
    "grade",
    "contradictions",
    "n_outlets",
    "n_documents",
    "title",
    "documents",
    "claims",
]


def _best(toll: Toll | None, group: str | None = None) -> int | None:
    if toll is None:
        return None
    if group is None:
        return toll.best
    rng = toll.by_group.get(group)
    return rng.best if rng else 0


def _actors(inc: Incident) -> tuple[str, str]:
    """actor1: the most blamed perpetrator; actor2: the victims' side (ACLED puts civilians there)."""
    # Canonical actors only: a bare label ("gunmen", or a misparse) is no actor to code.
    blamed = Counter(
        c.perpetrator.actor for c in inc.claims if c.perpetrator is not None and c.perpetrator.actor
    )
    actor1 = sorted(blamed.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if blamed else ""
    if not actor1 and inc.actors:
        actor1 = inc.actors[0]
    killed = inc.toll.get("killed")
    if killed and killed.by_group.get("civilians") and killed.by_group["civilians"].best > 0:
        actor2 = f"Civilians ({inc.country})" if inc.country else "Civilians"
    else:
        actor2 = next((a for a in inc.actors if a != actor1), "")
    return actor1, actor2


def incident_row(inc: Incident) -> dict[str, Any]:
    loc = inc.location
    killed = inc.toll.get("killed")
    civilians, side_a, side_b = (
        _best(killed, "civilians"),
        _best(killed, "security_forces"),
        _best(killed, "combatants"),
    )
    known = sum(x or 0 for x in (civilians, side_a, side_b))
    actor1, actor2 = _actors(inc)
    outlets = sorted({o for s in inc.sources for o in s.outlets})
    row: dict[str, Any] = {
        "event_id_cnty": inc.id,
        "event_date": inc.start.isoformat() if inc.start else "",
        "end_date": inc.end.isoformat() if inc.end else "",
        "year": inc.start.year if inc.start else "",
        "event_type": inc.event_type or "",
        "sub_event_type": inc.sub_event_type or "",
        "actor1": actor1,
        "actor2": actor2,
        "country": inc.country or (loc.country if loc else "") or "",
        "admin1": (loc.admin1 if loc else "") or "",
        "location": (loc.name or loc.label) if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": ACLED_PRECISION.get(loc.precision or "", "") if loc else "",
        "location_precision": (loc.precision or "") if loc else "",
        "source": "; ".join(s.name for s in inc.sources),
        "source_scale": "; ".join(outlets),
        "notes": " | ".join([inc.title, *(f"{x.kind}: {x.summary}" for x in inc.contradictions)]),
        "fatalities": killed.best if killed else 0,
        "best": killed.best if killed else 0,
        "low": killed.low if killed else 0,
        "high": killed.high if killed else 0,
        "deaths_civilians": civilians or 0,
        "deaths_a": side_a or 0,
        "deaths_b": side_b or 0,
        "deaths_unknown": max((killed.best if killed else 0) - known, 0),
        "deaths_children": _best(killed, "children") or 0,
        "deaths_women": _best(killed, "women") or 0,
        "grade": inc.grade,
        "contradictions": ";".join(sorted({x.kind for x in inc.contradictions})),
        "n_outlets": len(outlets),
        "n_documents": len(inc.docs),
        "title": inc.title,
        "documents": ";".join(inc.docs),
        "claims": ";".join(c.id for c in inc.claims),
    }
    for outcome in OUTCOME_COLUMNS:
        toll = inc.toll.get(outcome)
        for key in ("low", "best", "high"):
            row[f"{outcome}_{key}"] = getattr(toll, key) if toll else 0
    return row


def incidents_csv(incidents: Iterable[Incident]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in incidents:
        writer.writerow(incident_row(inc))
    return out.getvalue()


def incidents_geojson(incidents: Iterable[Incident]) -> dict[str, Any]:
    """A FeatureCollection of Point features (geometry null when the place has no coordinates)."""
    features = []
    for inc in incidents:
        loc = inc.location
        has_point = loc is not None and loc.lat is not None and loc.lon is not None
        geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]} if has_point and loc else None
        props = {k: v for k, v in incident_row(inc).items() if k not in ("latitude", "longitude")}
        props["toll"] = {o: t.model_dump(exclude={"claims"}) for o, t in inc.toll.items()}
        features.append({"type": "Feature", "id": inc.id, "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def claims_jsonl(claims: Iterable[Claim], incident_of: dict[str, str]) -> str:
    """One claim per line in the extract format, plus the incident it was reconciled into."""
    lines = []
    for c in claims:
        record = json.loads(c.model_dump_json())
        record["incident"] = incident_of.get(c.id)
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
