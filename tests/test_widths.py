"""Tables at every width: nothing is crushed to nothing at 60, 80, 100 or 200 columns."""

from __future__ import annotations

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
