"""Tables for figures and metrics, with a trend line where a metric spans several periods."""

from __future__ import annotations

from collections import defaultdict

from rich.table import Table
from rich.text import Text

from tipcli.render.parts import evidence_cell, title, visible
from tipcli.results import Result
from tipcli.results.figures import Figure, Metric

BARS = "▁▂▃▄▅▆▇█"


def amount(fig: Figure) -> str:
    value = f"{fig.value:,}" if isinstance(fig.value, int) else f"{fig.value:g}"
    if fig.unit == "%":
        value += "%"
    elif fig.unit:
        currency, _, scale = fig.unit.partition(" ")
        value = f"{currency}{value}" + (f" {scale}" if scale else "")
    return f"{fig.qualifier} {value}" if fig.qualifier else value


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
    trends = trend_lines(result.items)
    if trends:
        chart = Table(title="trends", box=None, show_header=False, padding=(0, 1))
        for line in trends:
            chart.add_row(*line)
        parts.append(chart)
    return parts


def trend_lines(figures: tuple[Figure, ...]) -> list[tuple[str, Text, str]]:
    """metric · sparkline · 2019 → 2020 values, for totals stated for 2+ periods."""
    series: dict[tuple[str, str | None, str | None], dict[str, Figure]] = defaultdict(dict)
    for fig in figures:
        if fig.part_of is None and fig.period:
            series[(fig.metric, fig.jurisdiction, fig.unit)].setdefault(fig.period, fig)
    lines = []
    for (metric, place, _unit), by_period in sorted(series.items(), key=lambda kv: kv[0][0]):
        if len(by_period) < 2:
            continue
        periods = sorted(by_period)
        values = [float(by_period[p].value) for p in periods]
        top = max(values) or 1.0
        spark = "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1)))] for v in values)
        path = " → ".join(f"{p}: {amount(by_period[p])}" for p in periods)
        lines.append((f"{metric} ({visible(place or 'all')})", Text(spark, style="green"), path))
    return lines


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
