"""The SQLite schema of the store (documented for sqlite3/datasette users in docs/store.md)."""

SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    doc          TEXT PRIMARY KEY,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,
    report_year  INTEGER,
    url          TEXT,
    kind         TEXT NOT NULL,
    author       TEXT,
    input        TEXT NOT NULL,  -- seed, file, url or pdf (origin says seed or added)
    source       TEXT,           -- the path or URL it was added from
    pages        TEXT,           -- a PDF's page starts, as a JSON array of offsets
    duplicate_of TEXT,
    chars        INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    origin       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    mtime_ns     INTEGER NOT NULL
);
CREATE TABLE segments (
    doc   TEXT NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    kind  TEXT NOT NULL
);
CREATE INDEX segments_doc ON segments(doc);
CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    doc         TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    fingerprint INTEGER NOT NULL,
    same_as     INTEGER
);
CREATE INDEX passages_doc ON passages(doc);
CREATE INDEX passages_fingerprint ON passages(fingerprint);
CREATE INDEX passages_same_as ON passages(same_as) WHERE same_as IS NOT NULL;
CREATE VIRTUAL TABLE passages_fts USING fts5(
    body, content='', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE vocab (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    df   INTEGER NOT NULL
);
CREATE VIRTUAL TABLE vocab_trigrams USING fts5(term, content='', tokenize='trigram');
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
