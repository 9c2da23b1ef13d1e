"""`tipcli index`: check the store against the documents, or rebuild it."""

from typing import Annotated

import typer

from tipcli.cli.options import CsvFlag, JsonFlag, JsonlFlag, emit, output_format
from tipcli.cli.progress import progress_bar


def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build the store anew.")] = False,
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
) -> int:
    """Check every document file against the store (or rebuild it) and say where it is.

    The store is derived from the document files and is rebuilt automatically
    when they or tipcli's extraction change; this command forces it.

    Examples:

      tipcli index

      tipcli index --rebuild
    """
    from tipcli import library

    fmt = output_format(json_, jsonl, csv_)
    with progress_bar("indexing") as progress:
        result = library.reindex(rebuild, progress)
    return emit(result, fmt)
