"""Time expressions and their resolution against the publication date.

Every pattern resolves to a (start, end, precision) window. Relative expressions ("on Thursday",
"last week") need the publication date and are skipped without one; explicit dates do not.
Weekdays are the most recent such day on or before publication (news reports the past).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from dateutil.relativedelta import weekday as Weekday

from observatory.extract.context.time_anchors import DIGITS, Anchors, anchored_matches

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, Weekday] = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR,
                                "saturday": SA, "sunday": SU}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a": 1, "an": 1}

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD2 = r"(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_NUM = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|an)"
_OPT_YEAR = rf"(?:,?\s+{_YEAR})?"
_RANGE = r"\s*(?:-|–|to|and)\s*"
_EARLY = r"(?:early\s+|late\s+|mid-?)?"
_MONTH_PREP = r"(?:in|during|since|by|until|early|late|mid|of|last|this|from)"
_YEAR_PREP = r"(?:in|during|since|by|until|before|after|of|from)"
_NOT_COUNT = r"(?!\s*(?:people|civilians|dead))"


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    precision: str  # day | days | week | month | year


Resolver = Callable[[re.Match[str], dt.date | None], Window | None]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date | None) -> int | None:
    """A date without a year is the latest one not after publication (plus a day of slack)."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, min(day, 28) if month == 2 and day == 29 else day)
    if candidate is None:
        return None
    return published.year if candidate <= published + dt.timedelta(days=1) else published.year - 1


def _month_number(m: re.Match[str]) -> int | None:
    """Month of the match; None for lower-case words ("may", "march") which are not months."""
    word = m.group("month")
    return MONTHS[word.lower()[:3]] if word[0].isupper() else None


def _day_month(m: re.Match[str], published: dt.date | None) -> Window | None:
    month = _month_number(m)
    if month is None:
        return None
    day = int(m.group("day"))
    year = int(m.group("year")) if m.groupdict().get("year") else _year_for(month, day, published)
    if year is None:
        return None
    start = _safe_date(year, month, day)
    if start is None:
        return None
    day2 = m.groupdict().get("day2")
    if day2:
        end = _safe_date(year, month, int(day2))
        if end is None or end < start:
            return None
        return Window(start, end, "days")
    return Window(start, start, "day")


def _numeric(m: re.Match[str], published: dt.date | None) -> Window | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    day, month = (a, b) if b <= 12 else (b, a)  # day first (international style) unless impossible
    start = _safe_date(year, month, day)
    return Window(start, start, "day") if start else None


def _iso(m: re.Match[str], published: dt.date | None) -> Window | None:
    start = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return Window(start, start, "day") if start else None


def _month_only(m: re.Match[str], published: dt.date | None) -> Window | None:
    month = _month_number(m)
    if month is None:
        return None
    if m.groupdict().get("year"):
        year = int(m.group("year"))
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    return Window(dt.date(year, month, 1), _month_end(year, month), "month")


def _year_only(m: re.Match[str], published: dt.date | None) -> Window | None:
    year = int(m.group("year"))
    return Window(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def last_weekday(name: str, published: dt.date) -> dt.date:
    return published + relativedelta(weekday=WEEKDAYS[name.lower()](-1))


def _weekday(m: re.Match[str], published: dt.date | None) -> Window | None:
    if published is None or not m.group("wd")[0].isupper():
        return None
    start = last_weekday(m.group("wd"), published)
    second = m.groupdict().get("wd2")
    if second:
        end = last_weekday(second, published)
        if end < start:
            start -= dt.timedelta(days=7)
        return Window(start, end, "days")
    return Window(start, start, "day")


def _offset_days(days: int) -> Resolver:
    def resolve(m: re.Match[str], published: dt.date | None) -> Window | None:
        if published is None:
            return None
        day = published - dt.timedelta(days=days)
        return Window(day, day, "day")
    return resolve


def _weekend(m: re.Match[str], published: dt.date | None) -> Window | None:
    if published is None:
        return None
    saturday = published + relativedelta(weekday=SA(-1))
    if m.group(0).lower().startswith("last") and published.weekday() >= 5:
        saturday -= dt.timedelta(days=7)  # "last weekend" said on a weekend is the one before
    return Window(saturday, min(saturday + dt.timedelta(days=1), published), "days")


def _week(m: re.Match[str], published: dt.date | None) -> Window | None:
    if published is None:
        return None
    monday = published + relativedelta(weekday=MO(-1))
    if "last" in m.group(0).lower() or "past" in m.group(0).lower():
        return Window(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "week")
    return Window(monday, published, "week")


def _month_rel(m: re.Match[str], published: dt.date | None) -> Window | None:
    if published is None:
        return None
    if "last" in m.group(0).lower():
        first = published.replace(day=1) - relativedelta(months=1)
        return Window(first, _month_end(first.year, first.month), "month")
    return Window(published.replace(day=1), published, "month")


def _year_rel(m: re.Match[str], published: dt.date | None) -> Window | None:
    if published is None:
        return None
    year = published.year - (1 if "last" in m.group(0).lower() else 0)
    return Window(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _ago(m: re.Match[str], published: dt.date | None) -> Window | None:
    if published is None:
        return None
    raw = m.group("n").lower()
    n = NUMBER_WORDS.get(raw) or int(raw)
    unit = m.group("unit").lower()
    if unit.startswith("day"):
        day = published - dt.timedelta(days=n)
        return Window(day, day, "day")
    if unit.startswith("week"):
        day = published - dt.timedelta(weeks=n)
        monday = day - dt.timedelta(days=day.weekday())
        return Window(monday, monday + dt.timedelta(days=6), "week")
    first = published.replace(day=1) - relativedelta(months=n)
    return Window(first, _month_end(first.year, first.month), "month")


# (pattern, resolver) in priority order: earlier patterns win overlapping text.
RULES: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"), _iso),
    (re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)\b"), _numeric),
    (re.compile(rf"\b{_DAY}{_RANGE}{_DAY2}\s+(?:of\s+)?{_MONTH}{_OPT_YEAR}\b", re.I), _day_month),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}{_RANGE}{_DAY2}{_OPT_YEAR}\b", re.I), _day_month),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_OPT_YEAR}\b", re.I), _day_month),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?![\d,]*\d{{3}}){_OPT_YEAR}\b", re.I), _day_month),
    (re.compile(rf"\b{_MONTH_PREP}[\s-]+{_EARLY}{_MONTH}(?:\s+{_YEAR})?\b", re.I), _month_only),
    (re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I), _month_only),
    (re.compile(rf"\b{_YEAR_PREP}\s+{_EARLY}{_YEAR}\b{_NOT_COUNT}", re.I), _year_only),
    (re.compile(rf"\b{_WD}{_PART}\s*(?:and|to|-|–|through|into)\s*{_WD2}{_PART}", re.I), _weekday),
    (re.compile(rf"\b(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?{_WD}{_PART}", re.I), _weekday),
    (re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I), _offset_days(2)),
    (re.compile(r"\b(?:yesterday|last\s+night|overnight)(?:\s+(?:morning|afternoon|evening))?\b", re.I),
     _offset_days(1)),
    (re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today)\b", re.I),
     _offset_days(0)),
    (re.compile(r"\b(?:over|during|at|on|this|last)\s+(?:the\s+)?weekend\b", re.I), _weekend),
    (re.compile(r"\b(?:last|this|past|earlier\s+this)\s+week\b", re.I), _week),
    (re.compile(r"\b(?:last|this|earlier\s+this)\s+month\b", re.I), _month_rel),
    (re.compile(r"\b(?:last|this|earlier\s+this)\s+year\b", re.I), _year_rel),
    (re.compile(rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?)\s+ago\b", re.I), _ago),
]


_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words one of which must occur (lower-cased) for each rule to be worth a full `finditer` scan;
# used for the rare texts where anchors are unusable. Every match contains one of them.
_NEEDS: list[tuple[str, ...]] = [
    ("-",), ("/", "."), _MONTH_WORDS, _MONTH_WORDS, _MONTH_WORDS, _MONTH_WORDS, _MONTH_WORDS,
    _MONTH_WORDS, ("19", "20"), _WEEKDAY_WORDS, _WEEKDAY_WORDS, ("yesterday",),
    ("yesterday", "night", "overnight"), ("today", "this", "tonight"), ("weekend",), ("week",),
    ("month",), ("year",), ("ago",),
]
assert len(_NEEDS) == len(RULES), "one entry of _NEEDS per rule"

# Where each rule's matches can start (see `time_anchors`): anchor words (in the lower-cased text)
# one of which every match contains, and how many words before the anchor the match may start.
_ANCHORS: list[tuple[tuple[str, ...], int]] = [
    (("19", "20"), 0),  # 2025-03-06
    ((DIGITS,), 0),  # 6/3/2025
    ((DIGITS,), 0),  # 5 to 7 March
    (_MONTH_WORDS, 0),  # March 5-7
    ((DIGITS,), 0),  # 6 March
    (_MONTH_WORDS, 0),  # March 6
    (_MONTH_WORDS, 2),  # in early March
    (_MONTH_WORDS, 0),  # March 2025
    (("19", "20"), 2),  # in mid-2013
    (_WEEKDAY_WORDS, 0),  # Friday and Saturday
    (_WEEKDAY_WORDS, 2),  # later on Friday
    (("yesterday",), 3),  # the day before yesterday
    (("yesterday", "night"), 1),  # last night, overnight
    (("today", "night", "morning", "afternoon", "evening"), 1),  # earlier today, tonight, this evening
    (("weekend",), 2),  # over the weekend
    (("week",), 2),  # earlier this week
    (("month",), 2),
    (("year",), 2),
    (("ago",), 2),  # three weeks ago
]
assert len(_ANCHORS) == len(RULES), "one entry of _ANCHORS per rule"


def scan(text: str, published: dt.date | None) -> Iterator[tuple[int, int, Window]]:
    """Non-overlapping time expressions in `text` with their windows, in text order."""
    anchors = Anchors(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, Window]] = []
    for (pattern, resolver), needs, (words, back) in zip(RULES, _NEEDS, _ANCHORS, strict=True):
        if anchors.usable:
            matches = anchored_matches(pattern, text, anchors.starts(words, back))
        elif any(word in anchors.lowered for word in needs):
            matches = pattern.finditer(text)
        else:
            continue
        for match in matches:
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            window = resolver(match, published)
            if window is not None:
                taken.append((start, end))
                found.append((start, end, window))
    yield from sorted(found, key=lambda item: item[0])
