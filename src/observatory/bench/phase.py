"""One measured pass over a corpus, run in a fresh process so its peak memory is its own.

`python -m observatory.bench.phase '<json spec>'` prints one JSON object: seconds, documents,
tokens, claims, recall against the generator's truth, peak RSS, and the claim keys per document
(so the parent can check that the optimized path finds what the baseline finds).

Peak memory is the process's high-water resident set size from `getrusage` (plus its children's,
for the process engine): tracemalloc would miss spaCy's and NumPy's native allocations.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from observatory.bench.corpus import BenchDocument, generate_corpus, generate_document, read_corpus
from observatory.config import Settings
from observatory.models import DocumentExtraction, DocumentInput

ClaimKey = tuple[str, int | None, int | None, str]


@dataclass
class PhaseSpec:
    """What to run: `path` (a corpus JSONL) or `generate` documents of `seed`, through `phase`."""

    phase: str  # "baseline" | "optimized"
    path: str | None = None
    generate: int = 0
    seed: int = 0
    engine: str = "local"
    processes: int = 1
    batch_size: int = 64
    keys: bool = True  # return claim keys per document (off for the large memory runs)


@dataclass
class Tally:
    docs: int = 0
    tokens: int = 0
    claims: int = 0
    truth: int = 0
    matched: int = 0
    keys: list[list[ClaimKey]] = field(default_factory=list)


def peak_rss_mb() -> float:
    """High-water RSS of this process and of its (finished) children, in MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round((own + children) / 1024, 1)


def cpu_seconds() -> float:
    """CPU time of this process and its reaped children (pool workers): robust to a busy machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def claim_key(claim: Any) -> ClaimKey:
    return (claim.outcome, claim.count.low, claim.count.high, claim.victims.group)


def _corpus(spec: PhaseSpec) -> Iterator[BenchDocument]:
    if spec.path:
        return read_corpus(Path(spec.path))
    return generate_corpus(spec.generate, spec.seed)


Extractor = Callable[[Iterable[DocumentInput]], Iterator[DocumentExtraction]]


def _extractor(spec: PhaseSpec, settings: Settings) -> Extractor:
    from observatory.bench.baseline import baseline_batch, extract_baseline
    from observatory.extract.engine import iter_extractions, process_map

    if spec.phase == "baseline" and spec.processes > 1:
        return lambda docs: process_map(docs, settings, baseline_batch)
    if spec.phase == "baseline":
        return lambda docs: extract_baseline(docs, settings)
    return lambda docs: iter_extractions(docs, settings)


def _tally(tally: Tally, item: BenchDocument, result: DocumentExtraction, keep_keys: bool) -> None:
    keys = [claim_key(c) for c in result.claims]
    truth: Counter[ClaimKey] = Counter(t.key() for t in item.truth)
    tally.docs += 1
    tally.tokens += item.tokens
    tally.claims += len(keys)
    tally.truth += sum(truth.values())
    tally.matched += sum((truth & Counter(keys)).values())
    if keep_keys:
        tally.keys.append(keys)


def run_phase(spec: PhaseSpec) -> dict[str, Any]:
    # More than one process means the process engine for both sides (same parallelism).
    engine = "process" if spec.processes > 1 else spec.engine
    settings = Settings(engine=engine, processes=spec.processes, batch_size=spec.batch_size)
    extract = _extractor(spec, settings)
    if engine == "local":
        # Warm up outside the timer: model load and first-call caches are not throughput. (Pool
        # start-up of the process engine is counted: a real run pays it too.)
        list(extract([generate_document(spec.seed + 7919, 0).doc]))
    pending: deque[BenchDocument] = deque()

    def inputs() -> Iterator[DocumentInput]:
        for item in _corpus(spec):
            pending.append(item)  # results come back in input order, so a FIFO pairs them
            yield item.doc

    tally = Tally()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    for result in extract(inputs()):
        item = pending.popleft()
        if item.doc.id != result.doc:
            raise RuntimeError(f"result for {result.doc} arrived in place of {item.doc.id}")
        _tally(tally, item, result, spec.keys)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_started
    return {
        "phase": spec.phase, "engine": engine, "docs": tally.docs, "tokens": tally.tokens,
        "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "claims": tally.claims,
        "truth": tally.truth, "matched": tally.matched,
        "peak_rss_mb": peak_rss_mb(), "keys": tally.keys,
    }


def main(argv: list[str]) -> int:
    spec = PhaseSpec(**json.loads(argv[0]))
    print(json.dumps(run_phase(spec)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
