"""Quotes: marks, multi-paragraph quotes, scare quotes, speakers and roles; seed check at run time."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from observatory.evaluation.context_actors_eval import parse_text
from observatory.extract import load_nlp
from observatory.extract.claims.segment import segment
from observatory.extract.context.quotes import find_quotes
from observatory.extract.document import ParsedDocument
from observatory.models import DocumentInput, Quote

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _quotes(text: str, nlp: Language, outlet: str | None = "Test Wire") -> list[Quote]:
    return find_quotes(parse_text(text, "qd", nlp, outlet=outlet), nlp)


def test_curly_quote_with_trailing_attribution(nlp: Language) -> None:
    [q] = _quotes("“The wells have been poisoned,” said Idris Adam, a village elder.", nlp)
    assert q.text == "The wells have been poisoned"
    assert q.speaker == "Idris Adam" and q.speaker_role == "a village elder"
    assert q.outlet == "Test Wire" and q.doc == "qd"


def test_straight_quote_with_colon_attribution(nlp: Language) -> None:
    text = 'The commander, Omar Farouk, told reporters: "We have retaken the bridge."'
    [q] = _quotes(text, nlp)
    assert q.text == "We have retaken the bridge."
    assert q.speaker == "Omar Farouk"
    assert text[q.span[0]:q.span[1]] == "We have retaken the bridge."


def test_pronoun_resolves_to_last_named_person(nlp: Language) -> None:
    text = "Salma Yousif, a nurse in Kadugli, counted the wounded.\n“We had no blood left,” she said."
    [q] = _quotes(text, nlp)
    assert q.speaker == "Salma Yousif"


def test_spokesman_before_name_is_the_role(nlp: Language) -> None:
    [q] = _quotes("“No civilians were harmed,” army spokesman Idris Kabbashi said.", nlp)
    assert q.speaker == "Idris Kabbashi" and q.speaker_role == "army spokesman"


def test_gazetteer_names_are_canonical(nlp: Language) -> None:
    [q] = _quotes("“Syria will not be divided,” al-Jolani said in Damascus.", nlp)
    assert q.speaker == "Ahmed al-Sharaa"


def test_multi_paragraph_quote_continues_into_next_quoted_paragraph(nlp: Language) -> None:
    text = ("Hawa Ibrahim described the night the town fell.\n"
            "“They came from the east with trucks.\n"
            "“By morning the market was burning,” she said.")
    [q] = _quotes(text, nlp)
    assert q.text == "They came from the east with trucks.\nBy morning the market was burning"
    assert q.speaker == "Hawa Ibrahim"


def test_unattributed_follow_up_quote_keeps_the_speaker(nlp: Language) -> None:
    text = ("“We buried eleven people today,” said Musa Tijani, the imam of the central mosque in Gao.\n"
            "“Tomorrow there will be more.”")
    quotes = _quotes(text, nlp)
    assert [q.speaker for q in quotes] == ["Musa Tijani", "Musa Tijani"]


def test_scare_quotes_are_skipped_but_short_speech_is_kept(nlp: Language) -> None:
    text = ("Officials called the raids “routine security measures” and “isolated acts.”\n"
            "“Nobody was spared,” said Karim Haddad.")
    quotes = _quotes(text, nlp)
    assert [q.text for q in quotes] == ["Nobody was spared"]


def test_inline_partial_quote_of_four_words_or_more_is_kept(nlp: Language) -> None:
    text = "Analyst Lina Moussa described the assault as “a deliberate campaign against one community.”"
    [q] = _quotes(text, nlp)
    assert q.speaker == "Lina Moussa"


def test_no_outlet_and_no_quotes(nlp: Language) -> None:
    assert _quotes("Shelling continued through the night in Kharkiv.", nlp, outlet=None) == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not present")
def test_seed_leader_quotes_are_attributed_to_al_sharaa(nlp: Language) -> None:
    """The leader is introduced under both names, then quoted with "he stated" / "he added"."""
    leader_quotes = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parsed = segment(DocumentInput(id=path.stem, text=text, content_hash=path.stem, outlet="seed"))
        for q in find_quotes(parsed, nlp):
            previous_line = text[:q.span[0]].rstrip("“\"").rstrip("\n").rsplit("\n", 1)[-1]
            pronoun_attribution = " he " in text[q.span[1]:q.span[1] + 8]
            if "Sharaa" in previous_line and pronoun_attribution:
                leader_quotes.append(q)
    assert len(leader_quotes) >= 2
    assert all(q.speaker == "Ahmed al-Sharaa" for q in leader_quotes)


def test_second_quote_in_the_same_paragraph_keeps_the_speaker(nlp: Language) -> None:
    text = ('"The wards are full," said Amina Lawal, a surgeon at the teaching hospital in Maiduguri. '
            '"We are operating in the corridors."')
    quotes = _quotes(text, nlp)
    assert [q.speaker for q in quotes] == ["Amina Lawal", "Amina Lawal"]


def test_age_is_not_a_role(nlp: Language) -> None:
    [q] = _quotes("“They burned the granary,” said Idrissa Maiga, 61, a farmer from Boni.", nlp)
    assert q.speaker == "Idrissa Maiga" and q.speaker_role != "61"


BATCH_DOCS = [
    "Teodora Vasquez, the mayor of Porto Lindo, visited the flooded district on Tuesday.\n"
    "“We will rebuild every school,” she said.",
    "The convoy reached Maru at dawn. “Nobody was hurt on the way,” a driver said.\n"
    "Colonel Ismail Dede, who commands the garrison, toured the depot later.\n"
    "“The road is open again,” he told reporters.",
    "No quotes at all in this short note about the harvest in Kelo.",
]


def test_batched_parses_give_the_same_quotes(nlp: Language) -> None:
    """prepare_quotes parses attribution fragments and pronoun antecedents of several documents
    in shared nlp.pipe batches; the quotes must be exactly those of one document at a time."""
    from observatory.extract.context.quotes import prepare_quotes
    from observatory.extract.pipeline import parse_candidates, prepare

    def gated(i: int, text: str) -> ParsedDocument:  # as the pipeline leaves it: no claim, no parse
        parsed = prepare(DocumentInput(id=f"b{i}", text=text, content_hash=f"b{i}"))
        parse_candidates([parsed], nlp)
        return parsed

    one_by_one = [find_quotes(gated(i, text), nlp) for i, text in enumerate(BATCH_DOCS)]
    parsed = [gated(i, text) for i, text in enumerate(BATCH_DOCS)]
    jobs = prepare_quotes(parsed, nlp)
    batched = [find_quotes(p, nlp, job) for p, job in zip(parsed, jobs, strict=True)]
    assert batched == one_by_one
    assert [q.speaker for q in batched[0]] == ["Teodora Vasquez"]
    assert [q.speaker for q in batched[1]] == ["driver", "Ismail Dede"]
    # The antecedent sentences were parsed by the batch, before any quote was resolved.
    assert jobs[0].resolver._docs and jobs[1].resolver._docs
