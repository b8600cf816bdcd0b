"""External check of perpetrators and event types on third-party incident descriptions.

Reads the same table as `external_eval` (`../shared/eval/external/terror_incidents_2016_2022/
data_terror.csv`, path from $OBSERVATORY_EXTERNAL_EVAL) at run time; nothing is copied into the
project. Each Description is extracted as one document with the full pipeline.

- external.perpetrator: perpetrators are read from the claim's own sentence only, so the slice
  is the claims whose sentence names the gold Perpetrator (its text, or any alias of the gazetteer
  actor it resolves to); "The Taliban claimed responsibility." in a later sentence is out of
  scope. Per row, the first such claim: correct when its perpetrator's canonical actor is the
  gold's, or label and gold name match fuzzily (rapidfuzz token_set_ratio >= 85). tp = correct,
  fp = a wrong perpetrator, fn = gold not found (missing or wrong).
- external.event_type: rows whose Category maps to an ACLED type (Explosion/Bombing ->
  explosions_remote_violence, Hostage -> violence_against_civilians); the first event's type.
  Assault rows are not scored (ACLED codes them as battles or violence against civilians
  depending on who was attacked, which the table does not say).
"""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from observatory.evaluation.external_eval import external_path
from observatory.evaluation.scores import FieldScore
from observatory.extract.claims.segment import segment
from observatory.extract.context.actor_gazetteer import ActorEntry, load_gazetteer
from observatory.extract.context.events import find_events
from observatory.extract.pipeline import extract_document
from observatory.models import Claim, DocumentInput, Event, Perpetrator

if TYPE_CHECKING:
    from spacy.language import Language

_CATEGORY_TYPES = {
    "explosion": "explosions_remote_violence",
    "bombing": "explosions_remote_violence",
    "hostage": "violence_against_civilians",
}
# Measured 2026-11-23: perpetrator F1 0.612 on 26 rows (0.533 before the fixes it exposed),
# event_type F1 0.948 on 205 rows (0.725 before). Floors sit under those; only raise them.
_FLOOR = {"external.perpetrator": 0.55, "external.event_type": 0.90}


def _gold_entry(name: str) -> ActorEntry | None:
    gaz = load_gazetteer()
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    acronym = re.search(r"\(([^)]+)\)", name)
    return gaz.lookup(plain) or (gaz.lookup(acronym.group(1)) if acronym else None)


def _named_in(description: str, name: str, entry: ActorEntry | None) -> bool:
    text = description.lower()
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip().lower()
    if plain and plain in text:
        return True
    if entry is None:
        return False
    gaz = load_gazetteer()
    forms = [a for a, (e, _) in gaz.aliases.items() if e is entry] + [
        a.lower() for a, e in gaz.acronyms.items() if e is entry
    ]
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms)


def _correct(pred: Perpetrator, name: str, entry: ActorEntry | None) -> bool:
    if entry is not None and pred.actor == entry.name:
        return True
    plain = re.sub(r"\s*\([^)]*\)", "", name)
    return fuzz.token_set_ratio(pred.label.lower(), plain.lower()) >= 85


def evaluate(nlp: Language) -> list[FieldScore]:
    path = external_path()
    if not path.is_file():
        return []
    perp = [0, 0, 0]
    etype = [0, 0, 0]
    with path.open(encoding="utf-8", newline="") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            text = (row.get("Description") or "").strip()
            if not text:
                continue
            doc = DocumentInput(id=f"ext{i}", text=text, content_hash=f"ext{i}")
            # Event types need no model: segment and classify (cheap for every row).
            _score_event(row, find_events(segment(doc), [], [], [], []), etype)
            name = (row.get("Perpetrator") or "").strip()
            if name and _named_in(text, name, _gold_entry(name)):  # only these rows need the pipeline
                _score_perpetrator(row, extract_document(doc, nlp).claims, perp)
    return [
        FieldScore("external.perpetrator", perp[0], perp[1], perp[2], floor=_FLOOR["external.perpetrator"]),
        FieldScore("external.event_type", etype[0], etype[1], etype[2], floor=_FLOOR["external.event_type"]),
    ]


def _score_perpetrator(row: dict[str, str], claims: list[Claim], tally: list[int]) -> None:
    name = (row.get("Perpetrator") or "").strip()
    entry = _gold_entry(name) if name else None
    claim = next((c for c in claims if name and _named_in(c.text, name, entry)), None)
    if claim is None:
        return
    pred = claim.perpetrator
    if pred is not None and _correct(pred, name, entry):
        tally[0] += 1
    else:
        tally[1] += int(pred is not None)
        tally[2] += 1


def _score_event(row: dict[str, str], events: list[Event], tally: list[int]) -> None:
    gold = _CATEGORY_TYPES.get((row.get("Category") or "").strip().lower())
    if gold is None:
        return
    pred = events[0].event_type if events else None
    if pred == gold:
        tally[0] += 1
    else:
        tally[1] += int(pred is not None)
        tally[2] += 1
