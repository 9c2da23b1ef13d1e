"""Figures: every stated count or amount, by metric, period and place."""

from __future__ import annotations

import json
from collections import defaultdict

from tipcli.errors import UsageProblem
from tipcli.facts.evidence import evidence
from tipcli.facts.inputs import not_blank, resolve_jurisdiction
from tipcli.results import Result
from tipcli.results.figures import Conversion, Figure, Metric
from tipcli.store import Store


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
          jurisdiction: str | None, year: int | None = None) -> Result[Figure]:
    """Stated figures; period is the year counted, year the report's year."""
    not_blank(period, "the period", "the year counted, such as 2022 or 2019-20")
    place = resolve_jurisdiction(store, jurisdiction) if jurisdiction is not None else None
    metrics = resolve_metrics(store, metric)
    rows = store.conn.execute(
        "SELECT id, jurisdiction, year, key, data FROM facts WHERE kind = 'figure'"
        " AND (? IS NULL OR jurisdiction = ?) ORDER BY key, doc, id", (place, place)).fetchall()
    items = []
    for fid, where, row_year, key, raw in rows:
        data = json.loads(raw)
        if metrics is not None and key not in metrics:
            continue
        if period is not None and data["period"] != period:
            continue
        if year is not None and row_year != year:
            continue
        items.append(Figure(
            id=data["id"], jurisdiction=where, metric=key, label=data["label"],
            value=data["value"], unit=data["unit"],
            converted=tuple(Conversion(c["value"], c["unit"]) for c in data["converted"]),
            qualifier=data["qualifier"],
            period=data["period"], report_year=row_year, part_of=data["part_of"],
            parts_sum=data["parts_sum"], adds_up=data["adds_up"],
            evidence=tuple(evidence(store, [fid]))))
    items.sort(key=lambda f: (f.metric, f.period or "~", f.part_of is not None, f.id))
    scope = [f"metric {', '.join(metrics)}" if metrics else "every metric",
             f"period {period}" if period else "every period", place or "every jurisdiction"]
    if year is not None:
        scope.append(f"the {year} report")
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
