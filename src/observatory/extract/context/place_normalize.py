"""Normalised keys for place names, shared by the gazetteer builder and the resolver.

Two keys per name: `name_key` (casefolded, diacritics and Arabic articles stripped) for exact
lookups, and `skeleton` (consonant outline) that makes transliteration variants collide
(Jableh/Jablah/Jabla, Lattakia/Latakia) so fuzzy scoring only runs on a handful of candidates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Leading articles of Arabic/French/English names: "al-Bab", "El Fasher", "ad-Dana", "the Hague".
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "ul", "the"})
_APOSTROPHES = "'’‘`ʼʻ´"
_NON_KEY = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# Digraphs that transliterations spell differently; order matters (longest first).
_SKELETON_MAP = (("ph", "f"), ("dh", "d"), ("th", "t"), ("ou", "u"), ("ee", "i"), ("q", "k"), ("c", "k"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
# Pure functions of a name called tens of thousands of times per hundred documents on the same
# few hundred capitalised words: memoised (bounded, so building the index does not grow them).
KEY_CACHE = 32768


@lru_cache(maxsize=KEY_CACHE)
def fold(text: str) -> str:
    """Casefold and strip diacritics/apostrophes; hyphens and dots become spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.casefold()
    for mark in _APOSTROPHES:
        bare = bare.replace(mark, "")
    bare = bare.replace("-", " ").replace(".", " ")
    bare = _NON_KEY.sub(" ", bare)
    return _SPACES.sub(" ", bare).strip()


@lru_cache(maxsize=KEY_CACHE)
def name_key(text: str) -> str:
    """Exact-match key: folded, without a leading article ("Al-Fashir" -> "fashir")."""
    words = fold(text).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=KEY_CACHE)
def skeleton(text: str) -> str:
    """Consonant outline used to block fuzzy candidates; '' when too short to be useful."""
    words = [w for w in fold(text).split() if w not in ARTICLES]
    joined = "".join(words)
    for src, dst in _SKELETON_MAP:
        joined = joined.replace(src, dst)
    if joined.endswith("h") and len(joined) > 3:
        joined = joined[:-1]  # final -h/-ah/-eh of Arabic ta marbuta
    outline = _DOUBLES.sub(r"\1", _VOWELS.sub("", joined))
    outline = _DOUBLES.sub(r"\1", outline)
    return outline if len(outline) >= 3 else ""


def is_latin(text: str) -> bool:
    """True for names written in Latin script (other scripts never occur in English news)."""
    folded = fold(text)
    return bool(folded) and all(ch.isascii() for ch in folded) and any(ch.isalpha() for ch in folded)
