"""`--engine ray` against a running Ray cluster (a real `ray start --head` on this machine)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from observatory.cli import app

runner = CliRunner()

ARTICLE = """Soldiers shot dead 11 fishermen near the Kelvo jetty on Thursday, the harbour master said.
At least 25 others were wounded, according to the district hospital.
"""


def _ray_cli() -> str:
    found = Path(sys.executable).with_name("ray")
    return str(found) if found.exists() else shutil.which("ray") or "ray"


@pytest.fixture(scope="module")
def ray_head() -> Iterator[None]:
    """A head node started the way an operator starts one; stopped (with its workers) afterwards."""
    pytest.importorskip("ray")
    start = [_ray_cli(), "start", "--head", "--port=0", "--num-cpus=2", "--include-dashboard=false",
             "--disable-usage-stats"]
    subprocess.run(start, check=True, capture_output=True, timeout=180)
    try:
        yield
    finally:
        subprocess.run([_ray_cli(), "stop", "--force"], check=False, capture_output=True, timeout=180)


def _claims(args: list[str], path: Path) -> list[tuple[str, int, str]]:
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-06-12", *args])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [(r["outcome"], r["count"]["low"], r["victims"]["group"]) for r in rows]


@pytest.mark.slow
def test_extract_on_a_running_cluster_matches_local(ray_head: None, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    local = _claims([], path)
    assert local == [("killed", 11, "civilians"), ("injured", 25, "people")]
    assert _claims(["--engine", "ray", "--ray-address", "auto"], path) == local
    # Without an address the engine starts its own private Ray even though a cluster runs here.
    assert _claims(["--engine", "ray"], path) == local


def test_ray_address_without_the_ray_engine_is_a_bad_option(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    for command in ("extract", "ingest"):
        result = runner.invoke(app, [command, str(path), "--ray-address", "10.0.0.5:6379"])
        assert result.exit_code == 2
        assert "only applies with --engine ray" in result.output
