"""The extractor registry: every extractor runs on every document when the store is built."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.extract.base import Context, Extractor, Fact
from tipcli.extract.figures import FigureExtractor
from tipcli.extract.places import primary_place
from tipcli.extract.quotes import QuoteExtractor
from tipcli.extract.ratings import RatingExtractor
from tipcli.extract.years import report_year_in
from tipcli.text import content_sentences

REGISTRY: list[Extractor] = [RatingExtractor(), FigureExtractor(), QuoteExtractor()]

SCHEMA = """
CREATE TABLE facts (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    doc          TEXT NOT NULL,
    jurisdiction TEXT,
    year         INTEGER,
    key          TEXT NOT NULL,
    data         TEXT NOT NULL
);
CREATE INDEX facts_lookup ON facts(kind, jurisdiction, year);
CREATE INDEX facts_doc ON facts(doc);
CREATE TABLE evidence (
    fact  INTEGER NOT NULL,
    doc   TEXT NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    text  TEXT NOT NULL
);
CREATE INDEX evidence_fact ON evidence(fact);
"""


def context(doc: Document, segments: list[Segment]) -> Context:
    content = [s for s in segments if s.is_content]
    body = "\n".join(doc.text[s.start:s.end] for s in content)
    sentences = content_sentences(doc.text, content)
    named = Counter(report_year_in(s.text, None) for s in sentences)
    named.pop(None, None)
    return Context(doc, segments, sentences, primary_place(body),
                   named.most_common(1)[0][0] if named else None)


def extract_all(doc: Document, segments: list[Segment]) -> list[Fact]:
    ctx = context(doc, segments)
    facts: list[Fact] = []
    for extractor in REGISTRY:
        facts.extend(extractor.extract(ctx))
    return facts


def store_facts(conn: sqlite3.Connection, doc: Document, facts: list[Fact]) -> None:
    """Store what the extractors found in doc (see extract_all)."""
    first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM facts").fetchone()[0]
    conn.executemany(
        "INSERT INTO facts (id, kind, doc, jurisdiction, year, key, data) VALUES (?,?,?,?,?,?,?)",
        [(first + i, fact.kind, doc.doc, fact.jurisdiction, fact.year, fact.key,
          json.dumps(fact.data, ensure_ascii=False)) for i, fact in enumerate(facts)])
    conn.executemany(
        "INSERT INTO evidence (fact, doc, start, end, text) VALUES (?,?,?,?,?)",
        [(first + i, doc.doc, s, e, doc.text[s:e])
         for i, fact in enumerate(facts) for s, e in fact.spans])


def delete_facts(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove the facts extracted from doc_id."""
    conn.execute("DELETE FROM evidence WHERE fact IN (SELECT id FROM facts WHERE doc = ?)",
                 (doc_id,))
    conn.execute("DELETE FROM facts WHERE doc = ?", (doc_id,))
