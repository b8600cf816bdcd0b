"""Where a time rule's matches can start, so that its regex runs there only.

`pattern.finditer(text)` tries a rule at every position of the text: with 19 rules that was
0.1-0.3 ms per rule on a 5 KB article, mostly finding nothing (month stems are in "market",
"decade", "may"). Each rule instead names anchors, words one of which every match contains, and
how many words before the anchor its match may start (`back`); `pattern.match` then runs only at
those positions. `anchored_matches` returns exactly what finditer returns, provided the candidate
positions include every position where the rule matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

DIGITS = "0-9"  # anchor: the start of a run of digits
# Characters that (?i) matches to an ASCII letter though `lower()` does not turn them into it;
# with one of them (or a length-changing "İ") an anchor could be missed in the lower-cased text.
_CASE_ODDITIES = ("\u0131", "\u017f")
_DIGIT_RUN = re.compile(r"\d+")
# One word before a position, read in the reversed text: whitespace or dashes (all that the rules
# allow between the words before their anchors; none when the words are glued, as in "midMarch"
# or "tonight"), then a run of word characters.
_WORD_BEFORE = re.compile(r"[\s\-–]*\w+")


class Anchors:
    """Anchor positions in one text, computed once and shared by the rules that use them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        # Positions in `lowered` must be those in `text`, and (?i) matches must show in `lowered`.
        self.usable = len(self.lowered) == len(text) and not any(c in text for c in _CASE_ODDITIES)
        self._reversed: str | None = None
        self._positions: dict[str, list[int]] = {}
        self._starts: dict[tuple[tuple[str, ...], int], list[int]] = {}

    def starts(self, anchors: tuple[str, ...], back: int) -> list[int]:
        """Sorted positions where a match containing one of `anchors` can start: the anchor, or
        the start of one of the `back` words before it."""
        key = (anchors, back)
        starts = self._starts.get(key)
        if starts is None:
            found: set[int] = set()
            for anchor in anchors:
                positions = self._occurrences(anchor)
                found.update(positions)
                for pos in positions if back else ():
                    found.update(self._words_before(pos, back))
            starts = self._starts[key] = sorted(found)
        return starts

    def _occurrences(self, anchor: str) -> list[int]:
        positions = self._positions.get(anchor)
        if positions is None:
            positions = self._positions[anchor] = self._find(anchor)
        return positions

    def _find(self, anchor: str) -> list[int]:
        if anchor == DIGITS:
            return [m.start() for m in _DIGIT_RUN.finditer(self.text)]
        positions = []
        pos = self.lowered.find(anchor)
        while pos >= 0:  # overlapping occurrences too
            positions.append(pos)
            pos = self.lowered.find(anchor, pos + 1)
        return positions

    def _words_before(self, pos: int, count: int) -> Iterator[int]:
        """Starts of up to `count` words before `pos` (the first may touch `pos`)."""
        if self._reversed is None:
            self._reversed = self.text[::-1]  # a regex cannot search backwards; it can read this
        size = len(self.text)
        at = size - pos
        for _ in range(count):
            word = _WORD_BEFORE.match(self._reversed, at)
            if word is None:
                return
            at = word.end()
            yield size - at


def anchored_matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every position where a match can start.

    finditer yields the leftmost match, then the leftmost one at or after its end, and so on; a
    match at `pos` is the same whether found by a search or by `match(text, pos)` (a word boundary
    at `pos` looks at the character before it). None of the rules matches the empty string.
    """
    end = 0
    for pos in starts:
        if pos >= end and (match := pattern.match(text, pos)):
            yield match
            end = match.end()
