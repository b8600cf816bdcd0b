"""Who a claim is attributed to: "according to X", "X said/reported/told", trailing attributions,
carried over within a paragraph, and to later sentences that refer back ("the group said").

The attributed phrase is resolved with the curated gazetteer in `data/sources.yaml` (canonical
name and kind), then with cue words, then with spaCy NER (PERSON/ORG).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from observatory.extract.claims import vocab
from observatory.extract.claims.flags import clauses
from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import Source, SourceKind

if TYPE_CHECKING:
    from observatory.extract.claims.builder import Draft

_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "who", "this", "that"})
_CARRY_NOUNS = frozenset({"figure", "data", "statistic", "tally", "count", "number", "toll", "estimate"})

# A dateline opens a story ("GOMA, North Kivu - ...", "JUBA, Oct 3 (Agency) — ..."): an ALL-CAPS
# place, an optional ", region/date" and "(agency)", then a dash. It says where the story was filed,
# never who speaks, so its words are no attribution candidates (the parser often makes the place
# the subject of the first reporting verb).
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,[^\n()\-–—]{1,40})?(?: ?\([^()\n]{1,40}\))?\s+[-–—]{1,2}\s+"
)


def dateline_end(text: str) -> int:
    """Length of the dateline that opens `text` (0 when there is none)."""
    m = _DATELINE.match(text)
    return m.end() if m is not None else 0


_DATELINE_KEY = "observatory.dateline_end"


def _in_dateline(tok: Token) -> bool:
    # Memoised on the Doc: `doc.text` joins every token, and this runs for every token of a phrase.
    data = tok.doc.user_data
    if _DATELINE_KEY not in data:
        data[_DATELINE_KEY] = dateline_end(tok.doc.text)
    return tok.idx < data[_DATELINE_KEY]


def _phrase(head: Token) -> Span:
    """The attributed noun phrase, without relative clauses and trailing punctuation."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _CUT_DEPS:
            continue
        tokens.extend(child.subtree)
    ids = sorted(t.i for t in tokens if not _in_dateline(t)) or [head.i]
    start, end = ids[0], ids[-1] + 1
    doc = head.doc
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _ngrams(text: str, longest: int = 7) -> list[str]:
    """Word n-grams of a phrase, longest first (for dictionary look-ups of multiword names)."""
    words = text.split()
    return [
        " ".join(words[i : i + n])
        for n in range(min(longest, len(words)), 0, -1)
        for i in range(len(words) - n + 1)
    ]


def _alias_hit(span: Span) -> vocab.SourceEntry | None:
    index = vocab.sources().alias_index
    text = re.sub(r"[^\w.\-' ]+", " ", span.text.lower())
    for gram in _ngrams(text):
        entry = index.get(gram)
        if entry is None:
            continue
        if len(gram) <= 3 and not any(t.text == gram.upper() or t.text == gram.upper() + "." for t in span):
            continue  # short aliases (UN, WHO, AP) only as acronyms, never "who"/"un-"
        return entry
    return None


def _actor_hit(span: Span) -> vocab.SourceEntry | None:
    """Actors of the shared actor gazetteer speak as their type: an armed group's statement is an
    armed_group source, a state force's a military one."""
    actors = vocab.actor_sources()
    text = re.sub(r"[^\w'\- ]+", " ", span.text.lower().replace("’", "'"))
    for gram in _ngrams(text):
        if gram in actors.aliases:
            return actors.aliases[gram]
    for tok in span:
        if tok.text in actors.acronyms:
            return actors.acronyms[tok.text]
    return None


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[SourceKind, re.Pattern[str]], ...]:
    """One regex per kind (cue words as whole words, plural allowed), in the vocabulary's order."""
    return tuple(
        (kind, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w.strip()) for w in words) + r")s?(?!\w)"))
        for kind, words in vocab.sources().cues
    )


def _cue_kind(text: str) -> SourceKind | None:
    low = text.lower()
    for kind, pattern in _cue_patterns():
        if pattern.search(low):
            return kind
    return None


def _clean_name(label: str) -> str:
    name = re.sub(r"^(the|a|an)\s+", "", label, flags=re.IGNORECASE)
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name)
    return re.sub(r"\s+", " ", name).strip(" ,.")


def resolve(span: Span) -> Source | None:
    """Source for an attributed phrase; None when the phrase names nobody."""
    found, _ = _resolve(span)
    return found


_DOCUMENTS = frozenset(
    {"report", "statement", "study", "video", "survey", "tally", "data", "figure", "estimate"}
)
# Verbs by which a document is issued (not merely seen: "a police report seen by the newspaper").
_ISSUING = frozenset({"publish", "release", "issue", "compile", "carry", "post", "share", "produce", "put"})


def _agent(span: Span) -> Span | None:
    """ "a report published by the network": who issued the document."""
    for tok in span.root.subtree:
        issued = tok.head.lemma_.lower() in _ISSUING or tok.head.i == span.root.i
        if tok.lower_ == "by" and tok.dep_ in {"agent", "prep"} and issued:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _phrase(pobj)
    return None


# Kinds that the cue words of an attributed phrase decide against an actor named in its modifiers
# ("the Houthi-run health ministry", "the Hamas-run interior ministry").
_OVERRIDE_ACTOR = frozenset({"government", "medical"})


def _resolve(span: Span) -> tuple[Source | None, bool]:
    """(source, only_a_person): the second is True when nothing but a person's name was found."""
    if span.root.lemma_.lower() in _DOCUMENTS:
        agent = _agent(span)
        if agent is not None:
            found, person = _resolve(agent)
            if found is not None:
                return found, person
    label = span.text.strip()
    wider = " ".join(t.text for t in span.root.subtree)  # includes "founder of SOHR" appositions
    entry = _alias_hit(span) or _alias_hit(span.root.doc[span.root.left_edge.i : span.root.right_edge.i + 1])
    if entry is not None:
        return Source(label=label, name=entry.name, kind=entry.kind), False
    actor = _actor_hit(span)
    if actor is not None:
        # "the Houthi-run health ministry": a ministry is government whoever runs it.
        own = _cue_kind(label)
        if own in _OVERRIDE_ACTOR and own != actor.kind:
            return Source(label=label, name=_clean_name(label), kind=own), False
        return Source(label=label, name=actor.name, kind=actor.kind), False
    # The phrase before any apposition decides the kind ("the X Civil Society Coordination, a
    # grouping of local associations" is local_sources), with its modifiers ("an official at the
    # morgue" is medical); only the name drops the modifiers.
    core = _core(span)
    kind = _cue_kind(_before_apposition(span)) or _cue_kind(label) or _cue_kind(wider)
    # Only people and organisations speak, and only the head of the phrase names the speaker: a
    # place in a modifier ("officials in Goma", often tagged PERSON/ORG) is not its name.
    ents = [e for e in span.ents if e.label_ in {"PERSON", "ORG"} and not _in_modifier(e, span)]
    person = False
    if kind is None and ents:
        person = ents[0].label_ == "PERSON"
        kind = vocab.sources().person_kind if person else "media"
    if kind is None:
        return None, False
    name = _clean_name(ents[0].text if ents else core)
    return Source(label=label, name=name or label, kind=kind), person


def _modifiers(span: Span) -> list[Token]:
    """Prepositional modifiers of the head other than "of" ("officials in Goma", "leaders from the
    district"); "of" belongs to the name ("Ministry of Health", "founder of the network")."""
    return [
        c
        for c in span.root.children
        if c.dep_ == "prep" and c.lower_ != "of" and c.i > span.root.i and span.start <= c.i < span.end
    ]


def _in_modifier(ent: Span, span: Span) -> bool:
    return any(ent.start >= m.left_edge.i and ent.end <= m.right_edge.i + 1 for m in _modifiers(span))


def _before_apposition(span: Span) -> str:
    appos = [c for c in span.root.children if c.dep_ == "appos" and c.i > span.root.i]
    cut = {t.i for a in appos for t in a.subtree}
    return "".join(t.text_with_ws for t in span if t.i not in cut).strip()


def _core(span: Span) -> str:
    """The attributed phrase without prepositional modifiers: "local officials in Goma" ->
    "local officials"."""
    cut = {t.i for m in _modifiers(span) for t in m.subtree}
    return "".join(t.text_with_ws for t in span if t.i not in cut).strip() or span.text


_ANONYMOUS = re.compile(
    r"condition of anonymity|not (authori[sz]ed|allowed) to speak|asked not to be named|"
    r"spoke anonymously|speaking anonymously|declined to be named",
    re.IGNORECASE,
)
_TEXT_ACCORDING = re.compile(r"\baccording to ([^,.;:]{3,80})", re.IGNORECASE)
_TEXT_SAID = re.compile(
    r"(?:^|[,;] |\. )((?:[A-Z]|the |a |an )[^,.;:]{1,70}?) (?:said|says|reported|told|stated|"
    r"announced|confirmed|estimated|documented|recorded)\b"
)
_TEXT_SAID_AFTER = re.compile(r"\b(?:said|says|reported|told) ((?:the |a |an )?[A-Z][^,.;:]{2,60})[,.]")


@lru_cache(maxsize=1)
def _longest_aliases_first() -> tuple[tuple[str, vocab.SourceEntry], ...]:
    """Source aliases longer than three letters, longest first (sorted once, not per sentence)."""
    ranked = sorted(vocab.sources().alias_index.items(), key=lambda x: -len(x[0]))
    return tuple((alias, entry) for alias, entry in ranked if len(alias) > 3)


def text_source(text: str) -> Source | None:
    """Attribution in a sentence that was not parsed (no model): regex plus the gazetteer and cues."""
    text = text[dateline_end(text) :]
    for pattern in (_TEXT_ACCORDING, _TEXT_SAID, _TEXT_SAID_AFTER):
        m = pattern.search(text)
        if m is None:
            continue
        label = m.group(1).strip()
        low = " " + label.lower() + " "
        entry = next((e for alias, e in _longest_aliases_first() if f" {alias} " in low), None)
        if entry is not None:
            return Source(label=label, name=entry.name, kind=entry.kind)
        kind = _cue_kind(label)
        if kind is not None:
            return Source(label=label, name=_clean_name(label), kind=kind)
    return None


def _is_anaphoric(span: Span) -> bool:
    low = span.text.lower().strip()
    if low in vocab.sources().anaphora or span.root.lower_ in _PRONOUNS:
        return True
    return span.root.lemma_.lower() in _CARRY_NOUNS


def sentence_source(sentence: Sentence) -> tuple[Source | None, bool]:
    """(source, anaphoric) stated in one sentence; anaphoric means "refers back" ("the group said").
    Sources that speak on condition of anonymity are `unnamed` whatever their title."""
    found, anaphoric = _sentence_source(sentence)
    if found is not None and _ANONYMOUS.search(sentence.text):
        found = found.model_copy(update={"kind": "unnamed"})
    return found, anaphoric


def _subject(verb: Token) -> Token | None:
    """Who speaks through a reporting verb: its subject (shared with a conjoined verb: "called the
    reports fabricated and said ..."), or the agent of a passive ("was reported by the monitor").
    The subject of a passive "say" is what is said about, never the source ("is said to have")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not _in_dateline(c)), None)
    if subj is None and verb.dep_ in {"conj", "xcomp"}:  # "videos appeared to show ..."
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj" and not _in_dateline(c)), None)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or subj.lower_ in {"that", "which"}:
        return None
    return subj


# Reporting verbs that attribute only when they issue a statement or figures ("released a
# statement", "gave the toll as 12"); "Houthi forces have released 19 crew members" cites nobody.
_NEEDS_DOCUMENT = frozenset({"release", "issue", "publish", "provide", "give", "post", "share"})
_DOCUMENT_OBJECTS = frozenset(
    {"toll", "list", "name", "detail", "account", "information", "update", "number"}
)


def _issues_document(verb: Token) -> bool:
    if verb.lemma_.lower() not in _NEEDS_DOCUMENT:
        return True
    return any(
        c.dep_ in {"ccomp", "agent"}  # "the toll of 28 given by the governor"
        or (c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENTS | _CARRY_NOUNS | _DOCUMENT_OBJECTS)
        for c in verb.children
    )


def _verb_source(verb: Token) -> tuple[Source | None, bool] | None:
    if not _issues_document(verb):
        return None
    subj = _subject(verb)
    if subj is None:
        return None
    span = _phrase(subj)
    found, person = _resolve(span)
    if person and _SPOKESPERSON.search(span.text) is not None:
        return None, True  # a named spokesperson speaks for the source already cited
    anaphoric = _is_anaphoric(span)
    return (found, anaphoric) if (found or anaphoric) else None


def _according(doc: Doc) -> tuple[Source | None, bool] | None:
    for tok in doc:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is not None:
            span = _phrase(pobj)
            found = resolve(span)
            if _is_anaphoric(span) or found:
                return found, _is_anaphoric(span)
    return None


def _reporting_verbs(doc: Doc) -> list[Token]:
    reporting = vocab.sources().reporting_verbs
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in reporting]
    return sorted(verbs, key=lambda t: (t.dep_ != "ROOT", t.i))


def _sentence_source(sentence: Sentence) -> tuple[Source | None, bool]:
    doc = sentence.doc
    if doc is None:
        return text_source(sentence.text), False
    according = _according(doc)
    if according is not None:
        return according
    found = [r for r in (_verb_source(v) for v in _reporting_verbs(doc)) if r is not None]
    named = [r for r in found if r[0] is not None and not r[1]]
    return (named or found or [(None, False)])[0]


def claim_source(d: Draft) -> tuple[Source | None, bool] | None:
    """The attribution that governs the claim's own clause: the reporting verb above its outcome
    word ("the ministry said 48 people were killed; Reuters could not confirm ...")."""
    t = d.link.trigger
    reporting = vocab.sources().reporting_verbs
    first: tuple[Source | None, bool] | None = None
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in reporting:
            found = _verb_source(t)
            if found is None:
                continue
            if first is None and t.lemma_.lower() not in _SPEECH and _actor_kind(found):
                if t.dep_ != "ccomp":
                    return found
                first = found  # "Troops counted 31 bodies, a local official said": its speaker
                continue
            if first is not None and found[0] is None:
                return first
            return found
    return first


def _actor_kind(found: tuple[Source | None, bool]) -> bool:
    return found[0] is not None and found[0].kind in {"military", "armed_group"}


# Verbs of speaking: the attribution of a whole statement, above any counting or finding in it.
_SPEECH = frozenset(
    {"say", "tell", "state", "announce", "report", "add", "confirm", "claim", "allege", "write"}
)


# A named spokesperson speaks for the source already cited ("..., spokesperson Jane Doe said").
_SPOKESPERSON = re.compile(r"\bspokes(person|man|woman)\b", re.IGNORECASE)


def attach_sources(drafts: list[Draft], parsed: ParsedDocument) -> None:
    """Give each claim the source of its sentence, else the source the paragraph keeps citing."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence.index, []).append(d)
    if not by_sentence:
        return
    last_claim = max(by_sentence)  # attribution after the last claim cannot reach back to it
    current: Source | None = None
    last_named: Source | None = None
    paragraph = -1
    for sentence in parsed.sentences:
        if sentence.index > last_claim:
            break
        if sentence.paragraph != paragraph:
            paragraph, current = sentence.paragraph, None
        before = current
        found, anaphoric = sentence_source(sentence)
        earlier = current or last_named
        if anaphoric and earlier is not None and (found is None or found.kind == earlier.kind):
            current = earlier  # "the group said": the source named before
        elif found is not None:
            current = found
            if not anaphoric:
                last_named = found
        for d in by_sentence.get(sentence.index, []):
            elsewhere = _cited_elsewhere(d)
            d.source = before if elsewhere else current
            own = claim_source(d) if according_free(sentence) else None
            if own is not None:
                source, refers_back = own
                # "the latest figures confirm ...": the source this sentence or paragraph cites
                # (not one named only in a later contrasted clause).
                antecedent = (before if elsewhere else current) or last_named
                if (
                    refers_back
                    and antecedent is not None
                    and (source is None or source.kind == antecedent.kind)
                ):
                    source = antecedent
                if source is not None and _ANONYMOUS.search(sentence.text):
                    source = source.model_copy(update={"kind": "unnamed"})
                d.source = source or d.source


def _cited_elsewhere(d: Draft) -> bool:
    """The sentence's attribution sits only in a later contrasted clause than the claim ("Gunmen
    killed 12 villagers, but police said only five died": police speak for five, not for 12)."""
    found = clauses(d)
    doc = d.sentence.doc
    if found is None or doc is None or len(found[0]) < 2:
        return False
    spans, own = found
    cites = [t for t in doc if t.lower_ == "according"]
    cites += [v for v in _reporting_verbs(doc) if (_verb_source(v) or (None, False))[0] is not None]
    if not cites or any(t.idx < spans[own][1] for t in cites):
        return False  # cited in its own clause, or in an earlier one that carries on ("X said ..., but")
    # A trailing attribution ("..., while three remain missing, the army said") still governs every
    # clause under it; one that introduces its own statement ("; the army said five were
    # wounded") speaks for that statement only.
    trigger = d.link.trigger
    return not any(
        _trailing(c) and trigger in (c.head if c.lower_ == "according" else c).subtree for c in cites
    )


def _trailing(cite: Token) -> bool:
    return cite.lower_ == "according" or not any(c.dep_ == "ccomp" and c.i > cite.i for c in cite.children)


def according_free(sentence: Sentence) -> bool:
    """ "according to X" governs every claim of its sentence; otherwise each claim looks for its own
    reporting verb."""
    return "according to" not in sentence.text.lower()
