"""A few runs of the installed `tipcli` as a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


def tipcli(*args: str, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("tipcli", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "tipcli"]
    env = {**os.environ, "TIPCLI_HOME": str(home)}
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=120)


@pytest.fixture
def where(tmp_path: Path) -> tuple[Path, Path]:
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    return tmp_path / "home", cwd


def test_search_from_another_directory_pipes_json(where: tuple[Path, Path]) -> None:
    home, cwd = where
    run = tipcli("search", "domestic helpers", "--json", home=home, cwd=cwd)
    assert run.returncode == 0, run.stderr
    hits = json.loads(run.stdout)
    assert hits and "domestic helpers" in hits[0]["text"].lower()


def test_exit_codes_and_no_traceback(where: tuple[Path, Path]) -> None:
    home, cwd = where
    assert tipcli("search", "xyzzyplugh", home=home, cwd=cwd).returncode == 1
    bad = tipcli("search", "x", "--limit", "-5", home=home, cwd=cwd)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert len(bad.stderr.splitlines()) == 1


def test_python_dash_m_and_add(where: tuple[Path, Path]) -> None:
    home, cwd = where
    env = {**os.environ, "TIPCLI_HOME": str(home)}
    run = subprocess.run([sys.executable, "-m", "tipcli", "add", str(FIXTURES / "wire_2024.txt"),
                          "--jsonl"], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.splitlines()[0])["action"] == "added"
    assert run.stderr == ""  # no progress bar when stderr is not a terminal
