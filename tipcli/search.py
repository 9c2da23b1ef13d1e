"""Search: correct query terms against the vocabulary, narrow with FTS5, rank with rapidfuzz."""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from tipcli.notices import notify
from tipcli.results.documents import Hit, Passage
from tipcli.text import normalize, words

# How many FTS5 candidates (best BM25 first) are re-ranked with rapidfuzz.
CANDIDATES = 300
# At most this many matches are ranked by BM25 to find the candidates.
RANK_POOL = 5000
# A vocabulary term this similar to a query word is taken as what was meant.
CORRECTION_CUTOFF = 75.0
MAX_VARIANTS = 4
# How much an edit costs a spelling, and a tenfold more common term gains it
# (see correct()): a common word one edit away beats a rare exact match.
EDIT_WEIGHT = 10.0
FREQUENCY_WEIGHT = 5.0
# A passage word this similar to a query word is highlighted as a match.
MATCH_CUTOFF = 75.0
# Points off when a query's words are all near one another but not side by
# side in order (far apart costs a tenth of the score).
APART_PENALTY = 3.0
# What a score says (README, docs/json-output.md): every word as typed scores 90-100
# (100 side by side in the query's order); every word, some only in another spelling,
# 80-89 (OTHER_SPELLING); only some of the words, below 80: their average up to 60 (the
# default --min-score), and above it pressed into PARTIAL.
OTHER_SPELLING = (80.0, 89.0)
PARTIAL = (60.0, 79.0)


@dataclass(frozen=True)
class Group:
    """One query word, or a "quoted phrase", with the index terms it may stand for."""

    words: tuple[str, ...]
    variants: tuple[tuple[str, ...], ...]  # per word: vocabulary spellings to try

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def parse_query(query: str) -> list[tuple[str, ...]]:
    """Words and quoted phrases, normalised; FTS5 syntax is never passed through."""
    groups: list[tuple[str, ...]] = []
    for phrase, bare in _TOKEN.findall(normalize(query)):
        found = tuple(w for _, _, w in words(phrase if phrase else bare))
        if not found:
            continue
        if phrase:
            groups.append(found)
        else:
            groups.extend((w,) for w in found)
    return groups


def _as_typed(conn: sqlite3.Connection, word: str) -> tuple[str, ...]:
    exact = conn.execute("SELECT 1 FROM vocab WHERE term = ?", (word,)).fetchone()
    return (word,) if exact else ()


def correct(conn: sqlite3.Connection, word: str) -> tuple[str, ...]:
    """Vocabulary spellings close to word, the likeliest meant first.

    Likeliness weighs edits against how common a term is, as a spelling
    corrector's noisy channel does: in a big store the typo a user makes has
    often been made in some document too, and "helpres" (in three passages)
    is then still less likely meant than "helpers" (in thousands).
    """
    if len(word) < 4 or word.isdigit():
        exact = conn.execute("SELECT 1 FROM vocab WHERE term = ?", (word,)).fetchone()
        return (word,) if exact else ()
    grams = {word[i:i + 3] for i in range(len(word) - 2)}
    match = " OR ".join('"' + g.replace('"', '""') + '"' for g in sorted(grams))
    frequency = dict(conn.execute(
        "SELECT v.term, v.df FROM vocab_trigrams t JOIN vocab v ON v.id = t.rowid"
        " WHERE vocab_trigrams MATCH ? ORDER BY t.rank LIMIT 200", (match,)).fetchall())
    # One slip in a short word can leave no trigram in common ("dobut",
    # "doubt"), so terms with the same first letter and about the same
    # length are candidates too: a range scan of the term index.
    frequency.update(conn.execute(
        "SELECT term, df FROM vocab WHERE term >= ? AND term < ?"
        " AND length(term) BETWEEN ? AND ?",
        (word[0], chr(ord(word[0]) + 1), len(word) - 1, len(word) + 1)).fetchall())
    exact_df = conn.execute("SELECT df FROM vocab WHERE term = ?", (word,)).fetchone()
    if exact_df:
        frequency[word] = exact_df[0]
    scored = process.extract(word, list(frequency), scorer=fuzz.ratio,
                             score_cutoff=CORRECTION_CUTOFF, limit=None)
    # Each edit (a transposition counts as one) makes a spelling about ten
    # times less likely meant; each tenfold in frequency makes it likelier.
    ranked = sorted(scored, key=lambda s: (
        EDIT_WEIGHT * DamerauLevenshtein.distance(word, s[0])
        - FREQUENCY_WEIGHT * math.log10(1 + frequency[s[0]]), s[0]))
    return tuple(term for term, _, _ in ranked[:MAX_VARIANTS])


def _fts_expression(groups: list[Group], operator: str) -> str:
    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    parts = []
    for group in groups:
        if group.is_phrase:
            parts.append(quoted(" ".join(v[0] for v in group.variants)))
        else:
            parts.append("(" + " OR ".join(quoted(v) for v in group.variants[0]) + ")")
    return f" {operator} ".join(parts)


def _similarities(typed: str, spellings: tuple[str, ...], token_words: list[str]) -> list[float]:
    """For each passage word, its best ratio against the spellings of one query word.

    The first spelling is what the user meant (the word itself when indexed,
    else the closest correction) and counts in full; other spellings count as
    much as they resemble what was typed, so "screening" prefers "screening"
    to "screened".
    """
    best = [0.0] * len(token_words)
    for rank, spelling in enumerate(dict.fromkeys(spellings)):
        weight = 1.0 if rank == 0 else fuzz.ratio(typed, spelling) / 100
        for _, sim, i in process.extract(spelling, token_words, scorer=fuzz.ratio, limit=None):
            if sim * weight > best[i]:
                best[i] = sim * weight
    return best


def score_passage(groups: list[Group], text: str) -> tuple[float, list[tuple[int, int]]]:
    """Score 0-100 and the [start, end) of matched words within text.

    A query word is found where a passage word is like one of its spellings; a
    phrase where its words stand together. Each found word counts how near the
    passage's word comes to the word as typed (a missing one, its nearest
    spelling); words apart cost a little. The average is then put in the band
    that says how the query was found: every word as typed 90-100, some only in
    another spelling (a corrected typo, a plural) OTHER_SPELLING, some missing
    below that.
    """
    tokens = words(text)
    if not tokens or not groups:
        return 0.0, []
    token_words = [t[2] for t in tokens]
    closeness: list[float] = []  # per group: 100 for the words as typed
    positions: list[list[int]] = []  # per group: every matched word, highlighted
    nearest: list[list[int]] = []  # per group: the matched words nearest what was typed
    for group in groups:
        per_word = [_similarities(typed, spellings, token_words)
                    for typed, spellings in zip(group.words, group.variants, strict=True)]
        if group.is_phrase:
            n = len(per_word)
            values = [sum(per_word[k][i + k] for k in range(n)) / n
                      for i in range(len(tokens) - n + 1)]
            found = [i for i, value in enumerate(values) if value >= MATCH_CUTOFF]
            near = {i: _as_typed_ratio(group.words, token_words[i:i + n]) for i in found}
            where = max(found, key=lambda i: (near[i], values[i], -i), default=None)
            closeness.append(max(values, default=0.0) if where is None else near[where])
            positions.append([] if where is None else list(range(where, where + n)))
            nearest.append(positions[-1])
        else:
            sims = per_word[0]
            best = max(sims)
            found = [i for i, s in enumerate(sims) if s >= MATCH_CUTOFF and s >= best - 15]
            near = {i: fuzz.ratio(group.words[0], token_words[i]) for i in found}
            closeness.append(max(near.values(), default=best))
            positions.append(found)
            nearest.append([i for i in found if near[i] == closeness[-1]])
    spans = [(tokens[i][0], tokens[i][1]) for i in sorted({i for p in positions for i in p})]
    score = sum(closeness) / len(closeness)
    if not all(positions):
        low, high = PARTIAL
        if score > low:  # pressed below every passage with all the words
            score = low + (high - low) * (score - low) / (100 - low)
        return round(score, 1), spans
    if len(groups) > 1 and not _in_order(groups, nearest):
        # Words as typed, side by side, beat the same words apart or reordered.
        firsts = sorted(p[0] for p in nearest)
        if firsts[-1] - firsts[0] > sum(len(g.words) for g in groups) + 3:
            score *= 0.9
        else:
            score -= APART_PENALTY
    if any(c < 100 for c in closeness):  # the band of other spellings, nearer higher
        low, high = OTHER_SPELLING
        score = low + (high - low) * max(0.0, score - 50) / 50
    return round(score, 1), spans


def _as_typed_ratio(typed: tuple[str, ...], found: list[str]) -> float:
    """How near a phrase's words in a passage come to the words typed (100: the same)."""
    return sum(fuzz.ratio(a, b) for a, b in zip(typed, found, strict=True)) / len(typed)


def _in_order(groups: list[Group], positions: list[list[int]]) -> bool:
    """Do the groups' matched words stand side by side in the query's order somewhere?"""
    later = [set(p) for p in positions[1:]]
    for first in positions[0]:
        at = first + len(groups[0].words)
        for group, found in zip(groups[1:], later, strict=True):
            if at not in found:
                break
            at += len(group.words)
        else:
            return True
    return False


def search(conn: sqlite3.Connection, query: str, *, limit: int = 10, doc: str | None = None,
           year: int | None = None, min_score: float = 60.0, exact: bool = False,
           context: int = 0) -> list[Hit]:
    """Passages that match query, best first. exact: no word is corrected; each must be in
    the index as typed (a quoted phrase, its words in order). context: each hit also carries
    up to that many passages of its document before and after it."""
    groups = _groups(conn, query, exact)
    if not groups:
        return []
    understood, corrected = _announce(groups)
    hits: list[Hit] = []
    seen: set[int] = set()
    for score, row, spans in _matches(conn, groups, doc, year, min_score, CANDIDATES):
        pid, pdoc, start, _, text, same_as, report_year, published, outlet = row
        key = same_as or pid
        if key in seen:
            continue
        seen.add(key)
        others = [r[0] for r in conn.execute(
            "SELECT DISTINCT doc FROM passages WHERE (same_as = ? OR id = ?) AND doc != ?",
            (key, key, pdoc))]
        before, after = _around(conn, pid, pdoc, context) if context else ((), ())
        hits.append(Hit(
            doc=pdoc, start=start, end=start + len(text), text=text, score=score,
            report_year=report_year, published=published, outlet=outlet,
            matches=tuple((start + a, start + b) for a, b in spans), also_in=tuple(sorted(others)),
            query=understood, corrected=corrected, before=before, after=after,
        ))
        if len(hits) >= limit:
            break
    return hits


def per_document(conn: sqlite3.Connection, query: str, *, doc: str | None = None,
                 year: int | None = None, min_score: float = 60.0, exact: bool = False,
                 ) -> dict[str, tuple[int, float]]:
    """Document -> (how many of its passages match, the best score), for search --count
    and --files. Every match is scored, not only the best CANDIDATES, and a passage that
    two versions of an article share counts in each: a document's count is what
    `search --doc` finds there."""
    groups = _groups(conn, query, exact)
    if not groups:
        return {}
    _announce(groups)
    found: dict[str, tuple[int, float]] = {}
    for score, row, _ in _matches(conn, groups, doc, year, min_score, None):
        hits, best = found.get(row[1], (0, 0.0))
        found[row[1]] = (hits + 1, max(best, score))
    return found


def _groups(conn: sqlite3.Connection, query: str, exact: bool) -> list[Group]:
    """The query's words and phrases with the spellings to search for; [] when it cannot
    match (a phrase word, or with exact any word, that the index lacks)."""
    parsed = parse_query(query)
    groups: list[Group] = []
    for ws in parsed:
        variants = tuple(_as_typed(conn, w) if exact else correct(conn, w) for w in ws)
        if exact and any(not v for v in variants):
            return []  # --exact: every word as typed, or nothing
        if any(not v for v in variants):
            if len(ws) > 1 or len(parsed) == 1:
                return []  # a word the index has nothing like
            continue  # drop a word with no counterpart; the others still count
        groups.append(Group(ws, variants))
    return groups


def _announce(groups: list[Group]) -> tuple[str, str | None]:
    """The query as searched and, when some word was corrected, as typed (said on stderr)."""
    understood, typed = _spelled(groups, 0), _spelled(groups, None)
    corrected = typed if understood != typed else None
    if corrected is not None:
        notify(f"searching for: {understood} (corrected from: {typed})")
    return understood, corrected


def _matches(conn: sqlite3.Connection, groups: list[Group], doc: str | None, year: int | None,
             min_score: float, candidates: int | None,
             ) -> list[tuple[float, tuple[Any, ...], list[tuple[int, int]]]]:
    """(score, passage row, matched spans) scoring min_score or more, best first (ties in
    BM25 order): passages with every word, else (for several) with any."""
    rows = _candidates(conn, groups, "AND", doc, year, candidates)
    if not rows and len(groups) > 1:
        rows = _candidates(conn, groups, "OR", doc, year, candidates)
    scored = []
    for row in rows:
        score, spans = score_passage(groups, row[4])
        if score >= min_score:
            scored.append((score, row, spans))
    scored.sort(key=lambda s: -s[0])  # stable: BM25 order among equal scores
    return scored


def _around(conn: sqlite3.Connection, pid: int, doc: str, count: int,
            ) -> tuple[tuple[Passage, ...], tuple[Passage, ...]]:
    """Up to count passages of doc before and after passage pid, in text order (a
    document's passages are written in text order, with consecutive ids)."""
    before = conn.execute("SELECT start, end, text FROM passages WHERE doc = ? AND id < ?"
                          " ORDER BY id DESC LIMIT ?", (doc, pid, count)).fetchall()
    after = conn.execute("SELECT start, end, text FROM passages WHERE doc = ? AND id > ?"
                         " ORDER BY id LIMIT ?", (doc, pid, count)).fetchall()
    return tuple(Passage(*row) for row in reversed(before)), tuple(Passage(*row) for row in after)


def _spelled(groups: list[Group], variant: int | None) -> str:
    """The query as searched (each word's likeliest spelling: variant 0) or as typed (None),
    phrases in quotes."""
    parts = []
    for group in groups:
        spelled = [v[variant] if variant is not None else w
                   for w, v in zip(group.words, group.variants, strict=True)]
        parts.append(f'"{" ".join(spelled)}"' if group.is_phrase else spelled[0])
    return " ".join(parts)


def _candidates(conn: sqlite3.Connection, groups: list[Group], operator: str,
                doc: str | None, year: int | None, limit: int | None) -> list[tuple[Any, ...]]:
    """The limit best passages by BM25 among (at most) the first RANK_POOL matches; with
    limit None, every match, unranked.

    Ranking every match costs about a microsecond each: 110 ms for a query
    matching 100,000 of a million passages. Past RANK_POOL matches the pool
    is cut at a rowid (FTS5 filters rowid ranges cheaply); rapidfuzz re-ranks
    the candidates anyway, so BM25 only has to find good ones, not the best.
    """
    expression = _fts_expression(groups, operator)
    select = ("SELECT p.id, p.doc, p.start, p.end, p.text, p.same_as, d.report_year,"
              " d.published, d.outlet FROM passages_fts f JOIN passages p ON p.id = f.rowid"
              " JOIN documents d ON d.doc = p.doc WHERE passages_fts MATCH ?")
    filtered = " AND (? IS NULL OR p.doc = ?) AND (? IS NULL OR d.report_year = ?)"
    if limit is None:
        return conn.execute(select + filtered, (expression, doc, doc, year, year)).fetchall()
    if doc is not None or year is not None:
        return conn.execute(select + filtered + " ORDER BY f.rank LIMIT ?",
                            (expression, doc, doc, year, year, limit)).fetchall()
    last = conn.execute("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
                        " LIMIT 1 OFFSET ?", (expression, RANK_POOL - 1)).fetchone()
    if last is None:
        return conn.execute(select + " ORDER BY f.rank LIMIT ?",
                            (expression, limit)).fetchall()
    return conn.execute(select + " AND f.rowid <= ? ORDER BY f.rank LIMIT ?",
                        (expression, last[0], limit)).fetchall()
