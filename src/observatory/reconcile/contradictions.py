"""Disagreements between sources, surfaced as data (docs/contradictions.md has the rules).

Each finder takes the incident's claims and statements and returns `Contradiction` records with
the claims and documents involved. Nothing here changes a toll: contradictions are shown, never
averaged away.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from observatory.models import Claim, Contradiction, ContradictionKind, Quote, Toll, TollRange
from observatory.reconcile.cues import Statement
from observatory.reconcile.figures import (
    Figure,
    compatible,
    figure_of,
    normalise,
    partial_figures,
    published_of,
    source_key,
)
from observatory.reconcile.vocab import vocab

# Kinds that make an incident or claim `contested` (denial and single_source do not).
MIN_QUOTE_WORDS = 5
CONTESTING = frozenset({"count", "initiator", "perpetrator", "victims", "attribution"})


@dataclass(frozen=True)
class Context:
    claims: list[Claim]  # current claims of the incident (not historical)
    published: Mapping[str, dt.date | None]
    outlets: Mapping[str, str]  # doc -> outlet (the doc id when the outlet is unknown)
    scope_of: Mapping[str, str]
    statements: list[Statement]

    def outlet(self, doc: str) -> str:
        return self.outlets.get(doc) or doc


def find_contradictions(
    ctx: Context, quotes: Iterable[Quote], single_quotes: set[str], tolls: Mapping[str, Toll]
) -> list[Contradiction]:
    found = [
        *count_contradictions(ctx),
        *initiator_contradictions(ctx),
        *perpetrator_contradictions(ctx),
        *victim_contradictions(ctx),
        *denials(ctx),
        *single_sources(ctx, quotes, single_quotes, tolls),
    ]
    unique: dict[tuple[str, str], Contradiction] = {}
    for c in found:
        unique.setdefault((c.kind, c.summary), c)
    return list(unique.values())


# --------------------------------------------------------------------------- count / attribution
def count_contradictions(ctx: Context) -> list[Contradiction]:
    """Incompatible figures for the same outcome/group from different sources or outlets at the
    same time (see `_rivals` for places). When both cite the same named source: `attribution`."""
    days = dt.timedelta(days=vocab().same_time_days)
    cells: dict[tuple[str, str, str], list[tuple[Claim, Figure]]] = defaultdict(list)
    partial = partial_figures(ctx.claims, ctx.scope_of)
    for c in ctx.claims:
        fig = figure_of(c.count)
        # A figure later overtaken still clashed with its same-day rivals, so it stays in.
        if fig is None or c.superseded or c.id in partial:
            continue
        cells[(c.outcome, c.victims.group, c.victims.side or "")].append((c, fig))
    found: list[Contradiction] = []
    for (outcome, group, _side), members in sorted(cells.items()):
        clashes = [
            (a, b)
            for (a, fa), (b, fb) in combinations(members, 2)
            if _rivals(ctx, a, fa, b, fb)
            and (source_key(a) != source_key(b) or ctx.outlet(a.doc) != ctx.outlet(b.doc))
            and _concurrent(ctx, a, fa, b, fb, days)
        ]
        if not clashes:
            continue
        same_source = [
            (a, b)
            for a, b in clashes
            if a.source
            and b.source
            and a.source.name
            and source_key(a) == source_key(b)
            and ctx.outlet(a.doc) != ctx.outlet(b.doc)
        ]
        label = f"{outcome} {group}".replace("_", " ")
        rest = [pair for pair in clashes if pair not in same_source]
        kind: ContradictionKind
        for kind, pairs in (("attribution", same_source), ("count", rest)):
            if not pairs:
                continue
            involved = _unique_claims(pairs)
            sides = _sides(involved, ctx)
            source = involved[0].source
            prefix = (
                f"{source.name} cited for different figures: " if kind == "attribution" and source else ""
            )
            found.append(
                Contradiction(
                    kind=kind,
                    summary=f"{prefix}{label}: {sides}",
                    claims=[c.id for c in involved],
                    docs=_docs(involved),
                )
            )
    return found


def _concurrent(ctx: Context, a: Claim, fa: Figure, b: Claim, fb: Figure, days: dt.timedelta) -> bool:
    """Published at the same time, or the older figure is above the newer one: a count that rose
    between reports is a revision, one that fell across sources is not."""
    da, db = published_of(a, ctx.published), published_of(b, ctx.published)
    if abs(da - db) <= days:
        return True
    older, newer = (fa, fb) if da < db else (fb, fa)
    return older.low > newer.high and not newer.open_ended


def _rivals(ctx: Context, a: Claim, fa: Figure, b: Claim, fb: Figure) -> bool:
    """Incompatible figures for the same place; a place inside the incident only clashes with the
    whole incident's figure when the part exceeds the whole (a village cannot lose more people
    than the region it is in). Two different places inside the incident never clash."""
    sa, sb = ctx.scope_of.get(a.id, ""), ctx.scope_of.get(b.id, "")
    if sa == sb:
        return not compatible(fa, fb)
    if sa and sb:
        return False
    part, whole = (fa, fb) if sa else (fb, fa)
    return not whole.open_ended and not whole.vague and part.low > whole.high


def _sides(claims: list[Claim], ctx: Context) -> str:
    """ "163 (Network, Tribune; Network, Courier) vs at least hundreds (Committee, Tribune)": one
    entry per figure, with everyone who reported it."""
    by_figure: dict[Figure | None, list[Claim]] = {}
    for c in claims:
        by_figure.setdefault(figure_of(c.count), []).append(c)
    parts = []
    for same in by_figure.values():
        who = "; ".join(dict.fromkeys(_who(c, ctx) for c in same))
        parts.append(f"{_count_text(same[0])} ({who})")
    return " vs ".join(parts)


def _count_text(c: Claim) -> str:
    return c.count.text or str(c.count.low)


def _who(c: Claim, ctx: Context) -> str:
    src = (c.source.name or c.source.label) if c.source else None
    outlet = ctx.outlet(c.doc)
    return f"{src}, {outlet}" if src else outlet


def _unique_claims(pairs: list[tuple[Claim, Claim]]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for a, b in pairs:
        seen.setdefault(a.id, a)
        seen.setdefault(b.id, b)
    return list(seen.values())


def _docs(claims: Iterable[Claim]) -> list[str]:
    return sorted({c.doc for c in claims})


# --------------------------------------------------------------------------- initiator
def initiator_contradictions(ctx: Context) -> list[Contradiction]:
    """Different outlets name disjoint sets of actors as the ones who started the violence; the
    same named source cited for disjoint initiators by two outlets is an `attribution` conflict."""
    statements = [s for s in ctx.statements if s.kind == "initiator" and s.key]
    found = _disjoint_by_outlet(ctx, statements, "initiator", "Who started it")
    by_source: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        if s.source:
            by_source[normalise(s.source)].append(s)
    for _source, items in sorted(by_source.items()):
        found.extend(
            _disjoint_by_outlet(
                ctx, items, "attribution", f"{_display_source(items)} cited for who started it"
            )
        )
    return found


def _display_source(items: list[Statement]) -> str:
    return items[0].source


def _disjoint_by_outlet(
    ctx: Context, statements: list[Statement], kind: ContradictionKind, what: str
) -> list[Contradiction]:
    per_outlet: dict[str, dict[str, Statement]] = defaultdict(dict)
    for s in statements:
        per_outlet[ctx.outlet(s.doc)].setdefault(s.key, s)
    found: list[Contradiction] = []
    for a, b in combinations(sorted(per_outlet), 2):
        if set(per_outlet[a]) & set(per_outlet[b]):
            continue
        left = ", ".join(s.label for s in per_outlet[a].values())
        right = ", ".join(s.label for s in per_outlet[b].values())
        docs = sorted({s.doc for s in (*per_outlet[a].values(), *per_outlet[b].values())})
        summary = f"{what}: {a} says {left}; {b} says {right}"
        found.append(Contradiction(kind=kind, summary=summary, docs=docs))
    return found


# --------------------------------------------------------------------------- perpetrator
def perpetrator_contradictions(ctx: Context) -> list[Contradiction]:
    """Outlets blaming disjoint perpetrators for the incident's casualties; the same named source
    cited for disjoint perpetrators by two outlets is an `attribution` conflict."""
    # Only perpetrators the actor gazetteer knows (an actor or a side): bare labels are too noisy.
    blamed = [
        c for c in ctx.claims if c.perpetrator is not None and (c.perpetrator.actor or c.perpetrator.side)
    ]
    found = _disjoint_perpetrators(ctx, blamed, "Perpetrator")
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in blamed:
        if c.source is not None and c.source.name:
            by_source[source_key(c)].append(c)
    for _key, claims in sorted(by_source.items()):
        name = claims[0].source.name if claims[0].source else ""
        for x in _disjoint_perpetrators(ctx, claims, f"{name} cited for the perpetrator"):
            found.append(x.model_copy(update={"kind": "attribution"}))
    return found


def _disjoint_perpetrators(ctx: Context, claims: list[Claim], what: str) -> list[Contradiction]:
    per_outlet: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        assert c.perpetrator is not None
        p = c.perpetrator
        per_outlet[ctx.outlet(c.doc)][normalise(p.side or p.actor or p.label)].append(c)
    found: list[Contradiction] = []
    for a, b in combinations(sorted(per_outlet), 2):
        if set(per_outlet[a]) & set(per_outlet[b]):
            continue
        involved = [c for side in (per_outlet[a], per_outlet[b]) for group in side.values() for c in group]
        left = ", ".join(sorted({g[0].perpetrator.label for g in per_outlet[a].values() if g[0].perpetrator}))
        right = ", ".join(
            sorted({g[0].perpetrator.label for g in per_outlet[b].values() if g[0].perpetrator})
        )
        found.append(
            Contradiction(
                kind="perpetrator",
                summary=f"{what}: {a} blames {left}; {b} blames {right}",
                claims=[c.id for c in involved],
                docs=_docs(involved),
            )
        )
    return found


# --------------------------------------------------------------------------- victims
def victim_contradictions(ctx: Context) -> list[Contradiction]:
    v = vocab()
    found: list[Contradiction] = []
    dead = [c for c in ctx.claims if c.outcome == "killed"]  # status statements are about the dead
    civilian = [c for c in dead if c.victims.group in v.civilian_groups]
    combatant = [c for c in dead if c.victims.group in v.combatant_groups]
    # The same figure described as civilians by one outlet and as combatants by another.
    for a in civilian:
        for b in combatant:
            fa, fb = figure_of(a.count), figure_of(b.count)
            if (
                a.outcome == b.outcome
                and fa
                and fb
                and not fa.vague
                and fa.best == fb.best
                and ctx.outlet(a.doc) != ctx.outlet(b.doc)
            ):
                found.append(
                    Contradiction(
                        kind="victims",
                        summary=f"Same figure, different victims: {_count_text(a)} {a.victims.label} "
                        f"({_who(a, ctx)}) vs {_count_text(b)} {b.victims.label} ({_who(b, ctx)})",
                        claims=[a.id, b.id],
                        docs=_docs([a, b]),
                    )
                )
    # A statement insisting the victims were civilians (or fighters) against claims counting the other.
    for s in ctx.statements:
        opposite = (
            combatant if s.kind == "civilian_status" else civilian if s.kind == "combatant_status" else []
        )
        # Only across outlets: one article quoting a witness against its own counts is its framing.
        opposite = [c for c in opposite if ctx.outlet(c.doc) != ctx.outlet(s.doc)]
        if not opposite:
            continue
        said = "civilians" if s.kind == "civilian_status" else "fighters"
        counted = ", ".join(f"{_count_text(c)} {c.victims.label} ({_who(c, ctx)})" for c in opposite[:3])
        found.append(
            Contradiction(
                kind="victims",
                summary=f"{ctx.outlet(s.doc)} reports the victims were {said} "
                f"(“{_snippet(s.sentence.text)}”) while claims count {counted}",
                claims=[c.id for c in opposite],
                docs=sorted({s.doc, *(c.doc for c in opposite)}),
            )
        )
    return found + _victim_attributions(ctx, civilian, combatant)


def _victim_attributions(ctx: Context, civilian: list[Claim], combatant: list[Claim]) -> list[Contradiction]:
    """The same named source cited by two outlets for civilians vs fighters as the victims."""
    said: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    names: dict[str, str] = {}
    for s in ctx.statements:
        if s.source and s.kind in ("civilian_status", "combatant_status"):
            kind = "civilians" if s.kind == "civilian_status" else "fighters"
            said[normalise(s.source)][ctx.outlet(s.doc)][kind].append(s.doc)
            names[normalise(s.source)] = s.source
    for kind, claims in (("civilians", civilian), ("fighters", combatant)):
        for c in claims:
            if c.source is not None and c.source.name and normalise(c.source.name) in said:
                said[normalise(c.source.name)][ctx.outlet(c.doc)][kind].append(c.doc)
    found: list[Contradiction] = []
    for key, outlets in sorted(said.items()):
        for a, b in combinations(sorted(outlets), 2):
            for left, right in (("civilians", "fighters"), ("fighters", "civilians")):
                if outlets[a].get(left) and outlets[b].get(right) and not outlets[a].get(right):
                    docs = sorted({*outlets[a][left], *outlets[b][right]})
                    summary = (
                        f"{names[key]} cited for who the victims were: {a} says {left}; {b} says {right}"
                    )
                    found.append(Contradiction(kind="attribution", summary=summary, docs=docs))
    return found


# --------------------------------------------------------------------------- denial
def denials(ctx: Context) -> list[Contradiction]:
    found: list[Contradiction] = []
    for s in ctx.statements:
        if s.kind != "denial":
            continue
        party = s.label or "A party"
        in_sentence = [
            c.id for c in ctx.claims if c.doc == s.doc and s.sentence.start <= c.span[0] < s.sentence.end
        ]
        found.append(
            Contradiction(
                kind="denial",
                summary=f"{party} denies or downplays ({ctx.outlet(s.doc)}): “{_snippet(s.sentence.text)}”",
                claims=in_sentence,
                docs=[s.doc],
            )
        )
    return found


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --------------------------------------------------------------------------- single source
def single_sources(
    ctx: Context, quotes: Iterable[Quote], single_quotes: set[str], tolls: Mapping[str, Toll]
) -> list[Contradiction]:
    """Quotes found in one outlet only, and toll figures (the ones behind `best`) from one outlet."""
    found: list[Contradiction] = []
    for q in quotes:
        # Unattributed scare quotes ("individual actions") are phrases, not testimony.
        if q.id in single_quotes and q.speaker and len(q.text.split()) >= MIN_QUOTE_WORDS:
            who = q.speaker
            found.append(
                Contradiction(
                    kind="single_source",
                    summary=f"Quote by {who} appears only in {q.outlet or ctx.outlet(q.doc)}: "
                    f"“{_snippet(q.text, 100)}”",
                    docs=[q.doc],
                )
            )
    outlets = {ctx.outlet(c.doc) for c in ctx.claims}
    by_id = {c.id: c for c in ctx.claims}
    lonely: dict[str, list[tuple[str, TollRange]]] = defaultdict(list)
    for outcome, toll in sorted(tolls.items()):
        for group, rng in sorted(toll.by_group.items()):
            named = {ctx.outlet(by_id[i].doc) for i in rng.claims if i in by_id}
            if len(outlets) > 1 and len(named) == 1:
                lonely[next(iter(named))].append((f"{outcome} {group.replace('_', ' ')}", rng))
    for outlet, figures in sorted(lonely.items()):
        backing = [by_id[i] for i in sorted({i for _, rng in figures for i in rng.claims if i in by_id})]
        listed = ", ".join(f"{label} {rng.best}" for label, rng in figures)
        found.append(
            Contradiction(
                kind="single_source",
                summary=f"Figures reported by {outlet} only: {listed}",
                claims=[c.id for c in backing],
                docs=_docs(backing),
            )
        )
    if len(outlets) == 1 and ctx.claims:
        found.append(
            Contradiction(
                kind="single_source",
                summary=f"Every figure of this incident comes from one outlet ({next(iter(outlets))})",
                claims=[c.id for c in ctx.claims],
                docs=_docs(ctx.claims),
            )
        )
    return found
