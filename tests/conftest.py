"""Shared fixtures: an isolated TIPCLI_HOME, the in-process CLI, and evidence checks."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tipcli.cli.app import main
from tipcli.paths import documents_dir, seeds_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty TIPCLI_HOME for one test."""
    path = tmp_path / "home"
    monkeypatch.setenv("TIPCLI_HOME", str(path))
    monkeypatch.delenv("TIPCLI_DEBUG", raising=False)
    yield path


@pytest.fixture
def cli(home: Path) -> Any:
    """Run tipcli in-process (typer's CliRunner isolation around tipcli's own main)."""

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        runner = CliRunner()
        with runner.isolation(env=env) as streams:
            code = main(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = streams[0].getvalue(), streams[1].getvalue()
        return Run(code, out.decode("utf-8"), err.decode("utf-8"))

    return run


def facts_in(sentence: str, kind: str) -> list[Any]:
    """What the extractors find of kind in a one-sentence article (report year 2020)."""
    from tipcli.cleaning import clean
    from tipcli.documents import Document, Metadata
    from tipcli.extract import extract_all

    text = f"Test headline\n\n{sentence}\n"
    doc = Document("t.txt", text, Metadata(report_year=2020), "added", Path("t.txt"))
    return [f for f in extract_all(doc, clean(text)) if f.kind == kind]


def document_text(doc: str, home: Path) -> str:
    """The text a document's offsets count in: the seed file or the stored copy."""
    for folder in (seeds_dir(), documents_dir(home)):
        path = folder / doc
        if path.is_file():
            return path.read_bytes().decode("utf-8")
    raise AssertionError(f"no file for document {doc}")


def assert_offsets(doc: str, start: int, end: int, text: str, home: Path) -> None:
    assert document_text(doc, home)[start:end] == text, (doc, start, end)
