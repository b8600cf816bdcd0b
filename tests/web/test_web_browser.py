"""The dashboard in a real browser (Debian's Chromium via Playwright): offline, no console errors,
no script from article text ever runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import web_sample as sample
from web_browsing import LiveServer, Visit, open_visit, wait_for_basemap

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def visit(browser: Any, live_server: LiveServer) -> Iterator[Visit]:
    v = open_visit(browser, live_server.url)
    yield v
    v.page.context.close()


def test_dashboard_lists_incidents_and_draws_the_map_offline(visit: Visit) -> None:
    visit.goto("/")
    rows = visit.page.locator("table.incidents tbody tr")
    assert rows.count() == 2
    # Two incident markers, and the vendored basemap drew its country shapes.
    visit.page.wait_for_selector('#map[data-markers="2"]')
    wait_for_basemap(visit.page, 100)
    assert visit.page.locator("#map path.leaflet-interactive").count() == 2
    # Markers' tooltips and popups show titles as text (one title carries markup).
    for marker in visit.page.locator("#map path.leaflet-interactive").all():
        marker.click(force=True)
    popups = " ".join(visit.page.locator(".leaflet-popup-content").all_inner_texts())
    assert sample.XSS_TITLE in popups
    assert visit.page.locator(".leaflet-popup-content img").count() == 0
    visit.assert_clean()


def test_filters_narrow_the_list(visit: Visit) -> None:
    visit.goto("/")
    visit.page.select_option("select[name=grade]", "single_source")
    visit.page.click("form.filters button[type=submit]")
    visit.page.wait_for_load_state("networkidle")
    assert "grade=single_source" in visit.page.url
    titles = visit.page.locator("table.incidents a.incident-link").all_inner_texts()
    assert titles == [sample.AMBUSH.title]

    visit.goto("/")
    visit.page.fill("input[name=min_killed]", "10")
    visit.page.select_option("select[name=country]", "Libya")
    visit.page.click("form.filters button[type=submit]")
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.locator("table.incidents a.incident-link").all_inner_texts() == [sample.MARKET.title]
    visit.assert_clean()


def test_incident_page_shows_each_outlet_side_by_side(visit: Visit) -> None:
    visit.goto("/")
    visit.page.click(f"table.incidents a.incident-link >> text={sample.MARKET.title}")
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.url.endswith(f"/incidents/{sample.MARKET.id}")
    columns = visit.page.locator(".source-column")
    assert columns.count() == 2
    assert columns.locator("h3").all_inner_texts() == ["Coastal Herald", "Desert Wire"]
    # Claims are highlighted inside each outlet's own text, contested ones flagged.
    assert columns.nth(0).locator("mark.claim").count() >= 2
    assert columns.nth(1).locator("mark.claim.is-contested").count() >= 1
    assert visit.page.locator(".contradiction").count() == 2
    assert visit.page.locator("svg.range-chart").count() == 2
    assert visit.page.locator("svg.timeline-chart circle").count() == 3
    visit.page.wait_for_selector('#map[data-markers="1"]')
    visit.assert_clean()


def test_article_markup_is_shown_as_text_and_never_runs(visit: Visit) -> None:
    visit.goto(f"/incidents/{sample.MARKET.id}")
    herald = visit.page.locator(".source-column").nth(0).locator(".article-text").inner_text()
    wire = visit.page.locator(".source-column").nth(1).locator(".article-text").inner_text()
    assert sample.XSS_SCRIPT in herald
    assert sample.XSS_IMG in wire
    assert visit.page.locator(".article-text img, .article-text script").count() == 0
    visit.goto(f"/documents/{sample.HERALD.id}")
    assert sample.XSS_IMG in visit.page.locator(".social-post").inner_text()
    assert visit.page.locator(".social-post img").count() == 0
    visit.assert_clean()  # includes: no alert() dialog fired


def test_document_page_shows_claims_and_social_posts(visit: Visit) -> None:
    visit.goto("/documents")
    visit.page.click(f"text={sample.HERALD.title}")
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.locator("table.claims tbody tr").count() == 3
    assert "Lina Farouk" in visit.page.locator(".social-post").inner_text()
    # Clicking a claim's sentence scrolls to and flashes its highlight in the article.
    visit.page.locator("table.claims a.jump").first.click()
    visit.page.wait_for_selector("mark.claim.flash")
    visit.assert_clean()


def test_api_docs_load_from_the_package(visit: Visit) -> None:
    visit.goto("/docs")
    visit.page.wait_for_selector(".swagger-ui .info .title")
    assert "Observatory" in visit.page.locator(".swagger-ui .info .title").inner_text()
    assert visit.page.locator(".opblock").count() >= 5
    # "Try it out" on GET /api/incidents runs against this server and shows the answer.
    block = visit.page.locator(".opblock", has=visit.page.locator('[data-path="/api/incidents"]')).first
    block.locator(".opblock-summary").click()
    block.locator("button.try-out__btn").click()
    block.locator("button.execute").click()
    status = block.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip().startswith("200")
    visit.assert_clean()


def test_pages_fit_a_phone_screen(browser: Any, live_server: LiveServer) -> None:
    """Wide tables and side-by-side columns scroll inside themselves; the page never scrolls sideways."""
    visit = open_visit(browser, live_server.url, width=400, height=800)
    try:
        for path in ("/", f"/incidents/{sample.MARKET.id}", f"/documents/{sample.HERALD.id}", "/documents"):
            visit.goto(path)
            assert visit.page.evaluate("document.documentElement.scrollWidth") <= 400, path
        visit.assert_clean()
    finally:
        visit.page.context.close()
