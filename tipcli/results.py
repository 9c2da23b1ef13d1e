"""Frozen result objects that queries return and renderers print.

They are NamedTuples rather than frozen dataclasses: every lookup imports
this module, and building nine dataclasses cost 5 ms of a ~70 ms cold start.
"""


from typing import Any, Generic, NamedTuple, TypeVar

from tipcli.lexicon.kinds import Basis, SourceKind, SpeakerKind, Tier


def record_json(record: Any) -> dict[str, Any]:
    """A result row's JSON object: its fields in declaration order, minus table-only ones."""
    hidden = TABLE_ONLY.get(type(record), ())
    return {name: _plain(value) for name, value in zip(record._fields, record, strict=True)
            if name not in hidden}


def _plain(value: Any) -> Any:
    if hasattr(value, "_fields"):  # a record (a NamedTuple) before the plain tuples
        return record_json(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


class Hit(NamedTuple):
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


class Source(NamedTuple):
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    report_year: int | None
    url: str | None
    kind: SourceKind
    duplicate_of: str | None
    chars: int


class Change(NamedTuple):
    """What `add`, `remove` or `index` did to one document or to the store."""

    doc: str
    action: str  # added, unchanged, removed, renamed, rebuilt, checked
    detail: str | None


R = TypeVar("R")


class Result(NamedTuple, Generic[R]):
    """What a command prints: records of one type, plus words for the table and for an empty
    answer. The record type picks the table (render/table.py)."""

    record: type
    items: tuple[R, ...]
    notes: tuple[str, ...] = ()
    empty_message: str = "nothing found"
    hint: str | None = None


class EvidenceContext(NamedTuple):
    """The passage around evidence, with its document's date, for tables."""

    start: int
    end: int
    text: str
    report_year: int | None
    published: str | None
    outlet: str | None


class Evidence(NamedTuple):
    """Where a fact is stated: text == the document's text[start:end]."""

    doc: str
    start: int
    end: int
    text: str
    # For tables only (not in JSON): the passage around the words, and the date.
    context: EvidenceContext | None = None


class Alternative(NamedTuple):
    """A tier some source gives a jurisdiction-year other than the verdict."""

    tier: Tier
    basis: Basis
    sources: int
    evidence: tuple[Evidence, ...]


class Rating(NamedTuple):
    """The verdict for one jurisdiction and report year, with every tier sources give."""

    id: str  # "hong-kong/2022"
    jurisdiction: str
    year: int | None  # None: no source tells which report
    tier: Tier | None  # None: sources tie, so no verdict
    basis: Basis | None
    sources: int  # independent documents behind the verdict
    evidence: tuple[Evidence, ...]
    conflict: bool  # does any source state another tier?
    alternatives: tuple[Alternative, ...]


class Figure(NamedTuple):
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


class Metric(NamedTuple):
    metric: str
    figures: int
    periods: tuple[str, ...]
    labels: tuple[str, ...]


class Quote(NamedTuple):
    id: str  # "DOC:OFFSET" of the opening quotation mark, in the fuller version
    speaker: str
    speaker_kind: SpeakerKind
    text: str
    form: str  # "statement", or "phrase" for a few words quoted inside a sentence
    year: int | None  # the report year
    published: str | None
    doc: str
    evidence: tuple[Evidence, ...]  # the quoted words; versions of one article all listed


# Fields that tables show but JSON leaves out (they repeat what JSON has elsewhere).
TABLE_ONLY: dict[type, tuple[str, ...]] = {Evidence: ("context",)}
