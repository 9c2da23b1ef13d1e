"""Write docs/metrics.md from the metric table in tipcli/lexicon/metrics.py (--check: compare)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipcli.lexicon.metrics import METRICS  # noqa: E402

HEAD = """# Metrics

Every figure `tipcli stats` prints carries one metric from this closed table. A number is
a figure only when it counts a noun of the domain (people, victims, offenders, officials,
cases, agencies, shelters…), or is money or a percentage; its metric comes from what it
counts and the verb that counts it. "convicted 12 traffickers" is `convictions`;
"recruitment fees of up to HK$20,000" is `recruitment_fees`, not `funding`; victims of
another crime ("31 residents identified as victims of employment fraud abroad") are
`other`. Report-level counts have no jurisdiction.

This file is written by `scripts/metrics_doc.py` from `tipcli/lexicon/metrics.py`; a test
checks that it is current.

| metric | what it counts | cue nouns | cue verbs (stems) | report-level |
|---|---|---|---|---|
"""


def render() -> str:
    rows = []
    for m in METRICS:
        nouns = ", ".join(m.nouns) or "—"
        verbs = ", ".join(m.verbs) or "—"
        rows.append(f"| `{m.name}` | {m.counts} | {nouns} | {verbs} | "
                    f"{'yes' if m.report_level else ''} |")
    return HEAD + "\n".join(rows) + "\n"


def main() -> int:
    target = ROOT / "docs" / "metrics.md"
    if "--check" in sys.argv:
        return 0 if target.read_text(encoding="utf-8") == render() else 1
    target.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
