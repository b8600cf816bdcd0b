"""Human views of a `Report`: rich tables for the terminal and Markdown for notes and READMEs."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from observatory.models import Incident, Report, Toll, TollRange

GRADE_STYLE = {
    "confirmed": "green",
    "fair": "cyan",
    "weak": "yellow",
    "contested": "red",
    "single_source": "magenta",
}


def _range(r: Toll | TollRange) -> str:
    if r.low == r.best == r.high:
        return f"{r.best}"
    return f"{r.best} ({r.low}–{r.high})"


def _where_when(inc: Incident) -> str:
    place = (inc.location.name or inc.location.label) if inc.location else "place unknown"
    if inc.start is None and inc.end is None:
        dates = "date unknown"
    else:
        dates = (
            f"{inc.start or inc.end}" if inc.start == inc.end or not inc.end else f"{inc.start} – {inc.end}"
        )
    return f"{place} · {dates} · {inc.event_type or 'type unknown'}"


def incident_panel(inc: Incident) -> Panel:
    tolls = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for col in ("outcome", "best (low–high)", "by group"):
        tolls.add_column(col)
    for outcome, toll in inc.toll.items():
        groups = ", ".join(f"{g.replace('_', ' ')} {_range(r)}" for g, r in toll.by_group.items())
        tolls.add_row(outcome, _range(toll), groups or "–")
    sources = "; ".join(f"{s.name} ({s.kind}) via {', '.join(s.outlets)}" for s in inc.sources)
    parts: list[Text | Table] = [
        Text(_where_when(inc), style="dim"),
        tolls,
        Text(f"Sources: {sources or '–'}"),
    ]
    quoted: list[str] = []
    for x in inc.contradictions:
        if x.kind == "single_source" and x.summary.startswith("Quote by "):
            quoted.append(x.summary.removeprefix("Quote by ").split(" appears only in ")[0])
            continue  # many quotes are single-source: one line for all of them (JSON has each)
        parts.append(Text(f"⚠ {x.kind}: {x.summary}", style="yellow" if x.kind != "single_source" else "dim"))
    if quoted:
        speakers = ", ".join(dict.fromkeys(quoted))
        parts.append(
            Text(f"⚠ single_source: {len(quoted)} quote(s) in one outlet only ({speakers})", style="dim")
        )
    grade = Text(inc.grade, style=GRADE_STYLE.get(inc.grade, ""))
    title = Text.assemble((inc.title, "bold"), "  [", grade, "]  ", (inc.id, "dim"))
    return Panel(Group(*parts), title=title, title_align="left")


def documents_table(report: Report) -> Table:
    table = Table(title=f"{len(report.documents)} document(s)", header_style="bold")
    for col in ("id", "outlet", "published", "title", "posts"):
        table.add_column(col)
    for d in report.documents:
        title = (d.title or "")[:70] + (f" (copy of {d.duplicate_of})" if d.duplicate_of else "")
        table.add_row(d.id, d.outlet or "–", str(d.published or "–"), title, str(len(d.social_posts)))
    return table


def print_report(report: Report, console: Console) -> None:
    if not report.incidents:
        console.print("[yellow]No incidents yet[/] (run `observatory reconcile`). Documents stored:")
    for inc in report.incidents:
        console.print(incident_panel(inc))
    console.print(documents_table(report))
    single = [q for q in report.quotes if q.single_source]
    if report.quotes:
        console.print(f"{len(report.quotes)} quote(s), {len(single)} found in one outlet only.")


def report_markdown(report: Report) -> str:
    lines: list[str] = ["# Observatory report", ""]
    if not report.incidents:
        lines += ["No incidents yet (run `observatory reconcile`).", ""]
    for inc in report.incidents:
        lines += [f"## {inc.title}", "", f"`{inc.id}` · grade **{inc.grade}** · {_where_when(inc)}", ""]
        lines += ["| outcome | low | best | high | by group |", "|---|---|---|---|---|"]
        for outcome, t in inc.toll.items():
            groups = ", ".join(f"{g.replace('_', ' ')} {_range(r)}" for g, r in t.by_group.items()) or "–"
            lines.append(f"| {outcome} | {t.low} | {t.best} | {t.high} | {groups} |")
        lines.append("")
        if inc.sources:
            lines.append(
                "Sources: "
                + "; ".join(f"{s.name} ({s.kind}) via {', '.join(s.outlets)}" for s in inc.sources)
            )
            lines.append("")
        for x in inc.contradictions:
            lines.append(f"- **{x.kind}**: {x.summary}")
        lines.append("")
    lines += ["## Documents", "", "| id | outlet | published | title |", "|---|---|---|---|"]
    for d in report.documents:
        title = (d.title or "").replace("|", "\\|")
        lines.append(f"| `{d.id}` | {d.outlet or '–'} | {d.published or '–'} | {title} |")
    quotes = [q for q in report.quotes if q.single_source]
    if quotes:
        lines += ["", "## Quotes found in one outlet only", ""]
        lines += [f"- {q.speaker or 'unknown speaker'} ({q.outlet or q.doc}): “{q.text}”" for q in quotes]
    return "\n".join(lines) + "\n"
