"""The store: built on first use, fresh without rebuilds, atomic, self-healing, deduplicated."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from tipcli import build
from tipcli.paths import index_path
from tipcli.upkeep import open_store


def test_built_on_first_use_and_not_rebuilt_by_lookups(cli: Any, home: Path) -> None:
    assert cli("sources", "--json").code == 0
    db = index_path(home)
    before = db.stat().st_mtime_ns, db.stat().st_ino
    for _ in range(3):
        assert cli("search", "tier", "--json").code == 0
    assert (db.stat().st_mtime_ns, db.stat().st_ino) == before


def test_lookups_open_the_store_read_only(home: Path) -> None:
    store = open_store(home)
    store = open_store(home)  # fresh now: the read-only path
    try:
        store.conn.execute("DELETE FROM documents")
        raise AssertionError("a lookup connection must not write")
    except sqlite3.OperationalError as exc:
        assert "readonly" in str(exc) or "read-only" in str(exc) or "query_only" in str(exc)


def test_extraction_version_change_rebuilds(home: Path, monkeypatch: Any) -> None:
    open_store(home).conn.close()
    ino = index_path(home).stat().st_ino
    monkeypatch.setattr("tipcli.db.EXTRACTION_VERSION", "test-other")
    store = open_store(home)
    assert index_path(home).stat().st_ino != ino  # a new file was renamed into place
    assert store.conn.execute("SELECT value FROM meta WHERE key='extraction_version'"
                              ).fetchone()[0] == "test-other"


def test_damaged_store_is_rebuilt_with_a_notice(cli: Any, home: Path) -> None:
    cli("sources")
    db = index_path(home)
    db.write_bytes(db.read_bytes()[:5000])  # truncated
    run = cli("search", "domestic helpers", "--json")
    assert run.code == 0 and run.json()
    assert "damaged" in run.err and len(run.err.strip().splitlines()) == 1
    db.write_bytes(b"\x00" * 8192)  # zeroed
    run = cli("sources", "--json")
    assert run.code == 0 and len(run.json()) == 5
    db.unlink()  # deleted
    run = cli("sources", "--json")
    assert run.code == 0 and db.exists()
    assert "missing" in run.err and len(run.err.strip().splitlines()) == 1


def test_failed_build_leaves_the_previous_store(home: Path, monkeypatch: Any) -> None:
    open_store(home).conn.close()
    db = index_path(home)
    before = db.read_bytes()

    def explode(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "insert", explode)
    with contextlib.suppress(KeyboardInterrupt):
        build.rebuild(home)
    assert db.read_bytes() == before
    assert not list(home.glob("*.tmp-*"))


def test_near_duplicates_are_linked(home: Path) -> None:
    conn = open_store(home).conn
    rows = dict(conn.execute("SELECT doc, duplicate_of FROM documents"))
    assert rows["001_1fc0ef9a8a95c0eb.txt"] == "000_9de49e92cb8ba1bd.txt"
    assert [d for d, dup in rows.items() if dup] == ["001_1fc0ef9a8a95c0eb.txt"]
    linked = conn.execute("SELECT COUNT(*) FROM passages WHERE same_as IS NOT NULL").fetchone()[0]
    assert linked >= 5


def test_passages_are_exact_slices(home: Path) -> None:
    from tests.conftest import assert_offsets

    conn = open_store(home).conn
    for doc, start, end, text in conn.execute("SELECT doc, start, end, text FROM passages"):
        assert_offsets(doc, start, end, text, home)
