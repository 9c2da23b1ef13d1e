"""Records for `search`, `sources` and the commands that change the store."""

from typing import NamedTuple

from tipcli.lexicon.kinds import SourceKind


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
