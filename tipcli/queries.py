"""Read queries: sources and search, validated and returned as Result objects."""

from __future__ import annotations

from tipcli.errors import UsageProblem
from tipcli.facts.inputs import check_year
from tipcli.lexicon.kinds import InputKind, SourceKind
from tipcli.results import Result
from tipcli.results.documents import DocCount, DocMatch, Hit, Source
from tipcli.store import Store


def known_docs(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT doc FROM documents ORDER BY doc")]


def resolve_doc(store: Store, doc: str | None) -> str | None:
    """The stored document a user names: its id, its short id or a unique prefix."""
    if doc is None:
        return None
    from tipcli.docids import resolve

    return resolve(doc, known_docs(store))


def sources(store: Store, year: int | None = None) -> Result[Source]:
    """The documents, by id; with year, only those about that report year."""
    rows = store.conn.execute(
        "SELECT doc, title, outlet, published, report_year, url, kind, duplicate_of, chars,"
        " author, input, json_array_length(pages) FROM documents"
        " WHERE ? IS NULL OR report_year = ? ORDER BY doc", (year, year)).fetchall()
    from tipcli.facts.evidence import short_ids

    shorts = short_ids(store)  # unique among every document, not only those listed
    items = tuple(Source(doc, title, outlet, published, year, url, SourceKind(kind), duplicate_of,
                         chars, author, InputKind(given), pages, shorts.get(doc, doc))
                  for doc, title, outlet, published, year, url, kind, duplicate_of, chars,
                  author, given, pages in rows)
    if year is not None:
        return Result(Source, items, notes=(f"sources · the {year} report",),
                      empty_message=f"no document about the {year} report",
                      hint="see 'tipcli sources' for every year")
    return Result(Source, items, notes=("sources",),
                  empty_message="the store holds no documents", hint="add some with 'tipcli add'")


def search(store: Store, query: str, *, limit: int = 10, doc: str | None = None,
           year: int | None = None, min_score: float = 60.0, exact: bool = False,
           context: int = 0) -> Result[Hit]:
    if limit < 1:
        raise UsageProblem(f"--limit must be at least 1, not {limit}")
    if context < 0:
        raise UsageProblem(f"--context must be 0 or more, not {context}")
    doc = _check_search(store, query, min_score, doc, year)
    from tipcli import search as engine

    hits = engine.search(store.conn, query, limit=limit, doc=doc, year=year, min_score=min_score,
                         exact=exact, context=context)
    return Result(Hit, tuple(hits), notes=(f"search: {query}",),
                  empty_message=f"no passage matches {query!r}", hint=_no_match(exact))


def search_counts(store: Store, query: str, *, doc: str | None = None, year: int | None = None,
                  min_score: float = 60.0, exact: bool = False) -> Result[DocCount]:
    """search --count: each document with matching passages, the most matches first."""
    found = _per_document(store, query, doc, year, min_score, exact)
    about = {row[0]: row[1:] for row in store.conn.execute(
        "SELECT doc, title, outlet, published, report_year FROM documents")}
    items = sorted((DocCount(name, hits, best, *about[name])
                    for name, (hits, best) in found.items()),
                   key=lambda c: (-c.hits, -c.best_score, c.doc))
    return Result(DocCount, tuple(items), notes=(f"search --count: {query}",),
                  empty_message=f"no passage matches {query!r}", hint=_no_match(exact))


def search_files(store: Store, query: str, *, doc: str | None = None, year: int | None = None,
                 min_score: float = 60.0, exact: bool = False) -> Result[DocMatch]:
    """search --files: each document with a matching passage, the best match first."""
    found = _per_document(store, query, doc, year, min_score, exact)
    items = sorted((DocMatch(name, best) for name, (_, best) in found.items()),
                   key=lambda m: (-m.best_score, m.doc))
    return Result(DocMatch, tuple(items), notes=(f"search --files: {query}",),
                  empty_message=f"no passage matches {query!r}", hint=_no_match(exact))


def _no_match(exact: bool) -> str:
    if exact:  # a lower score cannot help: --exact takes only the words as typed
        return "--exact takes the words only as typed; try without it, or fewer words"
    return "try fewer or other words, or a lower --min-score"


def _check_search(store: Store, query: str, min_score: float, doc: str | None,
                  year: int | None) -> str | None:
    """The document to search in, once the request is known to be sound."""
    if not any(c.isalnum() for c in query):  # "", "  ", "\"\"": no word to look for
        raise UsageProblem("the search query is empty",
                           "give words to look for, e.g. 'domestic helpers'")
    if not 0 <= min_score <= 100:
        raise UsageProblem(f"--min-score must be between 0 and 100, not {min_score}")
    doc = resolve_doc(store, doc)
    check_year(year)
    return doc


def _per_document(store: Store, query: str, doc: str | None, year: int | None,
                  min_score: float, exact: bool) -> dict[str, tuple[int, float]]:
    doc = _check_search(store, query, min_score, doc, year)
    from tipcli import search as engine

    return engine.per_document(store.conn, query, doc=doc, year=year, min_score=min_score,
                               exact=exact)
