"""The benchmark is not a test; this smoke test only checks that it runs at its smallest size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_benchmark_runs_at_its_smallest_size(tmp_path: Path) -> None:
    rows_file = tmp_path / "rows.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "10k", "--runs", "1",
         "--agreement-queries", "3", "--work", str(tmp_path / "work"), "--json", str(rows_file)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| measurement | median |" in done.stdout
    rows = {row["what"]: row for row in json.loads(rows_file.read_text())}
    assert rows["tipcli rating 2022 --json"]["median_ms"] > 0
    build = next(r for name, r in rows.items() if name.startswith("10k: build (`tipcli add`"))
    assert "10," in build["what"] or "9," in build["what"]  # about ten thousand passages
    assert any(name.startswith("10k: typo top hit") for name in rows)
