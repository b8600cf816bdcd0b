"""Described regions: curated ones ("the Syrian coast") and compass regions ("northwestern Syria").

Curated regions come from `places_regions.yaml`; their generic phrases ("the coastal region")
count only in documents about the region's country. A compass region is located at the median
of the country's populated places in that sector (top/bottom third by latitude/longitude).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from observatory.data import load_yaml
from observatory.extract.context.gazetteer import GeoPlace, get_gazetteer
from observatory.extract.context.place_build import country_names
from observatory.extract.context.place_data import vocab
from observatory.extract.context.place_normalize import name_key
from observatory.extract.context.place_text import matches_by_sentence

_SECTOR_NAMES = {"N": "North", "S": "South", "E": "East", "W": "West", "NE": "Northeast",
                 "NW": "Northwest", "SE": "Southeast", "SW": "Southwest", "C": "Central"}


@dataclass(frozen=True)
class RegionPhrase:
    name: str
    country: str
    generic: bool


def _phrase_key(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=1)
def region_phrases() -> tuple[re.Pattern[str], dict[str, RegionPhrase]]:
    """One pattern for every region phrase (one scan per sentence) and what each phrase means."""
    phrases: dict[str, RegionPhrase] = {}
    for entry in load_yaml("places_regions.yaml")["regions"]:
        for phrase in entry["aliases"]:
            phrases[_phrase_key(phrase)] = RegionPhrase(entry["name"], entry["country"], False)
        for phrase in entry.get("generic") or []:
            phrases.setdefault(_phrase_key(phrase), RegionPhrase(entry["name"], entry["country"], True))
    return re.compile(_phrases_pattern(phrases), re.IGNORECASE), phrases


def _phrases_pattern(phrases: Iterable[str]) -> str:
    """Whole-word alternation of `phrases`, longest first, any whitespace between words.

    The lookahead on the phrases' first letters is only a necessary condition (so the matches are
    the same), but it lets the scan reject most positions at once instead of trying every phrase
    in turn: it more than halves the cost of a scan (under IGNORECASE the class matches every
    case variant the phrase letters do).
    """
    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    if not all(ordered):
        return rf"\b(?:{alternatives})\b"  # an empty phrase has no first letter to look for
    firsts = "".join(sorted({re.escape(p[0]) for p in ordered}))
    return rf"(?=[{firsts}])\b(?:{alternatives})\b"


def region_place(name: str, country: str) -> GeoPlace | None:
    for hit in get_gazetteer().exact(name_key(name)):
        place = hit.place
        if place.kind == "region" and place.cc == country:
            return place
    return None


def find_region_spans(
    text: str, bounds: list[tuple[int, int]], countries: tuple[str, ...]
) -> list[list[tuple[int, int, GeoPlace]]]:
    """Curated region phrases inside each text[start:end] of `bounds`; generic ones only for context
    countries."""
    pattern, phrases = region_phrases()
    result = []
    for matches in matches_by_sentence(pattern, text, bounds):
        found = []
        for match in matches:
            region = phrases.get(_phrase_key(match.group(0)))
            if region is None or (region.generic and region.country not in countries):
                continue
            place = region_place(region.name, region.country)
            if place is not None:
                found.append((match.start(), match.end(), place))
        result.append(found)
    return result


def direction_before(text: str, start: int) -> tuple[int, str] | None:
    """A compass word right before a country name: returns (its start, sector code)."""
    match = re.search(r"\b([A-Za-z]+(?:-[A-Za-z]+)?)\s+$", text[max(0, start - 30):start])
    if not match:
        return None
    sector = vocab().directions.get(match.group(1).casefold())
    if sector is None:
        return None
    return start - (len(text[max(0, start - 30):start]) - match.start(1)), sector


def direction_after(text: str, end: int) -> tuple[int, str] | None:
    """A compass word after a possessive country name ("Syria's northwest"): (its end, sector)."""
    match = re.match(r"[’']s\s+([A-Za-z]+(?:-[A-Za-z]+)?)\b", text[end:end + 30])
    if not match:
        return None
    after = end + match.end(1)
    if match.group(1)[:1].isupper() and re.match(r"\s+[A-Z]", text[after:after + 2]):
        return None  # "Sudan's North Darfur state": the compass word begins a province's name
    sector = vocab().directions.get(match.group(1).casefold())
    return (end + match.end(1), sector) if sector else None


def _in_sector(
    lat: float, lon: float, sector: str, lats: tuple[float, float], lons: tuple[float, float]
) -> bool:
    checks = {"N": lat >= lats[1], "S": lat <= lats[0], "E": lon >= lons[1], "W": lon <= lons[0]}
    if sector == "C":
        return lats[0] < lat < lats[1] and lons[0] < lon < lons[1]
    return all(checks[letter] for letter in sector)


@lru_cache(maxsize=256)
def compass_region(country: GeoPlace, sector: str) -> GeoPlace | None:
    cities = [c for c in get_gazetteer().in_country(country.cc) if c.lat is not None and c.lon is not None]
    if len(cities) < 3:
        return None
    lat_cuts = statistics.quantiles([c.lat for c in cities if c.lat is not None], n=3)
    lon_cuts = statistics.quantiles([c.lon for c in cities if c.lon is not None], n=3)
    members = [c for c in cities if c.lat is not None and c.lon is not None
               and _in_sector(c.lat, c.lon, sector, (lat_cuts[0], lat_cuts[1]), (lon_cuts[0], lon_cuts[1]))]
    if not members:
        return None
    lat = statistics.median(c.lat for c in members if c.lat is not None)
    lon = statistics.median(c.lon for c in members if c.lon is not None)
    name = f"{_SECTOR_NAMES[sector]} {country.name}"
    return GeoPlace(f"{country.id}:{sector}", name, country.cc, "region", lat, lon, None, None,
                    sum(c.population for c in members))


@lru_cache(maxsize=1)
def _country_phrase_pattern() -> re.Pattern[str] | None:
    """Country names with lower-case words inside ("Democratic Republic of the Congo") or a first
    word that is also a title ("DR Congo": "Dr").

    The capitalised-chunk scanner stops at "of" and drops titles, so these are found as whole phrases (with or
    without "the" before the last word) and resolve to the country rather than to a town named
    after their last word ("El Congo").
    """
    names = {str(n) for n in country_names().values()}
    for entry in load_yaml("places_aliases.yaml")["aliases"]:
        if entry["kind"] == "country":
            names.update([str(entry["name"]), *(str(a) for a in entry["aliases"])])
    phrases: set[str] = set()
    for name in names:
        first = name.split()[0].casefold().rstrip(".")
        if not (re.search(r"\s(?:of|the|and)\s", name) or (" " in name and first in vocab().not_places)):
            continue  # the chunker finds it whole (only "of" and title-like words such as "DR" split it)
        phrases.add(name)
        phrases.add(re.sub(r"\bof the\b", "of", name))
        phrases.add(re.sub(r"\bof (?!the\b)", "of the ", name))
    if not phrases:
        return None
    return re.compile(_phrases_pattern(phrases))


def find_country_phrases(text: str, bounds: list[tuple[int, int]]) -> list[list[tuple[int, int, GeoPlace]]]:
    """Multi-word country names inside each text[start:end] of `bounds`, resolved to the country."""
    pattern = _country_phrase_pattern()
    if pattern is None:
        return [[] for _ in bounds]
    result = []
    for matches in matches_by_sentence(pattern, text, bounds):
        found = []
        for match in matches:
            country = _country_named(match.group(0))
            if country is not None:
                found.append((match.start(), match.end(), country))
        result.append(found)
    return result


def _country_named(written: str) -> GeoPlace | None:
    phrase = re.sub(r"\bof the\b", "of", written)
    # The form as written first, then its variants: a set's order changes with PYTHONHASHSEED, so
    # two keys naming different countries would give a different answer from run to run.
    variants = (name_key(written), name_key(phrase), name_key(phrase.replace(" of ", " of the ")))
    for key in dict.fromkeys(variants):
        countries = [h.place for h in get_gazetteer().exact(key) if h.place.kind == "country"]
        if countries:
            return countries[0]
    return None
