"""`tipcli add`: bring documents into the store (text, web pages, PDFs, URLs) and index them."""

from typing import TYPE_CHECKING, Annotated

import typer

from tipcli.cli.options import emit, output_options
from tipcli.cli.progress import progress_bar

if TYPE_CHECKING:  # the records are built only when a command runs
    from tipcli.results.documents import Change


@output_options
def add(
    # Plain strings, not typer's Path type: it stats each value itself and
    # crashes on a name holding a NUL; tipcli checks the paths in one place.
    inputs: Annotated[list[str], typer.Argument(
        help="Files (.txt, .md, .html, .htm, .pdf), directories (searched recursively) or "
        "http(s) URLs.", show_default=False)],
    title: Annotated[str | None, typer.Option("--title", help="Title of the document.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="Date, YYYY-MM-DD.")
                         ] = None,
    report_year: Annotated[str | None, typer.Option(
        "--report-year", help="Year of the TIP Report it speaks of. Default: the year its text "
        "names, else its title or URL, else its date (January-May: the year before)."
    )] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where it was published.")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Who wrote it.")] = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="Who it speaks for: report (US government text), news, government (a "
        "rated government's own statement) or other. Default: read from the document.",
        show_default=False)] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds to wait for a URL, in all.")] = 20.0,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show what would be added (metadata found, kind, report year, facts) "
        "and write nothing.")] = False,
    fmt: str = "table",
) -> int:
    """Add documents; what they say of themselves is read, and options win over it.

    A web page gives its article text and its title, date, site (the outlet), canonical URL
    and author; a PDF gives its text page by page (evidence carries the page), and the
    annual report is read narrative by narrative. The original page or PDF is kept beside
    the store. Re-adding the same content changes nothing, or only its metadata; re-adding
    a changed file from the same path or URL replaces it. Inside a directory, files that
    cannot be added are skipped with a reason.

    Examples:

      tipcli add article.txt --outlet Reuters --published 2024-06-25

      tipcli add saved-page.html

      tipcli add https://example.org/news/fiji-watch-list

      tipcli add ~/clippings/ --dry-run

      tipcli add ~/clippings/ --json
    """
    from tipcli import library
    from tipcli.documents import metadata_from_strings
    from tipcli.errors import EXIT_USAGE

    overrides = metadata_from_strings(
        {"title": title, "outlet": outlet, "published": published, "report_year": report_year,
         "url": url, "kind": kind, "author": author}, "options")
    if dry_run:
        preview = library.preview(inputs, overrides, timeout=timeout)
        code = emit(preview, fmt)
        if preview.items and all(row.action == "skip" for row in preview.items):
            return EXIT_USAGE  # as the add itself would: nothing could be added
        return code
    with progress_bar("adding") as progress:  # reading the inputs (a PDF's pages), indexing
        result = library.add(inputs, overrides, progress, timeout=timeout)
    code = emit(result, fmt)
    if len(result.items) > 1:
        _summary(result.items)
    if result.items and all(change.action == "skipped" for change in result.items):
        return EXIT_USAGE  # nothing in the directories could be added
    return code


def _summary(changes: "tuple[Change, ...]") -> None:
    """One line on stderr: how many of each action, and why files were skipped."""
    import sys
    from collections import Counter

    actions = Counter(c.action for c in changes)
    if not actions:
        return
    order = ("added", "replaced", "updated", "unchanged", "skipped")
    parts = [f"{actions[a]} {a}" for a in order if actions[a]]
    reasons = Counter((c.detail or "").split(" (")[0] for c in changes if c.action == "skipped")
    if reasons:
        parts[-1] += " (" + ", ".join(f"{n} {why}" for why, n in reasons.most_common()) + ")"
    sys.stderr.write("tipcli: " + ", ".join(parts) + "\n")
