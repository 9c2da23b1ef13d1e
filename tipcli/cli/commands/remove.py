"""`tipcli remove`: take an added document out of the store."""

from typing import Annotated

import typer

from tipcli.cli.options import emit, output_options


@output_options
def remove(
    doc: Annotated[str, typer.Argument(help="The document id, as 'tipcli sources' shows it.")],
    fmt: str = "table",
) -> int:
    """Remove a document you added (seed documents stay).

    Examples:

      tipcli remove article.txt
    """
    from tipcli import library

    return emit(library.remove(doc), fmt)
