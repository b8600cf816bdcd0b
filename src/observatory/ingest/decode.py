"""Bytes to text, refusing binary junk.

Order: UTF-8 (a BOM is dropped), then the charset the markup declares (`<meta charset>`, the
XML declaration's `encoding`), then cp1252, then latin-1 — the legacy fallbacks only when the
decoded result still looks like text, since any byte string "decodes" as latin-1. Binary input
(NUL bytes, or many control characters) is refused with a reason instead of producing garbage.
"""

from __future__ import annotations

import codecs
import re

from observatory.ingest.errors import InputProblem

_DECLARED = re.compile(rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

# Share of control characters (other than tab/newline/carriage return/form feed) above which
# the input is binary, not text.
MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return (code < 32 and ch not in _ALLOWED_CONTROLS) or 0x7F <= code < 0xA0


def control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    controls = sum(1 for ch in sample if _is_control(ch))
    return controls / len(sample)


def declared_charset(data: bytes) -> str | None:
    """The encoding named by an HTML meta tag or XML declaration near the top, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> str:
    """Decode `data` as text or raise InputProblem with the reason."""
    if not data.strip():
        raise InputProblem("empty file")
    if b"\x00" in data[:20000]:
        raise InputProblem("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _declared(data) or _legacy(data)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise InputProblem("binary file (too many control characters), not text")
    if not text.strip():
        raise InputProblem("empty file")
    return text


def _declared(data: bytes) -> str | None:
    charset = declared_charset(data)
    if charset is None or charset == "utf-8":
        return None
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def _legacy(data: bytes) -> str:
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if control_share(text) <= MAX_CONTROL_SHARE:
            return text
    raise InputProblem("undecodable bytes: not UTF-8 and not readable as cp1252/latin-1 text")
