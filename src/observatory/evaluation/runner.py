"""Run every registered evaluator and collect its scores (used by `observatory eval`)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from observatory.evaluation.registry import EVALUATORS, Evaluator
from observatory.evaluation.scores import FieldScore

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class EvalRun:
    scores: list[FieldScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # evaluators that had nothing to score

    @property
    def passed(self) -> bool:
        return all(s.passed for s in self.scores)


def _name(evaluator: Evaluator) -> str:
    return f"{getattr(evaluator, '__module__', '?').rsplit('.', 1)[-1]}.{getattr(evaluator, '__name__', '?')}"


def run_all(
    nlp: Language, gold_dir: Path | None = None, evaluators: list[Evaluator] | None = None
) -> EvalRun:
    run = EvalRun()
    for evaluator in evaluators if evaluators is not None else EVALUATORS:
        kwargs = {}
        if gold_dir is not None and "gold_dir" in inspect.signature(evaluator).parameters:
            kwargs["gold_dir"] = gold_dir
        scores = evaluator(nlp, **kwargs)
        if not scores:
            run.notes.append(f"{_name(evaluator)}: no gold data found, skipped")
        run.scores.extend(scores)
    return run
