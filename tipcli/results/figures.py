"""Records for `stats`: stated figures, and the metrics they count."""

from typing import NamedTuple

from tipcli.results import Evidence


class Conversion(NamedTuple):
    """An amount's conversion as the text states it: "HK$50 million (US$6.4 million)"."""

    value: int | float
    unit: str


class Figure(NamedTuple):
    id: str  # "DOC:OFFSET", stable while the document is unchanged
    jurisdiction: str | None
    metric: str
    label: str
    value: int | float
    unit: str | None
    converted: tuple[Conversion, ...]  # stated conversions of the amount, not figures
    qualifier: str | None
    period: str | None
    report_year: int | None
    part_of: str | None  # the id of the total this figure breaks down
    parts_sum: int | float | None  # for a total: the sum of its parts as stated
    adds_up: bool | None  # for a total: do its parts add up to it?
    evidence: tuple[Evidence, ...]


class Metric(NamedTuple):
    metric: str
    figures: int
    periods: tuple[str, ...]
    labels: tuple[str, ...]
