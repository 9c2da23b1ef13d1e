"""The ratings table (a verdict per jurisdiction-year, its alternatives dimmed under it) and the
tier-ladder chart (Tier 1 on top, Special Case at the bottom)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tipcli.lexicon.kinds import Basis, Tier
from tipcli.render.parts import evidence_cell, title, visible
from tipcli.results import Result
from tipcli.results.ratings import Rating

LEGEND = "● stated  ○ inferred  ✖ another source states this tier"


def ratings_table(result: Result[Rating]) -> list[object]:
    table = Table(title=title(result), show_lines=True, expand=True)
    table.add_column("report", justify="right", no_wrap=True)
    table.add_column("jurisdiction", no_wrap=True)
    table.add_column("tier", no_wrap=True)
    table.add_column("basis", no_wrap=True)
    table.add_column("sources", justify="right", no_wrap=True)
    table.add_column("evidence", ratio=1)
    for r in result.items:
        if r.tier is None:
            tier = Text("no verdict", style="bold red")
            tier.append("\n✖ sources disagree", style="red")
        else:
            tier = Text(r.tier, style="bold")
            if r.conflict:
                tier.append("\n✖ sources disagree", style="bold red")
        table.add_row(str(r.year) if r.year is not None else "?", visible(r.jurisdiction), tier,
                      r.basis or "", str(r.sources), evidence_cell(r.evidence))
        for alt in r.alternatives:
            table.add_row("", "", Text(f"also {alt.basis}: {alt.tier}", style="dim"),
                          Text(alt.basis, style="dim"), Text(str(alt.sources), style="dim"),
                          evidence_cell(alt.evidence), style="dim")
    parts: list[object] = [table]
    years = sorted({r.year for r in result.items if r.year is not None})
    places = sorted({r.jurisdiction for r in result.items})
    if len(years) > 1:
        for place in places:
            parts.append(ladder(place, [r for r in result.items if r.jurisdiction == place],
                                years))
    return parts


def ladder(place: str, ratings: list[Rating], years: list[int]) -> Table:
    """One column per report year; the verdict's tier marked, and every tier another source
    states instead."""
    chart = Table(title=f"{visible(place)}: tier by report year", show_edge=False,
                  box=None, padding=(0, 1))
    chart.add_column("", no_wrap=True, style="dim")
    for year in years:
        chart.add_column(str(year)[-2:] if len(years) > 12 else str(year), justify="center")
    by_year = {r.year: r for r in ratings}
    for tier in Tier:
        row: list[Text | str] = [tier]
        for year in years:
            row.append(_mark(by_year.get(year), tier))
        chart.add_row(*row)
    chart.caption = LEGEND
    return chart


def _mark(rating: Rating | None, tier: Tier) -> Text:
    if rating is None:
        return Text("·", style="dim")
    if rating.tier == tier:
        stated = rating.basis == Basis.STATED
        return Text("●" if stated else "○", style="bold green" if stated else "green")
    if any(a.tier == tier and a.basis == Basis.STATED for a in rating.alternatives):
        return Text("✖", style="bold red")
    return Text("·", style="dim")
