"""Who said a quote: the attribution around it, or the person named just before "he said".

Order of evidence: the speech verb after the quote in its sentence (", he said" / ", said X"),
then one before it ("X said:" / "according to X"), then the first sentence of the next paragraph
when the quote ends its paragraph with a comma. A pronoun subject is resolved to the subject of
the nearest earlier sentence naming a person (gazetteer person, spaCy PERSON, or a speaker noun
such as "a resident"). The model is run only on those few sentences. Names known to the
gazetteer are returned in canonical form (al-Jolani -> Ahmed al-Sharaa).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from observatory.extract.bounded_cache import BoundedCache
from observatory.extract.context.actor_gazetteer import load_gazetteer, match_gazetteer
from observatory.extract.context.actor_sentences import sentence_doc, sentence_index_at
from observatory.extract.context.event_vocab import quote_vocab
from observatory.extract.document import ParsedDocument, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

_PRONOUNS = {"he", "she", "they", "i", "we"}
# An antecedent sentence is read only for its dependency tree and entities (subject, apposition,
# PERSON names): the parser and NER do not depend on these components, so skipping them leaves
# both unchanged and saves about a sixth of the parse.
TREE_AND_ENTITIES_ONLY = ("tagger", "attribute_ruler", "lemmatizer")
_LOOKBACK = 3
_STRIP = " ,.;:-—–'\"“”"
# Attribution fragments repeat across documents (", a spokesperson for the army said."): their
# parses are kept process-wide, keyed by text. A parse depends only on its text and the model,
# and nothing downstream mutates a Doc, so a cached parse answers exactly as a fresh one would.
FRAGMENT_CACHE = 4096
_FRAGMENT_DOCS: BoundedCache[str, Doc] = BoundedCache(FRAGMENT_CACHE)


class _QuoteLike(Protocol):
    open_mark: int
    close_mark: int | None
    paragraph: int

    @property
    def end(self) -> int: ...


class SpeakerResolver:
    def __init__(self, parsed: ParsedDocument, sentences: list[Sentence], nlp: Language) -> None:
        self.parsed = parsed
        self.sentences = sentences
        self.nlp = nlp
        self._docs: dict[int, Doc] = {}
        self._fragments: dict[tuple[int, int], Doc] = {}
        # While set, antecedent sentences that would need a parse are noted here, not parsed.
        self._wanted: set[int] | None = None

    def resolve(self, quote: _QuoteLike) -> tuple[str | None, str | None]:
        close = quote.close_mark if quote.close_mark is not None else quote.end
        for index, lo, hi, last in self._frames(quote.open_mark, close):
            found = self._from_frame(index, lo, hi, last)
            if found is not None:
                return self._full_name(found[0], quote.open_mark), found[1]
        return None, None

    def fragment_spans(self, quotes: list[_QuoteLike]) -> list[tuple[int, int]]:
        """Attribution fragments (first frame of each quote) that no candidate parse covers."""
        wanted: list[tuple[int, int]] = []
        for quote in quotes:
            close = quote.close_mark if quote.close_mark is not None else quote.end
            # Only the first frame: the later ones are rarely needed.
            for index, lo, hi, _ in self._frames(quote.open_mark, close)[:1]:
                if self.sentences[index].doc is None and (lo, hi) not in self._fragments:
                    wanted.append((lo, hi))
        return list(dict.fromkeys(wanted))

    def antecedents_needed(self, quotes: list[_QuoteLike]) -> list[int]:
        """Sentences a pronoun speaker may point back to that still need a parse: a dry run of
        `resolve` that notes them instead of parsing (a superset: the real run may stop earlier)."""
        self._wanted = set()
        try:
            for quote in quotes:
                self.resolve(quote)
            return sorted(self._wanted)
        finally:
            self._wanted = None

    def _full_name(self, name: str, before: int) -> str:
        """'Zeidan said' after 'Hiba Zeidan, who ...' earlier in the text: the full name."""
        if " " in name or not name[:1].isupper() or load_gazetteer().lookup(name) is not None:
            return name
        pattern = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3})" + re.escape(name) + r"\b")
        matches = list(pattern.finditer(self.parsed.text, 0, before))
        if not matches:
            return name
        words = matches[-1].group(1).split()
        titles = load_gazetteer().person_titles | {"the", "a", "an", "in", "on", "at"}
        while words and words[0].lower().rstrip(".") in titles:
            words.pop(0)
        return _canonical_person(" ".join([*words, name])) if words else name

    # ------------------------------------------------------------------ frames
    def _frames(self, open_mark: int, close: int) -> list[tuple[int, int, int, bool]]:
        """(sentence index, lo, hi, prefer_last) regions of text that may carry the attribution."""
        frames: list[tuple[int, int, int, bool]] = []
        after = sentence_index_at(self.sentences, min(close + 1, len(self.parsed.text) - 1))
        if after is not None:
            s = self.sentences[after]
            lo = max(close + 1, s.start)
            if s.start <= close and lo < s.end and self.parsed.text[lo:s.end].strip(_STRIP):
                frames.append((after, lo, s.end, False))
            elif self.parsed.text[close - 1: close].startswith(","):
                # '"...," (paragraph break) Officials said': the attribution opens the next sentence.
                nxt = after + 1 if s.start <= close else after
                if nxt < len(self.sentences):
                    n = self.sentences[nxt]
                    frames.append((nxt, n.start, n.end, False))
        before = sentence_index_at(self.sentences, open_mark)
        if before is not None:
            s = self.sentences[before]
            if s.start < open_mark:
                frames.append((before, s.start, open_mark, True))
        return frames

    def _frame_doc(self, index: int, lo: int, hi: int) -> tuple[Doc, int]:
        """A parse covering [lo, hi) and its document offset: the candidate parse of the sentence
        when there is one, else a parse of just the attribution fragment (", he said." costs far
        less than the quoted sentence around it)."""
        sentence = self.sentences[index]
        if sentence.doc is not None:
            return sentence.doc, sentence.start
        if (lo, hi) not in self._fragments:
            text = self.parsed.text[lo:hi]
            doc = _cached_fragment(text, self.nlp)
            self._fragments[(lo, hi)] = doc if doc is not None else _remember_fragment(text, self.nlp(text))
        return self._fragments[(lo, hi)], lo

    def _from_frame(self, index: int, lo: int, hi: int, prefer_last: bool) -> tuple[str, str | None] | None:
        doc, offset = self._frame_doc(index, lo, hi)
        verbs = [t for t in doc if _in(t, offset, lo, hi) and t.lemma_.lower() in quote_vocab().speech_verbs
                 and t.pos_ in ("VERB", "AUX")]
        if prefer_last:
            verbs.reverse()
        for verb in verbs:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if subject.lower_ in _PRONOUNS:
                return self._antecedent(index)
            return self._speaker_from(subject, offset)
        for tok in doc:  # "according to X"
            if tok.lower_ == "according" and _in(tok, offset, lo, hi):
                pobj = [g for c in tok.children for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    return self._speaker_from(pobj[0], offset)
        return None

    # ------------------------------------------------------------------ speakers
    def _speaker_from(self, head: Token, offset: int) -> tuple[str, str | None]:
        phrase = _core_phrase(head)
        role = _apposition(head)
        start = offset + phrase.start_char
        person = _person_in(phrase, start, self.nlp)
        if person is None:
            # "Syria's leader, ex-commander, Ahmed X, urged": the name sits in an apposition.
            whole = head.doc[head.left_edge.i: head.right_edge.i + 1]
            found = _person_in(whole, offset + whole.start_char, self.nlp, last=True)
            if found is not None:
                return found[0], phrase.text.strip(_STRIP) or None
        if person is not None:
            name, (ps, pe) = person
            if role is None:
                text = self.parsed.text
                rest = text[start:ps] + " " + text[pe:start + len(phrase.text)]
                role = rest.strip(_STRIP) or None
            return name, role
        text = phrase.text.strip(_STRIP)
        known = load_gazetteer().lookup(text)
        if known is not None:
            return known.name, role
        for det in ("the ", "a ", "an "):
            if text.lower().startswith(det):
                text = text[len(det):]
        return text, role

    def _antecedent(self, index: int) -> tuple[str, str | None] | None:
        """The person a pronoun points back to: the nearest earlier sentence naming one."""
        for back in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
            sentence = self.sentences[back]
            if sentence.doc is None and not _may_name_speaker(sentence.text):
                continue  # no name and no speaker noun: not worth a parse
            if self._wanted is not None and sentence.doc is None and back not in self._docs:
                self._wanted.add(back)
                continue
            doc = sentence_doc(sentence, self.nlp, self._docs, skip=TREE_AND_ENTITIES_ONLY)
            root = next((t for t in doc if t.dep_ == "ROOT"), None)
            subject = None if root is None else next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in _PRONOUNS and _is_speakerish(subject):
                return self._speaker_from(subject, sentence.start)
            persons = _persons(doc, sentence.start, self.nlp)
            if persons:
                return persons[-1], None
        return None


def prefetch_parses(jobs: list[tuple[SpeakerResolver, list[_QuoteLike]]], nlp: Language) -> None:
    """Parse what the resolvers of several documents will need in two `nlp.pipe` batches: the
    quotes' attribution fragments, then the earlier sentences pronoun speakers ("he said") point
    back to. A call costs ~5 ms before its first token, so one call per document or per sentence
    cost more than the parsing; results are the same as parsing each on demand."""
    wanted = [(resolver, span) for resolver, quotes in jobs for span in resolver.fragment_spans(quotes)]
    missing = [resolver.parsed.text[lo:hi] for resolver, (lo, hi) in wanted]
    missing = list(dict.fromkeys(t for t in missing if _cached_fragment(t, nlp) is None))
    for text, doc in zip(missing, nlp.pipe(missing), strict=True):
        _remember_fragment(text, doc)
    for resolver, (lo, hi) in wanted:
        text = resolver.parsed.text[lo:hi]
        resolver._fragments[(lo, hi)] = _cached_fragment(text, nlp) or _remember_fragment(text, nlp(text))
    needed = [(resolver, i) for resolver, quotes in jobs for i in resolver.antecedents_needed(quotes)]
    texts = [resolver.sentences[i].text for resolver, i in needed]
    skip = [name for name in TREE_AND_ENTITIES_ONLY if name in nlp.pipe_names]
    for (resolver, i), doc in zip(needed, nlp.pipe(texts, disable=skip), strict=True):
        resolver._docs[i] = doc


def _cached_fragment(text: str, nlp: Language) -> Doc | None:
    doc = _FRAGMENT_DOCS.get(text)
    if doc is None or doc.vocab is not nlp.vocab:
        return None  # never seen, or parsed by another model
    return doc


def _remember_fragment(text: str, doc: Doc) -> Doc:
    return _FRAGMENT_DOCS.put(text, doc)


_PEOPLE: BoundedCache[str, tuple[Vocab, list[tuple[int, int, str]]]] = BoundedCache(FRAGMENT_CACHE)


def _gazetteer_people(text: str, nlp: Language) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of gazetteer persons in `text`, memoised per text: the same
    attribution phrases recur across documents and matching re-tokenises them each time."""
    hit = _PEOPLE.get(text)
    if hit is not None and hit[0] is nlp.vocab:
        return hit[1]
    people = [(m.start, m.end, m.entry.name) for m in match_gazetteer(text, nlp) if m.entry.type == "person"]
    _PEOPLE.put(text, (nlp.vocab, people))
    return people


def _may_name_speaker(text: str) -> bool:
    """Cheap pre-check before parsing: a capitalised word after the first, or a speaker noun."""
    words = re.findall(r"[\w'’-]+", text)
    nouns = quote_vocab().speaker_nouns
    return any(w[:1].isupper() for w in words[1:]) or any(w.lower() in nouns for w in words)


def _in(tok: Token, offset: int, lo: int, hi: int) -> bool:
    at = offset + tok.idx
    return lo <= at < hi


def _core_phrase(head: Token) -> Span:
    """The subject without its apposition or relative clause: 'Rami X, founder of Y,' -> 'Rami X'."""
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "amod") and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    # "a resident of Baniyas, a coastal town": the apposition of the place is not the speaker.
    comma = next((t.i for t in head.doc[head.i + 1:end] if t.text == ","), None)
    return head.doc[start:comma if comma is not None else end]


def _apposition(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "appos" and not child.like_num:  # "Muhindo Paluku, 54," gives an age, not a role
            span = head.doc[child.left_edge.i: child.right_edge.i + 1]
            return span.text.strip(_STRIP) or None
    return None


def _is_speakerish(tok: Token) -> bool:
    return tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in quote_vocab().speaker_nouns or (
        load_gazetteer().lookup(tok.text) is not None
    )


def _person_in(
    phrase: Span, start: int, nlp: Language, last: bool = False
) -> tuple[str, tuple[int, int]] | None:
    """A person named in the phrase: gazetteer person first (canonical), else a PERSON entity."""
    people = _gazetteer_people(phrase.text, nlp)
    if people:
        ps, pe, name = people[-1] if last else people[0]
        return name, (start + ps, start + pe)
    ents = list(phrase.ents)
    for ent in reversed(ents) if last else ents:
        if ent.label_ == "PERSON":
            s = start + ent.start_char - phrase.start_char
            return _canonical_person(ent.text), (s, s + len(ent.text))
    return None


def _persons(doc: Doc, offset: int, nlp: Language) -> list[str]:
    """Person names of a sentence in text order (gazetteer persons canonical, plus spaCy PERSON)."""
    found: list[tuple[int, str]] = []
    gaz_spans: list[tuple[int, int]] = []
    for ps, pe, name in _gazetteer_people(doc.text, nlp):
        found.append((ps, name))
        gaz_spans.append((ps, pe))
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not any(s < ent.end_char and ent.start_char < e for s, e in gaz_spans):
            found.append((ent.start_char, _canonical_person(ent.text)))
    return [name for _, name in sorted(found)]


def _canonical_person(text: str) -> str:
    clean = text.strip(_STRIP)
    known = load_gazetteer().lookup(clean)
    if known is not None and known.type == "person":
        return known.name
    words = clean.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in load_gazetteer().person_titles:
        words.pop(0)  # "Dr Khalil al-Daqran" -> "Khalil al-Daqran"
    return " ".join(words)
