"""The read-only web app: JSON API under /api, HTML dashboard at /, OpenAPI docs at /docs.

Everything the browser loads is served from the package (`static/`), so the dashboard and the API
docs work with no network at all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from observatory import __version__
from observatory.config import Settings
from observatory.web.deps import DataSource, StoreSource
from observatory.web.routes import claims, documents, incidents, pages

STATIC_DIR = Path(__file__).resolve().parent / "static"
READ_METHODS = frozenset({"GET", "HEAD"})

DESCRIPTION = (
    "Incidents of armed violence reconciled from news reports, with their tolls (low/best/high), "
    "the claims behind every number, the revisions over time and the contradictions between "
    "sources. Read-only: nothing can be written through this API."
)


def create_app(settings: Settings, source: DataSource | None = None) -> FastAPI:
    """Build the app over `settings.db` (or over `source`, any object with the DataSource methods)."""
    app = FastAPI(
        title="Observatory",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # the default Swagger UI page loads its assets from a CDN; see /docs below
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.source = source if source is not None else StoreSource(settings.db)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in (incidents.router, claims.router, documents.router, pages.router):
        app.include_router(router)
    _add_docs(app)
    _add_read_only_guard(app)
    return app


def _add_docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Observatory API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            # The default validator badge would call an online validator service.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")


def _add_read_only_guard(app: FastAPI) -> None:
    """Answer 405 to every method that could write, whatever the path, before any route runs."""

    @app.middleware("http")
    async def read_only(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.method not in READ_METHODS:
            return JSONResponse(
                {"detail": f"Observatory's web interface is read-only: {request.method} is not allowed"},
                status_code=405,
                headers={"Allow": "GET, HEAD"},
            )
        if request.method == "HEAD":
            # FastAPI routes declare GET only; answer HEAD as GET without the body (curl -I, monitors).
            request.scope["method"] = "GET"
            response = await call_next(request)
            return Response(status_code=response.status_code, headers=dict(response.headers))
        return await call_next(request)
