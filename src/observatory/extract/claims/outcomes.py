"""Tie a counted noun to a casualty outcome by walking the dependency parse.

`link_outcome(noun)` climbs from the counted noun towards the clause head and returns the outcome
when the noun is the victim of a casualty word: passive subject or object of a transitive verb
("12 people were killed", "killing 12"), subject of an intransitive verb or predicate
("745 civilians have died", "12 are missing", "were among the dead"), or a noun with an outcome
modifier ("31 bodies", "the 19 wounded", "12 people killed"). Along the way it records negation
("none of the ... were hurt") and subset markers ("including", "among them").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from observatory.extract.claims import vocab
from observatory.models import Outcome

_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj"})
_COMPLEMENT = frozenset({"acomp", "oprd", "xcomp", "attr", "advmod"})
_SUBSET_PREPS = frozenset({"including", "include", "among", "includes"})
_PASS_THROUGH = frozenset({"conj", "appos", "nummod", "quantmod", "compound", "npadvmod", "amod", "nmod", "det"})


@dataclass
class Link:
    outcome: Outcome
    trigger: Token
    negated: bool = False
    subset_of: Token | None = None  # noun of the including total ("31 victims, including nine children")
    breakdown: bool = False  # "were among the dead", "the dead included": part of a total given before


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _phrase(verb: Token) -> Outcome | None:
    """Verb + complement patterns ("shot dead", "laid to rest", "lost their lives")."""
    phrases = vocab.outcomes().phrases
    head = _lemma(verb)
    for child in verb.children:
        for t in (child, *child.children):
            hit = phrases.get((head, _lemma(t)))
            if hit:
                return hit
    return None


def word_outcome(t: Token) -> Outcome | None:
    """Outcome carried by a single word (any use)."""
    v = vocab.outcomes()
    lemma, low = _lemma(t), t.lower_
    if t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB"):
        return _phrase(t) or v.transitive.get(lemma) or v.intransitive.get(lemma) or v.adjectives.get(low)
    if t.pos_ == "ADJ":
        return v.adjectives.get(low) or v.adjectives.get(lemma)
    if t.pos_ in {"NOUN", "PROPN"}:
        return v.nouns.get(lemma) or v.nouns.get(low) or v.adjectives.get(low)
    return None


def _is_negated(t: Token) -> bool:
    negators = vocab.outcomes().negators
    return any(c.dep_ == "neg" or c.lower_ in negators for c in t.children)


def _noun_outcome(noun: Token) -> Token | None:
    """An outcome inside the noun phrase: the noun itself or an outcome modifier."""
    if noun.pos_ in {"NOUN", "PROPN", "ADJ"} and word_outcome(noun):
        return noun
    for child in noun.children:
        if child.dep_ in {"amod", "acl", "compound", "relcl"} and word_outcome(child):
            if child.dep_ == "acl" and any(c.dep_ == "dobj" for c in child.children):
                continue
            return child
    return None


def _verb_outcome(verb: Token, role: str) -> Token | None:
    """Outcome of the clause whose head is `verb`, for a participant in `role`."""
    v = vocab.outcomes()
    lemma = _lemma(verb)
    has_object = any(c.dep_ in {"dobj"} for c in verb.children)
    if _phrase(verb):
        return verb
    if role in {"nsubjpass", "dobj"} and lemma in v.transitive:
        return verb
    if role == "nsubj" and (lemma in v.intransitive or (lemma in v.transitive and not has_object)):
        return verb
    if role == "nsubj" and (verb.pos_ == "ADJ" or verb.lower_ in v.adjectives) and word_outcome(verb):
        return verb  # "12 are dead", "7 fishermen are still missing" (tagged as the verb "miss")
    # "were reported killed", "are dead", "remain missing", "left 12 dead", "were among the dead"
    for child in verb.children:
        if child.dep_ in _COMPLEMENT and child.dep_ != "conj" and child.dep_ != "dobj" and word_outcome(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                if word_outcome(pobj):
                    return pobj
    # "the death toll rose to 1,000", "estimated the toll at over 200", "the dead include ..."
    if role in {"pobj", "dobj", "attr"}:
        for child in verb.children:
            if child.dep_ in _SUBJECT | {"dobj"} and _lemma(child) in v.nouns and child.pos_ in {"NOUN", "ADJ"}:
                return child
    return None


def link_outcome(noun: Token, max_steps: int = 7) -> Link | None:
    """Outcome for the victims named by `noun` (the counted noun or the number itself)."""
    negators = vocab.outcomes().negators
    negated = False
    subset_of: Token | None = None
    own = _noun_outcome(noun)
    if own is not None:
        return Link(word_outcome(own) or "killed", own, _is_negated(own), None)
    t = noun
    for _ in range(max_steps):
        if t.lower_ in negators or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            negated = True
        head = t.head
        if head.i == t.i:
            return None
        dep = t.dep_
        if dep == "pobj" and head.dep_ == "mark" and head.head.pos_ in {"VERB", "AUX"}:
            # A mis-parsed subject after "that" ("reports indicate that 745 civilians ... have died").
            dep, head = "nsubj", head.head
        if dep == "pobj":
            prep = head
            if prep.lower_ in _SUBSET_PREPS and prep.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
                subset_of = prep.head
                t = prep.head
                continue
            if prep.lower_ == "of" and prep.head.pos_ in {"NOUN", "ADJ"}:
                hit = _noun_outcome(prep.head)
                if hit is not None:
                    return Link(word_outcome(hit) or "killed", hit, negated or _is_negated(hit), subset_of)
                t = prep.head
                continue
            if prep.head.pos_ in {"VERB", "AUX"}:
                hit = _verb_outcome(prep.head, "pobj")
                if hit is not None:
                    return Link(word_outcome(hit) or "killed", hit, negated or _is_negated(prep.head), subset_of)
            return None
        if dep in {"prep"} and t.lower_ in _SUBSET_PREPS:
            subset_of = head
            t = head
            continue
        if dep in _PASS_THROUGH or dep == "prep":
            t = head
            continue
        if dep in _SUBJECT | {"dobj", "attr", "oprd"} and head.pos_ in {"VERB", "AUX", "ADJ"}:
            role = "nsubjpass" if dep == "nsubjpass" else dep
            hit = _verb_outcome(head, role)
            if hit is not None:
                neg = negated or _is_negated(head) or _is_negated(hit)
                breakdown = hit.head.lower_ == "among" or (hit.dep_ in _SUBJECT and _lemma(head) == "include")
                return Link(word_outcome(hit) or "killed", hit, neg, subset_of, breakdown)
            return None
        return None
    return None
