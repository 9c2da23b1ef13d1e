"""Search that says what it did: scores in documented bands, context (-C), --count and --files.

Every expectation is read from the fixture text these tests write, or from the score bands
the documentation gives, never from a run of the program.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assert_offsets


def add(cli: Any, tmp_path: Path, name: str, lines: list[str], *options: str) -> str:
    """Add a document whose paragraphs are lines (each a sentence of 40+ characters, so
    each is one passage); return its text."""
    text = "\n\n".join(lines) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = cli("add", str(path), *options)
    assert run.code == 0, run.err
    return text


def scores(cli: Any, *args: str) -> dict[str, float]:
    """Passage text -> score, for every hit of a search."""
    run = cli("search", *args, "--min-score", "0", "--limit", "50", "--json")
    assert run.code == 0, run.err
    return {hit["text"]: hit["score"] for hit in run.json()}


# --- scores -----------------------------------------------------------------------------

AS_TYPED = "The zebra league hired domestic helpers for the whole winter season."
APART = "Helpers of the zebra league said they were domestic workers all winter."
OTHER_FORM = "The zebra league thanked a domestic helper for her long winter service."
PARTIAL = "The zebra league hired domestic gardeners for the whole summer season."


def test_scores_fall_in_the_documented_bands(cli: Any, tmp_path: Path) -> None:
    """100: every word as typed, side by side in order; 90-99: as typed, apart; 80-89:
    some word only in another spelling; below 80: only some of the words."""
    add(cli, tmp_path, "bands.txt", ["Band test", AS_TYPED, APART, OTHER_FORM, PARTIAL])
    typed = scores(cli, "domestic", "helpers", "--doc", "bands.txt")
    assert typed[AS_TYPED] == 100
    assert 90 <= typed[APART] < 100
    assert 80 <= typed[OTHER_FORM] < 90  # "helpers" matched "helper": another form
    assert PARTIAL not in typed  # a passage with every word exists, so none with some
    # No passage has all three words: search falls back to those with some.
    partial = scores(cli, "domestic", "gardeners", "helpers", "--doc", "bands.txt")
    assert partial and all(score < 80 for score in partial.values())
    assert max(partial.values()) < typed[OTHER_FORM] < typed[APART] < typed[AS_TYPED]
    # A corrected typo is another spelling too ("domestic" for "domestik").
    fixed = scores(cli, "domestik", "helpers", "--doc", "bands.txt")
    assert all(80 <= score < 90 for score in fixed.values()) and AS_TYPED in fixed


def test_a_hit_found_only_through_a_correction_never_scores_100(cli: Any,
                                                                 tmp_path: Path) -> None:
    add(cli, tmp_path, "bands.txt", ["Band test", AS_TYPED, OTHER_FORM])
    fuzzy = cli("search", "domestik", "helpres", "--limit", "50", "--json").json()
    assert fuzzy and {h["corrected"] for h in fuzzy} == {"domestik helpres"}
    assert all(80 <= h["score"] < 90 for h in fuzzy), [h["score"] for h in fuzzy]
    exact = cli("search", "domestic", "helpers", "--limit", "50", "--json").json()
    with_phrase = [h for h in exact if "domestic helpers" in h["text"].lower()]
    assert with_phrase and all(h["score"] == 100 for h in with_phrase)
    assert max(h["score"] for h in exact) > max(h["score"] for h in fuzzy)


def test_a_plural_is_another_spelling_not_the_word_as_typed(cli: Any) -> None:
    hits = cli("search", "screening", "--limit", "50", "--json").json()
    as_typed = [h for h in hits if re.search(r"\bscreening\b", h["text"], re.I)]
    plural_only = [h for h in hits if h not in as_typed]
    assert as_typed and plural_only
    assert {h["score"] for h in as_typed} == {100}
    assert all(80 <= h["score"] < 90 for h in plural_only)
    assert len(cli("search", "screening", "--min-score", "90", "--limit", "50",
                   "--json").json()) == len(as_typed)


# --- context ----------------------------------------------------------------------------

SENTENCES = [
    "The first sentence tells of the harbour where the old ferries wait.",
    "The second sentence tells of the market that opens before sunrise.",
    "The third sentence tells of a numbat seen near the city hall steps.",
    "The fourth sentence tells of the tram line that climbs the hill slowly.",
    "The fifth sentence tells of the library that stays open until late.",
]


def passage(text: str, sentence: str) -> dict[str, Any]:
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def test_context_gives_the_passages_around_each_hit(cli: Any, home: Path,
                                                    tmp_path: Path) -> None:
    text = add(cli, tmp_path, "context.txt", ["Context test", *SENTENCES])
    plain = cli("search", "numbat", "--json").json()
    assert [(h["before"], h["after"]) for h in plain] == [([], [])]  # none without -C
    hit = cli("search", "numbat", "-C", "1", "--json").json()[0]
    assert hit["text"] == SENTENCES[2]
    assert hit["before"] == [passage(text, SENTENCES[1])]
    assert hit["after"] == [passage(text, SENTENCES[3])]
    hit = cli("search", "numbat", "--context", "2", "--json").json()[0]
    assert hit["before"] == [passage(text, s) for s in SENTENCES[:2]]
    assert hit["after"] == [passage(text, s) for s in SENTENCES[3:]]
    for piece in hit["before"] + hit["after"]:
        assert_offsets("context.txt", piece["start"], piece["end"], piece["text"], home)
    last = cli("search", "library", "late", "-C", "3", "--doc", "context.txt", "--json").json()
    assert last[0]["text"] == SENTENCES[4]
    assert last[0]["before"] == [passage(text, s) for s in SENTENCES[1:4]]
    assert last[0]["after"] == []  # the document ends there


def test_context_in_the_table_is_dimmed_around_the_hit(cli: Any, tmp_path: Path) -> None:
    add(cli, tmp_path, "context.txt", ["Context test", *SENTENCES])
    wide = {"COLUMNS": "400"}
    bare = cli("search", "numbat", env=wide).out
    assert SENTENCES[2][:40] in bare and SENTENCES[1][:40] not in bare
    table = cli("search", "numbat", "-C", "1", env=wide).out
    lines = table.splitlines()
    at = {s: next(i for i, line in enumerate(lines) if s[:40] in line) for s in SENTENCES[1:4]}
    assert at[SENTENCES[1]] < at[SENTENCES[2]] < at[SENTENCES[3]]  # before, hit, after
    assert SENTENCES[0][:40] not in table and SENTENCES[4][:40] not in table
    colour = cli("search", "numbat", "-C", "1", env={**wide, "FORCE_COLOR": "1"}).out
    dim = re.compile(r"\x1b\[2m([^\x1b]*)")
    dimmed = " ".join(dim.findall(colour))
    assert SENTENCES[1][:40] in dimmed and SENTENCES[3][:40] in dimmed
    assert "numbat" not in dimmed


@pytest.mark.parametrize("width", ["60", "200"])
def test_a_hit_is_printed_once_though_it_is_context_of_another(cli: Any, tmp_path: Path,
                                                                 width: str) -> None:
    """Two neighbouring sentences both hit: each is printed as a hit, and named (not
    printed again) as the other's context; JSON keeps each hit's context whole."""
    text = add(cli, tmp_path, "context.txt", ["Context test", *SENTENCES])
    hits = cli("search", "market", "numbat", "-C", "1", "--json").json()
    both = [h for h in hits if h["text"] in (SENTENCES[1], SENTENCES[2])]
    assert len(both) == 2
    assert passage(text, SENTENCES[2]) in [p for h in both for p in h["after"]]  # JSON whole
    out = " ".join(cli("search", "market", "numbat", "-C", "1", env={"COLUMNS": width}).out
                   .replace("│", " ").split())
    for sentence in SENTENCES[1:3]:
        assert out.count(sentence[:30]) == 1, (width, sentence)
    assert "a hit shown apart" in out


def test_negative_context_is_a_usage_error(cli: Any) -> None:
    run = cli("search", "screening", "-C", "-1")
    assert run.code == 2 and run.out == "" and "--context" in run.err
    assert len(run.err.splitlines()) == 1


# --- --count and --files ----------------------------------------------------------------

# Twelve passages with the word (more than the default --limit of 10), three without.
MANY = [f"Ranger team {n} counted one numbat beside the eastern fence line today."
        for n in range(12)] + [
    f"Ranger team {n} counted the kangaroos beside the western fence line today."
    for n in range(3)]
# One passage with the word as typed, one with its plural only.
FEW = ["A lone numbat crossed the gravel road near the old mill this morning.",
       "Two numbats were later found sleeping in a hollow log by the river."]
# Only the plural: found through another spelling, never as typed.
PLURAL = ["Several numbats were photographed by the volunteers at the reserve gate."]


def expected_hits(lines: list[str], word: str) -> int:
    return sum(bool(re.search(rf"\b{word}s?\b", line, re.I)) for line in lines)


@pytest.fixture
def counted(cli: Any, tmp_path: Path) -> dict[str, list[str]]:
    docs = {"many.txt": MANY, "few.txt": FEW, "plural.txt": PLURAL}
    years = {"many.txt": "2024", "few.txt": "2019", "plural.txt": "2019"}
    for name, lines in docs.items():
        add(cli, tmp_path, name, ["Count test", *lines], "--report-year", years[name])
    return docs


def count(cli: Any, *args: str) -> dict[str, int]:
    run = cli("search", *args, "--count", "--json")
    assert run.code in (0, 1), run.err
    return {row["doc"]: row["hits"] for row in run.json()}


def test_count_counts_every_match_per_document(cli: Any, counted: dict[str, list[str]],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {name: expected_hits(lines, "numbat") for name, lines in counted.items()}
    assert expected == {"many.txt": 12, "few.txt": 2, "plural.txt": 1}
    assert count(cli, "numbat") == expected  # 12: not cut at --limit's 10
    with monkeypatch.context() as patch:  # nor at the passages search re-ranks
        patch.setattr("tipcli.search.CANDIDATES", 5)
        assert len(cli("search", "numbat", "--json").json()) == 5
        assert count(cli, "numbat") == expected
    rows = cli("search", "numbat", "--count", "--json").json()
    assert [r["doc"] for r in rows] == ["many.txt", "few.txt", "plural.txt"]  # most first
    assert rows[0]["report_year"] == 2024 and rows[0]["title"]
    # --doc, --year, --min-score and --exact narrow the count as they narrow hits.
    assert count(cli, "numbat", "--doc", "few.txt") == {"few.txt": expected["few.txt"]}
    assert count(cli, "numbat", "--year", "2019") == {
        n: expected[n] for n in ("few.txt", "plural.txt")}
    as_typed = {name: sum("numbat " in line for line in lines)
                for name, lines in counted.items()}
    assert count(cli, "numbat", "--min-score", "90") == {n: c for n, c in as_typed.items() if c}
    assert count(cli, "numbta") == expected  # the typo is corrected
    assert count(cli, "numbta", "--exact") == {}


def test_a_documents_count_is_what_search_finds_in_it(cli: Any) -> None:
    rows = cli("search", "domestic helpers", "--count", "--json").json()
    assert len(rows) >= 3
    for row in rows:
        hits = cli("search", "domestic helpers", "--doc", row["doc"], "--limit", "300",
                   "--json").json()
        assert row["hits"] == len(hits)
        assert row["best_score"] == max(h["score"] for h in hits)


def test_files_lists_each_matching_document_once_best_first(
        cli: Any, counted: dict[str, list[str]]) -> None:
    with_typed = sorted(n for n, lines in counted.items() if any("numbat " in s for s in lines))
    plural_only = sorted(set(counted) - set(with_typed))
    run = cli("search", "numbat", "-l")
    assert run.code == 0
    assert run.out.splitlines() == with_typed + plural_only  # best score first, then id
    rows = cli("search", "numbat", "--files", "--json").json()
    assert [r["doc"] for r in rows] == with_typed + plural_only
    assert [r["best_score"] for r in rows[:len(with_typed)]] == [100] * len(with_typed)
    assert all(80 <= r["best_score"] < 90 for r in rows[len(with_typed):])
    assert cli("search", "numbat", "-l", "--year", "2024").out == "many.txt\n"


def test_count_and_files_together_are_a_usage_error(cli: Any) -> None:
    run = cli("search", "numbat", "--count", "--files")
    assert run.code == 2 and run.out == ""
    assert len(run.err.splitlines()) == 1 and "--count" in run.err and "--files" in run.err


def test_nothing_to_count_exits_1(cli: Any) -> None:
    for flag in ("--count", "--files"):
        run = cli("search", "xyzzyplugh", flag, "--json")
        assert run.code == 1 and run.json() == [] and "no passage matches" in run.err


def test_files_prints_each_id_whole_at_any_width(cli: Any, tmp_path: Path) -> None:
    name = "a-document-name-much-longer-than-the-twenty-columns-of-this-terminal.txt"
    add(cli, tmp_path, name, ["Width test", FEW[0]])
    run = cli("search", "numbat", "-l", env={"COLUMNS": "20"})
    assert run.code == 0 and run.out == name + "\n"
