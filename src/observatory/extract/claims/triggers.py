"""Cheap trigger pass: which sentences can carry a casualty claim and need the full model.

A sentence is a candidate when a casualty word (outcome lexicon) appears together with something
that can be a count: digits, a number word, a vague quantity, or a singular person introduced by
"a/an/one/his/her/their" ("a police officer was killed"). Everything here is regex over raw
text so that non-candidate sentences never reach the model.
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
_ATTRIBUTION = re.compile(
    r"\b(according to|said|says|reported|reports|told|stated|announced|confirmed|estimated|documented|"
    r"monitor|observatory)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _quantity_pattern() -> re.Pattern[str]:
    people = "|".join(sorted((re.escape(w) for w in vocab.victims().singular_people), key=len, reverse=True))
    numbers = "|".join(_NUMBER_WORDS.split())
    return re.compile(
        rf"\d|\b({numbers})\b|\b(a|an|one|his|her|their|its)\s+(\S+\s+){{0,3}}?({people})\b",
        re.IGNORECASE,
    )


def is_candidate(text: str) -> bool:
    if not vocab.outcomes().trigger.search(text):
        return False
    return _quantity_pattern().search(text) is not None


def select_candidates(parsed: ParsedDocument) -> list[int]:
    """Indices of sentences to parse: trigger sentences plus attribution sentences before them
    in the same paragraph (their source carries over to the claims that follow)."""
    chosen: set[int] = set()
    sentences = parsed.sentences
    for sentence in sentences:
        if not is_candidate(sentence.text):
            continue
        chosen.add(sentence.index)
        j = sentence.index - 1
        while j >= 0 and sentences[j].paragraph == sentence.paragraph:
            if _ATTRIBUTION.search(sentences[j].text):
                chosen.add(j)
                break
            j -= 1
    return sorted(chosen)
