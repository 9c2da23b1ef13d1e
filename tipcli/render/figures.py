"""Tables for figures and metrics, with a trend line where a metric spans several periods."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from tipcli.render.parts import (
    console,
    document,
    evidence_cell,
    narrow,
    sources_line,
    stacked,
    title,
    visible,
)
from tipcli.render.trends import Point, Series, trends
from tipcli.results import Evidence, Result
from tipcli.results.figures import Figure, Metric

BARS = "▁▂▃▄▅▆▇█"


def amount(fig: Figure) -> str:
    """The figure as the table shows it: qualifier, value in its unit, and its conversions."""
    shown = _value(fig.value, fig.unit)
    if fig.converted:
        shown += " (" + "; ".join(_value(c.value, c.unit) for c in fig.converted) + ")"
    return f"{fig.qualifier} {shown}" if fig.qualifier else shown


def figures_table(result: Result[Figure]) -> list[object]:
    rows = folded(result.items)
    parts: list[object] = [_stacked(result, rows) if narrow() else _table(result, rows)]
    chart = trends_table(result.items)
    if chart is not None:
        parts.append(chart)
    return parts


def folded(figures: tuple[Figure, ...]) -> list[tuple[Figure, list[Evidence]]]:
    """One row per figure as stated: the same value for the same thing in several documents
    (versions of one article, or a statement repeated) is one row with all their evidence.
    Two figures of one document are two facts ("3 … overcharging, 3 … unlicensed"), never
    one row, however alike. JSON keeps one object per stated figure."""
    rows: list[tuple[Figure, list[Evidence], set[str]]] = []
    alike: dict[tuple[object, ...], list[int]] = {}
    for fig in figures:
        key = (fig.metric, fig.period, fig.value, fig.unit, fig.qualifier, fig.jurisdiction,
               " ".join(fig.label.lower().split()), fig.part_of is not None, fig.converted,
               fig.adds_up)
        docs = {ev.doc for ev in fig.evidence}
        # The first alike row that holds nothing of this figure's documents takes it.
        row = next((n for n in alike.get(key, ()) if not rows[n][2] & docs), None)
        if row is None:
            alike.setdefault(key, []).append(len(rows))
            rows.append((fig, [], set()))
            row = -1
        rows[row][1].extend(fig.evidence)
        rows[row][2].update(docs)
    return [(fig, evidence) for fig, evidence, _ in rows]


def _figure(fig: Figure) -> Text:
    figure = Text(amount(fig), style="bold")
    if fig.adds_up is False:
        figure.append(f"\n⚠ parts add up to {fig.parts_sum:,}", style="bold red")
    return figure


def _label(fig: Figure, evidence: list[Evidence]) -> Text:
    place = f" · {visible(fig.jurisdiction)}" if fig.jurisdiction else ""
    return Text(f"{visible(fig.label)}{place} · {sources_line(evidence)}", style="dim")


def _table(result: Result[Figure], rows: list[tuple[Figure, list[Evidence]]]) -> Table:
    table = Table(title=title(result), show_lines=True, expand=True)
    table.add_column("metric", no_wrap=True)
    table.add_column("period", no_wrap=True)
    table.add_column("figure", justify="right", max_width=20)
    table.add_column("evidence", ratio=1, min_width=24)
    for fig, evidence in rows:
        name = Text(("  ↳ " if fig.part_of else "") + fig.metric)
        table.add_row(name, fig.period or "", _figure(fig), Text("\n").join(
            [_label(fig, evidence), evidence_cell(evidence, result.full, named=result.full)]))
    return table


def _stacked(result: Result[Figure], rows: list[tuple[Figure, list[Evidence]]]) -> Table:
    blocks = []
    for fig, evidence in rows:
        block = Text(("↳ " if fig.part_of else "") + fig.metric, style="bold")
        block.append(f" · {fig.period or 'period not stated'} · ")
        block.append_text(_figure(fig))
        block.append("\n")
        block.append_text(_label(fig, evidence))
        block.append("\n")
        block.append_text(evidence_cell(evidence, result.full))
        blocks.append(block)
    return stacked(title(result), blocks)


def trends_table(figures: tuple[Figure, ...]) -> Table | None:
    """Like-for-like series: a sparkline and the agreed value per period with its sources;
    where sources differ on a period, the values side by side instead of a line. A list, one
    block per series, where the values column would be crushed."""
    series = trends(figures)
    if not series:
        return None
    rows = [(_series_name(s), _direction(s), _spark(s), _path(s)) for s in series]
    heading = "trends (like for like; JSON lists every stated figure)"
    fixed = max(min(cell_len(name), _SERIES_MAX) + cell_len(way) + len(spark)
                for name, way, spark, _ in rows)
    if narrow() or console().size.width - fixed - 8 < _VALUES_MIN:
        blocks = []
        for name, way, spark, path in rows:
            block = Text(name, style="bold")
            if way:
                block.append(f" · {way}")
            block.append(f" {spark}" if spark else "", style="green")
            block.append("\n")
            block.append_text(path)
            blocks.append(block)
        return stacked(heading, blocks)
    chart = Table(title=heading, box=None, padding=(0, 1), show_header=True, header_style="dim")
    chart.add_column("series", max_width=_SERIES_MAX)
    chart.add_column("direction", no_wrap=True)
    chart.add_column("", no_wrap=True)
    chart.add_column("values (sources)", ratio=1, min_width=_VALUES_MIN)
    for name, way, spark, path in rows:
        chart.add_row(name, way, Text(spark, style="green"), path)
    return chart


# Narrower than this, a trend's values (each with its sources) wrap a word or two a line.
_VALUES_MIN = 40
# A longer series name ("foreign_domestic_workers · domestic foreign (Hong Kong)") wraps.
_SERIES_MAX = 32
_ARROWS = {"rising": "↑", "falling": "↓", "unchanged": "→", "mixed": "↕"}


def _series_name(s: Series) -> str:
    return s.metric + (f" · {' '.join(s.narrowed)}" if s.narrowed else "") + \
        f" ({visible(s.jurisdiction or 'all')})"


def _direction(s: Series) -> str:
    return f"{_ARROWS.get(s.direction, '')} {s.direction}".strip()


def _spark(s: Series) -> str:
    values = [p.value for p in s.points]
    top = max(values, default=0) or 1
    return "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1)))] for v in values)


def _path(s: Series) -> Text:
    """A line per period: the agreed value and who states it, then each period the sources
    disagree on."""
    path = Text("\n→ ".join(f"{p.period}: {_value(p.value, s.unit)} ({_sources(p)})"
                            for p in s.points))
    for period, differing in s.disagreements:
        if path:
            path.append("\n")
        path.append(f"{period}: sources disagree: " + " ≠ ".join(
            f"{_value(p.value, s.unit)} ({_sources(p)})" for p in differing),
            style="bold red")
    return path


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


def _sources(point: Point, shown: int = 2) -> str:
    """ "Hong Kong government 2020-06-26 · 003, Global Times 2021-07-02 · 004, +1": who
    states the value, by name and short id (JSON lists every figure)."""
    names = list(dict.fromkeys(document(f.evidence[0]) for f in point.figures if f.evidence))
    more = len(names) - shown
    return ", ".join(names[:shown] + ([f"+{more}"] if more > 0 else []))


def metrics_table(result: Result[Metric]) -> Table:
    """The metrics with their figure counts, periods and labels; one block per metric where
    the labels would be crushed to a word a line."""
    if narrow():
        blocks = []
        for m in result.items:
            block = Text(m.metric, style="bold")
            block.append(f" · {m.figures} {'figure' if m.figures == 1 else 'figures'}")
            if m.periods:
                block.append(f"\nperiods: {', '.join(m.periods)}", style="dim")
            block.append("\nlabels: ", style="dim")
            block.append(visible("; ".join(m.labels)))
            blocks.append(block)
        return stacked("metrics", blocks)
    table = Table(title="metrics", expand=True)
    table.add_column("metric", no_wrap=True)
    table.add_column("figures", justify="right", no_wrap=True)
    table.add_column("periods", ratio=1, min_width=16)
    table.add_column("labels", ratio=2, min_width=30)
    for m in result.items:
        table.add_row(m.metric, str(m.figures), ", ".join(m.periods),
                      Text(visible("; ".join(m.labels))))
    return table
