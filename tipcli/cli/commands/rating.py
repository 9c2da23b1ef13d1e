"""`tipcli rating`: the tier a TIP Report gave a jurisdiction, with the words that state it."""

from typing import Annotated

import typer

from tipcli.cli import complete
from tipcli.cli.options import EvidenceFlag, emit, output_options


@output_options
def rating(
    year: Annotated[int | None, typer.Argument(
        help="Year the TIP Report was published (e.g. 2022); omit for every year.",
        show_default=False)] = None,
    jurisdiction: Annotated[list[str] | None, typer.Option(
        "--jurisdiction", "-j", help="Place (Hong Kong, Macau, China, ...), several (-j "
        "repeated, or a comma list), or 'all'. Default: Hong Kong.", show_default=False,
        click_type=complete.JURISDICTION)] = None,
    report_year: Annotated[int | None, typer.Option(
        "--year", help="Report year, as on every command (the same as YEAR).",
        show_default=False)] = None,
    evidence: EvidenceFlag = False,
    fmt: str = "table",
) -> int:
    """Tier ratings by report year, each with its evidence; conflicts are flagged.

    YEAR is the year the report was published (the 2023 report covers 2022).
    Each row names its sources and shows the best evidence (-v: all of it).
    Without YEAR, every known year is charted: one place on the tier ladder,
    several in one matrix (jurisdictions down, report years across).

    Examples:

      tipcli rating 2022

      tipcli rating --year 2023 -j "mainland china"

      tipcli rating -j "Hong Kong,Macau,China"

      tipcli rating --jurisdiction all

      tipcli rating 2023 -j macao --json | jq '.[].tier'
    """
    from tipcli.facts import inputs
    from tipcli.facts import ratings as answers
    from tipcli.upkeep import open_store

    if year is not None and report_year is not None and year != report_year:
        from tipcli.errors import UsageProblem

        raise UsageProblem(f"YEAR {year} and --year {report_year} disagree", "give one of them")
    year = year if year is not None else report_year
    inputs.check_year(year)
    result = answers.ratings(open_store(), year, jurisdiction)
    return emit(result._replace(full=evidence), fmt)
