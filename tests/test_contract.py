"""The output contract of every command: JSON shapes and types, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.shapes import check_record, csv_header, record_type
from tipcli.cli.commands import COMMANDS, PRINTS


# One command line per command that gives results; the shapes come from the types.
def commands_with_results(tmp_path: Path) -> list[list[str]]:
    article = tmp_path / "article.txt"
    article.write_text((FIXTURES / "wire_2024.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return [
        ["rating", "2022"],
        ["stats", "--metric", "screenings"],
        ["stats", "--list-metrics"],
        ["quotes", "--speaker", "foreign affairs office"],
        ["search", "domestic helpers", "-C", "1"],
        ["search", "domestic helpers", "--count"],
        ["search", "domestic helpers", "--files"],
        ["show", "002", "--at", "683:726"],
        ["show", "hong-kong/2022", "--cite"],
        ["sources"],
        ["add", str(article), "--dry-run"],
        ["add", str(article)],
        ["index"],
        ["remove", "article.txt"],
    ]


# The flags that make a command print another of its records than its first.
OTHER_RECORDS = {"--list-metrics": "figures:Metric", "--dry-run": "documents:Preview",
                 "--count": "documents:DocCount", "--files": "documents:DocMatch",
                 "--cite": "show:Citation"}


def record_of(args: list[str]) -> type:
    names = PRINTS[args[0]]
    other = [OTHER_RECORDS[a] for a in args if a in OTHER_RECORDS]
    assert all(name in names for name in other), args
    return record_type(other[0] if other else names[0])


def test_every_command_is_exercised(tmp_path: Path) -> None:
    run = {args[0] for args in commands_with_results(tmp_path)}
    assert run == set(COMMANDS) == set(PRINTS)
    printed = {record_of(args) for args in commands_with_results(tmp_path)}
    assert printed == {record_type(n) for names in PRINTS.values() for n in names}


@pytest.mark.parametrize("fmt", ["--json", "--jsonl", "--csv"])
def test_every_command_speaks_every_format(cli: Any, tmp_path: Path, fmt: str) -> None:
    for args in commands_with_results(tmp_path):
        record = record_of(args)
        run = cli(*args, fmt)
        assert run.code == 0, (args, run.err)
        if fmt == "--json":
            objects = json.loads(run.out)
            assert isinstance(objects, list)
        elif fmt == "--jsonl":
            objects = [json.loads(line) for line in run.out.splitlines()]
        else:
            rows = list(csv.DictReader(io.StringIO(run.out, newline="")))
            assert rows and list(rows[0]) == csv_header(record)
            continue
        assert objects, args
        for obj in objects:
            check_record(obj, record)
            if "evidence" in obj:
                assert obj["evidence"], obj


@pytest.mark.parametrize("args", [["rating", "2019"], ["stats", "1999"],
                                  ["quotes", "zzqqxx-nothing"]])
def test_fact_commands_exit_1_with_empty_array(cli: Any, args: list[str]) -> None:
    run = cli(*args, "--json")
    assert run.code == 1 and json.loads(run.out) == [] and len(run.err.splitlines()) == 1


def test_search_hit_fields(cli: Any) -> None:
    hits = cli("search", "Tier 2", "--json").json()
    assert hits
    for hit in hits:
        check_record(hit, record_type("documents:Hit"))
        assert all(isinstance(m, list) and len(m) == 2 for m in hit["matches"])


def test_table_is_default_and_data_only_on_stdout(cli: Any) -> None:
    run = cli("search", "domestic helpers")
    assert run.code == 0 and "score" in run.out and run.err == ""


@pytest.mark.parametrize("args", [
    ["search", "xyzzyplugh"],
    ["search", "employment agencies", "--year", "2020"],
])
def test_exit_1_when_nothing_is_found(cli: Any, args: list[str]) -> None:
    run = cli(*args)
    assert run.code == 1 and run.out == ""
    assert len(run.err.splitlines()) == 1 and run.err.startswith("tipcli: ")
    run = cli(*args, "--json")
    assert run.code == 1 and json.loads(run.out) == []


@pytest.mark.parametrize("args, expected", [
    (["serch", "x"], "did you mean 'search'"),
    (["search", "x", "--jsn"], "did you mean '--json'"),
    (["search"], "Missing argument"),
    (["search", "x", "--limit", "lots"], "--limit"),
    (["search", "x", "--limit", "0"], "--limit"),
    (["search", "x", "--min-score", "101"], "--min-score"),
    (["search", "x", "--year", "1850"], "out of range"),
    (["search", "x", "--doc", "003_f268bc31fc3fd38.txt"], "did you mean '003_f268bc31fc"),
    (["search", "   "], "empty"),
    (["search", "x", "--json", "--csv"], "choose one"),
    (["add", "/no/such/file.txt"], "no such file"),
    (["remove", "000_9de49e92cb8ba1bd.txt"], "seed document"),
    (["remove", "nothing.txt"], "no added document"),
    (["add", "x.txt", "--published", "yesterday"], "not a date"),
])
def test_exit_2_on_bad_input_with_one_line(cli: Any, args: list[str], expected: str) -> None:
    run = cli(*args)
    assert run.code == 2, run
    assert run.out == ""
    assert len(run.err.splitlines()) == 1, run.err
    assert expected.lower() in run.err.lower()
    assert "Traceback" not in run.err


def test_help_and_version_exit_0(cli: Any) -> None:
    assert cli("--help").code == 0
    run = cli("--version")
    assert run.code == 0 and run.out.startswith("tipcli ")


def test_json_escapes_control_characters(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text("Hostile test\n\nThe report named \x1b[2J Hong Kong \u009b31m in "
                       "the trafficking text [bold red]x[/bold red].\n", encoding="utf-8")
    assert cli("add", str(article)).code == 0
    run = cli("search", "hong kong trafficking bold", "--json", "--doc", "hostile.txt")
    assert run.code == 0
    assert "\x1b" not in run.out and "\u009b" not in run.out
    text = run.json()[0]["text"]
    assert "\x1b[2J" in text and "\u009b31m" in text  # exact text survives JSON
    table = cli("search", "hong kong trafficking bold", "--doc", "hostile.txt").out
    assert "\x1b" not in table and "\u009b" not in table
    assert "[bold red]x[/bold red]" in table  # markup shown literally


def test_typer_still_derives_its_usage_errors_from_clicks() -> None:
    """tipcli reaches click's exception classes through typer's public BadParameter
    (typer vendors click privately); if typer changes that, this fails loudly."""
    from tipcli.cli.app import _click_class

    usage, click_exception = _click_class("UsageError"), _click_class("ClickException")
    assert issubclass(usage, click_exception) and issubclass(usage, Exception)
