"""One verdict per jurisdiction and year: stated beats inferred, the US government's text
beats accounts of it, more sources beat fewer, and a tie gives no verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tipcli.facts.ratings import _Claim, verdict, weigh
from tipcli.lexicon.kinds import Basis, SourceKind, Tier

ST, INF = Basis.STATED, Basis.INFERRED
NEWS, REPORT = SourceKind.NEWS, SourceKind.REPORT


def claims(*spec: tuple[str, Basis, SourceKind]) -> list[_Claim]:
    return [_Claim(i, doc, doc, basis, kind) for i, (doc, basis, kind) in enumerate(spec)]


def decide(by_tier: dict[Tier, list[_Claim]]) -> tuple[Tier | None, list[Tier], bool]:
    best, others, conflict = verdict([weigh(t, c) for t, c in by_tier.items()])
    return (best.tier if best else None), [w.tier for w in others], conflict


def test_stated_beats_inferred() -> None:
    inferred = claims(("b", INF, REPORT), ("c", INF, NEWS), ("d", INF, NEWS))
    assert decide({Tier.TIER_2: claims(("a", ST, NEWS)), Tier.TIER_3: inferred}) == (
        Tier.TIER_2, [Tier.TIER_3], False)  # an inferred alternative is no conflict


def test_the_us_governments_text_beats_accounts_of_it() -> None:
    assert decide({Tier.TIER_3: claims(("narrative", ST, REPORT)),
                   Tier.WATCH_LIST: claims(("a", ST, NEWS), ("b", ST, NEWS))}) == (
        Tier.TIER_3, [Tier.WATCH_LIST], True)


def test_more_sources_beat_fewer_and_versions_count_once() -> None:
    assert decide({Tier.TIER_2: claims(("a", ST, NEWS), ("b", ST, NEWS)),
                   Tier.TIER_1: claims(("c", ST, NEWS))}) == (Tier.TIER_2, [Tier.TIER_1], True)
    # two versions of one article ("a" twice) are one source: a tie, so no verdict
    assert decide({Tier.TIER_2: claims(("a", ST, NEWS), ("a", ST, NEWS)),
                   Tier.TIER_1: claims(("c", ST, NEWS))}) == (
        None, [Tier.TIER_1, Tier.TIER_2], True)  # equal weight: the ladder's order


def test_a_tie_gives_no_verdict_and_lists_every_tier() -> None:
    tier, others, conflict = decide({Tier.TIER_2: claims(("a", ST, NEWS)),
                                     Tier.TIER_3: claims(("b", ST, NEWS))})
    assert (tier, sorted(others), conflict) == (None, [Tier.TIER_2, Tier.TIER_3], True)


def corpus_doc(tmp_path: Path, part: str, name: str) -> Path:
    """A corpus document without its gold, so that only the document is added."""
    target = tmp_path / part / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((ROOT / "tests" / "corpus" / part / name).read_bytes())
    return target


def test_a_real_conflict_as_json(cli: Any, tmp_path: Path) -> None:
    """Malaysia in 2021: the State Department's narrative says Tier 3; a local story says it
    stayed on the Watch List. The narrative wins; the story stays as a stated alternative."""
    for name in ("b-narrative-malaysia-2021.txt", "c-local-singapore-2021.txt"):
        assert cli("add", str(corpus_doc(tmp_path, "dev", name))).code == 0
    [malaysia] = cli("rating", "2021", "-j", "malaysian", "--json").json()
    assert (malaysia["id"], malaysia["tier"], malaysia["basis"], malaysia["sources"],
            malaysia["conflict"]) == ("malaysia/2021", "Tier 3", "stated", 1, True)
    assert [(a["tier"], a["basis"], a["sources"]) for a in malaysia["alternatives"]] == [
        ("Tier 2 Watch List", "stated", 1)]
    assert {e["doc"] for e in malaysia["evidence"]} == {"b-narrative-malaysia-2021.txt"}
    assert {e["doc"] for e in malaysia["alternatives"][0]["evidence"]} == {
        "c-local-singapore-2021.txt"}
    table = cli("rating", "2021", "-j", "Malaysia").out
    assert "also stated: Tier 2 Watch List" in table and "sources disagree" in table


def test_a_tie_as_json(cli: Any, tmp_path: Path) -> None:
    for name, tier in (("one.txt", "Tier 1"), ("two.txt", "Tier 2")):
        (tmp_path / name).write_text(f"Headline {name}\n\nThe 2019 Trafficking in Persons Report "
                                     f"placed Fiji on {tier}, the paper said.\n", encoding="utf-8")
        assert cli("add", str(tmp_path / name), "--outlet", f"Paper {name}").code == 0
    [fiji] = cli("rating", "2019", "-j", "fiji", "--json").json()
    assert (fiji["tier"], fiji["basis"], fiji["sources"], fiji["conflict"]) == (
        None, None, 0, True)
    assert sorted(a["tier"] for a in fiji["alternatives"]) == ["Tier 1", "Tier 2"]
    assert "no verdict" in cli("rating", "2019", "-j", "fiji").out


def test_unknown_years_are_kept_but_never_filtered_into_a_year(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text("Headline\n\nThe report kept Fiji on Tier 2.\n",
                                          encoding="utf-8")
    assert cli("add", str(tmp_path / "undated.txt")).code == 0
    every = cli("rating", "-j", "Fiji", "--json").json()
    assert [(r["id"], r["year"], r["tier"]) for r in every] == [("fiji/unknown", None, "Tier 2")]
    assert cli("rating", "2020", "-j", "Fiji", "--json").code == 1
    assert "?" in cli("rating", "-j", "Fiji").out


def test_jurisdictions_are_forgiving(cli: Any) -> None:
    for typed in ("hong kong", "HKSAR", "Hong Kong SAR", "hk"):
        assert cli("rating", "2022", "-j", typed, "--json").json()[0]["jurisdiction"] == \
            "Hong Kong"
    for typed in ("south korea", "ROK", "Burma", "macao", "Côte d'Ivoire"):
        run = cli("rating", "-j", typed, "--json")
        assert run.code in (0, 1) and run.out.strip().startswith("["), (typed, run.err)
    run = cli("rating", "-j", "Hong Kongg")
    assert run.code == 2 and "did you mean 'Hong Kong'" in run.err
    everyone = cli("rating", "-j", "all", "--json").json()
    assert {"Hong Kong", "Macau", "China", "Japan"} <= {r["jurisdiction"] for r in everyone}
