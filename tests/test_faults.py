"""Faults: kill -9 mid-write, two writers at once, an unwritable home or full disk, damage."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT
from tipcli.paths import documents_dir, index_path

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus


def command() -> list[str]:
    exe = shutil.which("tipcli", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "tipcli"]


def tipcli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TIPCLI_HOME": str(home)}
    env.pop("TIPCLI_DEBUG", None)
    return subprocess.run([*command(), *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)


def start(*args: str, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TIPCLI_HOME": str(home)}
    return subprocess.Popen([*command(), *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """kill -9 the command and any workers it started (its process group)."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Documents enough to keep `tipcli add` busy for a few seconds."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(ROOT / "seeds", folder, 20_000)
    return folder


def visible_documents(home: Path) -> list[Path]:
    folder = documents_dir(home)
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) \
        if folder.exists() else []


def assert_consistent(home: Path, corpus: Path) -> int:
    """Every stored document is whole, and the store answers and matches the files."""
    for path in visible_documents(home):
        if path.name.endswith(".meta.json"):
            continue
        assert digest(path) == digest(corpus / path.name), f"{path.name} is half-written"
    done = tipcli("sources", "--json", home=home)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    stored = [s["doc"] for s in json.loads(done.stdout) if s["doc"].startswith("synthetic-")]
    on_disk = [p for p in visible_documents(home) if p.suffix == ".txt"]
    assert len(stored) == len(on_disk)
    assert tipcli("search", "domestic helpers", "--json", home=home).returncode == 0
    return len(on_disk)


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0])
def test_kill_9_during_add(tmp_path: Path, corpus: Path, delay: float) -> None:
    home = tmp_path / "home"
    assert tipcli("sources", home=home).returncode == 0
    db = index_path(home)
    proc = start("add", str(corpus), home=home)
    time.sleep(delay)
    kill_tree(proc)
    (documents_dir(home) / ".left-by-a-killed-writer.txt.tmp-1").parent.mkdir(exist_ok=True)
    (documents_dir(home) / ".left-by-a-killed-writer.txt.tmp-1").write_text("half")
    # The store file itself holds the old state or the new one, nothing between.
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        conn.close()
    assert docs in (5, 5 + len(list(corpus.iterdir())))
    assert_consistent(home, corpus)
    # Adding again finishes the job and leaves no temporary files behind.
    again = tipcli("add", str(corpus), "--json", home=home)
    assert again.returncode == 0, again.stderr
    assert assert_consistent(home, corpus) == len(list(corpus.iterdir()))
    assert not [p for p in documents_dir(home).iterdir() if ".tmp-" in p.name]


def test_kill_9_during_rebuild_keeps_the_old_store(tmp_path: Path, corpus: Path) -> None:
    home = tmp_path / "home"
    assert tipcli("add", str(corpus), home=home).returncode == 0
    db = index_path(home)
    before = digest(db)
    proc = start("index", "--rebuild", home=home)
    time.sleep(1.0)
    kill_tree(proc)
    assert digest(db) == before
    run = tipcli("search", "domestic helpers", "--json", home=home)
    assert run.returncode == 0 and "damaged" not in run.stderr and "rebuil" not in run.stderr
    assert tipcli("index", "--rebuild", home=home).returncode == 0
    assert not list(home.glob("*.tmp-*"))
    assert_consistent(home, corpus)


def test_two_adds_at_once_keep_both(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert tipcli("sources", home=home).returncode == 0
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(ROOT / "seeds", first, 3000)
    write_corpus(ROOT / "seeds", second, 3000, seed=99)
    renamed = [p.rename(p.with_name("b-" + p.name)) for p in sorted(second.iterdir())]
    procs = [start("add", str(first), home=home), start("add", str(second), home=home)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    names = {p.name for p in visible_documents(home)}
    assert {p.name for p in first.iterdir()} | {p.name for p in renamed} <= names
    stored = tipcli("sources", "--json", home=home)
    for path in [*first.iterdir(), *renamed]:
        assert f'"doc":"{path.name}"' in stored.stdout


def test_damaged_store_mid_file_is_reported_in_one_line(cli: Any, home: Path) -> None:
    assert cli("sources").code == 0
    db = index_path(home)
    data = bytearray(db.read_bytes())
    for offset in range(8192, len(data), 4096):  # scribble over every page but the first two
        data[offset:offset + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    run = cli("search", "domestic helpers", "--json")
    assert "Traceback" not in run.err
    assert run.code == 0 or (run.code == 2 and len(run.err.strip().splitlines()) == 1), run.err
    assert cli("index", "--rebuild").code == 0
    assert cli("search", "domestic helpers", "--json").code == 0


def _failing_writes(monkeypatch: pytest.MonkeyPatch, home: Path, code: int) -> None:
    """Make every write under home fail as a read-only file system or a full disk would."""
    real_open = open
    real_replace = os.replace

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(m in mode for m in "wax+") and str(file).startswith(str(home)) \
                and not str(file).endswith(".lock"):
            handle = real_open(file, mode, *args, **kwargs)
            if code == errno.ENOSPC:  # the file is created, then the disk fills up
                handle.close()
            else:
                handle.close()
                os.unlink(file)
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_replace(src: Any, dst: Any) -> None:
        if str(dst).startswith(str(home)):
            raise OSError(code, os.strerror(code), str(dst))
        real_replace(src, dst)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.setattr(os, "replace", guarded_replace)


@pytest.mark.parametrize(("code", "words"), [(errno.EROFS, "not writable"),
                                             (errno.ENOSPC, "disk")])
def test_unwritable_home_or_full_disk(cli: Any, home: Path, monkeypatch: pytest.MonkeyPatch,
                                      code: int, words: str) -> None:
    assert cli("add", str(FIXTURES / "wire_2024.txt")).code == 0
    before = {p.name: digest(p) for p in documents_dir(home).iterdir()}
    store_before = digest(index_path(home))
    with monkeypatch.context() as patched:
        _failing_writes(patched, home, code)
        run = cli("add", str(FIXTURES / "narrative_2019.md"))
    assert run.code == 2 and words in run.err and len(run.err.strip().splitlines()) == 1, run.err
    assert {p.name: digest(p) for p in documents_dir(home).iterdir()} == before  # no partials
    assert digest(index_path(home)) == store_before
    run = cli("search", "Wirefeed", "--json")  # queries still answer from the store
    assert run.code == 0 and run.json()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not bind root")
def test_read_only_home_directory(cli: Any, home: Path) -> None:
    assert cli("add", str(FIXTURES / "wire_2024.txt")).code == 0
    os.chmod(documents_dir(home), 0o555)
    os.chmod(home, 0o555)
    try:
        run = cli("add", str(FIXTURES / "narrative_2019.md"))
        assert run.code == 2 and "not writable" in run.err
        assert cli("search", "Wirefeed", "--json").code == 0
    finally:
        os.chmod(home, 0o755)
        os.chmod(documents_dir(home), 0o755)
