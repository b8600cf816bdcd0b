"""`observatory serve`: the read-only REST API and dashboard over a database (FastAPI + uvicorn)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from observatory.cli.common import DB_HELP, fail, settings_for, warn

if TYPE_CHECKING:  # the web stack is imported only when serving
    from observatory.web.deps import DataSource


def _check_database(db: str) -> None:
    """Serving never creates a database: a missing file is almost always a mistyped path."""
    if "://" not in db and not Path(db).expanduser().is_file():
        fail(f"{db}: no such database file (create it with `observatory ingest PATH --db {db}`)")


def _check_port(host: str, port: int) -> None:
    """Fail with one line before uvicorn starts, instead of its multi-line startup error."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        fail(f"--host {host}: cannot resolve ({exc.strerror or exc})")
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


def _warn_if_empty(source: DataSource, db: str) -> None:
    """Serving an unreconciled database is legal but shows nothing; say what to run."""
    report = source.report()
    if not report.documents:
        warn(f"{db} holds no documents yet: add some with `observatory ingest PATH --db {db}`")
    elif not report.incidents:
        count = len(report.documents)
        warn(f"{db} holds {count} document(s) but no incidents: run `observatory reconcile --db {db}`")


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: str = typer.Option(None, "--db", help=DB_HELP),
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for all)."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    ) -> None:
        """Serve the read-only JSON API (/api, /docs) and the dashboard (/) over a database."""
        import uvicorn

        from observatory.web.app import create_app

        settings = settings_for(db)
        _check_database(settings.db)
        _check_port(host, port)
        from observatory.store import StoreError

        try:
            web_app = create_app(settings)
        except StoreError as exc:  # its message already names the database and the reason
            fail(str(exc))
        except Exception as exc:  # anything else still becomes one line naming the database
            fail(f"{settings.db}: cannot open the database ({type(exc).__name__}: {exc})")
        _warn_if_empty(web_app.state.source, settings.db)
        typer.echo(f"Observatory dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
        sys.stdout.flush()  # show the address now even when stdout is a file or a pipe
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
