"""The ratings view: a verdict per jurisdiction-year with its sources by name and its best
evidence (alternatives dimmed under it), then one chart: the tier ladder for one place, or a
matrix of places by report year for several."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from tipcli.lexicon.kinds import Basis, Tier
from tipcli.render.parts import (
    console,
    evidence_cell,
    narrow,
    sources_line,
    stacked,
    title,
    visible,
)
from tipcli.results import Result
from tipcli.results.ratings import Alternative, Rating

LEGEND = "● stated  ○ inferred  ✖ another source states this tier"
MATRIX_LEGEND = ("T1 Tier 1", "T2 Tier 2", "WL Tier 2 Watch List", "T3 Tier 3",
                 "SC Special Case", "* inferred", "! sources disagree", "?? no verdict")
TIER_STYLE = {Tier.TIER_1: "bold green", Tier.TIER_2: "green", Tier.WATCH_LIST: "yellow",
              Tier.TIER_3: "bold red", Tier.SPECIAL_CASE: "blue"}


def ratings_table(result: Result[Rating]) -> list[object]:
    view = _stacked(result) if narrow() else _table(result)
    parts: list[object] = [view]
    years = sorted({r.year for r in result.items if r.year is not None})
    places = list(dict.fromkeys(r.jurisdiction for r in result.items))
    if len(places) > 1 and years:
        parts += [*matrix(result.items, places, years), legend_text(MATRIX_LEGEND)]
    elif len(years) > 1:
        parts += [ladder(places[0], list(result.items), years), Text(LEGEND, style="dim")]
    return parts


def _table(result: Result[Rating]) -> Table:
    one_place = len({r.jurisdiction for r in result.items}) == 1
    table = Table(title=title(result), show_lines=True, expand=True)
    table.add_column("report", justify="right", no_wrap=True)
    if not one_place:  # the title names the one place
        table.add_column("jurisdiction", max_width=22)
    table.add_column("tier", no_wrap=True)
    table.add_column("sources", ratio=2, min_width=12)
    table.add_column("evidence", ratio=5, min_width=20)
    for r in result.items:
        place = [] if one_place else [Text(visible(r.jurisdiction))]
        table.add_row(_year(r), *place, _verdict(r),
                      sources_line(r.evidence, r.sources) if r.evidence else "",
                      evidence_cell(r.evidence, result.full, named=result.full))
        for alt in r.alternatives:
            table.add_row("", *([""] if place else []),
                          _alternative(alt, verdict=r.tier is not None),
                          sources_line(alt.evidence, alt.sources),
                          evidence_cell(alt.evidence, result.full, named=result.full),
                          style="dim")
    return table


def _stacked(result: Result[Rating]) -> Table:
    blocks = []
    for r in result.items:
        block = Text(f"{_year(r)} · {visible(r.jurisdiction)} · ", style="bold")
        block.append_text(_verdict(r, inline=True))
        if r.evidence:
            block.append("\n" + sources_line(r.evidence, r.sources), style="dim")
            block.append("\n")
            block.append_text(evidence_cell(r.evidence, result.full))
        for alt in r.alternatives:
            block.append("\n")
            block.append_text(_alternative(alt, inline=True, verdict=r.tier is not None))
            block.append(" · " + sources_line(alt.evidence, alt.sources), style="dim")
            block.append("\n")
            block.append_text(evidence_cell(alt.evidence, result.full))
        blocks.append(block)
    return stacked(title(result), blocks)


def _year(r: Rating) -> str:
    return str(r.year) if r.year is not None else "?"


def _verdict(r: Rating, inline: bool = False) -> Text:
    gap = " " if inline else "\n"
    if r.tier is None:
        tier = Text("no verdict", style="bold red")
        tier.append(f"{gap}✖ sources disagree", style="red")
        return tier
    tier = Text(r.tier, style="bold")
    tier.append(f"{gap}({r.basis})" if inline else f"\n{r.basis}", style="dim")
    if r.conflict:
        tier.append(f"{gap}✖ sources disagree", style="bold red")
    return tier


def _alternative(alt: Alternative, inline: bool = False, verdict: bool = True) -> Text:
    said = f"also {alt.basis}" if verdict else alt.basis  # with no verdict, none is "also"
    return Text(f"  {said}: {alt.tier}" if inline else f"{said}:\n{alt.tier}", style="dim")


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


def matrix(ratings: tuple[Rating, ...], places: list[str], years: list[int]) -> list[object]:
    """Jurisdictions down, report years across, each cell the verdict's short code; the
    latest years that fit the terminal, with a line naming any left out."""
    width = console().size.width
    name_width = min(24, max(len(visible(p)) for p in places))
    short = len(years) > 8  # two-digit years keep a long run on one screen
    column = 5 if short else 6  # a cell ("WL*!") and a space
    fits = max(1, (width - name_width - 1) // column)
    shown, left_out = years[-fits:], years[:-fits]
    chart = Table(show_edge=False, box=None, padding=(0, 1, 0, 0))
    chart.add_column("", overflow="fold", style="bold", max_width=name_width)
    for year in shown:
        chart.add_column(f"'{str(year)[-2:]}" if short else str(year), justify="center",
                         no_wrap=True, min_width=column - 1)
    cells = {(r.jurisdiction, r.year): r for r in ratings}
    for place in places:
        chart.add_row(Text(visible(place)), *(_cell(cells.get((place, y))) for y in shown))
    parts: list[object] = [Text("tier by report year", style="italic"), chart]
    if left_out:
        parts.append(Text(f"{len(left_out)} earlier report years not shown "
                          f"({left_out[0]}–{left_out[-1]}): widen the terminal, or see --json",
                          style="dim"))
    return parts


def _cell(rating: Rating | None) -> Text:
    if rating is None:
        return Text("·", style="dim")
    if rating.tier is None:
        return Text("??", style="bold red")
    code = rating.tier.code + ("*" if rating.basis == Basis.INFERRED else "")
    cell = Text(code, style=TIER_STYLE[rating.tier])
    if rating.conflict:
        cell.append("!", style="bold red")
    return cell


def legend_text(items: Sequence[str], between: str = " · ") -> Text:
    """The items on as few lines as the terminal allows, never one broken across two."""
    width = console().size.width
    lines = [""]
    for item in items:
        joined = f"{lines[-1]}{between}{item}" if lines[-1] else item
        if len(joined) > width and lines[-1]:
            lines.append(item)
        else:
            lines[-1] = joined
    return Text("\n".join(lines), style="dim")
