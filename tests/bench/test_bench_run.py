"""`observatory bench` end to end on a tiny corpus: every documented key, no timing asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from observatory.bench.real import find_shared, real_corpus, real_texts
from observatory.cli import app

SIDE_KEYS = {"docs_per_s", "tokens_per_s", "peak_rss_mb", "seconds", "claims", "docs_per_cpu_s",
             "cpu_seconds"}


@pytest.mark.slow
def test_tiny_bench_reports_every_key() -> None:
    result = CliRunner().invoke(app, ["bench", "--docs", "20", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert {"docs", "baseline", "optimized", "ratio", "recall_baseline", "recall_optimized"} <= set(report)
    assert report["docs"] == 20
    for side in ("baseline", "optimized"):
        assert set(report[side]) >= SIDE_KEYS
        assert report[side]["seconds"] > 0
        assert report[side]["peak_rss_mb"] > 0
    assert 0.0 <= report["recall_baseline"] <= 1.0
    assert 0.0 <= report["recall_optimized"] <= 1.0
    assert report["ratio"] > 0
    assert report["cpu_ratio"] > 0
    assert report["machine"]["nproc"] >= 1


def test_bad_memory_sizes_give_one_line() -> None:
    result = CliRunner().invoke(app, ["bench", "--memory", "--memory-sizes", "many"])
    assert result.exit_code == 1
    assert "--memory-sizes" in result.output
    assert "Traceback" not in result.output


def test_missing_shared_folder_gives_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "--real", "--docs", "5", "--shared", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a shared folder" in result.output
    assert "Traceback" not in result.output


def test_real_corpus_cycles_through_the_shared_texts() -> None:
    shared = find_shared()
    docs = list(real_corpus(700, shared))
    assert len(docs) == 700
    assert all(d.tokens > 0 and not d.truth for d in docs)
    distinct = {d.doc.id for d in docs}
    assert 300 < len(distinct) < 700  # two seeds + the descriptions, repeated


def test_real_sets_split_articles_from_descriptions() -> None:
    shared = find_shared()
    assert len(real_texts(shared, "seeds")) == 2
    assert len(real_texts(shared, "descriptions")) == len(real_texts(shared)) - 2
    result = CliRunner().invoke(app, ["bench", "--real", "--real-set", "tweets", "--docs", "5"])
    assert result.exit_code == 1
    assert "choose one of all, seeds, descriptions" in result.output
