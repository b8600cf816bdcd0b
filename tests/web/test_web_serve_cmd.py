"""`observatory serve` wiring: bad inputs give one line, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

from typer.testing import CliRunner

from observatory.cli import app

runner = CliRunner()


def test_missing_database_file_is_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    result = runner.invoke(app, ["serve", "--db", str(missing), "--port", "8765"])
    assert result.exit_code == 1
    assert f"{missing}: no such database file" in result.output
    assert "Traceback" not in result.output
    assert not missing.exists()  # serving never creates a database


def test_port_in_use_is_one_clear_line(sample_db: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", sample_db, "--host", "127.0.0.1", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output


def test_bad_port_is_rejected() -> None:
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2
