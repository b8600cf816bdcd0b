"""`observatory export`: incidents as CSV or GeoJSON, claims as JSON Lines."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from observatory.cli.common import DB_HELP, fail, settings_for
from observatory.store import StoreError
from observatory.store.database import first_line

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from observatory.models import Claim, Report


class ExportFormat(StrEnum):
    csv = "csv"
    geojson = "geojson"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
        fmt: Annotated[
            ExportFormat,
            typer.Option("--format", help="csv (incidents), geojson (incidents), jsonl (claims)."),
        ] = ExportFormat.csv,
        out: Annotated[str, typer.Option("--out", help="Output file; '-' writes to standard output.")] = "-",
    ) -> None:
        """Export incidents (ACLED/UCDP-like CSV, GeoJSON) or claims (JSON Lines); see docs/exports.md."""
        text = _render(settings_for(db).db, fmt)
        if out == "-":
            typer.echo(text, nl=False)
            return
        path = Path(out)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"{out}: cannot write the export ({exc.strerror or exc})")
        typer.echo(f"wrote {fmt.value} to {path}", err=True)


def _render(db: str, fmt: ExportFormat) -> str:
    from observatory.publish import exports
    from observatory.publish.report import build_report, in_database
    from observatory.store import repository as repo

    def read(session: Session) -> tuple[Report, list[Claim]]:
        return build_report(session), repo.list_claims(session) if fmt is ExportFormat.jsonl else []

    try:
        report, stored = in_database(db, read)
    except StoreError as exc:
        fail(str(exc))
    except (SQLAlchemyError, ValueError) as exc:  # a database that changed under us, bad stored data
        fail(f"{db}: export failed ({first_line(exc)})")
    if fmt is ExportFormat.csv:
        return exports.incidents_csv(report.incidents)
    if fmt is ExportFormat.geojson:
        return json.dumps(exports.incidents_geojson(report.incidents), ensure_ascii=False, indent=1) + "\n"
    graded = {c.id: (c, inc.id) for inc in report.incidents for c in inc.claims}
    claims = [graded[c.id][0] if c.id in graded else c for c in stored]
    return exports.claims_jsonl(claims, {cid: inc for cid, (_, inc) in graded.items()})
