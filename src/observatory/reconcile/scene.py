"""Is a claim's place where the violence happened, or only named in passing?

Extract places a claim at the place named in its sentence. Some of those places are not the scene:
where a statement was made ("told a press briefing in Port Sudan", a dateline), a place used as a
modifier ("the Khartoum government", "a Nairobi-based monitor"), a route ("on the Kutum road") or
where people were taken or fled to ("carried to Kutum"). Such a claim is about the article's main
incident, so clustering treats it as placeless. The cue phrases live in data/reconcile.yaml
(`clustering.not_scene`).

A place is the scene when any of its mentions in the sentence is outside every cue; a label that
cannot be found in the sentence (normalised upstream) is trusted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from observatory.models import Location
from observatory.reconcile.vocab import vocab

# How much text on each side of the place name the cues look at.
_WINDOW = 80


@lru_cache(maxsize=4096)
def _label_pattern(label: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(label) + r"(?!\w)", re.IGNORECASE)


def is_scene(sentence: str, label: str) -> bool:
    """Whether `label` is named in `sentence` as the place where something happened."""
    if not label.strip():
        return True
    hits = list(_label_pattern(label).finditer(sentence))
    if not hits:
        return True
    return any(not _passing(sentence, m.start(), m.end()) for m in hits)


def _passing(sentence: str, start: int, end: int) -> bool:
    cues = vocab().not_scene
    before = sentence[max(0, start - _WINDOW) : start]
    after = sentence[end : end + _WINDOW]
    if any(p.search(before) for p in cues.before) or any(p.match(after) for p in cues.after):
        return True
    # A dateline ("KHARTOUM, Oct 18 (Agency) -") opens the story: it says where it was filed.
    return not re.search(r"\w", before) and any(p.match(after) for p in cues.dateline)


def scene_location(sentence: str, loc: Location | None) -> Location | None:
    """The claim's or event's explicit location when it is the scene, else None (inferred
    locations are no evidence of place either)."""
    if loc is None or loc.inferred:
        return None
    return loc if is_scene(sentence, loc.label) else None
