"""The benchmark corpus generator: deterministic, realistic in shape, and truthful about its claims."""

from __future__ import annotations

import re
from pathlib import Path

from observatory.bench.corpus import (
    MAX_WORDS,
    MIN_WORDS,
    NUMBER_WORDS,
    generate_corpus,
    generate_document,
    read_corpus,
    write_corpus,
)


def _value(text: str) -> int:
    text = text.lower()
    return NUMBER_WORDS.index(text) if text in NUMBER_WORDS else int(text.replace(",", ""))


def test_same_seed_same_corpus_and_prefixes_agree() -> None:
    first = [item.doc for item in generate_corpus(8, seed=3)]
    again = [item.doc for item in generate_corpus(8, seed=3)]
    assert first == again
    assert [item.doc for item in generate_corpus(5, seed=3)] == first[:5]
    assert generate_document(3, 6).doc == first[6]
    other = [item.doc.text for item in generate_corpus(8, seed=4)]
    assert other != [doc.text for doc in first]
    assert len({doc.id for doc in first}) == 8


def test_documents_have_news_length_and_mostly_background() -> None:
    casualty_paragraphs = total_paragraphs = 0
    for item in generate_corpus(60, seed=0):
        words = len(item.doc.text.split())
        assert MIN_WORDS <= words <= MAX_WORDS, (item.doc.id, words)
        assert item.doc.title and item.doc.outlet and item.doc.published
        paragraphs = item.doc.text.split("\n\n")
        total_paragraphs += len(paragraphs)
        casualty_paragraphs += sum(any(t.sentence in p for t in item.truth) for p in paragraphs)
        assert item.truth, "every article reports at least one casualty figure"
        assert item.tokens > words
    assert casualty_paragraphs / total_paragraphs < 0.35


def test_truth_records_match_the_text() -> None:
    for item in generate_corpus(80, seed=1):
        for claim in item.truth:
            assert claim.sentence in item.doc.text
            assert claim.count_text in claim.sentence
            between = re.fullmatch(r"[Bb]etween ([\d,]+) and ([\d,]+)", claim.count_text)
            if between:
                assert (claim.low, claim.high) == (_value(between[1]), _value(between[2]))
            else:
                assert claim.low == claim.high == _value(claim.count_text)
            assert claim.low <= claim.high


def test_corpus_round_trips_through_jsonl(tmp_path: Path) -> None:
    items = list(generate_corpus(5, seed=2))
    path = tmp_path / "corpus.jsonl"
    assert write_corpus(items, path) == 5
    back = list(read_corpus(path))
    assert [b.doc for b in back] == [i.doc for i in items]
    assert [b.truth for b in back] == [i.truth for i in items]
    assert [b.tokens for b in back] == [i.tokens for i in items]
