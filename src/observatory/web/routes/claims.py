"""`/api/claims`: every casualty claim, traceable to its document, sentence and span."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from observatory.models import Outcome
from observatory.web.deps import ReportDep, Source
from observatory.web.queries import DEFAULT_LIMIT, MAX_LIMIT, filter_claims, merge_claims
from observatory.web.schemas import ClaimPage

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", response_model=ClaimPage, summary="List claims")
def list_claims(
    source: Source,
    report: ReportDep,
    doc: Annotated[str | None, Query(description="Only claims from this document id.")] = None,
    outcome: Outcome | None = None,
    incident: Annotated[str | None, Query(description="Only claims reconciled into this incident.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ClaimPage:
    claims = merge_claims(report, source.claims(doc))
    found = filter_claims(claims, report, doc=doc, outcome=outcome, incident=incident)
    return ClaimPage(total=len(found), limit=limit, offset=offset, items=found[offset : offset + limit])
