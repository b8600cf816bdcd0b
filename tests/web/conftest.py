"""Fixtures for the web tests: a real SQLite database with the sample objects, an app over it, a
live uvicorn server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_browsing import LiveServer, launch_chromium
from web_sample import build_sample_database

import observatory
from observatory.config import Settings
from observatory.store import open_database
from observatory.web.app import create_app

DEMO_CORPUS = Path(observatory.__file__).resolve().parent / "data" / "demo"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_sample_database(str(tmp_path_factory.mktemp("web") / "sample.db"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The packaged demo corpus through the real path: ingest (extract + store), then reconcile."""
    from observatory.publish.report import reconcile_database
    from observatory.store.loader import ingest_paths

    db = str(tmp_path_factory.mktemp("web-demo") / "demo.db")
    database = open_database(db)
    try:
        summary = ingest_paths([DEMO_CORPUS], database, Settings(db=db))
    finally:
        database.close()
    assert summary.ingested and not summary.skipped, summary
    reconcile_database(db)
    return db


@pytest.fixture(scope="session")
def demo_app(demo_db: str) -> FastAPI:
    return create_app(Settings(db=demo_db))


@pytest.fixture(scope="session")
def web_app(sample_db: str) -> FastAPI:
    """The app as `observatory serve` builds it: over the real database, through build_report."""
    return create_app(Settings(db=sample_db))


@pytest.fixture()
def client(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(web_app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(web_app) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()
