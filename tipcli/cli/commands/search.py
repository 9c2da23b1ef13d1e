"""`tipcli search`: typo-tolerant ranked passages with highlighted matches."""

from typing import Annotated

import typer

from tipcli.cli import complete
from tipcli.cli.options import emit, output_options


@output_options
def search(
    words: Annotated[list[str], typer.Argument(
        help="Words to find, quoted or not; \"quote\" a phrase inside quotes.",
        show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most passages to show.")] = 10,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.",
                                            click_type=complete.DOCUMENT)] = None,
    year: Annotated[int | None, typer.Option("--year", help="Only this report year.")] = None,
    min_score: Annotated[float, typer.Option("--min-score", help="Lowest score (0-100) shown.")
                         ] = 60.0,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Correct nothing: every word as typed (a quoted phrase, in order).")
                     ] = False,
    fmt: str = "table",
) -> int:
    """Search every document's text (never page furniture), forgiving typos.

    Examples:

      tipcli search "domestic helpers"

      tipcli search domestik helpres --limit 3

      tipcli search --exact '"Free Press"'

      tipcli search '"tool of stigmatisation"' --json | jq '.[0].text'
    """
    from tipcli import queries
    from tipcli.upkeep import open_store

    query = " ".join(words)  # `tipcli search domestik helpres`: both words, as typed
    result = queries.search(open_store(), query, limit=limit, doc=doc, year=year,
                            min_score=min_score, exact=exact)
    return emit(result, fmt)
