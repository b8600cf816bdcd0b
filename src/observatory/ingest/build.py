"""Turn raw text plus metadata into a `DocumentInput`: posts split out, id, title, date, language.

Metadata priority (documented in the README): what the input itself says wins (front matter,
HTML metadata, feed fields, JSON keys); `--outlet` / `--published` from the command line fill in
only what the input lacks; then the content is consulted:
- title: a first line that looks like a headline (short, no sentence-final punctuation, followed
  by more text). The headline stays in `text`, so spans index the file's body as written.
- published: a date written in the first lines of the body ("May 8, 2024", "8 May 2024",
  "2024-05-08"), the way datelines and bylines give it.
"""

from __future__ import annotations

import datetime as dt
import re

from observatory.ingest.ids import content_hash, document_id
from observatory.ingest.language import detect_language
from observatory.ingest.social import split_social_posts
from observatory.models import DocumentInput, SocialPost

HEADLINE_MAX_CHARS = 160
HEADLINE_MAX_WORDS = 25
DATELINE_CHARS = 300

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\b(\d{4}-\d{2}-\d{2})\b"), ("%Y-%m-%d",)),
    (
        re.compile(rf"\b((?:{_MONTHS})\.? \d{{1,2}},? \d{{4}})\b"),
        ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y"),
    ),
    (re.compile(rf"\b(\d{{1,2}} (?:{_MONTHS})\.? \d{{4}})\b"), ("%d %B %Y", "%d %b %Y")),
)


def headline(text: str) -> str | None:
    """The first line when it reads as a headline, else None."""
    lines = text.lstrip().split("\n", 1)
    if len(lines) < 2 or not lines[1].strip():
        return None
    first = lines[0].strip()
    if not first or len(first) > HEADLINE_MAX_CHARS or len(first.split()) > HEADLINE_MAX_WORDS:
        return None
    if first[-1] in ".!?;,:…" or (first[-1] in "\"”’'" and len(first) > 1 and first[-2] in ".!?,"):
        return None
    return first


def date_in_text(text: str) -> dt.date | None:
    """A date written near the top of the body (a dateline), or None."""
    head = text[:DATELINE_CHARS]
    for pattern, formats in _DATE_PATTERNS:
        for match in pattern.finditer(head):
            value = match.group(1).replace(".", "").replace("Sept ", "Sep ")
            for fmt in formats:
                try:
                    return dt.datetime.strptime(value, fmt).date()
                except ValueError:
                    continue
    return None


def document_input(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    path: str | None = None,
    social_posts: list[SocialPost] | None = None,
    doc_id: str | None = None,
    default_outlet: str | None = None,
    default_published: dt.date | None = None,
) -> DocumentInput:
    """Build a document from its raw text (posts still embedded) and what the input says about it.

    `outlet`/`published` are the input's own metadata; `default_outlet`/`default_published`
    (the CLI flags) are used only when those are missing. `doc_id` overrides the content-derived
    id (JSON Lines records bring their own).
    """
    split = split_social_posts(text.replace("\r\n", "\n").replace("\r", "\n"))
    body = split.body
    return DocumentInput(
        id=doc_id or document_id(body),
        text=body,
        title=title or headline(body),
        url=url,
        outlet=outlet or default_outlet,
        published=published or default_published or date_in_text(body),
        path=path,
        language=detect_language(body),
        content_hash=content_hash(body),
        social_posts=[*(social_posts or []), *split.posts],
    )
