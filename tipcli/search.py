"""Search: correct query terms against the vocabulary, narrow with FTS5, rank with rapidfuzz.

What a hit matches is what search says it searched for. Each query word stands for:
- the word as typed, when the index holds it;
- else, or when the index holds it so rarely that a neighbour is far likelier meant (a typo
  some document also makes), ONE correction, which is announced (stderr, and each hit's
  `query` and `corrected`);
- and the singular or plural of those ("screenings" for "screening", "fee" for "fees"):
  their other forms, when the index holds them.
A passage word matches only if it is one of these, never merely like one of them.

A correction is for typos, and is conservative (precision first): one edit turns a short
word into another real word ("free" into "feel" or "fees", "war" into "was"), so a
correction may differ from what was typed by one edit per LETTERS_PER_EDIT letters of the
longer of the two (MAX_EDITS at most; a letter added, dropped or replaced, or two
neighbours swapped), its first letter kept, and must be a word the index holds. So a
number or a word of three letters is never corrected, and one of four only by a letter
it dropped ("beng" for "being"). A longer word the index lacks cannot be told from a
typo without a dictionary, so it may be corrected, but always said so. A word with no
such correction and in no form in the index is searched as typed: found nowhere, it
makes every hit a partial match (below 80).
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, product
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
# A word is corrected by at most one edit per this many letters (none below it), and
# never by more than MAX_EDITS: see the module's docstring.
LETTERS_PER_EDIT = 5
MAX_EDITS = 2
# How much an edit costs a spelling, and a tenfold more common term gains it
# (see correct()): a common word one edit away beats a rare exact match.
EDIT_WEIGHT = 10.0
FREQUENCY_WEIGHT = 5.0
# A quoted phrase is looked up in FTS5 in at most this many spellings (its words' forms
# combined); FTS5's porter stemmer finds most plurals through any of them anyway.
PHRASE_SPELLINGS = 16
# Points off when a query's words are all near one another but not side by
# side in order (far apart costs a tenth of the score).
APART_PENALTY = 3.0
# What a score says (README, docs/json-output.md): every word as typed scores 90-100
# (100 side by side in the query's order); every word, some only in another spelling,
# 80-89 (OTHER_SPELLING); only some of the words, below 80: PARTIAL for half of them or
# more, below 60 (the default --min-score) for fewer; a missing word counts nothing.
OTHER_SPELLING = (80.0, 89.0)
PARTIAL = (60.0, 79.0)


@dataclass(frozen=True)
class Group:
    """One query word, or a "quoted phrase", with the index terms it may stand for."""

    words: tuple[str, ...]
    # per word: the spellings searched for, the one announced first (see correct())
    variants: tuple[tuple[str, ...], ...]
    # per word: the index terms a passage word must be to match it (the variants the index
    # holds and their other forms); empty for a word the index has in no form
    forms: tuple[frozenset[str], ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def searchable(self) -> bool:
        """Can a passage have it: does the index hold every one of its words in some form?"""
        return all(self.forms)


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


def other_forms(word: str) -> tuple[str, ...]:
    """The plural and singular spellings word may have ("helper": "helpers"; "fees": "fee";
    "countries": "country"; "boxes": "box"). Some are not words: only those the index
    holds are ever searched. Numbers and words under three letters have none."""
    if len(word) < 3 or not word.isalpha():
        return ()
    forms = [word + "s"]
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.append(word + "es")
    if word.endswith("y") and word[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.append(word[:-1])
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= 3 and f != word)


def _indexed(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    """Those of terms the index holds, with the number of passages that have each."""
    wanted = list(dict.fromkeys(terms))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    return dict(conn.execute(f"SELECT term, df FROM vocab WHERE term IN ({marks})", wanted))


def edits_allowed(typed: str, meant: str) -> int:
    """How many edits may turn meant into typed: one per LETTERS_PER_EDIT letters of the
    longer, MAX_EDITS at most; none for numbers. So a word of three letters is never
    corrected, and one of four only by a letter it dropped ("beng" for "being", never
    "free" for "feel")."""
    if typed.isdigit() or meant.isdigit():
        return 0
    return min(MAX_EDITS, max(len(typed), len(meant)) // LETTERS_PER_EDIT)


def correct(conn: sqlite3.Connection, word: str) -> tuple[str, ...]:
    """The spellings to search word as, the one meant (and announced) first: (word,) when
    the index holds it, or holds only its other forms; (correction,) when it holds neither
    and a correction is allowed (see the module's docstring); (correction, word) when it
    holds word but a correction is far likelier meant; () when it holds nothing for word.

    Likeliness weighs edits against how common a term is, as a spelling
    corrector's noisy channel does: in a big store the typo a user makes has
    often been made in some document too, and "helpres" (in three passages)
    is then still less likely meant than "helpers" (in thousands). A word
    counts as common as it is in all its forms, so "helper" is not taken for
    "helped" because "helpers" is everywhere.
    """
    own = _indexed(conn, (word, *other_forms(word)))
    edits = min(MAX_EDITS, (len(word) + MAX_EDITS) // LETTERS_PER_EDIT)  # for any meant
    if word.isdigit() or len(word) + edits < LETTERS_PER_EDIT or (own and word not in own):
        return (word,) if own else ()
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
        (word[0], chr(ord(word[0]) + 1), len(word) - edits, len(word) + edits)).fetchall())
    near = [term for term in frequency if term[0] == word[0] and term != word
            and term not in own]
    likely = {term: EDIT_WEIGHT * d - FREQUENCY_WEIGHT * math.log10(1 + frequency[term])
              for term, d, _ in process.extract(word, near, scorer=DamerauLevenshtein.distance,
                                                score_cutoff=edits, limit=None)
              if d <= edits_allowed(word, term)}
    if own:  # the word as typed, as common as all its forms together
        likely[word] = -FREQUENCY_WEIGHT * math.log10(1 + sum(own.values()))
    if not likely:
        return ()
    # Each edit (a transposition counts as one) makes a spelling about ten
    # times less likely meant; each tenfold in frequency makes it likelier.
    meant = min(likely, key=lambda term: (likely[term], term))
    if meant == word:
        return (word,)
    return (meant, word) if own else (meant,)


def spellings(conn: sqlite3.Connection, word: str, exact: bool,
              ) -> tuple[tuple[str, ...], frozenset[str]]:
    """The spellings word is searched as (the announced one first), and the index terms a
    passage word must be to match it. exact: the word as typed, and only if indexed."""
    if exact:
        return (word,), frozenset(_indexed(conn, (word,)))
    variants = correct(conn, word)
    if not variants:
        return (word,), frozenset()
    every = [form for v in variants for form in (v, *other_forms(v))]
    return variants, frozenset(_indexed(conn, every))


def _fts_expression(groups: list[Group], operator: str) -> str:
    """Passages with the groups' words (AND: every group; OR: any), as FTS5 finds them: a
    group in any of its forms, a phrase in any of its spellings. Groups the index cannot
    have are left out (the caller knows AND then finds nothing)."""
    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def ordered(variants: tuple[str, ...], forms: frozenset[str]) -> list[str]:
        return [v for v in variants if v in forms] + sorted(forms.difference(variants))

    parts = []
    for group in groups:
        if not group.searchable:
            continue
        per_word = [ordered(v, f) for v, f in zip(group.variants, group.forms, strict=True)]
        if group.is_phrase:
            spelled = islice(product(*per_word), PHRASE_SPELLINGS)
            parts.append("(" + " OR ".join(quoted(" ".join(p)) for p in spelled) + ")")
        else:
            parts.append("(" + " OR ".join(quoted(v) for v in per_word[0]) + ")")
    return f" {operator} ".join(parts)


def _closeness(typed: str, forms: frozenset[str], token_words: list[str]) -> list[float]:
    """For each passage word, how near it comes to one query word: 100 the word as typed,
    its likeness to what was typed for another of the word's forms (so "screening" prefers
    "screening" to "screenings"), 0 for any other word, however alike."""
    near: dict[str, float] = {}
    out = []
    for token in token_words:
        if token == typed:
            out.append(100.0)
        elif token in forms:
            if token not in near:
                near[token] = min(99.0, max(1.0, fuzz.ratio(typed, token)))
            out.append(near[token])
        else:
            out.append(0.0)
    return out


def score_passage(groups: list[Group], text: str) -> tuple[float, list[tuple[int, int]]]:
    """Score 0-100 and the [start, end) of matched words within text.

    A query word is found where a passage word is one of its forms (see Group); a
    phrase where its words stand together. Each found word counts how near the
    passage's word comes to the word as typed (a missing one, nothing); words apart
    cost a little. The average is then put in the band that says how the query was
    found: every word as typed 90-100, some only in another spelling (a corrected
    typo, a plural) OTHER_SPELLING, some missing below that.
    """
    tokens = words(text)
    if not tokens or not groups:
        return 0.0, []
    token_words = [t[2] for t in tokens]
    closeness: list[float] = []  # per group: 100 for the words as typed
    positions: list[list[int]] = []  # per group: every matched word, highlighted
    nearest: list[list[int]] = []  # per group: the matched words nearest what was typed
    for group in groups:
        per_word = [_closeness(typed, forms, token_words)
                    for typed, forms in zip(group.words, group.forms, strict=True)]
        if group.is_phrase:
            n = len(per_word)
            starts = range(len(tokens) - n + 1)
            values = [sum(per_word[k][i + k] for k in range(n)) / n for i in starts]
            found = [i for i in starts if all(per_word[k][i + k] for k in range(n))]
            where = max(found, key=lambda i: (values[i], -i), default=None)
            closeness.append(max(values, default=0.0) if where is None else values[where])
            positions.append([] if where is None else list(range(where, where + n)))
            nearest.append(positions[-1])
        else:
            near = per_word[0]
            found = [i for i, value in enumerate(near) if value]
            closeness.append(max(near))
            positions.append(found)
            nearest.append([i for i in found if near[i] == closeness[-1]])
    spans = [(tokens[i][0], tokens[i][1]) for i in sorted({i for p in positions for i in p})]
    score = sum(closeness) / len(closeness)
    if not all(positions):
        # Below every passage with all the words, higher the more of them it has (and the
        # nearer to what was typed): half of them or more in PARTIAL (one of two words as
        # typed: 60, the default --min-score), fewer below it.
        low, high = PARTIAL
        half = score >= 50
        return round(low + (high - low) * (score - 50) / 50 if half else low * score / 50,
                     1), spans
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
    """The query's words and phrases with the spellings to search for; [] when no passage
    can match (the index has none of the words; with exact, lacks any of them)."""
    groups = []
    for ws in parse_query(query):
        found = [spellings(conn, w, exact) for w in ws]
        groups.append(Group(ws, tuple(v for v, _ in found), tuple(f for _, f in found)))
    if exact and not all(g.searchable for g in groups):
        return []  # --exact: every word as typed, or nothing
    if not any(g.searchable for g in groups):
        return []
    # A word the index lacks in every form and spelling stays in the query as typed:
    # found in no passage, it leaves every hit a partial match.
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
    scored = []
    if all(g.searchable for g in groups):
        scored = _scored(groups, _candidates(conn, groups, "AND", doc, year, candidates))
    # FTS5 stems words ("pressed" for "press"), so a passage it finds with every word may
    # still lack one: only a passage with every word (80 or more) stops the fallback.
    if len(groups) > 1 and not any(score >= OTHER_SPELLING[0] for score, _, _ in scored):
        scored = _scored(groups, _candidates(conn, groups, "OR", doc, year, candidates))
    kept = [hit for hit in scored if hit[0] >= min_score]
    kept.sort(key=lambda s: -s[0])  # stable: BM25 order among equal scores
    return kept


def _scored(groups: list[Group], rows: list[tuple[Any, ...]],
            ) -> list[tuple[float, tuple[Any, ...], list[tuple[int, int]]]]:
    out = []
    for row in rows:
        score, spans = score_passage(groups, row[4])
        if spans:
            out.append((score, row, spans))
    return out


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
