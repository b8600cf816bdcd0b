"""Claim locations: own sentence first, then the paragraph, then the headline or first paragraph."""

from __future__ import annotations

from place_helpers import claim_at, parsed_doc

from observatory.extract.context.locations import attach_locations
from observatory.extract.context.places import find_places

TEXT = (
    "Fighting spread along the Syrian coast on Friday.\n"
    "In Jableh, gunmen killed 12 people at a checkpoint. Medics later found 5 more bodies in an orchard.\n"
    "Separately, 7 people died when their bus overturned.\n"
    "In the village of Qarnabit al-Zaytun, 14 bodies were found in a well."
)


def _located(text: str, needle: str, number: str, title: str | None = None):
    parsed = parsed_doc(text, title=title)
    places = find_places(parsed, None)  # type: ignore[arg-type]
    claim = claim_at(parsed, needle, number)
    return attach_locations([claim], parsed, places)[0].location


def test_place_in_the_claims_own_sentence() -> None:
    location = _located(TEXT, "In Jableh", "12")
    assert location is not None
    assert (location.label, location.name, location.country) == ("Jableh", "Jablah", "Syria")
    assert location.precision == "exact" and not location.inferred
    assert location.lat is not None and location.admin1 == "Latakia"


def test_paragraph_place_is_carried_over_as_near() -> None:
    location = _located(TEXT, "Medics later", "5")
    assert location is not None
    assert location.name == "Jablah" and location.inferred and location.precision == "near"


def test_first_paragraph_place_is_the_fallback() -> None:
    location = _located(TEXT, "Separately", "7")
    assert location is not None
    assert location.name == "Syrian coast" and location.inferred and location.precision == "region"


def test_headline_town_is_widened_to_its_province() -> None:
    text = "Officials said 9 people were killed on Sunday.\nThe toll may rise."
    location = _located(text, "Officials", "9", title="Deadly raid near Jableh")
    assert location is not None
    assert location.label == "Jableh" and location.inferred
    assert location.precision == "admin1" and location.name == "Latakia"


def test_unknown_village_keeps_its_label_and_document_country() -> None:
    location = _located(TEXT, "In the village", "14")
    assert location is not None
    assert location.label == "Qarnabit al-Zaytun" and location.name is None
    assert location.lat is None and location.country == "Syria" and not location.inferred


def test_no_place_anywhere_leaves_location_empty() -> None:
    assert _located("Officials said 9 people were killed.", "Officials", "9") is None


def test_most_specific_place_in_the_sentence_wins() -> None:
    text = "In Syria, shelling near Homs killed 8 people."
    location = _located(text, "In Syria", "8")
    assert location is not None and location.name == "Homs" and location.precision == "near"


def test_later_place_in_the_paragraph_when_none_before() -> None:
    text = "Officials said 9 people were killed overnight. The attack targeted a market in Homs."
    location = _located(text, "Officials", "9")
    assert location is not None
    assert location.name == "Homs" and location.inferred and location.precision == "near"


def test_possessive_country_actor_is_not_the_claim_location() -> None:
    text = ("Democratic Republic of Congo's army said 21 civilians were killed.\n"
            "Sudan's government said 9 people died.")
    congo = _located(text, "Democratic", "21")
    assert congo is None or congo.precision != "country" or congo.inferred
    sudan = _located(text, "Sudan's", "9")
    assert sudan is None or sudan.name != "Sudan" or sudan.inferred


def test_anchored_village_locates_claim_near_the_anchor() -> None:
    text = "Attackers killed 23 people in Mbulutsi, a village north of Oicha, residents said."
    location = _located(text, "Attackers", "23")
    assert location is not None
    assert location.name == "Oicha" and location.precision == "near" and location.label == "Mbulutsi"
