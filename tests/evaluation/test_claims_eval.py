"""Claims evaluator: alignment and scoring on hand-made records, the packaged gold set and floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from observatory.evaluation import claims_eval, external_eval
from observatory.evaluation.runner import run_all
from observatory.extract import load_nlp
from observatory.models import Claim, Count, Victims


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _claim(n: int, outcome: str, low: int, group: str, part_of: str | None = None) -> Claim:
    return Claim(
        id=f"x-c{n:03d}",
        doc="x",
        text="t",
        span=(0, 1),
        outcome=outcome,  # type: ignore[arg-type]
        count=Count(low=low, high=low, qualifier="exact", text=str(low)),
        victims=Victims(group=group, label=group),
        part_of=part_of,
    )  # type: ignore[arg-type]


def _gold(outcome: str, low: int, group: str, part_of: int | None = None) -> dict[str, object]:
    return {
        "outcome": outcome,
        "low": low,
        "high": low,
        "qualifier": "exact",
        "group": group,
        "side": None,
        "part_of": part_of,
        "hedged": False,
        "historical": False,
        "superseded": False,
        "source_kind": None,
    }


def test_alignment_prefers_group_then_count() -> None:
    preds = [_claim(1, "killed", 30, "people"), _claim(2, "killed", 4, "children", "x-c001")]
    golds = [_gold("killed", 4, "children", 1), _gold("killed", 30, "people")]
    assert claims_eval.align(preds, golds) == {0: 1, 1: 0}
    tally = claims_eval.Tally()
    claims_eval.score_record(preds, golds, tally)
    assert tally.counts["outcome"] == [2, 0, 0]
    assert tally.counts["part_of"] == [1, 0, 0]


def test_missing_and_extra_claims_are_counted() -> None:
    tally = claims_eval.Tally()
    claims_eval.score_record([_claim(1, "injured", 5, "people")], [_gold("killed", 5, "people")], tally)
    assert tally.counts["outcome"] == [0, 1, 1]


def test_gold_dir_records_are_scored(nlp: Language, tmp_path: Path) -> None:
    record = {
        "id": "g1",
        "text": "Gunmen killed 12 farmers near Gao, residents said.",
        "published": "2025-01-05",
        "claims": [dict(_gold("killed", 12, "civilians"), source_kind="witness")],
    }
    (tmp_path / "claims_sentences.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    scores = {s.field: s for s in claims_eval.evaluate(nlp, gold_dir=tmp_path)}
    assert scores["claims.outcome"].f1 == 1.0
    assert scores["claims.source_kind"].f1 == 1.0


@pytest.mark.slow
def test_packaged_gold_meets_floors(nlp: Language) -> None:
    run = run_all(nlp, evaluators=[claims_eval.evaluate])
    assert run.scores, "no claims gold data packaged"
    below = [(s.field, round(s.f1, 3), s.floor) for s in run.scores if not s.passed]
    assert not below


def test_external_states_number() -> None:
    assert external_eval.states("Seven people were killed and four injured.", 7)
    assert external_eval.states("Twenty-three people died.", 23)
    assert external_eval.states("At least 1,200 were hurt.", 1200)
    assert not external_eval.states("A bomb exploded in the market.", 14)


def test_external_skips_when_absent(nlp: Language, tmp_path: Path) -> None:
    assert external_eval.evaluate(nlp, tmp_path / "missing.csv") == []


def test_external_scores_a_small_table(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(
        "Year,Category,Country,Perpetrator,Injured,Dead,Description\n"
        "2019,Explosion,Nowhere,Unknown,20,9,"
        '"A car bomb killed nine people and wounded 20 others at a market."\n'
        '2018,Assault,Nowhere,Unknown,0,3,"Gunmen shot dead three guards and a driver at the gate."\n',
        encoding="utf-8",
    )
    scores = {s.field: s for s in external_eval.evaluate(nlp, path)}
    assert scores["external.injured_exact"].tp == 1
    assert scores["external.killed_exact"].tp + scores["external.killed_exact"].fn == 2
