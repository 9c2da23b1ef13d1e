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
CsvFlag = Annotated[bool, typer.Option(
    "--csv", help="Print CSV: a header row, then a row per object (per evidence span for "
    "ratings, figures and quotes).")]
FieldsOption = Annotated[str | None, typer.Option(
    "--fields", metavar="NAME,...", show_default=False,
    help="Only these fields, in this order (JSON, JSON Lines or CSV; CSV also takes its "
    "columns, such as evidence_doc). Alone it means --json.")]
SpreadsheetFlag = Annotated[bool, typer.Option(
    "--spreadsheet", help="CSV for a spreadsheet: a UTF-8 byte-order mark, and ' before text "
    "that starts with = + - @ (never a formula). Implies --csv.")]
# Fact commands only: tables show each fact's best evidence unless asked for all of it.
EvidenceFlag = Annotated[bool, typer.Option(
    "--evidence", "-v", help="Show every piece of evidence, each in its whole passage "
    "(tables; JSON and CSV always carry all of it).")]


_OUTPUT_FLAGS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=flag)
    for name, flag, default in (
        ("json_", JsonFlag, False), ("jsonl", JsonlFlag, False), ("csv_", CsvFlag, False),
        ("fields_", FieldsOption, None), ("spreadsheet_", SpreadsheetFlag, False))
]


class Output(str):
    """The format a command prints in ("table", "json", "jsonl" or "csv"), carrying what
    --fields and --spreadsheet asked of it. It is the format's name as a string, so a
    command compares it (`fmt == "table"`) and hands it to emit as it is."""

    fields: tuple[str, ...] | None
    spreadsheet: bool

    def __new__(cls, name: str, fields: tuple[str, ...] | None = None,
                spreadsheet: bool = False) -> Output:
        made = super().__new__(cls, name)
        made.fields = fields
        made.spreadsheet = spreadsheet
        return made


def output_options(command: Callable[..., int]) -> Callable[..., int]:
    """Give command the output flags (--json, --jsonl, --csv, --fields, --spreadsheet),
    declared here once.

    The command takes `fmt` (an Output: "table", "json", "jsonl" or "csv") in their place,
    as sqlite-utils' commands take its output_options, and passes it to emit.
    """
    signature = inspect.signature(command)
    shown = [p for name, p in signature.parameters.items() if name != "fmt"]

    @functools.wraps(command)
    def with_flags(*args: Any, json_: bool = False, jsonl: bool = False, csv_: bool = False,
                   fields_: str | None = None, spreadsheet_: bool = False,
                   **kwargs: Any) -> int:
        fmt = output_format(json_, jsonl, csv_, fields_, spreadsheet_)
        if fmt.fields:
            check_fields(command.__name__, fmt)
        return command(*args, fmt=fmt, **kwargs)

    with_flags.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=shown + _OUTPUT_FLAGS)
    return with_flags


def output_format(json_: bool, jsonl: bool, csv_: bool, fields: str | None = None,
                  spreadsheet: bool = False) -> Output:
    """The Output the flags ask for. --fields alone means --json (as naming fields does in
    gh's `--json FIELDS`); --spreadsheet means --csv, and goes with no other format."""
    chosen = [name for name, on in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if on]
    if len(chosen) > 1:
        raise UsageProblem("choose one of --json, --jsonl and --csv", None)
    if spreadsheet and chosen not in ([], ["csv"]):
        raise UsageProblem(f"--spreadsheet is for CSV, not --{chosen[0]}",
                           "use --spreadsheet alone or with --csv")
    names = None if fields is None else field_names(fields)
    name = chosen[0] if chosen else "csv" if spreadsheet else "json" if names else "table"
    return Output(name, names, spreadsheet)


def field_names(fields: str) -> tuple[str, ...]:
    """--fields "id, tier" -> ("id", "tier")."""
    names = tuple(name.strip() for name in fields.split(","))
    if not all(names):
        raise UsageProblem(f"--fields {fields!r} has an empty name",
                           "give field names with commas between them: --fields id,tier")
    return names


def check_fields(command: str, fmt: Output) -> None:
    """Refuse unknown --fields before the command does anything (before `add` writes):
    each must be a field of some record the command prints (its PRINTS). emit checks them
    again against the record it does print."""
    import importlib

    from tipcli.cli.commands import PRINTS
    from tipcli.render.plain import check_fields as check

    records = []
    for name in PRINTS.get(command, ()):
        module, _, record = name.partition(":")
        records.append(getattr(importlib.import_module(f"tipcli.results.{module}"), record))
    if records and fmt.fields:
        check(records, fmt, fmt.fields)


def emit(result: Result[Any], fmt: str) -> int:
    """Print result; exit 1 (with a line on stderr) when it is empty.

    An empty answer in a machine format is still printed: `[]` for --json, the header row
    for --csv, nothing for --jsonl."""
    from tipcli.render import render_result

    if result.items or fmt != "table":
        out = fmt if isinstance(fmt, Output) else Output(fmt)  # a command called directly
        render_result(result, out, out.fields, out.spreadsheet)
    if not result.items:
        import sys

        hint = f"; {result.hint}" if result.hint else ""
        sys.stderr.write(f"tipcli: {result.empty_message}{hint}\n")
        return EXIT_NOT_FOUND
    return EXIT_OK
