"""Times resolved against the publication date, and claim times."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from place_helpers import claim_at, parsed_doc

from observatory.extract.context.time_anchors import Anchors, anchored_matches
from observatory.extract.context.time_rules import _ANCHORS, RULES
from observatory.extract.context.times import attach_times, find_times, is_background, is_background_year
from observatory.models import TimeRef

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "seeds"
SUNDAY = dt.date(2025, 3, 9)


def _times(text: str, published: dt.date | None = SUNDAY) -> dict[str, TimeRef]:
    parsed = parsed_doc(text, published=published)
    return {text[t.span[0]:t.span[1]]: t.ref for t in find_times(parsed)}


Window = tuple[dt.date | None, dt.date | None, str | None]


def _window(text: str, published: dt.date | None = SUNDAY) -> Window:
    found = list(_times(text, published).values())
    assert len(found) == 1, found
    return found[0].start, found[0].end, found[0].precision


D = dt.date


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("Gunmen attacked on Thursday night.", D(2025, 3, 6), D(2025, 3, 6), "day"),
    ("The shelling resumed earlier on Saturday.", D(2025, 3, 8), D(2025, 3, 8), "day"),
    ("Funerals were held on Sunday.", D(2025, 3, 9), D(2025, 3, 9), "day"),
    ("Clashes on Friday and Saturday left 30 dead.", D(2025, 3, 7), D(2025, 3, 8), "days"),
    ("Raids continued over the weekend.", D(2025, 3, 8), D(2025, 3, 9), "days"),
    ("The monitor said last week that 50 had died.", D(2025, 2, 24), D(2025, 3, 2), "week"),
    ("Nine bodies were buried yesterday.", D(2025, 3, 8), D(2025, 3, 8), "day"),
    ("A car bomb exploded this morning.", D(2025, 3, 9), D(2025, 3, 9), "day"),
    ("The violence began on March 6.", D(2025, 3, 6), D(2025, 3, 6), "day"),
    ("On 6 March 2025, gunmen stormed the village.", D(2025, 3, 6), D(2025, 3, 6), "day"),
    ("Records dated 14/03/2025 were released.", D(2025, 3, 14), D(2025, 3, 14), "day"),
    ("The figures were first reported in February.", D(2025, 2, 1), D(2025, 2, 28), "month"),
    ("In 2013, a similar attack killed scores.", D(2013, 1, 1), D(2013, 12, 31), "year"),
    ("A massacre took place in December.", D(2024, 12, 1), D(2024, 12, 31), "month"),  # before publication
    ("Between 5 and 7 March, 61 people were killed.", D(2025, 3, 5), D(2025, 3, 7), "days"),
    ("Three weeks ago, the army shelled the town.", D(2025, 2, 10), D(2025, 2, 16), "week"),
    ("Last month, the militia killed 22 villagers.", D(2025, 2, 1), D(2025, 2, 28), "month"),
])
def test_resolution_against_publication(text: str, start: dt.date, end: dt.date, precision: str) -> None:
    assert _window(text) == (start, end, precision)


def test_dates_without_year_near_new_year_go_back_a_year() -> None:
    assert _window("The truce agreed on 20 December collapsed.", D(2026, 1, 5))[0] == D(2025, 12, 20)


@pytest.mark.parametrize("text", [
    "The army may send more troops.",
    "Protesters planned to march on the capital.",
    "In total, 2013 people were registered as missing.",
])
def test_words_that_are_not_times(text: str) -> None:
    assert _times(text) == {}


def test_relative_times_need_a_publication_date() -> None:
    assert _times("Gunmen attacked on Thursday night.", published=None) == {}
    assert _window("On 6 March 2025, gunmen attacked.", published=None)[0] == D(2025, 3, 6)


def test_background_helpers() -> None:
    assert is_background_year(2013, SUNDAY) and not is_background_year(2024, SUNDAY)
    assert not is_background_year(2013, None)
    old = TimeRef(label="2016", start=D(2016, 1, 1), end=D(2016, 12, 31), precision="year")
    assert is_background(old, SUNDAY)


def test_claim_times_own_sentence_paragraph_and_document() -> None:
    text = ("The violence erupted on Thursday afternoon along the coast.\n"
            "On Friday, gunmen killed 40 people in one town. Medics found 9 more bodies.\n"
            "Separately, 3 soldiers died in an ambush.\n"
            "In 2013, a similar attack killed 100 students.")
    parsed = parsed_doc(text, published=SUNDAY)
    claims = [claim_at(parsed, "On Friday", "40"), claim_at(parsed, "Medics", "9"),
              claim_at(parsed, "Separately", "3"), claim_at(parsed, "In 2013", "100")]
    timed = attach_times(claims, parsed, find_times(parsed))
    own, paragraph, document, background = (c.time for c in timed)
    assert own is not None and own.start == D(2025, 3, 7) and not own.inferred
    assert paragraph is not None and paragraph.start == D(2025, 3, 7) and paragraph.inferred
    assert document is not None and document.inferred
    assert (document.start, document.end, document.precision) == (D(2025, 3, 6), D(2025, 3, 7), "days")
    assert background is not None and background.start == D(2013, 1, 1) and not background.inferred


def test_no_time_anywhere_leaves_claim_time_empty() -> None:
    parsed = parsed_doc("Officials said 9 people were killed.", published=SUNDAY)
    claim = claim_at(parsed, "Officials", "9")
    assert attach_times([claim], parsed, find_times(parsed))[0].time is None


def test_seed_weekdays_resolve_against_publication() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt"))]
    assert texts, f"no seeds under {SEEDS}"
    found: dict[str, set[dt.date]] = {}
    for text in texts:
        for label, ref in _times(text).items():
            assert ref.start is not None
            day = label.split()[-2] if label.endswith(("night", "afternoon")) else label
            found.setdefault(day, set()).add(ref.start)
    assert found.get("Thursday") == {D(2025, 3, 6)}
    assert D(2025, 3, 8) in found.get("early on Saturday", set())
    assert found.get("Friday") == {D(2025, 3, 7)}


# The anchored scan (time_anchors) must find exactly what `finditer` finds for every rule.
TRICKY = [
    "March 6 was calm.", "It ended on 6 March", "Mar 5-7 2024", "5–7 March", "3 to 5 of June, 2023",
    "The market in Marrakesh may reopen; they may march in May.", "a decade ago, in December",
    "in mid-March", "In midMarch 2024 and in early  \n April", "since late 2019, in mid-2013",
    "2025-03-06", "14/03/2025 and 6.3.2024", "٣ March", "The 2,500 people in 2013 people died",
    "on Friday and Saturday", "later on Friday night", "Friday-Saturday", "the day before yesterday",
    "overnight", "tonight", "last night", "earlier today", "this evening", "over the weekend",
    "earlier this week", "last month", "this year", "three weeks ago", "2 days ago", "an month ago",
    "x1 March", "_March 5", "March 5,000 troops", "Sept. 9", "Jun 1 Jul 2 Aug 3", "Mon day Monday",
]
_TOKENS = ["in", "In", "mid", "early", "late", "later", "on", "of", "the", "day", "before", "yesterday",
           "last", "night", "over", "to", "today", "this", "morning", "March", "march", "Mar", "market",
           "May", "may", "Sept", "Dec", "decade", "Monday", "friday", "weekend", "week", "month",
           "years", "ago", "3", "31st", "2019", "1999", "2025-03-06", "14/03/2025", "٣", "and", "–",
           "people", "three", "an", "past", "K", "_", "1000", "through"]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(8)
    texts = []
    for _ in range(count):
        words = [rng.choice(_TOKENS) for _ in range(rng.randint(1, 10))]
        texts.append("".join(w + rng.choice([" ", " ", "", "-", "–", "  ", "\n", ", ", "/"]) for w in words))
    return texts


def _assert_anchored_scan_is_finditer(text: str) -> None:
    anchors = Anchors(text)
    assert anchors.usable
    for (pattern, _), (words, back) in zip(RULES, _ANCHORS, strict=True):
        found = [m.span() for m in anchored_matches(pattern, text, anchors.starts(words, back))]
        assert found == [m.span() for m in pattern.finditer(text)], (text, pattern.pattern)


@pytest.mark.parametrize("text", TRICKY)
def test_anchored_scan_finds_what_finditer_finds(text: str) -> None:
    _assert_anchored_scan_is_finditer(text)


def test_anchored_scan_on_random_word_soup() -> None:
    for text in _random_texts(1000):
        _assert_anchored_scan_is_finditer(text)


@pytest.mark.parametrize("town", ["İstanbul", "Iſtanbul"])  # lower() changes the length; (?i) s matches ſ
def test_texts_that_lower_case_cannot_anchor_are_scanned_in_full(town: str) -> None:
    text = f"{town}, on 6 March 2025 and on Friday"
    assert not Anchors(text).usable
    assert list(_times(text)) == ["6 March 2025", "Friday"]
