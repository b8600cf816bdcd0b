"""`observatory reconcile`: rebuild incidents from the claims stored in a database."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from observatory.cli.common import DB_HELP, fail, settings_for
from observatory.store import StoreError
from observatory.store.database import first_line


def register(app: typer.Typer) -> None:
    @app.command("reconcile")
    def reconcile(db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None) -> None:
        """Cluster stored claims into incidents with tolls, timelines, contradictions and grades."""
        from observatory.publish.report import reconcile_database

        settings = settings_for(db)
        try:
            summary = reconcile_database(settings.db)
        except StoreError as exc:
            fail(str(exc))
        except (SQLAlchemyError, ValueError) as exc:  # a database that changed under us, bad stored data
            fail(f"{settings.db}: reconcile failed ({first_line(exc)})")
        typer.echo(
            f"{len(summary.incidents)} incident(s) from {summary.claims} claim(s) and {summary.events} "
            f"event(s) in {summary.documents} document(s) "
            f"({summary.duplicates} near-duplicate(s) not counted)"
        )
        for inc in summary.incidents:
            killed = inc.toll.get("killed")
            toll = f"killed {killed.best} ({killed.low}–{killed.high})" if killed else "no deaths reported"
            typer.echo(f"  {inc.id}  {inc.title}  [{inc.grade}]  {toll}")
