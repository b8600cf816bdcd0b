"""HTML pages: main text and metadata with trafilatura; embedded tweets split out first.

- Embedded X/Twitter posts (`<blockquote class="twitter-tweet">`) are taken out of the page
  before text extraction and parsed with the same signature rule as plain text.
- trafilatura gives the main text and metadata (title, sitename -> outlet, date, url). For broken
  or unusual markup where it finds nothing, a recall-oriented second pass and then the page's
  visible paragraph text are used; only a page with no readable text at all is skipped.
- `html_to_text` turns small HTML fragments (feed entries) into text, one block per line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree

from observatory.ingest.errors import InputProblem
from observatory.ingest.social import split_social_posts
from observatory.models import SocialPost

# Fewer visible characters than this in the fallback means the page has no article to read.
MIN_FALLBACK_CHARS = 40
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "header", "footer", "pre", "dd", "dt", "figcaption", "table", "ul", "ol"}
_WS = re.compile(r"\s+")
_DROP = ("script", "style", "noscript", "template", "nav", "iframe", "svg")


@dataclass
class HtmlPage:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    posts: list[SocialPost] = field(default_factory=list)


def _parse(markup: str) -> lxml.html.HtmlElement:
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputProblem(f"unreadable HTML ({exc})") from None
    return root


def _take_embedded_posts(root: lxml.html.HtmlElement) -> list[SocialPost]:
    posts: list[SocialPost] = []
    for quote in root.xpath("//blockquote[contains(concat(' ', @class, ' '), ' twitter-tweet ')]"):
        split = split_social_posts(_block_text(quote))
        posts.extend(split.posts)
        parent = quote.getparent()
        if parent is not None:
            quote.drop_tree()
    return posts


def _block_text(element: lxml.html.HtmlElement) -> str:
    """Visible text with one line per block element and <br>.

    Newlines in the markup are plain whitespace in HTML, so text nodes are collapsed first and
    line breaks come only from the element structure.
    """
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.text:
            node.text = _WS.sub(" ", node.text)
        if node.tail:
            node.tail = _WS.sub(" ", node.tail)
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "br" or node.tag in _BLOCKS:
            node.tail = "\n" + (node.tail or "")
    text = element.text_content()
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (e.g. a feed entry's content), one block per line."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    return _block_text(root)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fallback_text(root: lxml.html.HtmlElement) -> str:
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    body = root.find("body")
    return _block_text(body if body is not None else root)


def read_html(markup: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of one HTML page; InputProblem when it holds no readable text."""
    root = _parse(markup)
    posts = _take_embedded_posts(root)
    cleaned = lxml.html.tostring(root, encoding="unicode")
    result = trafilatura.bare_extraction(cleaned, url=url, with_metadata=True, include_comments=False)
    if result is None or not (getattr(result, "text", None) or "").strip():
        result = trafilatura.bare_extraction(cleaned, url=url, with_metadata=True, include_comments=False,
                                             favor_recall=True)
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        text = _fallback_text(_parse(cleaned))
        if len(text) < MIN_FALLBACK_CHARS:
            raise InputProblem("no readable article text in the HTML")
    meta = result
    return HtmlPage(
        text=text,
        title=getattr(meta, "title", None) or None,
        outlet=getattr(meta, "sitename", None) or None,
        published=_date(getattr(meta, "date", None)),
        url=getattr(meta, "url", None) or url,
        posts=posts,
    )
