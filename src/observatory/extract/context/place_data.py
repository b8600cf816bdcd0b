"""Loading of the place vocabularies shipped in `observatory/data/places_*.yaml` (read once)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from observatory.data import load_yaml
from observatory.extract.context.place_normalize import name_key

DATA_FILES = ("places_aliases.yaml", "places_regions.yaml", "places_vocab.yaml")


def _read(name: str) -> str:
    return resources.files("observatory.data").joinpath(name).read_text(encoding="utf-8")


def data_fingerprint() -> str:
    """Hash of the shipped vocabularies: the cached index is rebuilt when they change."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(_read(name).encode("utf-8"))
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class PlaceVocab:
    not_places: frozenset[str]
    function_words: frozenset[str]
    not_place_phrases: frozenset[str]
    org_heads: frozenset[str]
    facility_heads: frozenset[str]
    demonyms: dict[str, str]
    place_cues: frozenset[str]
    settlement_nouns: frozenset[str]
    admin1_nouns: frozenset[str]
    admin2_nouns: frozenset[str]
    near_cues: tuple[str, ...]
    directions: dict[str, str]
    actor_nouns: frozenset[str]


def _lower_set(items: list[str]) -> frozenset[str]:
    return frozenset(str(item).casefold() for item in items)


@lru_cache(maxsize=1)
def vocab() -> PlaceVocab:
    raw = load_yaml("places_vocab.yaml")
    return PlaceVocab(
        not_places=_lower_set(raw["not_places"]) | _lower_set(raw["function_words"]),
        function_words=_lower_set(raw["function_words"]),
        not_place_phrases=_lower_set(raw["not_place_phrases"]),
        org_heads=_lower_set(raw["org_heads"]),
        facility_heads=_lower_set(raw["facility_heads"]),
        demonyms={str(k).casefold(): str(v) for k, v in raw["demonyms"].items()},
        place_cues=_lower_set(raw["place_cues"]),
        settlement_nouns=_lower_set(raw["settlement_nouns"]),
        admin1_nouns=_lower_set(raw["admin1_nouns"]),
        admin2_nouns=_lower_set(raw["admin2_nouns"]),
        # Longest first so "on the outskirts of" wins over "outskirts of".
        near_cues=tuple(sorted({str(c).casefold() for c in raw["near_cues"]}, key=len, reverse=True)),
        directions={str(k).casefold(): str(v) for k, v in raw["directions"].items()},
        actor_nouns=_lower_set(raw.get("actor_nouns") or []),
    )


@dataclass(frozen=True)
class PersonNames:
    """Names of people from the actor gazetteer (`actors.yaml`, type person), as place-name keys."""

    full: frozenset[str]  # every alias: "bashar al assad", "hemedti"
    given: frozenset[str]  # first word of a multi-word alias: "bashar" (only blocks before a surname)


@lru_cache(maxsize=1)
def person_names() -> PersonNames:
    full: set[str] = set()
    given: set[str] = set()
    titles = {str(t).casefold() for t in load_yaml("actors.yaml").get("person_titles", [])}
    for actor in load_yaml("actors.yaml").get("actors", []):
        if actor.get("type") != "person":
            continue
        for alias in [actor["name"], *(actor.get("aliases") or [])]:
            key = name_key(str(alias))
            words = key.split()
            if not words or words[0] in titles:
                continue  # "President Assad": the title is not a given name
            full.add(key)
            if len(words) > 1:
                given.add(words[0])
    return PersonNames(frozenset(full), frozenset(given))
