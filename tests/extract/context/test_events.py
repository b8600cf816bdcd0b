"""Events: ACLED type/sub-type from the trigger vocabulary, claim links, places and times."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from observatory.evaluation.context_actors_eval import parse_text
from observatory.extract import load_nlp
from observatory.extract.context.actor_sentences import sentences_of
from observatory.extract.context.actors import find_actors
from observatory.extract.context.event_vocab import event_rules, lowercase_only
from observatory.extract.context.events import _WORD, _ByStart, _words, classify, find_events
from observatory.extract.context.times import TimeMention
from observatory.extract.document import ParsedDocument
from observatory.models import Claim, Count, DocumentInput, Event, Location, PlaceMention, TimeRef, Victims


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _events(text: str, nlp: Language, claims: list[Claim] | None = None,
            places: list[PlaceMention] | None = None, times: list[TimeMention] | None = None) -> list[Event]:
    parsed = parse_text(text, "ev", nlp)
    return find_events(parsed, claims or [], find_actors(parsed, nlp), places or [], times or [])


def _claim(parsed: ParsedDocument, sentence: int, cid: str, location: Location | None = None) -> Claim:
    s = parsed.sentences[sentence]
    return Claim(id=cid, doc="ev", text=s.text, span=(s.start, s.end), outcome="killed",
                 count=Count(low=3, high=3, qualifier="exact", text="3"),
                 victims=Victims(group="civilians", label="civilians"), location=location)


@pytest.mark.parametrize(("text", "etype", "sub", "kind"), [
    ("Israeli air strikes hit two houses in Jabalia overnight.",
     "explosions_remote_violence", "air_drone_strike", None),
    ("Artillery shelling on Avdiivka continued all day.", "explosions_remote_violence",
     "shelling_artillery_missile_attack", None),
    ("A roadside bomb tore through a minibus outside Menaka.", "explosions_remote_violence",
     "remote_explosive_landmine_ied", None),
    ("A suicide bomber struck a market in Maiduguri.", "explosions_remote_violence", "suicide_bomb", None),
    ("Heavy clashes broke out between the army and M23 near Sake.", "battles", "armed_clash", None),
    ("Insurgents ambushed a convoy on the road to Djibo.", "battles", "armed_clash", "ambush"),
    ("The army recaptured the town of Wad Madani.", "battles", "government_regains_territory", None),
    ("Fighters abducted 12 students from a school in Kuriga.", "violence_against_civilians",
     "abduction_forced_disappearance", None),
    ("Residents said gunmen executed men at their doorsteps.",
     "violence_against_civilians", "attack", "execution"),
    ("Villagers found a mass grave with 19 bodies near Tuwaym al-Jadid.",
     "violence_against_civilians", "attack",
     "mass_grave"),
    ("A funeral for the four officers was held in Qardaha.", "strategic_developments", "other", "funeral"),
    ("Security forces arrested dozens of men in a wave of arrests in Homs.",
     "strategic_developments", "arrests",
     "arrest_campaign"),
    ("Hundreds of protesters marched peacefully in Sweida.", "protests", "peaceful_protest", None),
    ("A mob lynched a suspected thief in Bunia.", "riots", "mob_violence", None),
    ("The two sides agreed to a ceasefire in Doha.", "strategic_developments", "agreement", None),
])
def test_trigger_types(text: str, etype: str, sub: str, kind: str | None, nlp: Language) -> None:
    events = _events(text, nlp)
    assert [(e.event_type, e.sub_event_type, e.kind) for e in events] == [(etype, sub, kind)]


def test_no_trigger_no_event(nlp: Language) -> None:
    assert _events("The minister travelled to Doha for talks on trade.", nlp) == []


def test_specific_rule_beats_generic(nlp: Language) -> None:
    # "clashes" (battle) and "drone strike" in one sentence: the remote-violence rule is listed first.
    events = _events("During the clashes a drone strike hit the hospital in Ed Daein.", nlp)
    assert events[0].sub_event_type == "air_drone_strike"


def test_actors_exclude_sources(nlp: Language) -> None:
    events = _events("RSF fighters shelled El Fasher, according to the Sudan Doctors Network.", nlp)
    assert events[0].actors == ["Rapid Support Forces"]


def test_claims_link_same_sentence_then_following_sentences_of_the_paragraph(nlp: Language) -> None:
    text = ("Gunmen raided the village of Kibirizi at dawn. Three farmers died.\n"
            "In a separate incident, shelling hit Rutshuru. Two children were hurt.")
    parsed = parse_text(text, "ev", nlp)
    claims = [_claim(parsed, 1, "c1"), _claim(parsed, 3, "c2")]
    events = find_events(parsed, claims, find_actors(parsed, nlp), [], [])
    assert [e.claims for e in events] == [["c1"], ["c2"]]


def test_location_and_time_from_claims_or_nearest_mentions(nlp: Language) -> None:
    text = "On Friday an air strike hit a market in Kabkabiya.\nShelling continued."
    parsed = parse_text(text, "ev", nlp)
    at = text.index("Kabkabiya")
    place = PlaceMention(id="p1", doc="ev", span=(at, at + 9), text="Kabkabiya", name="Kabkabiya",
                         country="Sudan", precision="exact")
    friday = TimeMention(span=(0, 9), ref=TimeRef(label="On Friday", start=dt.date(2025, 3, 7),
                                                    end=dt.date(2025, 3, 7), precision="day"))
    events = find_events(parsed, [], find_actors(parsed, nlp), [place], [friday])
    first = events[0]
    assert first.location is not None and first.location.name == "Kabkabiya" and not first.location.inferred
    assert first.time is not None and first.time.start == dt.date(2025, 3, 7)
    assert events[1].location is None  # another paragraph: nothing carried over
    claim_loc = Location(label="Nyala", name="Nyala", country="Sudan")
    linked = find_events(parsed, [_claim(parsed, 0, "c", claim_loc)], [], [place], [])
    assert linked[0].location == claim_loc  # the claim's own location wins


def test_event_ids_are_deterministic(nlp: Language) -> None:
    text = "Shelling hit Kharkiv. A drone strike hit Sumy."
    first = [e.id for e in _events(text, nlp)]
    assert first == [e.id for e in _events(text, nlp)]
    assert len(set(first)) == 2 and all(i.startswith("ev-e") for i in first)


def test_month_march_is_not_a_protest(nlp: Language) -> None:
    assert _events("The school term began on 3 March in Kadugli.", nlp) == []
    assert _events("Students marched through Bamako.", nlp)[0].event_type == "protests"


def test_headings_and_background_yield_no_event(nlp: Language) -> None:
    text = "Mass Killings on the Coast\nGunmen killed 9 people in Qardaha on Monday."
    events = _events(text, nlp)
    assert [e.text for e in events] == ["Gunmen killed 9 people in Qardaha on Monday."]
    doc = DocumentInput(id="h", text="In 2014, militants killed 40 miners in the valley.", content_hash="h",
                        published=dt.date(2025, 3, 9))
    parsed = ParsedDocument(input=doc)
    parsed.sentences = sentences_of(parsed)
    year = TimeRef(label="2014", start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31), precision="year")
    old = TimeMention(span=(3, 7), ref=year)
    assert find_events(parsed, [], [], [], [old]) == []
    assert len(find_events(parsed, [], [], [], [])) == 1  # undated: kept


def _plain_classify(text: str) -> tuple[int, int] | None:
    """Reference: try every word, longest trigger first (what `classify` does with its shortcuts)."""
    index = {_words(t): r for r in reversed(event_rules()) for t in r.triggers}  # first rule wins
    matches = list(_WORD.finditer(text))
    words = [m.group().lower().replace("’", "'") for m in matches]
    best: tuple[int, int] | None = None
    i = 0
    while i < len(words):
        for n in range(min(max(map(len, index)), len(words) - i), 0, -1):
            rule = index.get(tuple(words[i:i + n]))
            if rule and n == 1 and i > 0 and matches[i].group()[0].isupper() and words[i] in lowercase_only():
                rule = None
            if rule:
                if best is None or rule.priority < best[0]:
                    best = (rule.priority, matches[i].start())
                i += n
                break
        else:
            i += 1
    return best


@pytest.mark.parametrize("text", [
    "", "—", "Shelling", "March 9 was quiet.", "Rally organisers said a rally was held.", "They March on.",
    "A missile strike and a strike.", "the air strike strike air strikes", "booby-trapped cars exploded",
    "A gang-raped girl; gang rape", "The ΟΔΟΣ.Α mob’s attack", "İstanbul: suicide car bomb, bomb",
    "Mourners at the funeral were shelled.", "marched marched March", "blew himself up blew",
])
def test_classify_equals_the_plain_word_by_word_scan(text: str) -> None:
    found = classify(text)
    assert (found and (found[0].priority, found[1])) == _plain_classify(text)


@pytest.mark.parametrize("count", [3, 40])  # a plain scan, then bisection over the sorted starts
def test_mentions_by_start_keep_their_order(count: int) -> None:
    starts = [(k * 37) % 101 for k in range(count)]  # unsorted, as mentions of several kinds are
    mentions = [TimeMention(span=(s, s + 3), ref=TimeRef(label=str(k))) for k, s in enumerate(starts)]
    index = _ByStart(mentions)
    for lo, hi in [(0, 101), (10, 50), (37, 38), (50, 10), (-5, 0)]:
        assert index.within(lo, hi) == [m for m in mentions if lo <= m.span[0] < hi]
