"""Analyst-level expectations on the two real seed articles, read from ../shared at run time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from observatory.extract.pipeline import extract_document
from observatory.ingest import IngestError, read_inputs
from observatory.models import Claim

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available (../shared)")


def _claims(name: str, nlp: Language) -> list[Claim]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    docs = [d for d in read_inputs([path], published=dt.date(2025, 3, 9)) if not isinstance(d, IngestError)]
    return extract_document(docs[0], nlp).claims


@pytest.fixture(scope="module")
def long_article(nlp: Language) -> list[Claim]:
    return _claims("000", nlp)


@pytest.fixture(scope="module")
def short_article(nlp: Language) -> list[Claim]:
    return _claims("001", nlp)


def test_monitor_total_and_breakdown(long_article: list[Claim]) -> None:
    totals = [
        c
        for c in long_article
        if c.outcome == "killed" and c.count.low == 1000 and c.count.qualifier == "more_than"
    ]
    assert totals and not any(c.superseded for c in totals)
    groups = {(c.count.low, c.victims.group, c.victims.side) for c in long_article}
    assert (745, "civilians", None) in groups
    assert any(low == 148 and g == "combatants" and side and "Assad" in side for low, g, side in groups)
    monitor = [c for c in long_article if c.count.low in (148, 125)]
    assert len(monitor) == 2 and all(c.source and c.source.kind == "monitor" for c in monitor)


def test_mass_grave_subsets(long_article: list[Claim]) -> None:
    grave = next(c for c in long_article if c.count.low == 31)
    parts = {c.victims.group: c.count.low for c in long_article if c.part_of == grave.id}
    assert parts == {"children": 9, "women": 4}
    assert grave.source is not None and grave.source.kind == "local_sources"
    assert not grave.superseded


def test_funeral_of_security_forces(long_article: list[Claim]) -> None:
    assert any(
        c.count.low == 4 and c.victims.group == "security_forces" and c.outcome == "killed"
        for c in long_article
    )


def test_early_estimate_superseded(long_article: list[Claim]) -> None:
    early = [c for c in long_article if c.count.low == 200]
    assert early and all(c.superseded for c in early)


def test_social_posts_not_counted(long_article: list[Claim]) -> None:
    # The 2013 killings ("scores of students") appear only inside an embedded post.
    assert not any("2013" in c.text or c.count.qualifier == "vague" for c in long_article)


def test_vague_tolls_in_short_article(short_article: list[Claim]) -> None:
    killed = [c for c in short_article if c.outcome == "killed"]
    injured = [c for c in short_article if c.outcome == "injured"]
    assert killed and (killed[0].count.low, killed[0].count.text.lower()) == (200, "at least hundreds")
    assert injured and (injured[0].count.low, injured[0].count.high) == (24, 99)
