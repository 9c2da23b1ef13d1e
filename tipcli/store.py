"""The store: open the SQLite index read-only when fresh, else rebuild or sync it safely."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from tipcli import EXTRACTION_VERSION
from tipcli.errors import StoreError
from tipcli.paths import (
    documents_dir,
    index_path,
    lock_path,
    seed_catalogue_path,
    seeds_dir,
    tipcli_home,
)

_SQLITE_MAGIC = b"SQLite format 3\x00"
# A writer's page cache, in KiB as PRAGMA cache_size takes it (negative):
# big batches of inserts otherwise spill pages to disk mid-transaction.
WRITER_CACHE_KIB = -64 * 1024


class Store:
    """An open store. (A plain class: the dataclasses import alone costs a cold lookup 0.5 ms.)"""

    __slots__ = ("conn", "home", "writable")

    def __init__(self, conn: sqlite3.Connection, home: Path, writable: bool) -> None:
        self.conn = conn
        self.home = home
        self.writable = writable


def notice(message: str) -> None:
    """One line for the user on stderr; the core's only output channel."""
    sys.stderr.write(f"tipcli: {message}\n")


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "-"
    return f"{st.st_mtime_ns}:{st.st_size}"


def current_stamps(home: Path) -> dict[str, str]:
    """Cheap freshness keys: a few stat calls, no reading or hashing of documents.

    tipcli writes documents by rename, which always changes the directory's
    mtime; seeds are checked file by file (there are few of them).
    """
    seeds = seeds_dir()
    seed_stamp = [_stamp(seeds), _stamp(seed_catalogue_path())]
    with contextlib.suppress(OSError):
        seed_stamp += [_stamp(p) for p in sorted(seeds.iterdir())]
    return {
        "extraction_version": EXTRACTION_VERSION,
        "seeds_stamp": "|".join(seed_stamp),
        "documents_stamp": _stamp(documents_dir(home)),
    }


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    pages = int.from_bytes(header[28:32], "big")
    # A truncated file holds fewer pages than its header declares.
    return page_size >= 512 and size % page_size == 0 and (pages == 0 or pages * page_size <= size)


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def connect_readonly(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = 1")
    return conn


def open_store(home: Path | None = None) -> Store:
    """An up-to-date store for queries: read-only when fresh, rebuilt or synced when not."""
    home = home or tipcli_home()
    db = index_path(home)
    wanted = current_stamps(home)
    problem, conn = _check(db, wanted)
    if conn is not None:  # fresh: the connection that checked it answers the query too
        return Store(conn, home, writable=False)
    if problem == "missing" and lock_path(home).exists() and home not in _discarded:
        # The lock file stays behind once a store was built: this is not first use.
        notice("the store was missing; rebuilding it from the documents")
    try:
        with write_lock(home):
            problem = check_existing(db, wanted)  # another process may have fixed it
            if problem is not None:
                refresh(home, problem)
    except StoreError as exc:
        if problem != "missing" and problem != "damaged" and db.exists():
            notice(f"the store is out of date and cannot be updated ({exc.message}); "
                   "answering from it as it is")
            return Store(connect_readonly(db), home, writable=False)
        notice(f"cannot write the store ({exc.message}); building it in memory for this call")
        return Store(build_in_memory(home), home, writable=False)
    return Store(connect_readonly(db), home, writable=False)


def check_existing(db: Path, wanted: dict[str, str]) -> str | None:
    """None when the store is usable as it is, else why it is not."""
    problem, conn = _check(db, wanted)
    if conn is not None:
        conn.close()
    return problem


def _check(db: Path, wanted: dict[str, str]) -> tuple[str | None, sqlite3.Connection | None]:
    """(None, a read-only connection) when the store is usable, else (why not, None)."""
    if not db.exists():
        return "missing", None
    if not _looks_like_sqlite(db):
        return "damaged", None
    conn = None
    try:
        conn = connect_readonly(db)
        meta = read_meta(conn)
    except sqlite3.DatabaseError:
        if conn is not None:
            conn.close()
        return "damaged", None
    for key, problem in (("extraction_version", "version"), ("seeds_stamp", "seeds"),
                         ("documents_stamp", "documents")):
        if meta.get(key) != wanted[key]:
            conn.close()
            return problem, None
    return None, conn


def discard_damaged(reason: str, home: Path | None = None) -> None:
    """Set aside a store found damaged mid-query; the next open rebuilds it."""
    home = home or tipcli_home()
    notice(f"the store is damaged ({reason}); rebuilding it from the documents")
    with write_lock(home):
        db = index_path(home)
        with contextlib.suppress(FileNotFoundError):
            db.unlink()
        _discarded.add(home)


# Homes whose store this process set aside (so the rebuild adds no second notice).
_discarded: set[Path] = set()


def refresh(home: Path, problem: str) -> None:
    """Bring the store in line with the documents; the caller holds the write lock."""
    from tipcli import build

    db = index_path(home)
    if problem == "damaged":
        notice("the store was damaged; rebuilding it from the documents")
    if problem in ("missing", "damaged", "version", "seeds"):
        build.rebuild(home)
        return
    try:
        conn = open_writable(db)
    except sqlite3.DatabaseError:
        build.rebuild(home)
        return
    try:
        build.sync(conn, home)
    except sqlite3.DatabaseError:
        conn.close()
        notice("the store was damaged; rebuilding it from the documents")
        build.rebuild(home)
    else:
        conn.close()


def open_writable(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA cache_size = {WRITER_CACHE_KIB}")
    return conn


def build_in_memory(home: Path) -> sqlite3.Connection:
    from tipcli import build

    conn = sqlite3.connect(":memory:", isolation_level=None)
    build.populate(conn, home, stamps=current_stamps(home))
    return conn


@contextlib.contextmanager
def write_lock(home: Path) -> Iterator[None]:
    """Serialise writers (add, remove, rebuild) across processes."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path(home), "a+b")  # noqa: SIM115 - held for the block
    except OSError as exc:
        raise StoreError(f"{home} is not writable: {exc.strerror or exc}") from exc
    try:
        if os.name == "posix":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        handle.close()
