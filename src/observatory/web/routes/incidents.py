"""`/api/incidents`: reconciled incidents with their tolls, claims, timeline and contradictions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from observatory.models import Grade, Incident
from observatory.web.deps import ReportDep
from observatory.web.queries import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    IncidentQuery,
    SortKey,
    filter_incidents,
    find_incident,
)
from observatory.web.schemas import ErrorDetail, IncidentPage

router = APIRouter(prefix="/api/incidents", tags=["incidents"])


@router.get("", response_model=IncidentPage, summary="List incidents")
def list_incidents(
    report: ReportDep,
    country: Annotated[str | None, Query(description="Country name, case-insensitive.")] = None,
    date_from: Annotated[dt.date | None, Query(description="Incidents ending on or after this date.")] = None,
    date_to: Annotated[
        dt.date | None, Query(description="Incidents starting on or before this date.")
    ] = None,
    event_type: Annotated[str | None, Query(description="ACLED-style event type.")] = None,
    min_killed: Annotated[
        int | None, Query(ge=0, description="Minimum best estimate of people killed.")
    ] = None,
    grade: Grade | None = None,
    sort: Annotated[SortKey, Query(description="`date` (newest first) or `toll` (largest first).")] = "date",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> IncidentPage:
    query = IncidentQuery(
        country=country,
        date_from=date_from,
        date_to=date_to,
        event_type=event_type,
        min_killed=min_killed,
        grade=grade,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    page = filter_incidents(report, query)
    return IncidentPage(total=page.total, limit=page.limit, offset=page.offset, items=page.items)


@router.get(
    "/{incident_id}",
    response_model=Incident,
    summary="One incident",
    responses={404: {"model": ErrorDetail, "description": "No incident with this id."}},
)
def get_incident(incident_id: str, report: ReportDep) -> Incident:
    incident = find_incident(report, incident_id)
    if incident is None:
        raise HTTPException(status_code=404, detail=f"no incident with id {incident_id!r}")
    return incident
