"""'Did you mean': a near miss of a whole name is suggested; a fragment found inside some
long name is not, since no one typing "00" meant "eastern-europe-wire-2005"."""

from __future__ import annotations

from typing import Any

import pytest

from tipcli.suggest import did_you_mean

IDS = ["000_9de49e92cb8ba1bd.txt", "001_1fc0ef9a8a95c0eb.txt", "eastern-europe-wire-2005",
       "b-embassy-fiji-2020", "000", "001"]


@pytest.mark.parametrize(("typed", "choices", "meant"), [
    ("serch", ["search", "sources", "stats"], "search"),
    ("hong kng", ["Hong Kong", "Macau"], "Hong Kong"),
    ("Hongkong", ["Hong Kong", "Macau"], "Hong Kong"),
    ("003_f268bc31fc3fd38.txt", ["003_f268bc31fc3fd380.txt", *IDS], "003_f268bc31fc3fd380.txt"),
    ("tierr", ["tier", "jurisdiction"], "tier"),
    ("hongkong/2022", ["hong-kong/2022", "macau/2022"], "hong-kong/2022"),
    ("eastern-europe-wire", IDS, "eastern-europe-wire-2005"),
])
def test_a_near_miss_is_suggested(typed: str, choices: list[str], meant: str) -> None:
    assert did_you_mean(typed, choices) == f"did you mean {meant!r}?"


@pytest.mark.parametrize("typed", ["00", "999", "2005", "wire", "x"])
def test_a_fragment_of_a_long_name_is_not_suggested(typed: str) -> None:
    assert did_you_mean(typed, IDS[:4]) is None


def test_remove_a_prefix_of_seeds_only_names_no_added_document(cli: Any) -> None:
    """Seeds cannot be removed, so a prefix of seeds alone names nothing removable."""
    run = cli("remove", "00")
    assert run.code == 2 and "no added document '00'" in run.err and "did you mean" not in run.err
