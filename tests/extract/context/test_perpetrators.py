"""Perpetrators from the claim's own sentence, with the real model; seed check read at run time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from observatory.evaluation.context_actors_eval import parse_text, sentence_claim
from observatory.extract import load_nlp
from observatory.extract.claims.segment import segment
from observatory.extract.context.actors import find_actors
from observatory.extract.context.perpetrators import attach_perpetrators
from observatory.models import Claim, Count, DocumentInput, Perpetrator, Victims

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _perp(text: str, count: str, nlp: Language) -> Perpetrator | None:
    parsed = parse_text(text, "p", nlp)
    claim = sentence_claim(parsed, count)
    return attach_perpetrators([claim], parsed, find_actors(parsed, nlp))[0].perpetrator


@pytest.mark.parametrize(("text", "count", "label", "actor"), [
    ("Gunmen killed 9 shepherds near Qasr Ibrim, relatives said.", "9", "Gunmen", None),
    ("Eleven traders were killed by RSF fighters in Tawila.",
     "Eleven", "RSF fighters", "Rapid Support Forces"),
    ("Hay’at Tahrir al-Sham’s forces executed 6 detainees near Atarib.",
     "6", "Hay’at Tahrir al-Sham’s forces",
     "Hay'at Tahrir al-Sham"),
    ("An attack by JNIM militants left 14 soldiers dead near Boni.", "14", "JNIM militants", "JNIM"),
    ("M23 fighters opened fire on a queue at a water point, killing 8 people.", "8", "M23 fighters", "M23"),
    ("An air strike by the Myanmar military killed 17 people at a festival.",
     "17", "Myanmar military", "Tatmadaw"),
    ("Russian drones struck a bus in Nikopol, injuring 5 passengers.",
     "5", "Russian drones", "Russian Armed Forces"),
    ("Armed men on motorbikes shot dead 4 miners at Kalsaka.", "4", "Armed men on motorbikes", None),
])
def test_perpetrator_roles(text: str, count: str, label: str, actor: str | None, nlp: Language) -> None:
    perp = _perp(text, count, nlp)
    assert perp is not None
    assert perp.label == label
    assert perp.actor == actor


def test_side_comes_with_the_actor(nlp: Language) -> None:
    perp = _perp("Pro-Assad gunmen killed 3 police officers in Jableh.", "3", nlp)
    assert perp is not None and perp.actor == "Assad loyalists" and perp.side == "pro-assad"


@pytest.mark.parametrize(("text", "count"), [
    ("According to SOHR, 19 people were killed in the town.", "19"),  # the source is not the perpetrator
    ("Some 35 pro-Assad fighters were among the dead, the monitor said.", "35"),  # victims are not either
    ("Clashes killed 12 people in the suburb of Mezzeh.", "12"),  # an event is not a perpetrator
    ("A shell hit a school in Kadugli, killing 7 pupils.", "7"),  # a weapon without an owner
    ("Twenty civilians died in the fighting, Human Rights Watch said.", "Twenty"),
])
def test_no_perpetrator_when_the_sentence_names_none(text: str, count: str, nlp: Language) -> None:
    assert _perp(text, count, nlp) is None


def test_the_clause_nearest_the_count_wins(nlp: Language) -> None:
    text = "After Hamas fighters raided the post, Israeli jets killed 13 people in Beit Lahia."
    perp = _perp(text, "13", nlp)
    assert perp is not None and perp.actor == "Israel Defense Forces"


def test_nearby_sentences_are_not_used(nlp: Language) -> None:
    text = "RSF fighters stormed the camp. Later 22 bodies were found in the river."
    parsed = parse_text(text, "n", nlp)
    second = parsed.sentences[1]
    claim = Claim(id="n-c", doc="n", text=second.text, span=(second.start, second.end), outcome="killed",
                  count=Count(low=22, high=22, qualifier="exact", text="22"),
                  victims=Victims(group="people", label="bodies"))
    out = attach_perpetrators([claim], parsed, find_actors(parsed, nlp))[0]
    assert out.perpetrator is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not present")
def test_seed_fighters_among_the_dead_get_no_perpetrator(nlp: Language) -> None:
    hits = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parsed = segment(DocumentInput(id=path.stem, text=text, content_hash=path.stem))
        for sentence in parsed.sentences:
            m = re.search(r"(\d[\d,]*) pro-Assad fighters", sentence.text)
            if not m or "among the dead" not in sentence.text:
                continue
            sentence.doc = nlp(sentence.text)  # a candidate sentence, as the claims stage parses it
            claim = Claim(id="s", doc=path.stem, text=sentence.text, span=(sentence.start, sentence.end),
                          outcome="killed",
                          count=Count(low=None, high=None, qualifier="exact", text=m.group(1)),
                          victims=Victims(group="combatants", side="pro-assad", label="pro-Assad fighters"))
            out = attach_perpetrators([claim], parsed, find_actors(parsed, nlp))[0]
            assert out.perpetrator is None
            hits += 1
    assert hits >= 1


@pytest.mark.parametrize(("text", "count"), [
    ("Sunday's strike on the market killed 17 shoppers.", "17"),  # a day, not an attacker
    ("A series of raids around Mabalako killed 26 villagers.", "26"),  # a collective of events
    ("No group has claimed the bombing that killed 9 people.", "9"),
])
def test_times_collectives_and_nobody_are_not_perpetrators(text: str, count: str, nlp: Language) -> None:
    perp = _perp(text, count, nlp)
    assert perp is None


def test_attack_target_is_not_part_of_the_attacker(nlp: Language) -> None:
    perp = _perp("Fighters of the RSF on Kutum killed 8 herders in an attack on Um Sayala.", "8", nlp)
    assert perp is not None and perp.actor == "Rapid Support Forces" and "Um Sayala" not in perp.label


def test_carried_out_by_and_claimed_by(nlp: Language) -> None:
    perp = _perp("Six people were killed in a bombing carried out by al-Shabaab in Baidoa.", "Six", nlp)
    assert perp is not None and perp.actor == "al-Shabaab"
