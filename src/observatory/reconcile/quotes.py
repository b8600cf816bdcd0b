"""Quotes found in one outlet only: no document from another outlet carries the same words."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from observatory.models import DocumentInput, Quote
from observatory.reconcile.figures import normalise

# partial_ratio threshold: the quote's words appear (almost) verbatim in the other text.
SAME_WORDS = 90.0
MIN_QUOTE_CHARS = 12


def single_source_quotes(quotes: Iterable[Quote], documents: Iterable[DocumentInput]) -> set[str]:
    """Ids of quotes whose text appears in no document of another outlet."""
    docs = list(documents)
    outlet_of = {d.id: d.outlet or d.id for d in docs}
    texts = {d.id: normalise(d.text) for d in docs}
    single: set[str] = set()
    for q in quotes:
        words = normalise(q.text)
        if len(words) < MIN_QUOTE_CHARS:
            continue
        outlet = q.outlet or outlet_of.get(q.doc, q.doc)
        elsewhere = (doc for doc, text in texts.items() if outlet_of[doc] != outlet and doc != q.doc)
        if not any(fuzz.partial_ratio(words, texts[doc]) >= SAME_WORDS for doc in elsewhere):
            single.add(q.id)
    return single
