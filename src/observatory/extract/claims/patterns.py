"""Sentence patterns that the plain number -> noun -> outcome walk cannot see on its own.

- "1,203 killed, 870 of them civilians": a count followed by "of them/whom" is a subset of the
  claim before it and takes its outcome;
- "Of the 56 people who died, 38 were civilians": a bare count whose only predicate is "were
  <group>" is a subset of the claim before it;
- "a mother and her two daughters were killed": a coordination of relatives (a possessive joins
  them) is one group of victims, counted together (3), with children kept as a subset;
- "the 45-year-old commander was arrested": one victim named by age.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from observatory.extract.claims import vocab
from observatory.extract.claims.counts import Quantity
from observatory.extract.claims.outcomes import Link
from observatory.extract.claims.victims import describe, is_person_noun
from observatory.extract.document import Sentence
from observatory.models import Count, Victims

if TYPE_CHECKING:
    from observatory.extract.claims.builder import Draft

_SUBSET_PRONOUNS = frozenset({"them", "whom", "those", "these"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our"})


def be_attribute(noun: Token) -> Token | None:
    """ "38 were civilians": the person noun predicated of a bare count."""
    head = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or head.lemma_ != "be":
        return None
    attr = next((c for c in head.children if c.dep_ in {"attr", "acomp"}), None)
    if attr is not None and attr.pos_ in {"NOUN", "PROPN"} and is_person_noun(attr):
        return attr
    return None


def _parent_before(q: Quantity, drafts: list[Draft]) -> Draft | None:
    before = [
        d for d in drafts if d.quantity is not None and d.quantity.start < q.start and d.part_of is None
    ]
    return before[-1] if before else None


def subset_drafts(
    sentence: Sentence,
    doc: Doc,
    pending: list[tuple[Quantity, Token]],
    drafts: list[Draft],
    make: type[Draft],
) -> list[Draft]:
    """Counts left without an outcome that are subsets of an earlier claim of the sentence."""
    found: list[Draft] = []
    for q, noun in pending:
        parent = _parent_before(q, drafts)
        if parent is None:
            continue
        low = q.count.low if q.count.low is not None else q.count.high
        parent_low = parent.count.low if parent.count.low is not None else parent.count.high
        if low is None or parent_low is None or low > parent_low:
            continue
        victims: Victims | None = None
        if subset_marker_before(doc, q.start):
            # "killed seven people, among them two journalists": the parser often leaves the
            # apposed count without a role.
            if not is_person_noun(noun):
                continue
            victims = describe(noun, range(q.start, q.end))
        elif q.end + 1 < len(doc) and doc[q.end].lower_ == "of" and doc[q.end + 1].lower_ in _SUBSET_PRONOUNS:
            group_tok = next((t for t in doc[q.end + 2 : q.end + 5] if t.pos_ in {"NOUN", "PROPN"}), None)
            victims = (
                describe(group_tok, range(0)) if group_tok is not None and is_person_noun(group_tok) else None
            )
            if victims is None:
                continue  # "two of them with gunshot wounds" restricts, it names no group
        else:
            attr = be_attribute(noun)
            if attr is None:
                continue
            victims = describe(attr, range(q.start, q.end))
        link = Link(parent.link.outcome, parent.link.trigger)
        draft = make(sentence, noun, link, q.count, victims, q)
        draft.parent = parent
        found.append(draft)
    return found


def subset_marker_before(doc: Doc, start: int) -> bool:
    """ "..., among them two journalists", "among whom were six", "including four": the words just
    before a count say it is part of the figure before it."""
    j = start - 1
    if j >= 0 and doc[j].lower_ in {"were", "are", "was"}:
        j -= 1
    if j >= 0 and doc[j].lower_ in {"including", "includes", "included"}:
        return True
    return j >= 1 and doc[j].lower_ in _SUBSET_PRONOUNS and doc[j - 1].lower_ in {"among", "including"}


def has_age(tok: Token) -> bool:
    """ "the 45-year-old commander": an age modifier names one individual."""
    return any(t.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in t.subtree) for t in tok.lefts)


def _conjuncts(root: Token) -> list[Token]:
    chain = [root]
    for child in root.children:
        if child.dep_ == "conj":
            chain.extend(_conjuncts(child))
    return chain


def merge_relatives(drafts: list[Draft], doc: Doc, make: type[Draft]) -> list[Draft]:
    """One claim for a coordination of relatives ("a farmer, his wife and their three children" = 5)."""
    by_root: dict[int, list[Draft]] = {}
    for d in drafts:
        root = d.noun
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        by_root.setdefault(root.i, []).append(d)
    merged: list[Draft] = []
    for root_i, group in by_root.items():
        members = _conjuncts(doc[root_i])
        possessive = any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for m in members for c in m.children)
        same_outcome = len({d.link.outcome for d in group}) == 1
        counted = {d.noun.i for d in group}
        # Relatives named without a count ("the village chief and his two brothers") count one each.
        people = vocab.victims().singular_people
        singles = [
            m
            for m in members
            if m.i not in counted and m.tag_ == "NN" and (m.lemma_.lower() in people or is_person_noun(m))
        ]
        if len(group) + len(singles) < 2 or not possessive or not same_outcome:
            merged.extend(group)
            continue
        total = sum(d.count.low or 0 for d in group) + len(singles)
        groups = {d.victims.group for d in group}
        start = min(t.i for m in members for t in m.subtree if t.dep_ != "punct")
        end = max(m.i for m in members) + 1
        victims = Victims(group=groups.pop() if len(groups) == 1 else "people", label=doc[start:end].text)
        first = group[0]
        whole = make(
            first.sentence,
            first.noun,
            first.link,
            Count(low=total, high=total, qualifier="exact", text=doc[start:end].text),
            victims,
            first.quantity,
        )
        merged.append(whole)
        for d in group:
            if (
                d.noun.lemma_.lower() == "child"
                and (d.count.low or 0) >= 2
                and d.victims.group != victims.group
            ):
                d.parent = whole
                merged.append(d)
    return merged


def singular_allowed(tok: Token, det: Token | None) -> bool:
    dets = {"a", "an", "one", "his", "her", "their", "its", "another", "my", "our"}
    if det is not None and det.lower_ in dets:
        return True
    return (
        det is not None
        and det.lower_ == "the"
        and has_age(tok)
        and tok.lemma_.lower() in vocab.victims().singular_people
    )


def _chain_root(t: Token) -> Token:
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t


def _mergeable(a: Draft, b: Draft) -> bool:
    """Two counts coordinated under the same outcome word, of the same group and side, both exact
    and neither a part of another figure."""
    return (
        a.link.outcome == b.link.outcome
        and a.link.trigger.i == b.link.trigger.i
        and (a.victims.group, a.victims.side) == (b.victims.group, b.victims.side)
        and a.victims.group not in {"people", "unknown"}
        and a.count.qualifier == b.count.qualifier == "exact"
        and all(d.parent is None and d.link.subset_of is None and not d.link.breakdown for d in (a, b))
    )


def merge_same_group(drafts: list[Draft], doc: Doc, make: type[Draft]) -> list[Draft]:
    """ "abducted two doctors and a nurse": coordinated counts of the same victim group are one
    claim with their sum (3 medical); different groups ("six women and four children") stay
    apart, and a list whose first count is the sum of the rest (a total and its breakdown) too."""
    chains: dict[int, list[Draft]] = {}
    for d in drafts:
        chains.setdefault(_chain_root(d.noun).i, []).append(d)
    out: list[Draft] = []
    for d in drafts:
        chain = chains[_chain_root(d.noun).i]
        if d is not chain[0]:
            continue
        rest = [p for p in chain[1:] if _mergeable(chain[0], p)]
        values = [x.count.low or 0 for x in chain]
        is_total = len(values) > 2 and values[0] == sum(values[1:])
        if not rest or is_total:
            out.extend(chain)
            continue
        group = [chain[0], *rest]
        total = sum(x.count.low or 0 for x in group)
        start = min(t.i for x in group for t in x.noun.subtree if t.i <= x.noun.i and t.dep_ != "punct")
        span = doc[start : max(x.noun.i for x in group) + 1]
        first = group[0]
        victims = first.victims.model_copy(update={"label": span.text})
        count = Count(low=total, high=total, qualifier="exact", text=span.text)
        out.append(make(first.sentence, first.noun, first.link, count, victims, first.quantity))
        out.extend(p for p in chain[1:] if p not in rest)
    return sorted(out, key=lambda d: d.quantity.start if d.quantity else d.noun.i)
