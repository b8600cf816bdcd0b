"""Counts: digits, words, ranges, qualifiers, vague words, implicit counts and numbers that never count."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from observatory.models import Claim

Extract = Callable[..., list[Claim]]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("Gunmen killed 1,317 villagers in the district last month.", 1317, 1317, "exact"),
        ("Twenty-three traders were killed when the market was shelled.", 23, 23, "exact"),
        ("Two dozen farmers were abducted near Kaura on Sunday.", 24, 24, "exact"),
        ("A dozen pupils were hurt in the stampede after the blast.", 12, 12, "exact"),
        ("One hundred and six passengers died when the train was bombed.", 106, 106, "exact"),
        ("Between 40 and 55 civilians were killed in the raid.", 40, 55, "range"),
        ("The strike killed 15-20 fighters near the ridge.", 15, 20, "range"),
        ("At least 48 people were killed in the twin bombings.", 48, None, "at_least"),
        ("More than 260 people died in the fighting around the airport.", 260, None, "more_than"),
        ("Over 90 residents were wounded in the shelling.", 90, None, "more_than"),
        ("Nearly 70 miners were killed in the attack on the gold site.", 70, 70, "about"),
        ("Some 300 families fled the town overnight.", 300, 300, "about"),
        ("Up to 35 soldiers may have died in the ambush.", None, 35, "up_to"),
        ("Dozens of worshippers were wounded when the mosque was hit.", 24, 99, "vague"),
        ("Scores of students were detained after the protest.", 40, 99, "vague"),
        ("Several policemen were injured in the clashes.", 3, 9, "vague"),
        ("A few villagers were kidnapped from the farms.", 3, 5, "vague"),
        ("Hundreds of people were killed in the offensive.", 200, 999, "vague"),
        ("Thousands of residents have fled the city since Monday.", 2000, 9999, "vague"),
    ],
)
def test_count_forms(
    claims_of: Extract, text: str, low: int | None, high: int | None, qualifier: str
) -> None:
    claims = claims_of(text)
    assert len(claims) == 1, [c.count for c in claims]
    count = claims[0].count
    assert (count.low, count.high, count.qualifier) == (low, high, qualifier)


def test_at_least_hundreds_keeps_table_low(claims_of: Extract) -> None:
    claims = claims_of("At least hundreds of people were reported killed and dozens more wounded overnight.")
    by_outcome = {c.outcome: c.count for c in claims}
    assert (by_outcome["killed"].low, by_outcome["killed"].high, by_outcome["killed"].qualifier) == (
        200,
        None,
        "at_least",
    )
    assert by_outcome["killed"].text == "At least hundreds"
    assert (by_outcome["injured"].low, by_outcome["injured"].high) == (24, 99)


@pytest.mark.parametrize(
    ("text", "low", "group"),
    [
        ("A family of five was killed when the shell hit their house.", 5, "people"),
        ("A police officer was shot dead at the checkpoint.", 1, "security_forces"),
        ("An 11-year-old girl was among the dead, her father said.", 1, "children"),
        ("The attacker blew himself up, killing himself and 14 worshippers.", 14, "civilians"),
        ("The 34-year-old man was killed in 2019.", 1, "men"),
        ("A shepherd and his two sons were shot dead near the well.", 3, "people"),
    ],
)
def test_implicit_counts(claims_of: Extract, text: str, low: int, group: str) -> None:
    claims = claims_of(text)
    assert [(c.count.low, c.victims.group) for c in claims] == [(low, group)]


@pytest.mark.parametrize(
    "text",
    [
        "The 34-year-old was sentenced in 2019 to 12 years for the killings.",
        "Officials said 60% of the houses were destroyed in the fighting that killed no one.",
        "The government paid $5,000 to each family of those killed.",
        "The army deployed 3,000 troops after the attack.",
        "Fighters burned 45 houses in the village.",
        "The fighting lasted 12 hours and the curfew began at 9 p.m.",
        "No one was hurt in the explosion on 14 March.",
        "None of the 40 passengers was injured.",
        "No casualties were reported after the rocket fell in a field.",
        "It was one of the deadliest attacks in the region.",
        "Tens of thousands of people attended the funeral.",
    ],
)
def test_never_counts(claims_of: Extract, text: str) -> None:
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three hundred and forty-one people were killed when the dam was struck.", 341),
        ("One thousand two hundred residents were displaced by the offensive on Lero.", 1200),
        ("Five hundred seventy-eight prisoners were freed and 12 guards were injured.", None),
        ("Eleven hundred villagers fled across the river overnight.", 1100),
        ("A hundred and twenty pilgrims were killed when the bridge was bombed.", 120),
        ("A thousand two hundred families fled the district of Ubo.", 1200),
    ],
)
def test_compound_number_words_are_one_number(claims_of: Extract, text: str, value: int | None) -> None:
    claims = claims_of(text)
    if value is None:
        assert [c.count.low for c in claims] == [12]  # freed prisoners are no casualties
    else:
        assert [(c.count.low, c.count.high) for c in claims] == [(value, value)]


def test_every_number_of_an_age_list_is_an_age(claims_of: Extract) -> None:
    claims = claims_of("Four sisters aged 6, 9 and 12 were killed when the shell hit their home in Bara.")
    assert [(c.count.low, c.victims.group) for c in claims] == [(4, "women")]
