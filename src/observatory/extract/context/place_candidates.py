"""Candidate place spans: capitalised word chunks and spaCy NER where a sentence was parsed.

A chunk is a run of capitalised words, allowing Arabic/Romance particles inside or before a name
("Deir ez-Zor", "al-Bab", "Ras al Ain"). Each candidate records the cues around it that the
resolver weighs: the preposition before it, "village of"/"X province", "near"/"outskirts of".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from observatory.extract.context.place_data import person_names, vocab
from observatory.extract.context.place_normalize import KEY_CACHE, name_key
from observatory.extract.document import Sentence

_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez")  # all start with a/e
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſ`ʿ"  # holds neither "a" nor "e"
_REST = r"[\w’'`ʿ‑-]*"
_WORD = rf"(?:(?:{'|'.join(_ARTICLES)})[-‑])?[{_CAPITAL}]{_REST}"
# "and"/"of" are not particles: "Latakia and Jableh" are two places, "Mayor of Jableh" a title.
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|ul|de|del|la|le|du|da|dos|bin|ibn|bani|abu)"
# The chunk's first word is `_WORD` rewritten to start with a character class (a capital, or the
# a/e of an article, then the article's other letters after a look-behind at that a/e): the
# regex engine then skips to candidate characters in one fast scan instead of trying the pattern
# at every position, which made the chunk scan the largest part of chunking (same matches).
_ARTICLE_TAILS = {lead: "|".join(a[1:] for a in _ARTICLES if a[0] == lead) for lead in "ae"}
_FIRST_WORD = (f"[ae{_CAPITAL}](?:"
               + "".join(f"(?<={lead})(?:{tails})[-‑][{_CAPITAL}]|" for lead, tails in _ARTICLE_TAILS.items())
               + rf"(?<![ae])){_REST}")
CHUNK = re.compile(rf"{_FIRST_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD})*")
TOKEN = re.compile(_WORD)
_POSSESSIVE = re.compile(r"[’']s?$")
_NEXT_WORD = re.compile(r"^\s+([A-Za-z]+)")
_KM = re.compile(r"(\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\w+\s+)?(?:of|from)\s*)$",
                 re.I)


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    cue: str | None = None  # preposition right before ("in", "near", ...)
    settlement: bool = False  # "village of X", "X town"
    admin1: bool = False  # "X province", "governorate of X"
    admin2: bool = False  # "X district"
    near: bool = False  # "near X", "outskirts of X", "10 km from X"
    ner: str | None = None  # spaCy label when the sentence was parsed
    sentence_initial: bool = False
    part_of_chunk: bool = False  # a piece of a longer capitalised run (maybe a person's name)
    common_word: bool = False  # also written in lower case in the document ("Spring", "Rest")
    leads_name: bool = False  # first of a two-word run, like a first name before a surname


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


# Cue readings kept per process: keyed by the 60/40 characters around a name, which news repeats
# ("killed in the village of", ", a town north of").
CUE_CACHE = 16384
_OF_NOUN = re.compile(r"([a-z]+)\s+of$")
_APPOSITIVE = re.compile(r"^\s*,\s*(?:a|the|an)\s+([\w-]+)(?:\s+([\w-]+))?")


@lru_cache(maxsize=1)
def _near_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in vocab().near_cues)
    return re.compile(rf"\b(?:{cues})$")


@lru_cache(maxsize=1)
def _near_endings() -> tuple[str, ...]:
    """Last word of every near cue: a text can only end with a cue if it ends with one of these
    (a cheap test before the `$`-anchored search, which tries every position of the text)."""
    return tuple(c.rsplit(" ", 1)[-1] for c in vocab().near_cues)


def _is_near(stripped_before: str, before: str) -> bool:
    if stripped_before.endswith(_near_endings()) and _near_pattern().search(stripped_before):
        return True
    return before.rstrip().endswith(("of", "from")) and bool(_KM.search(before))


@lru_cache(maxsize=CUE_CACHE)
def _cues_before(raw: str) -> tuple[str | None, bool, bool, bool, bool]:
    """(preposition cue, settlement, admin1, admin2, near) from the text right before a name."""
    v = vocab()
    before = raw.casefold()
    # Last word before the name (string operations: a `$`-anchored regex rescans every position).
    tail = before.rstrip(" ,\t\n").rsplit(None, 1)
    prev_word = tail[-1] if tail else ""
    cue = prev_word if prev_word.isalpha() and prev_word in v.place_cues else None
    # "the village of X": the noun before "of".
    stripped_before = before.rstrip()
    of_noun = _OF_NOUN.search(stripped_before) if stripped_before.endswith("of") else None
    noun = of_noun.group(1) if of_noun else ""
    return (cue, noun in v.settlement_nouns, noun in v.admin1_nouns, noun in v.admin2_nouns,
            _is_near(stripped_before, before))


@lru_cache(maxsize=CUE_CACHE)
def _cues_after(raw: str) -> tuple[bool, bool, bool]:
    """(settlement, admin1, admin2) from the text right after a name."""
    v = vocab()
    after = raw.casefold()
    nxt = _NEXT_WORD.match(after)
    noun = nxt.group(1) if nxt else ""  # "X village", "X province"
    # ", a coastal town" / ", a province" right after the name says what kind of place it is.
    appositive = _APPOSITIVE.match(after)
    kinds = set(appositive.groups()) if appositive else set()
    settlement = noun in v.settlement_nouns or bool(kinds & {"village", "town", "city", "hamlet"})
    admin1 = noun in v.admin1_nouns or bool(kinds & v.admin1_nouns)
    return settlement, admin1, noun in v.admin2_nouns


_WORD_CHAR = re.compile(r"\w")


def _first_word_offset(text: str) -> int:
    match = _WORD_CHAR.search(text)
    return match.start() if match else 0


@lru_cache(maxsize=KEY_CACHE)
def _chunk_words(chunk: str) -> tuple[tuple[tuple[int, str], ...], bool]:
    """The name words of one capitalised chunk, as (offset in the chunk, surface without a
    possessive), and whether the leading words dropped were more than function words.

    A pure function of the chunk's text (the word pattern has no look-around), memoised because
    news repeats the same capitalised names sentence after sentence.
    """
    v = vocab()
    all_words = list(TOKEN.finditer(chunk))
    # Drop leading words that are never part of a place name (sentence-initial "On", titles).
    kept = 0
    while kept < len(all_words) and _strip_possessive(all_words[kept].group()).casefold() in v.not_places:
        kept += 1
    if kept == len(all_words):
        return (), False
    # "Arab Spring", "President Assad": the rest is still part of a longer name ("In Manbij" is not).
    trimmed = any(_strip_possessive(w.group()).casefold() not in v.function_words for w in all_words[:kept])
    return tuple((w.start(), _strip_possessive(w.group())) for w in all_words[kept:]), trimmed


def chunk_candidates(sentence: Sentence, doc_text: str) -> list[list[Candidate]]:
    """Capitalised chunks of a sentence, each as the list of its word tokens as candidates.

    The resolver segments each chunk into the longest gazetteer matches; tokens keep offsets.
    """
    chunks: list[list[Candidate]] = []
    first_word = -1  # offset of the sentence's first word, found when a chunk needs it
    for match in CHUNK.finditer(sentence.text):
        words, trimmed = _chunk_words(match.group())
        if not words:
            continue
        if first_word < 0:
            first_word = _first_word_offset(sentence.text)
        tokens = []
        for offset, surface in words:
            where = match.start() + offset
            start = sentence.start + where
            tokens.append(Candidate(start, start + len(surface), surface, sentence.index, sentence.paragraph,
                                    sentence_initial=where == first_word, part_of_chunk=trimmed))
        chunks.append(tokens)
    return chunks


def span_candidate(tokens: list[Candidate], doc_text: str, whole_chunk: bool) -> Candidate:
    """One candidate covering `tokens` (consecutive), with its cues read from the text."""
    first = tokens[0]
    start, end = first.start, tokens[-1].end
    # The cues before a name and those after it are read separately: the segmenter asks for many
    # spans sharing a start or an end, and the same phrases ("in the village of") recur.
    cue, settlement, admin1, admin2, near = _cues_before(doc_text[max(0, start - 60):start])
    after_settlement, after_admin1, after_admin2 = _cues_after(doc_text[end:end + 40])
    return Candidate(start, end, doc_text[start:end], first.sentence, first.paragraph, cue=cue,
                     settlement=settlement or after_settlement, admin1=admin1 or after_admin1,
                     admin2=admin2 or after_admin2, near=near, sentence_initial=first.sentence_initial,
                     part_of_chunk=first.part_of_chunk or not whole_chunk)


def chunk_kind(tokens: list[Candidate]) -> tuple[bool, bool]:
    """(organisation, facility) for a capitalised chunk.

    "Syrian Observatory for Human Rights", "Middle East Institute" are organisations, not places;
    "London Bridge", "Kabul University" are buildings, where only big places inside count.
    """
    return _chunk_kind(tuple([t.text for t in tokens]))


@lru_cache(maxsize=KEY_CACHE)
def _chunk_kind(texts: tuple[str, ...]) -> tuple[bool, bool]:
    """(organisation?, facility?) for a chunk's words, memoised on them: the organisation test
    tries every organisation phrase in turn, on the same names in every document."""
    v = vocab()
    words = [text.casefold() for text in texts]
    phrase = " ".join(words)
    org = any(p in phrase for p in v.not_place_phrases) or any(w in v.org_heads for w in words)
    return org, any(w in v.facility_heads for w in words)


def ner_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Entity spans (document offsets, label) of a parsed sentence; [] when unparsed."""
    doc = sentence.doc
    if doc is None or len(doc.text) != len(sentence.text):
        return []
    return [(sentence.start + e.start_char, sentence.start + e.end_char, e.label_) for e in doc.ents]


_SURNAME_PARTICLE = re.compile(r"^(?:al|el)[-‑]", re.IGNORECASE)
_PATRONYM_GAP = re.compile(r"^\s+(?:bin|ibn|ben|bint)\s+$", re.IGNORECASE)


def _starts_surname(tokens: list[Candidate], k: int, doc_text: str) -> bool:
    """Token k begins a surname: "al-Assad" after a given name, or the name after "bin"/"ibn"."""
    if k <= 0 or k >= len(tokens):
        return False
    gap = doc_text[tokens[k - 1].end:tokens[k].start]
    return bool(_SURNAME_PARTICLE.match(tokens[k].text) and not gap.strip()) or bool(_PATRONYM_GAP.match(gap))


def is_person_piece(tokens: list[Candidate], i: int, j: int, doc_text: str) -> bool:
    """Whether tokens[i:j] is (a piece of) a person's name rather than a place.

    A known person alias (actors.yaml) never is a place; a given name right before a surname
    ("Bashar al-Assad", "Mohammed bin Salman") or a surname cut from its given name is only part of
    a name. Whole chunks like "Jisr al-Shughur" are still looked up (the caller tries them first).
    """
    people = person_names()
    key = name_key(" ".join(t.text for t in tokens[i:j]))
    if key in people.full:
        return True
    if j < len(tokens) and _starts_surname(tokens, j, doc_text):
        return True  # "Bashar" before "al-Assad"
    if j < len(tokens) and j - i == 1 and key in people.given:
        return True  # "Bashar Assad", "Vladimir Putin"
    return i > 0 and _starts_surname(tokens, i, doc_text)  # "al-Assad" after "Bashar"

