"""`observatory extract`."""

from __future__ import annotations

import typer

from observatory.cli.common import not_built


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract() -> None:
        """Not built yet."""
        not_built("extract")
