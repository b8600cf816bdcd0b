"""`observatory db ...`: database maintenance."""

from __future__ import annotations

import typer

from observatory.cli.common import not_built

db_app = typer.Typer(help="Database maintenance (migrations).", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply Alembic migrations up to the newest revision."""
    not_built("store")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
