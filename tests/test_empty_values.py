"""Empty values are refused with one line on stderr and exit 2: an empty string names
nothing, and treating it as "no filter" (or as the working directory) would answer
another question than the one asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tipcli.errors import EXIT_USAGE


@pytest.mark.parametrize("args", [
    ["show", ""], ["show", "  "], ["search", "x", "--doc", ""], ["remove", ""],
    ["quotes", "--speaker", ""], ["quotes", ""], ["quotes", "   "], ["stats", ""],
    ["stats", "--period", ""], ["stats", "-j", ""], ["rating", "-j", ""], ["rating", "-j", " "],
    ["search", '""'], ["search", "''"], ["search", " , "], ["add", ""], ["add", " "],
])
def test_an_empty_value_is_a_usage_error(cli: Any, args: list[str]) -> None:
    before = cli("sources", "--json").json()
    run = cli(*args)
    assert run.code == EXIT_USAGE, (args, run.code, run.err)
    assert run.out == "" and len(run.err.splitlines()) == 1 and "Traceback" not in run.err
    assert cli("sources", "--json").json() == before  # nothing added, nothing removed


def test_add_a_directory_leaves_what_hidden_directories_hold(cli: Any, tmp_path: Path) -> None:
    clip = "Hong Kong stays on the list\n\nThe 2021 report placed Hong Kong on Tier 2 Watch List.\n"
    (tmp_path / "clipping.txt").write_text(clip, encoding="utf-8")
    for hidden in (".git", ".venv/lib", "notes/.cache"):
        (tmp_path / hidden).mkdir(parents=True)
        (tmp_path / hidden / "inside.txt").write_text(clip.replace("2021", "2019"),
                                                      encoding="utf-8")
    run = cli("add", str(tmp_path), "--json")
    assert run.code == 0, run.err
    assert [c["source"] for c in run.json()] == [str(tmp_path / "clipping.txt")]


def test_stats_period_option_is_the_positional_period(cli: Any) -> None:
    by_option = cli("stats", "--period", "2019-20", "--json").json()
    assert by_option and {f["period"] for f in by_option} == {"2019-20"}
    assert cli("stats", "2019-20", "--json").json() == by_option
    assert cli("stats", "-p", "2019-20", "2019-20", "--json").json() == by_option
    clash = cli("stats", "2019", "--period", "2020")
    assert clash.code == EXIT_USAGE and "disagree" in clash.err


def test_a_comma_list_may_hold_the_reports_comma_names(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "korea.txt").write_text(
        "Seoul welcomes ranking\n\nThe 2023 Trafficking in Persons Report placed South Korea "
        "on Tier 1 and Macau on Tier 2.\n", encoding="utf-8")
    assert cli("add", str(tmp_path / "korea.txt")).code == 0
    for names in ("Korea, South,Macau", "Macau,Korea, South", "Macau, Korea, South"):
        places = {r["jurisdiction"] for r in cli("rating", "2023", "-j", names, "--json").json()}
        assert places == {"South Korea", "Macau"}, names
    assert cli("rating", "-j", "Korea, South,Atlantis").code == EXIT_USAGE
