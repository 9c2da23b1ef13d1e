"""The extractor protocol and what every extractor shares: context, facts, evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.extract.places import Mention, add_anaphors
from tipcli.extract.profile import Profile
from tipcli.text import Span

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """One document as the extractors see it: content sentences with file offsets, and what
    the document is (its kind, report year and main place)."""

    doc: Document
    segments: list[Segment]
    sentences: list[Span]
    profile: Profile
    # The places each sentence names (by its start), found once for everyone who asks; the
    # words that stand for the document's own place ("the city") are added on first use.
    places: dict[int, list[Mention]] = field(compare=False, repr=False)
    _resolved: dict[int, list[Mention]] = field(default_factory=dict, compare=False, repr=False)
    # What is found once per document and shared by its narratives' contexts (see once).
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, make: Callable[[], T]) -> T:
        """make(), computed once per document: the annual report's narratives share the
        scans of the whole text instead of repeating them one narrative at a time."""
        if key not in self.memo:
            self.memo[key] = make()
        value: T = self.memo[key]
        return value

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def report_year(self) -> int | None:
        """The report the document is mainly about (see profile.report_year)."""
        return self.profile.report_year

    @property
    def primary_place(self) -> str | None:
        return self.profile.primary_place

    @property
    def published(self) -> str | None:
        return self.doc.meta.published

    def mentions(self, sentence: Span) -> list[Mention]:
        """The places a sentence names (see places.mentions), "the city" included."""
        found = self._resolved.get(sentence.start)
        if found is None:
            found = add_anaphors(self.doc.text, sentence.start, sentence.end,
                                 self.places.get(sentence.start), self.primary_place)
            self._resolved[sentence.start] = found
        return found

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
