"""`observatory demo`: the whole pipeline on the packaged demo corpus, in one command."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from observatory.cli.common import fail, settings_for, warn
from observatory.store import StoreError

DEMO_SUFFIXES = {".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl"}


@contextmanager
def demo_corpus() -> Iterator[list[Path]]:
    """The demo articles shipped in `observatory/data/demo` (README excluded), as real files."""
    with resources.as_file(resources.files("observatory").joinpath("data", "demo")) as folder:
        files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in DEMO_SUFFIXES)
        yield files


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        db: Annotated[str, typer.Option("--db", help="SQLite file to (re)create for the demo.")] = "demo.db",
    ) -> None:
        """Fresh database, ingest the bundled demo corpus, reconcile, print the incident report."""
        from observatory.publish.render import print_report
        from observatory.publish.report import build_report, reconcile_session
        from observatory.store import open_database
        from observatory.store.loader import ingest_paths

        if "://" in db:
            fail(f"--db {db}: the demo builds a fresh SQLite file; give a file path, not a URL")
        path = Path(db)
        if path.is_dir():
            fail(f"--db {db}: is a directory, not a database file")
        if path.exists():
            path.unlink()
            typer.echo(f"removed the previous demo database {path}")
        settings = settings_for(str(path))
        console = Console()
        try:
            database = open_database(settings.db)
        except StoreError as exc:
            fail(str(exc))
        with database, demo_corpus() as files:
            if not files:
                fail("the packaged demo corpus (observatory/data/demo) is empty or missing")
            typer.echo(f"ingesting {len(files)} demo documents into {path} ...")
            summary = ingest_paths(files, database, settings)
            for error in summary.skipped:
                warn(f"skipped: {error}")
            typer.echo(
                f"ingested {len(summary.ingested)} document(s), {summary.claims} claim(s); "
                f"{len(summary.near_duplicates)} near-duplicate(s) linked and not counted"
            )
            with database.session() as session:
                result = reconcile_session(session)
            typer.echo(f"reconciled {result.claims} claim(s) into {len(result.incidents)} incident(s)\n")
            with database.session() as session:
                print_report(build_report(session), console)
        typer.echo("\nOpen the dashboard:")
        typer.echo(f"  {_this_program()} serve --db {path}")


def _this_program() -> str:
    """How the user can run this CLI again: the venv path after `make demo`, else the bare name."""
    executable = Path(sys.argv[0])
    if executable.name == "observatory" and executable.parent != Path(""):
        try:
            return str(executable.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(executable)
    return "observatory"
