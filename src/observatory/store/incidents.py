"""Incidents in the store: reconcile's output replaces the previous one as a whole.

`replace_incidents` is the write side of `observatory reconcile`: incidents are a derived view
of all stored claims, so they are rebuilt from scratch each time rather than patched. The claims
an incident carries are the claims table's rows (one source of truth): their reconcile-level
fields (grade, superseded, ...) are written back to that table, and every claim outside an
incident loses its grade.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from observatory import models as m
from observatory.store import convert as c
from observatory.store import tables as t


def replace_incidents(session: Session, incidents: list[m.Incident]) -> None:
    """Delete all incidents and store these, with claim/document links, contradictions and grades.

    Raises ValueError when an incident names a document that is not stored.
    """
    for table in (t.ContradictionRow, t.IncidentClaimRow, t.IncidentDocumentRow, t.IncidentRow):
        session.execute(delete(table))
    session.execute(update(t.ClaimRow).values(grade=None))
    for position, incident in enumerate(incidents):
        session.add(c.incident_row(incident, position))
        session.flush()
        _link_claims(session, incident)
        _link_documents(session, incident)
        session.add_all(
            c.contradiction_row(incident.id, i, item) for i, item in enumerate(incident.contradictions)
        )
    session.flush()


def _link_claims(session: Session, incident: m.Incident) -> None:
    seen: set[str] = set()
    for position, claim in enumerate(incident.claims):
        if claim.id in seen:
            continue
        seen.add(claim.id)
        _upsert_claim(session, claim, incident.id)
        session.add(t.IncidentClaimRow(incident=incident.id, claim=claim.id, position=position))


def _upsert_claim(session: Session, claim: m.Claim, incident: str) -> None:
    row = session.get(t.ClaimRow, claim.id)
    if row is not None:
        for key, value in c.claim_values(claim, row.outlet).items():
            setattr(row, key, value)
        return
    doc = session.get(t.DocumentRow, claim.doc)
    if doc is None:
        raise ValueError(f"incident {incident}: claim {claim.id} belongs to unknown document {claim.doc}")
    last = session.scalar(select(func.max(t.ClaimRow.position)).where(t.ClaimRow.doc == claim.doc))
    session.add(c.claim_row(claim, (last if last is not None else -1) + 1, doc.outlet))
    session.flush()


def _link_documents(session: Session, incident: m.Incident) -> None:
    for position, doc in enumerate(dict.fromkeys(incident.docs)):
        if session.get(t.DocumentRow, doc) is None:
            raise ValueError(f"incident {incident.id}: unknown document {doc}")
        session.add(t.IncidentDocumentRow(incident=incident.id, doc=doc, position=position))


def list_incidents(session: Session) -> list[m.Incident]:
    """Every incident in the order reconcile produced them, with claims, docs and contradictions."""
    return _load(session, None)


def get_incident(session: Session, incident_id: str) -> m.Incident | None:
    found = _load(session, incident_id)
    return found[0] if found else None


def _load(session: Session, incident_id: str | None) -> list[m.Incident]:
    query = select(t.IncidentRow).order_by(t.IncidentRow.position)
    if incident_id is not None:
        query = query.where(t.IncidentRow.id == incident_id)
    rows = list(session.scalars(query))
    if not rows:
        return []
    ids = [row.id for row in rows]
    claims = _claims_by_incident(session, ids)
    docs = _docs_by_incident(session, ids)
    contradictions = _contradictions_by_incident(session, ids)
    return [
        c.incident_model(row, claims.get(row.id, []), docs.get(row.id, []), contradictions.get(row.id, []))
        for row in rows
    ]


def _claims_by_incident(session: Session, ids: list[str]) -> dict[str, list[m.Claim]]:
    query = (
        select(t.IncidentClaimRow.incident, t.ClaimRow, t.DocumentRow.outlet)
        .join(t.ClaimRow, t.ClaimRow.id == t.IncidentClaimRow.claim)
        .join(t.DocumentRow, t.DocumentRow.id == t.ClaimRow.doc)
        .where(t.IncidentClaimRow.incident.in_(ids))
        .order_by(t.IncidentClaimRow.incident, t.IncidentClaimRow.position)
    )
    found: dict[str, list[m.Claim]] = defaultdict(list)
    for incident, row, outlet in session.execute(query):
        found[incident].append(c.claim_model(row, outlet))
    return found


def _docs_by_incident(session: Session, ids: list[str]) -> dict[str, list[str]]:
    query = (
        select(t.IncidentDocumentRow.incident, t.IncidentDocumentRow.doc)
        .where(t.IncidentDocumentRow.incident.in_(ids))
        .order_by(t.IncidentDocumentRow.incident, t.IncidentDocumentRow.position)
    )
    found: dict[str, list[str]] = defaultdict(list)
    for incident, doc in session.execute(query):
        found[incident].append(doc)
    return found


def _contradictions_by_incident(session: Session, ids: list[str]) -> dict[str, list[m.Contradiction]]:
    query = (
        select(t.ContradictionRow)
        .where(t.ContradictionRow.incident.in_(ids))
        .order_by(t.ContradictionRow.incident, t.ContradictionRow.position)
    )
    found: dict[str, list[m.Contradiction]] = defaultdict(list)
    for row in session.scalars(query):
        found[row.incident].append(c.contradiction_model(row))
    return found
