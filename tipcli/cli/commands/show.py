"""`tipcli show`: a document's text, or a span or a fact's evidence where it stands."""

from typing import Annotated

import typer

from tipcli.cli import complete
from tipcli.cli.options import emit, output_options


@output_options
def show(
    target: Annotated[str, typer.Argument(
        metavar="DOC|FACT_ID",
        help="A document (its id, short id or a unique prefix, as 'tipcli sources' shows "
        "it), or a fact id: a rating's (hong-kong/2022), a figure's or a quote's (DOC:OFFSET).",
        show_default=False, click_type=complete.DOCUMENT)],
    at: Annotated[str | None, typer.Option(
        "--at", metavar="START:END",
        help="Show the sentences around this span of DOC (character offsets).",
        show_default=False)] = None,
    context: Annotated[int | None, typer.Option(
        "--context", "-C", metavar="N",
        help="Also show N sentences before and after the span (default 0).",
        show_default=False)] = None,
    cite: Annotated[bool, typer.Option(
        "--cite", help="Print a citation line to paste: outlet, title, date, URL and the "
        "quoted words.")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Do not page the output through $PAGER.")] = False,
    fmt: str = "table",
) -> int:
    """Read a document where it stands: furniture dimmed, every fact's words highlighted.

    With --at START:END, or a fact id, the sentences around the words, and where they are.
    On a terminal the output is paged with $PAGER (less by default), as git does.

    Examples:

      tipcli show 002

      tipcli show 002 --at 683:726 -C 1

      tipcli show hong-kong/2022 --cite

      tipcli show 003:1489 --json | jq '.[0].context'
    """
    from tipcli.cli.pager import paged
    from tipcli.excerpts import show as excerpts
    from tipcli.upkeep import open_store

    result = excerpts(open_store(), target, at=at, context=context, cite=cite)
    with paged(fmt == "table" and not no_pager):
        return emit(result, fmt)
