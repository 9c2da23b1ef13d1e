"""Cleaning: furniture is found by general rules, content keeps its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tipcli.cleaning import clean
from tipcli.paths import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def furniture_and_content(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    segments = clean(text)
    furniture = "\n".join(text[s.start:s.end] for s in segments if not s.is_content)
    content = "\n".join(text[s.start:s.end] for s in segments if s.is_content)
    return furniture, content


@pytest.mark.parametrize(
    "doc, phrase",
    [
        ("000", "Next In Aseanplus News"),
        ("000", "Japan govt approves record budget"),
        ("000", "Others Also Read"),
        ("000", "Do you have questions about the biggest topics"),
        ("000", "Follow us on our official WhatsApp channel"),
        ("000", "Copyright 2023"),
        ("000", "Photo: Warton Li"),
        ("000", "Beijing hits back at US senators"),
        ("000", "SCMP , Beijing , Hong Kong"),
        ("002", 'jQuery("#212 h3")'),
        ("002", "Share this story"),
        ("002", "facebook"),
        ("002", "RECENT NEWS"),
        ("002", "HashKey listed on the Main Board"),
        ("002", "91% Of Hong Kong Merchants"),
        ("002", "2022-07-20 HKT 11:49"),
        ("004", "[Global Network Reporter Zhao Youping]"),
    ],
)
def test_seed_furniture_is_not_content(doc: str, phrase: str) -> None:
    path = next(p for p in SEEDS if p.name.startswith(doc))
    furniture, content = furniture_and_content(path)
    assert phrase in furniture
    assert phrase not in content


@pytest.mark.parametrize(
    "doc, phrase",
    [
        ("000", "Hong Kong was upgraded to Tier 2"),
        ("000", "Mainland China and Macau are listed in Tier 3"),
        ("000", "Two victims were rescued."),
        ("002", "second-worst “Tier 2 Watch List” rating"),
        ("003", "more than 7,500 initial human trafficking victim screenings"),
        ("004", "According to the press release just released"),
        ("004", "revoked or refused to issue licenses for seven employment agencies"),
    ],
)
def test_seed_content_is_kept(doc: str, phrase: str) -> None:
    path = next(p for p in SEEDS if p.name.startswith(doc))
    furniture, content = furniture_and_content(path)
    assert phrase in content
    assert phrase not in furniture


def test_fixture_styles() -> None:
    furniture, content = furniture_and_content(FIXTURES / "wire_2024.txt")
    for phrase in ("By Jane Doe", "Related coverage", "Macau casino junket crackdown widens",
                   "Reporting by Jane Doe", "Share this article", "All rights reserved"):
        assert phrase in furniture
    assert "kept Hong Kong on its Tier 2 Watch List" in content
    furniture, content = furniture_and_content(FIXTURES / "press_release_2014.txt")
    assert "Ends/Saturday" in furniture and "Issued at HKT" in furniture
    assert "outlet: Hong Kong government press release" in furniture  # front matter
    furniture, content = furniture_and_content(FIXTURES / "narrative_2019.md")
    assert "HONG KONG: Tier 2 Watch List" in content


def test_excerpt_cut_mid_sentence_is_kept() -> None:
    _, content = furniture_and_content(FIXTURES / "excerpt_cut.txt")
    assert content.endswith("while the Labour Department")


@pytest.mark.parametrize("path", SEEDS + sorted(FIXTURES.glob("*_*.*")), ids=lambda p: p.name)
def test_segments_are_ordered_and_within_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    segments = clean(text)
    last = 0
    for seg in segments:
        assert last <= seg.start < seg.end <= len(text)
        if seg.is_content:
            assert text[seg.start:seg.end] == text[seg.start:seg.end].strip()
        last = seg.end


def test_crlf_offsets_are_kept() -> None:
    text = "Headline here\r\n\r\nFirst paragraph of the story.\r\nSecond one, also prose.\r\n"
    segments = clean(text)
    assert [text[s.start:s.end] for s in segments if s.is_content] == [
        "Headline here", "First paragraph of the story.", "Second one, also prose."]


def test_prose_ending_in_document_is_not_script() -> None:
    text = ("Officials said the findings were in the document.\n\n"
            "var x = document.getElementById('main');\n")
    kinds = [(text[s.start:s.end], s.kind) for s in clean(text)]
    assert kinds[0][1] != "script" and kinds[0][0].endswith("the document.")
    assert kinds[1][1] == "script"
