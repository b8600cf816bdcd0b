"""Assemble claims from parsed candidate sentences: counts -> nouns -> outcomes -> victims, then
subsets, flags and sources over the whole document.

Claim ids are `{doc}-c{n:03d}` in document order, so the same document always yields the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from observatory.extract.claims import vocab
from observatory.extract.claims.counts import Quantity, find_quantities
from observatory.extract.claims.flags import apply_flags
from observatory.extract.claims.outcomes import Link, link_outcome, phrase_outcome, word_outcome
from observatory.extract.claims.patterns import (
    be_attribute,
    merge_relatives,
    merge_same_group,
    singular_allowed,
    subset_drafts,
    subset_marker_before,
)
from observatory.extract.claims.sources import attach_sources
from observatory.extract.claims.subsets import link_subsets
from observatory.extract.claims.victims import describe, group_noun, is_person_noun
from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import Claim, Count, Source, Victims

_NOUN_DEPS = frozenset({"nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod"})
# Nouns that complete an outcome phrase ("take prisoner", "hold hostage"), never the victims' noun.
_PHRASE_COMPLEMENTS = frozenset({"prisoner", "hostage", "captive"})


@dataclass
class Draft:
    """A claim under construction, with the parse tokens that later steps need."""

    sentence: Sentence
    noun: Token
    link: Link
    count: Count
    victims: Victims
    quantity: Quantity | None
    claim_id: str = ""
    part_of: str | None = None
    hedged: bool = False
    historical: bool = False
    superseded: bool = False
    update: bool = False
    source: Source | None = None
    parent: Draft | None = None  # set by patterns that know the including claim

    @property
    def span(self) -> tuple[int, int]:
        return self.sentence.start, self.sentence.end


def _compound_head(t: Token) -> Token:
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head
    return t


def counted_noun(doc: Doc, q: Quantity) -> Token:
    """The noun a count quantifies: its syntactic head ("31 victims"), the collective noun of
    "a family of six", or the number itself when it stands alone ("killing 12")."""
    a = doc[q.anchor]
    while a.head.dep_ == "compound" and a.head.head.i > a.head.i and a.dep_ in _NOUN_DEPS:
        # "17 cattle herders": the count belongs to the compound's head noun; but in "took 14
        # fighters prisoner" the head is the complement of the outcome phrase, the victims are
        # the compound noun.
        head = _compound_head(a.head)
        return a.head if head.lemma_.lower() in _PHRASE_COMPLEMENTS else head
    if (
        a.head.i > q.end - 1
        and a.head.tag_ in {"VBN", "JJ", "NN", "NNS"}
        and a.dep_ in _NOUN_DEPS
        and word_outcome(a.head)
    ):
        return a.head  # "9,000 displaced", "23 dead", "the 19 wounded"
    if (
        a.dep_ in _NOUN_DEPS
        and not (q.start <= a.head.i < q.end)
        and a.head.pos_ in {"NOUN", "PROPN", "ADJ", "PRON"}
        and a.head.i > a.i
    ):
        if a.head.lemma_.lower() in _PHRASE_COMPLEMENTS:
            # "took 30 soldiers prisoner" parsed as "30 ... prisoner" with "soldiers" as compound.
            victim = next((c for c in a.head.children if c.dep_ == "compound" and c.i > a.i), None)
            return victim or a.head
        return a.head
    if (
        a.dep_ == "pobj"
        and a.head.lower_ == "of"
        and a.head.head.lemma_.lower() in vocab.victims().collective
    ):
        return a.head.head
    return a


def _victims(noun: Token, link: Link, q: Quantity) -> Victims:
    """Victims of a count: its noun, or for a bare count ("rose to 62", "seven were children") the
    noun the tally names or the group it is said to be."""
    exclude = range(q.start, q.end)
    if q.start <= noun.i < q.end:
        if link.group_noun is not None:
            return describe(link.group_noun, exclude)
        attr = be_attribute(noun)
        if attr is not None:
            return describe(attr, exclude)
    return describe(noun, exclude)


def _quantity_drafts(sentence: Sentence, doc: Doc) -> list[Draft]:
    drafts: list[Draft] = []
    pending: list[tuple[Quantity, Token]] = []
    for q in find_quantities(doc):
        noun = counted_noun(doc, q)
        own = word_outcome(noun) if noun.pos_ in {"VERB", "ADJ"} and noun.i >= q.end else None
        if own is not None:
            # "left at least 48 killed": the count is the outcome's own subject.
            link: Link | None = Link(own, noun)
        elif not _victim_noun(noun, q):
            continue
        else:
            link = (
                _new_clause(noun)
                or link_outcome(noun)
                or _inherit_from_complement(noun)
                or _orphan_verb(noun)
                or _object_clause(noun)
            )
        if link is None:
            pending.append((q, noun))
            continue
        if link.negated or (q.count.low == 1 and noun.lemma_.lower() in vocab.victims().collective):
            continue  # "members of one family": "one" picks the family, it counts nobody
        drafts.append(Draft(sentence, noun, link, q.count, _combatant_verb(_victims(noun, link, q), link), q))
    drafts.extend(subset_drafts(sentence, doc, pending, drafts, Draft))
    _inherit_elided_groups(drafts)
    return drafts


def _combatant_verb(victims: Victims, link: Link) -> Victims:
    """ "the army said it neutralised 15": a military euphemism whose bare count means fighters."""
    if (
        victims.group in {"people", "unknown"}
        and link.trigger.lemma_.lower() in vocab.outcomes().combatant_verbs
    ):
        return victims.model_copy(update={"group": "combatants"})
    return victims


# Transitive outcomes whose counted object is people whatever the noun ("killed 22 concertgoers").
_PEOPLE_VERBS = frozenset({"kill", "wound", "injure", "execute", "massacre", "slaughter", "murder", "behead"})


def _victim_noun(noun: Token, q: Quantity) -> bool:
    """Whether the counted noun can name victims: the victim vocabulary, or any plural noun that a
    killing verb takes as object or passive subject ("killed 22 concertgoers")."""
    if is_person_noun(noun, counted=q.start <= noun.i < q.end):
        return True
    measure = noun.lemma_.lower() in vocab.quantities().not_counts
    role = noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in _PEOPLE_VERBS
    return noun.tag_ == "NNS" and role and not measure


def _new_clause(noun: Token) -> Link | None:
    """ "killed 20 people and another 29 were injured": a conjunct followed by its own auxiliary
    starts a new clause the parser folded into the object; its verb is the next outcome verb."""
    nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if noun.dep_ != "conj" or nxt is None or nxt.pos_ != "AUX":
        return None
    return _orphan_verb(noun, force=True)


_ELIDED = frozenset({"other", "more", "further"})


def _inherit_elided_groups(drafts: list[Draft]) -> None:
    """ "31 miners were killed and nineteen injured", "one peacekeeper was killed and two others
    wounded": a count without a victim noun of its own refers to the victims named before it."""
    for i, d in enumerate(drafts):
        q = d.quantity
        if q is None or i == 0 or d.parent is not None:
            continue
        bare = q.start <= d.noun.i < q.end and d.link.group_noun is None and group_noun(d.noun) is d.noun
        elided = d.noun.lemma_.lower() in _ELIDED or (bare and be_attribute(d.noun) is None)
        antecedents = [
            p for p in drafts[:i] if p.parent is None and p.link.subset_of is None and not p.link.breakdown
        ]
        if elided and d.victims.group in {"people", "unknown"} and antecedents:
            d.victims = antecedents[-1].victims.model_copy()


def _inherit_from_complement(noun: Token) -> Link | None:
    """ "Seven of the 19 wounded ...": the outer count takes the outcome of its "of" complement."""
    head = group_noun(noun)
    if head is noun:
        return None
    # A count that only restricts a figure already given ("four of the 15 abducted escaped") is not a
    # claim unless it names a victim group of its own ("seven of the 19 wounded were children");
    # "scores of bodies" is a count of its own.
    partitive = any(c.dep_ in {"det", "nummod"} and c.lower_ not in {"a", "an"} for c in head.children)
    if partitive and be_attribute(noun) is None:
        return None
    link = link_outcome(head)
    if link is None:
        return None
    return Link(link.outcome, link.trigger, link.negated, subset_of=head)


# Heads under which a parser leaves a clause subject it could not attach ("that", "between").
_LOST_SUBJECT_HEADS = frozenset({"mark", "ROOT", "ccomp", "prep"})


def _orphan_verb(noun: Token, force: bool = False) -> Link | None:
    """Repair for a lost subject: "reports indicate that 745 civilians, the majority of whom ...,
    have died" parses "civilians" as an object of "that"; the next intransitive or passive outcome
    verb that has no subject of its own takes the noun as its subject."""
    lost = noun.dep_ in {"pobj", "nsubj", "dep", "npadvmod"} and noun.head.dep_ in _LOST_SUBJECT_HEADS
    if not (lost or force):
        return None
    v = vocab.outcomes()
    for tok in noun.doc[noun.i + 1 :]:
        if tok.like_num:
            return None
        lemma = tok.lemma_.lower()
        passive = tok.tag_ == "VBN" and (lemma in v.transitive or phrase_outcome(tok) is not None)
        if tok.pos_ == "VERB" and (lemma in v.intransitive or passive):
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
                return None
            outcome = v.intransitive.get(lemma) or v.transitive.get(lemma) or phrase_outcome(tok) or "killed"
            negated = any(c.dep_ == "neg" for c in tok.children)
            return Link(outcome, tok, negated)
    return None


# Verbs whose object the parser takes from the clause they introduce ("figures showing 40
# soldiers were killed" parsed as "showing 40 soldiers").
_CLAUSE_VERBS = frozenset({"show", "indicate", "suggest", "reveal", "confirm", "say", "report", "estimate"})


def _object_clause(noun: Token) -> Link | None:
    """ "the army released figures showing 40 soldiers were killed": an object followed by an
    auxiliary is the subject of the clause the verb introduces; its verb is the next outcome verb."""
    doc = noun.doc
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _CLAUSE_VERBS or noun.i + 1 >= len(doc):
        return None
    if doc[noun.i + 1].pos_ != "AUX":
        return None
    for tok in doc[noun.i + 1 : noun.i + 5]:
        outcome = word_outcome(tok) if tok.pos_ in {"VERB", "ADJ"} else None
        if outcome is not None:
            return Link(outcome, tok, any(c.dep_ == "neg" for c in tok.children))
    return None


def _singular_drafts(sentence: Sentence, doc: Doc, counted: list[Draft]) -> list[Draft]:
    """ "a police officer was killed", "a 12-year-old boy was among the dead": one victim; "killed
    eight people, among them a nurse": one victim, part of the figure before."""
    taken = {d.noun.i for d in counted}
    v = vocab.victims()
    drafts: list[Draft] = []
    for tok in doc:
        if tok.i in taken or tok.tag_ != "NN" or tok.lemma_.lower() not in v.singular_people:
            continue
        det = next((c for c in tok.children if c.dep_ in {"det", "poss", "nummod"}), None)
        if not singular_allowed(tok, det) or det is None:
            continue
        if (
            any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            and tok.lemma_.lower() in v.generic
        ):
            continue  # "one of the ..." is counted by the quantity pass
        link = link_outcome(tok)
        parent = _total_before(counted, det.i) if subset_marker_before(doc, det.i) else None
        if link is None and parent is not None:
            link = Link(parent.link.outcome, parent.link.trigger)
        if link is None or link.negated:
            continue
        phrase = doc[min(det.i, tok.left_edge.i) : tok.i + 1]
        victims = describe(tok, range(det.i, det.i + 1))
        count = Count(low=1, high=1, qualifier="exact", text=phrase.text)
        drafts.append(Draft(sentence, tok, link, count, victims, None, parent=parent))
    return drafts


def _total_before(drafts: list[Draft], i: int) -> Draft | None:
    before = [d for d in drafts if d.quantity is not None and d.quantity.end <= i and d.parent is None]
    return before[-1] if before else None


def sentence_drafts(sentence: Sentence) -> list[Draft]:
    doc = sentence.doc
    if doc is None:
        return []
    drafts = _quantity_drafts(sentence, doc)
    drafts.extend(_singular_drafts(sentence, doc, drafts))
    drafts.sort(key=lambda d: d.quantity.start if d.quantity else d.noun.i)
    return merge_same_group(merge_relatives(drafts, doc, Draft), doc, Draft)


def _resolve_back_references(drafts: list[Draft]) -> list[Draft]:
    """ "the number had risen to 14" takes outcome and victims of the figure stated before it in
    the paragraph; without one it is not a claim."""
    kept: list[Draft] = []
    for d in drafts:
        if d.link.refers_back:
            before = [p for p in kept if p.sentence.paragraph == d.sentence.paragraph and p.part_of is None]
            if not before:
                continue
            d.link = Link(before[-1].link.outcome, d.link.trigger)
            d.victims = before[-1].victims.model_copy()
        kept.append(d)
    return kept


def _same_figure(a: Draft, b: Draft) -> bool:
    return (a.link.outcome, a.victims.group, a.count.low, a.count.high) == (
        b.link.outcome,
        b.victims.group,
        b.count.low,
        b.count.high,
    )


def _definite(d: Draft) -> bool:
    """ "the 19 wounded", "the 163 victims": a figure referred to again, not stated anew."""
    tokens = [d.noun, *(d.noun.doc[d.quantity.start : d.quantity.end] if d.quantity else [])]
    return any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for t in tokens for c in t.children)


def _is_headline(sentence: Sentence, parsed: ParsedDocument) -> bool:
    """A first paragraph of one sentence without final punctuation is the headline."""
    return (
        sentence.paragraph == 0
        and len(parsed.paragraphs) > 1
        and not sentence.text.rstrip().endswith((".", "!", "?", '"', "”"))
    )


def _drop_restatements(drafts: list[Draft], parsed: ParsedDocument) -> list[Draft]:
    """A figure restated in the same document is one claim: the headline gives way to the body's
    statement, and "the 19 wounded" after "19 people were wounded" only anchors its subsets."""
    kept: list[Draft] = []
    for d in drafts:
        twin = next((p for p in kept if _same_figure(p, d) and p.parent is None and d.parent is None), None)
        if twin is not None and _is_headline(twin.sentence, parsed):
            kept[kept.index(twin)] = d
            _repoint(drafts, twin, d)
        elif twin is not None and _definite(d):
            _repoint(drafts, d, twin)
        else:
            kept.append(d)
    return kept


def _repoint(drafts: list[Draft], old: Draft, new: Draft) -> None:
    for d in drafts:
        if d.parent is old:
            d.parent = new
        if d.link.subset_of is not None and d.link.subset_of.i == old.noun.i and d.sentence is old.sentence:
            d.parent = new


def build_claims(parsed: ParsedDocument) -> list[Claim]:
    """All casualty claims of a document whose candidate sentences carry a parse."""
    drafts: list[Draft] = []
    for sentence in parsed.sentences:
        drafts.extend(sentence_drafts(sentence))
    drafts = _resolve_back_references(drafts)
    drafts = _drop_restatements(drafts, parsed)
    doc_id = parsed.input.id
    for n, draft in enumerate(drafts, start=1):
        draft.claim_id = f"{doc_id}-c{n:03d}"
    link_subsets(drafts, parsed)
    apply_flags(drafts, parsed)
    attach_sources(drafts, parsed)
    return [_to_claim(d, doc_id) for d in drafts]


def _to_claim(d: Draft, doc_id: str) -> Claim:
    return Claim(
        id=d.claim_id,
        doc=doc_id,
        text=d.sentence.text,
        span=d.span,
        outcome=d.link.outcome,
        count=d.count,
        victims=d.victims,
        part_of=d.part_of,
        source=d.source,
        hedged=d.hedged,
        historical=d.historical,
        superseded=d.superseded,
        outlet=None,
    )
