"""External check on third-party incident descriptions (never copied into the project).

Reads `../shared/eval/external/terror_incidents_2016_2022/data_terror.csv` at run time (path from
$OBSERVATORY_EXTERNAL_EVAL or `external_path`), keeps rows whose Description states the gold
Dead/Injured number (digits or number words), extracts claims from the description and compares:
- killed: per sentence, the sum of top-level killed claims (no part_of, not superseded, not
  historical), counting each count's low (or high when only an upper bound is given); the row's
  figure is the largest sentence sum (a restated toll is not added twice). Claims about the
  attackers themselves ("all 4 attackers were killed") are left out: the table counts victims.
- injured: the same for injured claims.
Score: exact match. tp = exact, fp = a figure extracted but wrong, fn = gold rows not matched
(so recall = exact-match accuracy over the slice).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from observatory.evaluation.scores import FieldScore
from observatory.extract.claims import build_claims
from observatory.extract.claims.counts import WORD_VALUES
from observatory.extract.claims.segment import segment
from observatory.extract.pipeline import parse_candidates
from observatory.models import Claim, DocumentInput

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_PATH = Path("../shared/eval/external/terror_incidents_2016_2022/data_terror.csv")


def external_path() -> Path:
    return Path(os.environ.get("OBSERVATORY_EXTERNAL_EVAL", str(DEFAULT_PATH)))


def _words_for(n: int) -> set[str]:
    names = {w for w, v in WORD_VALUES.items() if v == n}
    if 20 < n < 100 and n % 10:
        tens = next(w for w, v in WORD_VALUES.items() if v == n - n % 10)
        unit = next(w for w, v in WORD_VALUES.items() if v == n % 10)
        names |= {f"{tens}-{unit}", f"{tens} {unit}"}
    return names


def states(description: str, value: int) -> bool:
    """True when the description writes the number (digits, with or without separators, or words)."""
    text = description.lower()
    if re.search(rf"(?<![\d,.]){value}(?![\d,])|(?<![\d,.]){value:,}(?![\d])", text):
        return True
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in _words_for(value))


_ATTACKERS = re.compile(r"\b(attacker|assailant|gunm[ae]n|bomber|perpetrator|terrorist|hijacker)s?\b", re.I)


def total(claims: list[Claim], outcome: str) -> int | None:
    per_sentence: dict[tuple[int, int], int] = defaultdict(int)
    for c in claims:
        if c.outcome != outcome or c.part_of or c.superseded or c.historical:
            continue
        if _ATTACKERS.search(c.victims.label):
            continue
        value = c.count.low if c.count.low is not None else c.count.high
        if value is not None:
            per_sentence[c.span] += value
    return max(per_sentence.values()) if per_sentence else None


def _claims(text: str, year: str, nlp: Language, n: int) -> list[Claim]:
    published = dt.date(int(year), 12, 31) if year.isdigit() else None
    doc = DocumentInput(id=f"ext{n}", text=text, published=published, content_hash=f"ext{n}")
    parsed = segment(doc)
    parse_candidates([parsed], nlp)
    return build_claims(parsed)


def evaluate(nlp: Language, path: Path | None = None) -> list[FieldScore]:
    path = path or external_path()
    if not path.exists():
        return []
    tallies = {"killed": [0, 0, 0], "injured": [0, 0, 0]}
    with path.open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            gold = {"killed": row.get("Dead", ""), "injured": row.get("Injured", "")}
            wanted = {
                k: int(v)
                for k, v in gold.items()
                if v.strip().isdigit() and int(v) > 0 and states(row["Description"], int(v))
            }
            if not wanted:
                continue
            claims = _claims(row["Description"], row.get("Year", ""), nlp, n)
            for outcome, value in wanted.items():
                got = total(claims, outcome)
                row_tally = tallies[outcome]
                if got == value:
                    row_tally[0] += 1
                else:
                    row_tally[1] += int(got is not None)
                    row_tally[2] += 1
    from observatory.evaluation.floors import floors_for

    floors = floors_for("external")
    return [
        FieldScore(field=f"external.{k}_exact", tp=v[0], fp=v[1], fn=v[2], floor=floors.get(f"{k}_exact"))
        for k, v in tallies.items()
    ]
