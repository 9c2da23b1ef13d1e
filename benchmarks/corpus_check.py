"""Check the realistic corpus's gold files against the format in docs/corpus.md.

    python benchmarks/corpus_check.py [tests/corpus/unseen ...]

Prints one line per problem and exits 1 when there is any; stdlib only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GENRES = {"narrative", "wire", "local_news", "rebuttal", "embassy_release", "list_page",
          "op_ed", "machine_translation", "aggregator", "excerpt"}
KINDS = {"report", "news", "government", "other"}
TIERS = {"Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case"}
BASES = {"stated", "inferred"}
FORMS = {"named", "spelling", "heading", "described", "translation", "special_case", "move",
         "move_origin", "duration", "range", "multi_place", "list_page", "rebuttal"}
YEAR_FORMS = {"explicit", "ordinal", "relative_text", "released_on", "date_only", "title_url",
              "none"}
METRICS = {"victim_screenings", "victims_identified", "victims_assisted", "investigations",
           "prosecutions", "convictions", "arrests", "raids", "inspections",
           "officials_trained", "new_posts", "funding", "recruitment_fees",
           "foreign_domestic_workers", "shelters", "hotline_calls", "licences_revoked",
           "complaints", "jurisdictions_rated", "upgrades", "downgrades", "other"}
REPORT_LEVEL = {"jurisdictions_rated", "upgrades", "downgrades"}
SPEAKER_KINDS = {"report", "government", "official", "other"}
UNIT = re.compile(r"^(?:%|x|[A-Z]{3}(?: (?:thousand|million|billion))?)$")
PERIOD = re.compile(r"^(?:19|20)\d\d(?:-\d\d)?$")
FRONT_KEYS = {"title", "outlet", "published", "url"}


def problems_in(stem: Path) -> list[str]:
    doc = stem.with_suffix(".txt")
    gold_path = stem.with_suffix(".gold.json")
    out: list[str] = []
    if not doc.exists():
        return [f"{gold_path}: no document {doc.name}"]
    if not gold_path.exists():
        return [f"{doc}: no gold file {gold_path.name}"]
    text = doc.read_text(encoding="utf-8")
    try:
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"{gold_path}: not JSON ({exc})"]

    def bad(what: str) -> None:
        out.append(f"{gold_path.name}: {what}")

    front = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    if front:
        for line in front.group(1).splitlines():
            key = line.split(":", 1)[0].strip()
            if key not in FRONT_KEYS:
                bad(f"front matter key {key!r} is not one of {sorted(FRONT_KEYS)}")
    if gold.get("genre") not in GENRES:
        bad(f"genre {gold.get('genre')!r}")
    if gold.get("kind") not in KINDS:
        bad(f"kind {gold.get('kind')!r}")
    year = gold.get("report_year", "missing")
    if year is not None and not (isinstance(year, int) and 2001 <= year <= 2026):
        bad(f"report_year {year!r}")

    def once(words: Any, where: str, exactly: bool = True) -> None:
        if not isinstance(words, str) or not words:
            bad(f"{where}: missing words")
            return
        count = text.count(words)
        if count == 0:
            bad(f"{where}: {words!r} is not in the document")
        elif exactly and count > 1:
            bad(f"{where}: {words!r} occurs {count} times; lengthen it")

    for i, r in enumerate(gold.get("ratings", [])):
        where = f"ratings[{i}]"
        if not isinstance(r.get("jurisdiction"), str):
            bad(f"{where}: jurisdiction")
        if r.get("year") is not None and not isinstance(r.get("year"), int):
            bad(f"{where}: year {r.get('year')!r}")
        for key, allowed in (("tier", TIERS), ("basis", BASES), ("form", FORMS),
                             ("year_form", YEAR_FORMS)):
            if r.get(key) not in allowed:
                bad(f"{where}: {key} {r.get(key)!r}")
        if (r.get("year") is None) != (r.get("year_form") == "none"):
            bad(f"{where}: year null exactly when year_form is 'none'")
        once(r.get("words"), where, exactly=False)
    seen = set()
    for r in gold.get("ratings", []):
        key = (r.get("jurisdiction"), r.get("year"), r.get("tier"))
        if key in seen:
            bad(f"rating {key} listed twice")
        seen.add(key)
    for i, f in enumerate(gold.get("figures", [])):
        where = f"figures[{i}]"
        if not isinstance(f.get("value"), int | float) or isinstance(f.get("value"), bool):
            bad(f"{where}: value {f.get('value')!r}")
        if f.get("unit") is not None and not UNIT.match(str(f.get("unit"))):
            bad(f"{where}: unit {f.get('unit')!r}")
        if f.get("metric") not in METRICS:
            bad(f"{where}: metric {f.get('metric')!r}")
        if f.get("period") is not None and not PERIOD.match(str(f.get("period"))):
            bad(f"{where}: period {f.get('period')!r}")
        if (f.get("jurisdiction") is None) != (f.get("metric") in REPORT_LEVEL):
            bad(f"{where}: jurisdiction is null exactly for report-level metrics")
        for c in f.get("converted", []) or []:
            if not UNIT.match(str(c.get("unit"))) or not isinstance(c.get("value"), int | float):
                bad(f"{where}: converted {c!r}")
        once(f.get("words"), where)
    for i, q in enumerate(gold.get("quotes", [])):
        where = f"quotes[{i}]"
        if not isinstance(q.get("speaker"), str) or not q.get("speaker"):
            bad(f"{where}: speaker")
        if q.get("speaker_kind") not in SPEAKER_KINDS:
            bad(f"{where}: speaker_kind {q.get('speaker_kind')!r}")
        once(q.get("first_words"), where, exactly=False)
        once(q.get("as_written"), where + " as_written", exactly=False)
    for key in ("not_ratings", "not_figures"):
        for i, n in enumerate(gold.get(key, [])):
            once(n.get("words"), f"{key}[{i}]", exactly=False)
    for i, n in enumerate(gold.get("not_quotes", [])):
        once(n.get("first_words"), f"not_quotes[{i}]", exactly=False)
    return out


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [ROOT / "tests" / "corpus"]
    stems: set[Path] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.name.endswith(".gold.json"):
                stems.add(path.with_name(path.name[: -len(".gold.json")]))
            elif path.suffix == ".txt":
                stems.add(path.with_suffix(""))
    problems = [p for stem in sorted(stems) for p in problems_in(stem)]
    for line in problems:
        print(line)
    print(f"{len(stems)} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
