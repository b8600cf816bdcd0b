"""Victim group, side and readable label of a counted noun phrase."""

from __future__ import annotations

import re

from spacy.tokens import Token

from observatory.extract.claims import vocab
from observatory.models import VictimGroup, Victims

_LABEL_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case"})
_SIDE = re.compile(r"^(pro|anti)[-‐]?([A-Z][\w'’-]*|\w+)$", re.IGNORECASE)


def group_noun(noun: Token) -> Token:
    """The noun that names the victims: follows "of" from generic/collective/number heads
    ("members of the security forces", "dozens of civilians"); stays on a pronoun ("of them")."""
    v = vocab.victims()
    t = noun
    for _ in range(3):
        lemma = t.lemma_.lower()
        if not (t.like_num or t.pos_ == "NUM" or lemma in v.generic or lemma in v.collective):
            break
        pobj = next(
            (
                g
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if pobj is None:
            break
        t = pobj
    return t


def _modifiers(noun: Token) -> list[Token]:
    mods: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in _LABEL_DEPS or (child.dep_ == "punct" and child.text in "-‐"):
            mods.extend(child.subtree)
    return sorted(set(mods), key=lambda t: t.i)


def _match_group(words: list[str]) -> tuple[VictimGroup | None, str]:
    """Longest vocabulary phrase found in the lowercase lemma sequence of the noun phrase."""
    groups = vocab.victims().groups
    n = len(words)
    for size in range(min(4, n), 0, -1):
        # Prefer phrases that end at the head noun (the last word), then anywhere.
        for start in [n - size, *range(n - size - 1, -1, -1)]:
            phrase = " ".join(words[start : start + size])
            if phrase in groups:
                return groups[phrase], phrase
    return None, ""


def _side(tokens: list[Token], group: VictimGroup | None) -> str | None:
    """Side of the victims as stated: "pro-Assad", a side word ("rebel"), or, for fighters and
    security forces, the name or nationality that qualifies them ("Houthi", "FARDC", "Ukrainian")."""
    v = vocab.victims()
    text = "".join(t.text_with_ws for t in tokens).strip()
    m = re.search(r"\b((?:pro|anti)\s?[-‐]\s?[\w'’]+(?:\s[A-Z][\w'’]+)?)", text)
    if m:
        return re.sub(r"\s?[-‐]\s?", "-", m.group(1), count=1)
    for t in tokens:
        side = v.side_words.get(t.lower_)
        if side:
            return side
    if group in {"combatants", "security_forces"}:
        names = [
            t
            for t in tokens[:-1]
            if t.dep_ in {"compound", "amod", "nmod"}
            and t.text[:1].isupper()
            and (t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "ORG", "GPE"})
        ]
        if names:
            return " ".join(t.text for t in names)
    if group is not None:
        return v.default_side.get(group)
    return None


def _is_name(t: Token) -> bool:
    """A proper name (organisation) rather than a common noun: "Hezbollah", "Popular Mobilisation Forces"."""
    return t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i > 0 and t.ent_type_ in {"ORG", "NORP", "FAC"})


def _group_of(noun: Token, head: Token, mods: list[Token]) -> VictimGroup | None:
    v = vocab.victims()
    if head.pos_ == "PRON" and head is not noun:
        return None
    via_member = noun.lemma_.lower() == "member"
    if via_member and (_is_name(head) or any(_is_name(t) for t in mods)):
        # "members of the Popular Mobilisation Forces", "Hezbollah members": an organisation's
        # members are combatants unless the name itself is a security force ("members of the police").
        words = [t.lemma_.lower() for t in mods] + [head.lemma_.lower()]
        group, phrase = _match_group(words)
        return group if group == "security_forces" and " " in phrase else "combatants"
    words = [t.lemma_.lower() for t in mods] + [head.lemma_.lower()]
    group, _ = _match_group(words)
    if group is None:
        group, _ = _match_group([t.lower_ for t in mods] + [head.lower_])
    if group == "women" and any(
        c.dep_ == "conj" and c.lemma_.lower() == "child" and not any(g.dep_ == "nummod" for g in c.children)
        for c in head.children
    ):
        return "civilians"  # "women and children" taken together
    if group is not None:
        return group
    lemma = head.lemma_.lower()
    if (
        lemma in v.collective
        or vocab.outcomes().nouns.get(lemma)
        or vocab.outcomes().adjectives.get(head.lower_)
    ):
        return "people"  # "members of the same family", "58 deaths", "the wounded"
    if head.tag_ == "NNPS":
        return "people"
    if head.ent_type_ == "NORP":
        return "civilians"
    return None


def describe(noun: Token, exclude: range) -> Victims:
    """Victims of a count attached to `noun`; tokens in `exclude` (the count itself) are left out
    of the label."""
    head = group_noun(noun)
    mods = [t for t in _modifiers(head) if t.i not in exclude and t.dep_ != "det"]
    group = _group_of(noun, head, mods)
    label_tokens = _label_tokens(noun, head, exclude)
    label = "".join(t.text_with_ws for t in label_tokens).strip(" ,") or "people"
    if group == "civilians" and head.lemma_.lower() == "woman":
        label = "women and children"
    fallback: VictimGroup = (
        "people" if head.like_num or head.pos_ == "NUM" or head.i in exclude else "unknown"
    )
    return Victims(group=group or fallback, side=_side([*mods, head], group), label=label)


def _label_tokens(noun: Token, head: Token, exclude: range) -> list[Token]:
    """Words of the noun phrase from the counted noun to the group noun, without the count."""
    # When the counted noun is the count itself ("hundreds of people"), the label is the group noun.
    start = head if noun.i in exclude else noun
    tokens: list[Token] = []
    left = min([t.i for t in _modifiers(start)] + [start.i])
    doc = noun.doc
    for t in doc[left : head.i + 1]:
        if t.i in exclude or (t.dep_ == "det" and t.i == left):
            continue
        tokens.append(t)
    if not tokens or all(t.i in exclude for t in tokens):
        return []
    return tokens


def is_person_noun(noun: Token, counted: bool = False) -> bool:
    """True when the noun can name victims (so that "12 vehicles were seized" is not a claim).
    `counted` means the noun is the count itself ("dozens", "12"), which stands for people."""
    head = group_noun(noun)
    if head.like_num or head.pos_ in {"NUM", "PRON"} or (counted and head is noun):
        return True
    v = vocab.victims()
    mods = [t.lemma_.lower() for t in _modifiers(head)] + [head.lemma_.lower()]
    if _match_group(mods)[0] is not None or head.lower_ in v.groups or head.lemma_.lower() in v.collective:
        return True
    if noun.lemma_.lower() == "member":
        return True
    if head.ent_type_ in {"NORP"} or head.tag_ == "NNPS":
        return True
    lemma = head.lemma_.lower()
    return (
        vocab.outcomes().nouns.get(lemma) is not None
        or vocab.outcomes().adjectives.get(head.lower_) is not None
    )
