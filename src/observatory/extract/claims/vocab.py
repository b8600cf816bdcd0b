"""Vocabularies of the claims extractor, loaded once from the YAML files in `observatory/data`.

Keeping words in data files (documented in each file's header) lets analysts extend the lexicons
without touching the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from observatory.data import load_yaml
from observatory.models import OUTCOMES, Outcome, Qualifier, SourceKind, VictimGroup


@dataclass(frozen=True)
class QuantityVocab:
    vague: dict[str, tuple[int, int]]
    exact_words: dict[str, int]
    units: dict[str, int]
    qualifiers: dict[str, Qualifier]
    not_counts: frozenset[str]
    months: frozenset[str]


@dataclass(frozen=True)
class OutcomeVocab:
    transitive: dict[str, Outcome]
    intransitive: dict[str, Outcome]
    adjectives: dict[str, Outcome]
    nouns: dict[str, Outcome]
    phrases: dict[tuple[str, str], Outcome]
    trigger: re.Pattern[str]
    negators: frozenset[str]
    combatant_verbs: frozenset[str] = frozenset()
    # Trigger texts that count only with a count right after them ("lost six fighters").
    weak_trigger: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True)
class VictimVocab:
    groups: dict[str, VictimGroup]  # lemma or phrase -> group
    default_side: dict[str, str]
    side_words: dict[str, str]
    generic: frozenset[str]
    collective: frozenset[str]
    singular_people: frozenset[str]


@dataclass(frozen=True)
class SourceEntry:
    name: str
    kind: SourceKind
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class SourceVocab:
    gazetteer: tuple[SourceEntry, ...]
    cues: tuple[tuple[SourceKind, tuple[str, ...]], ...]
    reporting_verbs: frozenset[str]
    anaphora: frozenset[str]
    person_kind: SourceKind
    alias_index: dict[str, SourceEntry] = field(default_factory=dict)


@lru_cache(maxsize=1)
def quantities() -> QuantityVocab:
    data = load_yaml("vague_quantities.yaml")
    return QuantityVocab(
        vague={k: (int(v[0]), int(v[1])) for k, v in data["vague"].items()},
        exact_words={k: int(v) for k, v in data["exact_words"].items()},
        units={k: int(v) for k, v in data["units"].items()},
        qualifiers=dict(data["qualifiers"]),
        not_counts=frozenset(str(w).lower() for w in data["not_counts"]),
        months=frozenset(str(w).lower() for w in data["months"]),
    )


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    data = load_yaml("vague_quantities.yaml")
    return {str(k): int(v) for k, v in data["number_words"].items()}


def _stems(
    maps: dict[str, dict[str, Outcome]], phrases: dict[tuple[str, str], Outcome], extra: list[str]
) -> list[str]:
    """Regex stems for the trigger pass: the listed ones plus a prefix of every lexicon word
    (all but the last two letters, at least four: "execute" -> "execu" matches "executed")."""
    # Phrase heads ("take", "leave") are too common to trigger on; their complements are stems.
    words = {w for m in maps.values() for w in m}
    stems = {re.escape(w[: max(4, len(w) - 2)]) for w in words if len(w) >= 3}
    return sorted(stems | {str(s) for s in extra}, key=len, reverse=True)


@lru_cache(maxsize=1)
def outcomes() -> OutcomeVocab:
    data = load_yaml("outcomes.yaml")
    maps: dict[str, dict[str, Outcome]] = {
        k: {} for k in ("transitive", "intransitive", "adjectives", "nouns")
    }
    phrases: dict[tuple[str, str], Outcome] = {}
    for outcome in OUTCOMES:
        entry = data[outcome]
        for kind, target in maps.items():
            for word in entry.get(kind) or []:
                target.setdefault(str(word), outcome)
        for phrase in entry.get("phrases") or []:
            head, _, comp = str(phrase).partition(" ")
            phrases.setdefault((head, comp), outcome)
    excluded = "|".join(str(w) for w in data.get("trigger_exclusions") or [])
    guard = rf"(?!(?:{excluded})\b)" if excluded else ""
    pattern = r"\b" + guard + "(?:" + "|".join(_stems(maps, phrases, data["trigger_stems"])) + ")"
    weak = "|".join(str(w) for w in data.get("weak_triggers") or []) or "(?!)"
    return OutcomeVocab(
        transitive=maps["transitive"],
        intransitive=maps["intransitive"],
        adjectives=maps["adjectives"],
        nouns=maps["nouns"],
        phrases=phrases,
        trigger=re.compile(pattern, re.IGNORECASE),
        negators=frozenset(str(w) for w in data["negators"]),
        combatant_verbs=frozenset(str(w) for w in data.get("combatant_verbs") or []),
        weak_trigger=re.compile(weak, re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def victims() -> VictimVocab:
    data = load_yaml("victim_groups.yaml")
    groups: dict[str, VictimGroup] = {}
    for group, words in data["groups"].items():
        for word in words:
            groups.setdefault(str(word).lower(), group)
    return VictimVocab(
        groups=groups,
        default_side=dict(data.get("default_side") or {}),
        side_words={str(k).lower(): str(v) for k, v in data["side_words"].items()},
        generic=frozenset(str(w) for w in data["generic"]),
        collective=frozenset(str(w) for w in data["collective"]),
        singular_people=frozenset(str(w) for w in data["singular_people"]),
    )


@lru_cache(maxsize=1)
def sources() -> SourceVocab:
    data = load_yaml("sources.yaml")
    entries = tuple(
        SourceEntry(name=e["name"], kind=e["kind"], aliases=tuple(str(a).lower() for a in e["aliases"]))
        for e in data["gazetteer"]
    )
    index = {alias: e for e in entries for alias in e.aliases}
    cues = tuple((kind, tuple(str(w).lower() for w in words)) for kind, words in data["cues"].items())
    return SourceVocab(
        gazetteer=entries,
        cues=cues,
        reporting_verbs=frozenset(data["reporting_verbs"]),
        anaphora=frozenset(str(a).lower() for a in data["anaphora"]),
        person_kind=data["person_kind"],
        alias_index=index,
    )


@dataclass(frozen=True)
class ActorSources:
    aliases: dict[str, SourceEntry]  # lowercase alias -> entry
    acronyms: dict[str, SourceEntry]  # case-sensitive acronym -> entry


# How an actor of `actors.yaml` (the context gazetteer) speaks as a source.
_ACTOR_KINDS: dict[str, SourceKind] = {
    "armed_group": "armed_group",
    "militia": "armed_group",
    "state_force": "military",
    "government": "government",
    "monitor": "monitor",
    "un_ngo": "un_ngo",
    "media": "media",
}


@lru_cache(maxsize=1)
def actor_sources() -> ActorSources:
    """Organisations of the shared actor gazetteer (`data/actors.yaml`) as sources; absent file -> none."""
    resource = resources.files("observatory.data").joinpath("actors.yaml")
    if not resource.is_file():
        return ActorSources({}, {})
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    aliases: dict[str, SourceEntry] = {}
    acronyms: dict[str, SourceEntry] = {}
    for actor in data.get("actors") or []:
        kind = _ACTOR_KINDS.get(str(actor.get("type")))
        if kind is None or actor.get("generic"):
            continue
        entry = SourceEntry(name=str(actor["name"]), kind=kind, aliases=())
        for alias in actor.get("aliases") or []:
            aliases.setdefault(str(alias).lower().replace("’", "'"), entry)
        for acronym in actor.get("acronyms") or []:
            acronyms.setdefault(str(acronym), entry)
    return ActorSources(aliases, acronyms)
