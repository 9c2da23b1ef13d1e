"""Property: any argument vector gives exit 0, 1 or 2, never a traceback, and --json that parses."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tipcli.cli.app import main
from tipcli.cli.commands import COMMANDS

ODD_VALUES = [
    "", " ", "-", "--", "-1", "0", "1", "2022", "1999", "99999999999999999999999999",
    "-99999999999", "1e309", "nan", "NaN", "inf", "-inf", "0x10", "3.5", "２０２２", "Tier 2",
    "[bold red]x[/bold red]", "[/]", "[link=file:///etc/passwd]x[/link]", "\x1b[2J", "\x07",
    "\u202eevil", "../../etc/passwd", "/etc/passwd", "/dev/null", "/nonexistent/x.txt",
    "domestic helpers", '"tool of', "*", "AND", "OR NOT", "NEAR(a b)", "é", "香港", "🙂",
    "a" * 5000, "%s%n", "{}", "\\", "\ttab", "all", "macao", "screenings",
    "id,tier", "evidence_doc", "doc,,kind", ",", "tier,tierr",
]
OPTIONS = [
    "--json", "--jsonl", "--csv", "--limit", "--doc", "--year", "--min-score", "--metric",
    "--jurisdiction", "-j", "--speaker", "--statements", "--list-metrics", "--title",
    "--outlet", "--published", "--report-year", "--url", "--rebuild", "--debug-not",
    "--jsn", "--no-such-option", "-x", "--limit=0", "--year=abc", "--min-score=101",
    "--fields", "--fields=id", "--spreadsheet",
]
TOKENS = st.sampled_from(ODD_VALUES + OPTIONS) | st.text(max_size=12)
ARGVS = st.tuples(st.sampled_from([*COMMANDS, "sorces", "", "--version"]),
                  st.lists(TOKENS, max_size=6))


@pytest.fixture(scope="module")
def fuzz_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One store for every example (built once), and an empty working directory."""
    home = tmp_path_factory.mktemp("fuzz-home")
    workdir = tmp_path_factory.mktemp("fuzz-cwd")
    saved = (os.environ.get("TIPCLI_HOME"), Path.cwd())
    os.environ["TIPCLI_HOME"] = str(home)
    os.chdir(workdir)
    assert main(["sources", "--json"]) == 0
    yield home
    os.chdir(saved[1])
    if saved[0] is None:
        os.environ.pop("TIPCLI_HOME", None)
    else:
        os.environ["TIPCLI_HOME"] = saved[0]


def run(args: list[str]) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation() as streams:
        code = main(args)
        sys.stdout.flush()
        sys.stderr.flush()
        return code, streams[0].getvalue().decode(), streams[1].getvalue().decode()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv=ARGVS)
def test_any_argv_exits_cleanly(fuzz_home: Path, argv: tuple[str, list[str]]) -> None:
    command, rest = argv
    args = [command, *rest] if command else rest
    assume("--debug" not in args)  # --debug asks for tracebacks
    code, out, err = run(args)
    assert code in (0, 1, 2), (args, code, err)
    assert "Traceback" not in out + err, (args, err)
    if code == 2:
        assert err.startswith("tipcli: "), (args, err)
        assert len(err.strip().splitlines()) == 1, (args, err)
    wants_json = "--json" in args and not {"--help", "-h", "--version", "--jsonl", "--csv",
                                           "--spreadsheet", "--list-metrics"} & set(args)
    if wants_json and code in (0, 1) and command in COMMANDS:
        json.loads(out)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40), limit=st.integers(-10**12, 10**12))
def test_search_takes_any_query_and_limit(fuzz_home: Path, query: str, limit: int) -> None:
    # After "--" every word is the query, even "-h" (before it, "-h" asks for help).
    code, out, err = run(["search", "--limit", str(limit), "--json", "--", query])
    assert code in (0, 1, 2) and "Traceback" not in err, (query, limit, err)
    if code in (0, 1):
        hits = json.loads(out)
        assert len(hits) <= max(limit, 0)
