"""Actors: curated gazetteer (EntityRuler) plus spaCy NER. Owner: context/actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from observatory.extract.document import ParsedDocument
from observatory.models import ActorMention

if TYPE_CHECKING:
    from spacy.language import Language


def find_actors(parsed: ParsedDocument, nlp: Language) -> list[ActorMention]:
    return []  # replaced by the actors implementation
