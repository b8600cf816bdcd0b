"""Hand-made extraction and incident objects (invented names and numbers) for store tests."""

from __future__ import annotations

import datetime as dt

from observatory import models as m


def extraction_for(doc: m.DocumentInput, n_claims: int = 2) -> m.DocumentExtraction:
    """A full extraction with every nested part filled, so round-trips exercise each column."""
    location = m.Location(
        label="in Varenko",
        name="Varenko",
        country="Eastland",
        admin1="North Province",
        lat=48.25,
        lon=37.5,
        precision="exact",
    )
    time = m.TimeRef(label="on Tuesday", start=dt.date(2024, 5, 7), end=dt.date(2024, 5, 7), precision="day")
    claims = [
        m.Claim(
            id=f"{doc.id}-c{i}",
            doc=doc.id,
            text=doc.text[:40],
            span=(0, 40),
            outcome="killed",
            count=m.Count(low=14 + i, high=14 + i, qualifier="at_least", text=f"at least {14 + i}"),
            victims=m.Victims(group="civilians", side=None, label="civilians"),
            part_of=f"{doc.id}-c0" if i else None,
            perpetrator=m.Perpetrator(label="artillery units", actor="Eastland Army", side="government"),
            location=location,
            time=time,
            source=m.Source(
                label="the Eastland Monitoring Group", name="Eastland Monitoring Group", kind="monitor"
            ),
            hedged=bool(i % 2),
            historical=False,
            superseded=False,
        )
        for i in range(n_claims)
    ]
    return m.DocumentExtraction(
        doc=doc.id,
        claims=claims,
        events=[
            m.Event(
                id=f"{doc.id}-e0",
                doc=doc.id,
                text="shells struck the market",
                span=(5, 29),
                event_type="explosions_remote_violence",
                sub_event_type="shelling",
                kind=None,
                actors=["Eastland Army"],
                location=location,
                time=time,
                claims=[claim.id for claim in claims],
            )
        ],
        actors=[
            m.ActorMention(
                id=f"{doc.id}-a0",
                doc=doc.id,
                span=(3, 9),
                text="troops",
                actor=None,
                type="state_force",
                side="government",
                country="Eastland",
            )
        ],
        places=[
            m.PlaceMention(
                id=f"{doc.id}-p0",
                doc=doc.id,
                span=(10, 17),
                text="Varenko",
                name="Varenko",
                country="Eastland",
                admin1="North Province",
                lat=48.25,
                lon=37.5,
                precision="exact",
            )
        ],
        quotes=[
            m.Quote(
                id=f"{doc.id}-q0",
                doc=doc.id,
                span=(0, 12),
                text="We counted.",
                speaker="Ana Pell",
                speaker_role="medic",
                outlet=None,
            )
        ],
    )


def incident_from(claims: list[m.Claim], docs: list[str]) -> m.Incident:
    graded = [claim.model_copy(update={"grade": "fair"}) for claim in claims]
    return m.Incident(
        id="inc-varenko-2024-05-07",
        title="Shelling of Varenko market",
        event_type="explosions_remote_violence",
        sub_event_type="shelling",
        location=graded[0].location,
        country="Eastland",
        start=dt.date(2024, 5, 7),
        end=dt.date(2024, 5, 8),
        toll={
            "killed": m.Toll(
                low=14,
                best=15,
                high=19,
                by_group={"civilians": m.TollRange(low=14, best=15, high=19, claims=[graded[0].id])},
                claims=[c.id for c in graded],
            )
        },
        sources=[
            m.IncidentSource(
                name="Eastland Monitoring Group", kind="monitor", outlets=["Daily Ledger"], docs=docs[:1]
            )
        ],
        claims=graded,
        timeline=[
            m.TimelinePoint(
                outcome="killed",
                group="civilians",
                published=dt.date(2024, 5, 8),
                doc=docs[0],
                outlet="Daily Ledger",
                source="Eastland Monitoring Group",
                low=14,
                high=14,
                claim=graded[0].id,
            )
        ],
        contradictions=[
            m.Contradiction(
                kind="count", summary="14 vs 19 killed", claims=[c.id for c in graded], docs=docs
            ),
            m.Contradiction(kind="denial", summary="officials call it exaggerated", docs=docs[1:]),
        ],
        grade="contested",
        docs=docs,
        actors=["Eastland Army"],
    )
