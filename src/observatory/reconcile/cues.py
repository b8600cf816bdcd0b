"""Statements in a document's sentences that matter across outlets: who started the violence,
who denies it, who the victims were, and which source a statement is attributed to.

Works on the plain text (reconcile has no parser): sentences are split with a regular expression,
cue phrases come from `data/reconcile.yaml`, actors from the extract stage's actor mentions
(falling back to the words after the cue when no actor was recognised there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from observatory.models import ActorMention, DocumentInput, Quote
from observatory.reconcile.figures import normalise
from observatory.reconcile.vocab import vocab

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# The noun phrase after a cue: up to six words, ending before a preposition or punctuation.
_LABEL_AFTER = re.compile(
    r"^[\W]*?((?:the\s+)?[\w'’()\-]+(?:\s+[\w'’()\-]+){0,5}?)"
    r"(?=\s+(?:on|in|at|against|near|who|which|that|after|to|for|from)\b|[,.;:!?”\"]|$)"
)


AUTHORITY_TYPES = frozenset({"government", "state_force", "military"})
_PRONOUN = re.compile(r"^(?:\W*\w+\W+){0,2}?(?:it|they|he|she|the government|officials)\b", re.IGNORECASE)
# Between a subject and its verb: "RSF denies", "the army has flatly denied".
_ADJACENT = re.compile(
    r"\s*(?:(?:has|have|had|also|again|strongly|flatly|repeatedly|swiftly|officially)\s+)*"
)
_AUTHORITY_SUBJECT = re.compile(
    r"^((?:the\s+)?(?:[\w'’\-]+\s+){0,4}?(?:government|ministry|army|military|authorities|officials?|"
    r"spokes(?:man|woman|person)|police|president|leadership|presidency))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Statement:
    doc: str
    kind: str  # initiator | denial | civilian_status | combatant_status
    sentence: Sentence
    key: str = ""  # who it names (side, else actor, else label), normalised
    label: str = ""  # the words as written
    source: str = ""  # name of the source the sentence is attributed to, if any


def split_sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _add(found, text, start, m.start() + len(m.group(0).rstrip()) if m.group(0).strip() else m.start())
        start = m.end()
    _add(found, text, start, len(text))
    return found


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + piece.index(stripped[0])
        found.append(Sentence(offset, offset + len(stripped), stripped))


def actor_key(actor: ActorMention) -> str:
    """Compare actors by side (allies agree), else canonical name, else the words used."""
    return normalise(actor.side or actor.actor or actor.text)


def find_statements(
    doc: DocumentInput,
    actors: Iterable[ActorMention],
    sources: dict[str, str],
    years: set[int],
    quotes: Iterable[Quote] = (),
) -> list[Statement]:
    """Cue sentences of one document. `sources` maps alias (lower-case) -> source name."""
    spoken = [q for q in quotes if q.speaker]
    v = vocab()
    mentions = sorted(actors, key=lambda a: a.span[0])
    found: list[Statement] = []
    previous: list[ActorMention] = []
    last_source = ""
    for sent in split_sentences(doc.text):
        if any(int(y) not in years for y in v.background_year.findall(sent.text)):
            continue  # background paragraph about another year
        named = _source_in(sent.text, sources)
        source = named or _anaphoric_source(sent.text, last_source)
        last_source = named or last_source
        here = [a for a in mentions if sent.start <= a.span[0] < sent.end and _is_party(a)]
        found.extend(_initiators(doc.id, sent, here, source))
        cue = next((m for p in v.denial if (m := p.search(sent.text))), None)
        if cue is not None:
            # Words inside a quote are the speaker's, whoever else the sentence names.
            speaker = next(
                (q.speaker for q in spoken if q.span[0] < sent.end and sent.start < q.span[1]), None
            )
            party = speaker or _denying_party(sent, here, previous, sent.start + cue.start())
            found.append(Statement(doc.id, "denial", sent, key=normalise(party), label=party, source=source))
        previous = here or previous
        for kind, patterns in (
            ("civilian_status", v.civilian_status),
            ("combatant_status", v.combatant_status),
        ):
            if any(p.search(sent.text) for p in patterns):
                found.append(Statement(doc.id, kind, sent, source=source))
    return found


def _denying_party(sent: Sentence, here: list[ActorMention], previous: list[ActorMention], cue: int) -> str:
    """Who denies: an authority named in the sentence, the actor right before the cue ("RSF
    denies"), the actor an opening pronoun refers to, the sentence's opening noun phrase ("The X
    government has ..."), else nobody named."""
    authorities = [a for a in here if a.type in AUTHORITY_TYPES]
    if authorities:
        return authorities[0].actor or authorities[0].text
    adjacent = [
        a
        for a in here
        if a.span[1] <= cue and _ADJACENT.fullmatch(sent.text[a.span[1] - sent.start : cue - sent.start])
    ]
    if adjacent:
        return adjacent[-1].actor or adjacent[-1].text
    if _PRONOUN.match(sent.text):
        earlier = [a for a in previous if a.type in AUTHORITY_TYPES] or previous
        if earlier:
            return earlier[-1].actor or earlier[-1].text
    subject = _AUTHORITY_SUBJECT.match(sent.text)
    if subject:
        return subject.group(1)
    return here[0].actor or here[0].text if here else ""


def _is_party(actor: ActorMention) -> bool:
    return actor.type not in ("monitor", "un_ngo", "media")


def _initiators(doc: str, sent: Sentence, actors: list[ActorMention], source: str) -> list[Statement]:
    v = vocab()
    found: list[Statement] = []
    for pattern in v.initiator_after:
        for m in pattern.finditer(sent.text):
            # The initiator is the phrase right after the cue ("an attack by X on Y" names X, not Y).
            label = _LABEL_AFTER.match(sent.text[m.end() :])
            if not label:
                continue
            lo, hi = sent.start + m.end() + label.start(1), sent.start + m.end() + label.end(1)
            inside = [a for a in actors if lo <= a.span[0] < hi]
            if inside:
                found.append(Statement(doc, "initiator", sent, actor_key(inside[0]), inside[0].text, source))
            else:
                words = label.group(1)
                found.append(Statement(doc, "initiator", sent, normalise(words), words, source))
    # "set off by an attack by X" matches twice: keep the innermost phrase, X.
    labels = [s.label.lower() for s in found]
    found = [s for s in found if not any(o != s.label.lower() and o in s.label.lower() for o in labels)]
    if any(p.search(sent.text) for p in v.responder):
        return found
    for pattern in v.initiator_before:
        for m in pattern.finditer(sent.text):
            cut = sent.start + m.start()
            before = [a for a in actors if a.span[1] <= cut]
            if before:
                found.append(
                    Statement(doc, "initiator", sent, actor_key(before[-1]), before[-1].text, source)
                )
    return found


_ANAPHORA = re.compile(
    r"\b(?:the|this|that) (network|monitor|observatory|group|organi[sz]ation|committee|agency)\b|\b(it)\b",
    re.I,
)
# A source is the one a sentence is attributed to only in an attribution construction.
_REPORTING_AFTER = re.compile(
    r"^[\W]*(?:\([^)]*\)\W*)?(?:\w+\W+){0,2}?(?:said|says|reported|told|documented|counted|recorded|"
    r"estimated|confirmed|stated|added|announced|accused|blamed)\b",
    re.I,
)
_IT_SAID = re.compile(r"\s+(?:said|says|reported|added|told)\b", re.I)
_ACCORDING_BEFORE = re.compile(r"\b(?:according to|cited by|citing|quoted by)\s+$", re.I)


def _attributed(text: str, start: int, end: int) -> bool:
    return bool(
        _REPORTING_AFTER.match(text[end:]) or _ACCORDING_BEFORE.search(text[max(0, start - 20) : start])
    )


def _anaphoric_source(text: str, last: str) -> str:
    """ "the network said" / "it said" after a sentence naming the Darfur Rights Network."""
    if not last:
        return ""
    for m in _ANAPHORA.finditer(text):
        noun = (m.group(1) or "").lower()
        if noun and noun[:8] in last.lower() and _attributed(text, m.start(), m.end()):
            return last
        if not noun and _IT_SAID.match(text[m.end() :]):
            return last
    return ""


def _source_in(text: str, sources: dict[str, str]) -> str:
    low = text.lower()
    for alias in sorted(sources, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w]){re.escape(alias)}(?![\w])", low):
            if _attributed(low, m.start(), m.end()):
                return sources[alias]
    return ""


def source_aliases(names: Iterable[str], texts: Iterable[str]) -> dict[str, str]:
    """Aliases of the incident's named sources: the name, its acronym, "Name (ACR)" in the texts."""
    aliases: dict[str, str] = {}
    for name in names:
        if not name:
            continue
        key = name
        aliases[name.lower()] = key
        words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
        if len(words) >= 3:
            aliases["".join(w[0] for w in words).lower()] = key
    for text in texts:
        for full, acronym in re.findall(r"([A-Z][\w'’\-]+(?:\s+[\w'’\-]+){1,7})\s+\(([A-Z]{2,8})\)", text):
            for alias, key in list(aliases.items()):
                if alias in full.lower() or alias == acronym.lower():
                    aliases[acronym.lower()] = key
                    aliases[full.lower()] = key
    return aliases
