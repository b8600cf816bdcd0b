"""Geometry for the dashboard's SVG charts, computed on the server (no chart library to ship).

Two charts: the toll ranges of an incident (a bar from low to high with a tick at best, per
outcome and victim group) and the timeline of reported figures (how each toll was revised, by
publication date and source). Templates only draw what these functions lay out.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from observatory.models import OUTCOMES, Incident, TimelinePoint, Toll

PALETTE = ("#b3261e", "#1f5fa8", "#2e7d32", "#8e44ad", "#c77700", "#00838f", "#6d4c41", "#546e7a")
LABEL_WIDTH = 150
VALUE_WIDTH = 130  # right-hand column with "best (low–high)" as text
CHART_WIDTH = 620
ROW_HEIGHT = 26


@dataclass(frozen=True)
class Tick:
    pos: float  # x for a horizontal axis, y for a vertical one
    label: str


@dataclass(frozen=True)
class RangeRow:
    label: str
    low: int
    best: int
    high: int
    x_low: float
    x_best: float
    x_high: float
    y: float
    total: bool
    title: str = ""  # full text when the label is shortened
    href: str | None = None


@dataclass(frozen=True)
class RangeChart:
    outcome: str
    width: int
    height: int
    rows: list[RangeRow]
    ticks: list[Tick]
    label_width: int = LABEL_WIDTH


@dataclass(frozen=True)
class RangeInput:
    """One bar to draw: what it is, its low/best/high, and where it links."""

    label: str
    low: int
    best: int
    high: int
    total: bool = False
    href: str | None = None


def nice_max(value: int) -> int:
    """Round an axis maximum up to 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _scale(value: float, top: int, left: float, width: float) -> float:
    return round(left + width * value / top, 1)


def tick_values(top: int) -> list[int]:
    """Whole-number axis ticks from 0 to `top` (a `nice_max` value): five steps, or ones when small."""
    step = top // 5 if top >= 10 else 1
    return list(range(0, top + 1, step))


def outcome_order(outcome: str) -> int:
    """Killed first, then the other outcomes in PRODUCT.md order: the order an analyst reads them."""
    return OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES)


def ranges(
    outcome: str,
    items: list[RangeInput],
    width: int = CHART_WIDTH,
    label_width: int = LABEL_WIDTH,
    max_label: int = 24,
) -> RangeChart:
    """Lay out bars from low to high with a mark at best, on one linear scale from 0."""
    top = nice_max(max(i.high for i in items))
    plot = width - label_width - VALUE_WIDTH
    rows = [
        RangeRow(
            label=i.label if len(i.label) <= max_label else i.label[: max_label - 1].rstrip() + "…",
            title=i.label,
            low=i.low,
            best=i.best,
            high=i.high,
            total=i.total,
            href=i.href,
            x_low=_scale(i.low, top, label_width, plot),
            x_best=_scale(i.best, top, label_width, plot),
            x_high=_scale(i.high, top, label_width, plot),
            y=12 + n * ROW_HEIGHT,
        )
        for n, i in enumerate(items)
    ]
    ticks = [Tick(_scale(v, top, label_width, plot), f"{v:,}") for v in tick_values(top)]
    return RangeChart(outcome, width, 30 + len(rows) * ROW_HEIGHT, rows, ticks, label_width)


def range_chart(outcome: str, toll: Toll) -> RangeChart:
    """An incident's toll for one outcome: all victims, then each victim group."""
    items = [RangeInput("all victims", toll.low, toll.best, toll.high, total=True)]
    items += [
        RangeInput(g.replace("_", " "), r.low, r.best, r.high) for g, r in sorted(toll.by_group.items())
    ]
    return ranges(outcome, items)


def incidents_chart(incidents: list[Incident], limit: int = 12) -> RangeChart | None:
    """The largest killed tolls among `incidents`, one bar each, linking to the incident page."""
    tolled = [(i, i.toll["killed"]) for i in incidents if "killed" in i.toll and i.toll["killed"].high > 0]
    tolled.sort(key=lambda pair: (pair[1].best, pair[1].high), reverse=True)
    if not tolled:
        return None
    items = [RangeInput(i.title, t.low, t.best, t.high, href=f"/incidents/{i.id}") for i, t in tolled[:limit]]
    return ranges("killed", items, width=1000, label_width=330, max_label=44)


def toll_charts(incident: Incident) -> list[RangeChart]:
    tolls = sorted(incident.toll.items(), key=lambda item: outcome_order(item[0]))
    return [range_chart(outcome, toll) for outcome, toll in tolls if toll.high > 0]


# --------------------------------------------------------------------------- timeline
@dataclass(frozen=True)
class TimelineDot:
    x: float
    y_low: float
    y_high: float
    point: TimelinePoint
    color: str


@dataclass
class TimelineSeries:
    """The figures one source gave for one victim group, in publication order (its revisions)."""

    group: str
    source: str
    color: str
    dots: list[TimelineDot] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.group.replace('_', ' ')} · {self.source}"

    @property
    def path(self) -> str:
        return " ".join(f"{d.x},{d.y_low}" for d in self.dots)


@dataclass(frozen=True)
class TimelineChart:
    outcome: str
    width: int
    height: int
    series: list[TimelineSeries]
    legend: list[tuple[str, str]]  # (victim group, colour)
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def timeline_charts(points: list[TimelinePoint]) -> list[TimelineChart]:
    """One chart per outcome (own scale: 22,000 displaced must not flatten 14 killed), killed first.

    An outcome reported only once has no revision to show; its figure is in the toll charts.
    """
    outcomes = sorted({p.outcome for p in points}, key=outcome_order)
    charts = [timeline_chart([p for p in points if p.outcome == o], o) for o in outcomes]
    return [c for c in charts if c is not None and sum(len(s.dots) for s in c.series) > 1]


def timeline_chart(points: list[TimelinePoint], outcome: str = "") -> TimelineChart | None:
    usable = [p for p in points if p.low is not None or p.high is not None]
    if not usable:
        return None
    width, height, left, right, top_pad, bottom = 620, 220, 56, 44, 14, 36
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    y_top = nice_max(max((p.high if p.high is not None else p.low) or 0 for p in usable))
    dates = sorted({p.published for p in usable if p.published})
    first, last = (dates[0], dates[-1]) if dates else (dt.date.min, dt.date.min)
    span_days = max((last - first).days, 1)

    def x_of(published: dt.date | None, nth: int = 0) -> float:
        if not published or first == last:
            base = left + plot_w / 2
        else:
            base = left + plot_w * (published - first).days / span_days
        return round(base + (nth % 5) * 5, 1)  # nudge figures of the same day so none hides another

    def y_of(value: int) -> float:
        return round(top_pad + plot_h * (1 - value / y_top), 1)

    colors: dict[str, str] = {}
    series: dict[tuple[str, str], TimelineSeries] = {}
    same_day: dict[dt.date | None, int] = {}
    for p in sorted(usable, key=lambda p: (p.published or dt.date.min, p.group, p.source or "")):
        color = colors.setdefault(p.group, PALETTE[len(colors) % len(PALETTE)])
        # A line joins only the figures of one source for one group (its revisions, e.g. 56 ->
        # 100+), never two sources' competing figures.
        source = p.source or p.outlet or "unattributed"
        s = series.setdefault((p.group, source), TimelineSeries(p.group, source, color))
        nth = same_day.get(p.published, 0)
        same_day[p.published] = nth + 1
        low = p.low if p.low is not None else p.high or 0
        high = p.high if p.high is not None else low
        s.dots.append(TimelineDot(x_of(p.published, nth), y_of(low), y_of(high), p, color))
    x_ticks = [Tick(x_of(d), d.isoformat()) for d in dates]
    if len(x_ticks) > 6:
        x_ticks = x_ticks[:: math.ceil(len(x_ticks) / 6)]
    y_ticks = [Tick(y_of(v), f"{v:,}") for v in tick_values(y_top)]
    legend = [(g.replace("_", " "), c) for g, c in colors.items()]
    return TimelineChart(outcome, width, height, list(series.values()), legend, x_ticks, y_ticks)
