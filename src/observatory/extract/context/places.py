"""Places resolved with an offline gazetteer. Owner: context/places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from observatory.extract.document import ParsedDocument
from observatory.models import PlaceMention

if TYPE_CHECKING:
    from spacy.language import Language


def find_places(parsed: ParsedDocument, nlp: Language) -> list[PlaceMention]:
    return []  # replaced by the places implementation
