"""Outcomes, victims, subsets, flags and sources on hand-written sentences (real model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from observatory.models import Claim

Extract = Callable[..., list[Claim]]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Nine farmers were killed in the raid on Dogo.", "killed"),
        ("Eleven residents died of their wounds in hospital.", "killed"),
        ("Militants executed four hostages in the square.", "killed"),
        ("The bodies of 17 men were recovered from the river.", "killed"),
        ("Twelve people were hospitalised after the gas attack.", "injured"),
        ("Seven fishermen are still missing after the boat was shelled.", "missing"),
        ("Police arrested 230 protesters in the capital.", "detained"),
        ("Gunmen abducted 32 passengers from the bus.", "kidnapped"),
        ("About 4,000 residents fled their homes as the fighting spread.", "displaced"),
        ("Six soldiers were laid to rest in their home towns on Sunday.", "killed"),
    ],
)
def test_outcomes(claims_of: Extract, text: str, outcome: str) -> None:
    assert [c.outcome for c in claims_of(text)] == [outcome]


def test_perpetrators_are_not_victims(claims_of: Extract) -> None:
    claims = claims_of("Twelve gunmen killed five soldiers at the outpost.")
    assert [(c.count.low, c.victims.group) for c in claims] == [(5, "security_forces")]


def test_two_outcomes_in_one_sentence(claims_of: Extract) -> None:
    claims = claims_of("Eight people were killed and 23 others injured in the car bombing.")
    assert [(c.outcome, c.count.low) for c in claims] == [("killed", 8), ("injured", 23)]


def test_breakdown_groups_and_side(claims_of: Extract) -> None:
    claims = claims_of("212 pro-government fighters and 97 members of the police were among the dead.")
    groups = [(c.count.low, c.victims.group, c.victims.side) for c in claims]
    assert groups == [(212, "combatants", "pro-government"), (97, "security_forces", None)]
    assert claims[1].victims.label == "members of the police"


def test_subsets_in_one_sentence(claims_of: Extract) -> None:
    claims = claims_of("At least 27 people, among them six women and eleven children, were killed in Kilo.")
    total, women, children = claims
    assert (total.count.low, total.part_of) == (27, None)
    assert (women.victims.group, women.part_of) == ("women", total.id)
    assert (children.victims.group, children.part_of) == ("children", total.id)


def test_including_subset(claims_of: Extract) -> None:
    claims = claims_of("The bodies of 40 victims, including 12 children, were buried in a mass grave.")
    assert [(c.count.low, c.victims.group) for c in claims] == [(40, "people"), (12, "children")]
    assert claims[1].part_of == claims[0].id


def test_breakdown_in_next_sentence(claims_of: Extract) -> None:
    claims = claims_of("At least 54 people were killed in the attack. Among the dead were 8 children.")
    assert claims[1].part_of == claims[0].id


def test_superseded_in_sentence(claims_of: Extract) -> None:
    claims = claims_of(
        "Officials initially put the death toll at 35, but it has since risen to 61 people killed."
    )
    assert [(c.count.low, c.superseded) for c in claims] == [(35, True), (61, False)]


def test_superseded_by_later_revision(claims_of: Extract) -> None:
    text = (
        "Nineteen people were killed in the blast, police said.\n"
        "The death toll later rose to 44, hospital officials said."
    )
    claims = claims_of(text)
    assert [(c.count.low, c.superseded) for c in claims] == [(19, True), (44, False)]


def test_historical(claims_of: Extract) -> None:
    claims = claims_of(
        "In 2014, the same group killed 80 villagers in Gamboru.", published=dt.date(2025, 2, 1)
    )
    assert claims[0].historical


def test_recent_is_not_historical(claims_of: Extract) -> None:
    claims = claims_of("On Tuesday, the group killed 80 villagers in Gamboru.", published=dt.date(2025, 2, 1))
    assert not claims[0].historical


def test_hedged(claims_of: Extract) -> None:
    claims = claims_of(
        "The rebels claimed that 40 soldiers were killed, which could not be independently verified."
    )
    assert claims and all(c.hedged for c in claims)


def test_claimed_responsibility_is_not_a_hedge(claims_of: Extract) -> None:
    claims = claims_of("Nine soldiers were killed in the attack and the group claimed responsibility.")
    assert claims and not claims[0].hedged


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("According to the Northern Rights Observatory, 63 civilians were killed.", "monitor"),
        ("Forty people were killed in the strikes, the health ministry said.", "government"),
        ("The army said 22 insurgents were killed in the operation.", "military"),
        ("Thirty people were wounded, doctors at the city hospital said.", "medical"),
        ("Fifteen people were killed, residents told reporters.", "witness"),
        ("Twenty villagers were abducted, local sources said.", "local_sources"),
        ("At least 12 people died, according to UNICEF.", "un_ngo"),
    ],
)
def test_source_kind(claims_of: Extract, text: str, kind: str) -> None:
    claims = claims_of(text)
    assert claims and claims[0].source is not None
    assert claims[0].source.kind == kind


def test_source_carries_over_in_paragraph(claims_of: Extract) -> None:
    text = (
        "The Kivu Security Monitor said the fighting was the worst this year. "
        "At least 31 civilians were killed and 70 wounded."
    )
    claims = claims_of(text)
    assert claims and all(c.source and c.source.kind == "monitor" for c in claims)


def test_ids_are_deterministic(claims_of: Extract) -> None:
    text = "Seven people were killed and 12 injured in the blast."
    assert [c.id for c in claims_of(text)] == [c.id for c in claims_of(text)] == ["t-c001", "t-c002"]


def test_lost_their_lives_and_perpetrator_subject(claims_of: Extract) -> None:
    claims = claims_of("More than 400 people have lost their lives. Gunmen shot dead 6 herders.")
    assert [(c.count.low, c.victims.group) for c in claims] == [(400, "people"), (6, "civilians")]


def test_elided_victims_take_the_group_before(claims_of: Extract) -> None:
    claims = claims_of("Fourteen miners were killed and nine injured in the collapse caused by the blast.")
    assert [(c.outcome, c.victims.group) for c in claims] == [
        ("killed", "civilians"),
        ("injured", "civilians"),
    ]


def test_of_them_subset(claims_of: Extract) -> None:
    claims = claims_of(
        "The fighting has killed 2,310 people this year, 1,450 of them civilians, the monitor said."
    )
    assert [(c.count.low, c.victims.group) for c in claims] == [(2310, "people"), (1450, "civilians")]
    assert claims[1].part_of == claims[0].id and claims[1].outcome == "killed"


def test_disclaimer_sentence_hedges_previous_claim(claims_of: Extract) -> None:
    claims = claims_of("The rebels said they had captured 40 soldiers. The claim could not be verified.")
    assert claims and claims[0].hedged and claims[0].outcome == "detained"


def test_year_in_other_clause_is_not_historical(claims_of: Extract) -> None:
    text = "On Sunday at least 9 people were killed in the town, which lost 70 residents in a raid in 2016."
    claims = claims_of(text, published=dt.date(2025, 5, 1))
    assert [(c.count.low, c.historical) for c in claims] == [(9, False), (70, True)]


def test_relative_named_without_count_is_counted(claims_of: Extract) -> None:
    claims = claims_of("Militiamen killed the headman and his three sons at the well.")
    assert [c.count.low for c in claims] == [4]


def test_one_family_is_not_a_count(claims_of: Extract) -> None:
    claims = claims_of("Five members of one family, including an infant, died in the shelling.")
    assert [(c.count.low, c.victims.group) for c in claims] == [(5, "people"), (1, "children")]
    assert claims[1].part_of == claims[0].id


def test_appositive_breakdown(claims_of: Extract) -> None:
    claims = claims_of("52 people, 9 policemen and 43 civilians, were killed in the bombing.")
    assert [c.count.low for c in claims] == [52, 9, 43]
    assert claims[1].part_of == claims[0].id and claims[2].part_of == claims[0].id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army units neutralised 12 insurgents near the ridge at Kapo.", ("killed", 12, 12, "combatants")),
        ("The brigade said it had neutralized 15 near the border post.", ("killed", 15, 15, "combatants")),
        ("The shelling forced 3,000 people from their homes in Ruvo.", ("displaced", 3000, 3000, "people")),
        ("The offensive drove 8,000 villagers from their homes.", ("displaced", 8000, 8000, "civilians")),
        ("The rebels took 30 soldiers prisoner near Lisa.", ("detained", 30, 30, "security_forces")),
        ("Troops took 14 fighters prisoner after the battle.", ("detained", 14, 14, "combatants")),
        ("Police rounded up 60 men in the cattle market.", ("detained", 60, 60, "men")),
        ("The blast injured upwards of 45 commuters at the depot.", ("injured", 45, None, "civilians")),
        (
            "The mortar round killed 23 displaced people sheltering in a school.",
            ("killed", 23, 23, "civilians"),
        ),
        (
            "Twelve displaced people were killed when the camp at Odo was shelled.",
            ("killed", 12, 12, "civilians"),
        ),
        ("Gunmen killed three members of a self-defence militia in Gora.", ("killed", 3, 3, "combatants")),
    ],
)
def test_outcome_verbs_and_victim_nouns(claims_of: Extract, text: str, expected: tuple[object, ...]) -> None:
    """Euphemisms and phrasal outcomes; a state adjective on the victims ("displaced people") does
    not override the verb's outcome."""
    claims = claims_of(text)
    assert [(c.outcome, c.count.low, c.count.high, c.victims.group) for c in claims] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials first put the death toll at 25 but later revised it to 58.",
            [(25, True), (58, False)],
        ),
        ("The army said 12 soldiers died, but later raised it to 19.", [(12, True), (19, False)]),
        ("The death toll rose to 51 from 33, the governor said.", [(51, False), (33, True)]),
        ("The number of injured increased to 70 from 45 on Tuesday.", [(70, False), (45, True)]),
        ("The number of dead climbed from 17 to 29 overnight.", [(17, True), (29, False)]),
        ("The toll has been revised down to 18 from 25.", [(18, False), (25, True)]),
        ("The toll in the Sedo market strike climbed overnight to 31.", [(31, False)]),
    ],
)
def test_revised_figures(claims_of: Extract, text: str, expected: list[tuple[int, bool]]) -> None:
    """A revision keeps its new value, and the figure it replaces is superseded."""
    assert [(c.count.low, c.superseded) for c in claims_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen abducted two surgeons and a nurse from the clinic in Tama.", [("kidnapped", 3, "medical")]),
        ("The blast killed four soldiers and two policemen at the gate.", [("killed", 6, "security_forces")]),
        ("Militants kidnapped five farmers and three herders near Uba.", [("kidnapped", 8, "civilians")]),
        (
            "Gunmen abducted three teachers and two soldiers on the Kere road.",
            [("kidnapped", 3, "civilians"), ("kidnapped", 2, "security_forces")],
        ),
        (
            "Six women and four children were killed in Abala.",
            [("killed", 6, "women"), ("killed", 4, "children")],
        ),
    ],
)
def test_coordinated_counts_of_one_group_are_one_claim(
    claims_of: Extract, text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert [(c.outcome, c.count.low, c.victims.group) for c in claims_of(text)] == expected


def test_hedges_and_sources_stay_in_their_contrasted_clause(claims_of: Extract) -> None:
    claims = claims_of(
        "The Liberation Front claimed it had killed 40 soldiers, but the army put the toll at eleven."
    )
    got = [(c.count.low, c.hedged, c.source.kind if c.source else None) for c in claims]
    assert got == [(40, True, "armed_group"), (11, False, "military")]
    claims = claims_of("Gunmen killed 12 villagers in Dase, but police said only five people died.")
    assert [(c.count.low, c.source.kind if c.source else None) for c in claims] == [
        (12, None),
        (5, "military"),
    ]
    # A disclaimer clause with no figure of its own still hedges the figure before it, and a
    # sentence-final attribution covers every clause.
    claims = claims_of("The ministry said 14 people were killed, but the figure could not be verified.")
    assert [c.hedged for c in claims] == [True]
    claims = claims_of("Twelve soldiers were killed, while three remain missing, the army said.")
    assert [c.source.kind if c.source else None for c in claims] == ["military", "military"]
    claims = claims_of(
        "The group claimed to have killed 50 troops; the army said five soldiers were wounded."
    )
    assert [(c.hedged, c.source.kind if c.source else None) for c in claims] == [
        (True, None),
        (False, "military"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The Houthi-run health ministry said 17 people were killed in the strikes on Ras Isa.",
            "government",
        ),
        ("The Hamas-run interior ministry said 9 policemen were killed.", "government"),
        ("The health ministry said 23 people were injured in the blast at Kuru.", "government"),
        (
            "Houthi forces released 19 crew members seized from the tanker, shipping security sources said.",
            "unnamed",
        ),
        ("The Lake Chad Conflict Barometer said 31 civilians were killed last week.", "monitor"),
        ("At least 22 civilians were killed, according to the Rift Security Tracker.", "monitor"),
    ],
)
def test_source_kinds(claims_of: Extract, text: str, kind: str) -> None:
    assert [c.source.kind if c.source else None for c in claims_of(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike on the hotel killed seven people, among them two reporters, the union said.", (7, 2)),
        ("An airstrike on Selo killed nine people, among them three journalists.", (9, 3)),
        ("Shelling killed 11 civilians in Kasa on Monday, among them four children.", (11, 4)),
        ("The bombing wounded 30 people, among whom were six police officers.", (30, 6)),
    ],
)
def test_among_them_makes_a_part(claims_of: Extract, text: str, expected: tuple[int, int]) -> None:
    total, part = claims_of(text)
    assert (total.count.low, part.count.low) == expected
    assert (total.part_of, part.part_of) == (None, total.id)


def test_single_victim_among_a_total(claims_of: Extract) -> None:
    total, part = claims_of("The attack on the clinic killed eight people, among them a nurse.")
    assert (part.count.low, part.victims.group, part.part_of) == (1, "medical", total.id)


def test_object_of_a_reporting_verb_that_starts_a_clause(claims_of: Extract) -> None:
    claims = claims_of("The brigade released figures showing 40 soldiers were killed in the offensive.")
    assert [(c.outcome, c.count.low, c.victims.group) for c in claims] == [("killed", 40, "security_forces")]


def test_a_trailing_speaker_outranks_the_actor_who_counted(claims_of: Extract) -> None:
    claims = claims_of("Army engineers counted 31 bodies at the quarry, a district official told reporters.")
    assert [c.source.kind if c.source else None for c in claims] == ["government"]
    claims = claims_of("The district council said the monitor recorded 40 deaths in March.")
    assert [c.source.kind if c.source else None for c in claims] == ["monitor"]
