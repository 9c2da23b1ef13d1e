"""The evidence of facts: the spans that state them, with the passage around each for tables."""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping
from typing import Any

from tipcli.lexicon.kinds import Basis
from tipcli.results import Evidence, EvidenceContext
from tipcli.store import Store


def evidence(store: Store, fact_ids: list[int],
             basis: Mapping[int, Basis] | None = None) -> list[Evidence]:
    """The spans stating these facts, in the order the facts are given (the caller puts the
    stronger first), each span once, with the passage around it for tables. basis: how
    each fact (a rating claim) was read, given to its spans (a span two facts share takes
    the first fact's)."""
    marks = ",".join("?" * len(fact_ids))
    found = store.conn.execute(
        f"SELECT e.fact, e.doc, e.start, e.end, e.text, d.report_year, d.published, d.outlet,"
        f" d.pages, d.url, d.title, d.duplicate_of FROM evidence e"
        f" JOIN documents d ON d.doc = e.doc"
        f" WHERE e.fact IN ({marks}) ORDER BY e.doc, e.start", fact_ids).fetchall()
    order = {fid: i for i, fid in reversed(list(enumerate(fact_ids)))}
    read_as: dict[tuple[Any, ...], Basis | None] = {}
    for row in sorted(found, key=lambda r: order[r[0]]):
        read_as.setdefault(row[1:], basis.get(row[0]) if basis else None)
    out = []
    pages: dict[str, list[int]] = {}
    shorts = short_ids(store)
    for row, how in read_as.items():
        doc, start, end, text, year, published, outlet, starts, url, title, version_of = row
        page = None
        if starts:
            if doc not in pages:
                pages[doc] = json.loads(starts)
            page = bisect.bisect_right(pages[doc], start) or None
        around = store.conn.execute(
            "SELECT MIN(start), MAX(end) FROM passages WHERE doc = ? AND end > ? AND start < ?",
            (doc, start, end)).fetchone()
        lo = hi = None
        passage = ""
        if around[0] is not None:
            lo, hi = min(around[0], start), max(around[1], end)
            passage = "".join(row[0] for row in store.conn.execute(
                "SELECT text FROM passages WHERE doc = ? AND start = ?", (doc, lo)))
            if not passage or lo + len(passage) < hi:
                lo = hi = None
                passage = ""
        context = EvidenceContext(lo, None if lo is None else lo + len(passage), passage, year,
                                  published, outlet, shorts.get(doc, doc), version_of)
        out.append(Evidence(doc, start, end, text, page, outlet, published, url, title, how,
                            context))
    return out


def short_ids(store: Store) -> dict[str, str]:
    """Every document's short id, read once per open store."""
    if store.short_ids is None:
        from tipcli import docids

        store.short_ids = docids.short_ids(
            row[0] for row in store.conn.execute("SELECT doc FROM documents"))
    return store.short_ids
