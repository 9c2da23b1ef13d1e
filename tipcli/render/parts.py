"""What every table shares: escaped text, highlighted spans and evidence cells (imports no other
render module, so tables can all use it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
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


# Below this width a fact table would crush its evidence: one block per record reads better.
FACT_STACK_BELOW = 100
# The words shown either side of evidence in the compact view (the -v view shows it whole).
_SNIPPET_SIDE = 60


def narrow(below: int = FACT_STACK_BELOW) -> bool:
    return console().size.width < below


def stacked(title_text: str | None, blocks: Sequence[Text]) -> Table:
    """One block per record with a blank line between them, for narrow terminals."""
    grid = Table.grid(expand=True)
    grid.title = title_text
    grid.add_column(overflow="fold")
    for n, block in enumerate(blocks):
        if n:
            grid.add_row(Text(""))
        grid.add_row(block)
    return grid


def source_name(ev: Evidence) -> str:
    """How a reader cites a document: its outlet (short) and date, else its short id."""
    ctx = ev.context
    return cited_as(ev.outlet, ev.published, ctx.report_year if ctx else None,
                    ctx.short_doc if ctx else ev.doc)


def cited_as(outlet: str | None, published: str | None, report_year: int | None,
             fallback: str = "") -> str:
    """ "RTHK 2022-07-20": the outlet without its bracketed note (cut to 28 characters) and
    the date, or the report year; the fallback (a short id) when there is no outlet."""
    name = (outlet or "").split(" (")[0].strip()
    if len(name) > 28:
        name = name[:27].rstrip() + "…"
    date = published or (f"report {report_year}" if report_year else "")
    return visible(f"{name or fallback} {date}".strip())


def sources_line(evidence: Sequence[Evidence], count: int | None = None, shown: int = 2) -> str:
    """ "3 sources: RTHK 2022-07-20, SCMP 2023-06-16, +1": the first count articles (the
    evidence puts those behind a verdict first), versions of one article once."""
    names: dict[str, str] = {}
    for ev in evidence:
        names.setdefault(article(ev), source_name(ev))
    count = len(names) if count is None else count
    listed = list(dict.fromkeys(list(names.values())[:count]))[:shown]
    more = count - len(listed)
    noun = "source" if count == 1 else "sources"
    return f"{count} {noun}: " + ", ".join(listed + ([f"+{more}"] if more > 0 else []))


def article(ev: Evidence) -> str:
    """The document whose versions (syndicated copies, updates) this evidence is in."""
    return ev.article


def where(ev: Evidence, named: bool = True) -> str:
    """ "RTHK 2022-07-20 · 002 [683:726]": the document and the offsets of the words (without
    the outlet and date when the row names them already)."""
    page = f" p. {ev.page}" if ev.page else ""
    return f"{document(ev) if named else _short(ev)}{page} [{ev.start}:{ev.end}]"


def document(ev: Evidence) -> str:
    """ "RTHK 2022-07-20 · 002": the source by name and the document by its short id (once,
    when the name is the short id)."""
    short, name = _short(ev), source_name(ev)
    return name if name.startswith(short) else f"{name} · {short}"


def evidence_cell(evidence: Sequence[Evidence], full: bool = False, named: bool = True) -> Text:
    """The best evidence (the first) as a snippet around its words, and where it stands;
    with full, every piece of evidence in its whole passage. named: say the outlet and date
    (a table whose sources column names them already need not)."""
    out = Text()
    if full:
        # Versions of one article repeat its sentences: each passage once, with every
        # place it stands.
        seen: dict[tuple[str, str, str], list[Evidence]] = {}
        for ev in evidence:
            words = ev.context.text if ev.context and ev.context.text else ev.text
            seen.setdefault((ev.article, " ".join(words.split()), ev.text), []).append(ev)
        for i, (first, *copies) in enumerate(seen.values()):
            if i:
                out.append("\n")
            out.append_text(_passage(first, clip=False))
            inferred = " · the tier inferred from these words" if first.basis == "inferred" else ""
            also = "".join(f" · also {_short(ev)} [{ev.start}:{ev.end}]" for ev in copies)
            out.append("\n  " + where(first) + also + inferred, style="dim")
        return out
    if not evidence:
        return out
    best = evidence[0]
    out.append_text(_passage(best, clip=True))
    versions = list(dict.fromkeys(_short(ev) for ev in evidence[1:]
                                  if article(ev) == article(best) and ev.doc != best.doc))
    also = f" · also in {', '.join(versions)}" if versions else ""
    out.append("\n  " + where(best, named) + also, style="dim")
    others = {article(ev) for ev in evidence} - {article(best)}
    # A stated tier's row counts the sources that state it; one that only implies it is
    # named apart, so "1 source" and "+1 more" never seem to disagree.
    inferring: set[str] = set()
    if best.basis == "stated":
        stating = {article(ev) for ev in evidence if ev.basis != "inferred"}
        inferring = others - stating
    more = []
    if n := len(others - inferring):
        more.append(f"+{n} more {'source' if n == 1 else 'sources'}")
    if n := len(inferring):
        more.append(f"+{n} {'source that infers' if n == 1 else 'sources that infer'} it")
    if more:
        out.append(f"\n  {', '.join(more)} (-v shows all)", style="dim")
    return out


def _short(ev: Evidence) -> str:
    return visible(ev.context.short_doc if ev.context else ev.doc)


def _passage(ev: Evidence, clip: bool) -> Text:
    ctx = ev.context
    if ctx is None or ctx.start is None:
        return Text("“" + visible(ev.text) + "”", style=EVIDENCE_STYLE)
    text, base = ctx.text, ctx.start
    if clip:
        lo = max(0, ev.start - base - _SNIPPET_SIDE)
        hi = min(len(text), ev.end - base + _SNIPPET_SIDE)
        if lo > 0:
            lo = min(text.find(" ", lo) + 1 or lo, ev.start - base)  # start at a word
        if hi < len(text):
            hi = text.rfind(" ", 0, hi) if text.rfind(" ", ev.end - base, hi) > 0 else hi
        out = Text("…" if lo > 0 else "")
        out.append_text(highlighted(text[lo:hi], base + lo, [(ev.start, ev.end)], EVIDENCE_STYLE))
        if hi < len(text):
            out.append("…")
        return out
    return highlighted(text, base, [(ev.start, ev.end)], EVIDENCE_STYLE)
