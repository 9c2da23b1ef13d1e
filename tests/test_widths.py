"""Tables at every width: nothing is crushed to nothing at 60, 80, 100 or 200 columns."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tipcli.docids import readable_part


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


LONG_ID = "hong-kong-watch-list-wirefeed-june-2024.txt"  # 43 characters, as added files are


@pytest.mark.parametrize("width", [60, 80, 100, 120, 200])
@pytest.mark.parametrize("args", [
    ("search", "trafficking", "watch", "list"), ("search", "trafficking", "--count"),
    ("search", "trafficking", "-l"), ("sources",),
])
def test_a_long_document_id_is_never_cut_or_split(cli: Any, tmp_path: Path, width: int,
                                                   args: tuple[str, ...]) -> None:
    """An id is what a reader types back: every view prints it whole on one line (search
    cut it to "hong-kong-watch-l…", --count folded it) or names it by its short id whole."""
    src = tmp_path / LONG_ID
    src.write_text((FIXTURES / "wire_2024.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("add", str(src)).code == 0
    records = cli(*args, "--json").json()
    run = cli(*args, env={"COLUMNS": str(width)})
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= width
    shown = LONG_ID if args[-1] in ("--count", "-l") or args[0] == "sources" else \
        readable_part(LONG_ID)
    assert any(r["doc"] == LONG_ID for r in records)
    assert any(shown in re.split(r"[\s│┃·]+", line) for line in lines), run.out


def test_a_narrow_search_names_the_score_apart_from_the_short_id(cli: Any) -> None:
    """At 60 columns a hit's first line read "100 000 [5081:5283]", as if one number."""
    hits = cli("search", "domestic", "helpers", "--json").json()
    out = cli("search", "domestic", "helpers", env={"COLUMNS": "60"}).out
    for hit in hits:
        head = f"score {hit['score']:.0f} · {readable_part(hit['doc'])} " \
            f"[{hit['start']}:{hit['end']}]"
        assert any(line.startswith(head) for line in out.splitlines()), (head, out)
