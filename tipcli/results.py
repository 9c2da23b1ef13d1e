"""Frozen result objects that queries return and renderers print."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar


class Record:
    """A result row: its JSON object is its fields, in declaration order."""

    def to_json(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name))
                for f in fields(self) if f.metadata.get("json", True)}  # type: ignore[arg-type]


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Hit(Record):
    doc: str
    start: int
    end: int
    text: str
    score: float
    report_year: int | None
    published: str | None
    outlet: str | None
    matches: tuple[tuple[int, int], ...]
    also_in: tuple[str, ...]


@dataclass(frozen=True)
class Source(Record):
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    report_year: int | None
    url: str | None
    duplicate_of: str | None
    chars: int


@dataclass(frozen=True)
class Change(Record):
    """What `add`, `remove` or `index` did to one document or to the store."""

    doc: str
    action: str  # added, unchanged, removed, renamed, rebuilt, checked
    detail: str | None


R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Result(Generic[R]):
    """What a command prints: records, plus words for the table and for an empty answer."""

    kind: str
    items: tuple[R, ...]
    notes: tuple[str, ...] = ()
    empty_message: str = "nothing found"
    hint: str | None = None


@dataclass(frozen=True)
class Evidence(Record):
    """Where a fact is stated: text == the document's text[start:end]."""

    doc: str
    start: int
    end: int
    text: str
    # For tables only (not in JSON): the passage around the words, and the date.
    context: Hit | None = field(default=None, compare=False, metadata={"json": False})


@dataclass(frozen=True)
class Rating(Record):
    jurisdiction: str
    year: int
    tier: str
    basis: str  # "stated" or "inferred"
    evidence: tuple[Evidence, ...]
    conflict: bool


@dataclass(frozen=True)
class Figure(Record):
    id: str  # "DOC:OFFSET", stable while the document is unchanged
    jurisdiction: str | None
    metric: str
    label: str
    value: int | float
    unit: str | None
    qualifier: str | None
    period: str | None
    report_year: int | None
    part_of: str | None  # the id of the total this figure breaks down
    parts_sum: int | float | None  # for a total: the sum of its parts as stated
    adds_up: bool | None  # for a total: do its parts add up to it?
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Metric(Record):
    metric: str
    figures: int
    periods: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Quote(Record):
    speaker: str
    speaker_kind: str  # government, report, official, other
    text: str
    form: str  # "statement", or "phrase" for a few words quoted inside a sentence
    year: int | None  # the report year
    published: str | None
    doc: str
    evidence: tuple[Evidence, ...]  # the quoted words; versions of one article all listed
