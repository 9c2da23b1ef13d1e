"""Trends in the stats table: like for like, one value per period, disagreements apart."""

from __future__ import annotations

from typing import Any

from tipcli.render.trends import narrowed, trends
from tipcli.results import Evidence
from tipcli.results.figures import Figure


def figure(value: int, period: str, doc: str, *, metric: str = "victims_identified",
           label: str = "victims", place: str = "Hong Kong", part_of: str | None = None
           ) -> Figure:
    return Figure(id=f"{doc}:{value}", jurisdiction=place, metric=metric, label=label,
                  value=value, unit=None, converted=(), qualifier=None, period=period,
                  report_year=None, part_of=part_of, parts_sum=None, adds_up=None,
                  evidence=(Evidence(doc, 0, 1, "x"),))


def test_sources_with_one_value_merge_and_the_direction_is_named() -> None:
    [series] = trends([figure(7, "2018", "a"), figure(3, "2020", "b"), figure(3, "2020", "c"),
                       figure(12, "2017", "a")])
    assert [(p.period, p.value, [f.evidence[0].doc for f in p.figures]) for p in series.points] \
        == [("2017", 12, ["a"]), ("2018", 7, ["a"]), ("2020", 3, ["b", "c"])]
    assert series.direction == "falling" and series.disagreements == ()


def test_different_values_for_one_period_are_a_disagreement_not_a_point() -> None:
    [series] = trends([figure(2, "2023", "a"), figure(61, "2023", "b"), figure(41, "2022", "b"),
                       figure(3, "2021", "c")])
    assert [p.period for p in series.points] == ["2021", "2022"]
    assert [(period, [p.value for p in values]) for period, values in series.disagreements] \
        == [("2023", [2, 61])]
    assert series.direction == "rising"


def test_one_document_stating_several_values_is_no_disagreement() -> None:
    series = trends([figure(460, "2020", "a", metric="victims_assisted"),
                     figure(14, "2020", "a", metric="victims_assisted"),
                     figure(530, "2019", "a", metric="victims_assisted")])
    assert series == []


def test_unlike_figures_are_never_joined() -> None:
    mixed = [figure(7, "2018", "a"), figure(30, "2019", "b", label="child victims"),
             figure(31, "2022", "c", metric="other", label="city residents"),
             figure(5, "2019", "d", metric="other", label="brothels"),
             figure(9, "2019", "e", place="Macau"), figure(4, "2019", "a", part_of="a:7")]
    assert trends(mixed) == []  # no two comparable figures over two periods
    assert narrowed("child trafficking victims") == ("children",)
    assert narrowed("cases of sex trafficking") == ("sex",)


def test_mixed_and_unchanged() -> None:
    [up_down] = trends([figure(1, "2019", "a"), figure(5, "2020", "a"), figure(2, "2021", "a")])
    assert up_down.direction == "mixed"
    [flat] = trends([figure(3, "2019", "a"), figure(3, "2020", "b")])
    assert flat.direction == "unchanged"


def test_stats_table_shows_the_trend_and_json_every_figure(cli: Any) -> None:
    from tests.conftest import FIXTURES

    cli("add", str(FIXTURES))
    table = cli("stats", "--metric", "victims_identified", "-j", "hong kong").out
    assert "trends" in table and "victims_identified (Hong Kong)" in table
    figures = cli("stats", "--metric", "victims_identified", "-j", "hong kong", "--json").json()
    assert len({f["id"] for f in figures}) == len(figures) >= 4
