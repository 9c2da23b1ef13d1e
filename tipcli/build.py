"""Indexing: documents become store rows (passages, vocabulary, facts), fully or incrementally."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tipcli import dedup
from tipcli.cleaning import Segment, clean
from tipcli.db import current_stamps, open_scratch, write_meta
from tipcli.documents import (
    Document,
    added_files,
    file_stamp,
    load_added,
    load_seed,
    load_seed_catalogue,
    seed_files,
)
from tipcli.extract.base import Fact
from tipcli.extract.profile import Profile
from tipcli.notices import Progress
from tipcli.paths import index_path
from tipcli.schema import SCHEMA
from tipcli.text import normalize, passages, terms


def title_of(doc: Document, segments: list[Segment]) -> str | None:
    """The catalogue's title, else the document's headline, else its opening words."""
    if doc.meta.title:
        return doc.meta.title
    for seg in segments:
        if seg.kind == "title":
            return str(doc.text[seg.start:seg.end])
    for seg in segments:
        if seg.is_content:
            opening = " ".join(doc.text[seg.start:seg.end].split())
            return opening if len(opening) <= 80 else opening[:79].rstrip() + "…"
    return None


@dataclass(frozen=True)
class Prepared:
    """One document's store rows, computed without the store (so in any process)."""

    doc: Document
    title: str | None
    sha256: str
    size: int
    mtime_ns: int
    segments: list[tuple[int, int, str]]
    passages: list[tuple[int, int, str, str, int]]  # start, end, text, normalised, fingerprint
    vocabulary: Counter[str]  # term -> passages containing it
    profile: Profile
    facts: list[Fact]


def prepare(doc: Document) -> Prepared:
    """Clean, split and extract one document: the CPU-heavy half of indexing."""
    from tipcli.extract import read

    segments = clean(doc.text)
    size, mtime_ns = file_stamp(doc.path)
    vocabulary: Counter[str] = Counter()
    rows = []
    for span in passages(doc.text, segments):
        norm = normalize(span.text)
        vocabulary.update(set(terms(norm, normalized=True)))
        rows.append((span.start, span.end, span.text, norm, dedup.fingerprint(norm)))
    profile, facts = read(doc, segments)
    return Prepared(doc, title_of(doc, segments), doc.sha256, size, mtime_ns,
                    [(s.start, s.end, s.kind) for s in segments], rows, vocabulary, profile,
                    facts)


def insert(conn: sqlite3.Connection, prepared: Prepared,
           vocabulary: Counter[str] | None = None) -> None:
    """Write one prepared document's rows: the store half of indexing.

    With vocabulary, the document's terms are added to it for the caller to
    write once for a whole batch (see _add_vocabulary), not per document.
    """
    doc, meta = prepared.doc, prepared.doc.meta
    provenance = doc.provenance
    conn.execute(
        "INSERT INTO documents (doc, title, outlet, published, report_year, url, kind, author,"
        " input, source, pages, duplicate_of, chars, sha256, origin, size, mtime_ns)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?,?,?)",
        (doc.doc, prepared.title, meta.outlet, meta.published, prepared.profile.report_year,
         meta.url, prepared.profile.kind, meta.author,
         "seed" if doc.origin == "seed" else provenance.input, provenance.source,
         json.dumps(provenance.pages) if provenance.pages else None, len(doc.text),
         prepared.sha256, doc.origin, prepared.size, prepared.mtime_ns),
    )
    conn.executemany("INSERT INTO segments (doc, start, end, kind) VALUES (?,?,?,?)",
                     [(doc.doc, *segment) for segment in prepared.segments])
    first_id = _next_id(conn, "passages")
    conn.executemany(
        "INSERT INTO passages (id, doc, start, end, text, fingerprint) VALUES (?,?,?,?,?,?)",
        [(first_id + i, doc.doc, start, end, text, fp)
         for i, (start, end, text, _, fp) in enumerate(prepared.passages)])
    conn.executemany("INSERT INTO passages_fts (rowid, body) VALUES (?, ?)",
                     [(first_id + i, row[3]) for i, row in enumerate(prepared.passages)])
    if vocabulary is None:
        _add_vocabulary(conn, prepared.vocabulary)
    else:
        vocabulary.update(prepared.vocabulary)
    _insert_facts(conn, doc, prepared.facts)


def _insert_facts(conn: sqlite3.Connection, doc: Document, facts: list[Fact]) -> None:
    """Store what the extractors found in doc, with the words of every span."""
    first = _next_id(conn, "facts")
    conn.executemany(
        "INSERT INTO facts (id, kind, doc, jurisdiction, year, key, data) VALUES (?,?,?,?,?,?,?)",
        [(first + i, fact.kind, doc.doc, fact.jurisdiction, fact.year, fact.key,
          json.dumps(fact.data, ensure_ascii=False)) for i, fact in enumerate(facts)])
    conn.executemany(
        "INSERT INTO evidence (fact, doc, start, end, text) VALUES (?,?,?,?,?)",
        [(first + i, doc.doc, s, e, doc.text[s:e])
         for i, fact in enumerate(facts) for s, e in fact.spans])


def _prepare_job(job: tuple[Path, bool]) -> Prepared:
    """Load and prepare one file; runs in a worker process."""
    path, is_seed = job
    return prepare(load_seed(path, load_seed_catalogue()) if is_seed else load_added(path))


# Below this much text, starting worker processes costs more than it saves.
_PARALLEL_MIN_BYTES = 2_000_000


def prepared_documents(jobs: list[tuple[Path, bool]]) -> Iterator[Prepared]:
    """Prepared documents in job order, spread over the CPU cores when it pays.

    The store has one writer, so workers only compute rows; this process
    inserts them while the workers go on with the next documents.
    """
    workers = min(os.cpu_count() or 1, 8, len(jobs))
    size = 0
    for path, _ in jobs:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    if workers < 2 or size < _PARALLEL_MIN_BYTES:
        yield from map(_prepare_job, jobs)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        # A bounded window of documents in flight keeps memory flat.
        window: deque[Future[Prepared]] = deque()
        queue = iter(jobs)
        for job in itertools.islice(queue, 2 * workers):
            window.append(pool.submit(_prepare_job, job))
        while window:
            done = window.popleft().result()
            for job in itertools.islice(queue, 1):
                window.append(pool.submit(_prepare_job, job))
            yield done


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0])


def _add_vocabulary(conn: sqlite3.Connection, counts: Counter[str]) -> None:
    before = _next_id(conn, "vocab")
    conn.executemany("INSERT OR IGNORE INTO vocab (term, df) VALUES (?, 0)",
                     [(t,) for t in counts])
    conn.executemany("UPDATE vocab SET df = df + ? WHERE term = ?",
                     [(n, t) for t, n in counts.items()])
    conn.execute("INSERT INTO vocab_trigrams (rowid, term) SELECT id, term FROM vocab"
                 " WHERE id >= ?", (before,))


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document and everything derived from it."""
    vocabulary: Counter[str] = Counter()
    rows = conn.execute("SELECT id, text FROM passages WHERE doc = ?", (doc_id,)).fetchall()
    for pid, text in rows:
        conn.execute("INSERT INTO passages_fts (passages_fts, rowid, body) VALUES"
                     " ('delete', ?, ?)", (pid, normalize(text)))
        vocabulary.update(set(terms(text)))
    conn.executemany("UPDATE vocab SET df = df - ? WHERE term = ?",
                     [(n, t) for t, n in vocabulary.items()])
    for vid, term in conn.execute("SELECT id, term FROM vocab WHERE df <= 0").fetchall():
        conn.execute("INSERT INTO vocab_trigrams (vocab_trigrams, rowid, term) VALUES"
                     " ('delete', ?, ?)", (vid, term))
    conn.execute("DELETE FROM vocab WHERE df <= 0")
    conn.execute("UPDATE passages SET same_as = NULL WHERE same_as IN"
                 " (SELECT id FROM passages WHERE doc = ?)", (doc_id,))
    conn.execute("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?", (doc_id,))
    for table in ("passages", "segments", "documents"):
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_id,))
    conn.execute("DELETE FROM evidence WHERE fact IN (SELECT id FROM facts WHERE doc = ?)",
                 (doc_id,))
    conn.execute("DELETE FROM facts WHERE doc = ?", (doc_id,))


def all_documents(home: Path) -> Iterable[Document]:
    catalogue = load_seed_catalogue()
    for path in seed_files():
        yield load_seed(path, catalogue)
    for path in added_files(home):
        yield load_added(path)


def populate(conn: sqlite3.Connection, home: Path, stamps: dict[str, str],
             progress: Progress | None = None) -> None:
    """Create the schema in an empty database and index every document."""
    conn.executescript(SCHEMA)
    conn.execute("BEGIN")
    seeds = seed_files()
    jobs = [(path, True) for path in seeds] + [(path, False) for path in added_files(home)]
    new = []
    vocabulary: Counter[str] = Counter()
    for i, prepared in enumerate(prepared_documents(jobs), 1):
        insert(conn, prepared, vocabulary)
        new.append(prepared.doc.doc)
        if progress:
            progress(i, len(jobs))
    _add_vocabulary(conn, vocabulary)
    dedup.link_duplicates(conn, new)
    write_meta(conn, stamps)
    conn.execute("COMMIT")


def rebuild(home: Path, progress: Progress | None = None) -> None:
    """Build a whole new store beside the old one, then swap it in atomically."""
    db = index_path(home)
    home.mkdir(parents=True, exist_ok=True)
    for stale in home.glob(db.name + ".tmp-*"):
        with contextlib.suppress(OSError):
            stale.unlink()
    temp = db.with_name(f"{db.name}.tmp-{os.getpid()}")
    # Stamps are read before the documents, so a document that lands while
    # we build makes the new store look stale and it is synced on next use.
    stamps = current_stamps(home)
    try:
        conn = open_scratch(temp)  # a half-built temp file is thrown away
        try:
            populate(conn, home, stamps, progress)
        finally:
            conn.close()
        _fsync(temp)
        os.replace(temp, db)
        _fsync_dir(home)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def sync(conn: sqlite3.Connection, home: Path, progress: Progress | None = None) -> list[str]:
    """Apply added, changed and vanished document files in one transaction."""
    stamps = current_stamps(home)
    on_disk = {p.name: p for p in added_files(home)}
    known = {doc: (size, mtime) for doc, size, mtime in conn.execute(
        "SELECT doc, size, mtime_ns FROM documents WHERE origin = 'added'")}
    changed = []
    for name, path in on_disk.items():
        if known.get(name) != file_stamp(path):
            changed.append(name)
    gone = [doc for doc in known if doc not in on_disk]
    conn.execute("BEGIN IMMEDIATE")
    try:
        replaced = gone + [c for c in changed if c in known]
        marks = ",".join("?" * len(replaced))
        orphans = [row[0] for row in conn.execute(
            f"SELECT doc FROM documents WHERE duplicate_of IN ({marks})", replaced)]
        for doc in replaced:
            delete_document(conn, doc)
        jobs = [(on_disk[name], False) for name in changed]
        vocabulary: Counter[str] = Counter()
        for i, prepared in enumerate(prepared_documents(jobs), 1):
            insert(conn, prepared, vocabulary)
            if progress:
                progress(i, len(changed))
        _add_vocabulary(conn, vocabulary)
        # Versions that pointed at a replaced document may now point elsewhere.
        dedup.link_duplicates(conn, changed + [o for o in orphans if o not in replaced])
        write_meta(conn, stamps)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return changed


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        _fsync(path)
