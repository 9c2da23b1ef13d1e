"""The store file: open it read-only when fresh, say why it is not, and lock out other writers."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from tipcli.db import connect_readonly, read_meta
from tipcli.errors import StoreError
from tipcli.paths import lock_path

_SQLITE_MAGIC = b"SQLite format 3\x00"


class Store:
    """An open store. (A plain class: the dataclasses import alone costs a cold lookup 0.5 ms.)"""

    __slots__ = ("conn", "home", "short_ids", "writable")

    def __init__(self, conn: sqlite3.Connection, home: Path, writable: bool) -> None:
        self.conn = conn
        self.home = home
        self.writable = writable
        self.short_ids: dict[str, str] | None = None  # read once, when a table needs them


def looks_like_sqlite(path: Path) -> bool:
    """A quick look at the header: a truncated or zeroed file fails it."""
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


def check(db: Path, wanted: dict[str, str]) -> tuple[str | None, sqlite3.Connection | None]:
    """(None, a read-only connection) when the store is usable as it is, else (why not, None).

    Why not: "missing", "damaged", "version" (another extraction version),
    "seeds" (the seed documents changed) or "documents" (added ones changed).
    """
    if not db.exists():
        return "missing", None
    if not looks_like_sqlite(db):
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


def problem_with(db: Path, wanted: dict[str, str]) -> str | None:
    """None when the store is usable as it is, else why it is not (see check)."""
    problem, conn = check(db, wanted)
    if conn is not None:
        conn.close()
    return problem


def is_damage(exc: BaseException) -> bool:
    """Is exc SQLite saying the store's file is damaged (not busy, not read-only)?"""
    return isinstance(exc, sqlite3.DatabaseError) and getattr(
        exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


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
