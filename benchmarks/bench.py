"""tipcli's benchmark: cold start against framework floors, search and build at scale against
baselines, and adding web pages and PDFs against the same text as plain files.

Run it with the Python that has tipcli installed:

    python benchmarks/bench.py                    # 10k, 100k and 1M passages
    python benchmarks/bench.py --sizes 10k --runs 5

Every figure is a median of interleaved runs measured in this one run, so the
ratios compare like with like on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import seed_sentences, typo, write_corpus  # noqa: E402

from tipcli.paths import seeds_dir  # noqa: E402

EXACT = ["domestic helpers", "screening", "Watch List"]
TYPO = ["domestik helpres", "screenning", "trafficing victims"]
MULTI = ["foreign domestic helpers protection", "victims identified in 2019",
         "spokesman political smears"]


# The table's sections, in order; later issues add rows to them.
SECTIONS = ("cold start", "search", "build", "ingestion")


@dataclass
class Row:
    section: str
    what: str
    median_ms: float
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""


def tipcli_exe() -> str:
    beside = Path(sys.executable).with_name("tipcli")
    return str(beside) if beside.exists() else shutil.which("tipcli") or "tipcli"


def run_cold(cmd: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {done.stderr.decode()[-400:]}")
    return elapsed * 1000


def interleaved(commands: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median ms of each command, running them in turn (rotated) runs times."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for _ in range(2):  # warm the page cache
        for name in names:
            commands[name]()
    for i in range(runs):
        for name in names[i % len(names):] + names[:i % len(names)]:
            times[name].append(commands[name]())
    return {name: statistics.median(values) for name, values in times.items()}


def env_for(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["TIPCLI_HOME"] = str(home)
    env.pop("TIPCLI_DEBUG", None)
    return env


def cold_start(work: Path, runs: int) -> list[Row]:
    home = work / "home-seeds"
    env = env_for(home)
    tipcli = tipcli_exe()
    subprocess.run([tipcli, "sources"], env=env, stdout=subprocess.DEVNULL, check=True)
    py = sys.executable
    cmds = {
        "python -c pass": [py, "-c", "pass"],
        "bare typer, JSON list": [py, str(HERE / "floor_json.py"), "rating", "2022", "--json"],
        "bare typer, rich table": [py, str(HERE / "floor_table.py"), "rating", "2022"],
        "tipcli rating 2022 --json": [tipcli, "rating", "2022", "--json"],
        "tipcli rating 2022": [tipcli, "rating", "2022"],
    }
    med = interleaved({n: (lambda c=c: run_cold(c, env)) for n, c in cmds.items()}, runs)
    py_ms, fj, ft = (med["python -c pass"], med["bare typer, JSON list"],
                     med["bare typer, rich table"])
    tj, tt = med["tipcli rating 2022 --json"], med["tipcli rating 2022"]
    cold = "cold start"
    return [
        Row(cold, "python -c pass", py_ms),
        Row(cold, "bare typer app, JSON list", fj),
        Row(cold, "bare typer app, one-row rich table", ft),
        Row(cold, "tipcli rating 2022 --json", tj, "bare typer, JSON", f"{tj / fj:.2f}x",
            "<= 1.15x", yes(tj / fj <= 1.15)),
        Row(cold, "tipcli rating 2022 --json", tj, "python -c pass", f"{tj / py_ms:.1f}x",
            "<= 8x", yes(tj / py_ms <= 8)),
        Row(cold, "tipcli rating 2022 (table)", tt, "bare typer, table", f"{tt / ft:.2f}x",
            "<= 1.15x", yes(tt / ft <= 1.15)),
        Row(cold, "tipcli rating 2022 (table)", tt, "python -c pass", f"{tt / py_ms:.1f}x"),
    ]


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def tree_memory_kib(pid: int) -> int:
    """Memory of a process and all its descendants: the sum of their PSS.

    PSS splits each shared page between the processes that map it, so forked
    workers sharing the parent's pages are not counted twice (RSS would be).
    """
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def timed_add(corpus: Path, home: Path) -> tuple[float, float]:
    """Seconds and peak MiB (process tree) of `tipcli add CORPUS`."""
    env = env_for(home)
    subprocess.run([tipcli_exe(), "sources"], env=env, stdout=subprocess.DEVNULL, check=True)
    start = time.perf_counter()
    proc = subprocess.Popen([tipcli_exe(), "add", str(corpus), "--json"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_memory_kib(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench: tipcli add failed: {err.decode()[-400:]}")
    return seconds, peak / 1024


def bare_fts_build(corpus: Path, target: Path) -> float:
    """Seconds to build a bare FTS5 index of the same passages: read, split, insert.

    The baseline for tipcli's build: the same files, the same paragraphs (one
    passage each), the same tokenizer, one transaction, nothing else.
    """
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("CREATE VIRTUAL TABLE passages USING fts5(body,"
                 " tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("BEGIN")
    for path in sorted(corpus.glob("*.txt")):
        paragraphs = path.read_text(encoding="utf-8").split("\n\n")
        conn.executemany("INSERT INTO passages (body) VALUES (?)",
                         [(p,) for p in paragraphs if p.strip()])
    conn.execute("COMMIT")
    conn.close()
    seconds = time.perf_counter() - start
    target.unlink(missing_ok=True)
    return seconds


def fts_baseline(conn: sqlite3.Connection, query: str) -> list[str]:
    """A bare FTS5 search: every word (AND), best BM25 first, ten passages."""
    expression = " AND ".join(f'"{w}"' for w in query.lower().split())
    return [row[0] for row in conn.execute(
        "SELECT p.text FROM passages_fts f JOIN passages p ON p.id = f.rowid"
        " WHERE passages_fts MATCH ? ORDER BY f.rank LIMIT 10", (expression,))]


def typo_queries(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(misspelt, intended) two-word queries from adjacent words of the seed sentences."""
    rng = random.Random(seed)
    pairs = []
    for sentence in seed_sentences(seeds_dir()):
        ws = [w.strip(".,;:“”\"’'()").lower() for w in sentence.split()]
        pairs += [(a, b) for a, b in itertools.pairwise(ws)
                  if a.isalpha() and b.isalpha() and len(a) >= 5 and len(b) >= 5]
    chosen = rng.sample(sorted(set(pairs)), min(count, len(set(pairs))))
    return [(f"{typo(a, rng)} {typo(b, rng)}", f"{a} {b}") for a, b in chosen]


def scale(work: Path, label: str, size: int, runs: int, agreement_queries: int,
          build_runs: int = 1) -> list[Row]:
    from rapidfuzz import fuzz, process, utils

    from tipcli.db import connect_readonly
    from tipcli.search import search

    corpus = work / f"corpus-{label}"
    if not corpus.exists():
        write_corpus(seeds_dir(), corpus, size)
    home = work / f"home-{label}"
    builds, bare_builds, peaks = [], [], []
    for _ in range(build_runs):  # interleaved with the baseline, medians taken
        bare_builds.append(bare_fts_build(corpus, work / f"bare-{label}.sqlite3"))
        shutil.rmtree(home, ignore_errors=True)
        seconds, peak = timed_add(corpus, home)
        builds.append(seconds)
        peaks.append(peak)
    seconds, bare, peak_mib = (statistics.median(builds), statistics.median(bare_builds),
                               max(peaks))
    conn = connect_readonly(home / "index.sqlite3")
    passages = conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    big = size >= 1_000_000
    rows = [
        Row("build", f"{label}: bare FTS5 build (same paragraphs, one transaction)",
            bare * 1000),
        Row("build", f"{label}: build (`tipcli add`, {passages:,} passages)", seconds * 1000,
            "bare FTS5 build", f"{seconds / bare:.1f}x", "<= 60 s at 1M" if big else "",
            yes(seconds <= 60) if big else ""),
        Row("build", f"{label}: build peak memory, MiB (PSS, all processes)", peak_mib,
            target="<= 1024 MiB at 1M" if big else "", met=yes(peak_mib <= 1024) if big else ""),
    ]

    def ours(q: str) -> Callable[[], float]:
        def go() -> float:
            start = time.perf_counter()
            search(conn, q, limit=10)
            return (time.perf_counter() - start) * 1000
        return go

    def bare(q: str) -> Callable[[], float]:
        def go() -> float:
            start = time.perf_counter()
            fts_baseline(conn, q)
            return (time.perf_counter() - start) * 1000
        return go

    intended = {"domestik helpres": "domestic helpers", "screenning": "screening",
                "trafficing victims": "trafficking victims"}
    kinds = {"exact": EXACT, "typo": TYPO, "multi-word": MULTI}
    commands: dict[str, Callable[[], float]] = {}
    for kind, queries in kinds.items():
        for q in queries:
            commands[f"ours {kind} {q}"] = ours(q)
            commands[f"fts {kind} {q}"] = bare(intended.get(q, q))
    med = interleaved(commands, runs)
    texts = [row[0] for row in conn.execute("SELECT text FROM passages ORDER BY id")]
    processed = [utils.default_process(t) for t in texts]
    for kind, queries in kinds.items():
        ours_ms = statistics.median(med[f"ours {kind} {q}"] for q in queries)
        fts_ms = statistics.median(med[f"fts {kind} {q}"] for q in queries)
        brute = []
        for q in queries:
            start = time.perf_counter()
            # The ten best of every passage, as our search returns ten.
            process.extract(utils.default_process(q), processed, scorer=fuzz.partial_ratio,
                            processor=None, limit=10)
            brute.append((time.perf_counter() - start) * 1000)
        brute_ms = statistics.median(brute)
        rows += [
            Row("search", f"{label}: search, {kind} (in-process)", ours_ms,
                target="<= 100 ms at 1M" if big else "", met=yes(ours_ms <= 100) if big else ""),
            Row("search", f"{label}: search, {kind}", ours_ms, "bare FTS5 AND, BM25 top 10",
                f"{ours_ms / fts_ms:.2f}x", "<= 3x at 1M" if big else "",
                yes(ours_ms / fts_ms <= 3) if big else ""),
            Row("search", f"{label}: brute-force rapidfuzz, {kind}", brute_ms, "our search",
                f"{brute_ms / ours_ms:.1f}x slower", ">= 30x at 1M" if big else "",
                yes(brute_ms / ours_ms >= 30) if big else ""),
        ]
    rows.append(agreement(conn, processed, label, agreement_queries, size))
    rows += cold_search(home, label, runs, size)
    conn.close()
    return rows


def agreement(conn: sqlite3.Connection, processed: list[str], label: str, count: int,
              size: int) -> Row:
    """Share of typo queries whose top hit is also brute-force rapidfuzz's best (ties count)."""
    from rapidfuzz import fuzz, process, utils

    from tipcli.search import search

    agree = 0
    queries = typo_queries(count)
    for typed, _ in queries:
        query = utils.default_process(typed)
        found = process.extractOne(query, processed, scorer=fuzz.partial_ratio, processor=None)
        best = float(found[1]) if found else 0.0
        hits = search(conn, typed, limit=1)
        if hits and fuzz.partial_ratio(query, utils.default_process(hits[0].text)) >= best - 1e-6:
            agree += 1
    share = agree / len(queries)
    big = size >= 1_000_000
    return Row("search", f"{label}: typo top hit = brute force's best ({agree}/{len(queries)})",
               float("nan"), ratio=f"{share:.0%}", target=">= 90% at 1M" if big else "",
               met=yes(share >= 0.9) if big else "")


def cold_search(home: Path, label: str, runs: int, size: int) -> list[Row]:
    """A cold search on this store against a cold lookup on the seeds' store."""
    env = env_for(home)
    seeds_env = env_for(home.parent / "home-seeds")
    tipcli = tipcli_exe()
    med = interleaved({
        "rating": lambda: run_cold([tipcli, "rating", "2022", "--json"], seeds_env),
        "search": lambda: run_cold([tipcli, "search", "domestik helpres", "--json"], env),
    }, runs)
    added = med["search"] - med["rating"]
    at_100k = size == 100_000
    return [Row("search", f"{label}: cold `tipcli search \"domestik helpres\" --json`",
                med["search"], "cold `tipcli rating 2022 --json` (seeds)", f"{added:+.0f} ms",
                "<= +80 ms at 100k" if at_100k else "", yes(added <= 80) if at_100k else "")]


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Bench Daily</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Bench Daily">
<meta property="article:published_time" content="2024-06-{day:02d}T09:00:00Z">
<link rel="canonical" href="https://bench.example/news/{n}">
<script>window.dataLayer = [{{"section": "asia", "tier": "Tier 3"}}];</script></head>
<body><header><nav><a href="/">Home</a> <a href="/asia">Asia</a> <a href="/world">World</a>
<a href="/opinion">Opinion</a></nav><div class="cookie">We use cookies. Accept all</div></header>
<main><article><h1>{title}</h1><p class="byline">By Bench Reporter</p>
{paragraphs}
</article><aside><h2>Related stories</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Weather: rain expected</a></li></ul></aside></main>
<footer><p>Copyright 2024 Bench Daily. All rights reserved.</p></footer></body></html>
"""


def html_pages(folder: Path, text_folder: Path, count: int = 100,
               paragraphs: int = 30) -> int:
    """count saved-page-like HTML files of seed sentences, and the same article text as
    .txt files (the baseline); returns the bytes of HTML written."""
    from html import escape

    sentences = seed_sentences(seeds_dir())
    rng = random.Random(12)
    folder.mkdir(parents=True, exist_ok=True)
    text_folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for n in range(count):
        body = [" ".join(rng.sample(sentences, 3)) for _ in range(paragraphs)]
        title = f"Bench story {n}: " + " ".join(body[0].split()[:6])
        page = _PAGE.format(title=escape(title), day=1 + n % 28, n=n, paragraphs="\n".join(
            f"<p>{escape(p)}</p>" for p in body))
        (folder / f"page-{n:03d}.html").write_text(page, encoding="utf-8")
        (text_folder / f"page-{n:03d}.txt").write_text(title + "\n\n" + "\n\n".join(body)
                                                       + "\n", encoding="utf-8")
        written += len(page.encode())
    return written


def ingestion(work: Path, runs: int) -> list[Row]:
    """Adding real inputs: 100 saved pages against the same text as .txt files, and a
    300-page generated report PDF against its text as one .txt file."""
    sys.path.insert(0, str(HERE.parent))
    from tests.pdfmaker import big_report
    from tipcli.ingest.pdf import pdf_text

    pages, texts = work / "html-pages", work / "html-text"
    size = html_pages(pages, texts)
    pdf = work / "report-300.pdf"
    big_report(pdf, 300)
    pdf_as_text = work / "report-text"
    pdf_as_text.mkdir(exist_ok=True)
    text, _, page_starts = pdf_text(pdf.read_bytes(), pdf.name)
    (pdf_as_text / "report-300.txt").write_text(text, encoding="utf-8")
    timings: dict[str, list[float]] = {k: [] for k in ("html", "txt", "pdf", "pdftxt")}
    peaks: list[float] = []
    for _ in range(runs):  # interleaved, each into a fresh store
        for key, source in (("html", pages), ("txt", texts), ("pdf", pdf),
                            ("pdftxt", pdf_as_text)):
            home = work / f"home-ingest-{key}"
            shutil.rmtree(home, ignore_errors=True)
            seconds, peak = timed_add(source, home)
            timings[key].append(seconds)
            if key == "pdf":
                peaks.append(peak)
    med = {k: statistics.median(v) for k, v in timings.items()}
    return [
        Row("ingestion", f"add 100 saved HTML pages ({size / 2**20:.1f} MiB)", med["html"] * 1000,
            "the same article text as 100 .txt files", f"{med['html'] / med['txt']:.1f}x"),
        Row("ingestion", "add the same text as 100 .txt files", med["txt"] * 1000),
        Row("ingestion", f"add a {len(page_starts)}-page report PDF "
            f"({pdf.stat().st_size / 2**20:.1f} MiB)", med["pdf"] * 1000,
            "its text as one .txt file",
            f"{med['pdf'] / med['pdftxt']:.1f}x"),
        Row("ingestion", "add the PDF's text as one .txt file", med["pdftxt"] * 1000),
        Row("ingestion", "adding the PDF: peak memory, MiB (PSS, all processes)", max(peaks),
            target="<= 1024 MiB", met=yes(max(peaks) <= 1024)),
    ]


def parse_size(text: str) -> tuple[str, int]:
    value = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(value[-1], 1)
    number = int(float(value.rstrip("km")) * scale)
    return text.strip(), number


def render(rows: list[Row]) -> str:
    lines = ["| measurement | median | against | ratio | target | met |",
             "|---|---:|---|---:|---|---|"]
    for section in SECTIONS:
        here = [r for r in rows if r.section == section]
        if here:
            lines.append(f"| **{section}** | | | | | |")
        lines.extend(_line(r) for r in here)
    return "\n".join(lines)


def _line(r: Row) -> str:
    shown = "" if r.median_ms != r.median_ms else (
        f"{r.median_ms / 1000:.1f} s" if "build (" in r.what or r.what.startswith("add ") else
        f"{r.median_ms:.0f}" if "MiB" in r.what else f"{r.median_ms:.1f} ms")
    return f"| {r.what} | {shown} | {r.baseline} | {r.ratio} | {r.target} | {r.met} |"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m",
                        help="corpus sizes in passages (default: 10k,100k,1m; '' for cold "
                        "start only)")
    parser.add_argument("--runs", type=int, default=15, help="runs per measurement (median)")
    parser.add_argument("--agreement-queries", type=int, default=30,
                        help="typo queries checked against brute force")
    parser.add_argument("--build-runs", type=int, default=1,
                        help="builds per size, interleaved with the bare FTS5 build (median)")
    parser.add_argument("--work", type=Path, help="keep corpora and stores here")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--ingestion-runs", type=int, default=3,
                        help="adds per input kind, interleaved (median); 0 skips ingestion")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="tipcli-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    rows = cold_start(work, args.runs)
    for text in filter(None, args.sizes.split(",")):
        label, size = parse_size(text)
        rows += scale(work, label, size, args.runs, args.agreement_queries, args.build_runs)
    if args.ingestion_runs > 0:
        rows += ingestion(work, args.ingestion_runs)
    print(f"tipcli benchmark: {machine()}; medians of {args.runs} interleaved runs; "
          f"{time.perf_counter() - began:.0f} s in all\n")
    print(render(rows))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=1))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
