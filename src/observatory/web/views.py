"""What each dashboard page shows, assembled from the report via `queries` (no HTML here).

Pages get plain data: the highlighted article text is the only markup, and it is built by
`highlight`, which escapes the article before adding any tag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from observatory.models import Claim, Contradiction, Incident, Report, ReportDocument, ReportQuote
from observatory.web import charts, queries
from observatory.web.deps import DataSource
from observatory.web.highlight import claim_marks, highlight

MAP_LIMIT = 2000  # markers beyond this make the map unreadable and the page heavy
# Columns side by side before the page becomes unusable; the others are listed as links.
MAX_COLUMNS = 12


@dataclass
class SourceColumn:
    """One outlet's article in the side-by-side view of an incident."""

    doc: ReportDocument
    html: Markup | None
    claims: list[Claim]
    contradictions: list[Contradiction] = field(default_factory=list)
    quotes: list[ReportQuote] = field(default_factory=list)


def map_point(incident: Incident) -> dict[str, Any] | None:
    """The JSON the map script needs for one incident, or None when it has no coordinates."""
    loc = incident.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    killed = incident.toll.get("killed")
    return {
        "id": incident.id,
        "title": incident.title,
        "lat": loc.lat,
        "lon": loc.lon,
        "place": loc.name or loc.label,
        "precision": loc.precision,
        "date": incident.start.isoformat() if incident.start else None,
        "grade": incident.grade,
        "killed": killed.best if killed else 0,
        "killed_low": killed.low if killed else 0,
        "killed_high": killed.high if killed else 0,
        "url": f"/incidents/{incident.id}",
    }


def contested_claims(incident: Incident) -> set[str]:
    return {cid for c in incident.contradictions if c.kind != "single_source" for cid in c.claims}


def dashboard(report: Report, params: Mapping[str, str]) -> dict[str, Any]:
    query, errors = queries.parse_incident_query(params)
    page = queries.filter_incidents(report, query)
    # The summary, the chart and the map cover every match, not only the rows of the current page.
    everything = queries.filter_incidents(
        report, replace(query, offset=0, limit=max(1, len(report.incidents)))
    )
    located = [p for p in (map_point(i) for i in everything.items) if p]
    points = located[:MAP_LIMIT]
    return {
        "query": query,
        "errors": errors,
        "page": page,
        "facets": queries.facets(report),
        "points": points,
        "unmapped": len(everything.items) - len(located),
        "map_truncated": len(located) - len(points),
        "killed_total": sum(queries.killed_best(i) for i in everything.items),
        "tolls_chart": charts.incidents_chart(everything.items),
        "documents": len(report.documents),
        "incidents_total": len(report.incidents),
        "previous_params": query.params() | {"offset": str(max(0, query.offset - query.limit))},
        "next_params": query.params() | {"offset": str(query.offset + query.limit)},
    }


def source_columns(
    report: Report, incident: Incident, source: DataSource, limit: int = MAX_COLUMNS
) -> list[SourceColumn]:
    """Every document of the incident; only the first `limit` get their text (they are shown)."""
    contested = contested_claims(incident)
    columns: list[SourceColumn] = []
    for n, doc in enumerate(queries.incident_documents(report, incident)):
        claims = sorted((c for c in incident.claims if c.doc == doc.id), key=lambda c: c.span[0])
        stored = source.document(doc.id) if n < limit else None
        html = None
        if stored is not None:
            html = highlight(stored.text, claim_marks(stored.text, claims, contested), anchor_prefix="claim-")
        columns.append(
            SourceColumn(
                doc=doc,
                html=html,
                claims=claims,
                contradictions=[c for c in incident.contradictions if doc.id in c.docs],
                quotes=[q for q in report.quotes if q.doc == doc.id],
            )
        )
    return columns


def incident_page(report: Report, incident: Incident, source: DataSource) -> dict[str, Any]:
    point = map_point(incident)
    return {
        "incident": incident,
        "columns": source_columns(report, incident, source, MAX_COLUMNS),
        "max_columns": MAX_COLUMNS,
        "toll_charts": charts.toll_charts(incident),
        "timelines": charts.timeline_charts(incident.timeline),
        "tolls": sorted(incident.toll.items(), key=lambda item: charts.outcome_order(item[0])),
        "disputes": [c for c in incident.contradictions if c.kind != "single_source"],
        "single_sourced": [c for c in incident.contradictions if c.kind == "single_source"],
        "contested": contested_claims(incident),
        "points": [point] if point else [],
        "claim_docs": {d.id: d for d in report.documents},
    }


def document_page(report: Report, doc: ReportDocument, source: DataSource) -> dict[str, Any]:
    stored = source.document(doc.id)
    claims = sorted(
        (c for c in queries.merge_claims(report, source.claims(doc.id)) if c.doc == doc.id),
        key=lambda c: c.span[0],
    )
    incidents = queries.document_incidents(report, doc.id)
    contested = {cid for i in incidents for cid in contested_claims(i)}
    html = highlight(stored.text, claim_marks(stored.text, claims, contested), "claim-") if stored else None
    return {
        "doc": doc,
        "html": html,
        "claims": claims,
        "incidents": incidents,
        "claim_incidents": queries.claim_incidents(report),
        "incident_titles": {i.id: i.title for i in report.incidents},
        "quotes": [q for q in report.quotes if q.doc == doc.id],
        "original": queries.find_document(report, doc.duplicate_of) if doc.duplicate_of else None,
    }
