"""The HTML dashboard: server-rendered pages over the same queries as the JSON API."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from observatory import __version__
from observatory.web import queries, views
from observatory.web.deps import ReportDep, Source
from observatory.web.formatting import FILTERS

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

router = APIRouter(include_in_schema=False)
DOCUMENTS_PER_PAGE = 100


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=TEMPLATES_DIR)
    # Jinja2Templates turns autoescaping on for .html; say so explicitly because article text is
    # untrusted and every page relies on it.
    templates.env.autoescape = True
    templates.env.filters.update(FILTERS)
    templates.env.filters["urlencode_params"] = urlencode
    templates.env.globals["version"] = __version__
    return templates


templates = make_templates()


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def not_found(request: Request, what: str, ident: str) -> HTMLResponse:
    return render(request, "not_found.html", {"what": what, "ident": ident}, status_code=404)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, report: ReportDep) -> HTMLResponse:
    return render(request, "dashboard.html", views.dashboard(report, request.query_params))


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, incident_id: str, report: ReportDep, source: Source) -> HTMLResponse:
    found = queries.find_incident(report, incident_id)
    if found is None:
        return not_found(request, "incident", incident_id)
    return render(request, "incident.html", views.incident_page(report, found, source))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, report: ReportDep) -> HTMLResponse:
    counts = queries.incident_counts(report)
    rows = [(d, counts.get(d.id, 0)) for d in report.documents]
    rows.sort(key=lambda r: (r[0].published is None, r[0].published, r[0].outlet or ""))
    raw = request.query_params.get("offset", "0")
    offset = int(raw) if raw.isdigit() else 0
    return render(
        request,
        "documents.html",
        {
            "rows": rows[offset : offset + DOCUMENTS_PER_PAGE],
            "total": len(rows),
            "offset": offset,
            "per_page": DOCUMENTS_PER_PAGE,
        },
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, report: ReportDep, source: Source) -> HTMLResponse:
    found = queries.find_document(report, doc_id)
    if found is None:
        return not_found(request, "document", doc_id)
    return render(request, "document.html", views.document_page(report, found, source))
