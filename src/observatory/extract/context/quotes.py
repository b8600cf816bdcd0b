"""Direct quotes with their speakers. Owner: context/actors+quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from observatory.extract.document import ParsedDocument
from observatory.models import Quote

if TYPE_CHECKING:
    from spacy.language import Language


def find_quotes(parsed: ParsedDocument, nlp: Language) -> list[Quote]:
    return []  # replaced by the quotes implementation
