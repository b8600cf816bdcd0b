"""Execution engines for extraction: in-process (default), a process pool, or a Ray cluster.

Owner: performance. CLI `extract` and `ingest` call `iter_extractions` with `settings.engine`
set from `--engine`; results are identical whatever the engine and come back in input order.

Extraction is embarrassingly parallel per document, so every engine does the same thing: cut the
input stream into batches of `settings.batch_size` documents, run `extract_documents` on each
batch where the spaCy model is already loaded (once per worker, never per batch), and yield the
results batch by batch in input order. At most a few batches per worker are in flight, so memory
stays flat however long the input is (a plain `Pool.imap` would read the whole input ahead).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import cycle, islice
from typing import Any

from observatory.config import Settings
from observatory.extract.pipeline import extract_documents, load_nlp
from observatory.models import DocumentExtraction, DocumentInput

ENGINES = ("local", "process", "ray")
# Batches queued per worker: enough to keep workers busy while the consumer handles results.
IN_FLIGHT_PER_WORKER = 2


class EngineError(ValueError):
    """The engine cannot run (unknown name, unreachable cluster); the message is one line."""


def iter_extractions(docs: Iterable[DocumentInput], settings: Settings) -> Iterator[DocumentExtraction]:
    """Extract every document with the engine named in `settings.engine`, in input order."""
    if settings.engine not in ENGINES:
        raise EngineError(f"unknown engine {settings.engine!r}; choose one of {', '.join(ENGINES)}")
    if settings.engine == "process":
        yield from process_map(docs, settings)
    elif settings.engine == "ray":
        yield from _ray_engine(docs, settings)
    else:
        yield from extract_documents(docs, settings)


def batches(docs: Iterable[DocumentInput], size: int) -> Iterator[list[DocumentInput]]:
    """Consecutive lists of at most `size` documents, read lazily from `docs`."""
    iterator = iter(docs)
    while batch := list(islice(iterator, max(1, size))):
        yield batch


def ordered(submit: Callable[[list[DocumentInput]], Any], resolve: Callable[[Any], list[DocumentExtraction]],
             docs: Iterable[DocumentInput], settings: Settings, workers: int) -> Iterator[DocumentExtraction]:
    """Submit batches with a bounded window and yield their results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches(docs, settings.batch_size):
        pending.append(submit(batch))
        if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            yield from resolve(pending.popleft())
    while pending:
        yield from resolve(pending.popleft())


# --------------------------------------------------------------------------- process pool
BatchFunction = Callable[[list[DocumentInput], Settings], list[DocumentExtraction]]
_WORKER_SETTINGS: Settings | None = None


def extract_batch(batch: list[DocumentInput], settings: Settings) -> list[DocumentExtraction]:
    """What every worker runs on one batch: the in-process extractor."""
    return list(extract_documents(batch, settings))


def _init_worker(settings: Settings) -> None:
    # Runs once per worker process: load the model here so no batch pays for it.
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    load_nlp(settings.spacy_model)


def _run_in_worker(function: BatchFunction, batch: list[DocumentInput]) -> list[DocumentExtraction]:
    return function(batch, _WORKER_SETTINGS or Settings())


def worker_count(settings: Settings) -> int:
    """`settings.processes` when above 1, else every CPU this process may use."""
    if settings.processes > 1:
        return settings.processes
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def process_map(docs: Iterable[DocumentInput], settings: Settings,
                function: BatchFunction = extract_batch) -> Iterator[DocumentExtraction]:
    """Run `function` (a module-level callable) over batches in a process pool, in input order.

    The benchmark passes its naive baseline here so both sides get the same parallelism.
    """
    workers = worker_count(settings)
    # spawn, not fork: the parent may hold threads (web server, Ray client) that fork would copy badly.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(settings,))
    with pool:
        def submit(batch: list[DocumentInput]) -> Future[list[DocumentExtraction]]:
            return pool.submit(_run_in_worker, function, batch)

        yield from ordered(submit, lambda future: future.result(), docs, settings, workers)


# --------------------------------------------------------------------------- Ray
class RayExtractor:
    """Body of a Ray actor: one model load per actor, then batch after batch.

    Documents and results cross the wire as JSON-ready dicts so a cluster never depends on
    pickling pydantic classes between slightly different installs.
    """

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = Settings(**settings)
        load_nlp(self.settings.spacy_model)

    def extract(self, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        inputs = [DocumentInput.model_validate(doc) for doc in docs]
        return [item.model_dump(mode="json") for item in extract_documents(inputs, self.settings)]


def ray_address(settings: Settings) -> str | None:
    """`--ray-address`/OBSERVATORY_RAY_ADDRESS first, then Ray's own RAY_ADDRESS; None = local Ray."""
    return settings.ray_address or os.environ.get("RAY_ADDRESS") or None


def _ray_engine(docs: Iterable[DocumentInput], settings: Settings) -> Iterator[DocumentExtraction]:
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        address = ray_address(settings)
        if address:
            try:
                ray.init(address=address, log_to_driver=False)
            except ConnectionError as exc:
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise EngineError(f"cannot reach the Ray cluster at {address}: {reason}") from exc
        else:
            # A private local "cluster" of two CPUs: enough to exercise the same code path.
            # address="local" starts a new instance even when `ray start` already runs one here
            # (ray.init would otherwise join it and refuse num_cpus).
            ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        # Each actor holds one CPU: more actors than the cluster has CPUs would never be scheduled
        # and their batches would wait forever.
        workers = min(settings.processes, cpus) if settings.processes > 1 else cpus
        actor_class: Any = ray.remote(num_cpus=1)(RayExtractor)
        # Workers only extract: the database URL (which may hold a password) stays on the driver.
        shipped = settings.model_dump(exclude={"db"})
        actors: list[Any] = [actor_class.remote(shipped) for _ in range(workers)]
        turn = cycle(actors)

        def submit(batch: list[DocumentInput]) -> Any:
            return next(turn).extract.remote([doc.model_dump(mode="json") for doc in batch])

        def resolve(ref: Any) -> list[DocumentExtraction]:
            return [DocumentExtraction.model_validate(item) for item in ray.get(ref)]

        try:
            yield from ordered(submit, resolve, docs, settings, workers)
        finally:
            for actor in actors:
                ray.kill(actor)
    finally:
        if started_here:
            ray.shutdown()
