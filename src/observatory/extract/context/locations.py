"""Location of each claim (sentence, paragraph, headline). Owner: context/places."""

from __future__ import annotations

from observatory.extract.document import ParsedDocument
from observatory.models import Claim, PlaceMention


def attach_locations(claims: list[Claim], parsed: ParsedDocument, places: list[PlaceMention]) -> list[Claim]:
    return claims  # replaced by the places implementation
