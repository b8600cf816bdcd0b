"""Evaluators run by `observatory eval`. Each takes the loaded spaCy pipeline and returns scores.

Add a line per evaluator; keep the list explicit so a missing module fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from observatory.evaluation.scores import FieldScore

if TYPE_CHECKING:
    from spacy.language import Language

Evaluator = Callable[["Language"], list[FieldScore]]

EVALUATORS: list[Evaluator] = []
