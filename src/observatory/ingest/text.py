"""Plain-text documents with an optional front-matter block.

    ---
    outlet: Daily Ledger
    published: 2024-05-08
    url: https://ledger.example/varenko
    title: Shelling hits Varenko market
    ---
    <body ...>

The block must start on the very first line; it is metadata and not part of the document text.
Keys are case-insensitive; `date` is accepted for `published`, `source` for `outlet`; other keys
are ignored. Without a `title`, a first body line that reads as a headline becomes the title
(see `observatory.ingest.build.headline`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from observatory.ingest.errors import InputProblem

MAX_FRONT_MATTER_LINES = 40
_ALIASES = {"date": "published", "source": "outlet", "link": "url", "headline": "title"}
KEYS = ("outlet", "published", "url", "title")


@dataclass
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)

    @property
    def published(self) -> dt.date | None:
        raw = self.values.get("published")
        return parse_date(raw, "front matter 'published'") if raw else None

    def get(self, key: str) -> str | None:
        return self.values.get(key) or None


def parse_date(raw: str, what: str) -> dt.date:
    """An ISO date (a datetime is cut to its date), or InputProblem naming `what`."""
    value = raw.strip().strip("'\"")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputProblem(f"{what} {raw.strip()!r} is not a date (expected YYYY-MM-DD)") from None


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """(metadata, body). Text without a well-formed block comes back whole."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter(), text
    values: dict[str, str] = {}
    for i, line in enumerate(lines[1 : MAX_FRONT_MATTER_LINES + 1], start=1):
        if line.strip() == "---":
            return FrontMatter(values), "\n".join(lines[i + 1 :]).lstrip("\n")
        key, sep, value = line.partition(":")
        if not sep:
            if line.strip():
                return FrontMatter(), text  # not a key: value block after all
            continue
        name = key.strip().lower()
        name = _ALIASES.get(name, name)
        if name in KEYS:
            values[name] = value.strip().strip("'\"")
    return FrontMatter(), text
