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
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Token

from observatory.data import load_yaml
from observatory.extract.document import ParsedDocument, Sentence

if TYPE_CHECKING:
    from observatory.extract.claims.builder import Draft

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!\s*(people|persons|civilians|soldiers|fighters|members))")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},?\s+)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE
)
# A year this far (days) before publication puts a figure in the background.
HISTORICAL_DAYS = 90
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
    f = load_yaml("outcomes.yaml")["flags"]
    return FlagCues(
        hedges=_any(f["hedges"]),
        hedge_exclusions=_any(f["hedge_exclusions"]),
        old=_any(f["old_cues"]),
        new=_any(f["new_cues"]),
        update=_any(f["update_cues"]),
        historical=_any(f["historical_cues"]),
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


def _clause_head(t: Token) -> Token:
    """The verb heading the clause of `t` (the token itself when it is a verb)."""
    for _ in range(8):
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            return t
        t = t.head
    return t


def _in_frame(year_tok: Token, trigger: Token) -> bool:
    """A year counts for a claim when it dates the claim's own clause: "In 2014 the group killed
    80", "recalled the 2019 attack in which militiamen killed 62", "killed since the conflict began
    in 2017"; not "12 were killed in the town, which lost 60 residents in 2017" (the year belongs to
    a relative clause about something else)."""
    head = _clause_head(year_tok)
    t = _clause_head(trigger)
    claim_clause = t
    for _ in range(12):
        if t.i == head.i:
            return True
        if t.head.i == t.i:
            break
        t = t.head
    # The year sits in an adverbial clause or phrase under the claim's clause (no relative clause
    # in between).
    u = year_tok
    for _ in range(12):
        if u.i == claim_clause.i:
            return True
        if u.dep_ in {"relcl", "acl"} or u.head.i == u.i:
            return False
        u = u.head
    return False


def _years_for(d: Draft) -> list[dt.date] | None:
    """Dates of the years in the claim's own clause, or None when the sentence has no parse."""
    doc = d.sentence.doc
    if doc is None:
        return None
    dates: list[dt.date] = []
    for tok in doc:
        if _YEAR.fullmatch(tok.text) and _in_frame(tok, d.link.trigger):
            prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
            month = _MONTHS.index(prev) + 1 if prev in _MONTHS else 12
            dates.append(dt.date(int(tok.text), month, 28))
    return dates


def is_historical(sentence: Sentence, parsed: ParsedDocument, reference: dt.date | None) -> bool:
    if cues().historical.search(sentence.text):
        return True
    if reference is None:
        return False
    dates = _time_frame(sentence, parsed)
    return bool(dates) and all(_before(reference, d) for d in dates)


def _before(reference: dt.date, date: dt.date) -> bool:
    """Well before publication: an earlier calendar year, and at least a few months back."""
    return date.year < reference.year and (reference - date).days > HISTORICAL_DAYS


def claim_is_historical(d: Draft, parsed: ParsedDocument, reference: dt.date | None) -> bool:
    if cues().historical.search(d.sentence.text):
        return True
    if reference is None:
        return False
    own = _years_for(d)
    if own:
        return all(_before(reference, x) for x in own)
    if own is not None and _dates_in(d.sentence.text):
        return False  # the sentence's years belong to other clauses
    return is_historical(d.sentence, parsed, reference)


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
    between = before[last_old:]
    # The cue belongs to the first figure after it ("up from 14, after three of the wounded died").
    return c.new.search(between) is None and not re.search(r"\d", between)


def _revises(p: Draft) -> bool:
    """The figure is the new value of a revision: "rose to 34", "corrected to five"."""
    if p.quantity is None or p.quantity.start == 0 or not p.update:
        return False
    return p.noun.doc[p.quantity.start - 1].lower_ in {"to", "at"}


def _larger_elsewhere(d: Draft, drafts: list[Draft]) -> bool:
    return any(
        p.sentence is not d.sentence
        and p.link.outcome == d.link.outcome
        and p.victims.group == d.victims.group
        and p.part_of is None
        and (p.count.low or 0) > (d.count.low or 0)
        and not _old_in_sentence(p)
        for p in drafts
    )


def _mark_superseded(drafts: list[Draft]) -> None:
    # Pass 1: inside a sentence, a figure after an old cue ("initially", "up from", "an earlier
    # figure of") gives way to the other figures of the same outcome; a revised value ("rose to
    # 34") replaces the figures before it.
    for d in drafts:
        peers = [
            p for p in drafts if p is not d and p.sentence is d.sentence and p.link.outcome == d.link.outcome
        ]
        old = _old_in_sentence(d)
        if old and any(not _old_in_sentence(p) for p in peers):
            d.superseded = True
        elif old and not peers and _larger_elsewhere(d, drafts):
            d.superseded = True  # "It had initially put the toll at 40" after "has risen to 163"
        elif d.part_of is None and any(
            _revises(p) and p.noun.i > d.noun.i and p.part_of is None and p.victims.group == d.victims.group
            for p in peers
        ):
            d.superseded = True
    # Pass 2: a later revision ("rose to", "latest figures") replaces earlier, smaller figures of the
    # same outcome and group; only figures that are themselves current can revise.
    for i, d in enumerate(drafts):
        if d.superseded or d.part_of is not None or d.historical:
            continue
        for p in drafts[i + 1 :]:
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


# Boundaries between contrasted clauses: a hedge ("X claimed ...") does not reach across them.
_CONTRAST = re.compile(r";\s+|,?\s+\b(?:but|whereas)\s+|,\s+(?:while|although|though)\s+", re.IGNORECASE)


def _position(d: Draft) -> int:
    return d.noun.doc[d.quantity.start].idx if d.quantity is not None else d.noun.idx


def clauses(d: Draft) -> tuple[list[tuple[int, int]], int] | None:
    """Character spans of the contrasted clauses of the claim's sentence and the index of the
    claim's own clause; None when the sentence has no parse aligned with its text."""
    text = d.sentence.text
    if d.sentence.doc is None or d.sentence.doc.text != text:
        return None
    cuts = [0, *(m.end() for m in _CONTRAST.finditer(text)), len(text) + 1]
    spans = list(pairwise(cuts))
    at = _position(d)
    return spans, next(i for i, (a, b) in enumerate(spans) if a <= at < b)


def _clause_hedged(d: Draft, drafts: list[Draft]) -> bool:
    """Hedge cues count in the claim's own contrasted clause ("X claimed it killed 30, but the army
    put the toll at nine": only 30 is hedged); a later clause with no figure of its own is a
    disclaimer about the figures before it ("..., but this could not be verified")."""
    text = d.sentence.text
    found = clauses(d)
    if found is None:
        return is_hedged(text)
    clauses_, own = found
    if is_hedged(text[slice(*clauses_[own])]):
        return True
    mates = [_position(p) for p in drafts if p.sentence is d.sentence]
    return any(is_hedged(text[a:b]) and not any(a <= m < b for m in mates) for a, b in clauses_[own + 1 :])


def apply_flags(drafts: list[Draft], parsed: ParsedDocument) -> None:
    reference = _reference_date(parsed)
    for d in drafts:
        d.hedged = _clause_hedged(d, drafts)
        d.historical = claim_is_historical(d, parsed, reference)
        d.update = cues().update.search(d.sentence.text) is not None
        if (
            d.quantity is not None
            and _old_in_sentence(d)
            and "up from" in d.noun.doc[: d.quantity.start].text.lower()
        ):
            d.superseded = True
    _hedge_from_disclaimer(drafts, parsed)
    _mark_superseded(drafts)


def _hedge_from_disclaimer(drafts: list[Draft], parsed: ParsedDocument) -> None:
    """ "The claim could not be independently verified." right after a claim hedges that claim."""
    with_claims = {d.sentence.index for d in drafts}
    for d in drafts:
        nxt = d.sentence.index + 1
        if nxt >= len(parsed.sentences) or nxt in with_claims:
            continue
        following = parsed.sentences[nxt]
        if following.paragraph == d.sentence.paragraph and is_hedged(following.text):
            d.hedged = True
