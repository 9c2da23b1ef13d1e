"""Documentation: every command has help with examples; README and contract stay true."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import ROOT
from tipcli.cli.commands import COMMANDS

NAMES = list(COMMANDS)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_has_help_with_an_example(cli: Any, name: str) -> None:
    run = cli(name, "--help")
    assert run.code == 0
    assert "Examples" in run.out
    assert f"tipcli {name}" in run.out
    for flag in ("--json", "--jsonl", "--csv"):
        assert flag in run.out


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


@pytest.mark.parametrize("field", ["doc", "start", "end", "text", "score", "report_year",
                                   "published", "outlet", "matches", "also_in", "title", "url",
                                   "duplicate_of", "chars", "action", "detail", "jurisdiction",
                                   "year", "tier", "basis", "evidence", "conflict", "id",
                                   "metric", "label", "value", "unit", "qualifier", "period",
                                   "part_of", "parts_sum", "adds_up", "figures", "periods",
                                   "labels", "speaker", "speaker_kind", "form"])
def test_contract_documents_every_field(field: str) -> None:
    contract = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    assert f"`{field}`" in contract


def test_store_schema_is_documented() -> None:
    from tipcli.extract import SCHEMA as FACTS_SCHEMA
    from tipcli.schema import SCHEMA

    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for table in re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", SCHEMA + FACTS_SCHEMA):
        assert f"`{table}`" in doc
