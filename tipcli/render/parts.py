"""What every table shares: escaped text, highlighted spans and evidence cells (imports no other
render module, so tables can all use it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from tipcli.lexicon.characters import TERMINAL_UNSAFE, escapes
from tipcli.results import Evidence, Result

MATCH_STYLE = "bold yellow"
EVIDENCE_STYLE = "bold yellow"
_ESCAPES = escapes(TERMINAL_UNSAFE, short=True)


def console() -> Console:
    # markup/emoji/highlight off: nothing in the data is ever interpreted.
    return Console(highlight=False, markup=False, emoji=False)


def visible(text: str) -> str:
    """Replace control, escape and bidi-override characters with \\xNN / \\uNNNN text.

    Tabs stay; newlines become spaces so that one record stays one row.
    """
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text.translate(_ESCAPES)


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


def title(result: Result[Any]) -> str | None:
    return " · ".join(visible(n) for n in result.notes) or None


def evidence_cell(evidence: tuple[Evidence, ...]) -> Text:
    """Each piece of evidence: the sentence around it with its words highlighted, and where."""
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
        page = f" p. {ev.page}" if ev.page else ""
        out.append(f"\n  {visible(ev.doc)}{page} [{ev.start}:{ev.end}]"
                   + (f" · {date}" if date else ""), style="dim")
    return out
