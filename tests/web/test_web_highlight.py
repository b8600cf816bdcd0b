"""Highlighting claims in article text: escaping first, overlapping spans, bad spans."""

from __future__ import annotations

import web_sample as sample

from observatory.models import Claim, Count, Victims
from observatory.web.highlight import Mark, claim_marks, highlight


def _claim(text: str, sentence: str, count: str, **extra: object) -> Claim:
    start = text.index(sentence)
    return Claim.model_validate(
        {
            "id": extra.pop("id", f"c{start}"),
            "doc": "d",
            "text": sentence,
            "span": (start, start + len(sentence)),
            "outcome": "killed",
            "count": Count(low=4, high=4, qualifier="exact", text=count),
            "victims": Victims(group="people", label="people"),
            **extra,
        }
    )


def test_text_is_escaped_before_marks_are_added() -> None:
    text = 'Before <script>alert("x")</script>. Four people & a dog were killed <b>today</b>.'
    claim = _claim(text, "Four people & a dog were killed <b>today</b>.", "Four")
    html = str(highlight(text, claim_marks(text, [claim])))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert '<strong class="count">Four</strong>' in html
    assert "&amp; a dog" in html
    assert html.count("<mark") == 2  # the sentence is split around the emphasised count


def test_overlapping_claims_share_one_mark_per_piece() -> None:
    text = "Ten people died, including three children. Later news."
    whole = _claim(text, "Ten people died, including three children.", "Ten", id="a")
    part = _claim(text, "including three children.", "three", id="b")
    html = str(highlight(text, claim_marks(text, [whole, part]), anchor_prefix="claim-"))
    assert 'data-claims="a b"' in html  # the shared part names both claims
    assert html.count('id="claim-a"') == 1 and html.count('id="claim-b"') == 1
    assert html.endswith(" Later news.")


def test_struck_only_when_every_claim_in_the_piece_is_superseded() -> None:
    text = "Early count of 5 dead, including 2 children."
    old = _claim(text, text, "5", id="old", superseded=True)
    current = _claim(text, text, "2", id="cur")
    html = str(highlight(text, claim_marks(text, [old, current])))
    assert "is-superseded" not in html
    html = str(highlight(text, claim_marks(text, [old])))
    assert "is-superseded" in html


def test_spans_outside_the_text_are_ignored() -> None:
    text = "Short."
    bad = Claim.model_validate({**sample.C_ARMY.model_dump(), "span": (3, 400)})
    assert claim_marks(text, [bad]) == []
    assert str(highlight(text, [])) == "Short."


def test_attribute_values_are_escaped() -> None:
    html = str(highlight("abc", [Mark(0, 3, claim='x" onmouseover="alert(1)', title='"><script>')]))
    assert 'onmouseover="alert' not in html and "<script>" not in html
    assert "&#34;" in html
