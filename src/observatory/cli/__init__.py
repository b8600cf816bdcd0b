"""Observatory command line (Typer). Thin: every command parses options and calls the library.

Each command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import typer

from observatory import __version__

app = typer.Typer(
    name="observatory",
    help="Casualty claims, incidents and tolls from news reports, traceable to every source sentence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"observatory {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Observatory: read news, extract casualty claims, reconcile incidents, publish tolls."""


# Registration order is the order shown in --help.
from observatory.cli import (  # noqa: E402
    bench_cmd,
    db_cmd,
    demo_cmd,
    eval_cmd,
    export_cmd,
    extract_cmd,
    gazetteer_cmd,
    ingest_cmd,
    reconcile_cmd,
    report_cmd,
    serve_cmd,
)

_COMMANDS = (
    ingest_cmd, extract_cmd, reconcile_cmd, report_cmd, export_cmd, serve_cmd, demo_cmd, eval_cmd,
    bench_cmd, db_cmd, gazetteer_cmd,
)
for _module in _COMMANDS:
    _module.register(app)


def main() -> None:
    app()
