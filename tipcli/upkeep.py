"""The one coordinator of the store's upkeep: use it as it is, sync it, rebuild it or repair it."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tipcli.db import connect_readonly, current_stamps, open_scratch, open_writable
from tipcli.errors import StoreError
from tipcli.paths import index_path, lock_path, tipcli_home
from tipcli.store import Store, check, is_damage, problem_with, write_lock

if TYPE_CHECKING:
    from tipcli.notices import Progress

T = TypeVar("T")

# Homes whose store this process set aside as damaged (the rebuild that follows
# needs no second notice).
_discarded: set[Path] = set()


def open_store(home: Path | None = None) -> Store:
    """An up-to-date store for queries: read-only when fresh, synced or rebuilt when not."""
    home = home or tipcli_home()
    db = index_path(home)
    wanted = current_stamps(home)
    problem, conn = check(db, wanted)
    if conn is not None:  # fresh: the connection that checked it answers the query too
        return Store(conn, home, writable=False)
    if problem == "missing" and lock_path(home).exists() and home not in _discarded:
        # The lock file stays behind once a store was built: this is not first use.
        notify("the store was missing; rebuilding it from the documents")
    try:
        with write_lock(home):
            problem = problem_with(db, wanted)  # another process may have fixed it
            if problem is not None:
                refresh(home, problem)
    except StoreError as exc:
        if problem not in ("missing", "damaged") and db.exists():
            notify(f"the store is out of date and cannot be updated ({exc.message}); "
                   "answering from it as it is")
            return Store(connect_readonly(db), home, writable=False)
        notify(f"cannot write the store ({exc.message}); building it in memory for this call")
        return Store(build_in_memory(home), home, writable=False)
    return Store(connect_readonly(db), home, writable=False)


def notify(message: str) -> None:
    # Notices are for rebuilds and repairs: a fresh lookup never imports the channel.
    from tipcli.notices import notify as tell

    tell(message)


def refresh(home: Path, problem: str, progress: Progress | None = None) -> None:
    """Bring the store in line with the documents; the caller holds the write lock.

    A new extraction version, changed seeds or a damaged file mean a rebuild;
    changed added documents mean a sync, or a rebuild if syncing meets damage.
    """
    from tipcli import build  # indexing machinery: never imported by a fresh lookup

    if problem == "damaged":
        notify("the store was damaged; rebuilding it from the documents")
    if problem in ("missing", "damaged", "version", "seeds"):
        build.rebuild(home, progress)
        return
    try:
        conn = open_writable(index_path(home))
    except sqlite3.DatabaseError:
        build.rebuild(home, progress)
        return
    try:
        build.sync(conn, home, progress)
    except sqlite3.DatabaseError:
        conn.close()
        notify("the store was damaged; rebuilding it from the documents")
        build.rebuild(home, progress)
    else:
        conn.close()


@contextlib.contextmanager
def writable(home: Path) -> Iterator[sqlite3.Connection]:
    """Under the write lock: the store brought up to date and opened for changes."""
    with write_lock(home):
        problem = problem_with(index_path(home), current_stamps(home))
        if problem is not None:
            refresh(home, problem)
        conn = open_writable(index_path(home))
        try:
            yield conn
        finally:
            conn.close()


def rebuild(home: Path, progress: Progress | None = None) -> None:
    """Build the store anew from the documents, under the write lock."""
    from tipcli import build

    with write_lock(home):
        build.rebuild(home, progress)


def build_in_memory(home: Path) -> sqlite3.Connection:
    from tipcli import build

    conn = open_scratch(":memory:")
    build.populate(conn, home, stamps=current_stamps(home))
    return conn


def answering(run: Callable[[], T]) -> T:
    """run(), and once more after a repair if it meets a damaged store.

    Damage that the quick check on open cannot see (a scribbled page) shows
    only when a query reads it: the store is set aside, rebuilt from the
    document files on the next open, and the question answered again.
    """
    try:
        return run()
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        _discard_damaged(str(exc), tipcli_home())
        return run()


def _discard_damaged(reason: str, home: Path) -> None:
    notify(f"the store is damaged ({reason}); rebuilding it from the documents")
    with write_lock(home):
        with contextlib.suppress(FileNotFoundError):
            index_path(home).unlink()
        _discarded.add(home)
