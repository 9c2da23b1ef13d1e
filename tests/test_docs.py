"""Documentation: every command has help with examples; README and contract stay true."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.shapes import (
    csv_header,
    doc_type,
    enum_values,
    json_fields,
    printed_records,
    top_records,
)
from tipcli.cli.commands import COMMANDS

NAMES = list(COMMANDS)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_has_help_with_an_example(cli: Any, name: str) -> None:
    run = cli(name, "--help")
    assert run.code == 0
    assert "Examples" in run.out
    assert f"tipcli {name}" in run.out
    for flag in ("--json", "--jsonl", "--csv", "--fields", "--spreadsheet"):
        assert flag in run.out


@pytest.mark.parametrize("name", NAMES)
def test_help_prose_flows_at_any_width(cli: Any, name: str) -> None:
    """Each prose paragraph of a command's docstring reads as one flowing paragraph in
    --help: the terminal wraps it, so no line is cut where the source line ended."""
    import inspect

    from tipcli.cli.commands import load

    doc = inspect.cleandoc(load(name).__doc__ or "")
    prose = [" ".join(p.split()) for p in doc.split("\n\n")[1:]
             if p.strip() and not any(line[:1].isspace() or line.startswith(("- ", "* "))
                                      for line in p.splitlines()) and "\n" in p]
    for width in (80, 120):
        out = cli(name, "--help", env={"COLUMNS": str(width)}).out
        flowing = " ".join(line.strip(" │") for line in out.splitlines())
        for paragraph in prose:
            assert paragraph in " ".join(flowing.split()), (name, width, paragraph[:60])
            # and no line of it but the last is left short where a source line broke
            lines = out.splitlines()
            first_words = " ".join(paragraph.split()[:6])
            start = next(i for i, ln in enumerate(lines) if first_words in " ".join(ln.split()))
            end = next(i for i in range(start, len(lines)) if not lines[i].strip(" │"))
            for line in lines[start:end - 1]:
                assert len(line.strip(" │")) > width * 0.6, (name, width, line)


def test_top_level_help_lists_every_command(cli: Any) -> None:
    out = cli("--help").out
    for name in NAMES:
        assert name in out


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "pip install ." in blocks[0] and "tipcli" in blocks[0]
    assert "pip install '.[test]'" in blocks[1] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and "test-command" in readme


def contract_tables() -> dict[str, list[list[str]]]:
    """Record name -> the cells of each row of the field table under its marker
    (`<!-- record: Name -->`) in docs/json-output.md."""
    text = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    tables: dict[str, list[list[str]]] = {}
    for match in re.finditer(r"<!-- record: (\w+) -->\n(.*?)(?:\n\n|\Z)", text, re.S):
        rows = [line.strip().strip("|").split("|") for line in match.group(2).splitlines()
                if line.startswith("|")]
        tables[match.group(1)] = [[c.strip() for c in row] for row in rows[2:]]  # no header
    return tables


@pytest.mark.parametrize("record", printed_records(), ids=lambda r: r.__name__)
def test_contract_doc_matches_the_record_type(record: type) -> None:
    """The doc lists exactly the record's JSON fields, in order, with their JSON types and
    every value of an enum field; a field added to a type alone fails here."""
    rows = contract_tables().get(record.__name__)
    assert rows, f"docs/json-output.md has no table marked <!-- record: {record.__name__} -->"
    documented = [re.sub(r"[`\s]", "", row[0]).split(",") for row in rows]
    names = [name for group in documented for name in group]
    fields = json_fields(record)
    assert names == list(fields), f"{record.__name__}: documented {names}, typed {list(fields)}"
    for row, group in zip(rows, documented, strict=True):
        for name in group:
            word, nullable = doc_type(fields[name])
            assert row[1].startswith(word), (record.__name__, name, row[1], word)
            assert ("null" in row[1]) == nullable, (record.__name__, name, row[1])
            for value in enum_values(fields[name]):
                assert f"`{value}`" in row[2], (record.__name__, name, value)


def test_contract_doc_has_no_stale_tables() -> None:
    assert set(contract_tables()) == {r.__name__ for r in printed_records()}


def csv_tables() -> dict[str, list[str]]:
    """Record name -> the columns its row of the CSV table (under `<!-- csv-columns -->` in
    docs/json-output.md) lists."""
    text = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    table = text.split("<!-- csv-columns -->\n", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in table.splitlines()[2:]]
    return {row[1]: re.sub(r"[`\s]", "", row[2]).split(",") for row in rows}


@pytest.mark.parametrize("record", top_records(), ids=lambda r: r.__name__)
def test_csv_columns_are_documented(record: type) -> None:
    """docs/json-output.md lists each printed record's CSV columns, as the types make them."""
    assert csv_tables().get(record.__name__) == csv_header(record), record.__name__


def test_csv_doc_has_no_stale_rows() -> None:
    assert set(csv_tables()) == {r.__name__ for r in top_records()}


def test_store_schema_is_documented() -> None:
    from tipcli.schema import SCHEMA

    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for table in re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", SCHEMA):
        assert f"`{table}`" in doc


def test_metrics_doc_is_written_from_the_lexicon() -> None:
    """docs/metrics.md is the metric table of tipcli/lexicon/metrics.py, current."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "metrics_doc.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, "docs/metrics.md is stale: run scripts/metrics_doc.py"


def test_speaker_entities_are_documented() -> None:
    """Every US body and the report entity the resolver can name appear in docs/speakers.md."""
    from tipcli.lexicon.speakers import REPORT_ENTITY, US_BODIES

    text = (ROOT / "docs" / "speakers.md").read_text(encoding="utf-8")
    names = {REPORT_ENTITY} | {name.replace(" in {place}", "") for _, name in US_BODIES}
    assert len(names) >= 4
    assert [n for n in names if f"`{n}" not in text] == []
