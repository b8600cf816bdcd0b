"""The shared query path: parsing page filters, facets, sorting, documents per incident."""

from __future__ import annotations

import datetime as dt

import web_sample as sample

from observatory.web import queries
from observatory.web.charts import nice_max, timeline_chart, toll_charts
from observatory.web.formatting import count_range, toll_range


def test_parse_incident_query_reads_form_values() -> None:
    q, errors = queries.parse_incident_query(
        {"country": " Libya ", "min_killed": "1,000", "date_from": "2025-06-01", "grade": "", "sort": "toll"}
    )
    assert errors == []
    assert q.country == "Libya" and q.min_killed == 1000 and q.date_from == dt.date(2025, 6, 1)
    assert q.grade is None and q.sort == "toll"
    assert q.params() == {"country": "Libya", "date_from": "2025-06-01", "min_killed": "1000", "sort": "toll"}


def test_parse_incident_query_reports_each_bad_value() -> None:
    q, errors = queries.parse_incident_query({"min_killed": "x", "limit": "0", "date_to": "31/12/2025"})
    assert len(errors) == 3
    assert q.min_killed is None and q.limit == queries.DEFAULT_LIMIT and q.date_to is None


def test_facets_offer_only_values_present() -> None:
    f = queries.facets(sample.report())
    assert f.countries == ["Chad", "Libya"]
    assert f.event_types == ["explosions_remote_violence"]
    assert f.grades == ["contested", "single_source"]  # in the documented grade order


def test_undated_incidents_drop_out_of_date_windows() -> None:
    report = sample.report()
    report.incidents.append(sample.AMBUSH.model_copy(update={"id": "undated", "start": None, "end": None}))
    page = queries.filter_incidents(report, queries.IncidentQuery(date_from=dt.date(2000, 1, 1)))
    assert "undated" not in [i.id for i in page.items]
    assert "undated" in [i.id for i in queries.filter_incidents(report, queries.IncidentQuery()).items]


def test_incident_documents_in_publication_order() -> None:
    docs = queries.incident_documents(sample.report(), sample.MARKET)
    assert [d.outlet for d in docs] == ["Coastal Herald", "Desert Wire"]
    assert [i.id for i in queries.document_incidents(sample.report(), sample.ARMY.id)] == [sample.AMBUSH.id]
    counts = queries.incident_counts(sample.report())
    assert counts == {sample.HERALD.id: 1, sample.WIRE.id: 1, sample.ARMY.id: 1}


def test_merge_claims_prefers_reconciled_copies() -> None:
    stored = [c.model_copy(update={"grade": None}) for c in sample.CLAIMS]
    merged = queries.merge_claims(sample.report(), stored)
    assert [c.id for c in merged] == [c.id for c in sample.CLAIMS]
    assert all(c.grade is not None for c in merged)


def test_toll_text() -> None:
    assert toll_range(sample.MARKET.toll["killed"]) == "57 (low 42 – high 57)"
    assert toll_range(sample.AMBUSH.toll["killed"]) == "3"
    big = sample.MARKET.toll["killed"].model_copy(update={"low": 1000, "best": 1018, "high": 1300})
    assert toll_range(big) == "1,018 (low 1,000 – high 1,300)"
    assert count_range(sample.C_HERALD_INJURED.count) == "24–99"
    open_ended = sample.C_HERALD_INJURED.count.model_copy(update={"low": 200, "high": None})
    assert count_range(open_ended) == "200+"
    assert count_range(open_ended.model_copy(update={"low": None, "high": 30})) == "up to 30"
    assert count_range(open_ended.model_copy(update={"low": None})) == "Dozens"


def test_chart_geometry() -> None:
    assert [nice_max(v) for v in (0, 1, 7, 57, 99, 101, 1300)] == [1, 1, 10, 100, 100, 200, 2000]
    charts = toll_charts(sample.MARKET)
    killed = charts[0]
    assert killed.outcome == "killed" and [r.label for r in killed.rows] == ["all victims", "children"]
    total = killed.rows[0]
    assert total.x_low < total.x_best == total.x_high
    timeline = timeline_chart(sample.MARKET.timeline)
    assert timeline is not None
    # One series per (outcome, group, source): the ministry's 20 is not drawn as a revision of 57.
    assert len(timeline.series) == 3
    assert timeline_chart([]) is None
