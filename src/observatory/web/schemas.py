"""API envelopes around the shared domain models (`observatory.models`); no second schema.

Lists are paged, so each list answer says how many items match in total. A document's detail adds
its text (which every claim span indexes into) and its claims to the report's `ReportDocument`.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from observatory.models import Claim, Incident, ReportDocument


class ErrorDetail(BaseModel):
    detail: str


class IncidentPage(BaseModel):
    total: int = Field(description="Incidents matching the filters, across all pages.")
    limit: int
    offset: int
    items: list[Incident]


class ClaimPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Claim]


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ReportDocument]


class DocumentDetail(ReportDocument):
    text: str | None = Field(default=None, description="The article body that claim spans index into.")
    claims: list[Claim] = Field(default_factory=list)
    incidents: list[str] = Field(default_factory=list, description="Ids of incidents citing this document.")
