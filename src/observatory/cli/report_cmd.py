"""`observatory report`: incidents, documents and quotes as a table, JSON or Markdown."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from observatory.cli.common import DB_HELP, OutputFormat, fail, settings_for
from observatory.store import StoreError
from observatory.store.database import first_line


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
        fmt: Annotated[
            OutputFormat, typer.Option("--format", help="table, json or markdown.")
        ] = OutputFormat.table,
    ) -> None:
        """Print the incident report (works with documents only, before `reconcile`)."""
        from observatory.publish.render import print_report, report_markdown
        from observatory.publish.report import build_report, in_database

        if fmt not in (OutputFormat.table, OutputFormat.json, OutputFormat.markdown):
            fail(f"--format {fmt.value}: the report is available as table, json or markdown")
        settings = settings_for(db)
        try:
            result = in_database(settings.db, build_report)
        except StoreError as exc:
            fail(str(exc))
        except (SQLAlchemyError, ValueError) as exc:  # a database that changed under us, bad stored data
            fail(f"{settings.db}: report failed ({first_line(exc)})")
        if fmt is OutputFormat.json:
            typer.echo(result.model_dump_json(indent=2))
        elif fmt is OutputFormat.markdown:
            typer.echo(report_markdown(result), nl=False)
        else:
            print_report(result, Console(soft_wrap=False))
