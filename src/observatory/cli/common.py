"""Helpers shared by CLI commands: one-line errors, the --db option, output formats."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from observatory.config import Settings

err_console = Console(stderr=True, highlight=False)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class Engine(StrEnum):
    """Where extraction runs (`observatory.extract.engine`); results are the same on each."""

    local = "local"
    process = "process"
    ray = "ray"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="Where extraction runs: local, process or ray.")]
RayAddressOpt = Annotated[
    str | None,
    typer.Option("--ray-address",
                 help="Ray cluster for --engine ray: host:port of a `ray start --head` node, "
                      "ray://host:10001, or auto (the cluster started on this machine). "
                      "Default: $OBSERVATORY_RAY_ADDRESS, then $RAY_ADDRESS, else a private local Ray."),
]
def with_engine(settings: Settings, engine: Engine, ray_address: str | None) -> Settings:
    """Settings for the chosen engine; --ray-address without --engine ray is a bad option (exit 2)."""
    if ray_address is not None and engine is not Engine.ray:
        raise typer.BadParameter("only applies with --engine ray", param_hint="--ray-address")
    update: dict[str, object] = {"engine": engine.value}
    if ray_address is not None:
        update["ray_address"] = ray_address
    return settings.model_copy(update=update)


DB_HELP = (
    "SQLite file or SQLAlchemy URL (postgresql+psycopg://...). "
    "Default: $OBSERVATORY_DB or observatory.db."
)


def settings_for(db: str | None) -> Settings:
    settings = Settings()
    if db:
        settings = settings.model_copy(update={"db": db})
    return settings


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit: users get a reason, never a traceback."""
    err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", soft_wrap=True)


def is_tty() -> bool:
    return sys.stderr.isatty()


def published_option(value: str | None) -> dt.date | None:
    """The `--published` option as a date; a malformed value is a bad option (exit 2)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--published {value!r} is not a date (expected YYYY-MM-DD)", code=2)
