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
import re
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
PARTS = ("dev", "unseen", "unseen-2")


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
    figures: Tally = field(default_factory=Tally)  # found: the value at the gold's words
    figure_period: Tally = field(default_factory=Tally)  # of those found, where gold has one
    figure_metric: Tally = field(default_factory=Tally)
    figure_place: Tally = field(default_factory=Tally)
    figure_unit: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    quote_speaker: Tally = field(default_factory=Tally)
    quote_kind: Tally = field(default_factory=Tally)
    garbage_speakers: list[str] = field(default_factory=list)
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
    _score_figures(doc, [f for f in facts if f.kind == "figure"], gold, scores)
    _score_quotes(doc, [f for f in facts if f.kind == "quote"], gold, scores)


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
            scores.errors.append(f"{doc.doc}: MISSED rating {key} ({g['form']}, {g['year_form']}):"
                                 f" {g['words']!r}")
    for key, fact in found.items():
        scores.ratings.found += 1
        form = str(fact.data.get("form", "?"))
        scores.found_forms[form].found += 1
        if key in expected:
            scores.found_forms[form].right += 1
        else:
            start, end = fact.spans[0]
            scores.errors.append(f"{doc.doc}: FALSE rating {key} ({form}):"
                                 f" {doc.text[start:end]!r}")


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def amount(value: float, unit: str | None) -> tuple[str, float]:
    """(unit without scale, value in units): "HKD million", 50 -> ("HKD", 50e6)."""
    if unit and unit not in ("%", "x"):
        code, _, scale = unit.partition(" ")
        return code, value * _SCALES.get(scale, 1)
    return unit or "", float(value)


def same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.01, abs(b) * 0.005)


def _score_figures(doc: Document, facts: list[Fact], gold: dict[str, Any],
                   scores: Scores) -> None:
    used: set[int] = set()
    for g in gold["figures"]:
        scores.figures.gold += 1
        at = doc.text.find(g["words"])
        lo, hi = at, at + len(g["words"])
        want = amount(g["value"], g["unit"])
        match = next((i for i, f in enumerate(facts) if i not in used and any(
            s < hi and e > lo for s, e in f.spans) and same_amount(
            amount(f.data["value"], f.data["unit"])[1], want[1])), None)
        if match is None:
            scores.errors.append(f"{doc.doc}: MISSED figure {g['value']} {g['unit'] or ''}"
                                 f" ({g['metric']}, {g['period']}): {g['words']!r}")
            continue
        used.add(match)
        fact = facts[match]
        scores.figures.right += 1
        checks = ((scores.figure_metric, fact.key, g["metric"], "metric"),
                  (scores.figure_place, fact.jurisdiction, canonical(g["jurisdiction"])
                   if g["jurisdiction"] else None, "place"),
                  (scores.figure_unit, amount(1, fact.data["unit"])[0], want[0], "unit"))
        for tally, got, expected, what in checks:
            tally.gold += 1
            tally.found += 1
            if got == expected:
                tally.right += 1
            else:
                scores.errors.append(f"{doc.doc}: figure {what} {got!r}, gold {expected!r}:"
                                     f" {g['words']!r}")
        if g["period"] is not None:
            scores.figure_period.gold += 1
            scores.figure_period.found += 1
            if fact.data["period"] == g["period"]:
                scores.figure_period.right += 1
            else:
                scores.errors.append(f"{doc.doc}: figure period {fact.data['period']!r}, gold"
                                     f" {g['period']!r}: {g['words']!r}")
    for i, fact in enumerate(facts):
        scores.figures.found += 1
        if i not in used:
            start, end = fact.spans[0]
            scores.errors.append(f"{doc.doc}: FALSE figure {fact.data['value']}"
                                 f" {fact.data['unit'] or ''} ({fact.key}):"
                                 f" {doc.text[start:end]!r}")


def _speaker_key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.casefold().replace("’", "'")).split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


_FUNCTION_WORDS = {"and", "or", "but", "the", "a", "an", "it", "he", "she", "they", "we", "i",
                   "this", "that", "which", "who", "said", "says", "of", "in", "on", "to"}


def is_garbage(speaker: str) -> bool:
    """A speaker that names nobody: a function word, a fragment, a sentence."""
    words = speaker.split()
    return (not words or speaker.casefold() in _FUNCTION_WORDS or len(words) > 14
            or not re.match(r"[A-Z0-9]", speaker) or words[-1].casefold() in _FUNCTION_WORDS)


def _score_quotes(doc: Document, facts: list[Fact], gold: dict[str, Any],
                  scores: Scores) -> None:
    used: set[int] = set()
    for fact in facts:
        if is_garbage(str(fact.key)):
            scores.garbage_speakers.append(f"{doc.doc}: {fact.key!r}")
    for g in gold["quotes"]:
        scores.quotes.gold += 1
        positions = [m.start() for m in re.finditer(re.escape(g["first_words"]), doc.text)]
        match = next((i for i, f in enumerate(facts) if i not in used and any(
            s - 2 <= p <= s + 2 or (s <= p < e and p - s < 3) for s, e in f.spans[:1]
            for p in positions)), None)
        if match is None:
            scores.errors.append(f"{doc.doc}: MISSED quote ({g['speaker']}):"
                                 f" {g['first_words']!r}")
            continue
        used.add(match)
        fact = facts[match]
        scores.quotes.right += 1
        for tally, got, expected, what in (
                (scores.quote_speaker, _speaker_key(str(fact.key)), _speaker_key(g["speaker"]),
                 "speaker"),
                (scores.quote_kind, str(fact.data["speaker_kind"]), g["speaker_kind"], "kind")):
            tally.gold += 1
            tally.found += 1
            if got == expected:
                tally.right += 1
            else:
                said = fact.key if what == "speaker" else got
                meant = g["speaker"] if what == "speaker" else expected
                scores.errors.append(f"{doc.doc}: quote {what} {said!r}, gold {meant!r}:"
                                     f" {g['first_words']!r}")
    for i, fact in enumerate(facts):
        scores.quotes.found += 1
        if i not in used:
            scores.errors.append(f"{doc.doc}: FALSE quote ({fact.key}):"
                                 f" {fact.data['text'][:60]!r}")


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
    row("figures (the value, at the gold's words)", lambda s: s.figures)
    row("… and period, where the gold gives one", lambda s: s.figure_period)
    row("… and metric", lambda s: s.figure_metric)
    row("… and place", lambda s: s.figure_place)
    row("… and unit", lambda s: s.figure_unit)
    row("quotes (found)", lambda s: s.quotes)
    row("… and speaker", lambda s: s.quote_speaker)
    row("… and speaker kind", lambda s: s.quote_kind)
    lines.append("| garbage speakers | " + " | ".join(
        f" | | {len(results[p].garbage_speakers)}" for p in parts) + " |")
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
            for line in results[part].garbage_speakers:
                print("- GARBAGE speaker " + line)
    if args.json:
        args.json.write_text(json.dumps({p: {
            "ratings": vars(results[p].ratings), "basis": vars(results[p].basis),
            "report_year": vars(results[p].report_year), "kind": vars(results[p].kind),
            "figures": vars(results[p].figures), "quotes": vars(results[p].quotes),
            "garbage_speakers": results[p].garbage_speakers,
            "errors": results[p].errors} for p in parts}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
