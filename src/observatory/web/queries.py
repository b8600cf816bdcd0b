"""Filtering, sorting and paging over the report: the one query path of the API and the pages.

Everything here is a pure function of a `Report` (and claim lists), so the JSON API and the HTML
dashboard show exactly the same incidents for the same filters, and the rules are unit-testable
without a server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from observatory.models import Claim, Grade, Incident, Outcome, Report, ReportDocument

SortKey = Literal["date", "toll"]
GRADES: tuple[str, ...] = get_args(Grade)
OUTCOME_NAMES: tuple[str, ...] = get_args(Outcome)
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class QueryError(ValueError):
    """A filter value that cannot be understood; the message names the parameter."""


@dataclass(frozen=True)
class IncidentQuery:
    country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: str | None = None
    min_killed: int | None = None
    grade: str | None = None
    sort: SortKey = "date"
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def params(self) -> dict[str, str]:
        """The non-default filters as URL query parameters (for pagination links)."""
        out: dict[str, str] = {}
        for name in ("country", "date_from", "date_to", "event_type", "min_killed", "grade"):
            value = getattr(self, name)
            if value is not None and value != "":
                out[name] = str(value)
        if self.sort != "date":
            out["sort"] = self.sort
        if self.limit != DEFAULT_LIMIT:
            out["limit"] = str(self.limit)
        return out


@dataclass(frozen=True)
class Page:
    items: list[Incident]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.items) < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


@dataclass(frozen=True)
class Facets:
    """The values present in the data, offered as choices in the dashboard's filter form."""

    countries: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    grades: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- incidents
def incident_country(incident: Incident) -> str | None:
    if incident.country:
        return incident.country
    return incident.location.country if incident.location else None


def killed_best(incident: Incident) -> int:
    toll = incident.toll.get("killed")
    return toll.best if toll else 0


def _matches(incident: Incident, q: IncidentQuery) -> bool:
    if q.country and (incident_country(incident) or "").casefold() != q.country.casefold():
        return False
    if q.event_type and incident.event_type != q.event_type:
        return False
    if q.grade and incident.grade != q.grade:
        return False
    if q.min_killed is not None and killed_best(incident) < q.min_killed:
        return False
    # An incident matches a date window when its own [start, end] overlaps it; undated incidents
    # cannot be placed in any window, so a date filter excludes them.
    start = incident.start or incident.end
    end = incident.end or incident.start
    if q.date_from and (end is None or end < q.date_from):
        return False
    return not (q.date_to and (start is None or start > q.date_to))


def _sort_key_date(incident: Incident) -> tuple[dt.date, int]:
    return (incident.start or incident.end or dt.date.min, killed_best(incident))


def filter_incidents(report: Report, q: IncidentQuery) -> Page:
    """Incidents matching every given filter, newest first (or largest toll first), one page."""
    found = [i for i in report.incidents if _matches(i, q)]
    if q.sort == "toll":
        found.sort(key=lambda i: (killed_best(i), i.start or dt.date.min), reverse=True)
    else:
        found.sort(key=_sort_key_date, reverse=True)
    return Page(items=found[q.offset : q.offset + q.limit], total=len(found), limit=q.limit, offset=q.offset)


def find_incident(report: Report, incident_id: str) -> Incident | None:
    return next((i for i in report.incidents if i.id == incident_id), None)


def facets(report: Report) -> Facets:
    countries = {c for c in (incident_country(i) for i in report.incidents) if c}
    types = {i.event_type for i in report.incidents if i.event_type}
    present = {i.grade for i in report.incidents}
    return Facets(
        countries=sorted(countries),
        event_types=sorted(types),
        grades=[g for g in GRADES if g in present],
    )


def parse_incident_query(params: Mapping[str, str]) -> tuple[IncidentQuery, list[str]]:
    """Build a query from raw form/URL values, as the HTML pages receive them.

    Empty fields mean "no filter". Bad values are dropped and reported (one message each) so a
    page can show them next to the form instead of failing.
    """
    errors: list[str] = []

    def text(name: str) -> str | None:
        value = (params.get(name) or "").strip()
        return value or None

    def number(name: str, default: int | None, low: int, high: int) -> int | None:
        raw = text(name)
        if raw is None:
            return default
        try:
            value = int(raw.replace(",", ""))
        except ValueError:
            errors.append(f"{name}: {raw!r} is not a whole number")
            return default
        if not low <= value <= high:
            errors.append(f"{name}: {value} is outside {low}..{high}")
            return default
        return value

    def date(name: str) -> dt.date | None:
        raw = text(name)
        if raw is None:
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            errors.append(f"{name}: {raw!r} is not a date (YYYY-MM-DD)")
            return None

    grade = text("grade")
    if grade is not None and grade not in GRADES:
        errors.append(f"grade: {grade!r} is not one of {', '.join(GRADES)}")
        grade = None
    sort = text("sort") or "date"
    if sort not in ("date", "toll"):
        errors.append(f"sort: {sort!r} is not 'date' or 'toll'")
        sort = "date"
    query = IncidentQuery(
        country=text("country"),
        date_from=date("date_from"),
        date_to=date("date_to"),
        event_type=text("event_type"),
        min_killed=number("min_killed", None, 0, 10**9),
        grade=grade,
        sort="toll" if sort == "toll" else "date",
        limit=number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT) or DEFAULT_LIMIT,
        offset=number("offset", 0, 0, 10**9) or 0,
    )
    return query, errors


# --------------------------------------------------------------------------- claims
def claims_by_id(report: Report) -> dict[str, Claim]:
    """Claims as reconciled into incidents (these carry grades and outlets)."""
    return {c.id: c for i in report.incidents for c in i.claims}


def merge_claims(report: Report, stored: Iterable[Claim]) -> list[Claim]:
    """All stored claims, each replaced by its reconciled copy when an incident holds it.

    Claims that belong to no incident (historical background, say) are still claims a reader may
    want to audit, so they are kept.
    """
    reconciled = claims_by_id(report)
    merged = [reconciled.get(c.id, c) for c in stored]
    seen = {c.id for c in merged}
    merged.extend(c for cid, c in reconciled.items() if cid not in seen)
    return merged


def filter_claims(
    claims: Iterable[Claim],
    report: Report,
    *,
    doc: str | None = None,
    outcome: str | None = None,
    incident: str | None = None,
) -> list[Claim]:
    allowed: set[str] | None = None
    if incident is not None:
        found = find_incident(report, incident)
        allowed = {c.id for c in found.claims} if found else set()
    return [
        c
        for c in claims
        if (doc is None or c.doc == doc)
        and (outcome is None or c.outcome == outcome)
        and (allowed is None or c.id in allowed)
    ]


def claim_incidents(report: Report) -> dict[str, str]:
    """Claim id -> id of the incident that holds it."""
    return {c.id: i.id for i in report.incidents for c in i.claims}


# --------------------------------------------------------------------------- documents
def find_document(report: Report, doc_id: str) -> ReportDocument | None:
    return next((d for d in report.documents if d.id == doc_id), None)


def incident_documents(report: Report, incident: Incident) -> list[ReportDocument]:
    """The incident's documents in publication order: the columns of the side-by-side view."""
    ids = list(dict.fromkeys([*incident.docs, *(c.doc for c in incident.claims)]))
    docs = [d for d in (find_document(report, i) for i in ids) if d is not None]
    docs.sort(key=lambda d: (d.published or dt.date.max, d.outlet or "", d.id))
    return docs


def document_incidents(report: Report, doc_id: str) -> list[Incident]:
    return [i for i in report.incidents if doc_id in i.docs or any(c.doc == doc_id for c in i.claims)]


def incident_counts(report: Report) -> dict[str, int]:
    """Document id -> number of incidents citing it, in one pass (the documents list needs all)."""
    counts: dict[str, int] = {}
    for incident in report.incidents:
        for doc in {*incident.docs, *(c.doc for c in incident.claims)}:
            counts[doc] = counts.get(doc, 0) + 1
    return counts
