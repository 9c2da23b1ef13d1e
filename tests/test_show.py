"""`tipcli show`: documents, spans and facts' evidence where they stand; citations; the pager;
hostile text. Expectations come from the documents' own text, never from tipcli's output."""

from __future__ import annotations

import datetime
import json
import os
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import document_text
from tests.shapes import check_record, record_type

RTHK = "002_8914870225723a63.txt"  # the seed the example cites
EXCERPT, CITATION = record_type("show:Excerpt"), record_type("show:Citation")
WIDE = {"COLUMNS": "200"}

# What must never reach a terminal from a document: C0 controls but tab and newline, DEL,
# C1 controls, and bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def flat(text: str) -> str:
    """Text with its spacing folded, so wrapped output compares with the document."""
    return " ".join(text.split())


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) of text around [start, end), from the text alone."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def long_date(published: str) -> str:
    day = datetime.date.fromisoformat(published)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def source(cli: Any, doc: str) -> dict[str, Any]:
    found = [s for s in cli("sources", "--json").json() if s["doc"] == doc]
    assert len(found) == 1
    return found[0]


def passages(home: Path, doc: str) -> list[tuple[int, int]]:
    conn = sqlite3.connect(f"file:{home / 'index.sqlite3'}?mode=ro", uri=True)
    try:
        return [(int(start), int(end)) for start, end in conn.execute(
            "SELECT start, end FROM passages WHERE doc = ? ORDER BY start", (doc,))]
    finally:
        conn.close()


# --- a document ------------------------------------------------------------------


def test_show_a_seed_by_short_id_prints_its_text_under_a_header(cli: Any, home: Path) -> None:
    run = cli("show", "002", env=WIDE)
    assert run.code == 0, run.err
    text = document_text(RTHK, home)
    src = source(cli, RTHK)
    first = run.out.splitlines()[0]
    for part in (src["outlet"], src["title"], src["published"], "002"):
        assert part in first
    shown = flat(run.out)
    lines = [flat(line) for line in text.splitlines() if line.strip()]
    assert len(lines) > 10
    assert [line for line in lines if line not in shown] == []
    assert run.err == ""


def test_show_json_of_a_document_highlights_every_fact_and_marks_furniture(cli: Any,
                                                                          home: Path) -> None:
    [whole] = cli("show", "002", "--json").json()
    check_record(whole, EXCERPT)
    text = document_text(RTHK, home)
    assert (whole["doc"], whole["short_id"]) == (RTHK, "002")
    assert whole["start"] is None and whole["text"] is None
    assert whole["context"] == text and whole["context_end"] == len(text)
    # Every span of evidence the fact commands give for this document is highlighted.
    spans: set[tuple[int, int]] = set()
    for args in (["rating", "--jurisdiction", "all"], ["stats"], ["quotes"]):
        for fact in cli(*args, "--json").json():
            for alt in [fact, *fact.get("alternatives", [])]:
                spans |= {(e["start"], e["end"]) for e in alt["evidence"] if e["doc"] == RTHK}
    assert spans and {tuple(h) for h in whole["highlights"]} == spans
    # Furniture is exactly what no passage covers, blanks aside.
    covered = passages(home, RTHK)
    assert covered
    for start, end in whole["furniture"]:
        assert text[start:end].strip() == text[start:end] != ""
        assert not any(s < end and start < e for s, e in covered), (start, end)
    marked = sorted([*covered, *(tuple(f) for f in whole["furniture"])])
    cursor = 0
    for start, end in marked:
        assert text[cursor:start].strip() == "", (cursor, start)
        cursor = max(cursor, end)
    assert text[cursor:].strip() == ""
    assert "Share this story" in [text[s:e] for s, e in whole["furniture"]]


# --- a span ----------------------------------------------------------------------


def test_at_prints_the_sentence_around_the_span_and_where_it_is(cli: Any, home: Path) -> None:
    text = document_text(RTHK, home)
    start, end = 683, 726
    lo, hi = paragraph(text, start, end)
    before = paragraph(text, lo - 3, lo - 2)
    run = cli("show", "002", "--at", f"{start}:{end}", env=WIDE)
    assert run.code == 0, run.err
    shown = flat(run.out)
    assert flat(text[lo:hi]) in shown
    assert flat(text[before[0]:before[1]]) not in shown  # no neighbours without -C
    assert f"002 [{start}:{end}]" in run.out
    [excerpt] = cli("show", "002", "--at", f"{start}:{end}", "--json").json()
    check_record(excerpt, EXCERPT)
    assert excerpt["text"] == text[start:end] != ""
    assert excerpt["context"] == text[excerpt["context_start"]:excerpt["context_end"]]
    assert (excerpt["context_start"], excerpt["context_end"]) == (lo, hi)
    assert excerpt["highlights"] == [[start, end]] and excerpt["fact"] is None


def test_context_adds_the_neighbouring_sentences(cli: Any, home: Path) -> None:
    text = document_text(RTHK, home)
    lo, hi = paragraph(text, 683, 726)
    before = paragraph(text, lo - 3, lo - 2)
    after = paragraph(text, hi + 2, hi + 3)
    two_before = paragraph(text, before[0] - 3, before[0] - 2)
    assert text[before[0]:before[1]].strip() and text[after[0]:after[1]].strip()
    run = cli("show", "002", "--at", "683:726", "-C", "1", env=WIDE)
    assert run.code == 0, run.err
    shown = flat(run.out)
    for a, b in (before, (lo, hi), after):
        assert flat(text[a:b]) in shown
    assert flat(text[two_before[0]:two_before[1]]) not in shown
    [excerpt] = cli("show", "002", "--at", "683:726", "-C", "1", "--json").json()
    assert (excerpt["context_start"], excerpt["context_end"]) == (before[0], after[1])


def test_a_span_in_furniture_shows_its_line(cli: Any, home: Path) -> None:
    text = document_text(RTHK, home)
    start = text.index("Share this story")
    [excerpt] = cli("show", "002", "--at", f"{start}:{start + 5}", "--json").json()
    assert excerpt["context"] == "Share this story"
    assert excerpt["furniture"] == [[start, start + len("Share this story")]]


# --- facts -----------------------------------------------------------------------


def test_a_rating_id_shows_each_piece_of_its_evidence(cli: Any, home: Path) -> None:
    ratings = cli("rating", "--json").json()
    [rating] = [r for r in ratings if r["jurisdiction"] == "Hong Kong" and r["year"] == 2022]
    evidence = rating["evidence"] + [e for alt in rating["alternatives"]
                                     for e in alt["evidence"]]
    assert evidence
    run = cli("show", rating["id"], env=WIDE)
    assert run.code == 0, run.err
    shown = flat(run.out)
    for ev in evidence:
        text = document_text(ev["doc"], home)
        lo, hi = paragraph(text, ev["start"], ev["end"])
        assert flat(ev["text"]) in shown and flat(text[lo:hi]) in shown
    excerpts = cli("show", rating["id"], "--json").json()
    assert [(x["doc"], x["start"], x["end"]) for x in excerpts] == [
        (e["doc"], e["start"], e["end"]) for e in evidence]
    for x in excerpts:
        check_record(x, EXCERPT)
        assert (x["fact"], x["fact_kind"]) == (rating["id"], "rating")
        assert x["text"] == document_text(x["doc"], home)[x["start"]:x["end"]]
        assert rating["jurisdiction"] in x["about"]


def test_a_figure_id_shows_its_evidence_and_takes_a_short_doc(cli: Any, home: Path) -> None:
    figures = cli("stats", "--json").json()
    figure = next(f for f in figures if f["id"].startswith("003_"))
    doc, offset = figure["id"].rsplit(":", 1)
    for given in (figure["id"], f"003:{offset}"):
        excerpts = cli("show", given, "--json").json()
        assert [(x["doc"], x["start"], x["end"], x["text"]) for x in excerpts] == [
            (e["doc"], e["start"], e["end"], e["text"]) for e in figure["evidence"]]
        assert excerpts[0]["fact"] == figure["id"] and excerpts[0]["fact_kind"] == "figure"
    text = document_text(doc, home)
    ev = figure["evidence"][0]
    run = cli("show", f"003:{offset}", env=WIDE)
    assert run.code == 0 and flat(text[ev["start"]:ev["end"]]) in flat(run.out)
    assert f"[{ev['start']}:{ev['end']}]" in run.out


def test_a_quote_id_shows_its_words_in_every_version(cli: Any, home: Path) -> None:
    quotes = cli("quotes", "--json").json()
    quote = max(quotes, key=lambda q: len({e["doc"] for e in q["evidence"]}))
    assert len({e["doc"] for e in quote["evidence"]}) > 1  # versions of one article
    excerpts = cli("show", quote["id"], "--json").json()
    assert {(x["doc"], x["start"], x["end"]) for x in excerpts} == {
        (e["doc"], e["start"], e["end"]) for e in quote["evidence"]}
    assert len(excerpts) == len(quote["evidence"])
    for x in excerpts:
        assert x["text"] == document_text(x["doc"], home)[x["start"]:x["end"]]
        assert x["fact_kind"] == "quote" and quote["speaker"] in x["about"]
    run = cli("show", quote["id"], env=WIDE)
    assert run.code == 0 and flat(quote["evidence"][0]["text"]) in flat(run.out)


# --- citations -------------------------------------------------------------------


def test_cite_names_outlet_title_date_and_the_words(cli: Any, home: Path) -> None:
    src = source(cli, RTHK)
    text = document_text(RTHK, home)
    words = text[683:726]
    # The span opens “Tier 2 Watch List and stops before the ” the document closes it with:
    # the citation takes that one mark, so the pasted quotation is whole.
    assert words.count("“") == 1 and "”" not in words and text[726] == "”"
    run = cli("show", "002", "--at", "683:726", "--cite")
    assert run.code == 0, run.err
    [line] = run.out.splitlines()  # one line, however narrow the terminal
    assert line.startswith(src["outlet"] + ", ")
    for part in (f'"{src["title"]}"', long_date(src["published"]), f'"{flat(words)}”"'):
        assert part in line
    assert line.endswith(f': "{flat(words)}”"')
    [cited] = cli("show", "002", "--at", "683:726", "--cite", "--json").json()
    check_record(cited, CITATION)
    assert cited["citation"] == line and cited["text"] == words


@pytest.mark.parametrize(("text", "span", "cited"), [
    ("gave it a “Tier 2 Watch List” rating", "“Tier 2 Watch List", "“Tier 2 Watch List”"),
    ("gave it a “Tier 2 Watch List” rating", "Tier 2 Watch List”", "“Tier 2 Watch List”"),
    ('the "Tier 3" label', '"Tier 3', '"Tier 3"'),
    ('the "Tier 3" label', 'Tier 3"', '"Tier 3"'),
    ("placé en «Tier 2» hier", "«Tier 2", "«Tier 2»"),
    ("the ‘watch list’ rating", "‘watch list", "‘watch list’"),
    # Nothing to close beside the words: they stay exactly as written.
    ("a “Tier 2 Watch List rating” said", "“Tier 2 Watch", "“Tier 2 Watch"),
    # A closing ’ after words is an apostrophe as often as a quote: never taken.
    ("the government’s ‘plan’", "government’s", "government’s"),
    ("the city’s rating", "city’", "city’"),
])
def test_a_citation_closes_the_quotation_its_words_open(text: str, span: str,
                                                        cited: str) -> None:
    from tipcli.excerpts import closed_quotation

    start = text.index(span)
    assert closed_quotation(text, start, start + len(span)) == cited


def test_cite_names_each_article_once(cli: Any) -> None:
    """Two versions of one article (a syndicated copy) state the 2023 rating: one citation,
    from the fuller version."""
    [rating] = cli("rating", "2023", "--json").json()
    docs = [e["doc"] for e in rating["evidence"]]
    assert len(docs) == 2  # the seeds' SCMP article and its copy
    lines = cli("show", rating["id"], "--cite").out.splitlines()
    assert len(lines) == 1 and "(syndicated by The Star)" in lines[0]


def test_cite_a_rating_cites_the_words_that_give_its_verdict(cli: Any) -> None:
    """Precision first: a stated verdict is cited from the words that state it, not from
    words it is only inferred from, and never from an alternative's."""
    [rating] = [r for r in cli("rating", "2022", "--json").json()]
    evidence = [e for e in rating["evidence"] if e["basis"] == rating["basis"]]
    inferred = [e for e in rating["evidence"] if e["basis"] != rating["basis"]]
    assert rating["basis"] == "stated" and evidence and inferred  # the seeds have both
    run = cli("show", rating["id"], "--cite")
    lines = run.out.splitlines()
    assert run.code == 0 and len(lines) == len(evidence)
    shown = cli("show", rating["id"], "--json").json()
    assert len(shown) == len(rating["evidence"])  # show still shows every piece, labelled
    assert [s["about"].endswith("the verdict itself is stated)") for s in shown] == [
        e["basis"] != "stated" for e in rating["evidence"]]
    for line, ev in zip(lines, evidence, strict=True):
        assert f": \"{flat(ev['text'])}" in line  # (and the mark that closes a quote)
        assert (ev["outlet"] or "") in line and (ev["title"] or "") in line
        assert ev["published"] is None or long_date(ev["published"]) in line


def test_a_rating_without_a_verdict_has_nothing_to_cite(cli: Any, tmp_path: Path) -> None:
    for name, tier in (("one.txt", "Tier 1"), ("two.txt", "Tier 2")):
        (tmp_path / name).write_text(f"Headline {name}\n\nThe 2019 Trafficking in Persons "
                                     f"Report placed Fiji on {tier}, the paper said.\n",
                                     encoding="utf-8")
        assert cli("add", str(tmp_path / name), "--outlet", f"Paper {name}").code == 0
    run = cli("show", "fiji/2019", "--cite")
    assert run.code == 1 and run.out == ""
    assert "no verdict to cite" in run.err and len(run.err.splitlines()) == 1
    assert len(cli("show", "fiji/2019", "--json").json()) == 2  # each side, shown


def test_cite_a_whole_document_has_no_words(cli: Any) -> None:
    src = source(cli, RTHK)
    run = cli("show", "002", "--cite")
    assert run.code == 0
    assert run.out.strip() == f'{src["outlet"]}, "{src["title"]}", {long_date(src["published"])}'


def test_a_pdfs_evidence_names_its_page(cli: Any, home: Path, tmp_path: Path) -> None:
    from tests import pdfmaker

    path = tmp_path / "tip-report-2024.pdf"
    headings = pdfmaker.annual_report(path)
    assert cli("add", str(path)).code == 0
    _, tier, page = next(h for h in headings if h[0] == "Fiji")
    [verdict] = cli("rating", "2024", "-j", "Fiji", "--json").json()
    heading = next(e for e in verdict["evidence"] if e["text"] == f"FIJI: {tier.upper()}")
    excerpts = cli("show", verdict["id"], "--json").json()
    [shown] = [x for x in excerpts if (x["start"], x["end"]) == (heading["start"],
                                                                  heading["end"])]
    assert shown["page"] == page == heading["page"]
    where = f"{shown['short_id']} [{heading['start']}:{heading['end']}] · p. {page}"
    assert where in cli("show", verdict["id"], env=WIDE).out
    lines = cli("show", path.name, "--at", f"{heading['start']}:{heading['end']}",
                "--cite").out.splitlines()
    assert lines == [f'"2024 Trafficking in Persons Report", p. {page}: "FIJI: {tier.upper()}"']


# --- errors ----------------------------------------------------------------------


@pytest.mark.parametrize("args, expected", [
    (["002", "--at", "726:683"], "less than"),
    (["002", "--at", "683:683"], "less than"),
    (["002", "--at", "0:999999"], "past the end"),
    (["002", "--at", "683"], "START:END"),
    (["002", "--at", "-1:5"], "START:END"),
    (["002", "--at", "a:b"], "START:END"),
    (["002", "--at", "1.5:7"], "START:END"),
    (["002", "-C", "1"], "-C needs"),
    (["002", "--at", "683:726", "-C", "-1"], "-C must"),
    (["002", "-C", "many"], "-C"),
    (["hong-kong/2022", "--at", "1:2"], "fact id"),
    (["nosuchdoc"], "no document or fact"),
    (["hong-kong/1999"], "no rating"),
    (["hongkong/2022"], "did you mean 'hong-kong/2022'"),
    (["002:5"], "no figure or quote"),
    (["zz9:5"], "no document"),
    (["00"], "names 5 documents"),
    (["002", "--json", "--csv"], "choose one"),
])
def test_bad_input_exits_2_with_one_line(cli: Any, args: list[str], expected: str) -> None:
    run = cli("show", *args)
    assert run.code == 2, run
    assert run.out == ""
    assert len(run.err.splitlines()) == 1 and run.err.startswith("tipcli: ")
    assert expected.lower() in run.err.lower()
    assert "Traceback" not in run.err


def test_at_past_the_end_of_a_document_by_one(cli: Any, home: Path) -> None:
    length = len(document_text(RTHK, home))
    assert cli("show", "002", "--at", f"{length - 1}:{length}").code == 0
    assert cli("show", "002", "--at", f"{length - 1}:{length + 1}").code == 2


# --- hostile text ----------------------------------------------------------------

HOSTILE = ("Hostile probe\n\nThe zebrafinch report on Hong Kong said [bold red]x[/bold red] "
           "and \x1b[2J cleared the screen, \x1b]8;;http://evil.example\x07linked\x1b]8;;\x07, "
           "flipped \u202eevil\u202c, rang \x07 a bell, backed up \x08\x7f and sent "
           "\u009b31m a CSI.\n")


@pytest.fixture
def hostile(cli: Any, tmp_path: Path) -> str:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    run = cli("add", str(path), "--report-year", "2022")
    assert run.code == 0, run.err
    return "hostile.txt"


def test_hostile_text_is_shown_escaped_never_interpreted(cli: Any, home: Path,
                                                         hostile: str) -> None:
    text = document_text(hostile, home)
    start, end = text.index("[bold red]"), text.index(" a CSI")
    for args in (["show", hostile], ["show", "hostile", "--at", f"{start}:{end}"],
                 ["show", "hostile", "--at", f"{start}:{end}", "--cite"]):
        run = cli(*args)
        assert run.code == 0, (args, run.err)
        assert UNSAFE.findall(run.out) == [], args
        for visible in ("[bold red]x[/bold red]", "\\x1b[2J", "\\x1b]8;;http://evil.example\\x07",
                        "\\u202eevil\\u202c", "\\x08\\x7f", "\\x9b31m"):
            assert visible in run.out, (args, visible)
    run = cli("show", "hostile", "--at", f"{start}:{end}", "--json")
    assert UNSAFE.sub("", run.out.replace("\n", "")) == run.out.replace("\n", "")
    [excerpt] = run.json()
    assert excerpt["text"] == text[start:end] and "\x1b[2J" in excerpt["text"]


# --- the pager -------------------------------------------------------------------

pty = pytest.importorskip("pty")

RECORDER = """#!/bin/sh
printf '%s' "${LESS-unset}" > "$RECORD.less"
cat > "$RECORD"
"""


def installed() -> list[str]:
    exe = shutil.which("tipcli", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "tipcli"]


def in_terminal(args: list[str], env: dict[str, str], timeout: float = 120) -> tuple[int, str]:
    """Run args with a pseudo-terminal as stdin, stdout and stderr; what it printed there."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # every end of the terminal is closed
                    break
                if not chunk:
                    break
                out += chunk
            elif process.poll() is not None:
                break
        else:
            process.kill()
            pytest.fail(f"{args} did not finish")
        code = process.wait(timeout=30)
    finally:
        os.close(master)
    return code, out.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def pager(cli: Any, home: Path, tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose PAGER records what it is given, and the file it records to."""
    assert cli("sources", "--json").code == 0  # the store is built before the terminal runs
    script = tmp_path / "pager.sh"
    script.write_text(RECORDER, encoding="utf-8")
    script.chmod(0o755)
    record = tmp_path / "paged.txt"
    env = {**os.environ, "TIPCLI_HOME": str(home), "PAGER": str(script),
           "RECORD": str(record), "TERM": "xterm-256color"}
    env.pop("LESS", None)
    env.pop("COLUMNS", None)
    return env, record


def test_a_terminal_is_paged_through_PAGER_with_LESS_set(pager: tuple[dict[str, str], Path],
                                                         home: Path) -> None:
    env, record = pager
    code, screen = in_terminal([*installed(), "show", "002", "--at", "683:726"], env)
    assert code == 0, screen
    assert record.exists(), screen
    paged = record.read_text(encoding="utf-8")
    words = document_text(RTHK, home)[683:726]
    assert "\x1b[" in paged  # styles survive into the pager
    plain = re.sub("\x1b\\[[0-9;]*m", "", paged)
    assert "002 [683:726]" in plain and flat(words) in flat(plain)
    assert (record.parent / "paged.txt.less").read_text() == "FRX"
    assert "Tier 2 Watch List" not in screen  # the text went to the pager, not around it


def test_a_users_LESS_is_kept(pager: tuple[dict[str, str], Path]) -> None:
    env, record = pager
    code, _ = in_terminal([*installed(), "show", "002"], {**env, "LESS": "-S"})
    assert code == 0 and record.exists()
    assert (record.parent / "paged.txt.less").read_text() == "-S"


def test_no_pager_cat_and_a_missing_pager_print_on_the_terminal(
        pager: tuple[dict[str, str], Path], home: Path) -> None:
    env, record = pager
    words = flat(document_text(RTHK, home)[683:726])
    for extra, pager_env in ((["--no-pager"], env["PAGER"]), ([], "cat"), ([], ""),
                             ([], str(record.parent / "no-such-pager"))):
        code, screen = in_terminal([*installed(), "show", "002", "--at", "683:726", *extra],
                                   {**env, "PAGER": pager_env})
        assert code == 0, (extra, pager_env, screen)
        assert words in flat(re.sub("\x1b\\[[0-9;]*m", "", screen)), (extra, pager_env)
        assert not record.exists(), (extra, pager_env)


def test_piped_output_is_not_paged(pager: tuple[dict[str, str], Path], home: Path) -> None:
    env, record = pager
    run = subprocess.run([*installed(), "show", "002"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not record.exists()
    assert "\x1b" not in run.stdout
    assert flat(document_text(RTHK, home).splitlines()[0]) in flat(run.stdout)


def test_hostile_text_reaches_the_pager_escaped(pager: tuple[dict[str, str], Path],
                                                hostile: str) -> None:
    env, record = pager
    code, screen = in_terminal([*installed(), "show", hostile], env)
    assert code == 0, screen
    paged = record.read_text(encoding="utf-8")
    assert "\\x1b[2J" in paged and "[bold red]x[/bold red]" in paged
    # Only tipcli's own styles (SGR sequences) are escape codes.
    assert UNSAFE.findall(re.sub("\x1b\\[[0-9;]*m", "", paged).replace("\n", "")) == []


def test_json_on_a_terminal_is_not_paged(pager: tuple[dict[str, str], Path]) -> None:
    env, record = pager
    code, screen = in_terminal([*installed(), "show", "002", "--at", "683:726", "--json"], env)
    assert code == 0 and not record.exists()
    assert json.loads(screen)[0]["start"] == 683
