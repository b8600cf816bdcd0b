"""Offline gazetteer: a SQLite index built once from packaged data, plus imported GeoNames dumps.

The built-in index lives in the user cache directory (`$OBSERVATORY_CACHE_DIR`, else
`$XDG_CACHE_HOME/observatory`, else `~/.cache/observatory`) and is rebuilt automatically when the
shipped vocabularies change. A GeoNames dump imported with `observatory gazetteer import` goes
to `$OBSERVATORY_GAZETTEER` (default `<cache>/gazetteer-user.sqlite`) and is consulted too.
Lookups are indexed SQL queries, so every process shares the same file instead of holding the
whole table in memory.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from observatory.extract.bounded_cache import BoundedCache
from observatory.extract.context.place_build import builtin_rows, country_names, write_index
from observatory.extract.context.place_data import data_fingerprint

INDEX_VERSION = "7"
BLOCK_CACHE = 512  # fuzzy-candidate blocks kept per process (a few thousand short strings each)
# Blocks are unions of (first letter, exact length, country) buckets: neighbouring lengths and
# country pairs ("CA","US" / "US","CA") share buckets, so each is read from SQLite once.
BUCKET_CACHE = 8192
KIND_RANK = {"country": 0, "region": 1, "admin1": 2, "admin2": 3, "city": 4}


@dataclass(frozen=True)
class GeoPlace:
    id: str
    name: str
    cc: str
    kind: str
    lat: float | None
    lon: float | None
    admin1: str | None
    admin2: str | None
    population: int

    @property
    def country(self) -> str | None:
        return country_names().get(self.cc) if self.cc else None


@dataclass(frozen=True)
class NameHit:
    """A place found under one of its names; `level` 2 curated, 1 main name, 0 alternate name."""

    place: GeoPlace
    key: str
    level: int


def cache_dir() -> Path:
    explicit = os.environ.get("OBSERVATORY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "observatory"


def user_gazetteer_path() -> Path:
    explicit = os.environ.get("OBSERVATORY_GAZETTEER")
    return Path(explicit) if explicit else cache_dir() / "gazetteer-user.sqlite"


def _writable_dir(preferred: Path) -> Path:
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        probe = preferred / ".probe"
        probe.touch()
        probe.unlink()
        return preferred
    except OSError:
        # Read-only home (containers, CI): fall back to the temp dir rather than fail.
        fallback = Path(tempfile.gettempdir()) / "observatory-cache"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def builtin_index_path() -> Path:
    """Path of the built-in index, building it first if missing (once, under a file lock)."""
    folder = _writable_dir(cache_dir())
    path = folder / f"gazetteer-builtin-v{INDEX_VERSION}-{data_fingerprint()}.sqlite"
    if path.exists():
        return path
    with (folder / "gazetteer.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # other processes wait instead of building twice
        if not path.exists():
            rows, _missing = builtin_rows()
            write_index(path, rows, {"source": "builtin", "version": INDEX_VERSION})
            for stale in folder.glob("gazetteer-builtin-*.sqlite"):
                if stale != path:
                    stale.unlink(missing_ok=True)  # built from older vocabularies (~80 MB each)
    return path


def _row_to_place(prefix: str, row: tuple) -> GeoPlace:
    pid, name, cc, admin1, admin2, lat, lon, population, kind = row
    return GeoPlace(f"{prefix}{pid}", name, cc, kind, lat, lon, admin1, admin2, int(population or 0))


_SERIALS = itertools.count()


class Gazetteer:
    """Read-only view over the built-in index and, when present, the user's imported dump."""

    def __init__(self, paths: list[tuple[str, Path]]) -> None:
        self._conns = [(prefix, sqlite3.connect(f"file:{p}?mode=ro", uri=True, check_same_thread=False))
                       for prefix, p in paths]
        self._exact_cache: dict[str, list[NameHit]] = {}
        self._skeleton_cache: dict[str, list[NameHit]] = {}
        self.serial = next(_SERIALS)  # identifies this view in memo keys (ids can be reused)
        self._block_cache: BoundedCache[tuple, list[str]] = BoundedCache(BLOCK_CACHE)
        self._bucket_cache: BoundedCache[tuple, frozenset[str]] = BoundedCache(BUCKET_CACHE)

    def _query(self, sql: str, args: tuple) -> list[NameHit]:
        found: list[NameHit] = []
        for prefix, conn in self._conns:
            for row in conn.execute(sql, args):
                found.append(NameHit(_row_to_place(prefix, row[:9]), row[9], int(row[10])))
        return found

    _SELECT = ("SELECT p.id, p.name, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.population, p.kind, n.key, "
               "n.level FROM names n JOIN places p ON p.id = n.place ")

    def exact(self, key: str) -> list[NameHit]:
        """Entries named exactly `key` (a `name_key`), one hit per place."""
        if key not in self._exact_cache:
            if len(self._exact_cache) > 50_000:
                self._exact_cache.clear()
            self._exact_cache[key] = _dedupe(self._query(self._SELECT + "WHERE n.key = ?", (key,)))
        return self._exact_cache[key]

    def by_skeleton(self, skel: str) -> list[NameHit]:
        """Entries whose name has the consonant outline `skel` (cached like `exact`: an unknown name
        is looked up again whenever its cues differ)."""
        if not skel:
            return []
        if skel not in self._skeleton_cache:
            if len(self._skeleton_cache) > 10_000:
                self._skeleton_cache.clear()
            self._skeleton_cache[skel] = self._query(self._SELECT + "WHERE n.skel = ?", (skel,))
        return self._skeleton_cache[skel]

    def block(self, first: str, length: int, countries: tuple[str, ...]) -> list[NameHit]:
        """Names starting with `first` of about `length` letters, optionally within countries."""
        sql = self._SELECT + "WHERE n.first = ? AND n.len BETWEEN ? AND ?"
        args: tuple = (first, length - 2, length + 2)
        if countries:
            sql += f" AND n.cc IN ({','.join('?' * len(countries))})"
            args += countries
        return self._query(sql, args)

    def block_keys(self, first: str, length: int, countries: tuple[str, ...], min_pop: int = 0) -> list[str]:
        """Distinct name keys starting with `first` of about `length` letters (fuzzy candidates).

        Cached: documents about one country ask for the same blocks again and again.
        """
        return self._block_cache.memo((first, length, countries, min_pop),
                                      lambda: self._block_keys(first, length, countries, min_pop))

    def _block_keys(self, first: str, length: int, countries: tuple[str, ...], min_pop: int) -> list[str]:
        keys: set[str] = set()
        for size in range(length - 2, length + 3):
            for cc in countries or ("",):
                keys |= self._bucket(first, size, cc, min_pop)
        return sorted(keys)

    def _bucket(self, first: str, size: int, cc: str, min_pop: int) -> frozenset[str]:
        """Distinct name keys starting with `first` of exactly `size` letters (in country `cc`)."""
        return self._bucket_cache.memo((first, size, cc, min_pop),
                                       lambda: self._read_bucket(first, size, cc, min_pop))

    def _read_bucket(self, first: str, size: int, cc: str, min_pop: int) -> frozenset[str]:
        # With a country, `+pop` keeps SQLite on the (cc, first, len) index: on (first, len, pop)
        # it would visit every country's rows of the bucket and filter them by cc. No DISTINCT: the
        # set below removes duplicates, and SQLite's temporary B-tree for it cost a quarter of the
        # query (a generated document's first fuzzy lookups load a few such buckets).
        sql = "SELECT key FROM names WHERE first = ? AND len = ? AND "
        args: tuple = (first, size, min_pop)
        if cc:
            sql += "+pop >= ? AND cc = ?"
            args += (cc,)
        else:
            sql += "pop >= ?"
        keys: set[str] = set()
        for _prefix, conn in self._conns:
            keys.update([row[0] for row in conn.execute(sql, args).fetchall()])
        return frozenset(keys)

    def in_country(self, cc: str, kind: str = "city") -> list[GeoPlace]:
        sql = ("SELECT id, name, cc, admin1, admin2, lat, lon, population, kind, '', 0 FROM places "
               "WHERE cc = ? AND kind = ?")
        return [hit.place for hit in self._query(sql, (cc, kind))]


def _dedupe(hits: list[NameHit]) -> list[NameHit]:
    """One hit per place (best name level), also across the built-in index and an imported dump."""
    best: dict[tuple, NameHit] = {}
    for hit in hits:
        place = hit.place
        key = (place.cc, place.kind, round(place.lat or 0, 1), round(place.lon or 0, 1))
        if key not in best or hit.level > best[key].level:
            best[key] = hit
    return list(best.values())


@lru_cache(maxsize=4)
def _open(user_path: str) -> Gazetteer:
    paths = [("b", builtin_index_path())]
    if user_path and Path(user_path).exists():
        paths.append(("u", Path(user_path)))
    return Gazetteer(paths)


# Environment variables that decide where the gazetteer files are (see cache_dir/user_gazetteer_path).
_PATH_VARS = ("OBSERVATORY_GAZETTEER", "OBSERVATORY_CACHE_DIR", "XDG_CACHE_HOME", "HOME")
# The gazetteer chosen for those variables' values. Every document asks for it, and resolving the
# paths and stat-ing the dump cost more than the rest of a short document's place lookups, so the
# choice is kept for the process life; reset_gazetteer() (run after an import) forgets it.
_CHOSEN: dict[tuple[str | None, ...], Gazetteer] = {}


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built lazily once; reopened if the user dump path changes)."""
    env = tuple(os.environ.get(name) for name in _PATH_VARS)
    gaz = _CHOSEN.get(env)
    if gaz is None:
        user = user_gazetteer_path()
        gaz = _open(str(user) if user.exists() else "")
        _CHOSEN.clear()
        _CHOSEN[env] = gaz
    return gaz


def reset_gazetteer() -> None:
    """Forget open gazetteers (after an import, so the new dump is used)."""
    _CHOSEN.clear()
    _open.cache_clear()
