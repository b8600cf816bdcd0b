"""One-name resolution for the `observatory gazetteer lookup` command and for debugging."""

from __future__ import annotations

from collections import Counter

from observatory.extract.context.gazetteer import get_gazetteer
from observatory.extract.context.place_candidates import Candidate
from observatory.extract.context.place_resolve import Context, best_fuzzy, precision_of, resolve


def describe(name: str, country: str | None = None) -> list[str]:
    """Resolve `name` as if written "in the town of <name>" in a document about `country`."""
    gaz = get_gazetteer()
    cand = Candidate(0, len(name), name, 0, 0, cue="in", settlement=True)
    context = Context(Counter({country.upper(): 3}) if country else Counter())
    place = resolve(gaz, cand, context, allow_fuzzy=False)
    how = "exact"
    if place is None:
        place, how = best_fuzzy(gaz, cand, context), "fuzzy"
    if place is None:
        return []
    return [
        f"{name} -> {place.name} ({how} match)",
        f"  country: {place.country} ({place.cc})   admin1: {place.admin1 or '-'}   kind: {place.kind}",
        f"  lat/lon: {place.lat}, {place.lon}   precision: {precision_of(place, cand)}"
        f"   population: {place.population}",
    ]
