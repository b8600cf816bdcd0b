"""Casualty claims: counts, outcomes, victims, subsets, flags and sources from parsed sentences.

`build_claims(parsed)` is the entry point used by `observatory.extract.pipeline`; each concern lives
in its own module and reads its vocabulary from `observatory/data/*.yaml` (see `vocab`).
"""

from observatory.extract.claims.builder import build_claims

__all__ = ["build_claims"]
