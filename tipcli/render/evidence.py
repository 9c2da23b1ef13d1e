"""Evidence in tables: the sentence around the stating words, those words highlighted."""

from __future__ import annotations

from rich.text import Text

from tipcli.render.safe import visible
from tipcli.render.table import highlighted
from tipcli.results import Evidence

EVIDENCE_STYLE = "bold yellow"


def evidence_cell(evidence: tuple[Evidence, ...]) -> Text:
    out = Text()
    for i, ev in enumerate(evidence):
        if i:
            out.append("\n")
        if ev.context is not None:
            out.append_text(highlighted(ev.context.text, ev.context.start, [(ev.start, ev.end)],
                                        EVIDENCE_STYLE))
            date = ev.context.published or f"report {ev.context.report_year or '?'}"
        else:
            out.append("“" + visible(ev.text) + "”", style=EVIDENCE_STYLE)
            date = ""
        out.append(f"\n  {visible(ev.doc)} [{ev.start}:{ev.end}]" + (f" · {date}" if date else ""),
                   style="dim")
    return out
