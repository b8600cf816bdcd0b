"""`observatory gazetteer ...`: manage the offline place gazetteer."""

from __future__ import annotations

import typer

from observatory.cli.common import not_built

gazetteer_app = typer.Typer(help="Offline place gazetteer (import GeoNames dumps).", no_args_is_help=True)


@gazetteer_app.command("import")
def import_dump() -> None:
    """Import a GeoNames dump file into the local gazetteer."""
    not_built("gazetteer import")


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
