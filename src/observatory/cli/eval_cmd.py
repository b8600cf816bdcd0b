"""`observatory eval`: precision/recall/F1 per field on the gold sets; fails below the floors."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from observatory.cli.common import fail, warn
from observatory.config import Settings


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        fmt: Annotated[EvalFormat, typer.Option("--format", help="table or json.")] = EvalFormat.table,
        gold: Annotated[
            Path | None,
            typer.Option("--gold", help="Folder with gold files (default: the packaged gold sets)."),
        ] = None,
    ) -> None:
        """Measure extraction accuracy on the gold sets; exit 1 when a field falls below its floor."""
        from observatory.evaluation.runner import run_all
        from observatory.extract import load_nlp

        if gold is not None and not gold.is_dir():
            fail(f"--gold {gold}: not a folder")
        run = run_all(load_nlp(Settings().spacy_model), gold_dir=gold)
        for note in run.notes:
            warn(note)
        rows = [
            {
                "field": s.field,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "floor": s.floor,
                "passed": s.passed,
            }
            for s in run.scores
        ]
        if fmt is EvalFormat.json:
            typer.echo(json.dumps({"scores": rows, "passed": run.passed}, indent=2))
        else:
            table = Table(title="observatory eval")
            for column in ("field", "precision", "recall", "F1", "floor", "tp", "fp", "fn", ""):
                table.add_column(column, justify="left" if column == "field" else "right")
            for r in rows:
                mark = "[green]ok[/]" if r["passed"] else "[bold red]BELOW FLOOR[/]"
                floor = "" if r["floor"] is None else f"{r['floor']:.2f}"
                table.add_row(
                    str(r["field"]),
                    f"{r['precision']:.3f}",
                    f"{r['recall']:.3f}",
                    f"{r['f1']:.3f}",
                    floor,
                    str(r["tp"]),
                    str(r["fp"]),
                    str(r["fn"]),
                    mark,
                )
            Console(width=140).print(table)
        if not run.scores:
            fail("no evaluator found gold data to score")
        if not run.passed:
            below = [s.field for s in run.scores if not s.passed]
            fail(f"below floor: {', '.join(below)}")
