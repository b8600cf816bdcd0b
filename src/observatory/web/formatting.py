"""Jinja2 filters: numbers and toll ranges written the way an analyst reads them."""

from __future__ import annotations

import datetime as dt

from observatory.models import Count, Toll, TollRange


def number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def toll_range(toll: Toll | TollRange | None) -> str:
    """`1,018 (low 1,000 – high 1,300)`, or just `12` when all three agree."""
    if toll is None:
        return "–"
    if toll.low == toll.best == toll.high:
        return f"{toll.best:,}"
    return f"{toll.best:,} (low {toll.low:,} – high {toll.high:,})"


def count_range(count: Count) -> str:
    """`24–99`, `200+` (an open upper bound), `up to 30`, or the words when no number is known."""
    if count.low is None and count.high is None:
        return count.text
    if count.low is not None and count.high is not None:
        return f"{count.low:,}–{count.high:,}" if count.low != count.high else f"{count.low:,}"
    if count.low is not None:
        return f"{count.low:,}+"
    return f"up to {count.high:,}"


def date(value: dt.date | None) -> str:
    return value.isoformat() if value else "–"


def date_span(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return date(start or end)


# Vocabulary values whose plain spelling would read wrong.
SPECIAL_LABELS = {"un_ngo": "UN/NGO"}


def label(value: str | None) -> str:
    """`violence_against_civilians` -> `violence against civilians`."""
    if value in SPECIAL_LABELS:
        return SPECIAL_LABELS[value]
    return (value or "–").replace("_", " ")


# One-line meanings of the grades for readers; the rules themselves are in docs/grades.md.
GRADE_HELP = {
    "confirmed": "another outlet reports a compatible figure, and a credible source is named",
    "fair": "another outlet reports a compatible figure, but no credible named source",
    "weak": "hedged, unattributed or partisan, and no other outlet agrees",
    "contested": "sources contradict each other (count, perpetrator, victims, initiator or attribution)",
    "single_source": "one outlet only, citing a credible source",
}


def grade_help(grade: str | None) -> str:
    return GRADE_HELP.get(grade or "", "")


FILTERS = {
    "number": number,
    "toll_range": toll_range,
    "count_range": count_range,
    "date": date,
    "label": label,
    "grade_help": grade_help,
}
