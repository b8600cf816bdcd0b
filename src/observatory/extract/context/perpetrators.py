"""Perpetrator of each claim, from its own sentence. Owner: context/actors."""

from __future__ import annotations

from observatory.extract.document import ParsedDocument
from observatory.models import ActorMention, Claim


def attach_perpetrators(claims: list[Claim], parsed: ParsedDocument, actors: list[ActorMention]) -> list[Claim]:
    return claims  # replaced by the perpetrator implementation
