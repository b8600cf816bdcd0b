"""`observatory db ...`: database maintenance."""

from __future__ import annotations

import typer

from observatory.cli.common import DB_HELP, fail, settings_for
from observatory.store import StoreError
from observatory.store.database import current_revision, first_line, head_revision, make_engine, upgrade

db_app = typer.Typer(help="Database maintenance (migrations).", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade_cmd(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Apply Alembic migrations up to the newest revision (also done automatically on first use)."""
    settings = settings_for(db)
    try:
        engine = make_engine(settings.db)
        try:
            before = current_revision(engine)
            head = head_revision()
            if before == head:
                typer.echo(f"{settings.db}: already at revision {head}")
                return
            upgrade(engine)
            typer.echo(f"{settings.db}: upgraded from {before or 'an empty database'} to revision {head}")
        finally:
            engine.dispose()
    except StoreError as exc:
        fail(str(exc))
    except Exception as exc:  # a broken file or unreachable server: one line, no traceback
        fail(f"{settings.db}: cannot upgrade the database ({type(exc).__name__}: {first_line(exc)})")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
