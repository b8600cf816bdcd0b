"""Evaluation of actors, perpetrators, events and quotes against the team's own gold sets.

Gold files (package data, `data/eval/`), all written for this project:
- `context_actors.jsonl`      {"id", "text", "actors": [{"text", "actor", "side"}]}
- `context_perpetrators.jsonl` {"id", "text", "count_text", "perpetrator": {"label", "actor", "side"} | null}
- `context_events.jsonl`      {"id", "text", "events": [{"sentence", "event_type", "sub_event_type", "kind"}]}
- `context_quotes.jsonl`      {"id", "outlet", "text", "quotes": [{"text", "speaker", "speaker_role"}]}

Records marked `"split": "heldout"` were written after the rules were frozen and are also scored
on their own (`context.heldout.*`), the honest estimate for unseen text; the rest ("dev") were
used while building the rules. `observatory eval --gold DIR` reads the same file names from DIR.

Scoring (per field, micro-averaged over records):
- actor.canonical: (mention text, canonical actor) pairs; actor.side: (canonical actor, side) pairs.
- perpetrator.actor: the canonical actor of the claim's perpetrator (a wrong actor counts as a
  false positive and a false negative); perpetrator.found: perpetrator present vs absent.
- event.type / event.sub_type / event.kind: per gold sentence, the event found there.
- quote.text: quotes matched on normalised text; quote.speaker: the speaker of matched quotes,
  equal after normalisation or one containing the other ("survivor from Arza" vs "a survivor
  from Arza"). Floors are in `floors_context_actors.yaml`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from observatory.evaluation.scores import FieldScore
from observatory.extract.context.actor_sentences import sentences_of
from observatory.extract.context.actors import find_actors
from observatory.extract.context.events import find_events
from observatory.extract.context.perpetrators import attach_perpetrators
from observatory.extract.context.quotes import find_quotes
from observatory.extract.document import ParsedDocument
from observatory.models import Claim, Count, DocumentInput, Victims

if TYPE_CHECKING:
    from spacy.language import Language

_EVAL = "observatory.data.eval"


def _gold(name: str, gold_dir: Path | None = None) -> Iterator[dict[str, Any]]:
    """Records of a gold file: package data, or `gold_dir/name` (nothing when absent there)."""
    if gold_dir is not None:
        path = gold_dir / name
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
    else:
        text = resources.files(_EVAL).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def _floors() -> dict[str, float]:
    raw = resources.files(_EVAL).joinpath("floors_context_actors.yaml").read_text(encoding="utf-8")
    return {str(k): float(v) for k, v in (yaml.safe_load(raw) or {}).items()}


def parse_text(text: str, doc_id: str, nlp: Language, outlet: str | None = None) -> ParsedDocument:
    """A ParsedDocument with every sentence fully parsed (gold texts are short)."""
    doc = DocumentInput(id=doc_id, text=text, outlet=outlet, content_hash=doc_id)
    parsed = ParsedDocument(input=doc)
    parsed.sentences = sentences_of(parsed)
    for sentence, sdoc in zip(parsed.sentences, nlp.pipe(s.text for s in parsed.sentences), strict=True):
        sentence.doc = sdoc
    return parsed


def sentence_claim(parsed: ParsedDocument, count_text: str) -> Claim:
    """A claim spanning the whole text, as the claims stage would produce for the count."""
    text = parsed.text
    return Claim(
        id=f"{parsed.input.id}-c0", doc=parsed.input.id, text=text, span=(0, len(text)), outcome="killed",
        count=Count(low=None, high=None, qualifier="exact", text=count_text),
        victims=Victims(group="unknown", label=""),
    )


class _Tally:
    """Counts per field over all records, and again per field for the held-out records."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.split = "dev"

    def add(self, field: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        keys = [field, f"heldout.{field}"] if self.split == "heldout" else [field]
        for key in keys:
            c = self.counts.setdefault(key, [0, 0, 0])
            c[0] += tp
            c[1] += fp
            c[2] += fn

    def sets(self, field: str, gold: set[Any], pred: set[Any]) -> None:
        self.add(field, len(gold & pred), len(pred - gold), len(gold - pred))

    def value(self, field: str, gold: Any, pred: Any) -> None:
        """One slot: right value = tp; wrong value = fp + fn; missing = fn; spurious = fp."""
        if gold is not None and pred == gold:
            self.add(field, tp=1)
        else:
            self.add(field, fp=int(pred is not None), fn=int(gold is not None))


def _norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(" ,.\"'“”"))
    return " ".join(text.split())


def evaluate_actors(nlp: Language, tally: _Tally, gold_dir: Path | None = None) -> None:
    for rec in _gold("context_actors.jsonl", gold_dir):
        tally.split = rec.get("split", "dev")
        parsed = parse_text(rec["text"], rec["id"], nlp)
        found = [a for a in find_actors(parsed, nlp) if a.actor]
        gold = rec["actors"]
        tally.sets("actor.canonical", {(_norm(a["text"]), a["actor"]) for a in gold},
                   {(_norm(a.text), a.actor) for a in found})
        tally.sets("actor.side", {(a["actor"], a["side"]) for a in gold},
                   {(a.actor, a.side) for a in found})


def evaluate_perpetrators(nlp: Language, tally: _Tally, gold_dir: Path | None = None) -> None:
    for rec in _gold("context_perpetrators.jsonl", gold_dir):
        tally.split = rec.get("split", "dev")
        parsed = parse_text(rec["text"], rec["id"], nlp)
        actors = find_actors(parsed, nlp)
        claim = attach_perpetrators([sentence_claim(parsed, rec["count_text"])], parsed, actors)[0]
        gold, pred = rec["perpetrator"], claim.perpetrator
        tally.value("perpetrator.found", True if gold else None, True if pred else None)
        tally.value("perpetrator.actor", gold and gold["actor"], pred.actor if pred else None)


def evaluate_events(nlp: Language, tally: _Tally, gold_dir: Path | None = None) -> None:
    for rec in _gold("context_events.jsonl", gold_dir):
        tally.split = rec.get("split", "dev")
        parsed = parse_text(rec["text"], rec["id"], nlp)
        events = find_events(parsed, [], find_actors(parsed, nlp), [], [])
        by_sentence = {_norm(e.text): e for e in events}
        gold_sentences = {_norm(g["sentence"]) for g in rec["events"]}
        for g in rec["events"]:
            e = by_sentence.get(_norm(g["sentence"]))
            tally.value("event.type", g["event_type"], e.event_type if e else None)
            tally.value("event.sub_type", g["sub_event_type"], e.sub_event_type if e else None)
            tally.value("event.kind", g["kind"], e.kind if e else None)
        for key, e in by_sentence.items():
            if key not in gold_sentences:
                tally.value("event.type", None, e.event_type)


def _speaker_match(gold: str | None, pred: str | None) -> bool:
    g, p = _norm(gold), _norm(pred)
    return bool(g and p) and (g == p or g in p or p in g)


def evaluate_quotes(nlp: Language, tally: _Tally, gold_dir: Path | None = None) -> None:
    for rec in _gold("context_quotes.jsonl", gold_dir):
        tally.split = rec.get("split", "dev")
        parsed = parse_text(rec["text"], rec["id"], nlp, outlet=rec.get("outlet"))
        found = {_norm(q.text): q for q in find_quotes(parsed, nlp)}
        gold = {_norm(q["text"]): q for q in rec["quotes"]}
        tally.sets("quote.text", set(gold), set(found))
        for key, g in gold.items():
            q = found.get(key)
            if q is None:
                tally.add("quote.speaker", fn=1)
            elif _speaker_match(g["speaker"], q.speaker):
                tally.add("quote.speaker", tp=1)
            else:
                tally.add("quote.speaker", fp=int(q.speaker is not None), fn=1)


def evaluate(nlp: Language, gold_dir: Path | None = None) -> list[FieldScore]:
    """All context-actor fields with their floors (the evaluator registered in the registry)."""
    tally = _Tally()
    evaluate_actors(nlp, tally, gold_dir)
    evaluate_perpetrators(nlp, tally, gold_dir)
    evaluate_events(nlp, tally, gold_dir)
    evaluate_quotes(nlp, tally, gold_dir)
    floors = _floors()
    names = sorted(tally.counts, key=lambda n: (n.startswith("heldout."), list(tally.counts).index(n)))
    return [
        FieldScore(field=f"context.{name}", tp=tp, fp=fp, fn=fn, floor=floors.get(name))
        for name in names
        for tp, fp, fn in [tally.counts[name]]
    ]
