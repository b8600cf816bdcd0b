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


@lru_cache(maxsize=1)
def _quantity_pattern() -> re.Pattern[str]:
    people = "|".join(sorted((re.escape(w) for w in vocab.victims().singular_people), key=len, reverse=True))
    numbers = "|".join(_NUMBER_WORDS.split())
    return re.compile(
        rf"\d|\b({numbers})\b|\b(a|an|one|his|her|their|its)\s+(\S+\s+){{0,3}}?({people})\b",
        re.IGNORECASE,
    )


# Characters between a casualty word and a count for the sentence to be worth parsing: wide enough
# for "31 victims—including nine children and four women—were buried", narrow enough to skip
# sentences where a date or age is far from the casualty word.
WINDOW = 120


def is_candidate(text: str) -> bool:
    triggers = [m.start() for m in vocab.outcomes().trigger.finditer(text)]
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
