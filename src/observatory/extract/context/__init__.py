"""Context around claims: actors, places, times, events and quotes.

`annotate` is the single entry point called by the claims pipeline once claims are found. Each
step lives in its own module; a step receives the parsed document and what earlier steps found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from observatory.extract.context.actors import find_actors
from observatory.extract.context.events import find_events
from observatory.extract.context.locations import attach_locations
from observatory.extract.context.perpetrators import attach_perpetrators
from observatory.extract.context.places import find_places
from observatory.extract.context.quotes import QuoteJob, find_quotes, prepare_quotes
from observatory.extract.context.times import attach_times, find_times
from observatory.extract.document import ParsedDocument
from observatory.models import Claim, DocumentExtraction

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["QuoteJob", "annotate", "prepare_quotes"]


def annotate(
    parsed: ParsedDocument, claims: list[Claim], nlp: Language, quote_job: QuoteJob | None = None
) -> DocumentExtraction:
    """Context for one document; `quote_job` from `prepare_quotes` when its parses were batched."""
    actors = find_actors(parsed, nlp)
    places = find_places(parsed, nlp)
    times = find_times(parsed)
    claims = attach_perpetrators(claims, parsed, actors)
    claims = attach_locations(claims, parsed, places)
    claims = attach_times(claims, parsed, times)
    events = find_events(parsed, claims, actors, places, times)
    quotes = find_quotes(parsed, nlp, quote_job)
    return DocumentExtraction(
        doc=parsed.input.id, claims=claims, events=events, actors=actors, places=places, quotes=quotes
    )
