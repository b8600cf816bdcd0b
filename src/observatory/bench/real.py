"""Real news text the generator did not write, for a second speed ratio.

The two seed articles and the 324 incident descriptions of the external terror-incident table are
read from `../shared` at run time and never copied into the project. They carry no truth in our
format, so this corpus measures speed and baseline/optimized agreement, not recall.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

from observatory.bench.corpus import BenchDocument, count_tokens
from observatory.models import DocumentInput

SEEDS = Path("corpus") / "seeds"
TERROR_CSV = Path("eval") / "external" / "terror_incidents_2016_2022" / "data_terror.csv"


class RealCorpusError(Exception):
    """The shared folder or one of its files is missing or unreadable."""


def find_shared(explicit: str | None = None) -> Path:
    """The shared material: `explicit`, $OBSERVATORY_SHARED, ./../shared, or next to the checkout."""
    if explicit:
        if not (Path(explicit) / SEEDS).is_dir():
            raise RealCorpusError(f"{explicit}: not a shared folder (no {SEEDS} inside)")
        return Path(explicit)
    here = Path(__file__).resolve().parents[3]  # src/observatory/bench/real.py -> project root
    candidates = [os.environ.get("OBSERVATORY_SHARED"), Path.cwd().parent / "shared", here.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / SEEDS).is_dir():
            return Path(candidate)
    raise RealCorpusError("shared folder with corpus/seeds not found (set OBSERVATORY_SHARED or --shared)")


def _document(text: str, origin: str) -> DocumentInput:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DocumentInput(id=f"real-{digest[:16]}", text=text, path=origin, language="en", content_hash=digest)


REAL_SETS = ("all", "seeds", "descriptions")


def real_texts(shared: Path, which: str = "all") -> list[DocumentInput]:
    """Seed articles, then every non-empty incident description, in file order.

    `which` picks "seeds" (two long articles, mostly background) or "descriptions" (324 short
    incident summaries, nearly every sentence a casualty report) alone; the gate's gain differs.
    """
    if which not in REAL_SETS:
        raise RealCorpusError(f"real text set {which!r}: choose one of {', '.join(REAL_SETS)}")
    seeds = sorted(p for p in (shared / SEEDS).glob("*.txt"))
    if not seeds:
        raise RealCorpusError(f"{shared / SEEDS}: no .txt seed articles")
    documents = [_document(p.read_text(encoding="utf-8"), str(p)) for p in seeds]
    if which == "seeds":
        return documents
    if which == "descriptions":
        documents = []
    table = shared / TERROR_CSV
    try:
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                description = (row.get("Description") or "").strip()
                if description:
                    documents.append(_document(description, str(table)))
    except OSError as error:
        raise RealCorpusError(f"{table}: {error.strerror or error}") from error
    return documents


def real_corpus(n: int, shared: Path, which: str = "all") -> Iterator[BenchDocument]:
    """`n` documents cycling through the real texts (the 326 texts repeat to reach `n`)."""
    for doc in islice(cycle(real_texts(shared, which)), n):
        yield BenchDocument(doc=doc, truth=[], tokens=count_tokens(doc.text))
