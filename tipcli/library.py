"""Changing the store: add and remove documents, check or rebuild the index."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from tipcli import build
from tipcli.db import connect_readonly
from tipcli.documents import (
    ACCEPTED_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    META_SUFFIX,
    Metadata,
    content_hash,
    decode_bytes,
    parse_front_matter,
    seed_files,
)
from tipcli.errors import StoreError, UsageProblem
from tipcli.notices import Progress
from tipcli.paths import documents_dir, index_path, tipcli_home
from tipcli.results import Result
from tipcli.results.documents import Change
from tipcli.upkeep import rebuild, writable


@dataclass(frozen=True)
class Incoming:
    """A file that passed the checks: where it is, its content hash and its metadata."""

    path: Path
    digest: str
    meta: Metadata
    encoding: str


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files to add: the .txt/.md files named, and those found under named directories."""
    found: list[Path] = []
    for path in paths:
        if "\x00" in str(path):  # the OS refuses such names; say so instead of crashing
            raise UsageProblem(f"{str(path)!r}: not a valid path (it holds a NUL character)")
        try:
            path.stat()
        except FileNotFoundError:
            raise UsageProblem(f"{path}: no such file or directory") from None
        except OSError as e:  # a name too long, a loop of links, no permission…
            raise UsageProblem(f"{str(path)[:80]!r}: cannot be read ({e.strerror})") from None
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in ACCEPTED_SUFFIXES))
        elif path.is_file():
            if path.suffix.lower() not in ACCEPTED_SUFFIXES:
                raise UsageProblem(f"{path}: not a .txt or .md file",
                                   "tipcli adds plain-text .txt and .md files")
            found.append(path)
        elif path.exists():
            raise UsageProblem(f"{path}: not a regular file or directory")
        else:
            raise UsageProblem(f"{path}: no such file or directory")
    if not found:
        raise UsageProblem("no .txt or .md files found in " + ", ".join(str(p) for p in paths))
    return found


def read_incoming(path: Path, overrides: Metadata) -> tuple[str, Incoming]:
    """A file's text and what tipcli makes of it; UsageProblem when it cannot be added."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise UsageProblem(f"{path}: {size / 1e6:.0f} MB is larger than tipcli's "
                               f"{MAX_DOCUMENT_BYTES // 2**20} MiB limit per document",
                               "split it into smaller files")
        data = path.read_bytes()
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    text, encoding = decode_bytes(data, str(path))
    if not text.strip():
        raise UsageProblem(f"{path}: the file is empty", "there is nothing to index")
    meta = overrides.merged_over(parse_front_matter(text, str(path)))
    return text, Incoming(path, content_hash(text), meta, encoding)


def _atomic_write(target: Path, data: bytes) -> None:
    """Write via a temporary file, fsync, rename: never a half-written file."""
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _store_error(exc: OSError, home: Path) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return StoreError(f"the disk holding {home} is full", "free some space and try again")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError(f"{home} is not writable", "set TIPCLI_HOME to a writable directory")
    return StoreError(f"cannot write to {home}: {exc.strerror or exc}")


def add(paths: list[Path], overrides: Metadata, progress: Progress | None = None,
        home: Path | None = None) -> Result[Change]:
    home = home or tipcli_home()
    files = expand_paths(paths)
    for path in files:  # every file is checked before anything is written
        read_incoming(path, overrides)
    changes: list[Change] = []
    try:
        with writable(home) as conn:
            by_hash = dict(conn.execute("SELECT sha256, doc FROM documents"))
            names = {row[0] for row in conn.execute("SELECT doc FROM documents")}
            folder = documents_dir(home)
            folder.mkdir(parents=True, exist_ok=True)
            # Under the lock no other writer is mid-write: any temporary file
            # is what a killed writer left behind.
            for stale in folder.glob(".*.tmp-*"):
                with contextlib.suppress(OSError):
                    stale.unlink()
            for path in files:
                # Read again rather than held since the check: adding a big
                # collection must not keep all of it in memory at once.
                text, item = read_incoming(path, overrides)
                digest = item.digest
                if digest in by_hash:
                    changes.append(Change(by_hash[digest], "unchanged",
                                          f"{item.path} is already in the store"))
                    continue
                doc = _free_name(item.path, digest, names)
                detail = str(item.path)
                if doc != item.path.name:
                    detail += f" (a different document named {item.path.name} exists)"
                if item.encoding != "utf-8":
                    detail += f" (converted from {item.encoding})"
                meta = json.dumps(item.meta.to_json(), ensure_ascii=False, indent=2)
                _atomic_write(folder / (doc + META_SUFFIX), meta.encode("utf-8"))
                _atomic_write(folder / doc, text.encode("utf-8", "surrogatepass"))
                by_hash[digest] = doc
                names.add(doc)
                changes.append(Change(doc, "added", detail))
            build.sync(conn, home, progress)
    except OSError as exc:
        raise _store_error(exc, home) from exc
    return Result(Change, tuple(changes), notes=("add",))


def _free_name(path: Path, digest: str, taken: set[str]) -> str:
    name = path.name
    if path.suffix.lower() not in ACCEPTED_SUFFIXES:
        name = path.stem + ".txt"
    if name not in taken and not name.startswith("."):
        return name
    return f"{path.stem.lstrip('.')}~{digest[:8]}{path.suffix.lower()}"


def remove(doc: str, home: Path | None = None) -> Result[Change]:
    home = home or tipcli_home()
    if doc in {p.name for p in seed_files()}:
        raise UsageProblem(f"{doc} is a seed document and cannot be removed",
                           "seeds ship with tipcli; 'tipcli remove' removes documents you added")
    folder = documents_dir(home)
    target = folder / doc
    if "/" in doc or "\\" in doc or doc.startswith(".") or not target.is_file():
        from tipcli.documents import added_files
        from tipcli.suggest import did_you_mean

        names = [p.name for p in added_files(home)]
        raise UsageProblem(f"no added document {doc!r}",
                           did_you_mean(doc, names) or "see 'tipcli sources'")
    try:
        with writable(home) as conn:
            target.unlink()
            with contextlib.suppress(FileNotFoundError):
                (folder / (doc + META_SUFFIX)).unlink()
            build.sync(conn, home)
    except OSError as exc:
        raise _store_error(exc, home) from exc
    return Result(Change, (Change(doc, "removed", None),), notes=("remove",))


def reindex(anew: bool, progress: Progress | None = None,
            home: Path | None = None) -> Result[Change]:
    home = home or tipcli_home()
    began = time.perf_counter()
    try:
        if anew:
            rebuild(home, progress)
            action = "rebuilt"
        else:
            with writable(home) as conn:
                changed = build.sync(conn, home, progress)
            action = f"checked ({len(changed)} re-indexed)"
    except OSError as exc:
        raise _store_error(exc, home) from exc
    conn = connect_readonly(index_path(home))
    try:
        docs, passages = conn.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages)").fetchone()
    finally:
        conn.close()
    detail = (f"{docs} documents, {passages} passages in {time.perf_counter() - began:.2f} s;"
              f" {index_path(home)}")
    return Result(Change, (Change("(store)", action, detail),), notes=("index",))
