"""Count expressions in a parsed sentence: digits, number words, ranges, qualifiers, vague words.

Returns `Quantity` objects with token positions so the outcome linker can follow the dependency
parse from the number to its noun. Numbers that are never casualty counts (ages, years, money,
percentages, durations, dates, measures) are dropped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from observatory.extract.claims import vocab
from observatory.models import Count, Qualifier

WORD_VALUES: dict[str, int] = vocab.number_words()
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_DIGIT_RANGE = re.compile(r"^(\d[\d,]*)[-–—](\d[\d,]*)$")
# Nouns (lemmas) after a number that make it a measure, not a count of people.
# Nouns after a number that make it a measure, not a count of people, and month names (dates).
_NOT_COUNTS = vocab.quantities().not_counts
_MONTHS = vocab.quantities().months
_SKIP_ENTS = frozenset({"MONEY", "PERCENT", "TIME", "ORDINAL", "QUANTITY"})


@dataclass
class Quantity:
    start: int  # first token (qualifier included)
    end: int  # one past the last token
    anchor: int  # token that carries the number in the parse
    count: Count
    vague: bool = False


def _int(text: str) -> int | None:
    text = text.replace(",", "")
    return int(text) if text.isdigit() else None


def _word_number(doc: Doc, i: int) -> tuple[int, int] | None:
    """Value and end index of a spelled-out number starting at token i: "twenty-three", "two dozen",
    "three hundred and forty-one", "one thousand two hundred". Groups below a thousand are built in
    `group` and added to `total` at each thousand/million, so a compound is always ONE number."""
    units = vocab.quantities().units
    total, group, last = 0, 0, ""  # last: kind of the previous word ("ones", "teen", "tens", "unit")
    started = False
    j = i
    if doc[i].lower_ in {"a", "an"} and i + 1 < len(doc) and doc[i + 1].lower_ in {"hundred", "thousand"}:
        group, last, started, j = 1, "ones", True, i + 1  # "a hundred and twenty" = 120
    while j < len(doc):
        low = doc[j].lower_
        if low in WORD_VALUES:
            part = WORD_VALUES[low]
            kind = "ones" if part < 10 else ("teen" if part < 20 else "tens")
            if started and not _fits(group, last, kind):
                break
            group += part
            last, started = kind, True
            j += 1
        elif started and low == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in WORD_VALUES:
            j += 1
        elif started and low in units and doc[j].tag_ != "NNS" and group > 0:
            unit = units[low]
            if unit >= 1000:
                total, group = total + group * unit, 0  # "one thousand", then "two hundred" more
            else:
                group *= unit  # "three hundred", "two dozen"
            last = "unit"
            j += 1
        elif (
            started
            and low == "and"
            and last == "unit"
            and total + group >= 100
            and j + 1 < len(doc)
            and doc[j + 1].lower_ in WORD_VALUES
        ):
            j += 1  # "one hundred and four"
        else:
            break
    return (total + group, j) if started else None


def _fits(group: int, last: str, kind: str) -> bool:
    """Whether a number word can continue the current group: tens and teens only fill an empty
    tens place ("hundred twenty", not "twenty thirty"), ones only after a round tens or hundreds."""
    if last in {"ones", "teen"}:
        return False
    if kind in {"teen", "tens"}:
        return group % 100 == 0 and last != "tens"
    return group % 10 == 0


def _phrase_at(
    doc: Doc, i: int, table: dict[str, int] | dict[str, tuple[int, int]]
) -> tuple[str, int] | None:
    """Longest phrase of `table` (up to 4 words) starting at token i."""
    first = doc[i].lower_
    if first not in _first_words(id(table), table):
        return None  # cheap exit: most tokens start no phrase
    for size in (4, 3, 2, 1):
        if i + size > len(doc):
            continue
        phrase = " ".join(t.lower_ for t in doc[i : i + size])
        if phrase in table:
            return phrase, i + size
    return None


_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _first_words(key: int, table: dict[str, int] | dict[str, tuple[int, int]]) -> frozenset[str]:
    """First words of the phrases of a vocabulary table (tables are loaded once and cached)."""
    if key not in _FIRST_WORDS:
        _FIRST_WORDS[key] = frozenset(p.split(" ", 1)[0] for p in table)
    return _FIRST_WORDS[key]


def _digits(doc: Doc, i: int) -> tuple[int, int, int] | None:
    """(low, high, end) for a digit token, a digit range token, or digits followed by a unit word."""
    text = doc[i].text
    rng = _DIGIT_RANGE.match(text)
    if rng:
        lo, hi = _int(rng.group(1)), _int(rng.group(2))
        if lo is not None and hi is not None and lo < hi:
            return lo, hi, i + 1
        return None
    if not _DIGITS.match(text):
        return None
    value = _int(text)
    if value is None:
        return None
    j = i + 1
    units = vocab.quantities().units
    if j < len(doc) and doc[j].lower_ in units and doc[j].lower_ not in ("dozen", "score"):
        value *= units[doc[j].lower_]
        j += 1
    return value, value, j


def _single(doc: Doc, i: int) -> tuple[int, int, int, bool] | None:
    """One number at token i: (low, high, end, vague)."""
    q = vocab.quantities()
    phrase = _phrase_at(doc, i, q.vague)
    if phrase and (phrase[0] != "scores" or doc[i].tag_ == "NNS"):
        lo, hi = q.vague[phrase[0]]
        return lo, hi, phrase[1], True
    phrase_exact = _phrase_at(doc, i, q.exact_words)
    word = _word_number(doc, i)
    # The longer reading wins: "one hundred and four" is 104, not "one hundred" then "four".
    if phrase_exact and phrase_exact[0] != "both" and (word is None or phrase_exact[1] >= word[1]):
        v = q.exact_words[phrase_exact[0]]
        return v, v, phrase_exact[1], False
    digits = _digits(doc, i)
    if digits:
        return digits[0], digits[1], digits[2], False
    if word:
        return word[0], word[0], word[1], False
    return None


def _qualifier_before(doc: Doc, i: int) -> tuple[Qualifier, int] | None:
    table = vocab.quantities().qualifiers
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[i - size : i])
        if phrase in table:
            return table[phrase], i - size
    return None


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Ages, years, money, percentages, dates and measures are never casualty counts."""
    first, last = doc[start], doc[end - 1]
    if first.ent_type_ in _SKIP_ENTS and not _mislabelled_time(doc, start):
        return True
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and (
        prev.text in {"$", "€", "£", "#"} or prev.lower_ in _MONTHS | {"aged", "age", "no.", "number"}
    ):
        return True
    if _in_age_list(doc, start):
        return True
    nxt = [t for t in doc[end : end + 4] if t.text not in {"-", "–"}]
    if nxt and (
        nxt[0].lemma_.lower() in _NOT_COUNTS or nxt[0].lower_ in _MONTHS or nxt[0].text in {"%", "$"}
    ):
        return True
    if nxt and nxt[0].lower_ in {"year", "years"} and len(nxt) > 1 and nxt[1].lower_ in {"old", "-old"}:
        return True
    if re.fullmatch(r"1[89]\d\d|20\d\d", last.text) and end - start == 1:
        # A bare four-digit number in the year range is a year unless a person noun follows.
        return not (nxt and nxt[0].pos_ == "NOUN" and nxt[0].lemma_.lower() in vocab.victims().groups)
    around = " ".join(t.lower_ for t in doc[max(0, start - 2) : end + 2])
    if re.search(r"\b(tens|hundreds) of thousands\b|\bthousands of millions\b", around):
        return True  # magnitudes without a convention are not counts
    if (
        first.lower_ == "one"
        and nxt
        and nxt[0].lower_ == "of"
        and any(t.tag_ == "JJS" for t in doc[end : end + 4])
    ):
        return True  # "one of the deadliest ..."
    return bool(re.fullmatch(r"\d+(st|nd|rd|th)", first.text))


def _in_age_list(doc: Doc, start: int) -> bool:
    """ "three brothers aged 8, 11 and 14": every number of the list after "aged" is an age."""
    j = start - 1
    while j >= 0 and (doc[j].like_num or doc[j].lower_ in {",", "and", "between"}):
        j -= 1
    return j >= 0 and j < start - 1 and doc[j].lower_ in {"aged", "ages", "age"}


_CLOCK = re.compile(r"\d[:.]\d\d|\b(a\.?m|p\.?m|o'clock|hours?|hrs|minutes?|mins?|seconds?|noon|midnight)\b")


def _mislabelled_time(doc: Doc, i: int) -> bool:
    """The model tags a bare figure range as TIME ("rose from 17 to 29 overnight"); a real time
    names a clock or duration word."""
    if doc[i].ent_type_ != "TIME":
        return False
    j, k = i, i
    while j > 0 and doc[j].ent_iob_ == "I":
        j -= 1
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
        k += 1
    return _CLOCK.search(doc[j : k + 1].text.lower()) is None


def _anchor(doc: Doc, start: int, end: int) -> int:
    """The token of the expression whose head lies outside it (how the parse attaches the number)."""
    for t in doc[start:end]:
        outside = not (start <= t.head.i < end) or t.head.i == t.i
        if outside and (t.like_num or t.pos_ in {"NUM", "NOUN"}):
            return t.i
    return end - 1


def find_quantities(doc: Doc) -> list[Quantity]:
    """All count expressions in a sentence, left to right, non-overlapping."""
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        single = _single(doc, i)
        if single is None:
            i += 1
            continue
        low, high, end, vague = single
        qualifier: Qualifier = "vague" if vague else ("range" if low != high else "exact")
        start = i
        before = _qualifier_before(doc, i)
        if doc[i - 1].lower_ == "between" if i > 0 else False:
            start = i - 1
        elif before is not None:
            start = before[1]
            if not vague or before[0] in {"at_least", "more_than"}:
                qualifier = before[0]  # "at least hundreds": at_least from the table's low
        # Ranges: "30 to 40", "30-40", "two or three", "between 30 and 40".
        if end + 1 < len(doc) and doc[end].lower_ in {"to", "or", "-", "–", "and"} and not vague:
            second = _single(doc, end + 1)
            joiner = doc[end].lower_
            ok = joiner != "and" or doc[start].lower_ == "between"
            from_to = start > 0 and doc[start - 1].lower_ == "from"
            if second and ok and not from_to and not second[3] and second[0] > low:
                high, end = second[1], second[2]
                qualifier = "range"
        if _excluded(doc, i, end):
            i = end
            continue
        if qualifier == "up_to":
            low = None  # type: ignore[assignment]
        elif qualifier in {"at_least", "more_than"}:
            high = None  # type: ignore[assignment]
        text = doc[start:end].text
        count = Count(low=low, high=high, qualifier=qualifier, text=text)
        found.append(Quantity(start=start, end=end, anchor=_anchor(doc, i, end), count=count, vague=vague))
        i = end
    return found


def token_in(tok: Token, quantities: list[Quantity]) -> Quantity | None:
    for q in quantities:
        if q.start <= tok.i < q.end:
            return q
    return None
