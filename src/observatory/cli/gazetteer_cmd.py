"""`observatory gazetteer ...`: manage the offline place gazetteer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from observatory.cli.common import fail

gazetteer_app = typer.Typer(help="Offline place gazetteer (import GeoNames dumps).", no_args_is_help=True)

FILE_HELP = "GeoNames dump: cities500.txt, allCountries.txt, XX.txt or .zip"
REPLACE_HELP = "Start a new file instead of adding to it."
COUNTRY_HELP = "ISO code of the document's country, e.g. SY"
OUT_HELP = "SQLite file to write. Default: $OBSERVATORY_GAZETTEER or <cache dir>/gazetteer-user.sqlite."


@gazetteer_app.command("import")
def import_dump(
    file: Annotated[Path, typer.Argument(help=FILE_HELP)],
    out: Annotated[Path | None, typer.Option("--out", help=OUT_HELP)] = None,
    replace: Annotated[bool, typer.Option("--replace", help=REPLACE_HELP)] = False,
) -> None:
    """Import a GeoNames dump file into the local gazetteer (used by place resolution when present)."""
    from observatory.extract.context.gazetteer import reset_gazetteer, user_gazetteer_path
    from observatory.extract.context.place_import import GeonamesError, import_geonames

    target = out or user_gazetteer_path()
    try:
        stats = import_geonames(file, target, replace=replace)
    except GeonamesError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{file}: cannot import ({exc.strerror or exc})")
    reset_gazetteer()
    typer.echo(f"imported {stats.imported} places from {file} into {target} ({stats.skipped} rows skipped)")
    if out is not None:
        typer.echo(f"set OBSERVATORY_GAZETTEER={target} so extraction uses it")


@gazetteer_app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="A place name as written in a text, e.g. Jableh")],
    country: Annotated[str | None, typer.Option("--country", help=COUNTRY_HELP)] = None,
) -> None:
    """Show how a place name resolves (exact, then fuzzy), as for "in the town of X" in a text."""
    from observatory.extract.context.place_lookup import describe

    lines = describe(name, country)
    if not lines:
        fail(f"{name}: no place found in the gazetteer")
    for line in lines:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
