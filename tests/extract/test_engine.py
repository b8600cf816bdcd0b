"""Execution engines: every engine returns exactly the local engine's results, in input order."""

from __future__ import annotations

import json

import pytest

from observatory.bench.corpus import generate_corpus
from observatory.config import Settings
from observatory.extract.engine import (
    ENGINES,
    IN_FLIGHT_PER_WORKER,
    batches,
    iter_extractions,
    ordered,
    ray_address,
)
from observatory.models import DocumentExtraction, DocumentInput


def _documents() -> list[DocumentInput]:
    return [item.doc for item in generate_corpus(6, seed=11)]


def _as_json(results: list[DocumentExtraction]) -> str:
    return json.dumps([r.model_dump(mode="json") for r in results], sort_keys=True)


def test_batches_are_lazy_and_complete() -> None:
    consumed: list[int] = []

    def numbers() -> object:
        for i in range(7):
            consumed.append(i)
            yield i

    stream = batches(numbers(), 3)  # type: ignore[arg-type]
    assert next(stream) == [0, 1, 2]
    assert consumed == [0, 1, 2]
    assert list(stream) == [[3, 4, 5], [6]]


def test_ordered_keeps_a_bounded_window_and_input_order() -> None:
    docs = _documents()
    read: list[str] = []
    submitted: list[int] = []

    def stream() -> object:
        for doc in docs:
            read.append(doc.id)
            yield doc

    def submit(batch: list[DocumentInput]) -> list[DocumentInput]:
        submitted.append(len(read))
        return batch

    def resolve(batch: list[DocumentInput]) -> list[DocumentExtraction]:
        return [DocumentExtraction(doc=d.id) for d in reversed(batch)][::-1]

    results = ordered(submit, resolve, stream(), Settings(batch_size=1), 1)  # type: ignore[arg-type]
    first = next(results)
    assert first.doc == docs[0].id
    assert len(read) <= IN_FLIGHT_PER_WORKER + 1  # never reads the whole input ahead
    assert [first.doc, *(r.doc for r in results)] == [d.id for d in docs]


def test_unknown_engine_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="local, process, ray"):
        list(iter_extractions([], Settings(engine="spark")))


def test_ray_address_prefers_settings_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAY_ADDRESS", "ray://head:10001")
    assert ray_address(Settings()) == "ray://head:10001"
    assert ray_address(Settings(ray_address="10.0.0.5:6379")) == "10.0.0.5:6379"
    monkeypatch.delenv("RAY_ADDRESS")
    assert ray_address(Settings()) is None


@pytest.mark.slow
def test_every_engine_returns_the_local_results_in_order() -> None:
    import ray

    docs = _documents()
    local = list(iter_extractions(docs, Settings(engine="local")))
    assert [r.doc for r in local] == [d.id for d in docs]
    expected = _as_json(local)

    process = list(iter_extractions(iter(docs), Settings(engine="process", processes=2, batch_size=2)))
    assert _as_json(process) == expected

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        # 4 requested on a 2-CPU Ray: capped to 2 actors instead of waiting forever for CPUs.
        remote = list(iter_extractions(iter(docs), Settings(engine="ray", processes=4, batch_size=2)))
    finally:
        ray.shutdown()
    assert _as_json(remote) == expected
    assert set(ENGINES) == {"local", "process", "ray"}
