"""Precision and recall of tipcli's extraction on the realistic corpus (tests/corpus/).

    python benchmarks/accuracy.py                 # dev and unseen, each apart
    python benchmarks/accuracy.py --show errors   # every false and missed fact, with its words
    python benchmarks/accuracy.py --json out.json

The gold format is docs/corpus.md. The unseen part was written blind and is always
reported on its own: it is the honest estimate for text nobody here wrote.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipcli.cleaning import clean
from tipcli.documents import Document, parse_front_matter
from tipcli.extract import read
from tipcli.extract.base import Fact
from tipcli.extract.profile import Profile
from tipcli.lexicon.places import gazetteer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
PARTS = ("dev", "unseen")


@dataclass
class Tally:
    """Counts for one row of a table: found and right, found, stated in the gold."""

    right: int = 0
    found: int = 0
    gold: int = 0

    def precision(self) -> float | None:
        return self.right / self.found if self.found else None

    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None


@dataclass
class Scores:
    ratings: Tally = field(default_factory=Tally)
    basis: Tally = field(default_factory=Tally)  # of ratings found and right: the basis too
    gold_forms: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    found_forms: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    year_forms: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    report_year: Tally = field(default_factory=Tally)
    kind: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)
    documents: int = 0


def load(path: Path) -> tuple[Document, dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    meta = parse_front_matter(text, path.name)
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    return Document(path.name, text, meta, "added", path), gold


def canonical(name: str) -> str:
    return gazetteer().resolve(name) or name


def score_document(doc: Document, gold: dict[str, Any], scores: Scores) -> None:
    profile, facts = read(doc, clean(doc.text))
    scores.documents += 1
    _score_profile(doc, profile, gold, scores)
    _score_ratings(doc, [f for f in facts if f.kind == "rating"], gold, scores)


def _score_profile(doc: Document, profile: Profile, gold: dict[str, Any], scores: Scores) -> None:
    scores.report_year.gold += 1
    scores.report_year.found += 1
    if profile.report_year == gold["report_year"]:
        scores.report_year.right += 1
    else:
        scores.errors.append(f"{doc.doc}: report year {profile.report_year} ({profile.year_how})"
                             f", gold {gold['report_year']}")
    scores.kind.gold += 1
    scores.kind.found += 1
    if profile.kind == gold["kind"]:
        scores.kind.right += 1
    else:
        scores.errors.append(f"{doc.doc}: kind {profile.kind}, gold {gold['kind']}")


def _score_ratings(doc: Document, facts: list[Fact], gold: dict[str, Any],
                   scores: Scores) -> None:
    expected = {(canonical(g["jurisdiction"]), g["year"], g["tier"]): g for g in gold["ratings"]}
    found: dict[tuple[str | None, int | None, str], Fact] = {}
    for fact in sorted(facts, key=lambda f: f.data["basis"] != "stated"):  # stated first
        found.setdefault((fact.jurisdiction, fact.year, str(fact.key)), fact)
    for key, g in expected.items():
        scores.ratings.gold += 1
        scores.gold_forms[g["form"]].gold += 1
        scores.year_forms[g["year_form"]].gold += 1
        if key in found:
            scores.ratings.right += 1
            scores.year_forms[g["year_form"]].right += 1
            scores.gold_forms[g["form"]].right += 1
            scores.basis.found += 1
            scores.basis.gold += 1
            if found[key].data["basis"] == g["basis"]:
                scores.basis.right += 1
            else:
                scores.errors.append(f"{doc.doc}: basis {found[key].data['basis']} for {key},"
                                     f" gold {g['basis']}")
        else:
            scores.errors.append(f"{doc.doc}: MISSED {key} ({g['form']}, {g['year_form']}):"
                                 f" {g['words']!r}")
    for key, fact in found.items():
        scores.ratings.found += 1
        form = str(fact.data.get("form", "?"))
        scores.found_forms[form].found += 1
        if key in expected:
            scores.found_forms[form].right += 1
        else:
            start, end = fact.spans[0]
            scores.errors.append(f"{doc.doc}: FALSE {key} ({form}): {doc.text[start:end]!r}")


def score_part(part: str) -> Scores:
    scores = Scores()
    for path in sorted((CORPUS / part).glob("*.txt")):
        doc, gold = load(path)
        score_document(doc, gold, scores)
    return scores


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(results: dict[str, Scores]) -> str:
    parts = list(results)
    head = "| measure | " + " | ".join(f"{p} P | {p} R | {p} n" for p in parts) + " |"
    lines = [head, "|---|" + "---:|" * (3 * len(parts))]

    def row(name: str, pick: Any, precision: bool = True) -> None:
        cells = []
        for p in parts:
            t: Tally = pick(results[p])
            cells += [_pct(t.precision()) if precision else "", _pct(t.recall()), str(t.gold)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    row("ratings (jurisdiction, year, tier)", lambda s: s.ratings)
    row("… and basis, of those right", lambda s: s.basis)
    row("document report year", lambda s: s.report_year)
    row("document kind", lambda s: s.kind)
    forms = sorted({f for s in results.values() for f in (*s.gold_forms, *s.found_forms)})
    for form in forms:
        row(f"rating form: {form}", lambda s, f=form: _form_tally(s, f))
    for how in sorted({f for s in results.values() for f in s.year_forms}):
        row(f"report year from: {how}", lambda s, h=how: s.year_forms[h], precision=False)
    return "\n".join(lines)


def _form_tally(s: Scores, form: str) -> Tally:
    """Precision by the form tipcli gave what it found; recall by the gold's form."""
    found, gold = s.found_forms[form], s.gold_forms[form]
    return Tally(found.right, found.found, gold.gold) if not gold.gold else _mixed(found, gold)


def _mixed(found: Tally, gold: Tally) -> Tally:
    t = Tally(gold.right, found.found, gold.gold)
    t.precision = lambda: found.right / found.found if found.found else None  # type: ignore
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("errors",), help="list every error")
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--json", type=Path, help="also write the tallies as JSON")
    args = parser.parse_args(argv)
    parts = PARTS if args.part == "all" else (args.part,)
    results = {part: score_part(part) for part in parts}
    counts = ", ".join(f"{p}: {results[p].documents} documents" for p in parts)
    print(f"tipcli extraction accuracy on tests/corpus ({counts}); P = precision, R = recall\n")
    print(table(results))
    if args.show:
        for part in parts:
            print(f"\n## {part}: errors")
            for line in results[part].errors:
                print("- " + line)
    if args.json:
        args.json.write_text(json.dumps({p: {
            "ratings": vars(results[p].ratings), "basis": vars(results[p].basis),
            "report_year": vars(results[p].report_year), "kind": vars(results[p].kind),
            "errors": results[p].errors} for p in parts}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
