"""The context-actors evaluator on the packaged gold sets (real model): sizes, fields, floors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from observatory.evaluation.context_actors_eval import evaluate
from observatory.evaluation.registry import EVALUATORS
from observatory.extract import load_nlp


def _records(name: str) -> list[dict[str, Any]]:
    text = resources.files("observatory.data.eval").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_gold_sets_hold_at_least_100_items_each() -> None:
    assert sum(len(r["actors"]) for r in _records("context_actors.jsonl")) >= 100
    assert len(_records("context_perpetrators.jsonl")) >= 100
    assert sum(len(r["events"]) for r in _records("context_events.jsonl")) >= 100
    assert sum(len(r["quotes"]) for r in _records("context_quotes.jsonl")) >= 100


def test_registered() -> None:
    assert evaluate in EVALUATORS


@pytest.mark.slow
def test_every_field_scored_and_above_its_floor() -> None:
    scores = {s.field: s for s in evaluate(load_nlp())}
    for name in ("actor.canonical", "actor.side", "perpetrator.actor", "event.type", "event.sub_type",
                 "quote.text", "quote.speaker"):
        assert f"context.{name}" in scores and f"context.heldout.{name}" in scores
    failing = {f: round(s.f1, 3) for f, s in scores.items() if not s.passed}
    assert not failing


def test_gold_dir_without_files_scores_nothing(tmp_path: Path) -> None:
    assert evaluate(load_nlp(), gold_dir=tmp_path) == []
