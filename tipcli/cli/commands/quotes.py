"""`tipcli quotes`: who said what, with the date, the source and the quoted words."""

from typing import Annotated

import typer

from tipcli.cli.options import EvidenceFlag, emit, output_options


@output_options
def quotes(
    query: Annotated[str | None, typer.Argument(
        help="Words in the quote (forgiving).", show_default=False)] = None,
    speaker: Annotated[str | None, typer.Option(
        "--speaker", "-s", help="Who said it (forgiving): 'foreign affairs office', 'report'.",
        show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", help="Report year.",
                                             show_default=False)] = None,
    statements: Annotated[bool, typer.Option(
        "--statements", help="Only full statements, not phrases quoted inside a sentence.")
    ] = False,
    evidence: EvidenceFlag = False,
    fmt: str = "table",
) -> int:
    """Quoted statements with speaker, date and source; versions of one article merged.

    Examples:

      tipcli quotes --speaker "foreign affairs office"

      tipcli quotes "tool of stigmatisation" -v

      tipcli quotes "prevalent problem" --year 2022

      tipcli quotes --statements --json | jq -r '.[] | "\\(.speaker): \\(.text)"'
    """
    from tipcli.facts import inputs
    from tipcli.facts import quotes as answers
    from tipcli.upkeep import open_store

    inputs.check_year(year)
    result = answers.quotes(open_store(), query, speaker, year, not statements)
    return emit(result._replace(full=evidence), fmt)
