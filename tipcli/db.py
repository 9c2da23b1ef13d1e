"""SQLite connections with tipcli's pragmas, and the stamps that tell whether a store is fresh."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from tipcli import EXTRACTION_VERSION
from tipcli.paths import documents_dir, seed_catalogue_path, seeds_dir

# A writer's page cache, in KiB as PRAGMA cache_size takes it (negative):
# big batches of inserts otherwise spill pages to disk mid-transaction.
WRITER_CACHE_KIB = -64 * 1024


def connect_readonly(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = 1")
    return conn


def open_writable(db: Path) -> sqlite3.Connection:
    """A connection for changes that must survive a crash (add, remove, sync)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA cache_size = {WRITER_CACHE_KIB}")
    return conn


def open_scratch(db: Path | str) -> sqlite3.Connection:
    """A connection for a store built from nothing: a half-built file is thrown away."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = {WRITER_CACHE_KIB}")
    return conn


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def write_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     list(values.items()))


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
