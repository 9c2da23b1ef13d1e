"""`tipcli sources`: the documents behind every answer."""

from typing import Annotated

import typer

from tipcli.cli.options import emit, output_options


@output_options
def sources(
    year: Annotated[int | None, typer.Option(
        "--year", help="Only documents about this report year.", show_default=False)] = None,
    fmt: str = "table",
) -> int:
    """List every document: id, title, outlet, date, report year, duplicates.

    Examples:

      tipcli sources

      tipcli sources --year 2023

      tipcli sources --json | jq '.[] | select(.duplicate_of == null) | .doc'
    """
    from tipcli import queries
    from tipcli.facts.inputs import check_year
    from tipcli.upkeep import open_store

    check_year(year)
    return emit(queries.sources(open_store(), year), fmt)
