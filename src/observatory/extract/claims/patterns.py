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
        if q.end + 1 < len(doc) and doc[q.end].lower_ == "of" and doc[q.end + 1].lower_ in _SUBSET_PRONOUNS:
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
