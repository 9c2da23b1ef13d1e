"""Every example runs: each command line in the README's sh blocks and in every command's
--help Examples section, run as a user would type it.

The examples are read where they are written, never copied here: the README's ```sh
blocks, and the Examples section of each command's docstring, found through
tipcli.cli.commands (COMMANDS and load()), so a new command or a new example is run without
a line here. Each runs through bash (with pipefail, so a failing tipcli fails its pipeline)
with the installed `tipcli` first on PATH, in a fresh sandbox of its own: its TIPCLI_HOME,
and a working directory that is also HOME and holds fixture files under the names the
examples use (`article.txt`, `saved-page.html`, `~/clippings/`); being HOME, it also takes
what `--install-completion` writes. The store starts as a copy of one built from the seeds
(as the first command leaves it), so examples never see each other's documents. URLs on
the documentation domains (example.org, RFC 2606) are served from 127.0.0.1. An example
must exit 0, print something (unless it redirects its output) and print no error.
"""

from __future__ import annotations

import inspect
import os
import re
import shlex
import shutil
import subprocess
import sys
from contextlib import nullcontext
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.webserver import body, serve
from tipcli.cli.commands import COMMANDS, load

# README lines that are not run, each with its reason. Every pattern must match some line
# (test_every_skip_is_used), so the list cannot keep a reason that no longer applies.
SKIP = {
    # Installing tipcli wants a fresh venv and the package index: .ci/run runs the README's
    # test command on a clean machine instead.
    r"pip install": "installs tipcli itself (a fresh venv and the package index)",
    # Minutes of CPU; tests/test_benchmark.py runs it at its smallest size.
    r"benchmarks/bench\.py": "the benchmark (minutes)",
    # Development scripts and tools, not tipcli examples.
    r"benchmarks/accuracy\.py": "the accuracy script (tests/test_corpus.py pins its scores)",
    r"-m pytest": "the test suite itself",
    r"ruff check": "lint and type checks",
}
# Examples anywhere (README or --help) that fetch from the internet are skipped when run;
# URLs on the documentation domains (example.org, RFC 2606) are served locally instead.
REAL_URL = re.compile(r"https?://(?!example\.(?:org|com|net)\b)")
LOCAL_URL = re.compile(r"https?://example\.(?:org|com|net)(/[^\s'\"]*)?")

# Files the examples name, made from fixtures, in the sandbox (which is also HOME).
FILES = {
    "article.txt": FIXTURES / "wire_2024.txt",
    "saved-page.html": FIXTURES / "html" / "news-fiji-2024.html",
    "fiji-watch-list.html": FIXTURES / "html" / "wire-thailand-2023.html",
    "clippings/press_release_2014.txt": FIXTURES / "press_release_2014.txt",
    "clippings/2019/narrative_2019.md": FIXTURES / "narrative_2019.md",
}
PAGE = FIXTURES / "html" / "news-fiji-2024.html"  # what example.org serves

# A tipcli command in a line: at its start or after a pipe, && or ;.
TIPCLI = re.compile(r"(?:^|[|&;]\s*)(?:\.venv/bin/)?tipcli(?=\s|$)")


def readme_lines() -> list[str]:
    """Every command line in the README's ```sh blocks (comments and blank lines aside)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        for line in block.replace("\\\n", " ").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                lines.append(line.strip())
    return lines


def help_examples() -> list[str]:
    """The lines of each command's --help Examples section, from its docstring."""
    found = []
    for name in COMMANDS:
        doc = inspect.getdoc(load(name)) or ""
        assert "Examples:" in doc, f"{name} --help has no Examples section"
        section = doc.split("Examples:", 1)[1]
        found += [line.strip() for line in section.splitlines()
                  if line.strip().startswith("tipcli ")]
    return found


def skipped(line: str) -> str | None:
    if REAL_URL.search(line):
        return "a real URL (the internet)"
    return next((why for pattern, why in SKIP.items() if re.search(pattern, line)), None)


def examples() -> list[tuple[str, str]]:
    """(where, line) for every example, README first; skipped ones are reported as skips."""
    return [("README", line) for line in readme_lines()] + [
        ("--help", line) for line in help_examples()]


def test_the_examples_are_found() -> None:
    """The collectors see what is there: every README sh line is run or skipped with a
    reason, every command has examples, and the counts are not zero."""
    for line in readme_lines():
        assert skipped(line) or TIPCLI.search(line), (
            f"README line {line!r} runs no tipcli command: add it to SKIP with a reason")
    assert len(help_examples()) >= len(COMMANDS)
    assert sum(1 for where, line in examples() if where == "README" and not skipped(line)) >= 10


def test_every_skip_is_used() -> None:
    lines = readme_lines() + help_examples()
    for pattern in SKIP:
        assert any(re.search(pattern, line) for line in lines), f"stale skip: {pattern}"


def tipcli_dir(sandbox: Path) -> Path:
    """A folder whose `tipcli` is the installed one (a shim running this Python's tipcli
    where no console script is installed)."""
    found = shutil.which("tipcli", path=str(Path(sys.executable).parent))
    if found:
        return Path(found).parent
    shim = sandbox / "bin" / "tipcli"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tipcli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return shim.parent


def given(words: list[str]) -> list[list[str]]:
    """What an example needs done before it: `remove` removes documents added before, so
    each file it names is added first."""
    words = words[:words.index("|")] if "|" in words else words
    if "remove" not in words:
        return []
    names = [w for w in words[words.index("remove") + 1:] if not w.startswith("-")]
    return [["add", name] for name in names]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A TIPCLI_HOME as tipcli leaves it on first use (the seeds indexed), built once and
    copied into each sandbox: building it costs more than most examples."""
    home = tmp_path_factory.mktemp("seed-store")
    env = {**os.environ, "TIPCLI_HOME": str(home)}
    done = subprocess.run([str(tipcli_dir(home) / "tipcli"), "index"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return home


@pytest.mark.parametrize("where, line", examples(), ids=[line for _, line in examples()])
def test_example_runs(tmp_path: Path, seed_store: Path, where: str, line: str) -> None:
    why = skipped(line)
    if why:
        pytest.skip(why)
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    words = shlex.split(line, comments=True)
    if "jq" in words and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    work = tmp_path / "work"
    for name, fixture in FILES.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fixture, work / name)
    shutil.copytree(seed_store, tmp_path / "store")  # copy2: the freshness stamps hold
    bin_dir = tipcli_dir(tmp_path)
    env = {**os.environ, "HOME": str(work), "TIPCLI_HOME": str(tmp_path / "store"),
           "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("TIPCLI_DEBUG", None)
    command = TIPCLI.sub(lambda m: m.group(0).replace(".venv/bin/tipcli", "tipcli"), line)
    paths = {m.group(1) or "/" for m in LOCAL_URL.finditer(command)}
    routes = {path: body(PAGE.read_bytes(), "text/html") for path in paths}
    with serve(routes) if routes else nullcontext("") as base:
        command = LOCAL_URL.sub(lambda m: base + (m.group(1) or "/"), command)
        for before in given(words):
            done = subprocess.run([str(bin_dir / "tipcli"), *before], cwd=work, env=env,
                                  capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, (before, done.stderr)
        run = subprocess.run([bash, "-o", "pipefail", "-c", command], cwd=work, env=env,
                             capture_output=True, text=True, timeout=120)
    shown = f"{where}: {line}\nexit {run.returncode}\nstderr: {run.stderr}"
    assert run.returncode == 0, shown
    assert "Traceback" not in run.stderr and "error:" not in run.stderr, shown
    if ">" not in words:  # an example that writes a file shows nothing on stdout
        assert run.stdout.strip(), f"{shown}\nprinted nothing"
