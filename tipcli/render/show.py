"""`show` on a terminal: a document's text as it stands, furniture dimmed and evidence
highlighted, under a line naming the document; and citation lines. The text is escaped,
never read as markup or terminal codes."""

from __future__ import annotations

from itertools import pairwise

from rich.text import Text

from tipcli.lexicon.characters import TERMINAL_UNSAFE, escapes
from tipcli.render.parts import EVIDENCE_STYLE, visible
from tipcli.results import Result
from tipcli.results.show import Citation, Excerpt

FURNITURE_STYLE = "dim"
# Control, escape and bidi characters as visible \xNN / \uNNNN; newlines and tabs stay, so
# the text keeps its lines.
_ESCAPES = escapes(TERMINAL_UNSAFE, short=True)


def shown(text: str) -> str:
    """Document text safe for a terminal, its line breaks kept."""
    return text.replace("\r\n", "\n").translate(_ESCAPES)


def body(excerpt: Excerpt) -> Text:
    """The excerpt's context: furniture dimmed, highlights in the evidence style (a
    highlight wins where the two meet)."""
    base, length = excerpt.context_start, len(excerpt.context)
    kinds = [[(max(s - base, 0), min(e - base, length)) for s, e in spans]
             for spans in (excerpt.furniture, excerpt.highlights)]
    cuts = sorted({0, length, *(edge for spans in kinds for span in spans for edge in span)})
    cuts = [c for c in cuts if 0 <= c <= length]
    index = {cut: i for i, cut in enumerate(cuts)}
    covered = []
    for spans in kinds:  # how many spans of each kind cover each piece between cuts
        change = [0] * len(cuts)
        for start, end in spans:
            if start < end:
                change[index[start]] += 1
                change[index[end]] -= 1
        running, depth = 0, []
        for step in change:
            running += step
            depth.append(running)
        covered.append(depth)
    out = Text()
    for i, (start, end) in enumerate(pairwise(cuts)):
        style = EVIDENCE_STYLE if covered[1][i] else FURNITURE_STYLE if covered[0][i] else ""
        out.append(shown(excerpt.context[start:end]), style=style)
    out.rstrip()
    return out


def header(excerpt: Excerpt) -> Text:
    """Outlet · title · date · URL · short id."""
    line = Text()
    parts: list[tuple[str, str]] = []
    if excerpt.outlet:
        parts.append((excerpt.outlet, "bold"))
    if excerpt.title:
        parts.append((excerpt.title, "bold"))
    if excerpt.published:
        parts.append((excerpt.published, ""))
    if excerpt.url:
        parts.append((excerpt.url, "underline"))
    parts.append((excerpt.short_id, "cyan"))
    for i, (value, style) in enumerate(parts):
        if i:
            line.append(" · ", style="dim")
        line.append(visible(value), style=style)
    return line


def where(excerpt: Excerpt) -> Text:
    """Where the span stands: the short id, [start:end], the page of a PDF."""
    page = f" · p. {excerpt.page}" if excerpt.page else ""
    return Text(f"{visible(excerpt.short_id)} [{excerpt.start}:{excerpt.end}]{page}",
                style="dim")


def excerpts_table(result: Result[Excerpt]) -> list[object]:
    parts: list[object] = []
    for i, excerpt in enumerate(result.items):
        if i:
            parts.append(Text(""))
        if excerpt.fact:
            about = Text(visible(excerpt.fact), style="bold")
            if excerpt.about:
                about.append(f" · {visible(excerpt.about)}")
            parts.append(about)
        parts.append(header(excerpt))
        if excerpt.start is None:
            parts.append(Text(""))
        parts.append(body(excerpt))
        if excerpt.start is not None:
            parts.append(where(excerpt))
    return parts


class OneLine(Text):
    """Text printed as one line however wide: never wrapped or cropped (render/table.py)."""

    soft_wrap = True


def citations_table(result: Result[Citation]) -> list[object]:
    """One line each, so that it pastes as one line."""
    return [OneLine(visible(c.citation)) for c in result.items]
