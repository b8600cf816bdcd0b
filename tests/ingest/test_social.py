"""Embedded social posts are split out of the body into SocialPost records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest_samples import BLANK_LINE_POST, FLAT_WITH_POSTS

from observatory.ingest import document_input, split_social_posts


def test_flat_text_posts_with_signature_lines() -> None:
    result = split_social_posts(FLAT_WITH_POSTS)
    assert [(p.author, p.handle, p.date) for p in result.posts] == [
        ("Jonas Reyvik", "jreyvik", dt.date(2024, 4, 2)),
        ("Pellmoor Today", "pellmoor_today", dt.date(2024, 4, 3)),
        ("Valley Desk", "valleydesk", dt.date(2024, 4, 4)),
    ]
    first, second, third = result.posts
    assert first.text == "Terrible news from Pellmoor tonight, thinking of every family there."
    assert first.url == "https://t.co/AbCdEf1234"
    # A post spanning two lines, the signature glued to the last one.
    assert second.text == "🚨 Curfew announced in the old town.\nStreets are empty, shops shuttered."
    assert second.url == "https://pic.twitter.com/XyZ987abc"
    assert third.text == "Short update from the valley."
    # Article lines around the posts stay, including a heading right above a post.
    assert "What happens next" in result.body
    assert result.body.startswith("Residents of Pellmoor buried 12 victims")
    assert result.body.rstrip().endswith("neighbouring district.")
    for marker in ("t.co", "pic.twitter", "@", "Curfew", "Terrible news"):
        assert marker not in result.body


def test_blank_line_paragraph_post() -> None:
    result = split_social_posts(BLANK_LINE_POST)
    assert len(result.posts) == 1
    post = result.posts[0]
    assert (post.author, post.handle, post.date) == ("Dana Whitlock", "danaw", dt.date(2022, 7, 14))
    assert post.text == "Water everywhere in the lower town.\nWe need boats, not statements."
    assert result.body == (
        "Flooding displaced hundreds in the delta, officials said.\n\n"
        "The ministry said relief convoys would arrive within two days.\n"
    )


def test_text_without_posts_is_unchanged() -> None:
    text = "Officials said 40 people (including @ signs in emails) were evacuated on May 3, 2021.\n"
    assert split_social_posts(text).body == text
    assert split_social_posts(text).posts == []


def test_seed_article_has_three_embedded_posts(seeds_dir: Path) -> None:
    raw = next(seeds_dir.glob("000_*.txt")).read_text("utf-8")
    doc = document_input(raw)
    assert len(doc.social_posts) == 3
    assert all(p.handle and p.author and p.date for p in doc.social_posts)
    assert all(p.handle not in doc.text for p in doc.social_posts)
    assert "t.co/" not in doc.text and "pic.twitter.com" not in doc.text
    # Only the posts' lines are removed: the rest of the article is intact.
    assert len(doc.text) > len(raw) - sum(len(p.text) + 120 for p in doc.social_posts)
