"""Helpers shared by the place/location/time tests (documents built from our own sentences)."""

from __future__ import annotations

import datetime as dt

from observatory.extract.context.place_text import sentences_of
from observatory.extract.document import ParsedDocument
from observatory.models import Claim, Count, DocumentInput, PlaceMention, Victims


def parsed_doc(text: str, *, title: str | None = None, published: dt.date | None = None,
               doc_id: str = "doc") -> ParsedDocument:
    doc = DocumentInput(id=doc_id, text=text, title=title, published=published, content_hash=doc_id)
    parsed = ParsedDocument(input=doc)
    parsed.sentences = sentences_of(parsed)
    return parsed


def claim_at(parsed: ParsedDocument, needle: str, number: str) -> Claim:
    """A killed-claim whose span is the sentence holding `needle`, anchored on `number`."""
    text = parsed.text
    where = text.index(needle)
    start = text.index(number, where)
    sentence = next(s for s in parsed.sentences if s.start <= start < s.end)
    return Claim(id=f"c{start}", doc=parsed.input.id, text=sentence.text, span=(start, start + len(number)),
                 outcome="killed", count=Count(low=1, high=1, qualifier="exact", text=number),
                 victims=Victims(group="people", label="people"))


def by_text(places: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {p.text: p for p in places}
