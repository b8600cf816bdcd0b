"""Deterministic document identity: the same content always gets the same id.

The hash is taken over the *normalised* body (Unicode NFC, whitespace runs collapsed, trimmed),
so re-saving a file with other line endings or trailing spaces is still the same document, while
any change of wording is a new one. `extract` (no database) and `ingest` share this function,
which is why both report the same `doc` for a file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
ID_LENGTH = 16


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Full sha256 (hex) of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """First 16 hex digits of `content_hash(text)`: short, stable, practically collision-free."""
    return content_hash(text)[:ID_LENGTH]
