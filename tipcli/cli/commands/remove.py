"""`tipcli remove`: take an added document out of the store."""

from typing import Annotated

import typer

from tipcli.cli.options import CsvFlag, JsonFlag, JsonlFlag, emit, output_format


def remove(
    doc: Annotated[str, typer.Argument(help="The document id, as 'tipcli sources' shows it.")],
    json_: JsonFlag = False,
    jsonl: JsonlFlag = False,
    csv_: CsvFlag = False,
) -> int:
    """Remove a document you added (seed documents stay).

    Examples:

      tipcli remove article.txt
    """
    from tipcli import library

    fmt = output_format(json_, jsonl, csv_)
    return emit(library.remove(doc), fmt)
