"""Event and perpetration vocabulary loaded from `data/event_types.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class EventRule:
    priority: int  # position in the file: lower wins when a sentence has several triggers
    event_type: str
    sub_event_type: str | None
    kind: str | None
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class PerpetrationVocab:
    violence_verbs: frozenset[str]
    light_verbs: frozenset[str]
    violence_nouns: frozenset[str]
    not_perpetrators: frozenset[str]
    source_verbs: frozenset[str]
    weapons: frozenset[str]
    attacker_modifiers: frozenset[str]


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    text = resources.files("observatory.data").joinpath("event_types.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=1)
def event_rules() -> tuple[EventRule, ...]:
    return tuple(
        EventRule(i, str(r["type"]), r.get("sub_type"), r.get("kind"), tuple(str(t) for t in r["triggers"]))
        for i, r in enumerate(_raw()["events"])
    )


@dataclass(frozen=True)
class QuoteVocab:
    speech_verbs: frozenset[str]
    speaker_nouns: frozenset[str]


@lru_cache(maxsize=1)
def quote_vocab() -> QuoteVocab:
    q = _raw()["quotes"]
    return QuoteVocab(
        speech_verbs=frozenset(str(w).lower() for w in q["speech_verbs"]),
        speaker_nouns=frozenset(str(w).lower() for w in q["speaker_nouns"]),
    )


@lru_cache(maxsize=1)
def perpetration() -> PerpetrationVocab:
    p = _raw()["perpetration"]
    return PerpetrationVocab(**{k: frozenset(str(w).lower() for w in p[k]) for k in (
        "violence_verbs", "light_verbs", "violence_nouns", "not_perpetrators", "source_verbs", "weapons",
        "attacker_modifiers")})
