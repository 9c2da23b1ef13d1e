"""Fact queries: ratings (and later figures and quotes) gathered across documents."""

from __future__ import annotations

import json
from collections import defaultdict

from tipcli.errors import UsageProblem
from tipcli.lexicon.kinds import Basis, SpeakerKind, Tier
from tipcli.results import Evidence, EvidenceContext, Figure, Metric, Quote, Rating, Result
from tipcli.store import Store

ALL = "all"
DEFAULT_JURISDICTION = "Hong Kong"


def resolve_jurisdiction(store: Store, name: str | None) -> str | None:
    """Canonical jurisdiction for a user's name; None means all of them."""
    if name is None:
        return DEFAULT_JURISDICTION
    if name.strip().lower() == ALL:
        return None
    from tipcli.extract.places import resolve_name

    resolved = resolve_name(name)
    if resolved:
        return resolved
    known = [row[0] for row in store.conn.execute(
        "SELECT DISTINCT jurisdiction FROM facts WHERE jurisdiction IS NOT NULL")]
    for place in known:
        if place.lower() == name.strip().lower():
            return str(place)
    from tipcli.suggest import did_you_mean

    raise UsageProblem(f"no jurisdiction called {name!r}",
                       did_you_mean(name, [*known, ALL]) or "try 'all'")


def _evidence(store: Store, fact_ids: list[int]) -> list[Evidence]:
    """The spans stating these facts, each with the passage around it for tables."""
    marks = ",".join("?" * len(fact_ids))
    rows = store.conn.execute(
        f"SELECT DISTINCT e.doc, e.start, e.end, e.text, d.report_year, d.published, d.outlet"
        f" FROM evidence e JOIN documents d ON d.doc = e.doc WHERE e.fact IN ({marks})"
        " ORDER BY e.doc, e.start", fact_ids).fetchall()
    out = []
    for doc, start, end, text, year, published, outlet in rows:
        around = store.conn.execute(
            "SELECT MIN(start), MAX(end) FROM passages WHERE doc = ? AND end > ? AND start < ?",
            (doc, start, end)).fetchone()
        context = None
        if around[0] is not None:
            lo, hi = min(around[0], start), max(around[1], end)
            passage = "".join(row[0] for row in store.conn.execute(
                "SELECT text FROM passages WHERE doc = ? AND start = ?", (doc, lo)))
            if passage and lo + len(passage) >= hi:
                context = EvidenceContext(lo, lo + len(passage), passage, year, published,
                                          outlet)
        out.append(Evidence(doc, start, end, text, context))
    return out


def ratings(store: Store, year: int | None, jurisdiction: str | None) -> Result[Rating]:
    place = resolve_jurisdiction(store, jurisdiction)
    rows = store.conn.execute(
        "SELECT id, jurisdiction, year, key, data FROM facts WHERE kind = 'rating'"
        " AND (? IS NULL OR jurisdiction = ?)", (place, place)).fetchall()
    groups: dict[tuple[str, int, str], list[tuple[int, str]]] = defaultdict(list)
    for fid, where, when, tier, data in rows:
        groups[(where, when, tier)].append((fid, json.loads(data)["basis"]))
    tiers_per_year: dict[tuple[str, int], set[str]] = defaultdict(set)
    for where, when, tier in groups:
        tiers_per_year[(where, when)].add(tier)
    items = []
    for (where, when, tier), found in groups.items():
        if year is not None and when != year:
            continue
        stated = [fid for fid, basis in found if basis == "stated"]
        inferred = [fid for fid, basis in found if basis != "stated"]
        stated_evidence = _evidence(store, stated) if stated else []
        evidence = stated_evidence + [e for e in _evidence(store, inferred)
                                      if e not in stated_evidence]
        items.append(Rating(rating_id(where, when, Tier(tier)), where, when, Tier(tier),
                            Basis.STATED if stated else Basis.INFERRED,
                            tuple(evidence), len(tiers_per_year[(where, when)]) > 1))
    items.sort(key=lambda r: (r.jurisdiction != DEFAULT_JURISDICTION, r.jurisdiction, r.year,
                              r.tier.rank))
    who = place or "all jurisdictions"
    default = " (default; --jurisdiction all for every place)" if jurisdiction is None else ""
    known_years = sorted({when for (where, when) in tiers_per_year})
    empty = f"no rating found for {who}" + (f" in the {year} report" if year else "")
    hint = ("known report years: " + ", ".join(map(str, known_years))) if known_years else (
        "see 'tipcli rating --jurisdiction all'")
    return Result(Rating, tuple(items), notes=(f"ratings · {who}{default}",),
                  empty_message=empty, hint=hint)


def rating_id(jurisdiction: str, year: int, tier: Tier) -> str:
    """A rating's stable id: "hong-kong/2022/wl" (jurisdiction slug, report year, tier code)."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in jurisdiction.lower()).split())
    return f"{slug}/{year}/{tier.code.lower()}"


def _metric_names(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute(
        "SELECT DISTINCT key FROM facts WHERE kind = 'figure' ORDER BY key")]


def resolve_metrics(store: Store, name: str | None) -> list[str] | None:
    """Metrics a user's word means: exact, else containing it, else the closest; None = all."""
    if name is None:
        return None
    wanted = "_".join(name.lower().replace("-", " ").split())
    names = _metric_names(store)
    if wanted in names:
        return [wanted]
    stem = wanted.rstrip("s")
    containing = [n for n in names if stem and stem in n]
    if containing:
        return containing
    from rapidfuzz import fuzz, process

    best = process.extractOne(wanted, names, scorer=fuzz.WRatio, score_cutoff=80)
    if best:
        return [best[0]]
    from tipcli.suggest import did_you_mean

    raise UsageProblem(f"no metric called {name!r}",
                       did_you_mean(wanted, names) or "see 'tipcli stats --list-metrics'")


def stats(store: Store, period: str | None, metric: str | None,
          jurisdiction: str | None) -> Result[Figure]:
    place = resolve_jurisdiction(store, jurisdiction) if jurisdiction else None
    metrics = resolve_metrics(store, metric)
    rows = store.conn.execute(
        "SELECT id, jurisdiction, year, key, data FROM facts WHERE kind = 'figure'"
        " AND (? IS NULL OR jurisdiction = ?) ORDER BY key, doc, id", (place, place)).fetchall()
    items = []
    for fid, where, year, key, raw in rows:
        data = json.loads(raw)
        if metrics is not None and key not in metrics:
            continue
        if period is not None and data["period"] != period:
            continue
        items.append(Figure(
            id=data["id"], jurisdiction=where, metric=key, label=data["label"],
            value=data["value"], unit=data["unit"], qualifier=data["qualifier"],
            period=data["period"], report_year=year, part_of=data["part_of"],
            parts_sum=data["parts_sum"], adds_up=data["adds_up"],
            evidence=tuple(_evidence(store, [fid]))))
    items.sort(key=lambda f: (f.metric, f.period or "~", f.part_of is not None, f.id))
    scope = [f"metric {', '.join(metrics)}" if metrics else "every metric",
             f"period {period}" if period else "every period", place or "every jurisdiction"]
    return Result(Figure, tuple(items), notes=("figures · " + " · ".join(scope),),
                  empty_message="no figure found for " + ", ".join(scope),
                  hint="see 'tipcli stats --list-metrics'")


def metrics(store: Store) -> Result[Metric]:
    rows = store.conn.execute("SELECT key, data FROM facts WHERE kind = 'figure'").fetchall()
    found: dict[str, list[dict[str, object]]] = defaultdict(list)
    for key, raw in rows:
        found[key].append(json.loads(raw))
    items = tuple(Metric(key, len(datas),
                         tuple(sorted({str(d["period"]) for d in datas if d["period"]})),
                         tuple(sorted({str(d["label"]) for d in datas})))
                  for key, datas in sorted(found.items()))
    return Result(Metric, items, notes=("metrics",), empty_message="no figures in the store")


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
                           tuple(_evidence(store, ids))))
    scope = [f"matching {query!r}" if query else "", f"by {speaker!r}" if speaker else "",
             f"in {year}" if year else ""]
    said = " ".join(s for s in scope if s)
    return Result(Quote, tuple(items), notes=(("quotes " + said).strip(),),
                  empty_message="no quote found" + (f" {said}" if said else ""),
                  hint="try fewer words, another --speaker, or see 'tipcli quotes'")
