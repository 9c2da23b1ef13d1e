"""`tipcli sources`: the documents behind every answer."""

from tipcli.cli.options import emit, output_options


@output_options
def sources(fmt: str = "table") -> int:
    """List every document: id, title, outlet, date, report year, duplicates.

    Examples:

      tipcli sources

      tipcli sources --json | jq '.[] | select(.duplicate_of == null) | .doc'
    """
    from tipcli import queries
    from tipcli.upkeep import open_store

    return emit(queries.sources(open_store()), fmt)
