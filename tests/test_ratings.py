"""Ratings: gold from the seeds, other writing styles, conflicts, non-ratings, the command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT, assert_offsets, facts_in
from tipcli.cleaning import clean
from tipcli.documents import load_seed, load_seed_catalogue, seed_files
from tipcli.extract import extract_all

GOLD = json.loads((ROOT / "tests" / "gold" / "ratings.json").read_text(encoding="utf-8"))


def extracted_ratings(cli: Any) -> list[dict[str, Any]]:
    run = cli("rating", "--jurisdiction", "all", "--json")
    assert run.code == 0, run.err
    return run.json()  # type: ignore[no-any-return]


def per_doc() -> set[tuple[str, str | None, int | None, str, str]]:
    """What the extractors find in each seed, before ratings are merged across documents."""
    catalogue = load_seed_catalogue()
    found = set()
    for path in seed_files():
        doc = load_seed(path, catalogue)
        for fact in extract_all(doc, clean(doc.text)):
            if fact.kind == "rating":
                found.add((doc.doc, fact.jurisdiction, fact.year, fact.key, fact.data["basis"]))
    return found


def test_seed_ratings_match_gold(cli: Any, home: Path) -> None:
    ratings = extracted_ratings(cli)
    found = per_doc()
    gold = {(g["doc"], g["jurisdiction"], g["year"], g["tier"], g["basis"])
            for g in GOLD["ratings"]}
    assert found - gold == set(), "false positives"
    assert gold - found == set(), "missed ratings"
    for g in GOLD["ratings"]:
        rating = next(r for r in ratings if (r["jurisdiction"], r["year"], r["tier"]) ==
                      (g["jurisdiction"], g["year"], g["tier"]))
        texts = [e["text"] for e in rating["evidence"] if e["doc"] == g["doc"]]
        assert any(g["words"] in t for t in texts), (g, texts)
    for r in ratings:
        for ev in r["evidence"]:
            assert_offsets(ev["doc"], ev["start"], ev["end"], ev["text"], home)


def test_hong_kong_is_the_default_and_named(cli: Any) -> None:
    run = cli("rating", "2022")
    assert run.code == 0 and "Hong Kong (default" in run.out
    data = cli("rating", "2022", "--json").json()
    assert [(r["jurisdiction"], r["tier"], r["basis"]) for r in data] == [
        ("Hong Kong", "Tier 2 Watch List", "stated")]
    assert not data[0]["conflict"]


@pytest.mark.parametrize("name", ["Macao", "macau", "MACAU SAR"])
def test_names_match_forgivingly(cli: Any, name: str) -> None:
    data = cli("rating", "2023", "-j", name, "--json").json()
    assert [(r["jurisdiction"], r["tier"]) for r in data] == [("Macau", "Tier 3")]


def test_prc_and_hk_aliases(cli: Any) -> None:
    assert cli("rating", "2023", "-j", "PRC", "--json").json()[0]["jurisdiction"] == "China"
    assert cli("rating", "2023", "-j", "HK", "--json").json()[0]["tier"] == "Tier 2"


def test_unknown_year_exits_1_naming_known_years(cli: Any) -> None:
    run = cli("rating", "2015")
    assert run.code == 1 and "2023" in run.err and len(run.err.splitlines()) == 1


def test_unknown_jurisdiction_suggests(cli: Any) -> None:
    run = cli("rating", "-j", "Hong Kogn")
    assert run.code == 2 and "did you mean 'Hong Kong'" in run.err


def test_history_has_a_ladder_chart(cli: Any) -> None:
    out = cli("rating").out
    assert "tier by report year" in out
    assert out.index("Tier 1  ") < out.index("Tier 3  ")


def test_fixture_styles_and_conflict(cli: Any, home: Path) -> None:
    assert cli("add", str(FIXTURES)).code == 0
    data = cli("rating", "-j", "all", "--json").json()
    got = {(r["jurisdiction"], r["year"], r["tier"], r["basis"]) for r in data}
    assert ("Hong Kong", 2019, "Tier 2 Watch List", "stated") in got  # heading style
    assert ("Hong Kong", 2014, "Tier 2", "stated") in got  # "Tier Two"
    assert ("Hong Kong", 2024, "Tier 2 Watch List", "stated") in got  # wire story
    assert ("Macau", 2024, "Tier 2", "stated") in got  # "upgraded to Tier 2"
    assert ("China", 2024, "Tier 3", "stated") in got  # "remained on Tier 3"
    assert ("Hong Kong", 2020, "Tier 2 Watch List", "inferred") in got  # "third consecutive"
    hk2019 = [r for r in data if (r["jurisdiction"], r["year"]) == ("Hong Kong", 2019)]
    # One verdict: the State Department's narrative (Watch List) outweighs a news story that
    # states Tier 2, which stays as a stated alternative, in conflict.
    assert len(hk2019) == 1
    assert (hk2019[0]["tier"], hk2019[0]["conflict"]) == ("Tier 2 Watch List", True)
    assert [(a["tier"], a["basis"], a["sources"]) for a in hk2019[0]["alternatives"]] == [
        ("Tier 2", "stated", 1)]
    for r in data:
        for ev in r["evidence"]:
            assert_offsets(ev["doc"], ev["start"], ev["end"], ev["text"], home)


@pytest.mark.parametrize("sentence", [
    "According to the report, governments of Tier 2 countries do not fully meet the minimum "
    "standards of the Trafficking Victims Protection Act.",
    "Countries would be downgraded to the Tier 2 Watch List if the number of victims is "
    "significant.",
    "Hong Kong was granted a waiver from an otherwise required downgrade to Tier 3 in the "
    "trafficking report.",
    "Screening is the first tier of the identification mechanism for trafficking victims.",
    "Hong Kong uses a two-tiered trafficking screening mechanism, the report said.",
])
def test_definitions_rules_and_other_tiers_are_not_ratings(sentence: str) -> None:
    assert facts_in(sentence, "rating") == []
