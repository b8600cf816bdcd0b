"""Choosing the gazetteer entry a name refers to: exact, then fuzzy, weighed by document context.

Context is the set of countries a document is about: countries it names (title counts double),
demonyms ("Syrian"), and countries of unambiguous well-known places. A name with several entries
("Tripoli") goes to the context country when one matches, else to the most populous entry.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler

from observatory.extract.bounded_cache import BoundedCache
from observatory.extract.context.gazetteer import Gazetteer, GeoPlace, NameHit
from observatory.extract.context.place_candidates import Candidate
from observatory.extract.context.place_normalize import name_key, skeleton

FUZZY_RATIO = 88.0  # plain edit similarity for typos ("Damascuss")
SKELETON_RATIO = 75.0  # same consonant outline: transliteration variants ("Tuwaim"/"Tuwaym")
JARO_WINKLER = 0.94  # shared stem, different ending ("Baniyasin"), only inside context countries
FUZZY_ANYWHERE = 92.0  # a typo of a sizeable town is trusted even without country context
FUZZY_ABROAD = 95.0  # outside the document's countries only a spelling variant, never a lookalike
SHORT_NAME = 8  # names shorter than this differ from an unrelated village by a letter or two
SHORT_RATIO = 90.0  # so a short name needs a near-identical spelling ("Kibumba" is not "Kabumba")
SHORT_SKELETON_RATIO = 80.0  # ... unless it is a transliteration variant inside a context country
BIG_CITY = 100_000
BIG_ADMIN1 = 500_000  # a populous province named on its own ("Northern Ireland", "Punjab")
CITY = 15_000
TOWN = 1_000


@dataclass
class Context:
    """Countries a document is about, most mentioned first (computed once from the counts)."""

    counts: Counter[str] = field(default_factory=Counter)
    primary: str | None = field(init=False)
    countries: tuple[str, ...] = field(init=False)
    # Unknown names the text anchors to a known place ("X, a village north of Oicha"): key -> place.
    anchors: dict[str, GeoPlace] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ranked = self.counts.most_common()
        self.primary = ranked[0][0] if ranked else None
        top = ranked[0][1] if ranked else 0
        self.countries = tuple(cc for cc, n in ranked if n >= 2 or n == top)


def _pop_score(place: GeoPlace) -> float:
    return math.log10(place.population + 1) * 5


def score(hit: NameHit, cand: Candidate, context: Context) -> float:
    place = hit.place
    value = _pop_score(place) + (20 if hit.level == 2 else 5 * hit.level)
    if place.kind == "admin1" and not cand.admin1 and hit.level == 2:
        value -= 15  # a curated province alias ("Suwayda") must not outrank the city itself
    if place.cc == context.primary:
        value += 100
    elif place.cc in context.countries:
        value += 60
    if place.kind == "country":
        value += 150
    elif place.kind == "region":
        value += 50
    elif place.kind == "admin1":
        value += 80 if cand.admin1 else -15  # a bare "Idlib" is the city more often than the province
    elif place.kind == "admin2":
        value += 60 if cand.admin2 else -5
    elif place.kind == "city" and cand.settlement:
        value += 40
    return value


def _cued(cand: Candidate) -> bool:
    return cand.cue is not None or cand.settlement or cand.admin1 or cand.admin2 or cand.near


def plausible(hit: NameHit, cand: Candidate, context: Context, fuzzy: bool = False,
              similarity: float = 0.0) -> bool:
    """Whether the text gives enough reason to believe the name is this place."""
    place = hit.place
    in_context = place.cc in context.countries
    cued = _cued(cand)
    ner_place = cand.ner in {"GPE", "LOC", "FAC"}
    # (letters are counted only for names that are neither curated nor countries)
    if hit.level < 2 and place.kind != "country" and (
            sum(map(str.isalpha, cand.text)) < 3 or cand.text.isupper()):
        return False  # "No", "HTS": only curated short names and acronyms (US, UK, DRC)
    if fuzzy:
        if context.countries and not in_context and similarity < FUZZY_ABROAD:
            return False  # a lookalike abroad ("Luganda" -> Luanda in a report on Congo) is not meant
        return ((in_context and (cued or ner_place))
                or ((cued or ner_place) and place.population >= CITY and similarity >= FUZZY_ANYWHERE))
    if place.kind in {"country", "region"}:
        return not (cand.leads_name and not cued)
    if cand.part_of_chunk:
        # "Ibrahim Kalin", "Ahmad al-Sharaa": a piece of a longer name needs a big, well-named place.
        return (place.kind == "admin1" and cand.admin1) or (hit.level >= 1 and place.population >= BIG_CITY)
    if (hit.level == 0 or cand.sentence_initial) and not (cued or ner_place or in_context):
        return False
    primary = place.cc == context.primary and hit.level >= 1
    if cand.common_word and hit.level < 2 and not (cand.settlement or cand.admin1 or ner_place or primary):
        return False  # "Rise to Power": an everyday word needs more than a preposition
    if place.kind == "admin1":
        known = hit.level >= 1 and (cued or place.population >= BIG_ADMIN1) and not cand.common_word
        return cand.admin1 or in_context or ner_place or known
    if place.population >= BIG_CITY or ner_place:
        return True
    if context.primary and not in_context:
        return False  # a small foreign namesake ("Dora" in a report on Baghdad) is not meant
    if in_context:
        return cued or place.population >= TOWN
    # GeoNames gives population 0 when unknown (Qardaha): a cue is then enough.
    known_town = place.population >= TOWN or place.population == 0 or hit.level == 2
    return cand.settlement or (cued and known_town)


def best_exact(gaz: Gazetteer, cand: Candidate, context: Context) -> GeoPlace | None:
    options = [h for h in gaz.exact(name_key(cand.text)) if plausible(h, cand, context)]
    if not options:
        return None
    return max(options, key=lambda h: score(h, cand, context)).place


_VOWEL_ONSET = frozenset("aeiouy")


def _onset(key: str) -> str:
    """First sound of a name key: vowels are one class, c/q sound like k ("Idlib"/"Edlib")."""
    first = key[:1]
    if first in _VOWEL_ONSET:
        return "a"
    return {"c": "k", "q": "k"}.get(first, first)


def _fuzzy_ok(query: str, found: str, same_skeleton: bool, place: GeoPlace, context: Context) -> float:
    if _onset(query) != _onset(found):
        return 0.0  # typos and transliterations keep the first sound of a name
    ratio = fuzz.ratio(query, found)
    in_context = place.cc in context.countries
    if len(query.replace(" ", "")) < SHORT_NAME:
        if ratio >= SHORT_RATIO or (same_skeleton and in_context and ratio >= SHORT_SKELETON_RATIO):
            return ratio
        return 0.0
    if ratio >= FUZZY_RATIO or (same_skeleton and ratio >= SKELETON_RATIO):
        return ratio
    if in_context:
        similarity = JaroWinkler.normalized_similarity(query, found)
        if similarity >= JARO_WINKLER:
            return similarity * 100 - 5
    return 0.0


KEYS_MEMO_SIZE = 4096
_KEYS_MEMO: BoundedCache[tuple[int, str, tuple[str, ...]], set[str]] = BoundedCache(KEYS_MEMO_SIZE)


def _fuzzy_keys(gaz: Gazetteer, query: str, context: Context) -> set[str]:
    """Name keys close to `query`: edit ratio anywhere, prefix-weighted similarity in context.

    Memoised on the name and the context countries (all it depends on): the same unknown name
    recurs with different cues, which `best_fuzzy` memoises separately, and this search over a
    few thousand keys is the costly part.
    """
    return _KEYS_MEMO.memo((gaz.serial, query, context.countries), lambda: _search_keys(gaz, query, context))


def _search_keys(gaz: Gazetteer, query: str, context: Context) -> set[str]:
    compact = query.replace(" ", "")
    keys = gaz.block_keys(compact[0], len(compact), (), min_pop=CITY)  # outside context: towns only
    found = {k for k, _s, _i in process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_RATIO,
                                                 limit=20)}
    if context.countries:
        local = gaz.block_keys(compact[0], len(compact), context.countries)
        found |= {k for k, _s, _i in process.extract(query, local, scorer=JaroWinkler.normalized_similarity,
                                                      score_cutoff=JARO_WINKLER, limit=20)}
    return found


FUZZY_MEMO_SIZE = 8192  # news repeats the same unknown names; fuzzy search is the costly step
_FUZZY_MEMO: BoundedCache[tuple, GeoPlace | None] = BoundedCache(FUZZY_MEMO_SIZE)


def best_fuzzy(gaz: Gazetteer, cand: Candidate, context: Context) -> GeoPlace | None:
    """Transliteration variants and typos, memoised on everything the answer depends on."""
    key = (gaz.serial, name_key(cand.text), context.primary, context.countries, _cued(cand), cand.ner,
           cand.admin1, cand.admin2, cand.settlement)
    return _FUZZY_MEMO.memo(key, lambda: _best_fuzzy(gaz, cand, context))


def _best_fuzzy(gaz: Gazetteer, cand: Candidate, context: Context) -> GeoPlace | None:
    """Transliteration variants and typos: skeleton collisions plus a length/letter block."""
    query = name_key(cand.text)
    if len(query.replace(" ", "")) < 5:
        return None  # short names are too easy to confuse ("Homs"/"Hama")
    found = [(h, True) for h in gaz.by_skeleton(skeleton(cand.text))]
    found += [(h, False) for key in _fuzzy_keys(gaz, query, context) for h in gaz.exact(key)]
    best: tuple[float, GeoPlace] | None = None
    for hit, same in found:
        similarity = _fuzzy_ok(query, hit.key, same, hit.place, context)
        if not similarity or not plausible(hit, cand, context, fuzzy=True, similarity=similarity):
            continue
        rank = similarity + score(hit, cand, context) / 10
        if best is None or rank > best[0]:
            best = (rank, hit.place)
    return best[1] if best else None


def resolve(gaz: Gazetteer, cand: Candidate, context: Context, allow_fuzzy: bool) -> GeoPlace | None:
    place = best_exact(gaz, cand, context)
    if place is None and allow_fuzzy:
        place = best_fuzzy(gaz, cand, context)
    return place


def precision_of(place: GeoPlace, cand: Candidate) -> str:
    if place.kind in {"country", "region", "admin1", "admin2"}:
        return place.kind
    if cand.admin2:
        return "admin2"  # "Jableh district": the district named after the town
    return "near" if cand.near else "exact"
