"""CLI wiring of `observatory eval` (CliRunner; the library is tested elsewhere)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from observatory.cli import app

runner = CliRunner()


def test_eval_json_with_gold_dir(tmp_path: Path) -> None:
    record = {
        "id": "g1",
        "text": "Nine farmers were killed near Gao.",
        "published": "2025-01-05",
        "claims": [
            {
                "outcome": "killed",
                "low": 9,
                "high": 9,
                "qualifier": "exact",
                "group": "civilians",
                "side": None,
                "part_of": None,
                "hedged": False,
                "historical": False,
                "superseded": False,
                "source_kind": None,
            }
        ],
    }
    (tmp_path / "claims_sentences.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), "--format", "json"])
    data = json.loads(result.stdout)
    claims_scores = {s["field"]: s for s in data["scores"] if s["field"].startswith("claims.")}
    assert claims_scores["claims.outcome"]["f1"] == 1.0


def test_eval_bad_gold_dir(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nowhere")])
    assert result.exit_code != 0 and "not a folder" in result.output
