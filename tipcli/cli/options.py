"""Options shared by every command, and the one helper that prints a result."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tipcli.errors import EXIT_NOT_FOUND, EXIT_OK, UsageProblem

if TYPE_CHECKING:  # building the result classes costs ~5 ms; only queries need them
    from tipcli.results import Result

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON array on stdout.")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV: a header row, then rows.")]
# Fact commands only: tables show each fact's best evidence unless asked for all of it.
EvidenceFlag = Annotated[bool, typer.Option(
    "--evidence", "-v", help="Show every piece of evidence, each in its whole passage "
    "(tables; JSON and CSV always carry all of it).")]


_OUTPUT_FLAGS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=False, annotation=flag)
    for name, flag in (("json_", JsonFlag), ("jsonl", JsonlFlag), ("csv_", CsvFlag))
]


def output_options(command: Callable[..., int]) -> Callable[..., int]:
    """Give command the output flags (--json, --jsonl, --csv), declared here once.

    The command takes `fmt` ("table", "json", "jsonl" or "csv") in their place,
    as sqlite-utils' commands take its output_options.
    """
    signature = inspect.signature(command)
    shown = [p for name, p in signature.parameters.items() if name != "fmt"]

    @functools.wraps(command)
    def with_flags(*args: Any, json_: bool = False, jsonl: bool = False, csv_: bool = False,
                   **kwargs: Any) -> int:
        return command(*args, fmt=output_format(json_, jsonl, csv_), **kwargs)

    with_flags.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=shown + _OUTPUT_FLAGS)
    return with_flags


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
