"""Options shared by every command, and the one helper that prints a result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from tipcli.errors import EXIT_NOT_FOUND, EXIT_OK, UsageProblem

if TYPE_CHECKING:  # building the result classes costs ~5 ms; only queries need them
    from tipcli.results import Result

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON array on stdout.")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV: a header row, then rows.")]


def output_format(json_: bool, jsonl: bool, csv_: bool) -> str:
    chosen = [name for name, on in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if on]
    if len(chosen) > 1:
        raise UsageProblem("choose one of --json, --jsonl and --csv", None)
    return chosen[0] if chosen else "table"


def emit(result: Result[Any], fmt: str) -> int:
    """Print result; exit 1 (with a line on stderr) when it is empty."""
    from tipcli.render import render_result

    if result.items or fmt == "json":  # an empty --json answer is still one array: []
        render_result(result, fmt)
    if not result.items:
        import sys

        hint = f"; {result.hint}" if result.hint else ""
        sys.stderr.write(f"tipcli: {result.empty_message}{hint}\n")
        return EXIT_NOT_FOUND
    return EXIT_OK
