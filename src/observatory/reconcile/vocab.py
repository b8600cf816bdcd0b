"""Reconcile vocabulary and thresholds, read once from `observatory/data/reconcile.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from observatory.data import load_yaml


@dataclass(frozen=True)
class NotScene:
    """Cues marking a place named in passing (clustering.not_scene in reconcile.yaml)."""

    before: tuple[re.Pattern[str], ...]  # searched in the text just before the place name
    after: tuple[re.Pattern[str], ...]  # matched at the text just after it
    dateline: tuple[re.Pattern[str], ...]  # matched after a place name that opens the sentence


@dataclass(frozen=True)
class Vocab:
    window_days: int
    background_days: int
    background_phrases: tuple[re.Pattern[str], ...]
    text_similarity: float
    minhash_permutations: int
    not_scene: NotScene
    credible_kinds: frozenset[str]
    partisan_kinds: frozenset[str]
    total_groups: tuple[str, ...]
    top_level_groups: tuple[str, ...]
    civilian_partition: tuple[str, ...]
    civilian_subgroups: tuple[str, ...]
    exact_tolerance: float
    partial_fraction: float
    same_time_days: int
    civilian_groups: frozenset[str]
    combatant_groups: frozenset[str]
    initiator_after: tuple[re.Pattern[str], ...]
    initiator_before: tuple[re.Pattern[str], ...]
    responder: tuple[re.Pattern[str], ...]
    background_year: re.Pattern[str]
    denial: tuple[re.Pattern[str], ...]
    civilian_status: tuple[re.Pattern[str], ...]
    combatant_status: tuple[re.Pattern[str], ...]
    title_kinds: dict[str, str]
    event_titles: dict[str, str]


def _patterns(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = load_yaml("reconcile.yaml")
    clus, contra = raw["clustering"], raw["contradictions"]
    return Vocab(
        window_days=int(clus["window_days"]),
        background_days=int(clus["background_days"]),
        background_phrases=_patterns(clus["background_phrases"]),
        text_similarity=float(clus["text_similarity"]),
        minhash_permutations=int(clus["minhash_permutations"]),
        not_scene=NotScene(
            before=_patterns(clus["not_scene"]["before"]),
            after=_patterns(clus["not_scene"]["after"]),
            dateline=_patterns(clus["not_scene"]["dateline"]),
        ),
        credible_kinds=frozenset(raw["credible_source_kinds"]),
        partisan_kinds=frozenset(raw["partisan_source_kinds"]),
        total_groups=tuple(raw["total_groups"]),
        top_level_groups=tuple(raw["top_level_groups"]),
        civilian_partition=tuple(raw["civilian_partition"]),
        civilian_subgroups=tuple(raw["civilian_subgroups"]),
        exact_tolerance=float(contra["exact_tolerance"]),
        partial_fraction=float(contra["partial_fraction"]),
        same_time_days=int(contra["same_time_days"]),
        civilian_groups=frozenset(raw["victim_kinds"]["civilian"]),
        combatant_groups=frozenset(raw["victim_kinds"]["combatant"]),
        initiator_after=_patterns(raw["initiator_cues"]["after"]),
        initiator_before=_patterns(raw["initiator_cues"]["before"]),
        responder=_patterns(raw["initiator_cues"]["responder"]),
        background_year=re.compile(raw["background_year"]),
        denial=_patterns(raw["denial_cues"]),
        civilian_status=_patterns(raw["victim_status_cues"]["civilian"]),
        combatant_status=_patterns(raw["victim_status_cues"]["combatant"]),
        title_kinds=dict(raw["title_kinds"]),
        event_titles=dict(raw["event_titles"]),
    )
