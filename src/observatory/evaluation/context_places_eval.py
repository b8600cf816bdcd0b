"""Evaluation of places and times against the team's own gold sets.

Gold files (package data, `data/eval/`), written for this project (no seed or external text):
- `context_places.jsonl` {"id", "text", "title"?, "tags", "places": [{"text", "name": [accepted
  spellings] | null, "country", "admin1", "lat", "lon", "precision"}]}; `name: null` marks a
  settlement no gazetteer knows (must be kept unresolved, never guessed); `places: []` marks traps.
- `context_times.jsonl` {"id", "text", "published", "tags", "times": [{"text", "start", "end",
  "precision"}]}.

Scoring, micro-averaged over records. A prediction matches a gold item when their spans overlap.
- place.name: right place (normalised name among the accepted spellings); a wrong or spurious
  resolved place is a false positive, a missed or wrong gold place a false negative.
- place.country / place.admin1 / place.precision: on matched pairs where gold gives the field.
- place.coords_25km: matched pairs with gold coordinates, predicted point within 25 km.
- place.name_no_parse: place.name with no spaCy parse (what non-candidate sentences get).
- time.start / time.end / time.precision: exact equality on matched pairs; spurious times are
  false positives.
- place.name_heldout / time.start_heldout: the same on records tagged "heldout", written after the
  rules were tuned on the others and never used to tune them (the honest estimate).
- place.country_external: third-party incident descriptions read at run time from
  `$OBSERVATORY_EXTERNAL_EVAL` (default ../shared/eval/external/...): a record is right when the
  countries of the places found include its country, wrong (false positive) when places were
  found but none in its country; skipped when the file is absent.
Floors are in `floors_context_places.yaml`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from observatory.evaluation.external_eval import external_path
from observatory.evaluation.scores import FieldScore
from observatory.extract.context.gazetteer import get_gazetteer
from observatory.extract.context.place_normalize import name_key
from observatory.extract.context.place_text import sentences_of
from observatory.extract.context.places import find_places
from observatory.extract.context.times import find_times
from observatory.extract.document import ParsedDocument
from observatory.models import DocumentInput, PlaceMention

if TYPE_CHECKING:
    from spacy.language import Language

_EVAL = "observatory.data.eval"
PLACE_FIELDS = ("place.name", "place.country", "place.admin1", "place.coords_25km", "place.precision",
                "place.name_no_parse", "place.name_heldout", "place.country_external")
TIME_FIELDS = ("time.start", "time.end", "time.precision", "time.start_heldout")


def _gold(name: str) -> Iterator[dict[str, Any]]:
    text = resources.files(_EVAL).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def _floors() -> dict[str, float]:
    raw = resources.files(_EVAL).joinpath("floors_context_places.yaml").read_text(encoding="utf-8")
    return {str(k): float(v) for k, v in (yaml.safe_load(raw) or {}).items()}


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _parsed(record: dict[str, Any], nlp: Language | None) -> ParsedDocument:
    published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
    doc = DocumentInput(id=record["id"], text=record["text"], title=record.get("title"),
                        published=published, content_hash=record["id"])
    parsed = ParsedDocument(input=doc)
    parsed.sentences = sentences_of(parsed)
    if nlp is not None:
        for sentence in parsed.sentences:
            sentence.doc = nlp(sentence.text)
    return parsed


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.find(needle)
    return (start, start + len(needle)) if start >= 0 else (-1, -1)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same(pred: str | None, gold: Any) -> bool:
    accepted = gold if isinstance(gold, list) else [gold]
    return pred is not None and name_key(pred) in {name_key(str(g)) for g in accepted}


def _score_place(pred: PlaceMention | None, gold: dict[str, Any], tally: Counter[str]) -> None:
    for field, key in (("place.country", "country"), ("place.admin1", "admin1"),
                       ("place.precision", "precision")):
        if gold.get(key) is None:
            continue
        value = getattr(pred, key) if pred else None
        ok = _same(value, gold[key]) if key != "precision" else value == gold[key]
        _count(tally, field, ok, value is not None)
    if gold.get("lat") is not None:
        has = pred is not None and pred.lat is not None and pred.lon is not None
        ok = has and km_between(pred.lat, pred.lon, gold["lat"], gold["lon"]) <= 25  # type: ignore[union-attr,arg-type]
        _count(tally, "place.coords_25km", bool(ok), has)


def _count(tally: Counter[str], field: str, ok: bool, predicted: bool) -> None:
    if ok:
        tally[f"{field}.tp"] += 1
        return
    tally[f"{field}.fn"] += 1
    if predicted:
        tally[f"{field}.fp"] += 1


def _place_record(record: dict[str, Any], nlp: Language | None, tally: Counter[str], name_field: str) -> None:
    predicted = find_places(_parsed(record, nlp), nlp)  # type: ignore[arg-type]
    used: set[int] = set()
    for gold in record["places"]:
        span = _span(record["text"], gold["text"])
        matches = [i for i, p in enumerate(predicted) if _overlaps(p.span, span) and i not in used]
        pred = predicted[matches[0]] if matches else None
        if pred is not None:
            used.add(matches[0])
        if gold["name"] is None:
            _count(tally, name_field, pred is None or pred.name is None, pred is not None)
            continue
        _count(tally, name_field, pred is not None and _same(pred.name, gold["name"]),
               pred is not None and pred.name is not None)
        if name_field == "place.name":
            _score_place(pred, gold, tally)
    spurious = [p for i, p in enumerate(predicted) if i not in used and p.name is not None]
    tally[f"{name_field}.fp"] += len(spurious)


def _time_record(record: dict[str, Any], tally: Counter[str], suffix: str = "") -> None:
    predicted = find_times(_parsed(record, None))
    used: set[int] = set()
    for gold in record["times"]:
        span = _span(record["text"], gold["text"])
        matches = [i for i, t in enumerate(predicted) if _overlaps(t.span, span) and i not in used]
        pred = predicted[matches[0]].ref if matches else None
        if matches:
            used.add(matches[0])
        fields = ("start",) if suffix else ("start", "end", "precision")
        for field in fields:
            value = getattr(pred, field) if pred else None
            expected = gold[field] if field == "precision" else dt.date.fromisoformat(gold[field])
            _count(tally, f"time.{field}{suffix}", value == expected, value is not None)
    for field in ("start",) if suffix else ("start", "end", "precision"):
        tally[f"time.{field}{suffix}.fp"] += len(predicted) - len(used)


def _country_name(raw: str) -> str:
    """The gazetteer's name for a country as the external data spells it ("DR Congo")."""
    for hit in get_gazetteer().exact(name_key(raw)):
        if hit.place.kind == "country" and hit.place.country:
            return hit.place.country
    return raw


def _external_countries(tally: Counter[str]) -> None:
    path = external_path()
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            record = {"id": f"ext{n}", "text": row["Description"]}
            found = {p.country for p in find_places(_parsed(record, None), None) if p.country}  # type: ignore[arg-type]
            gold = _country_name(row["Country"])
            _count(tally, "place.country_external", gold in found, bool(found))


def measure(nlp: Language | None) -> dict[str, tuple[int, int, int]]:
    tally: Counter[str] = Counter()
    for record in _gold("context_places.jsonl"):
        _place_record(record, nlp, tally, "place.name")
        _place_record(record, None, tally, "place.name_no_parse")
        if "heldout" in record.get("tags", []):
            _place_record(record, nlp, tally, "place.name_heldout")
    _external_countries(tally)
    for record in _gold("context_times.jsonl"):
        _time_record(record, tally)
        if "heldout" in record.get("tags", []):
            _time_record(record, tally, "_heldout")
    return {f: (tally[f"{f}.tp"], tally[f"{f}.fp"], tally[f"{f}.fn"]) for f in PLACE_FIELDS + TIME_FIELDS}


def evaluate(nlp: Language) -> list[FieldScore]:
    floors = _floors()
    return [FieldScore(field, tp, fp, fn, floors.get(field)) for field, (tp, fp, fn) in measure(nlp).items()]
