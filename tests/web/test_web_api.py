"""The JSON API: filters, paging, 404s, OpenAPI, read-only, and escaping of article text."""

from __future__ import annotations

import pytest
import web_sample as sample
from fastapi.testclient import TestClient

from observatory.models import Claim, Incident


def test_incidents_list_is_paged_with_a_total(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["total"] == 2 and body["offset"] == 0 and body["limit"] == 50
    assert [i["id"] for i in body["items"]] == [sample.AMBUSH.id, sample.MARKET.id]  # newest first
    page = client.get("/api/incidents", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and [i["id"] for i in page["items"]] == [sample.MARKET.id]
    # Items are the shared Incident model, toll and all.
    incident = Incident.model_validate(body["items"][1])
    assert incident.toll["killed"].best == 57 and incident.toll["killed"].by_group["children"].best == 11


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "libya"}, [sample.MARKET.id]),
        ({"country": "Chad"}, [sample.AMBUSH.id]),
        ({"country": "Nowhere"}, []),
        ({"min_killed": 10}, [sample.MARKET.id]),
        ({"min_killed": 3}, [sample.AMBUSH.id, sample.MARKET.id]),
        ({"grade": "contested"}, [sample.MARKET.id]),
        ({"event_type": "explosions_remote_violence"}, [sample.AMBUSH.id, sample.MARKET.id]),
        ({"event_type": "battles"}, []),
        ({"date_from": "2025-06-02"}, [sample.AMBUSH.id]),
        ({"date_to": "2025-06-01"}, [sample.MARKET.id]),
        ({"date_from": "2025-06-01", "date_to": "2025-06-01"}, [sample.MARKET.id]),
        ({"sort": "toll"}, [sample.MARKET.id, sample.AMBUSH.id]),
    ],
)
def test_incident_filters(client: TestClient, params: dict[str, object], expected: list[str]) -> None:
    body = client.get("/api/incidents", params=params).json()
    assert [i["id"] for i in body["items"]] == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize(
    "params",
    [
        {"grade": "excellent"},
        {"min_killed": -1},
        {"min_killed": "many"},
        {"date_from": "yesterday"},
        {"limit": 0},
        {"limit": 100000},
        {"offset": -5},
        {"sort": "random"},
    ],
)
def test_bad_filters_are_rejected_with_a_reason(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == next(iter(params))


def test_one_incident_and_unknown_incident(client: TestClient) -> None:
    body = client.get(f"/api/incidents/{sample.MARKET.id}").json()
    assert body["title"] == sample.MARKET.title
    assert {c["kind"] for c in body["contradictions"]} == {"count", "denial"}
    missing = client.get("/api/incidents/does-not-exist")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no incident with id 'does-not-exist'"}


def test_claims_filters(client: TestClient) -> None:
    everything = client.get("/api/claims").json()
    assert everything["total"] == len(sample.CLAIMS)
    for item in everything["items"]:
        Claim.model_validate(item)
    by_doc = client.get("/api/claims", params={"doc": sample.WIRE.id}).json()
    assert {c["id"] for c in by_doc["items"]} == {sample.C_WIRE_KILLED.id, sample.C_WIRE_DENIAL.id}
    injured = client.get("/api/claims", params={"outcome": "injured"}).json()
    assert [c["id"] for c in injured["items"]] == [sample.C_HERALD_INJURED.id]
    by_incident = client.get("/api/claims", params={"incident": sample.AMBUSH.id}).json()
    assert [c["id"] for c in by_incident["items"]] == [sample.C_ARMY.id]
    assert by_incident["items"][0]["grade"] == "single_source"
    assert client.get("/api/claims", params={"incident": "nope"}).json()["total"] == 0
    assert client.get("/api/claims", params={"outcome": "vaporised"}).status_code == 422


def test_documents_list_and_detail(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 3
    assert {d["outlet"] for d in body["items"]} == {"Coastal Herald", "Desert Wire", "Northern Bulletin"}
    detail = client.get(f"/api/documents/{sample.HERALD.id}").json()
    assert detail["text"] == sample.HERALD.text
    assert detail["social_posts"][0]["handle"] == "@linaf"
    assert detail["incidents"] == [sample.MARKET.id]
    for claim in detail["claims"]:
        start, end = claim["span"]
        assert detail["text"][start:end] == claim["text"]  # every span points into the returned text
    missing = client.get("/api/documents/0000")
    assert missing.status_code == 404 and missing.json() == {"detail": "no document with id '0000'"}


def test_openapi_describes_every_endpoint_with_the_shared_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/claims",
        "/api/documents",
        "/api/documents/{doc_id}",
    } <= set(spec["paths"])
    assert {"Incident", "Claim", "ReportDocument", "Toll"} <= set(spec["components"]["schemas"])
    assert set(spec["paths"]["/api/incidents"]) == {"get"}


def test_swagger_ui_is_served_from_the_package(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui/swagger-ui.css" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    for asset in (
        "swagger-ui/swagger-ui-bundle.js",
        "swagger-ui/swagger-ui.css",
        "leaflet/leaflet.js",
        "topojson-client/topojson-client.min.js",
        "world-atlas/countries-50m.json",
    ):
        assert client.get(f"/static/vendor/{asset}").status_code == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/incidents",
        f"/api/incidents/{sample.MARKET.id}",
        "/api/claims",
        "/api/documents",
        "/",
        "/anything/else",
    ],
)
def test_nothing_can_be_written(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path, json={"title": "changed"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert method in response.json()["detail"]
    assert client.get(f"/api/incidents/{sample.MARKET.id}").json()["title"] == sample.MARKET.title


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    head = client.head("/api/incidents")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(client.get("/api/incidents").content))
    assert client.head("/api/incidents/nope").status_code == 404


def test_article_markup_comes_back_as_plain_json_text(client: TestClient) -> None:
    detail = client.get(f"/api/documents/{sample.HERALD.id}").json()
    assert sample.XSS_SCRIPT in detail["text"]
    response = client.get(f"/api/documents/{sample.WIRE.id}")
    assert response.headers["content-type"] == "application/json"
