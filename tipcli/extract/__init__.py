"""The extractor registry: every extractor runs on every document when the store is built."""

from __future__ import annotations

import sqlite3

from tipcli.cleaning import Segment
from tipcli.documents import Document

SCHEMA = ""


def store_facts(conn: sqlite3.Connection, doc: Document, segments: list[Segment]) -> None:
    """Run every registered extractor on doc and store what they find."""


def delete_facts(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove the facts extracted from doc_id."""
