"""Every registered extractor keeps the contract in tipcli/extract/base.py."""

from __future__ import annotations

import builtins
import socket
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tipcli.cleaning import clean
from tipcli.documents import Document, Metadata, load_seed, load_seed_catalogue, seed_files
from tipcli.extract import REGISTRY, context
from tipcli.extract.base import Context, Fact


def documents() -> list[Document]:
    catalogue = load_seed_catalogue()
    docs = [load_seed(path, catalogue) for path in seed_files()]
    for path in sorted(FIXTURES.glob("*.*")):
        if path.suffix in (".txt", ".md") and path.name != "README.md":
            text = path.read_text(encoding="utf-8")
            docs.append(Document(path.name, text, Metadata(report_year=2020), "added", path))
    return docs


DOCUMENTS = documents()


def contexts() -> list[Context]:
    return [context(doc, clean(doc.text)) for doc in DOCUMENTS]


def test_the_registry_holds_every_extractor_once() -> None:
    names = [e.name for e in REGISTRY]
    assert names == ["ratings", "figures", "quotes"] and len(set(names)) == len(names)


@pytest.mark.parametrize("extractor", REGISTRY, ids=lambda e: e.name)
def test_spans_lie_inside_the_text_and_hold_words(extractor: Any) -> None:
    found = 0
    for ctx in contexts():
        for fact in extractor.extract(ctx):
            assert isinstance(fact, Fact) and fact.spans, fact
            for start, end in fact.spans:
                assert 0 <= start < end <= len(ctx.text), (ctx.doc.doc, fact)
                assert ctx.text[start:end].strip(), (ctx.doc.doc, fact)
            found += 1
    assert found > 0, f"{extractor.name} found nothing in the seeds and fixtures"


@pytest.mark.parametrize("extractor", REGISTRY, ids=lambda e: e.name)
def test_the_same_input_gives_the_same_facts(extractor: Any) -> None:
    for ctx in contexts():
        first, second = list(extractor.extract(ctx)), list(extractor.extract(ctx))
        assert first == second, ctx.doc.doc


@pytest.mark.parametrize("extractor", REGISTRY, ids=lambda e: e.name)
def test_no_io(extractor: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a file, a database or a socket while extracting fails the test."""
    ready = contexts()  # built before the traps are set: reading seeds is I/O

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"{extractor.name} did I/O: {args!r}")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(sqlite3, "connect", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(builtins, "print", refuse)
    for ctx in ready:
        list(extractor.extract(ctx))
