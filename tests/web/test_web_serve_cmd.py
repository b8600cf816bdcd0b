"""`observatory serve` wiring: bad inputs give one line, never a traceback."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner
from web_browsing import free_port

from observatory.cli import app
from observatory.cli.serve_cmd import _warn_if_empty
from observatory.store import open_database, repository
from observatory.web.deps import StoreSource

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


def test_a_database_that_is_not_observatory_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    before = other.read_bytes()
    result = runner.invoke(app, ["serve", "--db", str(other), "--port", str(free_port())])
    assert result.exit_code == 1
    assert "schema revision none" in result.output and "observatory db upgrade" in result.output
    assert "Traceback" not in result.output
    assert other.read_bytes() == before  # serving did not migrate (write to) it


def test_bad_port_is_rejected() -> None:
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_serve_answers_over_http(sample_db: str) -> None:
    """The real command in its own process: API, dashboard and docs answer; writes are refused."""
    port = free_port()
    exe = Path(sys.executable).with_name("observatory")
    command = [str(exe), "serve", "--db", sample_db, "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):  # wait for the server to accept connections (bounded)
            try:
                httpx.get(base + "/api/documents", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    pytest.fail(f"serve exited early: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.1)
        incidents = httpx.get(base + "/api/incidents").json()
        assert incidents["total"] == 2
        assert httpx.get(base + "/").status_code == 200
        assert httpx.get(base + "/docs").status_code == 200
        assert httpx.post(base + "/api/incidents", json={}).status_code == 405
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out


def test_serving_an_unreconciled_database_says_what_to_run(
    tmp_path: Path, sample_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = str(tmp_path / "empty.db")
    open_database(empty).close()
    _warn_if_empty(StoreSource(empty), empty)
    assert "holds no documents yet" in capsys.readouterr().err
    unreconciled = str(tmp_path / "docs-only.db")
    shutil.copy(sample_db, unreconciled)
    database = open_database(unreconciled)
    with database.session() as session:
        repository.replace_incidents(session, [])
    database.close()
    _warn_if_empty(StoreSource(unreconciled), unreconciled)
    assert "3 document(s) but no incidents: run `observatory reconcile" in capsys.readouterr().err
    _warn_if_empty(StoreSource(sample_db), sample_db)
    assert capsys.readouterr().err == ""
