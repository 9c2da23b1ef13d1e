"""Trends for the stats table: like-for-like figures over periods, one value per period, with
disagreements between sources shown apart rather than drawn."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from tipcli.lexicon.metrics import SUBGROUPS
from tipcli.results.figures import Figure

_WORDS = re.compile(r"[a-z]+")


class Point(NamedTuple):
    period: str
    value: int | float
    figures: tuple[Figure, ...]  # every source that states this value for this period


class Series(NamedTuple):
    metric: str
    jurisdiction: str | None
    unit: str | None
    narrowed: tuple[str, ...]  # the subgroups its labels name ("children", "sex"), if any
    points: tuple[Point, ...]  # periods on which the sources agree, in order
    disagreements: tuple[tuple[str, tuple[Point, ...]], ...]  # period, differing values

    @property
    def direction(self) -> str:
        """Which way the agreed values move: rising, falling, unchanged or mixed."""
        values = [p.value for p in self.points]
        if len(values) < 2:
            return ""
        steps = {(b > a) - (b < a) for a, b in pairwise(values)} - {0}
        if not steps:
            return "unchanged"
        if len(steps) == 2:
            return "mixed"
        return "rising" if steps == {1} else "falling"


class _Like(NamedTuple):
    """What makes figures comparable."""

    metric: str
    jurisdiction: str | None
    unit: str | None
    narrowed: tuple[str, ...]
    head: str  # for `other` only: the counted noun


def narrowed(label: str) -> tuple[str, ...]:
    """The subgroups a label narrows its count to: "child victims" → ("children",)."""
    return tuple(sorted({SUBGROUPS[w] for w in _WORDS.findall(label.lower()) if w in SUBGROUPS}))


def _head(label: str) -> str:
    words = _WORDS.findall(label.lower())
    return words[-1] if words else ""


def trends(figures: Iterable[Figure]) -> list[Series]:
    """Series of totals that count the same thing (metric, place, unit and the subgroups
    their labels name; for `other`, the same counted noun too) over two or more periods."""
    groups: dict[_Like, dict[str, dict[float, list[Figure]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for fig in figures:
        if fig.part_of is not None or not fig.period:
            continue
        key = _Like(fig.metric, fig.jurisdiction, fig.unit, narrowed(fig.label),
                    _head(fig.label) if fig.metric == "other" else "")
        groups[key][fig.period][float(fig.value)].append(fig)
    out = []
    for like, by_period in groups.items():
        points: list[Point] = []
        disagreements: list[tuple[str, tuple[Point, ...]]] = []
        for period in sorted(by_period):
            values = [Point(period, figs[0].value, tuple(figs))
                      for _, figs in sorted(by_period[period].items())]
            if len(values) == 1:
                points.append(values[0])
            elif len({f.evidence[0].doc for p in values for f in p.figures}) > 1:
                disagreements.append((period, tuple(values)))
            # One document stating several values for one period counts several things
            # ("shelter to 460 victims", "restitution for 14"): no trend, no disagreement.
        if len(points) >= 2 or disagreements:
            out.append(Series(like.metric, like.jurisdiction, like.unit, like.narrowed,
                              tuple(points), tuple(disagreements)))
    return sorted(out, key=lambda s: (s.metric, s.jurisdiction or "", s.narrowed))
