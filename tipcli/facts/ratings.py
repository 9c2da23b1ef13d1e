"""Ratings: one verdict per jurisdiction and report year, weighed from every source's claim.

The rule, in order: a tier some source states beats one only inferred; the US
government's own text (the report, its narratives, embassy releases) beats
accounts of it; more independent sources beat fewer (versions of one article
count once). A tie after all three gives no verdict: when in doubt, say nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict

from tipcli.facts.evidence import evidence
from tipcli.facts.inputs import DEFAULT_JURISDICTION, resolve_jurisdictions
from tipcli.lexicon.kinds import Basis, SourceKind, Tier
from tipcli.results import Result
from tipcli.results.ratings import Alternative, Rating
from tipcli.store import Store


# Plain classes with slots: a lookup builds them at every start, and a NamedTuple class
# costs ten times as much to build.
class _Claim:
    """One document's claim of one tier for one jurisdiction and year."""

    __slots__ = ("basis", "fact", "kind", "primary", "source")

    def __init__(self, fact: int, doc: str, source: str, basis: Basis, kind: SourceKind) -> None:
        self.fact = fact
        self.source = source  # the document, or the fuller version of its article
        self.basis = basis
        self.kind = kind
        # The best evidence first: the US government's own words, then the fuller version.
        self.primary = (kind != SourceKind.REPORT, doc != source)


class _Weighed:
    """One tier's claims for a jurisdiction and year, weighed."""

    __slots__ = ("basis", "facts", "report", "sources", "tier")

    def __init__(self, tier: Tier, basis: Basis, report: bool, sources: int,
                 facts: list[int]) -> None:
        self.tier = tier
        self.basis = basis
        self.report = report  # does US government text say it (with this basis)?
        self.sources = sources  # independent documents saying it (with this basis)
        self.facts = facts  # the facts behind it, stated first

    @property
    def weight(self) -> tuple[bool, bool, int]:
        return (self.basis == Basis.STATED, self.report, self.sources)


def weigh(tier: Tier, claims: list[_Claim]) -> _Weighed:
    claims = sorted(claims, key=lambda c: c.primary)
    stated = [c for c in claims if c.basis == Basis.STATED]
    behind = stated or claims
    basis = Basis.STATED if stated else Basis.INFERRED
    return _Weighed(tier, basis, any(c.kind == SourceKind.REPORT for c in behind),
                    len({c.source for c in behind}),
                    [c.fact for c in stated] + [c.fact for c in claims if c not in stated])


def verdict(weighed: list[_Weighed]) -> tuple[_Weighed | None, list[_Weighed], bool]:
    """(the verdict or None on a tie, the alternatives, whether sources conflict)."""
    ranked = sorted(weighed, key=lambda w: (w.weight, -w.tier.rank), reverse=True)
    best = ranked[0]
    if len(ranked) > 1 and ranked[1].weight == best.weight:
        return None, ranked, True
    others = ranked[1:]
    return best, others, any(w.basis == Basis.STATED for w in others)


def ratings(store: Store, year: int | None,
            jurisdiction: str | list[str] | None) -> Result[Rating]:
    """Verdicts for the places named (several: a list; None: the default place; "all")."""
    places = resolve_jurisdictions(store, jurisdiction)
    marks = ",".join("?" * len(places or ()))
    rows = store.conn.execute(
        "SELECT f.id, f.doc, f.jurisdiction, f.year, f.key, f.data,"
        " COALESCE(d.duplicate_of, d.doc),"
        " d.kind FROM facts f JOIN documents d ON d.doc = f.doc WHERE f.kind = 'rating'"
        + (f" AND f.jurisdiction IN ({marks})" if places is not None else ""),
        places or ()).fetchall()
    claims: dict[tuple[str, int | None], dict[Tier, list[_Claim]]] = defaultdict(
        lambda: defaultdict(list))
    for fid, doc, where, when, tier, data, source, kind in rows:
        claims[(where, when)][Tier(tier)].append(
            _Claim(fid, doc, source, Basis(json.loads(data)["basis"]), SourceKind(kind)))
    read_as = {c.fact: c.basis for by_tier in claims.values() for cs in by_tier.values()
               for c in cs}
    items = []
    for (where, when), by_tier in claims.items():
        if year is not None and when != year:
            continue  # a rating whose report is unknown answers no year's question
        best, others, conflict = verdict([weigh(t, c) for t, c in by_tier.items()])
        alternatives = tuple(Alternative(w.tier, w.basis, w.sources,
                                         tuple(evidence(store, w.facts, read_as))) for w in others)
        items.append(Rating(
            rating_id(where, when), where, when, best.tier if best else None,
            best.basis if best else None, best.sources if best else 0,
            tuple(evidence(store, best.facts, read_as)) if best else (), conflict, alternatives))
    order = {place: i for i, place in enumerate(places or ())}  # as the user listed them
    items.sort(key=lambda r: (order.get(r.jurisdiction, 0),
                              r.jurisdiction != DEFAULT_JURISDICTION, r.jurisdiction,
                              r.year is None, r.year or 0))
    who = ", ".join(places) if places else "all jurisdictions"
    default = " (default; --jurisdiction all for every place)" if not jurisdiction else ""
    known_years = sorted({when for (_, when) in claims if when is not None})
    empty = f"no rating found for {who}" + (f" in the {year} report" if year else "")
    hint = ("known report years: " + ", ".join(map(str, known_years))) if known_years else (
        "see 'tipcli rating --jurisdiction all'")
    return Result(Rating, tuple(items), notes=(f"ratings · {who}{default}",),
                  empty_message=empty, hint=hint)


def rating_id(jurisdiction: str, year: int | None) -> str:
    """A verdict's stable id: "hong-kong/2022" (jurisdiction slug and report year, or
    "unknown" for ratings whose report no source tells)."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in jurisdiction.lower()).split())
    return f"{slug}/{year if year is not None else 'unknown'}"
