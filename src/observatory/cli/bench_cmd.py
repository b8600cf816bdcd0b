"""`observatory bench`: speed, memory and recall of extraction against a naive baseline."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from observatory.cli.common import err_console, fail


class BenchFormat(StrEnum):
    table = "table"
    json = "json"


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        fail(f"--memory-sizes {text!r}: expected comma-separated document counts such as 1000,10000")
    if len(sizes) < 2 or min(sizes) < 1:
        fail(f"--memory-sizes {text!r}: give at least two positive document counts")
    return sizes


def _fmt(value: Any) -> str:
    return "—" if value is None else f"{value:,}" if isinstance(value, int) else str(value)


def _print_bench(report: dict[str, Any]) -> None:
    table = Table(title=f"observatory bench — {report['docs']:,} {report['corpus']} documents, "
                        f"{report['tokens']:,} tokens, {report['processes']} process(es)")
    table.add_column("")
    table.add_column("baseline (full nlp.pipe)", justify="right")
    table.add_column("observatory (gated)", justify="right")
    rows = (("docs_per_s", "documents/s"), ("tokens_per_s", "tokens/s"), ("seconds", "seconds"),
            ("docs_per_cpu_s", "documents/CPU-s"), ("cpu_seconds", "CPU seconds"),
            ("peak_rss_mb", "peak RSS (MiB)"), ("claims", "claims"), ("recall", "claim recall"))
    for key, label in rows:
        table.add_row(label, _fmt(report["baseline"][key]), _fmt(report["optimized"][key]))
    console = Console()
    console.print(table)
    console.print(f"speed ratio: [bold]{report['ratio']}×[/] wall clock, {report['cpu_ratio']}× CPU time; "
                  f"agreement with baseline claims: {_fmt(report['agreement'])}")
    m = report["machine"]
    console.print(f"machine: {m['nproc']} CPU(s) {m['cpu']}, {m['ram_gb']} GB RAM, Python {m['python']}, "
                  f"spaCy {m['spacy']}, load average {m['load_avg']}")


def _print_memory(report: dict[str, Any]) -> None:
    table = Table(title="observatory bench --memory (optimized path, fresh process per size)")
    for column in ("documents", "peak RSS (MiB)", "seconds", "documents/s"):
        table.add_column(column, justify="right")
    for run in report["memory"]:
        cells = (str(run[key]) for key in ("peak_rss_mb", "seconds", "docs_per_s"))
        table.add_row(f"{run['docs']:,}", *cells)
    Console().print(table)
    Console().print(f"peak RSS difference, largest vs smallest: {report['difference_pct']}%")


def register(app: typer.Typer) -> None:
    @app.command("bench")
    def bench(
        docs: Annotated[int, typer.Option("--docs", min=1, help="Documents in the corpus.")] = 2000,
        output: Annotated[BenchFormat, typer.Option("--format", help="table or json.")] = BenchFormat.table,
        processes: Annotated[int, typer.Option("--processes", min=1,
                                               help="Worker processes for both sides.")] = 1,
        seed: Annotated[int, typer.Option("--seed", help="Seed of the generated corpus.")] = 0,
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per batch.")] = 64,
        real: Annotated[bool, typer.Option("--real",
                                           help="Use real news text from ../shared instead.")] = False,
        real_set: Annotated[str, typer.Option("--real-set",
                                              help="With --real: all, seeds or descriptions.")] = "all",
        shared: Annotated[str | None, typer.Option("--shared", help="Shared folder for --real.")] = None,
        memory: Annotated[bool, typer.Option("--memory",
                                             help="Peak RSS for growing corpora instead.")] = False,
        memory_sizes: Annotated[str, typer.Option("--memory-sizes",
                                                  help="Corpus sizes for --memory.")] = "1000,10000",
    ) -> None:
        """Extraction speed vs a naive full-pipeline baseline, on the same corpus in the same run."""
        from observatory.bench.real import RealCorpusError
        from observatory.bench.runner import BenchError, BenchOptions, run_bench, run_memory

        def progress(message: str) -> None:
            err_console.print(f"[dim]{message}[/]")

        try:
            if memory:
                report = run_memory(_sizes(memory_sizes), seed, progress)
            else:
                options = BenchOptions(docs=docs, seed=seed, processes=processes, batch_size=batch_size,
                                       real=real, real_set=real_set, shared=shared)
                report = run_bench(options, progress)
        except (BenchError, RealCorpusError) as error:
            fail(str(error))
        if output is BenchFormat.json:
            typer.echo(json.dumps(report, indent=2))
        elif memory:
            _print_memory(report)
        else:
            _print_bench(report)
