"""Quotes: who said what, one quote per wording across versions of an article."""

from __future__ import annotations

import json

from tipcli.facts.evidence import evidence
from tipcli.lexicon.kinds import SpeakerKind
from tipcli.results import Result
from tipcli.results.quotes import Quote
from tipcli.store import Store


def quotes(store: Store, query: str | None, speaker: str | None, year: int | None,
           include_phrases: bool = True) -> Result[Quote]:
    """Quoted statements (and attributed phrases), one per wording across versions."""
    from rapidfuzz import fuzz, utils

    rows = store.conn.execute(
        "SELECT f.id, f.doc, f.year, f.key, f.data, d.duplicate_of FROM facts f"
        " JOIN documents d ON d.doc = f.doc WHERE f.kind = 'quote'"
        " AND (? IS NULL OR f.year = ?) ORDER BY d.published, f.doc, f.id",
        (year, year)).fetchall()
    merged: dict[str, tuple[list[int], tuple[str, int, str, dict[str, str], str | None]]] = {}
    for fid, doc, when, who, raw, duplicate_of in rows:
        data = json.loads(raw)
        if not include_phrases and data["form"] != "statement":
            continue
        if speaker and fuzz.partial_ratio(utils.default_process(speaker),
                                          utils.default_process(who)) < 80:
            continue
        if query and fuzz.partial_ratio(utils.default_process(query),
                                        utils.default_process(data["text"])) < 80:
            continue
        key = " ".join(data["text"].lower().split())
        if key in merged:
            ids, first = merged[key]
            ids.append(fid)
            if first[4] is not None and duplicate_of is None:  # prefer the canonical version
                merged[key] = (ids, (doc, when, who, data, duplicate_of))
        else:
            merged[key] = ([fid], (doc, when, who, data, duplicate_of))
    items = []
    for ids, (doc, when, who, data, _) in merged.values():
        items.append(Quote(data["id"], who, SpeakerKind(data["speaker_kind"]), data["text"],
                           data["form"], when, data["published"], doc,
                           tuple(evidence(store, ids))))
    scope = [f"matching {query!r}" if query else "", f"by {speaker!r}" if speaker else "",
             f"in {year}" if year else ""]
    said = " ".join(s for s in scope if s)
    return Result(Quote, tuple(items), notes=(("quotes " + said).strip(),),
                  empty_message="no quote found" + (f" {said}" if said else ""),
                  hint="try fewer words, another --speaker, or see 'tipcli quotes'")
