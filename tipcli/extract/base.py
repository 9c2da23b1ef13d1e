"""The extractor protocol and what every extractor shares: context, facts, evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.text import Span


@dataclass(frozen=True)
class Context:
    """One document as the extractors see it: content sentences with file offsets."""

    doc: Document
    segments: list[Segment]
    sentences: list[Span]
    primary_place: str | None  # the place the document is mostly about
    named_report_year: int | None  # the report year the text names most often

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def report_year(self) -> int | None:
        """The catalogue's or front matter's report year, else the one the text names."""
        return self.doc.meta.report_year or self.named_report_year

    @property
    def published(self) -> str | None:
        return self.doc.meta.published


@dataclass(frozen=True)
class Fact:
    """What an extractor found: a kind, its fields, and the spans that state it."""

    kind: str  # "rating", "figure", "quote"
    jurisdiction: str | None
    year: int | None
    key: str  # tier, metric or speaker: what the fact is grouped by
    data: dict[str, Any] = field(hash=False)
    spans: tuple[tuple[int, int], ...] = ()


class Extractor(Protocol):
    """What every extractor in the registry (tipcli/extract/__init__.py) promises.

    - No I/O: it reads only the Context it is given; it opens no file, database
      or socket, prints nothing and keeps no state between documents.
    - Spans inside the text: every span is (start, end) with
      0 <= start < end <= len(ctx.text), and the words there are what state the fact.
    - The same output for the same input: extracting one document twice gives
      equal facts in the same order.
    - Facts only: what becomes of them (the store, the output) is not its business.

    tests/test_extractors.py holds every registered extractor to this.
    """

    name: str

    def extract(self, ctx: Context) -> Iterable[Fact]: ...
