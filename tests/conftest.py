"""Shared fixtures: a real PostgreSQL server, temporary SQLite databases, small documents.

Other helpers may add fixtures here (additive edits only).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from observatory.models import DocumentInput, SocialPost

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


# ----------------------------------------------------------------------------- PostgreSQL
def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.fail(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run `make system-deps` "
            "(installs Debian's postgresql package). PostgreSQL tests are never skipped.",
            pytrace=False,
        )
    return found[-1].parent


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to the `postgres` user when we are root."""
    if os.geteuid() != 0:
        return args
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *args]
    return ["su", "postgres", "-c", " ".join(args)]


def _run(args: list[str]) -> None:
    result = subprocess.run(_as_postgres(args), capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(args[:2])} failed: {result.stderr.strip()[-500:]}", pytrace=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throw-away PostgreSQL cluster on 127.0.0.1; yields the base URL (no database name)."""
    bindir = _pg_bin()
    base = Path(tempfile.mkdtemp(prefix="obs-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    base.chmod(0o700)
    port = _free_port()
    _run(
        [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]
    )
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base} -c fsync=off"
    _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-o", options, "-w", "start"])
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(base, ignore_errors=True)


def _create_database(server: str, name: str) -> str:
    import psycopg

    conninfo = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on the session's PostgreSQL server (one per test)."""
    name = "obs_" + "".join(ch if ch.isalnum() else "_" for ch in request.node.name.lower())[:50]
    return _create_database(postgres_server, name)


# ----------------------------------------------------------------------------- SQLite
@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    """Path of a not-yet-created SQLite database file in a temporary folder."""
    return str(tmp_path / "test.db")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs twice: on a fresh SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("postgres_url"))


# ----------------------------------------------------------------------------- documents
@pytest.fixture
def small_documents() -> list[DocumentInput]:
    """Two short synthetic documents (invented names and numbers), one with an embedded post."""
    from observatory.ingest import document_input

    first = document_input(
        "Shelling hits Varenko market\n"
        "At least 14 civilians were killed and 30 wounded when shells struck the market in Varenko "
        "on Tuesday, the Eastland Monitoring Group said.\n",
        outlet="Daily Ledger",
        published=dt.date(2024, 5, 8),
        path="ledger.txt",
    )
    second = document_input(
        "Medics in Varenko said the toll from Tuesday's shelling had risen to 19, including four "
        "children. Regional officials called the figure exaggerated.\n",
        outlet="Coast Wire",
        published=dt.date(2024, 5, 9),
        url="https://coastwire.example/varenko",
        social_posts=[
            SocialPost(
                author="Mira Olsen",
                handle="miraolsen",
                date=dt.date(2024, 5, 9),
                text="Scenes from the market this morning.",
            )
        ],
    )
    return [first, second]


@pytest.fixture
def seeds_dir() -> Path:
    """The two real seed articles, read from ../shared at test time (never copied into the repo)."""
    if not SEEDS.is_dir():
        pytest.fail(
            f"seed corpus not found at {SEEDS}: the project expects ../shared beside it", pytrace=False
        )
    return SEEDS
