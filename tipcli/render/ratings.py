"""The ratings table and the tier-ladder chart (Tier 1 on top, Tier 3 at the bottom)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tipcli.lexicon.kinds import Tier
from tipcli.render.parts import evidence_cell, title, visible
from tipcli.results import Rating, Result


def ratings_table(result: Result[Rating]) -> list[object]:
    table = Table(title=title(result), show_lines=True,
                  expand=True)
    table.add_column("report", justify="right", no_wrap=True)
    table.add_column("jurisdiction", no_wrap=True)
    table.add_column("tier", no_wrap=True)
    table.add_column("basis", no_wrap=True)
    table.add_column("evidence", ratio=1)
    for r in result.items:
        tier = Text(r.tier, style="bold")
        if r.conflict:
            tier.append("\n⚠ sources disagree", style="bold red")
        table.add_row(str(r.year), visible(r.jurisdiction), tier, r.basis,
                      evidence_cell(r.evidence))
    parts: list[object] = [table]
    years = sorted({r.year for r in result.items})
    places = sorted({r.jurisdiction for r in result.items})
    if len(years) > 1:
        for place in places:
            parts.append(ladder(place, [r for r in result.items if r.jurisdiction == place],
                                years))
    return parts


def ladder(place: str, ratings: list[Rating], years: list[int]) -> Table:
    """One column per year; a mark on the row of each tier given that year."""
    chart = Table(title=f"{visible(place)}: tier by report year", show_edge=False,
                  box=None, padding=(0, 1))
    chart.add_column("", no_wrap=True, style="dim")
    for year in years:
        chart.add_column(str(year)[-2:] if len(years) > 12 else str(year), justify="center")
    for tier in Tier:
        row: list[Text | str] = [tier]
        for year in years:
            here = [r for r in ratings if r.year == year and r.tier == tier]
            if not here:
                row.append(Text("·", style="dim"))
            elif here[0].conflict:
                row.append(Text("✖", style="bold red"))
            elif here[0].basis == "stated":
                row.append(Text("●", style="bold green"))
            else:
                row.append(Text("○", style="green"))
        chart.add_row(*row)
    chart.caption = "● stated  ○ inferred  ✖ sources disagree"
    return chart
