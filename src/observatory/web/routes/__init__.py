"""One module per resource: incidents, claims, documents (JSON API) and pages (HTML dashboard)."""
