"""Near-duplicates: find documents that are versions of one article and link their passages."""

from __future__ import annotations

import hashlib
import sqlite3

# Passages shared by more documents than this are boilerplate or stock
# phrases, not evidence that two documents are versions of one article.
_COMMON_PASSAGE_DOCS = 20
# A document is a version of another when at least this share of its
# passage text has a close match there.
_CONTAINMENT = 0.6
_SHARED_PASSAGES = 0.2
_PASSAGE_SIMILARITY = 88.0


def fingerprint(normalized_passage: str) -> int:
    digest = hashlib.blake2b(" ".join(normalized_passage.split()).encode("utf-8", "replace"),
                             digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _candidates(conn: sqlite3.Connection, doc: str) -> list[str]:
    """Other documents sharing enough exact passages with doc to be worth a close look.

    A fuzzy comparison of every passage pair is costly, so it runs only for
    documents that share at least _SHARED_PASSAGES of the smaller one's
    passages word for word (versions of an article keep most sentences).
    """
    shared: dict[str, int] = {}
    own = 0
    for (fp,) in conn.execute("SELECT DISTINCT fingerprint FROM passages WHERE doc = ?", (doc,)):
        own += 1
        others = [row[0] for row in conn.execute(
            "SELECT DISTINCT doc FROM passages WHERE fingerprint = ? AND doc != ? LIMIT ?",
            (fp, doc, _COMMON_PASSAGE_DOCS + 1))]
        if len(others) > _COMMON_PASSAGE_DOCS:
            continue
        for other in others:
            shared[other] = shared.get(other, 0) + 1
    worth = []
    for other, count in shared.items():
        if count < 2:
            continue
        theirs = conn.execute("SELECT COUNT(DISTINCT fingerprint) FROM passages WHERE doc = ?",
                              (other,)).fetchone()[0]
        if count >= _SHARED_PASSAGES * min(own, theirs):
            worth.append((-count, other))
    return [other for _, other in sorted(worth)][:3]


def _passages(conn: sqlite3.Connection, doc: str) -> list[tuple[int, str]]:
    from tipcli.text import normalize

    return [(pid, normalize(text)) for pid, text in
            conn.execute("SELECT id, text FROM passages WHERE doc = ? ORDER BY start", (doc,))]


def _matches(small: list[tuple[int, str]], large: list[tuple[int, str]]) -> dict[int, int]:
    """For each passage of small, its close match in large (by passage id)."""
    from rapidfuzz import fuzz, process

    choices = {pid: text for pid, text in large}
    found: dict[int, int] = {}
    for pid, text in small:
        best = process.extractOne(text, choices, scorer=fuzz.ratio,
                                  score_cutoff=_PASSAGE_SIMILARITY)
        if best is not None:
            found[pid] = int(best[2])
    return found


def _content_chars(conn: sqlite3.Connection, doc: str) -> int:
    return int(conn.execute("SELECT COALESCE(SUM(end - start), 0) FROM passages WHERE doc = ?",
                            (doc,)).fetchone()[0])


def link_duplicates(conn: sqlite3.Connection, docs: list[str]) -> None:
    """Set duplicate_of and passages.same_as for docs and the documents they duplicate.

    The version with more content is the canonical one; the other points to it.
    """
    for doc in docs:
        if conn.execute("SELECT 1 FROM documents WHERE doc = ?", (doc,)).fetchone() is None:
            continue
        for other in _candidates(conn, doc):
            size_doc, size_other = _content_chars(conn, doc), _content_chars(conn, other)
            small, large = (doc, other) if (size_doc, other) < (size_other, doc) else (other, doc)
            small_passages = _passages(conn, small)
            matches = _matches(small_passages, _passages(conn, large))
            matched_chars = sum(len(t) for pid, t in small_passages if pid in matches)
            total = sum(len(t) for _, t in small_passages) or 1
            if matched_chars / total < _CONTAINMENT:
                continue
            canonical = conn.execute("SELECT COALESCE(duplicate_of, doc) FROM documents"
                                     " WHERE doc = ?", (large,)).fetchone()[0]
            if canonical == small:
                continue
            conn.execute("UPDATE documents SET duplicate_of = ? WHERE doc = ? OR duplicate_of = ?",
                         (canonical, small, small))
            conn.executemany("UPDATE passages SET same_as = ? WHERE id = ?",
                             [(target, pid) for pid, target in matches.items()])
            break
