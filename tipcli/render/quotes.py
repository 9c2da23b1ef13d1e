"""The quotes table: speaker, date, the words, and where they stand."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tipcli.render.parts import evidence_cell, title, visible
from tipcli.results import Result
from tipcli.results.quotes import Quote


def quotes_table(result: Result[Quote]) -> Table:
    table = Table(title=title(result), show_lines=True,
                  expand=True)
    table.add_column("speaker", ratio=1)
    table.add_column("quote", ratio=3)
    for q in result.items:
        who = Text(visible(q.speaker), style="bold")
        if q.speaker_title:
            who.append(f"\n{visible(q.speaker_title)}")
        if q.speaker_as_written and q.speaker_as_written != q.speaker:
            who.append(f"\nas written: {visible(q.speaker_as_written)}", style="dim italic")
        who.append(f"\n{q.speaker_kind}", style="dim")
        who.append(f"\n{q.published or ''} · report {q.year or '?'}", style="dim")
        words = Text("(phrase) " if q.form == "phrase" else "", style="dim")
        words.append_text(evidence_cell(q.evidence))
        table.add_row(who, words)
    return table
