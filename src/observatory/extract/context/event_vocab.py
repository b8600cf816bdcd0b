"""Event and perpetration vocabulary loaded from `data/event_types.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from observatory.data import load_yaml


@dataclass(frozen=True)
class EventRule:
    priority: int  # position in the file: lower wins when a sentence has several triggers
    event_type: str
    sub_event_type: str | None
    kind: str | None
    triggers: tuple[str, ...]
    # (type, sub_type) to use instead when the victims are combatants (the generic killing rule).
    if_combatants: tuple[str, str | None] | None = None


@dataclass(frozen=True)
class PerpetrationVocab:
    violence_verbs: frozenset[str]
    light_verbs: frozenset[str]
    violence_nouns: frozenset[str]
    not_perpetrators: frozenset[str]
    source_verbs: frozenset[str]
    weapons: frozenset[str]
    attacker_modifiers: frozenset[str]
    perpetrator_nouns: frozenset[str]
    violence_forms: frozenset[str]
    generic_actor_modifiers: frozenset[str]
    time_words: frozenset[str]
    collective_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    return load_yaml("event_types.yaml")


@lru_cache(maxsize=1)
def event_rules() -> tuple[EventRule, ...]:
    rules: list[EventRule] = []
    for i, r in enumerate(_raw()["events"]):
        alt = r.get("if_combatant_victims")
        rules.append(EventRule(
            i, str(r["type"]), r.get("sub_type"), r.get("kind"), tuple(str(t) for t in r["triggers"]),
            (str(alt["type"]), alt.get("sub_type")) if alt else None,
        ))
    return tuple(rules)


@lru_cache(maxsize=1)
def lowercase_only() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _raw().get("lowercase_only", []))


@lru_cache(maxsize=1)
def combatant_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _raw().get("combatant_nouns", []))


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
        "attacker_modifiers", "perpetrator_nouns", "violence_forms", "generic_actor_modifiers", "time_words",
        "collective_nouns")})
