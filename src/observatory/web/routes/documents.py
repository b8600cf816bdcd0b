"""`/api/documents`: the ingested articles, their metadata, social posts, text and claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from observatory.web.deps import ReportDep, Source
from observatory.web.queries import DEFAULT_LIMIT, MAX_LIMIT, document_incidents, find_document, merge_claims
from observatory.web.schemas import DocumentDetail, DocumentPage, ErrorDetail

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentPage, summary="List documents")
def list_documents(
    report: ReportDep,
    outlet: Annotated[str | None, Query(description="Only documents from this outlet.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DocumentPage:
    docs = [d for d in report.documents if outlet is None or d.outlet == outlet]
    return DocumentPage(total=len(docs), limit=limit, offset=offset, items=docs[offset : offset + limit])


@router.get(
    "/{doc_id}",
    response_model=DocumentDetail,
    summary="One document with its text and claims",
    responses={404: {"model": ErrorDetail, "description": "No document with this id."}},
)
def get_document(doc_id: str, source: Source, report: ReportDep) -> DocumentDetail:
    meta = find_document(report, doc_id)
    if meta is None:
        raise HTTPException(status_code=404, detail=f"no document with id {doc_id!r}")
    stored = source.document(doc_id)
    claims = [c for c in merge_claims(report, source.claims(doc_id)) if c.doc == doc_id]
    return DocumentDetail(
        **meta.model_dump(),
        text=stored.text if stored else None,
        claims=claims,
        incidents=[i.id for i in document_incidents(report, doc_id)],
    )
