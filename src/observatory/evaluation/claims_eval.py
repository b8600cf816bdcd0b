"""Claims evaluation against the team's gold sets (`data/eval/claims_*.jsonl`, format in its README).

Per record, predicted claims are aligned to gold claims: first on (outcome, group), then on outcome
alone, each time preferring the closest count (and, in documents, the gold claim's sentence).
Scores (micro-averaged over records):
- value fields (outcome, count_low, count_high, qualifier, group, side, source_kind): an aligned
  pair with equal values is a true positive; an aligned pair with different values counts as one
  false positive and one false negative; unaligned predictions are false positives and unaligned
  gold claims false negatives. `outcome` therefore measures finding the right claims at all.
- flags (hedged, historical, superseded) and part_of: precision/recall of the positive cases
  (part_of positive = "has a parent", correct only when the parent is the aligned gold parent).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from observatory.evaluation.scores import FieldScore
from observatory.extract.claims import build_claims
from observatory.extract.claims.segment import segment
from observatory.extract.pipeline import parse_candidates
from observatory.models import Claim, DocumentInput

if TYPE_CHECKING:
    from spacy.language import Language

GOLD_FILES = ("claims_sentences.jsonl", "claims_documents.jsonl", "claims_extra.jsonl")
VALUE_FIELDS = ("outcome", "count_low", "count_high", "qualifier", "group", "side", "source_kind")
FLAG_FIELDS = ("part_of", "superseded", "historical", "hedged")


def gold_records(gold_dir: Path | None = None) -> Iterator[dict[str, Any]]:
    """Records of every claims gold file present (package data, or `gold_dir` when given)."""
    for name in GOLD_FILES:
        if gold_dir is not None:
            path = gold_dir / name
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
        else:
            resource = resources.files("observatory.data").joinpath("eval").joinpath(name)
            if not resource.is_file():
                continue
            text = resource.read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip():
                yield json.loads(line)


def predict(record: dict[str, Any], nlp: Language) -> list[Claim]:
    published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
    doc = DocumentInput(
        id=str(record["id"]),
        text=record["text"],
        published=published,
        outlet=record.get("outlet"),
        content_hash=str(record["id"]),
    )
    parsed = segment(doc)
    parse_candidates([parsed], nlp)
    return build_claims(parsed)


def _value(claim: Claim, name: str) -> object:
    return {
        "outcome": claim.outcome,
        "count_low": claim.count.low,
        "count_high": claim.count.high,
        "qualifier": claim.count.qualifier,
        "group": claim.victims.group,
        "side": _norm(claim.victims.side),
        "source_kind": claim.source.kind if claim.source else None,
    }[name]


def _gold_value(gold: dict[str, Any], name: str) -> object:
    key = {"count_low": "low", "count_high": "high"}.get(name, name)
    value = gold.get(key)
    return _norm(value) if name == "side" else value


def _norm(value: object) -> object:
    return str(value).lower().replace("-", " ").strip() if isinstance(value, str) else value


def _distance(pred: Claim, gold: dict[str, Any]) -> float:
    a = pred.count.low if pred.count.low is not None else pred.count.high
    b = gold.get("low") if gold.get("low") is not None else gold.get("high")
    gap = 0.0 if a == b else (abs((a or 0) - (b or 0)) / max(a or 1, b or 1, 1)) + 1.0
    sentence = gold.get("sentence")
    if sentence and sentence not in pred.text and pred.text not in sentence:
        gap += 2.0
    return gap


def align(preds: list[Claim], golds: list[dict[str, Any]]) -> dict[int, int]:
    """Predicted index -> gold index."""
    pairs: dict[int, int] = {}
    for strict in (True, False):
        options = [
            (_distance(p, g), pi, gi)
            for pi, p in enumerate(preds)
            for gi, g in enumerate(golds)
            if p.outcome == g["outcome"] and (not strict or p.victims.group == g["group"])
        ]
        for _, pi, gi in sorted(options):
            if pi not in pairs and gi not in pairs.values():
                pairs[pi] = gi
    return pairs


@dataclass
class Tally:
    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        row = self.counts.setdefault(name, [0, 0, 0])
        row[0] += tp
        row[1] += fp
        row[2] += fn


def score_record(preds: list[Claim], golds: list[dict[str, Any]], tally: Tally) -> None:
    pairs = align(preds, golds)
    index = {c.id: i for i, c in enumerate(preds)}
    unmatched_p = [p for i, p in enumerate(preds) if i not in pairs]
    unmatched_g = [g for i, g in enumerate(golds) if i not in pairs.values()]
    for name in VALUE_FIELDS:
        tally.add(name, fp=len(unmatched_p), fn=len(unmatched_g))
        for pi, gi in pairs.items():
            if _value(preds[pi], name) == _gold_value(golds[gi], name):
                tally.add(name, tp=1)
            else:
                tally.add(name, fp=1, fn=1)
    for name in FLAG_FIELDS:
        for p in unmatched_p:
            tally.add(name, fp=int(bool(_pred_flag(p, name))))
        for g in unmatched_g:
            tally.add(name, fn=int(g.get(name) is not None and g.get(name) is not False))
        for pi, gi in pairs.items():
            p, g = preds[pi], golds[gi]
            if name == "part_of":
                pred_parent = pairs.get(index[p.part_of]) if p.part_of in index else None
                has_p, has_g = p.part_of is not None, g.get("part_of") is not None
                right = has_p and has_g and pred_parent == g["part_of"]
            else:
                has_p, has_g = bool(getattr(p, name)), bool(g.get(name))
                right = has_p and has_g
            tally.add(name, tp=int(right), fp=int(has_p and not right), fn=int(has_g and not right))


def _pred_flag(claim: Claim, name: str) -> bool:
    return claim.part_of is not None if name == "part_of" else bool(getattr(claim, name))


def evaluate_records(
    records: list[dict[str, Any]], nlp: Language, floors: dict[str, float]
) -> list[FieldScore]:
    tally = Tally()
    for record in records:
        score_record(predict(record, nlp), record.get("claims", []), tally)
    return [
        FieldScore(field=f"claims.{name}", tp=tp, fp=fp, fn=fn, floor=floors.get(name))
        for name, (tp, fp, fn) in tally.counts.items()
    ]


def evaluate(nlp: Language, gold_dir: Path | None = None) -> list[FieldScore]:
    from observatory.evaluation.floors import floors_for

    records = list(gold_records(gold_dir))
    if not records:
        return []
    return evaluate_records(records, nlp, floors_for("claims"))
