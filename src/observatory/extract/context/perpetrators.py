"""Perpetrator of each claim, from its own sentence only. Owner: context/actors.

Who did the violence is read from the syntax of the claim's sentence, never from nearby text:
the passive agent of a violence verb ("killed by X"), its active subject ("gunmen killed",
"X fighters opened fire", "X launched an attack"), or the agent/possessor/modifier of a violence
noun ("an attack by X", "X's assault", "an Israeli air strike"). Sources ("according to X",
"X reported") and victims ("fighters were among the dead") fill none of these roles. When no
role is filled the perpetrator stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from observatory.extract.context.actor_sentences import sentence_index_at, sentences_of
from observatory.extract.context.event_vocab import PerpetrationVocab, perpetration
from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import ActorMention, Claim, Perpetrator

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PASSIVE_SUBJ = {"nsubjpass", "auxpass"}
_TRIM = {"the", "a", "an", ",", "-", "'s", "’s"}


@dataclass(frozen=True)
class _Candidate:
    start: int  # document offsets of the perpetrator phrase
    end: int
    trigger: int  # document offset of the violence word, to prefer the clause nearest the count
    rank: int  # 0 passive agent, 1 active subject, 2 noun agent/possessor/modifier, 3 linear fallback


def attach_perpetrators(
    claims: list[Claim], parsed: ParsedDocument, actors: list[ActorMention]
) -> list[Claim]:
    sentences = sentences_of(parsed)
    out: list[Claim] = []
    for claim in claims:
        if claim.perpetrator is not None:
            out.append(claim)
            continue
        perp = perpetrator_for(claim, parsed, sentences, actors)
        out.append(claim.model_copy(update={"perpetrator": perp}) if perp else claim)
    return out


def perpetrator_for(
    claim: Claim, parsed: ParsedDocument, sentences: list[Sentence], actors: list[ActorMention]
) -> Perpetrator | None:
    index = sentence_index_at(sentences, claim.span[0])
    if index is None:
        return None
    sentence = sentences[index]
    anchor = _count_position(claim, parsed)
    if sentence.doc is not None:
        cands = _parse_candidates(sentence.doc, sentence.start, perpetration(), actors)
    else:
        cands = _text_candidates(sentence, actors)
    if not cands:
        return None
    best = min(cands, key=lambda c: (abs(c.trigger - anchor), c.rank))
    return _to_perpetrator(parsed.text, best, actors)


def _count_position(claim: Claim, parsed: ParsedDocument) -> int:
    start, end = claim.span
    at = parsed.text.find(claim.count.text, start, end) if claim.count.text else -1
    return at if at >= 0 else start


def _to_perpetrator(text: str, cand: _Candidate, actors: list[ActorMention]) -> Perpetrator:
    inside = [a for a in actors if a.span[0] < cand.end and cand.start < a.span[1]]
    known = [a for a in inside if a.actor]
    # The parser may cut a transliterated name ("Hay'at" tagged as a verb): widen to the whole actor.
    start = min([cand.start, *(a.span[0] for a in known)])
    end = max([cand.end, *(a.span[1] for a in known if a.span[0] >= cand.start)])
    pool = known or inside
    pick: ActorMention | None = pool[0] if pool else None
    # Prefer a named organisation over a generic side descriptor when both are in the phrase.
    named = [a for a in known if a.type not in ("foreign_state",)]
    if named:
        pick = named[-1] if len(named) > 1 and named[0].type == "person" else named[0]
    return Perpetrator(
        label=text[start:end],
        actor=pick.actor if pick else None,
        side=pick.side if pick else None,
    )


# --------------------------------------------------------------------------- with a full parse
def _parse_candidates(
    doc: Doc, offset: int, vocab: PerpetrationVocab, actors: list[ActorMention]
) -> list[_Candidate]:
    cands: list[_Candidate] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and (lemma in vocab.violence_verbs or _light(tok, vocab)
                                            or _light_agent(tok, vocab)):
            found = _verb_candidates(tok, offset, vocab, actors)
            if not found and _is_active(tok):
                found = _left_actor(tok, offset, actors)
            cands.extend(found)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in vocab.violence_nouns:
            cands.extend(_noun_candidates(tok, offset, vocab, actors, tok))
    if not cands:
        cands = _linear_fallback(doc, offset, vocab)
    return cands


def _linear_fallback(doc: Doc, offset: int, vocab: PerpetrationVocab) -> list[_Candidate]:
    """No role found (mis-tagged verb, e.g. "shot" as a noun): an attacker noun phrase right before
    a violent verb form ("Unknown gunmen on a motorcycle shot dead ...")."""
    for tok in doc:
        if tok.lower_ not in vocab.violence_forms or tok.i == 0:
            continue
        start = tok.i
        while start > 0 and not (doc[start - 1].is_punct or doc[start - 1].pos_ in ("VERB", "AUX", "SCONJ")):
            start -= 1
        words = doc[start:tok.i]
        if any(t.lower_ in vocab.perpetrator_nouns for t in words) and not any(t.like_num for t in words):
            cand = _span(start, tok.i, doc, offset, tok, 3)
            return [cand] if cand else []
    return []


def _is_active(verb: Token) -> bool:
    return verb.tag_ == "VBD" and not any(c.dep_ in _PASSIVE_SUBJ for c in verb.children)


# An actor name, possibly with "'s" and up to two nouns ("HTS's elite units"), right before a verb.
_LEFT_GAP = re.compile(r"^(?:'s|’s)?(?:\s+[A-Za-z-]+){0,2}\s*$")


def _left_actor(verb: Token, offset: int, actors: list[ActorMention]) -> list[_Candidate]:
    """Parser fallback: transliterated names often mis-tag ("Hay'at" as a verb) and lose the subject."""
    at = offset + verb.idx
    text = verb.doc.text
    for a in sorted(actors, key=lambda m: -m.span[1]):
        if not a.actor or not offset <= a.span[0] or a.span[1] > at:
            continue
        gap = text[a.span[1] - offset: verb.idx]
        if _LEFT_GAP.match(gap):
            return [_Candidate(a.span[0], offset + verb.idx - (len(gap) - len(gap.rstrip())), at, 1)]
        break
    return []


def _light(verb: Token, vocab: PerpetrationVocab) -> bool:
    if verb.lemma_.lower() not in vocab.light_verbs:
        return False
    objects = vocab.violence_nouns | vocab.weapons
    return any(c.dep_ in ("dobj", "obj") and c.lower_ in objects for c in verb.children)


def _light_agent(verb: Token, vocab: PerpetrationVocab) -> bool:
    """'an attack carried out / claimed / perpetrated by X': a light verb whose agent did it."""
    return verb.lemma_.lower() in vocab.light_verbs and any(c.dep_ == "agent" for c in verb.children)


def _verb_candidates(
    verb: Token, offset: int, vocab: PerpetrationVocab, actors: list[ActorMention]
) -> list[_Candidate]:
    passive = any(c.dep_ in _PASSIVE_SUBJ for c in verb.children) or verb.dep_ == "acl"
    out: list[_Candidate | None] = []
    for child in verb.children:
        if child.dep_ == "agent":
            for p in child.children:
                if p.dep_ != "pobj":
                    continue
                if p.lower_ in vocab.weapons or p.lower_ in vocab.violence_nouns:
                    out.extend(_noun_candidates(p, offset, vocab, actors, verb))  # "by an Israeli drone"
                else:
                    out.append(_phrase(p, offset, verb, 0, vocab))
        if child.dep_ == "prep" and child.lower_ == "on" and verb.lemma_ == "blame":
            out.extend(_phrase(p, offset, verb, 0, vocab) for p in child.children if p.dep_ == "pobj")
    if passive:
        return [c for c in out if c is not None]
    subject = _subject(verb)
    if subject is not None and subject.pos_ == "PRON":
        subject = _reported_subject(verb, vocab) or subject
    if subject is not None and (subject.lower_ in vocab.weapons or subject.lower_ in vocab.violence_nouns):
        # "a shell hit" names no one; "Russian drones struck" names their owner.
        out.extend(_noun_candidates(subject, offset, vocab, actors, verb))
    elif subject is not None:
        out.append(_phrase(subject, offset, verb, 1, vocab))
    return [c for c in out if c is not None]


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head  # "gunmen who killed ..." -> gunmen
            return child
    # "stormed the village and killed 12": the subject is shared with the first verb.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB" and verb.dep_ == "xcomp":
        return _subject(verb.head)
    return None


def _reported_subject(verb: Token, vocab: PerpetrationVocab) -> Token | None:
    """'X said they had killed ...': a pronoun subject of a reported clause is the speaker X."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in vocab.source_verbs:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _noun_candidates(
    noun: Token, offset: int, vocab: PerpetrationVocab, actors: list[ActorMention], trigger: Token
) -> list[_Candidate]:
    out: list[_Candidate | None] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            out.extend(_phrase(p, offset, trigger, 2, vocab) for p in child.children if p.dep_ == "pobj")
        elif child.dep_ == "poss" and child.pos_ == "PRON":
            # "its jets": the owner is the subject of the reporting verb, if any.
            owner = _reported_subject(noun.head, vocab) if noun.dep_ == "nsubj" else None
            if owner is not None:
                out.append(_phrase(owner, offset, trigger, 2, vocab))
        elif child.dep_ == "poss":
            out.append(_phrase(child, offset, trigger, 2, vocab))
    if not any(out):
        out.append(_modifier_actor(noun, offset, actors, trigger, vocab))
    # "X launched an attack": the light verb's subject is found from the verb side.
    return [c for c in out if c is not None]


def _modifier_actor(
    noun: Token, offset: int, actors: list[ActorMention], trigger: Token, vocab: PerpetrationVocab
) -> _Candidate | None:
    """An actor among the noun's left modifiers: "an Israeli drone strike", "RSF drones", "junta jets"."""
    lo, hi = offset + noun.left_edge.idx, offset + noun.idx + len(noun.text)
    for a in actors:
        if a.actor and lo <= a.span[0] < hi:
            return _Candidate(a.span[0], min(a.span[1], hi), offset + trigger.idx, 2)
    for tok in noun.doc[noun.left_edge.i:noun.i]:
        if tok.lower_ in vocab.generic_actor_modifiers:
            return _Candidate(offset + tok.idx, offset + tok.idx + len(tok.text), offset + trigger.idx, 2)
    return None


def _phrase(
    head: Token, offset: int, trigger: Token, rank: int, vocab: PerpetrationVocab
) -> _Candidate | None:
    victim_like = head.lower_ in vocab.not_perpetrators or head.lemma_.lower() in vocab.not_perpetrators
    if victim_like and not any(c.lower_ in vocab.attacker_modifiers for c in head.lefts):
        return None
    if head.lower_ in vocab.weapons:
        return None
    if any(c.lower_ == "no" for c in head.children):
        return None  # "no group has claimed responsibility"
    if head.ent_type_ in ("DATE", "TIME") or head.lower_ in vocab.time_words:
        return None  # "Sunday's attack", "Tuesday night's raid": when, not who
    if head.lower_ in vocab.collective_nouns:
        # "a series of raids killed ...": look through the collective noun to what it counts.
        inner = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        if not inner or inner[0].lower_ in vocab.violence_nouns or inner[0].lower_ in vocab.weapons:
            return None  # a series of raids/bombs names no one
        return _phrase(inner[0], offset, trigger, rank, vocab)
    if head.pos_ in ("PRON", "NUM") or head.like_num or any(c.dep_ == "nummod" for c in head.children):
        return None  # pronouns are unresolved here; counted nouns are victims ("12 men killed")
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if (child.dep_ == "prep" and child.lower_ in ("of", "from")) or _vehicle(child) or (
            child.dep_ == "amod" and child.lower_ in ("loyal", "affiliated", "linked", "allied")
        ) or (child.dep_ in ("compound", "appos") and child.i == end):
            end = child.right_edge.i + 1
    return _span(start, end, head.doc, offset, trigger, rank)


def _vehicle(prep: Token) -> bool:
    """'men on motorbikes', 'gunmen with rifles' describe the attackers; 'on Mellit' is the target."""
    if prep.dep_ != "prep" or prep.lower_ not in ("on", "with", "in"):
        return False
    return not any(t.pos_ == "PROPN" or t.ent_type_ for t in prep.subtree)


def _span(start: int, end: int, doc: Doc, offset: int, trigger: Token, rank: int) -> _Candidate | None:
    while start < end and doc[start].lower_ in _TRIM:
        start += 1
    while end > start and doc[end - 1].lower_ in _TRIM:
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    return _Candidate(offset + span.start_char, offset + span.end_char, offset + trigger.idx, rank)


# --------------------------------------------------------------------------- without a parse
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)


def _text_candidates(sentence: Sentence, actors: list[ActorMention]) -> list[_Candidate]:
    """Fallback for an unparsed sentence: a known actor right after 'by' in a violent sentence."""
    vocab = perpetration()
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence.text)}
    if not words & (vocab.violence_nouns | {"killed", "shot", "executed", "attacked", "shelled"}):
        return []
    out: list[_Candidate] = []
    for a in actors:
        before = sentence.text[: a.span[0] - sentence.start]
        if sentence.start <= a.span[0] < sentence.end and _BY.search(before):
            out.append(_Candidate(a.span[0], a.span[1], a.span[0], 0))
    return out
