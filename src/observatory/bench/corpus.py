"""Deterministic generator of fictional, news-like conflict articles with known casualty truth.

Each document is built from the templates and vocabulary in `observatory/data/bench/`: one
fictional country per article, a lead paragraph reporting casualties, and mostly background
paragraphs (politics, economy, history, troop numbers, quotes) full of numbers that are not
casualties. Every casualty sentence records its truth (outcome, low, high, victim group), so a
benchmark can measure recall as well as speed. Document `i` of seed `s` depends only on (s, i):
the corpus streams, and any prefix of a larger corpus equals the smaller corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from observatory.models import DocumentInput

SLOT = re.compile(r"\{(\w+)\}")
TOKEN = re.compile(r"\w+|[^\w\s]")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve")
MIN_WORDS, MAX_WORDS = 400, 900
FIRST_DAY = dt.date(2025, 1, 1)


@dataclass(frozen=True)
class TruthClaim:
    """One casualty statement the generator wrote, as an extractor should report it."""

    outcome: str
    low: int
    high: int
    group: str
    sentence: str
    count_text: str

    def key(self) -> tuple[str, int, int, str]:
        return (self.outcome, self.low, self.high, self.group)


@dataclass
class BenchDocument:
    doc: DocumentInput
    truth: list[TruthClaim] = field(default_factory=list)
    tokens: int = 0


@dataclass(frozen=True)
class Data:
    vocab: dict[str, Any]
    templates: dict[str, Any]


@lru_cache(maxsize=1)
def load_data() -> Data:
    base = resources.files("observatory.data") / "bench"
    vocab = yaml.safe_load((base / "vocabulary.yaml").read_text(encoding="utf-8"))
    templates = yaml.safe_load((base / "templates.yaml").read_text(encoding="utf-8"))
    return Data(vocab=vocab, templates=templates)


def count_tokens(text: str) -> int:
    """Word and punctuation tokens; close to spaCy's count, and cheap enough to run outside timing."""
    return len(TOKEN.findall(text))


# --------------------------------------------------------------------------- numbers
def _spell(n: int) -> str:
    return f"{n:,}"


def _draw_count(rng: random.Random, low: int, high: int) -> int:
    # Log-uniform: small tolls are far more common than large ones, as in real reporting.
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return max(low, min(high, round(value)))


def _render_count(rng: random.Random, n: int) -> tuple[str, int, int]:
    """A count as news text would write it, with the (low, high) a reader should take from it."""
    # House style: spell out one to nine, and sometimes ten to twelve.
    if n < 10 or (n < len(NUMBER_WORDS) and rng.random() < 0.5):
        return NUMBER_WORDS[n], n, n
    if 10 <= n <= 500 and rng.random() < 0.12:
        upper = n + max(2, round(n * rng.uniform(0.1, 0.4)))
        return f"between {_spell(n)} and {_spell(upper)}", n, upper
    return _spell(n), n, n


def _background_number(rng: random.Random, name: str, cache: dict[str, str]) -> str | None:
    """Numbers that are not casualties: years, money, percentages, troop strengths, distances."""
    if name == "year":
        cache["_year"] = str(rng.randint(1962, 2022))
        return cache["_year"]
    if name == "year2":
        return str(int(cache.get("_year", "2000")) + rng.randint(1, 4))
    if name == "money":
        return f"${rng.choice([12, 40, 75, 120, 250, 480, 900])} million"
    if name == "pct":
        return f"{rng.randint(3, 62)} percent"
    if name == "troops":
        cache["_troops"] = _spell(rng.choice([500, 1200, 2000, 3500, 5000, 8000]))
        return cache["_troops"]
    if name == "troops2":
        return _spell(int(cache.get("_troops", "1000").replace(",", "")) * 2)
    if name == "km":
        return str(rng.randint(40, 900))
    if name == "small":
        return NUMBER_WORDS[rng.randint(2, 9)]
    return None


# --------------------------------------------------------------------------- templates
DRAWN = {"weapon": "weapons", "attack_noun": "attack_nouns", "venue": "venues", "weekday": "weekdays",
         "month": "months", "sector": "sectors", "institution": "institutions", "un_source": "un_sources",
         "analyst": "analysts"}


def _fill(template: str, rng: random.Random, context: dict[str, str], vocab: dict[str, Any]) -> str:
    cache: dict[str, str] = {}

    def slot(match: re.Match[str]) -> str:
        raw = match.group(1)
        name = raw[0].lower() + raw[1:]
        value = context.get(name)
        if value is None and name in DRAWN:
            value = rng.choice(vocab[DRAWN[name]])
        if value is None:
            value = _background_number(rng, name, cache)
        if value is None:
            raise KeyError(f"unknown template slot {{{raw}}} in {template!r}")
        return value[0].upper() + value[1:] if raw[0].isupper() else value

    return SLOT.sub(slot, template)


def _document_context(rng: random.Random, vocab: dict[str, Any]) -> dict[str, str]:
    country = rng.choice(vocab["countries"])
    town, town2 = rng.sample(country["towns"], 2)
    return {
        "country": country["name"], "adjective": country["adjective"], "capital": country["capital"],
        "town": town, "town2": town2, "region": country["region"], "gov_force": country["government_force"],
        "armed_group": country["armed_group"], "leader": country["leader"], "official": country["official"],
        "monitor": rng.choice(vocab["monitors"]), "outlet": rng.choice(vocab["outlets"]),
    }


Paragraph = tuple[str, list[TruthClaim]]


def _casualty_sentence(rng: random.Random, context: dict[str, str], data: Data) -> Paragraph:
    vocab = data.vocab
    spec = rng.choice(data.templates["casualty"])
    local = dict(context)
    parts: list[tuple[str, str, int, int]] = []
    for i, outcome in enumerate(spec["outcomes"]):
        suffix = "" if i == 0 else str(i + 1)
        group = rng.choice(vocab["outcome_groups"][outcome])
        count_text, low, high = _render_count(rng, _draw_count(rng, *vocab["count_ranges"][outcome]))
        local["count" + suffix] = count_text
        local["victims" + suffix] = rng.choice(vocab["victims"][group])
        parts.append((outcome, group, low, high))
    sentence = _fill(spec["text"], rng, local, vocab)
    truth = [TruthClaim(outcome, low, high, group, sentence, _as_written(spec["text"], local, i))
             for i, (outcome, group, low, high) in enumerate(parts)]
    return sentence, truth


def _as_written(template: str, slots: dict[str, str], i: int) -> str:
    """The count text exactly as it appears in the sentence (capitalised at a sentence start)."""
    name = "count" + ("" if i == 0 else str(i + 1))
    value = slots[name]
    return value[0].upper() + value[1:] if "{C" + name[1:] + "}" in template else value


def _casualty_paragraph(rng: random.Random, context: dict[str, str], data: Data) -> Paragraph:
    sentence, truth = _casualty_sentence(rng, context, data)
    follow = rng.sample(data.templates["casualty_context"], rng.randint(1, 3))
    return " ".join([sentence, *(_fill(t, rng, context, data.vocab) for t in follow)]), truth


class BackgroundDeck:
    """Background sentences dealt without replacement, so an article does not repeat itself."""

    def __init__(self, rng: random.Random, data: Data) -> None:
        self.rng = rng
        self.data = data
        self.decks: dict[str, list[str]] = {}
        self._shuffle()

    def _shuffle(self) -> None:
        for category, pool in sorted(self.data.templates["background"].items()):
            deck = list(pool)
            self.rng.shuffle(deck)
            self.decks[category] = deck

    def paragraph(self, context: dict[str, str]) -> str:
        open_decks = [category for category, deck in self.decks.items() if len(deck) >= 2]
        if not open_decks:  # only a very long article exhausts every deck
            self._shuffle()
            open_decks = sorted(self.decks)
        deck = self.decks[self.rng.choice(open_decks)]
        chosen = [deck.pop() for _ in range(min(len(deck), self.rng.randint(3, 4)))]
        return " ".join(_fill(t, self.rng, context, self.data.vocab) for t in chosen)


def _words(paragraphs: Iterable[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def generate_document(seed: int, index: int) -> BenchDocument:
    """Document `index` of the corpus for `seed`; depends on nothing else."""
    data = load_data()
    rng = random.Random(f"observatory-bench:{seed}:{index}")
    context = _document_context(rng, data.vocab)
    casualty = [_casualty_paragraph(rng, context, data) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 20) - _words(p for p, _ in casualty)
    deck = BackgroundDeck(rng, data)
    background: list[str] = []
    while _words(background) < target:
        background.append(deck.paragraph(context))
    while _words(background) + _words(p for p, _ in casualty) > MAX_WORDS and len(background) > 1:
        background.pop()
    paragraphs = list(background)
    paragraphs.insert(0, casualty[0][0])  # news leads with the toll
    for text, _ in casualty[1:]:
        paragraphs.insert(rng.randint(2, len(paragraphs)), text)
    text = "\n\n".join(paragraphs)
    title = _fill(rng.choice(data.templates["headlines"]), rng, context, data.vocab)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = DocumentInput(
        id=f"bench-{digest[:16]}", text=text, title=title, outlet=context["outlet"],
        published=FIRST_DAY + dt.timedelta(days=rng.randint(0, 330)), language="en", content_hash=digest,
    )
    truth = [claim for _, claims in casualty for claim in claims]
    return BenchDocument(doc=doc, truth=truth, tokens=count_tokens(text))


def generate_corpus(n: int, seed: int = 0) -> Iterator[BenchDocument]:
    """Stream `n` documents; nothing is held in memory beyond the current one."""
    for index in range(n):
        yield generate_document(seed, index)


# --------------------------------------------------------------------------- JSONL round trip
def write_corpus(documents: Iterable[BenchDocument], path: Path) -> int:
    """Write documents (with their truth) as JSON Lines; returns how many were written."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for item in documents:
            record = {"document": item.doc.model_dump(mode="json"), "truth": [asdict(t) for t in item.truth],
                      "tokens": item.tokens}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def read_corpus(path: Path) -> Iterator[BenchDocument]:
    """Read a corpus written by `write_corpus` back lazily, one line at a time."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield BenchDocument(doc=DocumentInput.model_validate(record["document"]),
                                truth=[TruthClaim(**t) for t in record["truth"]], tokens=record["tokens"])
