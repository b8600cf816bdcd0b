"""Source attribution ignores story datelines and place modifiers of the speaker (real model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from observatory.extract.claims.sources import dateline_end
from observatory.models import Claim

Extract = Callable[..., list[Claim]]


def _by_count(claims: list[Claim]) -> dict[int | None, Claim]:
    return {c.count.low if c.count.low is not None else c.count.high: c for c in claims}


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("BUNIA, Ituri - Gunmen attacked a camp.", len("BUNIA, Ituri - ")),
        ("EL FASHER, Oct 4 (Sahel Wire) — Shelling hit a market.", len("EL FASHER, Oct 4 (Sahel Wire) — ")),
        ("MOPTI (Reuters) - The army said ...", len("MOPTI (Reuters) - ")),
        ("The army said 12 people were killed - the highest toll this year.", 0),
        ("UN officials said seven people died.", 0),
    ],
)
def test_dateline_end(text: str, length: int) -> None:
    assert dateline_end(text) == length


def test_dateline_place_is_never_the_source(claims_of: Extract) -> None:
    text = (
        "BUNIA, Ituri - Four days after gunmen raided Ndalya, community leaders in Djugu territory "
        "say 36 people were killed while the army maintains that the toll is 17."
    )
    got = _by_count(claims_of(text))
    assert got[36].source is not None and got[36].source.kind == "local_sources"
    assert got[17].source is not None and got[17].source.kind == "military"
    assert all("BUNIA" not in (c.source.label if c.source else "") for c in got.values())


def test_dateline_with_date_and_agency(claims_of: Extract) -> None:
    text = "GAO, Oct 14 (Sahel Wire) - The defence ministry said on Monday that 9 soldiers were killed."
    (claim,) = claims_of(text)
    assert claim.source is not None and claim.source.kind == "military"
    assert "GAO" not in claim.source.label


def test_dateline_alone_gives_no_source(claims_of: Extract) -> None:
    (claim,) = claims_of("MAIDUGURI, Borno - Gunmen killed 13 farmers in a raid on Tuesday.")
    assert claim.source is None


def test_place_modifier_is_not_the_source_name(claims_of: Extract) -> None:
    text = "Local officials in Komanda gave a figure on Friday, saying about 24 bodies had been recovered."
    (claim,) = claims_of(text)
    assert claim.source is not None
    assert claim.source.kind == "government"
    assert claim.source.name is not None and claim.source.name.lower() == "local officials"


def test_apposition_does_not_decide_the_kind(claims_of: Extract) -> None:
    text = "The Lamu Civil Society Coordination, a grouping of local associations, says 27 people died."
    (claim,) = claims_of(text)
    assert claim.source is not None and claim.source.kind == "local_sources"
