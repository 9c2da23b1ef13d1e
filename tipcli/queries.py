"""Read queries: sources and search, validated and returned as Result objects."""

from __future__ import annotations

from tipcli.errors import UsageProblem
from tipcli.facts.inputs import check_year
from tipcli.lexicon.kinds import InputKind, SourceKind
from tipcli.results import Result
from tipcli.results.documents import Hit, Source
from tipcli.store import Store


def known_docs(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT doc FROM documents ORDER BY doc")]


def resolve_doc(store: Store, doc: str | None) -> str | None:
    """The stored document a user names: its id, its short id or a unique prefix."""
    if doc is None:
        return None
    from tipcli.docids import resolve

    return resolve(doc, known_docs(store))


def sources(store: Store) -> Result[Source]:
    rows = store.conn.execute(
        "SELECT doc, title, outlet, published, report_year, url, kind, duplicate_of, chars,"
        " author, input, json_array_length(pages) FROM documents ORDER BY doc").fetchall()
    items = tuple(Source(doc, title, outlet, published, year, url, SourceKind(kind), duplicate_of,
                         chars, author, InputKind(given), pages)
                  for doc, title, outlet, published, year, url, kind, duplicate_of, chars,
                  author, given, pages in rows)
    return Result(Source, items, notes=("sources",),
                  empty_message="the store holds no documents", hint="add some with 'tipcli add'")


def search(store: Store, query: str, *, limit: int = 10, doc: str | None = None,
           year: int | None = None, min_score: float = 60.0, exact: bool = False
           ) -> Result[Hit]:
    if not query.strip():
        raise UsageProblem("the search query is empty",
                           "give words to look for, e.g. 'domestic helpers'")
    if limit < 1:
        raise UsageProblem(f"--limit must be at least 1, not {limit}")
    if not 0 <= min_score <= 100:
        raise UsageProblem(f"--min-score must be between 0 and 100, not {min_score}")
    doc = resolve_doc(store, doc)
    check_year(year)
    from tipcli import search as engine

    hits = engine.search(store.conn, query, limit=limit, doc=doc, year=year, min_score=min_score,
                         exact=exact)
    return Result(Hit, tuple(hits), notes=(f"search: {query}",),
                  empty_message=f"no passage matches {query!r}",
                  hint="try fewer or other words, or a lower --min-score")
