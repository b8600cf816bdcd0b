"""A small, offline language guess: function-word share for Latin-script languages, character
ranges for a few other scripts. Good enough to flag non-English input; no model downloads.

The vocabulary lives in `observatory/data/ingest/language_stopwords.yaml`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    text = (Path(__file__).resolve().parent.parent / "data" / "ingest" / "language_stopwords.yaml").read_text(
        "utf-8"
    )
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _script(text: str, scripts: dict[str, list[list[int]]]) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for ch in letters:
        code = ord(ch)
        for lang, ranges in scripts.items():
            if any(low <= code <= high for low, high in ranges):
                counts[lang] += 1
    if counts:
        lang, n = counts.most_common(1)[0]
        if n > len(letters) / 2:
            return lang
    return None


def detect_language(text: str, sample: int = 5000) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    vocab = _vocabulary()
    head = text[:sample]
    script = _script(head, vocab["scripts"])
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 3:
        return None
    shares = {
        lang: sum(1 for w in words if w in set(stop)) / len(words)
        for lang, stop in vocab["languages"].items()
    }
    lang, share = max(shares.items(), key=lambda item: item[1])
    return lang if share >= float(vocab["min_share"]) else None
