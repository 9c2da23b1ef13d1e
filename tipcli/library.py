"""Changing the store: add and remove documents, check or rebuild the index."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tipcli import build
from tipcli.db import connect_readonly
from tipcli.documents import (
    ACCEPTED_SUFFIXES,
    META_SUFFIX,
    METADATA_KEYS,
    Document,
    Metadata,
    Provenance,
    added_files,
    content_hash,
    read_sidecar,
    seed_files,
    sidecar,
)
from tipcli.errors import StoreError, UsageProblem
from tipcli.ingest import Converted
from tipcli.ingest.urls import DEFAULT_TIMEOUT, check_url, is_url
from tipcli.notices import Progress, notify
from tipcli.paths import documents_dir, index_path, originals_dir, tipcli_home
from tipcli.results import Result
from tipcli.results.documents import Change, Preview
from tipcli.upkeep import rebuild, writable


@dataclass(frozen=True)
class Planned:
    """An input that passed the checks, and what it will be stored as."""

    shown: str  # the path or URL as the user gave it
    path: Path | None  # a local file, read again when stored (text is not held meanwhile)
    converted: Converted | None  # held for pages, PDFs and URLs: converting is costly
    name: str
    digest: str
    found: Metadata
    provenance: Provenance
    note: str | None


def expand_inputs(inputs: list[str]) -> tuple[list[tuple[str, bool]], list[Change]]:
    """What to add: URLs and named files as given (True: named), and the files found under
    named directories (False); plus a skip row for each directory file of the wrong type."""

    found: list[tuple[str, bool]] = []
    skipped: list[Change] = []
    for value in inputs:
        if is_url(value):
            check_url(value)
            found.append((value, True))
            continue
        if not value.strip():  # Path("") is the working directory: never meant
            raise UsageProblem("an empty path", "give a file, a directory or a URL")
        if "\x00" in value:  # the OS refuses such names; say so instead of crashing
            raise UsageProblem(f"{value!r}: not a valid path (it holds a NUL character)")
        path = Path(value)
        try:
            path.stat()
        except FileNotFoundError:
            raise UsageProblem(f"{path}: no such file or directory") from None
        except OSError as e:  # a name too long, a loop of links, no permission…
            raise UsageProblem(f"{str(path)[:80]!r}: cannot be read ({e.strerror})") from None
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
                # Hidden files and whatever hidden directories hold (.git, .venv, .cache)
                # are tools' own, never clippings.
                hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
                if hidden or file.name.endswith(META_SUFFIX):
                    continue
                if not file.exists():
                    skipped.append(Change(file.name, "skipped", "unreadable (a broken link)",
                                          str(file)))
                    continue
                if file.suffix.lower() in ACCEPTED_SUFFIXES:
                    found.append((str(file), False))
                else:
                    skipped.append(Change(file.name, "skipped", "unsupported type "
                                          f"({file.suffix.lower() or 'no suffix'})", str(file)))
        elif path.is_file():
            if path.suffix.lower() not in ACCEPTED_SUFFIXES:
                raise UsageProblem(f"{path}: unsupported type ({path.suffix or 'no suffix'})",
                                   "tipcli adds .txt, .md, .html, .htm and .pdf files and "
                                   "http(s) URLs")
            found.append((str(path), True))
        elif path.exists():
            raise UsageProblem(f"{path}: not a regular file or directory")
        else:
            raise UsageProblem(f"{path}: no such file or directory")
    if not found and not skipped:
        raise UsageProblem("no documents found in " + ", ".join(inputs),
                           "tipcli adds .txt, .md, .html, .htm and .pdf files")
    return found, skipped


def convert(value: str, timeout: float, on_page: Progress | None = None) -> Converted:
    from tipcli.ingest import read_file, read_url

    return read_url(value, timeout, on_page) if is_url(value) else read_file(Path(value), on_page)


def plan(inputs: list[str], timeout: float, progress: Progress | None = None,
         ) -> tuple[list[Planned], list[Change]]:
    """Every input read, checked and converted before anything is written: a named file or
    URL that fails refuses the whole add; a directory's file that fails is skipped with its
    reason, and so is a second copy of one content."""
    values, skipped = expand_inputs(inputs)
    planned: list[Planned] = []
    seen: dict[str, str] = {}
    # One input: its pages (a PDF) move the bar; many: each input does.
    on_page = progress if len(values) == 1 else None
    for i, (value, named) in enumerate(values, 1):
        try:
            converted = convert(value, timeout, on_page)
        except UsageProblem as problem:
            if named:
                raise
            skipped.append(Change(Path(value).name, "skipped", _reason(problem), value))
            continue
        digest = content_hash(converted.text)
        if digest in seen and not named:
            skipped.append(Change(converted.name, "skipped", f"duplicate of {seen[digest]}",
                                  value))
            continue
        seen.setdefault(digest, value)
        keep = converted if converted.original is not None else None
        planned.append(Planned(value, None if keep else Path(value), keep, converted.name,
                               digest, converted.found, converted.provenance, converted.note))
        if progress:
            progress(i, len(values))
    return planned, skipped


def _reason(problem: UsageProblem) -> str:
    """A skip reason without the file name the message starts with, or the hint."""
    text = " ".join(problem.message.split())
    return text.split(": ", 1)[1] if ": " in text[:300] else text


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


def add(inputs: list[str], overrides: Metadata, progress: Progress | None = None,
        home: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> Result[Change]:
    """Store what the inputs hold, each as added, replaced, updated, unchanged or skipped."""
    home = home or tipcli_home()
    planned, skipped = plan(inputs, timeout, progress)
    changes: list[Change] = []
    written: list[str] = []
    try:
        with writable(home) as conn:
            known = Known.read(conn, home)
            folder = documents_dir(home)
            folder.mkdir(parents=True, exist_ok=True)
            # Under the lock no other writer is mid-write: any temporary file
            # is what a killed writer left behind.
            for stale in [*folder.glob(".*.tmp-*"), *originals_dir(home).glob(".*.tmp-*")]:
                with contextlib.suppress(OSError):
                    stale.unlink()
            for item in planned:
                change = _store(item, overrides, known, home)
                changes.append(change)
                if change.action in ("added", "replaced", "updated"):
                    written.append(change.doc)
            build.sync(conn, home, progress)
            _warn_without_year(conn, written)
    except OSError as exc:
        raise _store_error(exc, home) from exc
    return Result(Change, (*changes, *skipped), notes=("add",))


@dataclass
class Known:
    """What the store holds, for deciding between added, replaced, updated and unchanged."""

    by_hash: dict[str, str]  # content -> doc
    digests: dict[str, str]  # doc -> content
    by_source: dict[str, str]  # the path or URL an added document came from -> doc
    names: set[str]
    seeds: set[str]

    @classmethod
    def read(cls, conn: sqlite3.Connection | None, home: Path) -> Known:
        by_hash: dict[str, str] = {}
        digests: dict[str, str] = {}
        seeds: set[str] = set()
        rows = conn.execute("SELECT doc, sha256, origin FROM documents") if conn else []
        for doc, digest, origin in rows:
            by_hash.setdefault(digest, doc)
            digests[doc] = digest
            if origin == "seed":
                seeds.add(doc)
        by_source: dict[str, str] = {}
        files = added_files(home)
        for path in files:
            source = read_sidecar(path)[1].source
            if source:
                by_source[source] = path.name
        return cls(by_hash, digests, by_source, {p.name for p in files} | seeds, seeds)


class Decision(NamedTuple):
    action: str  # added, replaced, updated, unchanged
    doc: str
    detail: str
    meta: Metadata | None  # what to write, or None when nothing is written


def decide(item: Planned, overrides: Metadata, known: Known, home: Path) -> Decision:
    """What adding item does, decided the same way for `add` and `add --dry-run`.

    The path or URL it came from is looked at first: a changed file from the same place
    replaces its old version even when its new content equals another document's.
    """
    source = item.provenance.source
    same_place = known.by_source.get(source) if source else None
    existing = (same_place if same_place is not None and known.digests.get(same_place)
                == item.digest else None) if same_place else known.by_hash.get(item.digest)
    if existing is not None:
        if existing in known.seeds:
            return Decision("unchanged", existing, f"{item.shown} is seed document {existing}",
                            None)
        stored = read_sidecar(documents_dir(home) / existing)[0]
        wanted = overrides.merged_over(stored.merged_over(item.found))
        if wanted == stored:
            return Decision("unchanged", existing, f"{item.shown} is already in the store", None)
        changed = [k for k in METADATA_KEYS if getattr(wanted, k) != getattr(stored, k)]
        return Decision("updated", existing, "new " + ", ".join(changed), wanted)
    meta = overrides.merged_over(item.found)
    detail = item.shown + (f" ({item.note})" if item.note else "")
    if same_place is not None:
        return Decision("replaced", same_place, detail, meta)
    doc = _free_name(item.name, item.digest, known.names)
    if doc != item.name:
        detail += f" (a different document named {item.name} exists)"
    return Decision("added", doc, detail, meta)


def _store(item: Planned, overrides: Metadata, known: Known, home: Path) -> Change:
    """Write one planned input into the store's folders (the index follows in build.sync)."""
    decision = decide(item, overrides, known, home)
    doc, target = decision.doc, documents_dir(home) / decision.doc
    if decision.action == "updated" and decision.meta is not None:
        _write_sidecar(target, decision.meta, read_sidecar(target)[1])
    elif decision.action in ("added", "replaced") and decision.meta is not None:
        converted = item.converted or convert(str(item.path), DEFAULT_TIMEOUT)
        _write_sidecar(target, decision.meta, item.provenance)
        _atomic_write(target, converted.text.encode("utf-8", "surrogatepass"))
        original = originals_dir(home) / doc
        if converted.original is not None:
            original.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(original, converted.original)
        else:
            with contextlib.suppress(FileNotFoundError):
                original.unlink()
        known.by_hash[item.digest] = doc
        known.digests[doc] = item.digest
        known.names.add(doc)
        if item.provenance.source:
            known.by_source[item.provenance.source] = doc
    return Change(doc, decision.action, decision.detail, item.shown)


def _write_sidecar(target: Path, meta: Metadata, provenance: Provenance) -> None:
    record = {**meta.to_json(), **provenance.to_json()}
    _atomic_write(sidecar(target), json.dumps(record, ensure_ascii=False, indent=2).encode())


def _warn_without_year(conn: sqlite3.Connection, docs: list[str]) -> None:
    """A document with no report year answers no question about a year: say so now."""
    if not docs:
        return
    marks = ",".join("?" * len(docs))
    missing = [doc for (doc,) in conn.execute(
        f"SELECT doc FROM documents WHERE doc IN ({marks}) AND report_year IS NULL"
        " ORDER BY doc", docs)]
    if not missing:
        return
    named = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    notify(f"warning: no report year found for {named} (not in the options, front matter, "
           "page metadata, text, title, URL or date); give it with --report-year YEAR")


_WOULD = {"added": "add", "replaced": "replace", "updated": "update", "unchanged": "unchanged"}


def preview(inputs: list[str], overrides: Metadata, home: Path | None = None,
            timeout: float = DEFAULT_TIMEOUT) -> Result[Preview]:
    """What `add` would do, without writing: each input's metadata as found, its kind and
    report year, and how many facts it would give."""
    from tipcli.cleaning import clean
    from tipcli.extract import read

    home = home or tipcli_home()
    planned, skipped = plan(inputs, timeout)
    db = index_path(home)
    conn = connect_readonly(db) if db.exists() else None
    try:
        known = Known.read(conn, home)
    except sqlite3.Error:
        known = Known.read(None, home)
    finally:
        if conn is not None:
            conn.close()
    rows: list[Preview] = []
    for item in planned:
        decision = decide(item, overrides, known, home)
        converted = item.converted or convert(str(item.path), timeout)
        meta = decision.meta or overrides.merged_over(item.found)
        doc = Document(item.name, converted.text, meta, "added", Path(item.name),
                       item.provenance)
        segments = clean(doc.text)
        profile, facts = read(doc, segments)
        kinds = Counter(f.kind for f in facts)
        if decision.action in ("added", "replaced"):  # later inputs see this one's name
            known.names.add(decision.doc)
            known.by_hash.setdefault(item.digest, decision.doc)
            known.digests[decision.doc] = item.digest
        rows.append(Preview(
            decision.doc, _WOULD[decision.action], item.shown, item.provenance.input,
            build.title_of(doc, segments), meta.outlet, meta.published, meta.author, meta.url,
            profile.kind, profile.report_year, profile.year_how,
            len(item.provenance.pages) or None, kinds["rating"], kinds["figure"],
            kinds["quote"], None))
    rows += [Preview(c.doc, "skip", c.source or c.doc, None, None, None, None, None, None, None,
                     None, None, None, 0, 0, 0, c.detail) for c in skipped]
    return Result(Preview, tuple(rows), notes=("add --dry-run",))


def _free_name(name: str, digest: str, taken: set[str]) -> str:
    if name not in taken and not name.startswith("."):
        return name
    stem, dot, suffix = name.lstrip(".").rpartition(".")
    if not dot:
        stem, suffix = suffix, "txt"
    return f"{stem}~{digest[:8]}.{suffix.lower()}"


def remove(targets: list[str], home: Path | None = None) -> Result[Change]:
    """Remove added documents, named by id or by the path or URL they were added from.

    All or nothing: every target is checked before any is removed.
    """
    home = home or tipcli_home()
    folder = documents_dir(home)
    files = added_files(home)
    names = {p.name for p in files}
    by_source: dict[str, str] = {}
    for path in files:
        source = read_sidecar(path)[1].source
        if source:
            by_source[source] = path.name
    seeds = {p.name for p in seed_files()}
    chosen: list[tuple[str, str]] = []
    for target in targets:
        doc = _removable(target, names, by_source, seeds)
        if doc not in (d for d, _ in chosen):
            chosen.append((doc, target))
    try:
        with writable(home) as conn:
            for doc, _ in chosen:
                for path in (folder / doc, sidecar(folder / doc), originals_dir(home) / doc):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
            build.sync(conn, home)
    except OSError as exc:
        raise _store_error(exc, home) from exc
    return Result(Change, tuple(Change(doc, "removed", None, target if target != doc else None)
                                for doc, target in chosen), notes=("remove",))


def _removable(target: str, names: set[str], by_source: dict[str, str], seeds: set[str]) -> str:
    if target in names:
        return target
    if target in seeds:
        raise UsageProblem(f"{target} is a seed document and cannot be removed",
                           "seeds ship with tipcli; 'tipcli remove' removes documents you added")

    source = target if is_url(target) or "\x00" in target else str(Path(target).resolve())
    if source in by_source:
        return by_source[source]
    from tipcli.docids import resolve

    try:  # a short id or prefix: of the documents that can be removed, then of a seed
        doc = resolve(target, names, what="added document")
    except UsageProblem as problem:
        try:
            doc = resolve(target, seeds, what="seed document")
        except UsageProblem:
            raise problem from None
    return _removable(doc, names, by_source, seeds)


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
