"""Reconcile stage: claims and events from many documents -> incidents with tolls, timelines,
contradictions and grades. Pure functions over `observatory.models`; no database here."""

from observatory.reconcile.incidents import build_incidents
from observatory.reconcile.quotes import single_source_quotes
from observatory.reconcile.tolls import compute_tolls

__all__ = ["build_incidents", "compute_tolls", "single_source_quotes"]
