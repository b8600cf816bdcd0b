"""Fixtures for claims tests: the real spaCy model and a helper that extracts claims from text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language

from observatory.extract import load_nlp
from observatory.extract.claims import build_claims
from observatory.extract.claims.segment import segment
from observatory.extract.pipeline import parse_candidates
from observatory.models import Claim, DocumentInput

Extract = Callable[..., list[Claim]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def claims_of(nlp: Language) -> Extract:
    def run(text: str, published: dt.date | None = dt.date(2025, 6, 1)) -> list[Claim]:
        doc = DocumentInput(id="t", text=text, published=published, content_hash="t")
        parsed = segment(doc)
        parse_candidates([parsed], nlp)
        return build_claims(parsed)

    return run
