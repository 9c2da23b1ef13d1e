"""PDFs in: the annual report read narrative by narrative with pages, and PDFs that cannot be."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import pdfmaker
from tests.conftest import assert_offsets
from tests.webserver import body, serve
from tipcli.extract.places import resolve_name


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str, int]]]:
    path = tmp_path_factory.mktemp("pdf") / "tip-report-2024.pdf"
    return path, pdfmaker.annual_report(path)


def test_the_annual_report_gives_every_narratives_tier_with_its_page(
        cli: Any, home: Path, report: tuple[Path, list[tuple[str, str, int]]]) -> None:
    path, headings = report
    run = cli("add", str(path), "--json")
    assert run.code == 0, run.err
    assert run.json()[0]["action"] == "added" and "pages" in run.json()[0]["detail"]
    source = next(s for s in cli("sources", "--json").json() if s["doc"] == path.name)
    assert source["input"] == "pdf" and source["pages"] >= 20 and source["report_year"] == 2024
    assert source["kind"] == "report" and source["title"] == "2024 Trafficking in Persons Report"

    verdicts = cli("rating", "2024", "--jurisdiction", "all", "--json").json()
    found = {v["jurisdiction"]: v for v in verdicts}
    expected = {resolve_name(name): (tier, page) for name, tier, page in headings}
    assert len(expected) == 20 and None not in expected
    # Every narrative's tier, and nothing from the introduction that defines the tiers.
    assert {place: v["tier"] for place, v in found.items()} == \
        {place: tier for place, (tier, _) in expected.items()}
    for place, verdict in found.items():
        assert verdict["sources"] == 1 and not verdict["conflict"], place  # one document
        pages = {e["page"] for e in verdict["evidence"]}
        assert expected[place][1] in pages, (place, pages)
        for evidence in verdict["evidence"]:
            assert_offsets(evidence["doc"], evidence["start"], evidence["end"],
                           evidence["text"], home)


def test_evidence_pages_count_from_one_and_match_the_pdf_page(
        cli: Any, report: tuple[Path, list[tuple[str, str, int]]]) -> None:
    path, headings = report
    assert cli("add", str(path)).code == 0
    _, tier, page = next(h for h in headings if h[0] == "Fiji")
    verdict = cli("rating", "2024", "-j", "Fiji", "--json").json()[0]
    heading = next(e for e in verdict["evidence"] if e["text"].isupper())
    assert heading["text"] == f"FIJI: {tier.upper()}" and heading["page"] == page
    table = cli("rating", "2024", "-j", "Fiji", env={"COLUMNS": "200"}).out
    assert f"{path.name} p. {page} [" in table  # the table names the page too


def test_figures_in_a_narrative_belong_to_its_country(
        cli: Any, report: tuple[Path, list[tuple[str, str, int]]]) -> None:
    path, headings = report
    assert cli("add", str(path)).code == 0
    figures = [f for f in cli("stats", "--jurisdiction", "all", "--json").json()
               if f["evidence"][0]["doc"] == path.name]
    assert len(figures) >= 20
    places = {f["jurisdiction"] for f in figures if f["jurisdiction"]}
    assert places <= {resolve_name(name) for name, _, _ in headings}
    assert [f for f in figures if not f["evidence"][0]["page"]] == []


BAD = [
    ("encrypted", lambda p: pdfmaker.encrypted(p), "encrypted"),
    ("scanned", lambda p: pdfmaker.image_only(p), "no text layer"),
    ("truncated", lambda p: pdfmaker.damaged(p, "truncated"), "damaged"),
    ("xref", lambda p: pdfmaker.damaged(p, "xref"), None),  # PDFium repairs it: added
    ("zip", lambda p: p.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 16), "not a PDF"),
    ("png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16),
     "not a PDF"),
]


@pytest.mark.parametrize(("name", "make", "says"), BAD, ids=[b[0] for b in BAD])
def test_a_pdf_that_cannot_be_read_is_one_line_and_stores_nothing(
        cli: Any, home: Path, tmp_path: Path, name: str, make: Any, says: str | None) -> None:
    path = tmp_path / f"{name}.pdf"
    make(path)
    before = cli("sources", "--json").json()
    run = cli("add", str(path))
    if says is None:  # PDFium rebuilds a broken cross-reference table, and reads it
        assert run.code == 0, run.err
        assert any(s["doc"] == path.name for s in cli("sources", "--json").json())
        return
    assert run.code == 2 and len(run.err.splitlines()) == 1, run.err
    assert says is None or says in run.err, run.err
    assert cli("sources", "--json").json() == before
    assert not (home / "documents").exists() or not any((home / "documents").iterdir())


def test_a_zip_or_image_renamed_html_is_refused(cli: Any, tmp_path: Path) -> None:
    for name, data in (("z.html", b"PK\x03\x04" + bytes(range(256)) * 16),
                       ("i.htm", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)):
        (tmp_path / name).write_bytes(data)
        run = cli("add", str(tmp_path / name))
        assert run.code == 2 and len(run.err.splitlines()) == 1 and "binary" in run.err


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream"])
def test_a_pdf_served_at_a_url_is_read_as_a_pdf(
        cli: Any, report: tuple[Path, list[tuple[str, str, int]]], content_type: str) -> None:
    path, _ = report
    with serve({"/reports/2024-tip-report.pdf": body(path.read_bytes(), content_type)}) as base:
        run = cli("add", f"{base}/reports/2024-tip-report.pdf", "--json")
    assert run.code == 0, run.err
    assert run.json()[0]["doc"] == "2024-tip-report.pdf"
    source = next(s for s in cli("sources", "--json").json() if s["doc"] == "2024-tip-report.pdf")
    assert source["input"] == "url" and source["pages"] and source["report_year"] == 2024
