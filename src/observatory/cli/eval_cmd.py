"""`observatory eval`."""

from __future__ import annotations

import typer

from observatory.cli.common import not_built


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval() -> None:
        """Not built yet."""
        not_built("eval")
