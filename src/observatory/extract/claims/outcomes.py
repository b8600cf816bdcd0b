"""Tie a counted noun to a casualty outcome by walking the dependency parse.

`link_outcome(noun)` climbs from the counted noun towards the clause head and returns the outcome
when the noun is the victim of a casualty word: passive subject or object of a transitive verb
("12 people were killed", "killing 12"), subject of an intransitive verb or predicate
("745 civilians have died", "12 are missing", "were among the dead"), a noun with an outcome
modifier ("31 bodies", "the 19 wounded", "12 people killed"), or the value of a toll ("the death
toll rose to 1,000", "the number of injured reached 38"). Along the way it records negation
("none of the ... were hurt") and subset markers ("including", "among them", "among the 14 killed").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from observatory.extract.claims import vocab
from observatory.models import OUTCOMES, Outcome

_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj"})
_COMPLEMENT = frozenset({"acomp", "oprd", "xcomp", "attr", "advmod"})
_SUBSET_PREPS = frozenset({"including", "include", "among", "includes"})
_PASS_THROUGH = frozenset(
    {"conj", "appos", "nummod", "quantmod", "compound", "npadvmod", "amod", "nmod", "det"}
)
_NOMINAL = frozenset({"nsubj", "nsubjpass", "pobj", "dobj", "conj", "appos", "attr", "ROOT"})
# Nouns whose value is a count of an outcome named in their "of" complement ("the number of injured").
_TALLY_NOUNS = frozenset({"number", "figure", "tally", "count", "estimate", "total"})
# Verbs that restate a figure given before ("revised it to 58", "raised it to 22").
_REVISING = frozenset({"revise", "raise", "lower", "update", "correct", "increase", "adjust", "put", "bring"})
# Heads of count qualifiers ending in "of" ("upwards of", "in excess of", "a minimum of").
_OF_QUALIFIERS = frozenset({"upwards", "upward", "excess", "minimum"})


@dataclass
class Link:
    outcome: Outcome
    trigger: Token
    negated: bool = False
    subset_of: Token | None = None  # noun of the including total ("31 victims, including nine children")
    breakdown: bool = False  # "were among the dead", "the dead included": part of a total given before
    group_noun: Token | None = None  # who a bare figure counts ("the number of people abducted ... 62")
    refers_back: bool = False  # "the number had risen to 14": outcome and victims of the figure before


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _phrase_match(verb: Token) -> tuple[Outcome, Token] | None:
    """Verb + complement patterns ("shot dead", "laid to rest", "lost their lives"): the outcome
    and the complement token."""
    phrases = vocab.outcomes().phrases
    head = _lemma(verb)
    for child in verb.children:
        for t in (child, *child.children):
            hit = phrases.get((head, _lemma(t)))
            if hit:
                return hit, t
    return None


def phrase_outcome(verb: Token) -> Outcome | None:
    found = _phrase_match(verb)
    return found[0] if found else None


def word_outcome(t: Token) -> Outcome | None:
    """Outcome carried by a single word (any use)."""
    v = vocab.outcomes()
    lemma, low = _lemma(t), t.lower_
    if t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB"):
        return (
            phrase_outcome(t) or v.transitive.get(lemma) or v.intransitive.get(lemma) or v.adjectives.get(low)
        )
    if t.pos_ == "ADJ":
        return v.adjectives.get(low) or v.adjectives.get(lemma)
    if t.pos_ in {"NOUN", "PROPN"}:
        return v.nouns.get(lemma) or v.nouns.get(low) or v.adjectives.get(low)
    return None


def _is_negated(t: Token) -> bool:
    negators = vocab.outcomes().negators
    return any(c.dep_ == "neg" or (c.lower_ in negators and not _boundphrase_outcome(c)) for c in t.children)


def _boundphrase_outcome(t: Token) -> bool:
    """ "no" inside "no fewer than" / "no less than" / "no more than" is a qualifier, not a negation."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return t.lower_ == "no" and nxt is not None and nxt.lower_ in {"fewer", "less", "more"}


def noun_outcome(noun: Token) -> Token | None:
    """An outcome inside the noun phrase: the noun itself or an outcome modifier."""
    nominal = noun.pos_ in {"NOUN", "PROPN", "ADJ"} or noun.dep_ in _NOMINAL
    # A verb form counts only where it is used as a noun ("among the wounded", "the dead").
    verb_as_noun = noun.pos_ not in {"VERB", "AUX"} or noun.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj"}
    if nominal and verb_as_noun and not noun.like_num and word_outcome(noun):
        return noun
    for child in noun.children:
        if child.dep_ in {"amod", "acl", "compound", "relcl"} and word_outcome(child):
            if child.dep_ in {"acl", "relcl"} and any(c.dep_ == "dobj" for c in child.children):
                continue
            return child
    return None


def _of_complement(noun: Token) -> Token | None:
    return next(
        (
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def tally_outcome(noun: Token) -> Link | None:
    """ "the death toll", "the number of injured", "the estimate of 12 insurgents killed"."""
    lemma = _lemma(noun)
    if lemma == "toll":
        injured = any(_lemma(c) in {"injury", "casualty"} for c in noun.children)
        return None if injured else Link("killed", noun)
    if lemma not in _TALLY_NOUNS:
        return None
    target = _of_complement(noun)
    if target is None:
        # "it said the number had risen to 14": the figure stated just before.
        definite = any(
            c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its", "their"}
            for c in noun.children
        )
        return (
            Link("killed", noun, refers_back=True)
            if definite and lemma in {"number", "figure", "tally"}
            else None
        )
    if word_outcome(target) and target.pos_ != "NUM":
        return Link(word_outcome(target) or "killed", target)
    hit = noun_outcome(target)
    if hit is not None:
        return Link(word_outcome(hit) or "killed", hit, group_noun=target)
    return None


def _severest(hit: Token) -> Token:
    """ "were rounded up and shot dead": the conjoined verb sharing the subject with the worst outcome."""
    best, rank = hit, OUTCOMES.index(word_outcome(hit) or "killed")
    for conj in hit.children:
        if conj.dep_ != "conj" or any(c.dep_ in _SUBJECT for c in conj.children):
            continue
        outcome = word_outcome(conj)
        if outcome and OUTCOMES.index(outcome) < rank:
            best, rank = conj, OUTCOMES.index(outcome)
    return best


def _make(
    hit: Token, *, negated: bool = False, subset_of: Token | None = None, breakdown: bool = False
) -> Link:
    hit = _severest(hit) if hit.pos_ in {"VERB", "AUX"} else hit
    return Link(word_outcome(hit) or "killed", hit, negated=negated, subset_of=subset_of, breakdown=breakdown)


def _verb_outcome(verb: Token, role: str) -> Link | None:
    """Outcome of the clause whose head is `verb`, for a participant in `role`."""
    v = vocab.outcomes()
    lemma = _lemma(verb)
    phrase = _phrase_match(verb)
    # The phrase complement may be the object ("lost their lives"); any other object means the
    # subject is the perpetrator ("gunmen shot dead 12 people").
    has_object = any(c.dep_ == "dobj" and (phrase is None or c.i != phrase[1].i) for c in verb.children)
    if phrase is not None and (role != "nsubj" or not has_object):
        return _make(verb)
    if role in {"nsubjpass", "dobj"} and lemma in v.transitive:
        return _make(verb)
    if role == "nsubj" and (lemma in v.intransitive or (lemma in v.transitive and not has_object)):
        return _make(verb)
    if role == "nsubj" and (verb.pos_ == "ADJ" or verb.lower_ in v.adjectives) and word_outcome(verb):
        return _make(verb)  # "12 are dead", "7 fishermen are still missing" (tagged as the verb "miss")
    # "were reported killed", "are dead", "remain missing", "left 12 dead", "were among the dead"
    for child in verb.children:
        if child.dep_ in _COMPLEMENT and word_outcome(child):
            return _make(child)
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                if word_outcome(pobj):
                    return _make(pobj, breakdown=True)
                hit = noun_outcome(pobj)
                if hit is not None:
                    return _make(hit, subset_of=pobj)  # "were among the 14 people killed"
    if role == "dobj" and lemma == "include":
        subj = next((c for c in verb.children if c.dep_ in _SUBJECT), None)
        if subj is not None:
            if word_outcome(subj):
                return _make(subj, breakdown=True)  # "the dead included ..."
            hit = noun_outcome(subj)
            if hit is not None:
                return _make(hit, subset_of=subj)  # "the 97 civilians killed included ..."
    # "the death toll rose to 1,000", "estimated the toll at over 200", "the number of injured reached 38"
    if role in {"pobj", "dobj", "attr"}:
        for child in verb.children:
            if child.dep_ in _SUBJECT | {"dobj"} and child.pos_ in {"NOUN", "ADJ"}:
                link = tally_outcome(child)
                if link is None and _lemma(child) in v.nouns and _lemma(child) != "body":
                    link = Link(v.nouns[_lemma(child)], child)
                if link is not None:
                    return link
        if verb.dep_ == "acl":
            return tally_outcome(verb.head)  # "the number of wounded, given as 23, ..."
        if lemma in _REVISING and any(
            c.dep_ == "dobj" and c.lower_ in {"it", "this", "that"} for c in verb.children
        ):
            return Link("killed", verb, refers_back=True)  # "later revised it to 58": the figure before
    return None


def _climb_to_verb(t: Token) -> Token | None:
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"}:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _from_prep(prep: Token, negated: bool, subset_of: Token | None) -> tuple[Link | None, Token | None]:
    """Outcome for a noun governed by `prep`; returns (link, next token to climb from)."""
    head = prep.head
    if prep.lower_ in _SUBSET_PREPS and head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
        return None, head
    if prep.lower_ in _SUBSET_PREPS and head.pos_ in {"VERB", "AUX"}:
        # "412 people were killed ..., including 236 civilians" / "the toll has risen to 163, including
        # 97 civilians": a subset of the verb's victims or of the figure it reaches.
        victim = next((c for c in head.children if c.dep_ in {"nsubjpass", "dobj", "nsubj"}), None)
        figure = next(
            (
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in {"to", "at"}
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        link = _verb_outcome(head, "nsubjpass") or _verb_outcome(head, "nsubj")
        if link is None and figure is not None:
            link, victim = _verb_outcome(head, "pobj"), figure
        if link is not None:
            link.subset_of = victim
            link.group_noun = None
        return link, None
    if head.pos_ in {"NOUN", "ADJ", "PROPN"} and prep.lower_ == "of":
        hit = noun_outcome(head)
        if hit is not None:
            return _make(hit, negated=negated or _is_negated(hit), subset_of=subset_of), None
        tally = tally_outcome(head) if _lemma(head) in _TALLY_NOUNS | {"toll"} else None
        if tally is not None:
            return tally, None
        return None, head
    verb = _climb_to_verb(head)
    if verb is not None:
        link = _verb_outcome(verb, "pobj")
        if link is not None:
            link.negated = negated or _is_negated(verb)
            link.subset_of = link.subset_of or subset_of
        return link, None
    return None, None


def link_outcome(noun: Token, max_steps: int = 7) -> Link | None:
    """Outcome for the victims named by `noun` (the counted noun or the number itself)."""
    negators = vocab.outcomes().negators
    negated = False
    subset_of: Token | None = None
    own = noun_outcome(noun)
    if own is not None and own.dep_ == "amod" and own.i < noun.i and noun.dep_ in _SUBJECT | {"dobj"}:
        # "killed 19 displaced people": an attributive state describes who the victims were; a
        # severer outcome verb says what happened to them ("evacuated 12 wounded people" stays injured).
        role = "nsubjpass" if noun.dep_ == "nsubjpass" else noun.dep_
        verb = _verb_outcome(noun.head, role) if noun.head.pos_ in {"VERB", "AUX"} else None
        if verb is not None and OUTCOMES.index(verb.outcome) < OUTCOMES.index(word_outcome(own) or "killed"):
            verb.negated = verb.negated or _is_negated(noun.head)
            return verb
    if own is not None:
        return Link(word_outcome(own) or "killed", own, _is_negated(own), None)
    t = noun
    for _ in range(max_steps):
        if (t.lower_ in negators and not _boundphrase_outcome(t)) or any(
            c.dep_ == "det" and c.lower_ == "no" and not _boundphrase_outcome(c) for c in t.children
        ):
            negated = True
        head = t.head
        if head.i == t.i:
            return None
        dep = t.dep_
        if dep == "pobj" and head.lower_ == "between" and head.head.pos_ == "VERB":
            # "abducted between 12 and 15 aid workers": the range is the verb's object.
            has_object = any(c.dep_ == "dobj" for c in head.head.children)
            dep, head = ("nsubj" if has_object else "dobj"), head.head
        if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in _OF_QUALIFIERS:
            # "wounding upwards of 30": the qualifier's "of" phrase is the count itself.
            t = head.head
            if t.dep_ in {"advmod", "npadvmod", "prep"} and t.head.pos_ in {"VERB", "AUX"}:
                dep, head = "dobj", t.head
            else:
                continue
        if dep == "pobj" and head.dep_ == "mark" and head.head.pos_ in {"VERB", "AUX"}:
            # A mis-parsed subject after "that" ("reports indicate that 745 civilians ... have died").
            dep, head = "nsubj", head.head
        if dep == "pobj":
            if head.lower_ in _SUBSET_PREPS:
                subset_of = head.head
            link, climb = _from_prep(head, negated, subset_of)
            if link is not None or climb is None:
                return link
            t = climb
            continue
        if dep == "prep" and t.lower_ in _SUBSET_PREPS:
            subset_of = head
            t = head
            continue
        if dep in _PASS_THROUGH or dep == "prep":
            t = head
            continue
        if dep in _SUBJECT | {"dobj", "attr", "oprd"} and head.pos_ in {"VERB", "AUX", "ADJ"}:
            role = "nsubjpass" if dep == "nsubjpass" else dep
            link = _verb_outcome(head, role)
            if link is None:
                return None
            link.negated = negated or _is_negated(head) or _is_negated(link.trigger)
            link.subset_of = link.subset_of or subset_of
            return link
        return None
    return None
