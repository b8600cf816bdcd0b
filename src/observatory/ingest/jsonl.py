"""JSON Lines: one document per line, `{"id", "text", "title"?, "url"?, "outlet"?, "published"?}`.

The line's `id` is the document id (so `extract` reports `doc` = that id); a line without `id`
gets the content-derived id. A bad line is skipped with "file.jsonl line N: reason" and the rest
of the file is still read. Blank lines are ignored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from observatory.ingest.errors import IngestError, InputProblem
from observatory.ingest.text import parse_date

_OPTIONAL = ("title", "url", "outlet", "published", "id")


@dataclass
class JsonRecord:
    line: int
    text: str
    id: str | None
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise InputProblem(f"'{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _record(raw: str, number: int) -> JsonRecord:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputProblem(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputProblem(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputProblem("no 'text' (a non-empty string is required)")
    published = _string(record, "published")
    return JsonRecord(
        line=number, text=text, id=_string(record, "id"), title=_string(record, "title"),
        url=_string(record, "url"), outlet=_string(record, "outlet"),
        published=parse_date(published, "'published'") if published else None,
    )


def read_jsonl(text: str, name: str) -> Iterator[JsonRecord | IngestError]:
    seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        seen = True
        try:
            yield _record(raw, number)
        except InputProblem as exc:
            yield IngestError(f"{name} line {number}", str(exc))
    if not seen:
        yield IngestError(name, "empty file")
