"""The curated actor gazetteer (`data/actors.yaml`) and its tokenizer-only matcher.

Matching runs on a tokenizer-only Doc of the *whole* document (cheap), never on the full
pipeline: only candidate sentences are parsed, and actors must be found everywhere. The text is
normalised first (curly apostrophes and quotes to straight ones, one character for one, so
offsets are unchanged), which lets one alias match "Hay'at" and "Hay’at" alike. A private
tokenizer also splits brackets and hyphens glued to words ("(HTS)-led", "M23-held") that the
model's own tokenizer keeps as one token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# One-for-one replacements: offsets in the normalised text are offsets in the original.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "ʼ": "'", "`": "'"})

# Extra infixes for the matching tokenizer only: split brackets and hyphens/slashes inside tokens.
_EXTRA_INFIXES = [r"[()\[\]]", r"(?<=[A-Za-z0-9])[-–/](?=[A-Za-z0-9])", r"(?<=[A-Za-z0-9)])-"]

# Prepositions that make a country/capital name a place rather than an actor ("in Turkey").
LOCATIVE = {"in", "into", "to", "from", "across", "near", "at", "throughout", "inside", "outside",
            "within", "toward", "towards", "around", "through", "of", "over", "on", "via", "for"}


def normalise(text: str) -> str:
    return text.translate(_NORMALISE)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    type: str
    side: str | None
    country: str | None
    conflict: str | None
    generic: bool = False
    sides: tuple[tuple[str, str], ...] = ()  # (conflict, side) for actors in several conflicts

    def side_in(self, conflict: str | None) -> str | None:
        """The actor's camp in the given conflict (its default `side` when not listed)."""
        return dict(self.sides).get(conflict or "", self.side)


@dataclass(frozen=True)
class GazetteerMatch:
    start: int  # character offsets in the document
    end: int
    entry: ActorEntry
    place_name: bool  # matched through a `place` alias: needs the locative check


@dataclass
class Gazetteer:
    entries: list[ActorEntry]
    person_titles: frozenset[str] = frozenset()
    aliases: dict[str, tuple[ActorEntry, bool]] = field(default_factory=dict)  # lower alias -> entry
    acronyms: dict[str, ActorEntry] = field(default_factory=dict)

    def lookup(self, text: str) -> ActorEntry | None:
        """Entry for an exact alias/acronym, tolerant of case, apostrophes and a leading 'the'."""
        clean = normalise(text).strip(" ,.;:\"'")
        if clean in self.acronyms:
            return self.acronyms[clean]
        low = clean.lower()
        if low.startswith("the "):
            low = low[4:]
        hit = self.aliases.get(low)
        return hit[0] if hit else None


def _expand(alias: str, fighter_nouns: list[str]) -> list[str]:
    if "{FIGHTERS}" not in alias:
        return [alias]
    return [alias.replace("{FIGHTERS}", noun) for noun in fighter_nouns]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("observatory.data").joinpath("actors.yaml").read_text(encoding="utf-8")
    )
    nouns = [str(n) for n in raw.get("fighter_nouns", [])]
    gaz = Gazetteer(entries=[], person_titles=frozenset(str(t).lower() for t in raw.get("person_titles", [])))
    for item in raw["actors"]:
        entry = ActorEntry(
            name=str(item["name"]), type=str(item["type"]), side=item.get("side"),
            country=item.get("country"), conflict=item.get("conflict"), generic=bool(item.get("generic")),
            sides=tuple((str(k), str(v)) for k, v in (item.get("sides") or {}).items()),
        )
        gaz.entries.append(entry)
        # Place names first: a canonical name that is also a place ("Turkey") keeps the locative check.
        for place in item.get("place", []):
            gaz.aliases.setdefault(normalise(str(place)).lower(), (entry, True))
        for alias in [entry.name, *item.get("aliases", [])]:
            for form in _expand(normalise(str(alias)), nouns):
                gaz.aliases.setdefault(form.lower(), (entry, False))
        for acronym in item.get("acronyms", []):
            gaz.acronyms.setdefault(normalise(str(acronym)), entry)
    return gaz


@dataclass
class _Matchers:
    tokenizer: Tokenizer
    lower: PhraseMatcher
    orth: PhraseMatcher
    keys: dict[int, tuple[ActorEntry, bool]]


def _matching_tokenizer(nlp: Language) -> Tokenizer:
    base = nlp.tokenizer
    assert isinstance(base, Tokenizer)  # a stock pipeline; a custom callable has no rules to copy
    infixes = list(nlp.Defaults.infixes or []) + _EXTRA_INFIXES
    return Tokenizer(
        nlp.vocab,
        rules=base.rules,
        prefix_search=base.prefix_search,
        suffix_search=base.suffix_search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=base.token_match,
        url_match=base.url_match,
    )


_CACHE: dict[int, _Matchers] = {}


def _matchers(nlp: Language) -> _Matchers:
    """Matchers are built once per pipeline object (they hold that pipeline's vocab)."""
    cached = _CACHE.get(id(nlp))
    if cached is not None:
        return cached
    gaz = load_gazetteer()
    tok = _matching_tokenizer(nlp)
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    keys: dict[int, tuple[ActorEntry, bool]] = {}
    for i, (alias, value) in enumerate(sorted(gaz.aliases.items())):
        key = f"actor_alias_{i}"
        lower.add(key, [tok(alias)])
        keys[nlp.vocab.strings[key]] = value
    for i, (acronym, entry) in enumerate(sorted(gaz.acronyms.items())):
        key = f"actor_acronym_{i}"
        orth.add(key, [tok(acronym)])
        keys[nlp.vocab.strings[key]] = (entry, False)
    built = _Matchers(tokenizer=tok, lower=lower, orth=orth, keys=keys)
    _CACHE[id(nlp)] = built
    return built


def tokenize(text: str, nlp: Language) -> Doc:
    """Tokenizer-only Doc of the normalised text, with the matcher's own tokenizer."""
    return _matchers(nlp).tokenizer(normalise(text))


def document_conflict(matches: list[GazetteerMatch]) -> str | None:
    """The conflict most of the document's conflict-specific actors belong to (None if none)."""
    counts: dict[str, int] = {}
    for m in matches:
        if m.entry.conflict and m.entry.conflict != "global":
            counts[m.entry.conflict] = counts.get(m.entry.conflict, 0) + 1
    return max(sorted(counts), key=lambda c: counts[c]) if counts else None


def _longer_name(doc: Doc, start: int) -> bool:
    """The match continues a capitalised name to its left ("Abdelrahim [Dagalo]")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    return prev.is_title and prev.is_alpha and prev.lower_ not in load_gazetteer().person_titles


def match_gazetteer(text: str, nlp: Language, offset: int = 0) -> list[GazetteerMatch]:
    """Longest non-overlapping gazetteer matches in `text`; offsets shifted by `offset`."""
    m = _matchers(nlp)
    doc = m.tokenizer(normalise(text))
    found = [(s, e, k) for k, s, e in m.lower(doc)] + [(s, e, k) for k, s, e in m.orth(doc)]
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: set[int] = set()
    out: list[GazetteerMatch] = []
    for s, e, key in found:
        if any(i in taken for i in range(s, e)):
            continue
        entry, place = m.keys[key]
        if place and s > 0 and doc[s - 1].lower_ in LOCATIVE:
            continue
        if entry.type == "person" and _longer_name(doc, s):
            continue
        taken.update(range(s, e))
        span = doc[s:e]
        out.append(GazetteerMatch(offset + span.start_char, offset + span.end_char, entry, place))
    out.sort(key=lambda g: g.start)
    return out
