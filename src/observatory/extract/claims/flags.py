"""Claim flags: hedged, historical, superseded (cue phrases in `data/outcomes.yaml` under `flags`).

- hedged: the sentence presents the figure as unverified, alleged or claimed.
- historical: the sentence (or the sentence of the same paragraph that set the time frame) names a
  year or date well before the publication date ("In 2013 ... killed scores"), or a background
  phrase ("years ago"). Without a publication date the latest year in the document is the reference.
- superseded: an earlier figure replaced by a later one for the same outcome, either inside one
  sentence ("initially ... over 200, but ... more than 1,000", "up from 56") or across the
  document when a later claim revises the toll ("rose to", "revised", "latest figures").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from observatory.extract.claims.vocab import _load
from observatory.extract.document import ParsedDocument, Sentence

if TYPE_CHECKING:
    from observatory.extract.claims.builder import Draft

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!\s*(people|persons|civilians|soldiers|fighters|members))")
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},?\s+)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
# A year this far (days) before publication puts a figure in the background.
HISTORICAL_DAYS = 365
# An earlier figure below this share of a revised toll is treated as a part, not an old estimate.
MIN_SUPERSEDED_RATIO = 0.1


@dataclass(frozen=True)
class FlagCues:
    hedges: re.Pattern[str]
    hedge_exclusions: re.Pattern[str]
    old: re.Pattern[str]
    new: re.Pattern[str]
    update: re.Pattern[str]
    historical: re.Pattern[str]


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> FlagCues:
    f = _load("outcomes.yaml")["flags"]
    return FlagCues(
        hedges=_any(f["hedges"]), hedge_exclusions=_any(f["hedge_exclusions"]), old=_any(f["old_cues"]),
        new=_any(f["new_cues"]), update=_any(f["update_cues"]), historical=_any(f["historical_cues"]),
    )


def is_hedged(text: str) -> bool:
    c = cues()
    cleaned = c.hedge_exclusions.sub(" ", text)
    return c.hedges.search(cleaned) is not None


def _dates_in(text: str) -> list[dt.date]:
    """Latest plausible date for every year mentioned (month when given, else the year's end)."""
    dates: list[dt.date] = []
    covered: set[int] = set()
    for m in _MONTH_YEAR.finditer(text):
        month = _MONTHS.index(m.group(1).lower()) + 1
        dates.append(dt.date(int(m.group(2)), month, 28))
        covered.add(m.start(2))
    for m in _YEAR.finditer(text):
        if m.start(1) not in covered:
            dates.append(dt.date(int(m.group(1)), 12, 31))
    return dates


def _reference_date(parsed: ParsedDocument) -> dt.date | None:
    if parsed.input.published:
        return parsed.input.published
    dates = _dates_in(parsed.text)
    return max(dates) if dates else None


def _time_frame(sentence: Sentence, parsed: ParsedDocument) -> list[dt.date]:
    """Dates in the sentence, else in the closest earlier sentence of its paragraph that has one."""
    dates = _dates_in(sentence.text)
    if dates:
        return dates
    for prev in reversed(parsed.sentences[: sentence.index]):
        if prev.paragraph != sentence.paragraph:
            break
        dates = _dates_in(prev.text)
        if dates:
            return dates
    return []


def is_historical(sentence: Sentence, parsed: ParsedDocument, reference: dt.date | None) -> bool:
    if cues().historical.search(sentence.text):
        return True
    if reference is None:
        return False
    dates = _time_frame(sentence, parsed)
    return bool(dates) and all((reference - d).days > HISTORICAL_DAYS for d in dates)


def _old_in_sentence(d: Draft) -> bool:
    """An old cue before the count, with no new cue between them."""
    if d.quantity is None:
        return False
    doc = d.noun.doc
    before = doc[: d.quantity.start].text
    c = cues()
    last_old = max((m.end() for m in c.old.finditer(before)), default=-1)
    if last_old < 0:
        return False
    return c.new.search(before[last_old:]) is None


def _mark_superseded(drafts: list[Draft]) -> None:
    # Pass 1: inside a sentence, a figure after an old cue gives way to a later one.
    for i, d in enumerate(drafts):
        later = [p for p in drafts[i + 1:] if p.sentence is d.sentence and p.link.outcome == d.link.outcome]
        if later and _old_in_sentence(d):
            d.superseded = True
    # Pass 2: a later revision ("rose to", "latest figures") replaces earlier, smaller figures of the
    # same outcome and group; only figures that are themselves current can revise.
    for i, d in enumerate(drafts):
        if d.superseded or d.part_of is not None or d.historical:
            continue
        for p in drafts[i + 1:]:
            if p.sentence is d.sentence or not p.update or p.superseded or p.part_of is not None:
                continue
            if p.link.outcome != d.link.outcome or p.victims.group != d.victims.group:
                continue
            low, new = d.count.low or 0, p.count.low or 0
            # A figure far smaller than the new toll (a village's dead next to a national toll) is a
            # part of it, not an earlier estimate of it.
            if new > low >= new * MIN_SUPERSEDED_RATIO:
                d.superseded = True
                break


def apply_flags(drafts: list[Draft], parsed: ParsedDocument) -> None:
    reference = _reference_date(parsed)
    for d in drafts:
        d.hedged = is_hedged(d.sentence.text)
        d.historical = is_historical(d.sentence, parsed, reference)
        d.update = cues().update.search(d.sentence.text) is not None
        if d.quantity is not None and _old_in_sentence(d) and "up from" in d.noun.doc[: d.quantity.start].text.lower():
            d.superseded = True
    _mark_superseded(drafts)
