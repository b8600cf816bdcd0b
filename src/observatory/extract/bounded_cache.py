"""A bounded least-recently-used memo, shared by the extractors' process-wide caches.

`functools.lru_cache` needs hashable arguments and one cache per function; these caches are keyed
by tuples built from several objects (gazetteer serial, name, context countries) or by text, and
some check a hit before using it (a parse made by another model), so they need get/put.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


class BoundedCache(Generic[K, V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, default: V | None = None) -> V | None:
        """The value for `key` (now the most recently used), or `default`."""
        value = self._items.get(key, _MISSING)
        if value is _MISSING:
            return default
        self._items.move_to_end(key)
        return value  # type: ignore[return-value]

    def put(self, key: K, value: V) -> V:
        self._items[key] = value
        self._items.move_to_end(key)
        if len(self._items) > self.size:
            self._items.popitem(last=False)  # the least recently used
        return value

    def memo(self, key: K, compute: Callable[[], V]) -> V:
        """The cached value for `key`, computing and keeping it on a miss (None is a value too)."""
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        return self.put(key, compute())

    def __len__(self) -> int:
        return len(self._items)
