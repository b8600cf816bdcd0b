"""The web layer over the packaged demo corpus, built by the real ingest -> extract -> store ->
reconcile path: every incident and document the report holds is reachable and renders safely."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_browsing import LiveServer, Visit, open_visit, wait_for_basemap

pytestmark = pytest.mark.slow
OUR_SCRIPTS = re.compile(r'<script (src="/static/[^"]+"|type="application/json" id="map-data")>')


@pytest.fixture(scope="module")
def demo(demo_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo_app) as c:
        yield c


def test_every_incident_is_listed_and_reachable(demo: TestClient) -> None:
    listing = demo.get("/api/incidents", params={"limit": 500}).json()
    assert listing["total"] == len(listing["items"]) >= 3
    for item in listing["items"]:
        one = demo.get(f"/api/incidents/{item['id']}").json()
        assert one == item
        claims = demo.get("/api/claims", params={"incident": item["id"], "limit": 500}).json()
        assert {c["id"] for c in claims["items"]} == {c["id"] for c in item["claims"]}


def test_claim_spans_point_into_the_served_text(demo: TestClient) -> None:
    docs = demo.get("/api/documents", params={"limit": 500}).json()["items"]
    assert len(docs) >= 10
    for doc in docs:
        detail = demo.get(f"/api/documents/{doc['id']}").json()
        for claim in detail["claims"]:
            start, end = claim["span"]
            assert detail["text"][start:end] == claim["text"]


def test_every_page_renders_with_only_our_own_scripts(demo: TestClient) -> None:
    report_ids = [i["id"] for i in demo.get("/api/incidents", params={"limit": 500}).json()["items"]]
    doc_ids = [d["id"] for d in demo.get("/api/documents", params={"limit": 500}).json()["items"]]
    pages = ["/", "/documents", *(f"/incidents/{i}" for i in report_ids)]
    pages += [f"/documents/{d}" for d in doc_ids]
    for path in pages:
        response = demo.get(path)
        assert response.status_code == 200, path
        assert response.text.count("<script") == len(OUR_SCRIPTS.findall(response.text)), path


@pytest.mark.browser
def test_demo_dashboard_and_largest_incident_in_the_browser(browser: Any, demo_app: FastAPI) -> None:
    with TestClient(demo_app) as c:
        incidents = c.get("/api/incidents", params={"limit": 500}).json()["items"]
    largest = max(incidents, key=lambda i: len(i["docs"]))
    with LiveServer(demo_app) as server:
        visit: Visit = open_visit(browser, server.url)
        try:
            visit.goto("/")
            assert visit.page.locator("table.incidents tbody tr").count() == len(incidents)
            wait_for_basemap(visit.page, 100)
            visit.page.click(f'a.incident-link[href="/incidents/{largest["id"]}"]')
            visit.page.wait_for_load_state("networkidle")
            assert visit.page.locator(".source-column").count() == len(set(largest["docs"]))
            assert visit.page.locator(".source-column mark.claim").count() >= 1
            if visit.page.locator("#column-picker").count():
                # Hiding an outlet hides its column.
                visit.page.locator("#column-picker input").first.uncheck()
                assert visit.page.locator(".source-column:visible").count() == len(set(largest["docs"])) - 1
            visit.assert_clean()
        finally:
            visit.page.context.close()
