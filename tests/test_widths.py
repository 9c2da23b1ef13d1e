"""Tables at every width: nothing is crushed to nothing at 60, 80, 100 or 200 columns."""

from __future__ import annotations

import re
from typing import Any

import pytest


@pytest.mark.parametrize("width", [60, 80, 100, 200])
def test_sources_shows_every_document_title_and_outlet(cli: Any, width: int) -> None:
    sources = cli("sources", "--json").json()
    run = cli("sources", env={"COLUMNS": str(width)})
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines and max(len(line) for line in lines) <= width
    flat = " ".join(" ".join(line.strip("│ ").split()) for line in lines)
    for src in sources:
        assert src["doc"][:12] in flat.replace(" ", "")  # the id, perhaps folded
        assert src["title"].split()[0] in flat and src["title"].split()[-1] in flat
        assert src["outlet"] is None or src["outlet"].split()[0] in flat
    assert "┃┃" not in run.out and "││" not in run.out  # no zero-width column


@pytest.mark.parametrize("width", [60, 80, 100, 112, 120, 135, 200])
def test_sources_never_split_a_document_id(cli: Any, width: int) -> None:
    """Each id reads whole on one line, the short id (what a DOC argument takes) too, at every
    width, including those (~112 to ~135) where the table used to cut `…1bd` / `.txt`."""
    sources = cli("sources", "--json").json()
    run = cli("sources", env={"COLUMNS": str(width)})
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= width
    words = [re.split(r"[\s│┃·]+", line) for line in lines]
    for src in sources:
        assert src["short_id"] and src["doc"].startswith(src["short_id"])
        assert any(src["doc"] in line for line in words), (src["doc"], run.out)
        assert any(src["short_id"] in line for line in words), src["short_id"]
    if width >= 120:  # the table: its doc column as wide as the longest id, no wider
        header = next(line for line in lines if line.startswith("┃"))
        assert header.index("┃", 1) - 3 == max(len(src["doc"]) for src in sources)
