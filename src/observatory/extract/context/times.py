"""Times resolved against the publication date. Owner: context/places+times.

`find_times` scans the whole text with the rules in `time_rules` (no parse needed).
`attach_times` gives each claim, most direct evidence first:
1. a time in its own sentence (the nearest one to the claim);
2. the nearest time earlier in its paragraph, else later in it (inferred);
3. the document's main time: the span of its recent (within 31 days of publication) day-level
   times, e.g. "Thursday" to "Saturday" (inferred).
Otherwise the claim keeps `time=None`: the publication date says when it was reported, not when
it happened, so it is never used as a claim's time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from observatory.extract.context.place_text import sentence_at, sentences_of
from observatory.extract.context.time_rules import scan
from observatory.extract.document import ParsedDocument
from observatory.models import Claim, TimeRef

RECENT_DAYS = 31  # a document's main time must be this close to publication
BACKGROUND_YEARS = 2  # a year this far before publication is background, not the incident
_LEADING = ("on ", "in ", "during ", "since ", "by ", "until ", "of ", "from ", "at ", "over ")


@dataclass(frozen=True)
class TimeMention:
    span: tuple[int, int]
    ref: TimeRef


def is_background_year(year: int, published: dt.date | None) -> bool:
    """True when `year` is well before publication ("In 2013 ..." in a 2025 article)."""
    return published is not None and year <= published.year - BACKGROUND_YEARS


def is_background(ref: TimeRef, published: dt.date | None) -> bool:
    """True when the whole window ended long before publication (historical, not the incident)."""
    if published is None or ref.end is None:
        return False
    return ref.end < published - dt.timedelta(days=365)


def _label(text: str) -> str:
    lowered = text.lower()
    for word in _LEADING:
        if lowered.startswith(word):
            return text[len(word):]
    return text


def find_times(parsed: ParsedDocument) -> list[TimeMention]:
    published = parsed.input.published
    return [
        TimeMention((start, end), TimeRef(label=_label(parsed.text[start:end]), start=w.start, end=w.end,
                                          precision=w.precision))  # type: ignore[arg-type]
        for start, end, w in scan(parsed.text, published)
    ]


def main_time(parsed: ParsedDocument, times: list[TimeMention]) -> TimeRef | None:
    """The incident window: from the earliest to the latest recent day-level time in the text.

    Only times ending within RECENT_DAYS before publication count (background years and old
    dates do not). One such time is returned as is; several are spanned ("Thursday" ... "Saturday").
    """
    published = parsed.input.published
    if published is None:
        return None
    earliest = published - dt.timedelta(days=RECENT_DAYS)
    recent = [t.ref for t in times
              if t.ref.precision in {"day", "days"} and t.ref.start is not None and t.ref.end is not None
              and earliest <= t.ref.end <= published + dt.timedelta(days=1)]
    if not recent:
        return None
    first = min(recent, key=lambda r: r.start or published)
    last = max(recent, key=lambda r: r.end or published)
    if first.start == last.end:
        return first
    label = first.label if first is last else f"{first.label} to {last.label}"
    return TimeRef(label=label, start=first.start, end=last.end, precision="days")


def attach_times(claims: list[Claim], parsed: ParsedDocument, times: list[TimeMention]) -> list[Claim]:
    if not claims:
        return claims
    sentences = sentences_of(parsed)
    fallback = main_time(parsed, times)
    timed = []
    for claim in claims:
        ref = claim.time or _claim_time(claim, sentences, times)
        if ref is None and fallback is not None:
            ref = fallback.model_copy(update={"inferred": True})
        timed.append(claim.model_copy(update={"time": ref}))
    return timed


def _claim_time(claim: Claim, sentences: list, times: list[TimeMention]) -> TimeRef | None:
    sentence = sentence_at(sentences, claim.span[0])
    start, end = (sentence.start, sentence.end) if sentence else claim.span
    own = [t for t in times if start <= t.span[0] < end]
    if own:
        return min(own, key=lambda t: abs(t.span[0] - claim.span[0])).ref
    if sentence is None:
        return None
    same = [s for s in sentences if s.paragraph == sentence.paragraph]
    p_start, p_end = min(s.start for s in same), max(s.end for s in same)
    before = [t for t in times if p_start <= t.span[0] < start]
    after = [t for t in times if end <= t.span[0] < p_end]
    if before:
        return max(before, key=lambda t: t.span[0]).ref.model_copy(update={"inferred": True})
    if after:
        return min(after, key=lambda t: t.span[0]).ref.model_copy(update={"inferred": True})
    return None
