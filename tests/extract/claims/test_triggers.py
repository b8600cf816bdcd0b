"""The cheap trigger pass: which sentences go to the full model (no model needed here)."""

from __future__ import annotations

import pytest

from observatory.extract.claims.triggers import is_candidate


@pytest.mark.parametrize("sentence", [
    "Militiamen killed 14 villagers near Tamsa on Friday.",
    "The regiment lost nine soldiers when the convoy was ambushed.",
    "Her brigade lost its commander in the assault on the ridge.",
    "Musa Okello, who lost three cousins in the raid, buried them on Sunday.",
    "More than 300 people have lost their lives since the fighting began.",
    "Five farmers went missing after the missile strike on the market.",
    "The deadliest blast left 14 dead in the square.",
])
def test_casualty_sentences_are_candidates(sentence: str) -> None:
    assert is_candidate(sentence)


@pytest.mark.parametrize("sentence", [
    # A weak trigger without a count right after it is politics or economics.
    "The governing alliance lost its majority in 2004 and has changed cabinets four times since.",
    "Prices rose 22 percent this year while the currency lost much of its value.",
    "The rebels lost control of the border crossing, 40 km from the capital.",
    # Words that only start like a casualty word.
    "The Northern Frontier Corps opened three new checkpoints.",
    "Two missiles struck an empty hangar outside the capital.",
    "Abdullahi Warsame chaired the 12-member mission to the region.",
    "The 1998 treaty ended a period of 30 years of border disputes.",
    "Abdurrahim Tesfaye called it one of the deadliest weeks in 12 years.",
])
def test_lookalikes_are_not_candidates(sentence: str) -> None:
    assert not is_candidate(sentence)
