"""Figures: gold from the seeds, breakdowns, non-figures, and the stats command."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT, assert_offsets, facts_in

GOLD = json.loads((ROOT / "tests" / "gold" / "figures.json").read_text(encoding="utf-8"))


def rows(figures: list[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    values = {f["id"]: f["value"] for f in figures}
    return Counter((f["evidence"][0]["doc"][:3], f["metric"], f["value"], f["unit"],
                    f["qualifier"], f["period"], values.get(f["part_of"])) for f in figures)


def test_seed_figures_match_gold(cli: Any, home: Path) -> None:
    figures = cli("stats", "--json").json()
    found = rows(figures)
    gold = Counter(tuple(g) for g in GOLD["figures"])
    assert found - gold == Counter(), "false positives"
    assert gold - found == Counter(), "missed figures"
    for fig in figures:
        for ev in fig["evidence"]:
            assert_offsets(ev["doc"], ev["start"], ev["end"], ev["text"], home)


def test_breakdown_that_does_not_add_up_is_flagged_not_corrected(cli: Any) -> None:
    figures = cli("stats", "--metric", "investigations", "--json").json()
    total = next(f for f in figures if f["value"] == 114)
    assert total["parts_sum"] == 113 and total["adds_up"] is False
    parts = [f["value"] for f in figures if f["part_of"] == total["id"]]
    assert sorted(parts) == [3, 46, 64]
    agencies = next(f for f in cli("stats", "-m", "prosecutions", "--json").json()
                    if f["value"] == 11)
    assert agencies["adds_up"] is True


def test_units_and_words(cli: Any) -> None:
    figures = cli("stats", "--json").json()
    by_text = {f["evidence"][0]["text"]: f for f in figures}
    assert by_text["HK$62 million"]["value"] == 62
    assert by_text["HK$62 million"]["unit"] == "HKD million"
    share = next(f for f in figures if f["unit"] == "%")
    assert share["value"] == 0.04
    three = next(f for t, f in by_text.items() if t.startswith("three cases"))
    assert three["value"] == 3


@pytest.mark.parametrize("sentence", [
    "On June 21, 2019, a 69-year-old woman was arrested under section 129 of the Crimes "
    "Ordinance (Cap. 200).",
    "Hong Kong stayed on Tier 2 in the 2019 report; call 2835 1473 or +852 2835 1473.",
    "The 2019-20 budget was announced on 26 February 2019 at 11:30am.",
    "The trafficking report said " + "9" * 5000 + " victims were found.",
    "Hong Kong has been on the watch list for three years and over the past two years.",
])
def test_dates_ages_sections_tiers_phones_are_not_figures(sentence: str) -> None:
    assert facts_in(sentence, "figure") == []


def test_fixture_styles(cli: Any, home: Path) -> None:
    assert cli("add", str(FIXTURES)).code == 0
    figures = cli("stats", "-j", "hong kong", "--json").json()
    got = {(f["metric"], f["value"], f["period"]) for f in figures}
    assert ("victims_identified", 7, "2018") in got
    assert ("victims_identified", 12, "2017") in got  # "compared with 12 in 2017"
    assert ("victim_screenings", 1520, "2013") in got
    assert ("victim_screenings", 6900, "2020") in got  # the excerpt cut mid-sentence
    assert ("funding", 58, None) in got
    total = next(f for f in figures if f["metric"] == "investigations" and f["value"] == 22)
    assert total["parts_sum"] == 21 and total["adds_up"] is False
    for fig in figures:
        assert_offsets(fig["evidence"][0]["doc"], fig["evidence"][0]["start"],
                       fig["evidence"][0]["end"], fig["evidence"][0]["text"], home)


def test_stats_command(cli: Any) -> None:
    run = cli("stats", "--metric", "screenings")
    assert run.code == 0 and "victim_screenings" in run.out
    assert cli("stats", "2019", "--json").json()
    assert cli("stats", "1999").code == 1
    run = cli("stats", "-m", "zzzzqq")
    assert run.code == 2 and len(run.err.splitlines()) == 1
    metrics = cli("stats", "--list-metrics", "--json").json()
    assert {"metric", "figures", "periods", "labels"} == set(metrics[0])
    assert any(m["metric"] == "victim_screenings" for m in metrics)


def test_trend_is_shown_for_several_periods(cli: Any) -> None:
    cli("add", str(FIXTURES))
    out = cli("stats", "-m", "screenings").out
    assert "trends" in out and "→" in out


_NUMBERISH = ["HK$", "MOP$ ", "US$", "RMB ", "€", "£", "$", "7,500", "12,34", "3.5", "1.5.6",
              "9 800", "9\u202f800", " patacas", " Hong Kong dollars", "m", "k", "a", "No",
              "2019", "one", "One", "twenty-one", "a dozen", "no", "someone", "abc123", "-5",
              "million", "bn", "%", " per cent", "victims", "cases", ",", ".", " ", " and "]


@pytest.mark.parametrize("seed", range(300))
def test_fast_number_scan_matches_the_pattern(seed: int) -> None:
    """amount_matches() must yield exactly what AMOUNT.finditer() would."""
    import random

    from tipcli.extract.amounts import AMOUNT, amount_matches

    rng = random.Random(seed)
    text = "".join(rng.choice(_NUMBERISH) for _ in range(rng.randrange(1, 40)))
    start = rng.randrange(0, max(1, len(text) // 3))
    want = [m.span() for m in AMOUNT.finditer(text, start, len(text))]
    assert [m.span() for m in amount_matches(text, start, len(text))] == want, text
