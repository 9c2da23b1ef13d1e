"""Tables for figures and metrics, with a trend line where a metric spans several periods."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tipcli.render.parts import evidence_cell, title, visible
from tipcli.render.trends import Point, trends
from tipcli.results import Result
from tipcli.results.figures import Figure, Metric

BARS = "▁▂▃▄▅▆▇█"


def amount(fig: Figure) -> str:
    """The figure as the table shows it: qualifier, value in its unit, and its conversions."""
    shown = _value(fig.value, fig.unit)
    if fig.converted:
        shown += " (" + "; ".join(_value(c.value, c.unit) for c in fig.converted) + ")"
    return f"{fig.qualifier} {shown}" if fig.qualifier else shown


def figures_table(result: Result[Figure]) -> list[object]:
    table = Table(title=title(result), show_lines=True,
                  expand=True)
    table.add_column("metric", no_wrap=True)
    table.add_column("period", no_wrap=True)
    table.add_column("figure", justify="right", no_wrap=True)
    table.add_column("evidence", ratio=1)
    for fig in result.items:
        name = Text(("  ↳ " if fig.part_of else "") + fig.metric)
        figure = Text(amount(fig), style="bold")
        if fig.adds_up is False:
            figure.append(f"\n⚠ parts add up to {fig.parts_sum:,}", style="bold red")
        label = Text(visible(fig.label) + (f" · {visible(fig.jurisdiction)}"
                                           if fig.jurisdiction else ""), style="dim")
        table.add_row(name, fig.period or "", figure,
                      Text("\n").join([label, evidence_cell(fig.evidence)]))
    parts: list[object] = [table]
    chart = trends_table(result.items)
    if chart is not None:
        parts.append(chart)
    return parts


def trends_table(figures: tuple[Figure, ...]) -> Table | None:
    """Like-for-like series: a sparkline and the agreed value per period with its sources;
    where sources differ on a period, the values side by side instead of a line."""
    series = trends(figures)
    if not series:
        return None
    chart = Table(title="trends (like for like; JSON lists every stated figure)", box=None,
                  padding=(0, 1), show_header=True, header_style="dim")
    chart.add_column("series", no_wrap=True)
    chart.add_column("direction", no_wrap=True)
    chart.add_column("", no_wrap=True)
    chart.add_column("values (sources)", ratio=1)
    for s in series:
        name = s.metric + (f" · {' '.join(s.narrowed)}" if s.narrowed else "") + \
            f" ({visible(s.jurisdiction or 'all')})"
        values = [p.value for p in s.points]
        top = max(values, default=0) or 1
        spark = "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1)))] for v in values)
        path = Text(" → ".join(f"{p.period}: {_value(p.value, s.unit)} ({_sources(p)})"
                               for p in s.points))
        for period, differing in s.disagreements:
            if path:
                path.append("\n")
            path.append(f"{period}: sources disagree: " + " ≠ ".join(
                f"{_value(p.value, s.unit)} ({_sources(p)})" for p in differing),
                style="bold red")
        arrow = _ARROWS.get(s.direction, "")
        chart.add_row(name, f"{arrow} {s.direction}".strip(), Text(spark, style="green"), path)
    return chart


_ARROWS = {"rising": "↑", "falling": "↓", "unchanged": "→", "mixed": "↕"}


def _value(value: int | float, unit: str | None) -> str:
    shown = f"{value:,}" if isinstance(value, int) else f"{value:g}"
    if unit == "%":
        return shown + "%"
    if unit == "x":
        return shown + "-fold"
    if unit:
        currency, _, scale = unit.partition(" ")
        return f"{currency} {shown}" + (f" {scale}" if scale else "")
    return shown


def _sources(point: Point) -> str:
    return ", ".join(sorted({visible(f.evidence[0].doc) for f in point.figures if f.evidence}))


def metrics_table(result: Result[Metric]) -> Table:
    table = Table(title="metrics", expand=True)
    table.add_column("metric", no_wrap=True)
    table.add_column("figures", justify="right")
    table.add_column("periods")
    table.add_column("labels", ratio=1)
    for m in result.items:
        table.add_row(m.metric, str(m.figures), ", ".join(m.periods),
                      Text(visible("; ".join(m.labels))))
    return table
