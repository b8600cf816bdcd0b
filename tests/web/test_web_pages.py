"""The HTML pages as served (without a browser): content, filters, 404s and escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import web_sample as sample
from fastapi.testclient import TestClient
from markupsafe import escape

from observatory.config import Settings
from observatory.store import open_database
from observatory.web import views
from observatory.web.app import create_app
from observatory.web.routes import pages

# How the title with markup appears in a page: escaped, never as tags.
AMBUSH_SHOWN = str(escape(sample.AMBUSH.title))


def test_dashboard_lists_incidents_with_toll_ranges(client: TestClient) -> None:
    html = client.get("/").text
    assert sample.MARKET.title in html and AMBUSH_SHOWN in html
    assert "57 (low 42 – high 57)" in html
    # The overview chart: one bar per incident with a killed toll, largest first, linking to it.
    bars = re.findall(r'<a href="(/incidents/[^"]+)">\s*<g class="row', html)
    assert bars == [f"/incidents/{sample.MARKET.id}", f"/incidents/{sample.AMBUSH.id}"]
    assert "https://" not in html and "http://" not in html.replace('xmlns="http://www.w3.org', "")


def test_dashboard_filters_share_the_api_query(client: TestClient) -> None:
    html = client.get("/", params={"grade": "single_source", "min_killed": ""}).text
    assert AMBUSH_SHOWN in html and sample.MARKET.title not in html
    html = client.get("/", params={"country": "Libya", "min_killed": "50"}).text
    assert sample.MARKET.title in html and AMBUSH_SHOWN not in html


def test_bad_page_filters_are_reported_not_fatal(client: TestClient) -> None:
    response = client.get("/", params={"min_killed": "lots", "date_from": "soon", "grade": "bogus"})
    assert response.status_code == 200
    assert "min_killed: &#39;lots&#39; is not a whole number" in response.text
    assert "date_from" in response.text and "grade" in response.text
    assert sample.MARKET.title in response.text  # the other filters still apply (none here)


def test_incident_page_has_one_column_per_outlet_with_highlights(client: TestClient) -> None:
    html = client.get(f"/incidents/{sample.MARKET.id}").text
    columns = re.findall(r'<article class="source-column" data-doc="([0-9a-f]+)">', html)
    assert columns == [sample.HERALD.id, sample.WIRE.id]  # in publication order
    assert html.count('<mark class="claim') >= 4
    assert "is-contested" in html
    assert "Kettan Rights Watch reports 57 killed" in html


def test_unknown_pages_are_404(client: TestClient) -> None:
    for path in ("/incidents/nope", "/documents/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert "nope" in response.text and "<html" in response.text


def test_article_markup_is_escaped_in_html(client: TestClient) -> None:
    for path in (
        f"/incidents/{sample.MARKET.id}",
        f"/documents/{sample.HERALD.id}",
        f"/documents/{sample.WIRE.id}",
    ):
        html = client.get(path).text
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
    html = client.get("/").text
    assert "<img src=x onerror=alert(2)>" not in html
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html  # the table
    assert "\\u003c/script\\u003e" in html  # the map's JSON cannot close its <script> element
    html = client.get(f"/documents/{sample.HERALD.id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the social post


def test_documents_page_lists_every_document(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    html = client.get("/documents").text
    for doc in sample.DOCUMENTS:
        assert f"/documents/{doc.id}" in html
    monkeypatch.setattr(pages, "DOCUMENTS_PER_PAGE", 2)
    first, second = client.get("/documents").text, client.get("/documents?offset=2").text
    assert "1–2 of 3" in first and 'href="/documents?offset=2"' in first
    assert "3–3 of 3" in second and 'href="/documents?offset=0"' in second
    assert client.get("/documents?offset=oops").status_code == 200


def test_an_empty_database_renders_helpful_pages(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    open_database(db).close()
    with TestClient(create_app(Settings(db=db))) as empty:
        assert empty.get("/api/incidents").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
        assert "This database is empty" in empty.get("/").text
        assert "observatory ingest" in empty.get("/documents").text
        assert empty.head("/").status_code == 200


def test_many_documents_beyond_the_column_limit_are_listed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "MAX_COLUMNS", 1)
    html = client.get(f"/incidents/{sample.MARKET.id}").text
    assert re.findall(r'<article class="source-column" data-doc="([0-9a-f]+)">', html) == [sample.HERALD.id]
    assert "1 more document on this incident" in html and f'href="/documents/{sample.WIRE.id}"' in html


def test_summary_counts_every_match_even_beyond_the_map_limit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "MAP_LIMIT", 1)
    html = client.get("/").text
    assert "<strong>60</strong> killed" in html  # 57 + 3: both incidents, though only one is mapped
    assert "The map shows the first 1 located matches (1 more)" in html
