"""Hand-built documents, claims and incidents for the web tests (invented text, names and numbers).

Spans are computed from the text so they are always right; two articles carry hostile markup to
prove the dashboard shows article text as text.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from observatory.models import (
    Claim,
    Contradiction,
    Count,
    DocumentExtraction,
    DocumentInput,
    Incident,
    IncidentSource,
    Location,
    Quote,
    Report,
    ReportDocument,
    ReportQuote,
    ReportSocialPost,
    SocialPost,
    Source,
    TimelinePoint,
    Toll,
    TollRange,
    Victims,
)
from observatory.store import open_database, repository

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
# Incident titles are built from article words, so one carries markup that would break out of the
# JSON the map reads if it were not escaped there too.
XSS_TITLE = "</script><img src=x onerror=alert(2)>"

HERALD_TEXT = (
    "Shelling hit the fish market in Marsa Kettan on Sunday morning.\n\n"
    "The Kettan Rights Watch said at least 42 civilians were killed, including 11 children. "
    "Dozens more were wounded, according to staff at the port hospital.\n\n"
    f"A resident posted a note that read {XSS_SCRIPT} before the page went down."
)
WIRE_TEXT = (
    "The toll from Sunday's shelling of Marsa Kettan rose to 57, the Kettan Rights Watch said on Tuesday.\n\n"
    "The interior ministry called the reports misinformation and said only 20 people had died. "
    f"One comment under the story read {XSS_IMG} and was removed."
)
POST_TEXT = "A roadside bomb killed 3 soldiers near Wadi Sirr on Monday, the army said."


def _doc(
    text: str, outlet: str, title: str, published: dt.date, posts: list[SocialPost] | None = None
) -> DocumentInput:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return DocumentInput(
        id=digest[:16],
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        url=None,
        path=f"{outlet.lower().replace(' ', '_')}.txt",
        content_hash=digest,
        social_posts=posts or [],
    )


HERALD = _doc(
    HERALD_TEXT,
    "Coastal Herald",
    "Market shelling kills dozens in Marsa Kettan",
    dt.date(2025, 6, 2),
    [
        SocialPost(
            author="Lina Farouk",
            handle="@linaf",
            date=dt.date(2025, 6, 1),
            text=f"Smoke over the market {XSS_IMG} pray for Kettan",
        )
    ],
)
WIRE = _doc(WIRE_TEXT, "Desert Wire", "Kettan toll rises to 57", dt.date(2025, 6, 4))
ARMY = _doc(POST_TEXT, "Northern Bulletin", "Soldiers killed near Wadi Sirr", dt.date(2025, 6, 3))
DOCUMENTS = [HERALD, WIRE, ARMY]

KETTAN = Location(
    label="Marsa Kettan",
    name="Marsa Kettan",
    country="Libya",
    admin1="Al Wahat",
    lat=32.1,
    lon=20.1,
    precision="exact",
)
WADI = Location(label="Wadi Sirr", name="Wadi Sirr", country="Chad", lat=13.2, lon=19.0, precision="near")


def _claim(
    doc: DocumentInput,
    sentence_start: str,
    count_text: str,
    low: int | None,
    high: int | None,
    group: str,
    outcome: str = "killed",
    source: Source | None = None,
    **extra: object,
) -> Claim:
    start = doc.text.index(sentence_start)
    end = doc.text.index(".", start) + 1
    return Claim.model_validate(
        {
            "id": f"{doc.id}:{start}:{outcome}:{group}",
            "doc": doc.id,
            "text": doc.text[start:end],
            "span": (start, end),
            "outcome": outcome,
            "count": Count(low=low, high=high, qualifier="exact", text=count_text),
            "victims": Victims(group=group, label=group),
            "source": source,
            "outlet": doc.outlet,
            **extra,
        }
    )


WATCH = Source(label="the Kettan Rights Watch", name="Kettan Rights Watch", kind="monitor")
MINISTRY = Source(label="The interior ministry", name="Interior Ministry", kind="government")
C_HERALD_KILLED = _claim(
    HERALD,
    "The Kettan Rights Watch said",
    "at least 42",
    42,
    42,
    "civilians",
    source=WATCH,
    grade="fair",
    location=KETTAN,
    superseded=True,
)
C_HERALD_CHILDREN = _claim(
    HERALD,
    "The Kettan Rights Watch said",
    "11",
    11,
    11,
    "children",
    source=WATCH,
    part_of=C_HERALD_KILLED.id,
    grade="fair",
)
C_HERALD_INJURED = _claim(
    HERALD,
    "Dozens more were wounded",
    "Dozens",
    24,
    99,
    "people",
    outcome="injured",
    source=Source(label="staff at the port hospital", kind="medical"),
    grade="weak",
)
C_WIRE_KILLED = _claim(WIRE, "The toll from Sunday", "57", 57, 57, "people", source=WATCH, grade="fair")
C_WIRE_DENIAL = _claim(
    WIRE, "The interior ministry", "20", 20, 20, "people", source=MINISTRY, grade="contested"
)
C_ARMY = _claim(
    ARMY,
    "A roadside bomb",
    "3",
    3,
    3,
    "security_forces",
    source=Source(label="the army", kind="military"),
    grade="single_source",
)
CLAIMS = [C_HERALD_KILLED, C_HERALD_CHILDREN, C_HERALD_INJURED, C_WIRE_KILLED, C_WIRE_DENIAL, C_ARMY]


def _point(c: Claim, doc: DocumentInput) -> TimelinePoint:
    return TimelinePoint(
        outcome=c.outcome,
        group=c.victims.group,
        published=doc.published,
        doc=doc.id,
        outlet=doc.outlet,
        source=c.source.name if c.source else None,
        low=c.count.low,
        high=c.count.high,
        claim=c.id,
        superseded=c.superseded,
    )


MARKET = Incident(
    id="inc-kettan-market",
    title="Shelling of the fish market, Marsa Kettan",
    event_type="explosions_remote_violence",
    sub_event_type="shelling_artillery_missile_attack",
    location=KETTAN,
    country="Libya",
    start=dt.date(2025, 6, 1),
    end=dt.date(2025, 6, 1),
    toll={
        "killed": Toll(
            low=42,
            best=57,
            high=57,
            claims=[C_WIRE_KILLED.id, C_HERALD_KILLED.id],
            by_group={"children": TollRange(low=11, best=11, high=11, claims=[C_HERALD_CHILDREN.id])},
        ),
        "injured": Toll(low=24, best=24, high=99, claims=[C_HERALD_INJURED.id]),
    },
    sources=[
        IncidentSource(
            name="Kettan Rights Watch",
            kind="monitor",
            outlets=["Coastal Herald", "Desert Wire"],
            docs=[HERALD.id, WIRE.id],
        )
    ],
    claims=[C_HERALD_KILLED, C_HERALD_CHILDREN, C_HERALD_INJURED, C_WIRE_KILLED, C_WIRE_DENIAL],
    timeline=[_point(C_HERALD_KILLED, HERALD), _point(C_WIRE_KILLED, WIRE), _point(C_WIRE_DENIAL, WIRE)],
    contradictions=[
        Contradiction(
            kind="count",
            summary="Kettan Rights Watch reports 57 killed; the Interior Ministry says 20.",
            claims=[C_WIRE_KILLED.id, C_WIRE_DENIAL.id],
            docs=[WIRE.id],
        ),
        Contradiction(
            kind="denial",
            summary="The Interior Ministry calls the reports misinformation.",
            claims=[C_WIRE_DENIAL.id],
            docs=[WIRE.id],
        ),
    ],
    grade="contested",
    docs=[HERALD.id, WIRE.id],
    actors=["Interior Ministry"],
)
AMBUSH = Incident(
    id="inc-wadi-sirr",
    title=f"Roadside bomb near Wadi Sirr {XSS_TITLE}",
    event_type="explosions_remote_violence",
    location=WADI,
    country="Chad",
    start=dt.date(2025, 6, 2),
    end=dt.date(2025, 6, 2),
    toll={
        "killed": Toll(
            low=3,
            best=3,
            high=3,
            claims=[C_ARMY.id],
            by_group={"security_forces": TollRange(low=3, best=3, high=3, claims=[C_ARMY.id])},
        )
    },
    claims=[C_ARMY],
    timeline=[_point(C_ARMY, ARMY)],
    grade="single_source",
    docs=[ARMY.id],
)
INCIDENTS = [MARKET, AMBUSH]

QUOTE = Quote(
    id="q1",
    doc=WIRE.id,
    span=(0, 10),
    text="only 20 people had died",
    speaker="Interior Ministry",
    outlet=WIRE.outlet,
)


def extraction(doc: DocumentInput) -> DocumentExtraction:
    """What extract would have produced for `doc` (grades are added by reconcile, so dropped here)."""
    return DocumentExtraction(
        doc=doc.id,
        claims=[c.model_copy(update={"grade": None}) for c in CLAIMS if c.doc == doc.id],
        quotes=[q for q in [QUOTE] if q.doc == doc.id],
    )


def report() -> Report:
    """The report `build_report` should produce for the sample database."""
    return Report(
        incidents=INCIDENTS,
        documents=[
            ReportDocument(
                id=d.id,
                title=d.title,
                outlet=d.outlet,
                url=d.url,
                published=d.published,
                path=d.path,
                social_posts=[
                    ReportSocialPost(author=p.author, handle=p.handle, date=p.date, text=p.text)
                    for p in d.social_posts
                ],
            )
            for d in DOCUMENTS
        ],
        quotes=[
            ReportQuote(
                speaker=QUOTE.speaker, text=QUOTE.text, doc=QUOTE.doc, outlet=QUOTE.outlet, single_source=True
            )
        ],
    )


def build_sample_database(db: str) -> str:
    """Store the sample documents, extractions and incidents through the real repository."""
    database = open_database(db)
    try:
        for doc in DOCUMENTS:
            with database.session() as session:
                repository.save_document(session, doc, extraction(doc))
        with database.session() as session:
            repository.replace_incidents(session, INCIDENTS)
    finally:
        database.close()
    return db
