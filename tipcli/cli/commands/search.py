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
    min_score: Annotated[float, typer.Option(
        "--min-score", help="Lowest score shown (0-100). 100: every word as typed, side by "
        "side in order; 90-99: as typed, apart; 80-89: some only corrected or in the "
        "plural or singular; below 80: some words missing.")
                         ] = 60.0,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Correct nothing: every word as typed (a quoted phrase, in order).")
                     ] = False,
    context: Annotated[int, typer.Option(
        "--context", "-C", help="Also show N passages of the document before and after each "
        "hit.", metavar="N")] = 0,
    count: Annotated[bool, typer.Option(
        "--count", "-c", help="Count the matching passages in each document, every match "
        "(not only --limit); most first.")] = False,
    files: Annotated[bool, typer.Option(
        "--files", "-l", help="Only the documents that match, one id a line, best match "
        "first.")] = False,
    fmt: str = "table",
) -> int:
    """Search every document's text (never page furniture), forgiving typos.

    A word the index lacks is corrected by at most one edit per five letters, its
    first letter kept (never a word of three letters, and one of four only by a
    dropped letter), and stderr says so. Hits match only the words searched for
    and their plural or singular.

    Examples:

      tipcli search "domestic helpers"

      tipcli search domestik helpres --limit 3

      tipcli search screening victims -C 1

      tipcli search "domestic helpers" --count

      tipcli search stigmatisation -l

      tipcli search --exact '"foreign domestic helpers"'

      tipcli search '"tool of stigmatisation"' --json | jq '.[0].text'
    """
    from tipcli import queries
    from tipcli.upkeep import open_store

    if count and files:
        from tipcli.errors import UsageProblem

        raise UsageProblem("choose one of --count and --files")
    query = " ".join(words)  # `tipcli search domestik helpres`: both words, as typed
    if count or files:
        per_document = queries.search_counts if count else queries.search_files
        return emit(per_document(open_store(), query, doc=doc, year=year, min_score=min_score,
                                 exact=exact), fmt)
    return emit(queries.search(open_store(), query, limit=limit, doc=doc, year=year,
                               min_score=min_score, exact=exact, context=context), fmt)
