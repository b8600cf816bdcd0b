"""Subsets: which claims are part of another claim (`part_of`).

- inside a sentence: "31 victims, including nine children", "at least 31 people, among them four
  women", "1,203 killed, 870 of them civilians", "seven of the 19 wounded";
- across sentences: a breakdown ("Among the dead were 9 children", "The dead include ...") is part
  of the latest earlier total with the same outcome in the same paragraph that is large enough.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from observatory.extract.claims.patterns import subset_marker_before
from observatory.extract.document import ParsedDocument

if TYPE_CHECKING:
    from observatory.extract.claims.builder import Draft

_PRONOUNS = frozenset({"them", "whom", "those", "these", "which"})
# Which groups a total of each group can contain: a civilian toll includes children and women, never
# fighters or security forces; a toll of "people" contains everyone.
_CIVILIAN_PARTS = frozenset(
    {"children", "women", "men", "journalists", "aid_workers", "medical", "civilians"}
)


def covers(parent: str, child: str) -> bool:
    if parent in {"people", "unknown"}:
        return True
    return parent == "civilians" and child in _CIVILIAN_PARTS


def _low(d: Draft) -> int:
    return d.count.low if d.count.low is not None else (d.count.high or 0)


def _same_sentence_parent(d: Draft, drafts: list[Draft]) -> Draft | None:
    peers = [p for p in drafts if p.sentence is d.sentence and p is not d]
    if d.link.subset_of is not None:
        target = d.link.subset_of
        for p in peers:
            if p.noun.i == target.i or (p.quantity and p.quantity.start <= target.i < p.quantity.end):
                return p
    # "four women" apposed to "31 people" with "among them"/"of them" inside it (or inside the
    # first conjunct: "among them four women and nine children").
    first = d.noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    marker = any(
        c.dep_ == "prep"
        and c.lower_ in {"among", "including", "of"}
        and any(g.lower_ in _PRONOUNS for g in c.children)
        for t in {d.noun, first}
        for c in t.children
    ) or (d.quantity is not None and subset_marker_before(d.noun.doc, d.quantity.start))
    if marker or d.noun.dep_ == "appos" or first.dep_ == "appos":
        t = d.noun
        for _ in range(4):
            if t.dep_ not in {"appos", "conj"} or t.head.i == t.i:
                break
            t = t.head
            for p in peers:
                if p.noun.i == t.i and _low(p) >= _low(d):
                    return p
        if marker:
            before = [p for p in peers if p.noun.i < d.noun.i and p.part_of is None and _low(p) >= _low(d)]
            if before:
                return before[-1]
    return None


def _earlier_total(d: Draft, drafts: list[Draft], index: int) -> Draft | None:
    """The latest total before `d` in its paragraph or the one before it that can contain it."""
    for p in reversed(drafts[:index]):
        if p.sentence.paragraph < d.sentence.paragraph - 1:
            break
        if p.sentence is d.sentence and p.noun.i > d.noun.i:
            continue
        if (
            p.link.outcome == d.link.outcome
            and covers(p.victims.group, d.victims.group)
            and _low(p) >= _low(d)
        ):
            return p
    return None


def _conj_root(t: Token) -> Token:
    while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
        t = t.head
    return t


def _sum_breakdowns(drafts: list[Draft]) -> None:
    """ "52 people, 9 policemen and 43 civilians": when the first of a list equals the sum of the
    others, the others are its breakdown (however the parser attached them)."""
    groups: dict[tuple[int, int], list[Draft]] = {}
    for d in drafts:
        if d.quantity is not None and d.parent is None:
            groups.setdefault((d.sentence.index, _conj_root(d.noun).i), []).append(d)
    for members in groups.values():
        if len(members) < 3:
            continue
        first, rest = members[0], members[1:]
        if first.count.low is not None and first.count.low == sum(_low(r) for r in rest):
            for r in rest:
                if r.link.outcome == first.link.outcome:
                    r.parent = first


def link_subsets(drafts: list[Draft], parsed: ParsedDocument) -> None:
    _sum_breakdowns(drafts)
    for i, d in enumerate(drafts):
        known = d.parent
        parent = known if known is not None else _same_sentence_parent(d, drafts)
        subset_elsewhere = d.link.subset_of is not None and known is None
        if parent is None and (d.link.breakdown or subset_elsewhere):
            parent = _earlier_total(d, drafts, i)
        if parent is not None and parent is not d:
            d.part_of = parent.claim_id
