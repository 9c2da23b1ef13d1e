"""`tipcli add`: copy .txt/.md documents into the store and index them."""

from pathlib import Path
from typing import Annotated

import typer

from tipcli.cli.options import emit, output_options
from tipcli.cli.progress import progress_bar


@output_options
def add(
    # Plain strings, not typer's Path type: it stats each value itself and
    # crashes on a name holding a NUL; tipcli checks the paths in one place.
    paths: Annotated[list[str], typer.Argument(help="Files or directories (searched recursively).",
                                               show_default=False)],
    title: Annotated[str | None, typer.Option("--title", help="Title of the document.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="Date, YYYY-MM-DD.")
                         ] = None,
    report_year: Annotated[str | None, typer.Option(
        "--report-year", help="Year of the TIP Report it speaks of. Default: the year its text "
        "names, else its title or URL, else its date (January-May: the year before)."
    )] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where it was published.")] = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="Who it speaks for: report (US government text), news, government (a "
        "rated government's own statement) or other. Default: read from the document.",
        show_default=False)] = None,
    fmt: str = "table",
) -> int:
    """Add documents; front matter (--- key: value ---) is read, options win over it.

    The text is copied into the store, so the original may move or vanish.
    Re-adding the same content changes nothing; a different file with a
    name already taken is stored as NAME~HASH.txt.

    Examples:

      tipcli add article.txt --outlet Reuters --published 2024-06-25

      tipcli add ~/clippings/ --json
    """
    from tipcli import library
    from tipcli.documents import metadata_from_strings

    overrides = metadata_from_strings(
        {"title": title, "outlet": outlet, "published": published, "report_year": report_year,
         "url": url, "kind": kind}, "options")
    with progress_bar("indexing") as progress:
        result = library.add([Path(p) for p in paths], overrides, progress)
    return emit(result, fmt)
