"""`observatory report`."""

from __future__ import annotations

import typer

from observatory.cli.common import not_built


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report() -> None:
        """Not built yet."""
        not_built("report")
