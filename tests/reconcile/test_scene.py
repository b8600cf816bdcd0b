"""Places named in passing (reconcile/scene.py) and how clustering treats them."""

from __future__ import annotations

import pytest

from observatory.models import Event
from observatory.reconcile import build_incidents
from observatory.reconcile.clustering import group_document
from observatory.reconcile.scene import is_scene

from .factory import claim, doc, place


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("A police spokesman told a press briefing in Dorvane that nine guards had died.", "Dorvane"),
        ("Speaking from Dorvane, the minister said 12 people were killed.", "Dorvane"),
        ("A nurse, reached by phone in Quillon, said 30 were wounded.", "Quillon"),
        ("The wounded were carried to Quillon on carts.", "Quillon"),
        ("Forty wounded were taken to the main hospital in Quillon.", "Quillon"),
        ("Families fled towards Quillon after the raid.", "Quillon"),
        ("Five men were shot at a checkpoint on the Quillon road.", "Quillon"),
        ("He blamed the Dorvane government for the deaths of 8 people.", "Dorvane"),
        ("A Dorvane-based monitor counted 14 dead.", "Dorvane"),
        ("DORVANE, May 3 (Plains Wire) - Gunmen killed 7 people.", "Dorvane"),
    ],
)
def test_places_named_in_passing_are_not_the_scene(sentence: str, label: str) -> None:
    assert not is_scene(sentence, label)


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Gunmen killed 12 people in Tamsin on Tuesday.", "Tamsin"),
        ("DORVANE, May 3 (Plains Wire) - Gunmen killed 7 people in Tamsin.", "Tamsin"),
        ("Raiders attacked a village close to Tamsin, killing five.", "Tamsin"),
        ("Officials in Tamsin said 12 people were killed in Tamsin market.", "Tamsin"),
        ("Three died in the attack.", "Tamsin"),  # label not in the sentence: trust extract
        ("A local official told the Plains Herald that gunmen killed 12 people in Tamsin.", "Tamsin"),
        ("A nurse told the Plains Herald gunmen killed 12 people in Tamsin.", "Tamsin"),
        ("Aid groups have had no access to Tamsin since 12 people were killed there.", "Tamsin"),
        ("A survivor, speaking after 12 people were killed in Tamsin, wept.", "Tamsin"),
    ],
)
def test_the_scene_is_kept(sentence: str, label: str) -> None:
    assert is_scene(sentence, label)


TAMSIN = place("Tamsin", admin1="Harrow", lat=41.10, lon=22.30)
DORVANE = place("Dorvane", admin1="Capital", lat=44.00, lon=25.00)
ORVEL = place("Orvel", admin1="Harrow", lat=41.60, lon=22.90)


def test_a_briefing_in_the_capital_stays_with_the_article_incident() -> None:
    body = (
        "Gunmen killed 20 people in Tamsin. "
        "A spokesman told reporters in Dorvane that 9 of the dead were guards."
    )
    a = doc("a", "Harbour Gazette", "2026-04-03", body)
    claims = [
        claim("a", 20, where=TAMSIN, start=0, text="Gunmen killed 20 people in Tamsin."),
        claim("a", 9, group="security_forces", where=DORVANE, start=35, text=body[35:]),
    ]
    (incident,) = build_incidents([a], claims, [], [])
    assert incident.location is not None and incident.location.name == "Tamsin"
    assert incident.toll["killed"].by_group["security_forces"].best == 9  # in the main scope


def test_an_event_elsewhere_without_a_figure_founds_no_incident() -> None:
    body = "Gunmen killed 20 people in Tamsin. It came a day after fighting in Orvel."
    a = doc("a", "Harbour Gazette", "2026-04-03", body)
    c = claim("a", 20, where=TAMSIN, start=0, text="Gunmen killed 20 people in Tamsin.")
    e = Event(id="a-e1", doc="a", span=(35, len(body)), text=body[35:], event_type="battles", location=ORVEL)
    (main,) = group_document(a, [c], [e])  # one group: the passing event joins the main one
    assert main.place is not None and main.place.name == "tamsin"
    assert main.events == [e]


def test_a_dateline_is_kept_when_it_is_the_only_place_named() -> None:
    body = "DORVANE, May 3 (Plains Wire) - Gunmen killed 7 people on Sunday."
    a = doc("a", "Plains Wire", "2026-05-03", body)
    c = claim("a", 7, where=DORVANE, start=0, text=body)
    (main,) = group_document(a, [c], [])
    assert main.place is not None and main.place.name == "dorvane"
