"""The quotes view: speaker, date, the words, and where they stand (one block each when the
terminal is narrow)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tipcli.render.parts import evidence_cell, narrow, stacked, title, visible
from tipcli.results import Result
from tipcli.results.quotes import Quote


def quotes_table(result: Result[Quote]) -> Table:
    if narrow():
        return stacked(title(result), [_block(q, result.full) for q in result.items])
    table = Table(title=title(result), show_lines=True, expand=True)
    table.add_column("speaker", ratio=1, min_width=14)
    table.add_column("quote", ratio=3, min_width=24)
    for q in result.items:
        table.add_row(_speaker(q, result.full), _words(q, result.full))
    return table


def _speaker(q: Quote, full: bool) -> Text:
    who = Text(visible(q.speaker), style="bold")
    if q.speaker_title:
        who.append(f"\n{visible(q.speaker_title)}")
    if full and q.speaker_as_written and q.speaker_as_written != q.speaker:
        who.append(f"\nas written: {visible(q.speaker_as_written)}", style="dim italic")
    date = q.published or f"report {q.year or '?'}"
    who.append(f"\n{q.speaker_kind} · {date}", style="dim")
    return who


def _words(q: Quote, full: bool) -> Text:
    words = Text("(phrase) " if q.form == "phrase" else "", style="dim")
    words.append_text(evidence_cell(q.evidence, full))
    return words


def _block(q: Quote, full: bool) -> Text:
    block = _speaker(q, full)
    block.append("\n")
    block.append_text(_words(q, full))
    return block
