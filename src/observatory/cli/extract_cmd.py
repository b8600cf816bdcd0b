"""`observatory extract`: claims from files, folders or URLs, printed; no database involved."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from observatory.cli.common import Engine, EngineOpt, RayAddressOpt, fail, published_option, warn, with_engine
from observatory.config import Settings
from observatory.models import Claim, DocumentInput

# Fields left out of extract output: `grade` is decided by reconcile, never by extract.
_EXCLUDE = {"grade"}


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def claim_record(claim: Claim) -> dict[str, object]:
    """One claim as printed by `extract` (span as a [start, end] list, field names of the contract)."""
    record = claim.model_dump(mode="json", exclude=_EXCLUDE)
    record["span"] = list(claim.span)
    return record


def _documents(
    paths: list[str], published: dt.date | None, outlet: str | None, skipped: list[str]
) -> Iterator[DocumentInput]:
    from observatory.ingest import IngestError, read_inputs

    for item in read_inputs(paths, published=published, outlet=outlet):
        if isinstance(item, IngestError):
            warn(f"skipped {item.input}: {item.reason}")
            skipped.append(item.input)
            continue
        yield item


def _flags(c: Claim) -> str:
    return ", ".join(f for f in ("hedged", "historical", "superseded") if getattr(c, f))


def _count_text(c: Claim) -> str:
    lo, hi = c.count.low, c.count.high
    value = str(lo) if lo == hi else f"{lo if lo is not None else ''}–{hi if hi is not None else ''}"
    return f"{value} ({c.count.qualifier})"


def _table(claims: list[Claim]) -> Table:
    table = Table(title=f"{len(claims)} claim(s)", show_lines=False)
    for column in ("id", "outcome", "count", "victims", "part of", "source", "flags", "sentence"):
        table.add_column(column, overflow="fold")
    for c in claims:
        victims = c.victims.group + (f" ({c.victims.side})" if c.victims.side else "")
        source = f"{c.source.name} [{c.source.kind}]" if c.source else ""
        excerpt = c.text if len(c.text) <= 90 else c.text[:87] + "..."
        parent = (c.part_of or "").rsplit("-", 1)[-1]
        table.add_row(
            c.id.rsplit("-", 1)[-1], c.outcome, _count_text(c), victims, parent, source, _flags(c), excerpt
        )
    return table


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: Annotated[
            list[str], typer.Argument(help="Files (.txt .html .rss .atom .xml .jsonl), folders or URLs.")
        ],
        published: Annotated[
            str | None,
            typer.Option("--published", help="Publication date YYYY-MM-DD when the input has none."),
        ] = None,
        outlet: Annotated[
            str | None, typer.Option("--outlet", help="Outlet name when the input has none.")
        ] = None,
        fmt: Annotated[
            ExtractFormat, typer.Option("--format", help="jsonl (one claim per line), json or table.")
        ] = ExtractFormat.jsonl,
        engine: EngineOpt = Engine.local,
        ray_address: RayAddressOpt = None,
    ) -> None:
        """Extract casualty claims and print them (no database needed)."""
        from observatory.extract.engine import EngineError, iter_extractions

        date = published_option(published)
        settings = with_engine(Settings(), engine, ray_address)
        skipped: list[str] = []
        outlets: dict[str, str | None] = {}

        def docs() -> Iterator[DocumentInput]:
            for d in _documents(paths, date, outlet, skipped):
                outlets[d.id] = d.outlet
                yield d

        collected: list[Claim] = []
        try:
            for extraction in iter_extractions(docs(), settings):
                for claim in extraction.claims:
                    claim = claim.model_copy(update={"outlet": claim.outlet or outlets.get(claim.doc)})
                    if fmt is ExtractFormat.jsonl:
                        typer.echo(json.dumps(claim_record(claim), ensure_ascii=False))
                    else:
                        collected.append(claim)
        except EngineError as exc:
            fail(str(exc))
        if fmt is ExtractFormat.json:
            typer.echo(json.dumps([claim_record(c) for c in collected], ensure_ascii=False, indent=2))
        elif fmt is ExtractFormat.table:
            Console(width=200).print(_table(collected))
        if skipped:
            fail(f"{len(skipped)} input(s) skipped", code=1)
