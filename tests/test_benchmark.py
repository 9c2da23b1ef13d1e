"""The benchmark is not a test; this smoke test only checks that it runs at its smallest size."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_benchmark_runs_at_its_smallest_size(tmp_path: Path) -> None:
    rows_file = tmp_path / "rows.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "10k", "--runs", "1",
         "--agreement-queries", "3", "--ingestion-runs", "1", "--work", str(tmp_path / "work"),
         "--json", str(rows_file)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| measurement | median |" in done.stdout
    rows = {row["what"]: row for row in json.loads(rows_file.read_text())}
    assert rows["tipcli rating 2022 --json"]["median_ms"] > 0
    assert {row["section"] for row in rows.values()} == {"cold start", "search", "build",
                                                         "ingestion"}
    pages = next(r for name, r in rows.items() if name.startswith("add 100 saved HTML pages"))
    as_text = rows["add the same text as 100 .txt files"]["median_ms"]
    assert pages["ratio"] == f"{pages['median_ms'] / as_text:.1f}x"
    pdf = next(r for name, r in rows.items() if re.match(r"add a \d+-page report PDF", name))
    assert 280 <= int(re.search(r"(\d+)-page", pdf["what"]).group(1)) <= 310
    memory = rows["adding the PDF: peak memory, MiB (PSS, all processes)"]
    assert memory["median_ms"] > 0 and memory["met"] == "yes"
    build = next(r for name, r in rows.items() if name.startswith("10k: build (`tipcli add`"))
    passages = int(re.search(r"([\d,]+) passages", build["what"]).group(1).replace(",", ""))
    assert 9_000 <= passages <= 10_000  # the generator writes 10k; short ones are joined
    bare = rows["10k: bare FTS5 build (same paragraphs, one transaction)"]["median_ms"]
    assert 0 < bare < build["median_ms"]
    assert build["ratio"] == f"{build['median_ms'] / bare:.1f}x"
    typo = next(r for name, r in rows.items() if name.startswith("10k: typo top hit"))
    agreed, asked = map(int, re.search(r"\((\d+)/(\d+)\)", typo["what"]).groups())
    assert asked == 3 and agreed >= 2
