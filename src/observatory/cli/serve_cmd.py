"""`observatory serve`."""

from __future__ import annotations

import typer

from observatory.cli.common import not_built


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve() -> None:
        """Not built yet."""
        not_built("serve")
