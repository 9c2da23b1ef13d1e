"""Quotes: who said what, one quote per wording across versions of an article."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from tipcli.facts.evidence import evidence
from tipcli.facts.inputs import not_blank
from tipcli.lexicon.kinds import SpeakerKind
from tipcli.lexicon.speakers import NAMELESS_WORDS, PRONOUNS
from tipcli.results import Result
from tipcli.results.quotes import Quote
from tipcli.store import Store


def quotes(store: Store, query: str | None, speaker: str | None, year: int | None,
           include_phrases: bool = True) -> Result[Quote]:
    """Quoted statements (and attributed phrases), one per wording across versions; a
    speaker matches by its entity, its title or any words that attribute it anywhere."""
    not_blank(query, "the text to find", "words from the quote")
    not_blank(speaker, "--speaker", "a name, a title or a body")
    from rapidfuzz import fuzz, utils

    rows = store.conn.execute(
        "SELECT f.id, f.doc, f.year, f.key, f.data, d.duplicate_of FROM facts f"
        " JOIN documents d ON d.doc = f.doc WHERE f.kind = 'quote'"
        " AND (? IS NULL OR f.year = ?) ORDER BY d.published, f.doc, f.id",
        (year, year)).fetchall()
    loaded = [(fid, doc, when, who, json.loads(raw), duplicate_of)
              for fid, doc, when, who, raw, duplicate_of in rows]
    wanted: set[str] | None = None
    if speaker:
        key = utils.default_process(speaker)
        aliases: dict[str, set[str]] = defaultdict(set)
        for _, _, _, who, data, _ in loaded:
            aliases[who].update(a for a in (who, data.get("speaker_as_written"),
                                            data.get("speaker_title"))
                                if a and a.lower() not in PRONOUNS)
        wanted = {who for who, names in aliases.items()
                  if any(_names(key, utils.default_process(a), fuzz.partial_ratio)
                         for a in names)}
    merged: dict[tuple[str, str],
                 tuple[list[int], tuple[str, int, str, dict[str, Any], str | None]]] = {}
    for fid, doc, when, who, data, duplicate_of in loaded:
        if not include_phrases and data["form"] != "statement":
            continue
        if wanted is not None and who not in wanted:
            continue
        if query and fuzz.partial_ratio(utils.default_process(query),
                                        utils.default_process(data["text"])) < 80:
            continue
        same_quote = quote_key(who, data["text"])
        if same_quote in merged:
            ids, first = merged[same_quote]
            # The best evidence first: the fuller version of the article, not a copy.
            ids.insert(len(ids) if duplicate_of is not None else 0, fid)
            if first[4] is not None and duplicate_of is None:  # prefer the canonical version
                merged[same_quote] = (ids, (doc, when, who, data, duplicate_of))
        else:
            merged[same_quote] = ([fid], (doc, when, who, data, duplicate_of))
    items = []
    for ids, (doc, when, who, data, _) in merged.values():
        items.append(Quote(data["id"], who, data.get("speaker_title"),
                           data.get("speaker_as_written"), SpeakerKind(data["speaker_kind"]),
                           data["text"], data["form"], when, data["published"], doc,
                           tuple(evidence(store, ids))))
    scope = [f"matching {query!r}" if query else "", f"by {speaker!r}" if speaker else "",
             f"in {year}" if year else ""]
    said = " ".join(s for s in scope if s)
    return Result(Quote, tuple(items), notes=(("quotes " + said).strip(),),
                  empty_message="no quote found" + (f" {said}" if said else ""),
                  hint=_hint(query, speaker, year))


def quote_key(speaker: str, text: str) -> tuple[str, str]:
    """What makes two quote facts one quote: the same speaker and the same words (their case
    and spacing aside), as versions of an article, or outlets reporting one statement, give
    them. The same words from two speakers stay two quotes."""
    return speaker, " ".join(text.lower().split())


def _hint(query: str | None, speaker: str | None, year: int | None) -> str:
    """What to try when no quote is found."""
    if query and query.strip().isdigit() and len(query.strip()) == 4 and not year:
        return (f"QUERY is text to find in the quote; for the {query.strip()} report, "
                f"use --year {query.strip()}")
    if speaker and NAMELESS_WORDS.issuperset(speaker.lower().split()):
        return f"{speaker!r} names no one; give a name, a title or a body, such as 'minister'"
    return "try fewer words, another --speaker, or see 'tipcli quotes'"


def _names(wanted: str, alias: str, score: Callable[[str, str], float]) -> bool:
    """Whether a user's words name this alias: all of it, or a close spelling of part of it
    ("hong kong government", "security bureau", "blinken")."""
    if not wanted or not alias or NAMELESS_WORDS.issuperset(wanted.split()):
        return False  # "and", "of the", "he": words that name no one
    if f" {wanted} " in f" {alias} ":
        return True
    # Only the user's words inside an alias count: "it" (as written) is no match for
    # "security bureau".
    return len(wanted) >= 4 and len(alias) >= len(wanted) and score(wanted, alias) >= 88
