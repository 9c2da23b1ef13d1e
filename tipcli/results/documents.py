"""Records for `search`, `sources` and the commands that change the store."""

from typing import NamedTuple

from tipcli.lexicon.kinds import InputKind, SourceKind


class Passage(NamedTuple):
    """A passage next to a hit (search -C): text == the document's text[start:end]."""

    start: int
    end: int
    text: str


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
    query: str  # the words searched for, each in its likeliest spelling
    corrected: str | None  # the words as typed, when some were corrected; else None
    # search -C N: up to N passages of the same document before and after, in text order.
    before: tuple[Passage, ...] = ()
    after: tuple[Passage, ...] = ()


class DocCount(NamedTuple):
    """search --count: how many passages of one document match."""

    doc: str
    hits: int
    best_score: float
    title: str | None
    outlet: str | None
    published: str | None
    report_year: int | None


class DocMatch(NamedTuple):
    """search --files: a document with a passage that matches, and its best score."""

    doc: str
    best_score: float


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
    author: str | None
    input: InputKind  # what it was added from: seed, file, url or pdf
    pages: int | None  # a PDF's page count
    short_id: str  # the id as tables show it, which every DOC argument takes


class Change(NamedTuple):
    """What `add`, `remove` or `index` did to one document or to the store."""

    doc: str
    # added, replaced, updated, unchanged, skipped, removed; rebuilt, checked for the store
    action: str
    detail: str | None
    source: str | None = None  # the path or URL as the user gave it


class Preview(NamedTuple):
    """What `add --dry-run` found in one input, and what adding it would do."""

    doc: str
    action: str  # add, replace, unchanged, skip
    source: str
    input: InputKind | None
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None
    url: str | None
    kind: SourceKind | None
    report_year: int | None
    report_year_from: str | None  # how the year is known: given, explicit, title_url, date_only…
    pages: int | None
    ratings: int
    figures: int
    quotes: int
    detail: str | None  # why an input would be skipped
