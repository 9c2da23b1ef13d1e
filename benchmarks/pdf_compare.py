"""Compare pypdfium2 and pypdf on TIP-Report-like PDFs: speed, memory, text fidelity, failures.

Run it with the project's Python (both libraries and fpdf2 installed):

    .venv/bin/python benchmarks/pdf_compare.py                    # 300 and 600 pages, 3 runs
    .venv/bin/python benchmarks/pdf_compare.py --pages 300 --runs 1 --json /tmp/pdf.json

The PDFs are made on the spot by tests/pdfmaker.py (big_report, annual_report,
encrypted, image_only, damaged) in a temporary directory. Every measurement runs in a
fresh subprocess (this script with --child), so the import time and the peak RSS
(getrusage ru_maxrss, which includes the interpreter) are the library's alone; the
"python" row is the bare interpreter for reference. Times are medians of interleaved runs.

Fidelity is judged against the text pdfmaker wrote:
- every narrative heading ("KOREA, SOUTH: TIER 1") must come out as one whole line of
  the page it is on, and a naive heading regex is run to show what else looks like one;
- "Côte d’Ivoire", "Türkiye", curly quotes and dashes are counted against what was written;
- each extracted word is looked up in the written vocabulary: a miss that is two written
  words run together is "glued", one that needs the next token is "split", and a line-end
  hyphen is reported by how the library marks it (pdfium joins the lines and puts U+FFFE
  where the hyphen was; pypdf keeps "-" and the newline).
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Literal

LIBS = ("pypdfium2", "pypdf")


# --- the child: one measurement in a fresh interpreter --------------------------------------


def _maxrss_kb() -> int:
    """getrusage's peak RSS. On Linux it is inherited across fork and exec, so a child
    reports at least its parent's peak: this script's parent holds the generated PDFs and
    fpdf2, which would hide the libraries' own memory. Kept for reference only."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def _rss_kb() -> int:
    """Peak RSS of this process's own address space (VmHWM), else getrusage's."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return _maxrss_kb()


def _extract_pdfium(path: str) -> list[str]:
    """All pages' text with pypdfium2, closing every textpage, page and the document."""
    import pypdfium2 as pdfium

    pages: list[str] = []
    pdf = pdfium.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_range())
                finally:
                    textpage.close()
            finally:
                page.close()
    finally:
        pdf.close()
    return pages


def _extract_pypdf(path: str, mode: Literal["plain", "layout"] = "plain") -> list[str]:
    """All pages' text with pypdf; the reader reads the whole file into memory at open."""
    from pypdf import PdfReader

    with PdfReader(path) as reader:
        return [page.extract_text(extraction_mode=mode) for page in reader.pages]


def child_extract(lib: str, path: str, out: str) -> dict[str, Any]:
    rss_start = _rss_kb()
    t0 = time.perf_counter()
    if lib == "pypdfium2":
        import pypdfium2  # noqa: F401
    elif lib.startswith("pypdf"):
        import pypdf  # noqa: F401
    t1 = time.perf_counter()
    rss_import = _rss_kb()
    pages: list[str] = []
    if lib == "pypdfium2":
        pages = _extract_pdfium(path)
    elif lib == "pypdf":
        pages = _extract_pypdf(path)
    elif lib == "pypdf-layout":
        pages = _extract_pypdf(path, "layout")
    t2 = time.perf_counter()
    rss_peak = _rss_kb()
    if out:
        Path(out).write_text(json.dumps(pages), encoding="utf-8")
    return {"import_s": t1 - t0, "extract_s": t2 - t1, "rss_start_kb": rss_start,
            "rss_import_kb": rss_import, "rss_peak_kb": rss_peak, "pages": len(pages),
            "ru_maxrss_kb": _maxrss_kb()}


def _error(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    if module.startswith("pypdfium2"):
        module = "pypdfium2"
    elif module.startswith("pypdf"):
        module = "pypdf.errors" if kind.__name__.endswith("Error") else module
    return f"{module}.{kind.__qualname__}: {exc}"


def child_probe(lib: str, path: str, password: str | None) -> dict[str, Any]:
    """Open a PDF that may be bad and report what happens, stage by stage."""
    import logging
    import warnings

    result: dict[str, Any] = {"open": None, "pages": None, "chars": [], "images": [],
                              "page_error": None, "warnings": [], "encrypted": None}
    if lib == "pypdfium2":
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c

        try:
            pdf = pdfium.PdfDocument(path, password=password)
        except Exception as exc:
            result["open"] = _error(exc)
            result["err_code"] = getattr(exc, "err_code", None)
            return result
        result["open"] = "ok"
        with pdf:
            result["pages"] = len(pdf)
            for i in range(len(pdf)):
                page = pdf[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        result["chars"].append(len(textpage.get_text_range().strip()))
                    finally:
                        textpage.close()
                    result["images"].append(sum(1 for _ in page.get_objects(
                        filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])))
                except Exception as exc:
                    result["page_error"] = f"page {i + 1}: {_error(exc)}"
                    break
                finally:
                    page.close()
        return result

    from pypdf import PdfReader

    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logging.getLogger("pypdf").addHandler(Collect())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reader = PdfReader(path, strict=lib == "pypdf-strict", password=password)
        except Exception as exc:
            result["open"] = _error(exc)
            result["warnings"] = messages[:3]
            return result
        result["open"] = "ok"
        result["encrypted"] = reader.is_encrypted
        try:
            result["pages"] = len(reader.pages)
            for page in reader.pages:
                result["chars"].append(len(page.extract_text().strip()))
                result["images"].append(len(page.images))
        except Exception as exc:
            result["page_error"] = f"{_error(exc)}"
        reader.close()
    result["warnings"] = (messages + [str(w.message) for w in caught])[:3]
    return result


def child_main(argv: list[str]) -> None:
    mode, lib, path = argv[:3]
    if mode == "extract":
        print(json.dumps(child_extract(lib, path, argv[3] if len(argv) > 3 else "")))
    else:
        print(json.dumps(child_probe(lib, path, argv[3] if len(argv) > 3 else None)))


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--child":
    child_main(sys.argv[2:])
    sys.exit(0)


# --- the parent ------------------------------------------------------------------------------

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402
import unicodedata  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from importlib import metadata  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import pdfmaker  # noqa: E402

TIER_RE = "TIER 1|TIER 2|TIER 2 WATCH LIST|TIER 3|SPECIAL CASE"
# What a first attempt at finding narrative headings would look like.
NAIVE_HEADING = re.compile(rf"^([A-ZÀ-Þ][A-ZÀ-Þ’'.,()\- ]+): ({TIER_RE})$")
# Cruder still: any line with a tier in capitals.
NAIVE_ANYWHERE = re.compile(rf"\b({TIER_RE})\b")
PUNCT = ".,;:!?()[]“”\"‘’'"
SOFT = "\u00ad"
MARKS = {"\ufffe": "U+FFFE", "\u00ad": "U+00AD", "\x02": "U+0002", "\ufffd": "U+FFFD"}
PROBES = ("Côte d’Ivoire", "CÔTE D’IVOIRE", "Türkiye", "TÜRKIYE", "débrouillardise", "’",
          "“", "”", "–")


def run_child(args: Sequence[str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True,
                          text=True, timeout=1800)
    if proc.returncode != 0:
        return {"crashed": f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"}
    parsed: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return parsed


def written_text(blocks: Sequence[pdfmaker.Block], year: int) -> str:
    """Everything pdfmaker wrote, soft hyphens dropped, one block a line."""
    parts = [f"{year} TRAFFICKING IN PERSONS REPORT"]
    for b in blocks:
        parts.extend([b.label, b.text, *b.names])
    return "\n".join(p.replace(SOFT, "") for p in parts if p)


def norm_token(token: str) -> str:
    return token.strip(PUNCT)


def is_number(token: str) -> bool:
    return bool(re.fullmatch(r"[$\d.,%–-]+", token))


def word_check(text: str, vocab: set[str]) -> dict[str, Any]:
    """Compare the extracted words with the written ones."""
    found: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}

    def note(kind: str, example: str) -> None:
        found[kind] += 1
        if len(examples.setdefault(kind, [])) < 4 and example not in examples[kind]:
            examples[kind].append(example)

    matches = list(re.finditer(r"\S+", text))
    tokens = [norm_token(m.group(0)) for m in matches]
    skip: set[int] = set()

    def continuation(i: int, left: str) -> int | None:
        """The index of the rest of a word hyphenated across a page break, a few tokens on
        (past the footer's page number and the next page's running header); `left` is the
        part before the hyphen, and the hyphen may be a compound's own."""
        for j in range(i + 1, min(i + 9, len(tokens))):
            if tokens[j] and {left + tokens[j], f"{left}-{tokens[j]}"} & vocab:
                return j
        return None

    for i, m in enumerate(matches):
        if i in skip:
            continue
        raw, token = m.group(0), tokens[i]
        if not token or token in vocab or is_number(token):
            continue
        nxt = tokens[i + 1] if i + 1 < len(matches) else ""
        at_line_end = i + 1 < len(matches) and "\n" in text[m.end():matches[i + 1].start()]
        if "\ufffe" in token:
            left, _, right = token.partition("\ufffe")
            if left + right in vocab:
                note("hyphen marked U+FFFE, word joined", raw)
            elif f"{left}-{right}" in vocab:
                note("compound hyphen marked U+FFFE (dropping it glues the compound)", raw)
            elif (j := continuation(i, left)) is not None:
                note("hyphen across a page break; U+FFFE glued to the page number", raw)
                skip.add(j)
            else:
                note("other", raw)
        elif token.endswith("-") and at_line_end and token[:-1] + nxt in vocab:
            note("line-end hyphen kept, word split over lines", f"{raw}⏎{nxt}")
            skip.add(i + 1)
        elif token.endswith("-") and at_line_end and token + nxt in vocab:
            note("compound split after its hyphen", f"{raw}⏎{nxt}")
            skip.add(i + 1)
        elif token.endswith("-") and (j := continuation(i, token[:-1])) is not None:
            note("hyphen across a page break (footer, header between)", f"{raw}…{tokens[j]}")
            skip.add(j)
        elif nxt and token + nxt in vocab:
            note("split word", f"{raw} {nxt}")
            skip.add(i + 1)
        elif any(token[:k] in vocab and token[k:] in vocab for k in range(1, len(token))):
            note("glued words", raw)
        else:
            note("other", raw)
    return {"words": len(matches), "counts": dict(found), "examples": examples}


def evaluate(pages: list[str], headings: Sequence[tuple[str, str, int]],
             blocks: Sequence[pdfmaker.Block], year: int = 2024) -> dict[str, Any]:
    """How faithfully one library's pages carry what was written."""
    written = written_text(blocks, year)
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text)
    flat_written = re.sub(r"\s+", " ", written)
    intact, problems = 0, []
    for country, tier, page in headings:
        want = f"{country.upper()}: {tier.upper()}"
        lines = [line.strip() for line in pages[page - 1].splitlines()]
        if want in lines:
            intact += 1
        elif any(want in line for line in lines):
            problems.append(f"{want!r} shares its line")
        elif want in re.sub(r"\s+", " ", pages[page - 1]):
            problems.append(f"{want!r} broken over lines")
        else:
            problems.append(f"{want!r} missing on page {page}")
    expected_lines = {f"{c.upper()}: {t.upper()}" for c, t, _ in headings}
    naive = [line.strip() for line in text.splitlines() if NAIVE_HEADING.match(line.strip())]
    anywhere = [line.strip() for line in text.splitlines()
                if NAIVE_ANYWHERE.search(line) and line.strip() not in expected_lines]
    probes = {p: (flat.count(p), flat_written.count(p)) for p in PROBES}
    vocab = {norm_token(w) for w in written.split()} | {"TRAFFICKING", "PERSONS", "REPORT"}
    header = f"{year} TRAFFICKING IN PERSONS REPORT"
    with_header = with_number = 0
    for number, page_text in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in page_text.splitlines() if line.strip()]
        with_header += bool(lines) and lines[0] == header
        with_number += bool(lines) and lines[-1] == str(number)
    return {
        "pages": len(pages),
        "headings": f"{intact}/{len(headings)}",
        "heading_problems": problems[:5],
        "naive_matches": len(naive),
        "naive_false": sorted(set(naive) - expected_lines),
        "tier_lines_not_headings": [line[:40] for line in anywhere],
        "probes": probes,
        "nfc": unicodedata.is_normalized("NFC", text),
        "marks": {name: text.count(ch) for ch, name in MARKS.items() if ch in text},
        "line_break": "\\r\\n" if "\r\n" in text else "\\n",
        "header_first_line": f"{with_header}/{len(pages) - 1}",
        "page_number_last_line": f"{with_number}/{len(pages) - 1}",
        "words": word_check(text, vocab),
    }


def justified_pdf(path: Path) -> list[pdfmaker.Block]:
    """A page of narrative text justified by fpdf2's multi_cell (TJ gaps before spaces)."""
    from fpdf import FPDF
    from fpdf.enums import Align

    blocks = pdfmaker.report_blocks(2024, pdfmaker.DEFAULT_COUNTRIES[:2])
    paras = [b for b in blocks if b.kind == "para"][-8:]
    pdf = FPDF(format="Letter")
    pdf.add_font("DejaVu", "", str(pdfmaker.FONT))
    pdf.set_font("DejaVu", "", 9.5)
    pdf.add_page()
    for b in paras:
        pdf.multi_cell(0, 4.6, b.text, align=Align.J, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.output(str(path))
    return paras


def installed_size(dist: str) -> tuple[float, list[str]]:
    """MB on disk of a distribution's files (no bytecode caches), and its requirements
    (without extras: pypdf's "crypto" extra, cryptography, is needed for AES PDFs)."""
    files = metadata.files(dist) or []
    total = 0
    for f in files:
        p = Path(str(f.locate()))
        if "__pycache__" not in p.parts and p.is_file():
            total += p.stat().st_size
    requires = [r for r in metadata.requires(dist) or [] if "extra ==" not in r]
    return total / 1e6, requires


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[300, 600])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--libs", nargs="+", default=list(LIBS),
                        help="pypdfium2, pypdf, pypdf-layout")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args()

    report: dict[str, Any] = {"speed": [], "fidelity": {}, "bad": [], "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="pdf_compare_") as tmp_name:
        tmp = Path(tmp_name)
        docs: dict[int, tuple[Path, list[tuple[str, str, int]], list[pdfmaker.Block]]] = {}
        for n in args.pages:
            path = tmp / f"report{n}.pdf"
            t = time.perf_counter()
            headings = pdfmaker.big_report(path, n)
            took = time.perf_counter() - t
            countries, filler = pdfmaker.big_report_layout(n)
            blocks = pdfmaker.report_blocks(2024, countries, 1, filler)
            docs[n] = (path, headings, blocks)
            print(f"made {path.name}: {n} pages asked, {len(headings)} narratives, "
                  f"{path.stat().st_size / 1e6:.1f} MB, in {took:.2f} s", file=sys.stderr)

        # Speed and memory: interleaved fresh subprocesses.
        samples: dict[tuple[str, int], list[dict[str, Any]]] = {}
        texts: dict[tuple[str, int], list[str]] = {}
        for run in range(args.runs):
            for n, (path, _, _) in docs.items():
                for lib in [*args.libs, "python"]:
                    out = tmp / f"{lib}-{n}.json" if run == 0 and lib != "python" else None
                    stats = run_child(["extract", lib, str(path), str(out or "")])
                    if "crashed" in stats:
                        raise SystemExit(f"{lib} on {n} pages: {stats['crashed']}")
                    samples.setdefault((lib, n), []).append(stats)
                    if out:
                        texts[(lib, n)] = json.loads(out.read_text(encoding="utf-8"))
                    print(f"run {run + 1} {lib} {n}p: {stats['extract_s']:.2f} s", file=sys.stderr)
        for (lib, n), runs in samples.items():
            pages = runs[0]["pages"] or 1
            med = statistics.median(r["extract_s"] for r in runs)
            report["speed"].append({
                "lib": lib, "pages": n, "pages_read": runs[0]["pages"],
                "import_ms": 1000 * statistics.median(r["import_s"] for r in runs),
                "extract_s": med, "ms_per_page": 1000 * med / pages,
                "rss_import_kb": statistics.median(r["rss_import_kb"] for r in runs),
                "rss_peak_kb": statistics.median(r["rss_peak_kb"] for r in runs),
                "ru_maxrss_kb": statistics.median(r["ru_maxrss_kb"] for r in runs),
                "runs": [round(r["extract_s"], 3) for r in runs],
            })

        for (lib, n), pages in texts.items():
            _, headings, blocks = docs[n]
            report["fidelity"][f"{lib} {n}p"] = evaluate(pages, headings, blocks)

        # The default 20-narrative report: its first narrative page, as each library reads it.
        small = tmp / "annual.pdf"
        small_headings = pdfmaker.annual_report(small)
        first_page = small_headings[0][2]
        report["sample_page"] = first_page
        report["samples"] = {}
        for lib in args.libs:
            out = tmp / f"small-{lib}.json"
            run_child(["extract", lib, str(small), str(out)])
            pages = json.loads(out.read_text(encoding="utf-8"))
            report["samples"][lib] = pages[first_page - 1]
            report["fidelity"][f"{lib} default"] = evaluate(
                pages, small_headings, pdfmaker.report_blocks(2024))

        # Justified text (fpdf2 multi_cell, gaps before spaces in TJ arrays): extra spaces?
        justified = tmp / "justified.pdf"
        paras = justified_pdf(justified)
        vocab = {norm_token(w) for b in paras for w in b.text.replace(SOFT, "").split()}
        report["justified"] = {}
        for lib in args.libs:
            out = tmp / f"justified-{lib}.json"
            run_child(["extract", lib, str(justified), str(out)])
            text = json.loads(out.read_text(encoding="utf-8"))[0]
            report["justified"][lib] = {"double_spaces": text.count("  "),
                                        "words": word_check(text, vocab)}

        # PDFs that are not ordinary.
        bad = {
            "encrypted (user password)": tmp / "encrypted.pdf",
            "encrypted (empty user password)": tmp / "encrypted-open.pdf",
            "image only (scanned)": tmp / "scanned.pdf",
            "truncated in the middle": tmp / "truncated.pdf",
            "xref and startxref wrong": tmp / "xref.pdf",
            "not a PDF (HTML)": tmp / "html.pdf",
        }
        pdfmaker.encrypted(bad["encrypted (user password)"])
        pdfmaker.encrypted(bad["encrypted (empty user password)"], user_password="")
        pdfmaker.image_only(bad["image only (scanned)"])
        pdfmaker.damaged(bad["truncated in the middle"], "truncated")
        pdfmaker.damaged(bad["xref and startxref wrong"], "xref")
        pdfmaker.damaged(bad["not a PDF (HTML)"], "notpdf")
        if importlib.util.find_spec("cryptography"):  # fpdf2 needs it to write AES
            bad["AES-256, empty user password"] = tmp / "aes.pdf"
            pdfmaker.encrypted(bad["AES-256, empty user password"], "", aes=True)
        else:
            report["no_aes"] = ("cryptography is not installed: no AES-encrypted PDF could be "
                                "made (pypdf needs it to open one, even with no password)")
        for what, path in bad.items():
            for lib in ("pypdfium2", "pypdf", "pypdf-strict"):
                report["bad"].append({"pdf": what, "lib": lib,
                                      **run_child(["probe", lib, str(path)])})
            if what == "encrypted (user password)":
                for lib in ("pypdfium2", "pypdf"):
                    report["bad"].append({"pdf": what + ", password given", "lib": lib,
                                          **run_child(["probe", lib, str(path),
                                                       pdfmaker.USER_PASSWORD])})

    for dist in ("pypdfium2", "pypdf"):
        size, requires = installed_size(dist)
        report["sizes"][dist] = {"version": metadata.version(dist), "installed_mb": size,
                                 "requires": requires}
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


def print_report(report: dict[str, Any]) -> None:
    print("## Speed and memory (fresh subprocess per run; medians)\n")
    print("Peak RSS is VmHWM of the child (interpreter included; the `python` row is the bare "
          "interpreter). getrusage's ru_maxrss is shown too: on Linux it carries the parent's "
          "peak over fork+exec, so it measures this script, not the library.\n")
    print("| library | PDF pages | import ms | open + extract all pages s | ms/page | "
          "RSS after import MB | peak RSS MB | ru_maxrss MB | runs s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in report["speed"]:
        if row["lib"] == "python":
            cells = ["-", "-", "-"]
            runs = "-"
        else:
            cells = [f"{row['import_ms']:.0f}", f"{row['extract_s']:.2f}",
                     f"{row['ms_per_page']:.2f}"]
            runs = str(row["runs"])
        print(f"| {row['lib']} | {row['pages']} | {' | '.join(cells)} | "
              f"{mb(row['rss_import_kb'])} | {mb(row['rss_peak_kb'])} | "
              f"{mb(row['ru_maxrss_kb'])} | {runs} |")

    print("\n## Fidelity\n")
    print("| library, PDF | pages | headings whole lines | `^NAME: TIER$` matches (not headings) "
          "| other lines with a tier in capitals | NFC | marks | line break | header 1st line "
          "| page no. last line |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, f in report["fidelity"].items():
        print(f"| {name} | {f['pages']} | {f['headings']} | {f['naive_matches']} "
              f"({', '.join(f['naive_false']) or '-'}) | {len(f['tier_lines_not_headings'])} | "
              f"{f['nfc']} | {f['marks'] or '-'} | "
              f"{f['line_break']} | {f['header_first_line']} | {f['page_number_last_line']} |")
    first = next(iter(report["fidelity"].values()))
    print(f"\nLines with a tier in capitals that are not headings: "
          f"{first['tier_lines_not_headings']}")
    print("\nCharacters, found / written (whitespace normalised):\n")
    names = list(report["fidelity"])
    print("| string | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for probe in PROBES:
        cells = [f"{report['fidelity'][n]['probes'][probe][0]}/"
                 f"{report['fidelity'][n]['probes'][probe][1]}" for n in names]
        print(f"| {probe} | " + " | ".join(cells) + " |")
    print("\nWords not written as extracted (counts, examples):\n")
    for name, f in report["fidelity"].items():
        w = f["words"]
        print(f"- {name}: {w['words']} words; {w['counts'] or 'none'}")
        for kind, ex in w["examples"].items():
            print(f"    - {kind}: {ex}")
        for problem in f["heading_problems"]:
            print(f"    - heading: {problem}")
    print("\nJustified text (fpdf2 multi_cell align=J):\n")
    for lib, j in report["justified"].items():
        print(f"- {lib}: double spaces {j['double_spaces']}; {j['words']['counts'] or 'clean'} "
              f"{j['words']['examples'] or ''}")

    print("\n## PDFs that are not ordinary\n")
    print("| PDF | library | open | pages | text chars per page | images per page | "
          "page error | pypdf warnings |")
    print("|---|---|---|---|---|---|---|---|")
    for row in report["bad"]:
        if "crashed" in row:
            print(f"| {row['pdf']} | {row['lib']} | CRASHED {row['crashed']} | | | | | |")
            continue
        enc = "" if row.get("encrypted") is None else f" (is_encrypted={row['encrypted']})"
        code = f" [err_code {row['err_code']}]" if row.get("err_code") is not None else ""
        print(f"| {row['pdf']} | {row['lib']} | {row['open']}{code}{enc} | {row['pages']} | "
              f"{row['chars']} | {row['images']} | {row['page_error'] or ''} | "
              f"{'; '.join(row['warnings'])[:200]} |")

    if "no_aes" in report:
        print(f"\n{report['no_aes']}")
    print("\n## Installed size\n")
    for dist, s in report["sizes"].items():
        print(f"- {dist} {s['version']}: {s['installed_mb']:.1f} MB installed, "
              f"requires {s['requires'] or 'nothing'}")

    print(f"\n## First narrative page (page {report['sample_page']} of the default report)\n")
    for lib, text in report["samples"].items():
        print(f"### {lib}\n\n```")
        print(text.replace("\r\n", "⏎\n").replace("\ufffe", "\\ufffe"))
        print("```\n")


if __name__ == "__main__":
    main()
