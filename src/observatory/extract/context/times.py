"""Times resolved against the publication date. Owner: context/places+times."""

from __future__ import annotations

from dataclasses import dataclass

from observatory.extract.document import ParsedDocument
from observatory.models import Claim, TimeRef


@dataclass(frozen=True)
class TimeMention:
    span: tuple[int, int]
    ref: TimeRef


def find_times(parsed: ParsedDocument) -> list[TimeMention]:
    return []  # replaced by the times implementation


def attach_times(claims: list[Claim], parsed: ParsedDocument, times: list[TimeMention]) -> list[Claim]:
    return claims  # replaced by the times implementation
