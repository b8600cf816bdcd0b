"""Cheap trigger pass: which sentences can carry a casualty claim and need the full model.

A sentence is a candidate when a casualty word (outcome lexicon) appears together with something
that can be a count: digits, a number word, a vague quantity, or a singular person introduced by
"a/an/one/his/her/their" ("a police officer was killed"). Words that merely start like a casualty
word ("Corps", "missile") are excluded, and a weak trigger ("lost") needs its count right after it
("lost six fighters", not "lost control of the border"); both lists live in `outcomes.yaml`.
Everything here is regex over raw text so that non-candidate sentences never reach the model.
"""

from __future__ import annotations

import re
from functools import lru_cache

from observatory.extract.claims import vocab
from observatory.extract.document import ParsedDocument

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million dozen dozens scores hundreds thousands several few handful both"
)


def _quantity() -> str:
    people = "|".join(sorted((re.escape(w) for w in vocab.victims().singular_people), key=len, reverse=True))
    numbers = "|".join(_NUMBER_WORDS.split())
    return rf"\d|\b({numbers})\b|\b(a|an|one|his|her|their|its)\s+(\S+\s+){{0,3}}?({people})\b"


@lru_cache(maxsize=1)
def _quantity_pattern() -> re.Pattern[str]:
    return re.compile(_quantity(), re.IGNORECASE)


@lru_cache(maxsize=1)
def _count_follows() -> re.Pattern[str]:
    """A count within three words after a weak trigger; a year is not one ("lost power in 2019")."""
    year = r"(?:1[89]|20)\d\d\b"
    return re.compile(rf"\s+(?:\S+\s+){{0,2}}?(?!{year})(?:{_quantity()})", re.IGNORECASE)


# Characters between a casualty word and a count for the sentence to be worth parsing: wide enough
# for "31 victims—including nine children and four women—were buried", narrow enough to skip
# sentences where a date or age is far from the casualty word.
WINDOW = 120


def is_candidate(text: str) -> bool:
    lexicon = vocab.outcomes()
    triggers = [
        m.start() for m in lexicon.trigger.finditer(text)
        if not lexicon.weak_trigger.fullmatch(m.group()) or _count_follows().match(text, m.end())
    ]
    if not triggers:
        return False
    for m in _quantity_pattern().finditer(text):
        if any(abs(t - m.start()) <= WINDOW for t in triggers):
            return True
    return False


def select_candidates(parsed: ParsedDocument) -> list[int]:
    """Indices of the sentences to parse. Attribution in the other sentences (whose source carries
    over to the claims that follow) is read without the model, by `sources.text_source`."""
    return [s.index for s in parsed.sentences if is_candidate(s.text)]
