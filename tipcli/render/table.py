"""Rich tables for the terminal; document text is shown as plain, escaped text, never markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tipcli.render.safe import visible
from tipcli.results import Change, Hit, Result, Source

MATCH_STYLE = "bold yellow"


def console() -> Console:
    # markup/emoji/highlight off: nothing in the data is ever interpreted.
    return Console(highlight=False, markup=False, emoji=False)


def highlighted(text: str, base: int, spans: Sequence[Sequence[int]], style: str = MATCH_STYLE,
                ) -> Text:
    """text (which starts at file offset base) with the given file spans styled."""
    out = Text()
    cursor = 0
    for start, end in sorted((s - base, e - base) for s, e in spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        out.append(visible(text[cursor:start]))
        out.append(visible(text[start:end]), style=style)
        cursor = end
    out.append(visible(text[cursor:]))
    return out


def cell(value: object) -> Text:
    return Text("" if value is None else visible(str(value)))


def _hits(result: Result[Hit]) -> Table:
    table = Table(title=_title(result), show_lines=True, expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("document", no_wrap=True)
    table.add_column("passage", ratio=4)
    for hit in result.items:
        where = Text(visible(hit.doc), style="cyan")
        where.append(f"\n{hit.report_year or ''} · {visible((hit.outlet or '')[:24])}", style="dim")
        where.append(f"\n[{hit.start}:{hit.end}]", style="dim")
        if hit.also_in:
            where.append("\nalso in " + ", ".join(visible(d) for d in hit.also_in), style="dim")
        table.add_row(f"{hit.score:.0f}", where, highlighted(hit.text, hit.start, hit.matches))
    return table


def _sources(result: Result[Source]) -> Table:
    table = Table(title=_title(result), expand=True)
    table.add_column("doc", no_wrap=True, style="cyan")
    table.add_column("title", ratio=3)
    table.add_column("outlet", ratio=2)
    table.add_column("published", no_wrap=True)
    table.add_column("year", justify="right", no_wrap=True)
    table.add_column("duplicate of", no_wrap=True)
    table.add_column("chars", justify="right", no_wrap=True)
    for src in result.items:
        table.add_row(cell(src.doc), cell(src.title), cell(src.outlet), cell(src.published),
                      cell(src.report_year), cell(src.duplicate_of), cell(src.chars))
    return table


def _changes(result: Result[Change]) -> Table:
    table = Table(title=_title(result))
    for name in ("doc", "action", "detail"):
        table.add_column(name, overflow="fold")
    for change in result.items:
        table.add_row(cell(change.doc), cell(change.action), cell(change.detail))
    return table


def _title(result: Result[Any]) -> str | None:
    return " · ".join(visible(n) for n in result.notes) or None


TABLES: dict[str, Callable[[Any], Any]] = {
    "hits": _hits, "sources": _sources, "changes": _changes,
}


def _ratings(result: Result[Any]) -> Any:
    from tipcli.render.ratings import ratings_table

    return ratings_table(result)


def _figures(result: Result[Any]) -> Any:
    from tipcli.render.figures import figures_table

    return figures_table(result)


def _metrics(result: Result[Any]) -> Any:
    from tipcli.render.figures import metrics_table

    return metrics_table(result)


def _quotes(result: Result[Any]) -> Any:
    from tipcli.render.quotes import quotes_table

    return quotes_table(result)


TABLES.update(ratings=_ratings, figures=_figures, metrics=_metrics, quotes=_quotes)


def render_table(result: Result[Any]) -> None:
    builder = TABLES[result.kind]
    out = console()
    rendered = builder(result)
    for part in rendered if isinstance(rendered, list) else [rendered]:
        out.print(part)
