"""Evaluators run by `observatory eval`. Each takes the loaded spaCy pipeline and returns scores.

Add a line per evaluator; keep the list explicit so a missing module fails loudly. An evaluator
may also accept a `gold_dir` keyword (a folder holding its gold files) for `observatory eval --gold`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from observatory.evaluation import (
    claims_eval,
    context_actors_eval,
    context_actors_external,
    context_places_eval,
    external_eval,
)
from observatory.evaluation.scores import FieldScore

if TYPE_CHECKING:
    from spacy.language import Language

Evaluator = Callable[["Language"], list[FieldScore]]

EVALUATORS: list[Evaluator] = [
    claims_eval.evaluate,  # claims gold sentences + documents (data/eval/claims_*.jsonl)
    external_eval.evaluate,  # third-party incident descriptions read from ../shared at run time
    context_actors_eval.evaluate,  # actors, perpetrators, events, quotes (data/eval/context_*.jsonl)
    context_actors_external.evaluate,  # perpetrators and event types on the third-party table (../shared)
    context_places_eval.evaluate,  # places and times (data/eval/context_places.jsonl, context_times.jsonl)
]
