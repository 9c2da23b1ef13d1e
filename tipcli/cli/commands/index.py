"""`tipcli index`: check the store against the documents, or rebuild it."""

from typing import Annotated

import typer

from tipcli.cli.options import emit, output_options
from tipcli.cli.progress import progress_bar


@output_options
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build the store anew.")] = False,
    fmt: str = "table",
) -> int:
    """Check every document file against the store (or rebuild it) and say where it is.

    The store is derived from the document files and is rebuilt automatically
    when they or tipcli's extraction change; this command forces it.

    Examples:

      tipcli index

      tipcli index --rebuild
    """
    from tipcli import library

    with progress_bar("indexing") as progress:
        result = library.reindex(rebuild, progress)
    return emit(result, fmt)
