"""`observatory ingest`: read, extract and store documents (thin wrapper over store.loader)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from observatory.cli.common import (
    DB_HELP,
    Engine,
    EngineOpt,
    RayAddressOpt,
    err_console,
    fail,
    is_tty,
    published_option,
    settings_for,
    with_engine,
)
from observatory.config import Settings
from observatory.ingest import DEFAULT_MAX_MB
from observatory.store import Database, StoreError, open_database
from observatory.store.loader import IngestSummary, ingest_paths


def print_summary(summary: IngestSummary, db: str) -> None:
    exact, near = len(summary.exact_duplicates), len(summary.near_duplicates)
    typer.echo(
        f"ingested {len(summary.ingested)} document(s) into {db}: {summary.claims} claim(s), "
        f"{summary.social_posts} social post(s) split out"
    )
    typer.echo(f"duplicates: {exact} exact (already stored, nothing added), "
               f"{near} near (linked, claims not counted)")
    for name, original, similarity in summary.near_duplicates:
        typer.echo(f"  {name} duplicate_of {original} (similarity {similarity:.2f})")
    typer.echo(f"skipped: {len(summary.skipped)}")
    for error in summary.skipped:
        err_console.print(f"[yellow]skipped:[/] {error}", soft_wrap=True, markup=True, highlight=False)


def _wants_progress(paths: list[str]) -> bool:
    return is_tty() and (len(paths) > 1 or any(Path(p).is_dir() for p in paths))


def _run(paths: list[str], database: Database, settings: Settings, day: dt.date | None, outlet: str | None,
         max_mb: float) -> IngestSummary:
    if not _wants_progress(paths):
        return ingest_paths(paths, database, settings, published=day, outlet=outlet, max_mb=max_mb)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def advance(event: str, name: str) -> None:
            bar.update(task, advance=1, description=f"{event}: {name[-60:]}")

        return ingest_paths(paths, database, settings, published=day, outlet=outlet, max_mb=max_mb,
                            progress=advance)


PATHS_HELP = "Files (.txt .html .xml .rss .atom .jsonl), folders (recursive) or http(s) URLs."
PathsArg = Annotated[list[str], typer.Argument(help=PATHS_HELP)]
DbOpt = Annotated[str | None, typer.Option("--db", help=DB_HELP)]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that do not state one."),
]
OutletOpt = Annotated[
    str | None, typer.Option("--outlet", help="Outlet name for inputs that do not state one.")
]
MaxSizeOpt = Annotated[
    float,
    typer.Option("--max-size-mb", envvar="OBSERVATORY_MAX_INPUT_MB", min=0.001,
                 help="Skip inputs larger than this many megabytes."),
]
WriteBatchOpt = Annotated[
    int | None,
    typer.Option("--write-batch", min=1,
                 help="Documents stored per transaction with multi-row inserts; 1 = one transaction per "
                      "document. A failed batch is retried document by document. "
                      "Default: $OBSERVATORY_WRITE_BATCH or 200."),
]


def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    engine: EngineOpt = Engine.local,
    ray_address: RayAddressOpt = None,
    max_size_mb: MaxSizeOpt = DEFAULT_MAX_MB,
    write_batch: WriteBatchOpt = None,
) -> None:
    """Read documents, split out social posts, extract claims and store them (idempotent).

    Metadata in an input (front matter, HTML/feed metadata, JSON keys) wins; --published and --outlet fill in what it lacks.

    Exit code 0 when every input was stored or already there; 1 when any input was skipped (each named with its reason on stderr) or the database cannot be used; 2 for bad options.
    """  # noqa: E501  (one line per paragraph: Typer rewraps help text itself)
    day = published_option(published)
    settings = with_engine(settings_for(db), engine, ray_address)
    if write_batch is not None:
        settings = settings.model_copy(update={"write_batch": write_batch})
    try:
        database = open_database(settings.db)
    except StoreError as exc:
        fail(str(exc))
    with database:
        summary = _run(paths, database, settings, day, outlet, max_size_mb)
    print_summary(summary, settings.db)
    if not summary.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
