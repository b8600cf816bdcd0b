"""Events with ACLED types, linked to their claims. Owner: context/actors+events.

One event per sentence that contains a trigger from `data/event_types.yaml`; when a sentence has
triggers of several rules, the rule listed first (the most specific) wins. Triggers are matched
with one compiled regex over the sentence text (no model: events must be found in every
sentence, and this step receives no pipeline). Monitors, agencies and media named in the sentence
are sources, not parties, so they are left out of `actors`. Section headings and background
(historical claims only, or a sentence dated two or more years before publication) yield no event:
they would duplicate the body or mix past violence into today's incidents.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice
from typing import Generic, Protocol, TypeVar

from observatory.extract.context.actor_sentences import sentences_of
from observatory.extract.context.event_vocab import EventRule, combatant_nouns, event_rules, lowercase_only
from observatory.extract.context.times import TimeMention
from observatory.extract.document import ParsedDocument, Sentence
from observatory.models import ActorMention, Claim, Event, Location, PlaceMention, TimeRef

_NOT_PARTIES = {"monitor", "media", "un_ngo"}
_HEADING_WORDS = 12


# Words as the trigger lookup sees them: hyphenated words stay whole ("booby-trapped", "sit-in").
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


@lru_cache(maxsize=1)
def _trigger_index() -> tuple[dict[tuple[str, ...], EventRule], dict[str, int]]:
    """Trigger word sequences -> rule (first rule wins), and the longest trigger in words for each
    first word of a trigger.

    A dictionary of word n-grams is linear in the sentence length; one regex alternation of
    hundreds of phrases was several times slower on long documents.
    """
    index: dict[tuple[str, ...], EventRule] = {}
    for rule in event_rules():
        for trig in rule.triggers:
            index.setdefault(_words(trig), rule)
    longest: dict[str, int] = {}
    for key in index:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return index, longest


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


def classify(text: str) -> tuple[EventRule, int] | None:
    """The winning rule for a sentence and the offset of its trigger, or None without a trigger."""
    index, longest = _trigger_index()
    raw = _WORD.findall(text)
    if not raw:
        return None
    # All words lower-cased in one call, as lowering each gives: "\n" is in no word and ends the
    # context of a final sigma like a word's end does.
    words = "\n".join(raw).lower().replace("’", "'").split("\n")
    best: tuple[EventRule, int] | None = None
    free = 0  # words before this belong to a trigger already taken
    # Only words that start a trigger can start one (most words of a sentence start none).
    for i in [i for i, word in enumerate(words) if word in longest]:
        if i < free:
            continue
        # Longest trigger at this word first: "missile strike" is shelling, not the air "strike".
        for n in range(min(longest[words[i]], len(words) - i), 0, -1):
            rule = index.get(tuple(words[i:i + n]))
            if rule and n == 1 and i > 0 and raw[i][:1].isupper() and words[i] in lowercase_only():
                rule = None  # "March 9": a month
            if rule:
                if best is None or rule.priority < best[0].priority:
                    best = (rule, i)
                free = i + n
                break
    if best is None:
        return None
    return best[0], next(islice(_WORD.finditer(text), best[1], None)).start()


def event_id(doc_id: str, span: tuple[int, int]) -> str:
    return f"{doc_id}-e{span[0]}-{span[1]}"


def find_events(
    parsed: ParsedDocument,
    claims: list[Claim],
    actors: list[ActorMention],
    places: list[PlaceMention],
    times: list[TimeMention],
) -> list[Event]:
    sentences = sentences_of(parsed)
    headings = _heading_sentences(parsed, sentences)
    found = {s.index: hit for s in sentences if s.index not in headings and (hit := classify(s.text))}
    if not found:
        return []
    claims_by, actors_by = _ByStart(claims), _ByStart(actors)
    places_by, times_by = _ByStart(places), _ByStart(times)
    events: list[Event] = []
    for i, sentence in enumerate(sentences):
        hit = found.get(sentence.index)
        if hit is None:
            continue
        rule, trigger = hit
        linked = _linked_claims(sentences, i, claims_by, found)
        if _historical(linked, sentence, times_by, parsed):
            continue
        etype, sub = rule.event_type, rule.sub_event_type
        if rule.if_combatants and _combatant_victims(sentence.text, trigger, linked):
            etype, sub = rule.if_combatants
        events.append(Event(
            id=event_id(parsed.input.id, (sentence.start, sentence.end)), doc=parsed.input.id,
            text=sentence.text, span=(sentence.start, sentence.end), event_type=etype,
            sub_event_type=sub, kind=rule.kind,
            actors=_actor_names(sentence, actors_by),
            location=_location(sentence, linked, places_by, sentence.start + trigger, parsed),
            time=_time(sentence, linked, times_by, sentence.start + trigger, parsed),
            claims=[c.id for c in linked],
        ))
    return events


def _heading_sentences(parsed: ParsedDocument, sentences: list[Sentence]) -> set[int]:
    """Section headings ("Mass Executions and Atrocities"): a short one-sentence paragraph without
    final punctuation. They repeat the body, so they would only duplicate its events."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    return {
        group[0].index for group in by_paragraph.values()
        if len(group) == 1 and len(group[0].text.split()) <= _HEADING_WORDS
        and not group[0].text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))
    }


def _historical(
    linked: list[Claim], sentence: Sentence, times: _ByStart[TimeMention], parsed: ParsedDocument
) -> bool:
    """Background, not news: all linked claims are historical, or (without claims) the sentence is
    dated two or more calendar years before publication ("In 2013, ... killed scores")."""
    if linked:
        return all(c.historical for c in linked)
    published = parsed.input.published
    if published is None:
        return False
    dates = [t.ref.end or t.ref.start for t in times.within(sentence.start, sentence.end)]
    return bool(dates) and all(d is not None and d.year <= published.year - 2 for d in dates)


def _combatant_victims(text: str, trigger: int, linked: list[Claim]) -> bool:
    """Victims are fighters: from the linked claims, else a combatant noun right after the trigger."""
    groups = {c.victims.group for c in linked}
    if groups:
        return groups <= {"combatants", "security_forces"}
    following = [w.lower() for w in re.findall(r"[A-Za-z]+", text[trigger:])[1:9]]
    if following[:1] == ["by"]:  # passive: "fighters were killed by X" names the victims first
        following = [w.lower() for w in re.findall(r"[A-Za-z]+", text[:trigger])[-8:]]
    elif "by" in following:
        following = following[:following.index("by")]
    return any(w in combatant_nouns() for w in following)


class _Spanned(Protocol):
    @property
    def span(self) -> tuple[int, int]: ...


_S = TypeVar("_S", bound=_Spanned)


class _ByStart(Generic[_S]):
    """Mentions whose span starts in a range, in their original order, found by bisection: a long
    report has hundreds of actors and claims, and scanning them all for every event sentence
    cost more than finding the events. Short lists are scanned (cheaper than sorting them)."""

    _SCAN = 16

    def __init__(self, items: list[_S]) -> None:
        self._items = items
        self._order: list[int] = []
        self._starts: list[int] = []
        if len(items) > self._SCAN:
            self._order = sorted(range(len(items)), key=lambda k: items[k].span[0])
            self._starts = [items[k].span[0] for k in self._order]

    def within(self, start: int, end: int) -> list[_S]:
        if len(self._items) <= self._SCAN:
            return [x for x in self._items if start <= x.span[0] < end]
        picked = self._order[bisect_left(self._starts, start):bisect_left(self._starts, end)]
        return [self._items[k] for k in sorted(picked)]


def _linked_claims(
    sentences: list[Sentence], i: int, claims: _ByStart[Claim], found: dict[int, tuple[EventRule, int]]
) -> list[Claim]:
    """Claims of the sentence, then of the following sentences of the paragraph without own event."""
    sentence = sentences[i]
    linked = claims.within(sentence.start, sentence.end)
    for nxt in sentences[i + 1:]:
        if nxt.paragraph != sentence.paragraph or nxt.index in found:
            break
        linked.extend(claims.within(nxt.start, nxt.end))
    return linked


def _actor_names(sentence: Sentence, actors: _ByStart[ActorMention]) -> list[str]:
    names: list[str] = []
    for a in actors.within(sentence.start, sentence.end):
        if a.actor and a.type not in _NOT_PARTIES and a.actor not in names:
            names.append(a.actor)
    return names


def _paragraph_span(parsed: ParsedDocument, sentence: Sentence) -> tuple[int, int]:
    paras = parsed.paragraphs
    if paras and 0 <= sentence.paragraph < len(paras):
        return paras[sentence.paragraph]
    return sentence.start, sentence.end


def _nearest(items: list[tuple[int, int]], anchor: int) -> int | None:
    if not items:
        return None
    return min(range(len(items)), key=lambda k: abs(items[k][0] - anchor))


_Mention = TypeVar("_Mention", PlaceMention, TimeMention)


def _nearest_in_scope(
    sentence: Sentence, mentions: _ByStart[_Mention], anchor: int, parsed: ParsedDocument
) -> tuple[_Mention, bool] | None:
    """Mention nearest the anchor in the sentence, else in its paragraph; the flag says "inferred"."""
    para = _paragraph_span(parsed, sentence)
    for lo, hi, inferred in ((sentence.start, sentence.end, False), (para[0], para[1], True)):
        cands = mentions.within(lo, hi)
        k = _nearest([x.span for x in cands], anchor)
        if k is not None:
            return cands[k], inferred
    return None


def _location(
    sentence: Sentence, linked: list[Claim], places: _ByStart[PlaceMention], anchor: int,
    parsed: ParsedDocument,
) -> Location | None:
    for c in linked:
        if c.location is not None:
            return c.location
    found = _nearest_in_scope(sentence, places, anchor, parsed)
    if found is None:
        return None
    p, inferred = found
    return Location(label=p.text, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat,
                    lon=p.lon, precision=p.precision, inferred=inferred)


def _time(
    sentence: Sentence, linked: list[Claim], times: _ByStart[TimeMention], anchor: int, parsed: ParsedDocument
) -> TimeRef | None:
    for c in linked:
        if c.time is not None:
            return c.time
    found = _nearest_in_scope(sentence, times, anchor, parsed)
    if found is None:
        return None
    t, inferred = found
    return t.ref.model_copy(update={"inferred": True}) if inferred else t.ref
