"""The realistic corpus (tests/corpus/, docs/corpus.md) pins precision: no false tier anywhere.

Scores come from benchmarks/accuracy.py, the script that prints the accuracy table, so
the test and the table cannot disagree. The unseen part was written blind."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import ROOT


def accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


PARTS = accuracy().PARTS
SCORES = {part: accuracy().score_part(part) for part in PARTS}


@pytest.mark.parametrize("part", PARTS)
def test_no_false_tier_anywhere(part: str) -> None:
    scores = SCORES[part]
    assert scores.documents >= 12 and scores.ratings.found > 50
    assert [e for e in scores.errors if ": FALSE rating " in e] == []
    assert scores.ratings.right == scores.ratings.found


@pytest.mark.parametrize("part, least", [("dev", 0.95), ("unseen", 0.90), ("unseen-2", 0.90)])
def test_recall_holds(part: str, least: float) -> None:
    recall = SCORES[part].ratings.recall()
    assert recall is not None and recall >= least, SCORES[part].errors


@pytest.mark.parametrize("part", PARTS)
def test_bases_report_years_and_kinds(part: str) -> None:
    scores = SCORES[part]
    assert scores.basis.right == scores.basis.found  # a rating found right has its basis
    assert (scores.report_year.precision() or 0) >= 0.9
    assert (scores.kind.precision() or 0) >= 0.85


def test_the_corpus_is_what_the_issue_asks() -> None:
    import json

    golds = [json.loads(p.read_text(encoding="utf-8"))
             for p in (ROOT / "tests" / "corpus").rglob("*.gold.json")]
    assert len(golds) >= 40
    assert len(list((ROOT / "tests" / "corpus" / "unseen").glob("*.gold.json"))) >= 15
    assert len(list((ROOT / "tests" / "corpus" / "unseen-2").glob("*.gold.json"))) >= 12
    places = {r["jurisdiction"] for g in golds for r in g["ratings"]}
    years = {r["year"] for g in golds for r in g["ratings"]} - {None}
    assert len(places) >= 25 and min(years) <= 2003 and max(years) >= 2025
    assert {g["genre"] for g in golds} == {
        "narrative", "wire", "local_news", "rebuttal", "embassy_release", "list_page", "op_ed",
        "machine_translation", "aggregator", "excerpt"}


@pytest.mark.parametrize("part", PARTS)
def test_figures_are_precise(part: str) -> None:
    """A figure is right when its value matches at the gold's words, and its period too
    where the gold gives one; precision at least 0.95, recall at least 0.85."""
    scores = SCORES[part]
    assert scores.figures.found > 50 and scores.figure_period.found > 40
    assert (scores.figures.precision() or 0) >= 0.95, scores.errors
    assert (scores.figure_period.precision() or 0) >= 0.95, scores.errors
    assert (scores.figures.recall() or 0) >= 0.85
    assert (scores.figure_metric.precision() or 0) >= 0.9
    assert (scores.figure_place.precision() or 0) >= 0.9


@pytest.mark.parametrize("part", PARTS)
def test_quotes_have_their_speakers_and_no_garbage(part: str) -> None:
    scores = SCORES[part]
    assert scores.quotes.found > 30
    assert scores.garbage_speakers == []
    assert (scores.quotes.precision() or 0) >= 0.95
    assert (scores.quote_speaker.precision() or 0) >= 0.9
    assert (scores.quotes.recall() or 0) >= 0.8
