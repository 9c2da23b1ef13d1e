"""Frozen result records that queries return and renderers print: what every record shares.

They are NamedTuples rather than frozen dataclasses, and each kind of answer has its own
module, because every lookup imports the records it prints: building a record class costs
about a tenth of a millisecond, and cold start is counted in milliseconds.
"""

from typing import Any, Generic, NamedTuple, TypeVar

from tipcli.lexicon.kinds import Basis


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


R = TypeVar("R")


class Result(NamedTuple, Generic[R]):
    """What a command prints: records of one type, plus words for the table and for an empty
    answer. The record type picks the table (render/table.py)."""

    record: type
    items: tuple[R, ...]
    notes: tuple[str, ...] = ()
    empty_message: str = "nothing found"
    hint: str | None = None
    full: bool = False  # tables: every piece of evidence in its passage, not the best one


class EvidenceContext(NamedTuple):
    """The passage around evidence, and its document as tables name it."""

    start: int | None  # None: no passage holds the words (the passage fields are then empty)
    end: int | None
    text: str
    report_year: int | None
    published: str | None
    outlet: str | None
    short_doc: str  # the document's short id (tipcli.docids)
    version_of: str | None  # the fuller version of the same article, when this is another


class Evidence(NamedTuple):
    """Where a fact is stated: text == the document's text[start:end]."""

    doc: str
    start: int
    end: int
    text: str
    page: int | None = None  # the page of a PDF the words start on (1 is the first)
    # The document it is in, named as a reader cites it.
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    # A rating's evidence mixes words that state its tier with words it is only inferred
    # from (a later report's "upgraded from"); this says which. None for figures and quotes.
    basis: Basis | None = None
    # For tables only (not in JSON): the passage around the words, and the date.
    context: EvidenceContext | None = None

    @property
    def article(self) -> str:
        """The document whose versions (syndicated copies, updates) these words are in."""
        return self.context.version_of if self.context and self.context.version_of else self.doc


# Fields that tables show but JSON leaves out (they repeat what JSON has elsewhere).
TABLE_ONLY: dict[type, tuple[str, ...]] = {Evidence: ("context",)}
