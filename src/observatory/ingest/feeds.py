"""RSS and Atom feeds (feedparser): one document per entry.

The channel title is the outlet; an entry's full content (`content:encoded`, Atom `content`) is
preferred over its summary; HTML becomes text with `html_to_text`; the entry's title, link and
published (or updated) date are its metadata. Entries without text are skipped with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import feedparser

from observatory.ingest.errors import IngestError, InputProblem
from observatory.ingest.html import html_to_text
from observatory.ingest.social import split_social_posts
from observatory.models import SocialPost


@dataclass
class FeedEntry:
    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None
    posts: list[SocialPost] = field(default_factory=list)


def looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def read_feed(text: str, name: str) -> Iterator[FeedEntry | IngestError]:
    """Entries of a feed, or IngestErrors for entries without text; InputProblem if not a feed."""
    parsed = feedparser.parse(text)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        detail = f" ({str(why).splitlines()[0]})" if why else ""
        raise InputProblem(f"not an RSS/Atom feed with entries{detail}")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        body = html_to_text(_entry_html(entry))
        split = split_social_posts(body)
        if not split.body.strip():
            yield IngestError(f"{name} entry {number}", "entry has no text")
            continue
        yield FeedEntry(
            text=split.body, title=(entry.get("title") or "").strip() or None,
            url=entry.get("link") or None, published=_entry_date(entry), outlet=outlet, posts=split.posts,
        )
