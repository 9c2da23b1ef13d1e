"""Records for `show`: text read where it stands, and citations of it."""

from typing import NamedTuple


class Excerpt(NamedTuple):
    """A piece of a document as `show` prints it: a span (a fact's evidence or --at) in the
    sentences around it, or, with no span, the whole document."""

    doc: str
    short_id: str  # the id as tables show it, which every DOC argument takes
    start: int | None  # the span; None when a whole document is shown
    end: int | None
    text: str | None  # the document's text[start:end]
    page: int | None  # for a PDF, the page the span starts on (1 is the first)
    context_start: int  # what is shown: the sentences around the span, or the whole text
    context_end: int
    context: str  # the document's text[context_start:context_end]
    highlights: tuple[tuple[int, int], ...]  # spans highlighted in context, in file offsets
    furniture: tuple[tuple[int, int], ...]  # parts of context no passage covers (dimmed)
    fact: str | None  # the fact the span is evidence of, by its id ("hong-kong/2022")
    fact_kind: str | None  # rating, figure or quote
    about: str | None  # what the fact says, in words
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    citation: str  # outlet, "title", date, page, URL: "the span's words"


class Citation(NamedTuple):
    """A line a journalist can paste: who published the words, when, where, and the words."""

    doc: str
    start: int | None
    end: int | None
    text: str | None
    page: int | None
    fact: str | None
    citation: str
