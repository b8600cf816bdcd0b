"""Article text with claims highlighted, built safely: escape every piece of text, then wrap.

Claim spans overlap (several claims often share one sentence), so the text is cut at every span
boundary and each piece is wrapped once with all the claims that cover it. Article text is never
trusted: each piece goes through `markupsafe.escape` before any tag is added, and attribute values
are escaped too, so `<script>` in an article is shown as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from observatory.models import Claim


@dataclass(frozen=True)
class Mark:
    """A highlighted range: a claim's sentence, or (emphasised inside it) the count's words."""

    start: int
    end: int
    claim: str
    css: str = ""
    title: str = ""
    emphasis: bool = False


def claim_title(claim: Claim) -> str:
    """A short plain-text summary shown when hovering a highlight."""
    count = claim.count
    if count.low is not None and count.high is not None and count.low != count.high:
        number = f"{count.low:,}–{count.high:,}"
    elif count.low is not None:
        number = f"{count.low:,}"
    else:
        number = count.text
    parts = [f"{claim.outcome}: {number} {claim.victims.group}"]
    if claim.source:
        parts.append(f"source: {claim.source.name or claim.source.label}")
    flags = [name for name in ("hedged", "historical", "superseded") if getattr(claim, name)]
    if flags:
        parts.append(", ".join(flags))
    if claim.grade:
        parts.append(f"grade: {claim.grade}")
    return " · ".join(parts)


def claim_css(claim: Claim, contested: set[str] | None = None) -> str:
    classes = [f"outcome-{claim.outcome}"]
    classes += [f"is-{name}" for name in ("hedged", "historical", "superseded") if getattr(claim, name)]
    if contested and claim.id in contested:
        classes.append("is-contested")
    return " ".join(classes)


def claim_marks(text: str, claims: Iterable[Claim], contested: set[str] | None = None) -> list[Mark]:
    """One mark per claim over its span, plus an emphasis mark on the count's words when found."""
    marks: list[Mark] = []
    for claim in claims:
        start, end = claim.span
        if not 0 <= start < end <= len(text):
            continue  # a span that does not fit this text cannot be shown truthfully
        marks.append(Mark(start, end, claim.id, claim_css(claim, contested), claim_title(claim)))
        words = claim.count.text
        at = text.find(words, start, end) if words else -1
        if at >= 0:
            marks.append(Mark(at, at + len(words), claim.id, emphasis=True))
    return marks


def highlight(text: str, marks: Sequence[Mark], anchor_prefix: str = "") -> Markup:
    """HTML for `text` with each mark wrapped in <mark>; safe for any input text.

    With `anchor_prefix`, an empty anchor `<a id="{prefix}{claim}">` is placed where each claim
    starts so claim lists can link into the text.
    """
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[str]] = {}
    for m in marks:
        if not m.emphasis:
            starts.setdefault(m.start, []).append(m.claim)
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        if anchor_prefix:
            out.extend(f'<a class="anchor" id="{escape(anchor_prefix + c)}"></a>' for c in starts.get(a, []))
        out.append(_segment(text[a:b], [m for m in marks if m.start <= a and m.end >= b]))
    return Markup("".join(out))


def _segment(piece: str, covering: list[Mark]) -> str:
    body = str(escape(piece))
    outer = [m for m in covering if not m.emphasis]
    if any(m.emphasis for m in covering):
        body = f'<strong class="count">{body}</strong>'
    if not outer:
        return body
    claims = " ".join(dict.fromkeys(m.claim for m in outer))
    css = " ".join(_merge_css(outer))
    title = "\n".join(dict.fromkeys(m.title for m in outer if m.title))
    return (
        f'<mark class="claim {escape(css)}" data-claims="{escape(claims)}" title="{escape(title)}">'
        f"{body}</mark>"
    )


# A sentence is shown struck through only when every claim in it is superseded or historical: a
# sentence that also carries a current figure must not look discarded.
DIMMING = ("is-superseded", "is-historical")


def _merge_css(marks: list[Mark]) -> list[str]:
    per_mark = [m.css.split() for m in marks]
    merged = dict.fromkeys(c for classes in per_mark for c in classes if c not in DIMMING)
    merged.update(dict.fromkeys(c for c in DIMMING if all(c in classes for classes in per_mark)))
    return list(merged)
