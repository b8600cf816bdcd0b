"""The shared bounded LRU memo used by the extractors' process-wide caches."""

from __future__ import annotations

from observatory.extract.bounded_cache import BoundedCache


def test_least_recently_used_entry_is_evicted() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now more recent than "b"
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


def test_memo_computes_once_and_keeps_none_results() -> None:
    cache: BoundedCache[str, int | None] = BoundedCache(4)
    calls: list[str] = []

    def compute() -> None:
        calls.append("x")

    assert cache.memo("k", compute) is None
    assert cache.memo("k", compute) is None
    assert calls == ["x"]
