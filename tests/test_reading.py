"""Compact answers: one row per fact with its sources by name and its best evidence, every
piece on request (-v), one matrix for several places, and a readable view at every width."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tipcli.docids import readable_part
from tipcli.errors import UsageProblem
from tipcli.facts.inputs import resolve_jurisdictions
from tipcli.upkeep import open_store

WIDTHS = [60, 80, 100, 200]
SPAN = re.compile(r"\[(\d+):(\d+)\]")


def spans(text: str) -> set[tuple[int, int]]:
    return {(int(a), int(b)) for a, b in SPAN.findall(text)}


def test_seed_ratings_fit_in_forty_lines_at_100_columns_with_the_chart(cli: Any) -> None:
    verdicts = cli("rating", "--json").json()
    run = cli("rating", env={"COLUMNS": "100"})
    assert run.code == 0 and len(verdicts) > 1
    lines = run.out.splitlines()
    assert len(lines) <= 40, run.out
    assert "tier by report year" in run.out and "Tier 1 " in run.out  # the ladder
    for r in verdicts:
        assert str(r["year"]) in run.out and r["tier"] in run.out
        best = r["evidence"][0]
        assert (best["start"], best["end"]) in spans(run.out)  # the best evidence, where
    # one piece of evidence per row: the offsets printed are the verdicts' first ones
    assert spans(run.out) == {(r["evidence"][0]["start"], r["evidence"][0]["end"])
                              for r in verdicts}


def test_sources_are_named_by_outlet_and_date_and_documents_by_short_id(cli: Any) -> None:
    verdict = cli("rating", "2022", "--json").json()[0]
    best = verdict["evidence"][0]
    run = cli("rating", "2022", env={"COLUMNS": "120"})
    flat = " ".join(" ".join(line.strip("│ ").split()) for line in run.out.splitlines())
    assert f"{verdict['sources']} source" in flat
    assert best["outlet"].split(" (")[0] in flat and best["published"] in flat
    short = best["doc"].split("_")[0]
    assert f"{short} [{best['start']}:{best['end']}]" in run.out
    assert best["doc"] not in run.out  # the hashed id is cut to its readable part


def test_evidence_flag_shows_every_piece(cli: Any) -> None:
    verdicts = cli("rating", "--json").json()
    every = {(e["start"], e["end"]) for r in verdicts for e in r["evidence"]}
    compact = cli("rating", env={"COLUMNS": "120"}).out
    full = cli("rating", "-v", env={"COLUMNS": "120"}).out
    assert every - spans(compact), "the compact view should leave some evidence out"
    assert spans(full) >= every
    assert "(-v shows all)" in compact and "(-v shows all)" not in full


def test_sources_a_stated_tier_is_only_inferred_from_are_counted_apart(cli: Any) -> None:
    """"1 source" counts the sources stating a stated tier; those that only imply it are
    named as such, never as "+1 more source"."""
    verdict = cli("rating", "2022", "--json").json()[0]
    stating = {e["doc"] for e in verdict["evidence"] if e["basis"] == "stated"}
    implying = {e["doc"] for e in verdict["evidence"] if e["basis"] == "inferred"} - stating
    assert verdict["basis"] == "stated" and verdict["sources"] == 1 and implying
    out = " ".join(cli("rating", "2022", env={"COLUMNS": "120"}).out.split())
    assert "+1 source that infers it" in out.replace("│", "").replace("  ", " ")
    assert "more source" not in out


def test_a_figure_stated_by_several_documents_is_one_row(cli: Any) -> None:
    figures = cli("stats", "--metric", "funding", "--json").json()
    stated = [f for f in figures if f["value"] == 62]
    docs = {f["evidence"][0]["doc"] for f in stated}
    assert len(stated) >= 2 and len(docs) >= 2  # the seeds state it twice
    run = cli("stats", "--metric", "funding", env={"COLUMNS": "120"})
    assert run.out.count("HKD 62 million") == 1
    assert f"{len(docs)} sources" in run.out


def test_several_places_draw_one_matrix(cli: Any) -> None:
    verdicts = cli("rating", "-j", "Hong Kong,Macau,China", "--json").json()
    places = {r["jurisdiction"] for r in verdicts}
    assert places == {"Hong Kong", "Macau", "China"}
    repeated = cli("rating", "-j", "Hong Kong", "-j", "macao", "-j", "China", "--json").json()
    assert repeated == verdicts
    run = cli("rating", "-j", "Hong Kong,Macau,China", env={"COLUMNS": "100"})
    assert run.out.count("tier by report year") == 1
    matrix = run.out[run.out.index("tier by report year"):].splitlines()
    for r in verdicts:
        row = next(line for line in matrix if line.strip().startswith(r["jurisdiction"]))
        code = {"Tier 1": "T1", "Tier 2": "T2", "Tier 2 Watch List": "WL", "Tier 3": "T3",
                "Special Case": "SC"}[r["tier"]]
        assert code in row
    assert "inferred" in matrix[-1] or "inferred" in " ".join(matrix[-2:])  # the legend


@pytest.mark.parametrize("width", WIDTHS)
def test_the_matrix_legend_never_breaks_an_entry(cli: Any, width: int) -> None:
    from tipcli.render.ratings import MATRIX_LEGEND

    out = cli("rating", "-j", "Hong Kong,Macau,China", env={"COLUMNS": str(width)}).out
    lines = out.splitlines()
    for entry in MATRIX_LEGEND:
        assert any(entry in line for line in lines), (width, entry)
    assert max(map(len, lines)) <= width


def test_a_comma_is_split_only_when_the_whole_is_not_one_place(cli: Any) -> None:
    cli("sources")  # builds the store
    store = open_store()
    assert resolve_jurisdictions(store, ["Korea, South"]) == ["South Korea"]
    assert resolve_jurisdictions(store, ["Hong Kong,Macau, China"]) == [
        "Hong Kong", "Macau", "China"]
    assert resolve_jurisdictions(store, ["Hong Kong", "all"]) is None
    with pytest.raises(UsageProblem):
        resolve_jurisdictions(store, ["Hong Kong,Atlantis"])


# A word as a reader sees it: document ids ("000_9de49e92cb8ba1bd.txt", "b-wire-2019.txt")
# and hyphenated words are one.
WORD = re.compile(r"\w(?:[\w.\-]*\w)?")


def _words_of(args: tuple[str, ...], record: dict[str, Any]) -> set[str]:
    """The words of a record that its view must print whole, each on one line."""
    if "short_id" in record:  # sources and show print the short id; sources the id too
        ids = [record["short_id"]] + ([record["doc"]] if args[0] == "sources" else [])
    elif "hits" in record or "best_score" in record:  # search --count, -l: whole ids
        ids = [record["doc"]]
    elif "doc" in record and "score" in record:  # search: the readable part
        ids = [readable_part(record["doc"])]
    else:
        ids = []
    named = [str(record.get(k) or "") for k in ("speaker", "jurisdiction", "metric")]
    named += record.get("labels") or []
    if args[0] == "sources":
        named.append(record.get("title") or "")
    return set(ids) | {w for text in named for w in WORD.findall(text)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [
    ("rating",), ("rating", "-j", "Hong Kong,Macau,China"), ("stats",), ("quotes",),
    ("search", "domestic", "helpers"), ("sources",), ("stats", "--list-metrics"),
    ("rating", "-v"), ("search", "domestic", "helpers", "--count"),
    ("search", "stigmatisation", "-l"), ("show", "002", "--at", "683:726"),
    ("stats", "--metric", "screenings"),  # figures and their trend
])
def test_every_view_reads_at_every_width(cli: Any, width: int, args: tuple[str, ...]) -> None:
    """Nothing runs past the width, no column is crushed to nothing, and no word of the
    content (a document id, a short id, a label, a name) is split across lines or cut."""
    records = cli(*args, "--json").json()
    run = cli(*args, env={"COLUMNS": str(width)})
    assert run.code == 0 and records
    lines = run.out.splitlines()
    assert lines and max(len(line) for line in lines) <= width
    assert "┃┃" not in run.out and "││" not in run.out  # no zero-width column
    assert "……" not in run.out
    printed = {w for line in lines for w in WORD.findall(line)}
    for record in records:
        missing = _words_of(args, record) - printed
        assert not missing, (missing, run.out)
    if args[0] == "stats" and "--list-metrics" not in args:
        assert "trends (like for like" in run.out


def _shown(figure: dict[str, Any]) -> tuple[Any, ...]:
    """What a reader sees of a figure in its row: two figures alike in this are alike."""
    return (figure["metric"], figure["period"], figure["value"], figure["unit"],
            figure["qualifier"], figure["jurisdiction"], " ".join(figure["label"].split()),
            figure["part_of"] is not None)


@pytest.mark.parametrize("args", [("-m", "prosecutions"), ()])
def test_every_figure_is_a_row_and_two_of_one_document_are_never_one(
        cli: Any, args: tuple[str, ...]) -> None:
    """Folding joins the same figure from different documents; two figures one document
    states ("3 … overcharging, 3 … unlicensed operations") are two rows."""
    figures = cli("stats", *args, "--json").json()
    compact = cli("stats", *args, env={"COLUMNS": "120"}).out
    shown = spans(compact)
    assert len(SPAN.findall(compact)) == len(shown)  # each span once
    by_span = {(f["evidence"][0]["start"], f["evidence"][0]["end"]): f for f in figures}
    # Each group of alike figures has at least as many rows as one document states of it.
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for f in figures:
        groups.setdefault(_shown(f), []).append(f)
    for key, alike in groups.items():
        rows = [s for s in shown if s in by_span and _shown(by_span[s]) == key]
        per_doc = max(sum(f["evidence"][0]["doc"] == d["evidence"][0]["doc"] for f in alike)
                      for d in alike)
        assert len(rows) >= per_doc, (key, rows, [f["id"] for f in alike])
    if args:  # prosecutions: one document, so every figure is its own row
        assert shown == set(by_span), "a figure is missing from the table"
    # -v: every piece of evidence once, and no row holds two pieces of one document.
    full = cli("stats", *args, "-v", env={"COLUMNS": "120"}).out
    every = [(e["start"], e["end"]) for f in figures for e in f["evidence"]]
    assert sorted(SPAN.findall(full)) == sorted((str(a), str(b)) for a, b in every)
    for row in re.split(r"\n[├└].*", full):
        docs = re.findall(r"(\S+) \[\d+:\d+\]", row)
        assert len(docs) == len(set(docs)), row


@pytest.mark.parametrize("width", WIDTHS)
def test_trends_name_their_sources_and_stack_when_narrow(cli: Any, width: int) -> None:
    """A trend's values name who states them as every table does (outlet, date, short id),
    never by the hashed id, and below the width where the values column would be crushed the
    trends become one block per series."""
    run = cli("stats", env={"COLUMNS": str(width)})
    trend = run.out[run.out.index("trends (like for like"):]
    lines = trend.splitlines()
    assert max(len(line) for line in lines) <= width
    assert not re.search(r"_[0-9a-f]{8,}", trend), "a hashed document id"
    one_line = [" ".join(line.split()) for line in lines]
    for named in ("2019: 7,500 (Hong Kong government 2020-06-26 · 003)",
                  "2020: 6,900 (Global Times 2021-07-02 · 004)",
                  "2020: 3 (Global Times 2021-07-02 · 004)"):
        assert any(named in line for line in one_line), (named, trend)
    assert ("values (sources)" in trend) == (width >= 100)  # the table, else the blocks


@pytest.mark.parametrize("width", WIDTHS)
def test_the_metrics_list_stacks_when_narrow(cli: Any, width: int) -> None:
    """stats --list-metrics: a table where its labels have room, else one block per metric
    whose labels read as a line of text (they were one word a line at 60 columns)."""
    metrics = cli("stats", "--list-metrics", "--json").json()
    out = cli("stats", "--list-metrics", env={"COLUMNS": str(width)}).out
    assert max(len(line) for line in out.splitlines()) <= width
    assert ("┃" in out) == (width >= 100)
    if width < 100:
        text = " ".join(out.split())
        for m in metrics:
            assert f"{m['metric']} · {m['figures']} figure" in text
            assert "; ".join(m["labels"]) in text, m


def test_evidence_flag_prints_a_passage_versions_share_once(cli: Any) -> None:
    """The seeds' SCMP article and its syndicated copy state the 2022 inference in the same
    sentence: -v prints it once and names both places."""
    verdict = cli("rating", "2022", "--json").json()[0]
    copies = [e for e in verdict["evidence"] if "watchlist" in e["text"]]
    assert len({e["doc"] for e in copies}) == 2
    out = cli("rating", "2022", "-v", env={"COLUMNS": "200"}).out
    assert out.count("placed on a watchlist") == 1
    assert {(e["start"], e["end"]) for e in copies} <= spans(out)


def test_sources_name_a_duplicate_by_its_short_id(cli: Any) -> None:
    sources = cli("sources", "--json").json()
    [copy] = [s for s in sources if s["duplicate_of"]]
    short = next(s["short_id"] for s in sources if s["doc"] == copy["duplicate_of"])
    for width in WIDTHS:
        out = " ".join(cli("sources", env={"COLUMNS": str(width)}).out.split())
        assert f"duplicate of {short}" in out, width
        assert f"duplicate of {copy['duplicate_of']}" not in out, width
