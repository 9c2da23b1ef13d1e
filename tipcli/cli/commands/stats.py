"""`tipcli stats`: stated figures by metric and period, each with its evidence."""

from typing import Annotated

import typer

from tipcli.cli import complete
from tipcli.cli.options import EvidenceFlag, emit, output_options


@output_options
def stats(
    period: Annotated[str | None, typer.Argument(
        help="What the figure counts, as stated: 2019, 2019-20 ...", show_default=False)] = None,
    metric: Annotated[str | None, typer.Option(
        "--metric", "-m", help="Metric, matched forgivingly ('screenings').",
        show_default=False, click_type=complete.METRIC)] = None,
    jurisdiction: Annotated[str | None, typer.Option(
        "--jurisdiction", "-j", help="Only this place.", show_default=False,
        click_type=complete.JURISDICTION)] = None,
    counted: Annotated[str | None, typer.Option(
        "--period", "-p", help="The year counted, as PERIOD (which is its shortcut).",
        show_default=False)] = None,
    report_year: Annotated[int | None, typer.Option(
        "--year", help="Report year (PERIOD is the year counted).", show_default=False)] = None,
    list_metrics: Annotated[bool, typer.Option(
        "--list-metrics", help="List the metrics found, with their periods.")] = False,
    evidence: EvidenceFlag = False,
    fmt: str = "table",
) -> int:
    """Figures (screenings, victims, investigations, funding ...) as the sources state them.

    Breakdowns are linked to their totals and flagged when they do not add up;
    numbers are never corrected. Where a metric has several periods, the table
    shows the trend.

    Examples:

      tipcli stats --metric screenings

      tipcli stats 2020

      tipcli stats --period 2019-20 --json

      tipcli stats --year 2023 -v

      tipcli stats --list-metrics

      tipcli stats -m investigations --json | jq '.[] | select(.adds_up == false)'
    """
    from tipcli.errors import UsageProblem
    from tipcli.facts import figures as answers
    from tipcli.facts.inputs import check_year
    from tipcli.upkeep import open_store

    check_year(report_year)
    if counted is not None and period is not None and counted != period:
        raise UsageProblem(f"PERIOD {period!r} and --period {counted!r} disagree",
                           "give the year counted once")
    period = counted if counted is not None else period
    store = open_store()
    if list_metrics:
        return emit(answers.metrics(store), fmt)
    result = answers.stats(store, period, metric, jurisdiction, report_year)
    return emit(result._replace(full=evidence), fmt)
