"""Tables for search hits, sources and changes."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from tipcli.render.parts import (
    cell,
    cited_as,
    console,
    highlighted,
    narrow,
    stacked,
    title,
    visible,
)
from tipcli.results import Result
from tipcli.results.documents import Change, DocCount, DocMatch, Hit, Passage, Preview, Source

# A passage narrower than this reads a few words a line: one block per hit reads better.
_PASSAGE_MIN = 40


def hits_table(result: Result[Hit]) -> Table:
    from tipcli.docids import readable_part

    # The document column holds every id whole (a cut id cannot be typed back).
    widest = max((cell_len(visible(readable_part(d))) for hit in result.items
                  for d in (hit.doc, *hit.also_in)), default=0)
    width = console().size.width
    # A fifth of what the score leaves, up to 26 columns (a ratio column would not keep the
    # least width an id needs, and would cut it with "…").
    doc_width = max(widest, min(26, (width - 10) // 5))
    shown = _shown(result)
    if narrow(80) or width - doc_width - 14 < _PASSAGE_MIN:
        return stacked(title(result), [_hit_block(hit, shown) for hit in result.items])
    table = Table(title=title(result), show_lines=True, expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("document", width=doc_width)
    table.add_column("passage", ratio=4)
    for hit in result.items:
        where = Text(visible(readable_part(hit.doc)), style="cyan")
        where.append(f" [{hit.start}:{hit.end}]", style="dim")
        named = _hit_source(hit)
        if named:
            where.append("\n" + named, style="dim")
        if hit.also_in:
            where.append("\n" + _also_in(hit), style="dim")
        table.add_row(f"{hit.score:.0f}", where, _in_context(hit, shown))
    return table


def _hit_source(hit: Hit) -> str:
    return cited_as(hit.outlet, hit.published, hit.report_year)


def _also_in(hit: Hit) -> str:
    from tipcli.docids import readable_part

    return "also in " + ", ".join(visible(readable_part(d)) for d in hit.also_in)


def _shown(result: Result[Hit]) -> set[tuple[str, int]]:
    """The passages printed as hits: as context of another hit they are named, not
    printed again (as ripgrep prints a line once however many matches it is context of)."""
    return {(hit.doc, hit.start) for hit in result.items}


def _hit_block(hit: Hit, shown: set[tuple[str, int]]) -> Text:
    """ "score 100 · 000 [5081:5283] · SCMP 2023-06-16", then the passage: the score named,
    so that it never reads as one number with a short id ("100 000")."""
    from tipcli.docids import readable_part

    block = Text("score ", style="dim")
    block.append(f"{hit.score:.0f}", style="bold")
    block.append(" · ", style="dim")
    block.append(visible(readable_part(hit.doc)), style="cyan")
    named = _hit_source(hit)
    block.append(f" [{hit.start}:{hit.end}]" + (f" · {named}" if named else ""), style="dim")
    if hit.also_in:
        block.append("\n" + _also_in(hit), style="dim")
    block.append("\n")
    block.append_text(_in_context(hit, shown))
    return block


def _in_context(hit: Hit, shown: set[tuple[str, int]]) -> Text:
    """The hit's passage, its words highlighted, between its context (search -C), dimmed."""
    passage = highlighted(hit.text, hit.start, hit.matches)
    if not hit.before and not hit.after:
        return passage
    out = Text()
    if hit.before:
        out.append(_passages(hit.doc, hit.before, shown) + "\n", style="dim")
    out.append_text(passage)
    if hit.after:
        out.append("\n" + _passages(hit.doc, hit.after, shown), style="dim")
    return out


def _passages(doc: str, passages: tuple[Passage, ...], shown: set[tuple[str, int]]) -> str:
    return " ".join(f"[{p.start}:{p.end}, a hit shown apart]" if (doc, p.start) in shown
                    else visible(p.text) for p in passages)


def counts_table(result: Result[DocCount]) -> Table:
    """Hits per document; one block per document where the document column could not hold
    an id whole (hits, best and year take 25 columns with the borders)."""
    widest = max((cell_len(visible(row.doc)) for row in result.items), default=0)
    if console().size.width - 25 < widest:
        return stacked(title(result), [_count_block(row) for row in result.items])
    table = Table(title=title(result), expand=True)
    table.add_column("hits", justify="right", no_wrap=True)
    table.add_column("best", justify="right", no_wrap=True)
    table.add_column("document", ratio=4)
    table.add_column("year", justify="right", no_wrap=True)
    for row in result.items:
        about = Text(visible(row.doc), style="cyan")
        if byline := _byline(row):
            about.append("\n" + byline, style="dim")
        table.add_row(str(row.hits), f"{row.best_score:.0f}", about, cell(row.report_year))
    return table


def _byline(row: DocCount) -> str:
    return " · ".join(visible(v) for v in (row.title, row.outlet, row.published) if v)


def _count_block(row: DocCount) -> Text:
    block = Text(visible(row.doc), style="cyan")
    noun = "hit" if row.hits == 1 else "hits"
    year = f" · report {row.report_year}" if row.report_year else ""
    block.append(f"\n{row.hits} {noun} · best score {row.best_score:.0f}{year}")
    if byline := _byline(row):
        block.append("\n" + byline, style="dim")
    return block


def files_list(result: Result[DocMatch]) -> list[Text]:
    """One document id a line and nothing else, as `rg -l` prints paths."""
    return [Text(visible(row.doc), no_wrap=True) for row in result.items]


# Below this width a sources table would crush its title and outlet: a list reads better.
STACK_BELOW = 110
# The title column's least width: less, and a title or an id in it wraps a word a line.
_ABOUT_MIN = 30
# What the table needs besides the doc and title columns: published (10), year (4),
# kind · input (up to 17), and the borders and padding of five columns.
_SOURCES_FIXED = 47


def sources_table(result: Result[Source]) -> Table:
    """The documents: the short id (what a DOC argument takes) above the full id, never
    split; a list, one block per document, where the ids and titles do not fit."""
    widest = max((cell_len(visible(src.doc)) for src in result.items), default=0)
    width = console().size.width
    if width < STACK_BELOW or width - widest - _SOURCES_FIXED < _ABOUT_MIN:
        return _sources_stacked(result)
    table = Table(title=title(result), expand=True)
    table.add_column("doc", no_wrap=True)
    table.add_column("title · outlet", ratio=1, min_width=_ABOUT_MIN)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("year", justify="right", no_wrap=True)
    table.add_column("kind · input", no_wrap=True)
    shorts = _short_ids(result)
    for src in result.items:
        table.add_row(_ids(src, "\n"), _about(src, shorts), cell(src.published),
                      cell(src.report_year), cell(f"{src.kind} · {src.input}"))
    return table


def _ids(src: Source, between: str) -> Text:
    """ "000" (bold: what to type) and "000_9de49e92cb8ba1bd.txt" (the whole id)."""
    ids = Text(visible(src.short_id), style="bold cyan")
    ids.append(between + visible(src.doc), style="cyan")
    return ids


def _short_ids(result: Result[Source]) -> dict[str, str]:
    return {src.doc: src.short_id for src in result.items}


def _about(src: Source, shorts: dict[str, str]) -> Text:
    """Title, then outlet, author, size and the version it duplicates (by its short id
    when it is listed too), dimmed."""
    about = Text(visible(src.title or "(no title)"))
    extra = [visible(v) for v in (src.outlet, src.author) if v]
    extra.append(f"{src.chars:,} chars" + (f", {src.pages} pages" if src.pages else ""))
    if src.duplicate_of:
        extra.append("duplicate of " + visible(shorts.get(src.duplicate_of, src.duplicate_of)))
    about.append("\n" + " · ".join(extra), style="dim")
    return about


def _sources_stacked(result: Result[Source]) -> Table:
    """One block per source, for narrow terminals: no column is ever crushed."""
    table = Table.grid(expand=True)
    table.title = title(result)
    table.add_column(overflow="fold")
    shorts = _short_ids(result)
    for n, src in enumerate(result.items):
        if n:
            table.add_row(Text(""))  # a blank line between blocks
        block = _ids(src, " · ")
        dated = " · ".join(str(v) for v in (src.published, src.report_year and
                                             f"report {src.report_year}") if v)
        block.append(f"\n{src.kind} · {src.input}" + (f" · {dated}" if dated else ""),
                     style="dim")
        block.append("\n")
        block.append_text(_about(src, shorts))
        table.add_row(block)
    return table


def previews_table(result: Result[Preview]) -> Table:
    table = Table(title="add --dry-run: nothing is written", expand=True)
    table.add_column("doc", overflow="fold", style="cyan", ratio=2)
    table.add_column("would", no_wrap=True)
    table.add_column("found", ratio=3)
    table.add_column("kind", no_wrap=True)
    table.add_column("year", no_wrap=True)
    table.add_column("facts", no_wrap=True)
    for row in result.items:
        if row.action == "skip":
            table.add_row(cell(row.doc), "skip", Text(visible(row.detail or ""), style="dim"),
                          "", "", "")
            continue
        found = Text(visible(row.title or "(no title)"))
        byline = " · ".join(visible(v) for v in (row.outlet, row.published, row.author) if v)
        found.append("\n" + (byline or "no outlet, date or author found"), style="dim")
        if row.url:
            found.append("\n" + visible(row.url), style="dim")
        year = f"{row.report_year or '?'} ({row.report_year_from})"
        facts = (f"{row.ratings} ratings\n{row.figures} figures\n{row.quotes} quotes"
                 + (f"\n{row.pages} pages" if row.pages else ""))
        table.add_row(cell(row.doc), row.action, found, f"{row.kind} · {row.input}", year, facts)
    return table


def changes_table(result: Result[Change]) -> Table:
    table = Table(title=title(result))
    for name in ("doc", "action", "detail"):
        table.add_column(name, overflow="fold")
    for change in result.items:
        table.add_row(cell(change.doc), cell(change.action), cell(change.detail))
    return table
