"""CLI wiring of `observatory extract` (CliRunner; the library is tested elsewhere)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from observatory.cli import app

runner = CliRunner()

ARTICLE = """Gunmen killed at least 19 villagers, including 7 children, in Dagwa on Sunday, residents said.
Another 30 people were wounded, according to the state health ministry.
"""


def test_extract_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-04-02", "--outlet", "Test Wire"])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [(c["outcome"], c["count"]["low"], c["victims"]["group"]) for c in claims] == [
        ("killed", 19, "civilians"),
        ("killed", 7, "children"),
        ("injured", 30, "people"),
    ]
    first = claims[0]
    for key in (
        "id",
        "doc",
        "text",
        "span",
        "outcome",
        "count",
        "victims",
        "part_of",
        "perpetrator",
        "location",
        "time",
        "source",
        "hedged",
        "historical",
        "superseded",
    ):
        assert key in first
    assert isinstance(first["span"], list) and len(first["span"]) == 2
    assert claims[1]["part_of"] == first["id"]
    assert first["outlet"] == "Test Wire"
    assert ARTICLE[first["span"][0] : first["span"][1]] == first["text"]


def test_extract_jsonl_input_uses_line_ids(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        {"id": "doc-a", "text": "Five soldiers were killed in the ambush.", "published": "2025-02-01"},
        {"id": "doc-b", "text": "Twelve farmers were abducted near the river.", "published": "2025-02-02"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines() if line.strip()]
    assert docs == ["doc-a", "doc-b"]


def test_extract_bad_input_is_one_line_and_nonzero(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Three people were killed in the blast.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert any(
        json.loads(line)["count"]["low"] == 3 for line in result.stdout.splitlines() if line.startswith("{")
    )


def test_extract_table(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "civilians" in result.stdout and "claim(s)" in result.stdout
