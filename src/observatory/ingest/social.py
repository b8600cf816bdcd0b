"""Split embedded social-media posts out of an article body.

Web pages that embed a post (an X/Twitter "blockquote") flatten it, on copy or text extraction,
into the post's text followed by a signature line:

    <post text ...> https://t.co/AbC123        (or pic.twitter.com/AbC123)
    — Author Name (@handle) March 8, 2025

The signature is the anchor: it must end its line and have the `(@handle)` and a `Month D, YYYY`
date. The post's text is what stands before the dash on the signature line plus the lines above
it, up to the paragraph boundary:
- in a text whose paragraphs are separated by blank lines, all lines up to the blank line;
- in a text with one paragraph per line (no blank lines at all), the line just above a bare
  signature always belongs to the post; further lines above are absorbed only while the post
  stays within a post's length (`MAX_POST_CHARS`, URLs not counted) and the line ends like a
  sentence, so a heading or an article paragraph is never swallowed.
Post lines are removed from the body, so extracted claims never come from a post; the posts are
kept as `SocialPost` records (author, handle, date, text without its links, url = first link).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from observatory.models import SocialPost

MAX_POST_CHARS = 300

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
SIGNATURE = re.compile(
    r"(?:—|–|&mdash;|-{1,2})\s*"
    r"(?P<author>[^\n()@—–]{1,80}?)?\s*"
    r"\(@(?P<handle>[A-Za-z0-9_]{1,30})\)\s*"
    r"(?P<date>" + _MONTH + r"\.?\s+\d{1,2},\s+\d{4})\s*$"
)
POST_LINK = re.compile(r"(?:https?://)?(?:t\.co/[A-Za-z0-9]+|pic\.twitter\.com/[A-Za-z0-9]+)")
_ANY_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+")
# Line endings that close a sentence or a post: punctuation, closing quotes, a link or an emoji.
_SENTENCE_END = re.compile(r"""([.!?…:"'”’)\]]|https?://\S+|pic\.twitter\.com/\S+|[^\x00-\u2fff])\s*$""")


@dataclass(frozen=True)
class SplitResult:
    body: str
    posts: list[SocialPost]


def _parse_date(text: str) -> dt.date | None:
    cleaned = re.sub(r"\s+", " ", text.replace(".", "")).strip()
    for fmt in ("%B %d, %Y", "%b %d, %Y"):
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    if cleaned.startswith("Sept "):
        return _parse_date("Sep " + cleaned[5:])
    return None


def _visible_length(text: str) -> int:
    return len(_ANY_URL.sub("", text).strip())


def _post_start(lines: list[str], sig: int, prefix: str, paragraphs_by_blank: bool) -> int:
    """Index of the first line of the post whose signature is on line `sig`."""
    start = sig
    taken = _visible_length(prefix)
    if not prefix:
        if sig == 0 or not lines[sig - 1].strip():
            return sig
        start = sig - 1
        taken = _visible_length(lines[start])
    while start > 0:
        above = lines[start - 1]
        if not above.strip() or SIGNATURE.search(above):
            break
        if not paragraphs_by_blank:
            size = taken + _visible_length(above)
            if size > MAX_POST_CHARS or not _SENTENCE_END.search(above):
                break
            taken = size
        start -= 1
    return start


def _make_post(post_lines: list[str], match: re.Match[str]) -> SocialPost:
    raw = "\n".join(line.strip() for line in post_lines if line.strip())
    links = POST_LINK.findall(raw)
    url = None
    if links:
        url = links[0] if links[0].startswith("http") else "https://" + links[0]
    text = re.sub(r"[ \t]+", " ", POST_LINK.sub("", raw)).strip()
    author = (match.group("author") or "").strip() or None
    return SocialPost(author=author, handle=match.group("handle"), date=_parse_date(match.group("date")),
                      text=text, url=url)


def split_social_posts(text: str) -> SplitResult:
    """Remove embedded posts from `text`; return the remaining body and the posts in order."""
    lines = text.split("\n")
    paragraphs_by_blank = any(not line.strip() for line in lines[1:-1])
    remove: set[int] = set()
    posts: list[SocialPost] = []
    for i, line in enumerate(lines):
        match = SIGNATURE.search(line)
        if match is None:
            continue
        prefix = line[: match.start()].strip()
        start = _post_start(lines, i, prefix, paragraphs_by_blank)
        start = max(start, max(remove, default=-1) + 1)
        post_lines = [*lines[start:i], prefix]
        posts.append(_make_post(post_lines, match))
        remove.update(range(start, i + 1))
    if not posts:
        return SplitResult(body=text, posts=[])
    kept = [line for i, line in enumerate(lines) if i not in remove]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return SplitResult(body=body + ("\n" if text.endswith("\n") else ""), posts=posts)
