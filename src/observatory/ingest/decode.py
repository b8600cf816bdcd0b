"""Bytes to text, refusing binary junk.

Order: UTF-8 (a BOM is dropped), then cp1252, then latin-1 — the legacy fallbacks only when the
decoded result still looks like text, since any byte string "decodes" as latin-1. Binary input
(NUL bytes, or many control characters) is refused with a reason instead of producing garbage.
"""

from __future__ import annotations

from observatory.ingest.errors import InputProblem

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


def decode_bytes(data: bytes) -> str:
    """Decode `data` as text or raise InputProblem with the reason."""
    if not data.strip():
        raise InputProblem("empty file")
    if b"\x00" in data[:20000]:
        raise InputProblem("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _legacy(data)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise InputProblem("binary file (too many control characters), not text")
    if not text.strip():
        raise InputProblem("empty file")
    return text


def _legacy(data: bytes) -> str:
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if control_share(text) <= MAX_CONTROL_SHARE:
            return text
    raise InputProblem("undecodable bytes: not UTF-8 and not readable as cp1252/latin-1 text")
