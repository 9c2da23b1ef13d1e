"""`tipcli remove`: take added documents out of the store."""

from typing import Annotated

import typer

from tipcli.cli import complete
from tipcli.cli.options import emit, output_options


@output_options
def remove(
    docs: Annotated[list[str], typer.Argument(
        help="Document ids, as 'tipcli sources' shows them, or the paths or URLs they were "
        "added from.", show_default=False, click_type=complete.ADDED_DOCUMENT)],
    fmt: str = "table",
) -> int:
    """Remove documents you added (seed documents stay); all or nothing.

    Every one is checked before any is removed: one unknown name removes none.

    Examples:

      tipcli remove article.txt

      tipcli remove article.txt fiji-watch-list.html
    """
    from tipcli import library

    return emit(library.remove(docs), fmt)
