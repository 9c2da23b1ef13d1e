"""Search over the real store: forgiving, ranked, never furniture, offsets exact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import assert_offsets


def top(cli: Any, *args: str) -> dict[str, Any]:
    run = cli("search", *args, "--json")
    assert run.code == 0, run.err
    hits = run.json()
    assert hits
    return hits[0]  # type: ignore[no-any-return]


def test_typo_query_gives_the_same_top_hit(cli: Any) -> None:
    exact = top(cli, "domestic helpers")
    typo = top(cli, "domestik helpres")
    assert (typo["doc"], typo["start"]) == (exact["doc"], exact["start"])
    assert "domestic helpers" in exact["text"].lower()


@pytest.mark.parametrize("query", ["DOMESTIC HELPERS", "Domestic Helpers"])
def test_case_does_not_matter(cli: Any, query: str) -> None:
    assert top(cli, query)["start"] == top(cli, "domestic helpers")["start"]


def test_thousands_separators_do_not_matter(cli: Any, home: Path) -> None:
    hit = top(cli, "7500")
    assert "7,500" in hit["text"]
    start, end = hit["matches"][0]
    assert_offsets(hit["doc"], start, end, "7,500", home)


def test_curly_and_straight_quotes_match(cli: Any) -> None:
    straight = top(cli, "Hong Kong's upgrade")
    curly = top(cli, "Hong Kong’s upgrade")
    assert straight["start"] == curly["start"]
    assert "upgrade" in straight["text"]


def test_quoted_phrase_matches_as_a_phrase(cli: Any) -> None:
    hits = cli("search", '"tool of stigmatisation"', "--json").json()
    assert hits and all("tool of stigmatisation" in h["text"] for h in hits)


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(a b)", "a*", "^x", "col:val", "(", "-x", "'"])
def test_fts_syntax_never_errors(cli: Any, query: str) -> None:
    run = cli("search", "--json", "--", query)
    if not any(c.isalnum() for c in query):  # no word to look for: said, as a usage error
        assert run.code == 2 and "query is empty" in run.err and run.out == ""
        return
    assert run.code in (0, 1), run.err
    assert isinstance(run.json(), list)


def test_hits_carry_exact_offsets_and_match_spans(cli: Any, home: Path) -> None:
    hits = cli("search", "screenings", "--json", "--limit", "20").json()
    assert hits
    for hit in hits:
        assert_offsets(hit["doc"], hit["start"], hit["end"], hit["text"], home)
        assert 0 <= hit["score"] <= 100
        for start, end in hit["matches"]:
            assert hit["start"] <= start < end <= hit["end"]
        assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


@pytest.mark.parametrize("query", ["Aseanplus", "jQuery", "WhatsApp channel", "HashKey",
                                   "Warton Li", "Global Network Reporter"])
def test_furniture_is_never_found(cli: Any, query: str) -> None:
    run = cli("search", query, "--json")
    texts = [h["text"] for h in run.json()]
    assert not any(query.lower() in t.lower() for t in texts)


def test_duplicate_passage_is_shown_once_with_also_in(cli: Any) -> None:
    hits = cli("search", "foreign affairs office firm opposition", "--json").json()
    same = [h for h in hits if "expressed firm opposition" in h["text"]]
    assert len(same) == 1
    assert same[0]["doc"].startswith("000_") and same[0]["also_in"] == ["001_1fc0ef9a8a95c0eb.txt"]


def test_filters(cli: Any) -> None:
    hits = cli("search", "government", "--year", "2020", "--json", "--limit", "50").json()
    assert hits and {h["report_year"] for h in hits} == {2020}
    hits = cli("search", "government", "--doc", "002_8914870225723a63.txt", "--json").json()
    assert hits and {h["doc"] for h in hits} == {"002_8914870225723a63.txt"}
    assert len(cli("search", "government", "--limit", "2", "--json").json()) == 2
    hits = cli("search", "screening", "--min-score", "95", "--json").json()
    assert hits and all(h["score"] >= 95 for h in hits)
    assert len(hits) < len(cli("search", "screening", "--json", "--limit", "50").json())


def test_nothing_found_exits_1_with_empty_array(cli: Any) -> None:
    run = cli("search", "xyzzyplugh", "--json")
    assert run.code == 1
    assert run.json() == []
    assert len(run.err.strip().splitlines()) == 1 and "no passage matches" in run.err


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_word_fast_path_matches_full_normalisation(text: str) -> None:
    from tipcli.text import WORD, normalize_word, words

    assert words(text) == [(m.start(), m.end(), normalize_word(m.group(0)))
                           for m in WORD.finditer(text)]


@pytest.mark.parametrize(("query", "words"), [("byond dobut", "beyond doubt"),
                                              ("alwyas tkaen", "always taken")])
def test_slips_that_share_no_trigram_are_still_corrected(cli: Any, query: str,
                                                         words: str) -> None:
    hits = cli("search", query, "--json").json()
    assert words in hits[0]["text"].lower()


def test_a_common_word_beats_a_rare_exact_misspelling(cli: Any, tmp_path: Path) -> None:
    """A typo some document also contains must not hide the word users mean."""
    article = tmp_path / "typos.txt"
    # One edit must be outweighed by a term a hundred times more common.
    common = "".join(f"Domestic helpers of group {n} met the labour office today.\n\n"
                     for n in range(300))
    article.write_text("Typo test\n\nThe helpres of the zebra league met once more today.\n\n"
                       + common, encoding="utf-8")
    assert cli("add", str(article)).code == 0
    from tipcli.search import correct
    from tipcli.upkeep import open_store

    variants = correct(open_store().conn, "helpres")
    assert variants[0] == "helpers" and "helpres" in variants
    hits = cli("search", "domestic helpres", "--json").json()
    assert "domestic helpers" in hits[0]["text"].lower()


def test_words_side_by_side_in_order_rank_first(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "order.txt"
    article.write_text("Order test\n\nHelpers who are domestic workers met the press.\n\n"
                       "The zebra domestic helpers union met the press.\n", encoding="utf-8")
    assert cli("add", str(article)).code == 0
    hits = cli("search", "domestic helpers", "--doc", "order.txt", "--json").json()
    assert "domestic helpers" in hits[0]["text"] and hits[0]["score"] > hits[1]["score"]


def test_unquoted_words_are_searched_together_and_corrections_are_announced(cli: Any) -> None:
    run = cli("search", "domestik", "helpres", "--limit", "3", "--json")
    assert run.code == 0
    hits = run.json()
    assert hits and {h["query"] for h in hits} == {"domestic helpers"}
    assert {h["corrected"] for h in hits} == {"domestik helpres"}
    assert run.err == ("tipcli: searching for: domestic helpers "
                       "(corrected from: domestik helpres)\n")
    exact = cli("search", "domestic", "helpers", "--limit", "3", "--json")
    assert exact.err == "" and exact.json()[0]["corrected"] is None
    phrase = cli("search", '"tool of stigmatisation"', "--json").json()
    assert phrase and phrase[0]["query"] == '"tool of stigmatisation"'


def test_bare_tipcli_prints_help_and_no_error(cli: Any) -> None:
    run = cli()
    assert run.code == 0 and "search" in run.out and "error" not in run.err


def test_debug_works_before_or_after_the_command(cli: Any) -> None:
    for args in (["--debug", "rating", "2022", "--json"], ["rating", "2022", "--debug", "--json"]):
        run = cli(*args)
        assert run.code == 0 and run.json()[0]["year"] == 2022, args


def test_year_is_an_option_on_rating_too(cli: Any) -> None:
    assert cli("rating", "--year", "2022", "--json").json() == \
        cli("rating", "2022", "--json").json()
    run = cli("rating", "2021", "--year", "2022")
    assert run.code == 2 and "disagree" in run.err


def test_a_bare_year_that_finds_no_quote_suggests_year(cli: Any) -> None:
    run = cli("quotes", "2019")
    assert run.code == 1 and "--year 2019" in run.err


def test_exact_corrects_nothing(cli: Any) -> None:
    fuzzy = cli("search", "Free", "Press", "--json")
    assert "corrected" not in fuzzy.err  # "free" is in no seed, and too short to correct
    run = cli("search", "--exact", '"Free Press"', "--json")
    assert run.code == 1 and run.json() == [] and "searching for" not in run.err
    assert "try without it" in run.err and "--min-score" not in run.err  # what would help
    assert "--min-score" in cli("search", "zzqx", "vvwk").err
    hits = cli("search", "--exact", "domestic", "helpers", "--json").json()
    assert hits and {h["corrected"] for h in hits} == {None}
    assert cli("search", "--exact", "domestik", "helpres", "--json").json() == []


# --- corrections say what was searched ------------------------------------------------
# Invented passages (one sentence of 40+ characters each, so each is one passage). The
# words the tests search are chosen to stand in no seed document, except where said.

LABOUR = [
    "Labour inspectors visited twelve migrant shelters in the northern district last spring.",
    "The agency's recruiters charged each worker deposits equal to four months of wages.",
    "Two workers said they did not feel safe reporting the agency to the labour office.",
    "Volunteers opened migrant shelters in three districts after the autumn floods.",
    "The migrant workers slept in the old shelters behind the bus depot all winter.",
    "A single migrant shelter near the harbour took in forty workers during the storm.",
    "The inspector's deck log listed every vessel that called at the eastern quay.",
    "Crew members of the fishing fleet were questioned by inspectors at the quay.",
    "The inspection of the fishing fleet found forged contracts on two vessels.",
    "Officials sheltered the rescued workers in a hotel near the airport for a week.",
    "Recruitment of the crews took place in two provinces far from the coast.",
]


def add_labour(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "labour.txt"
    path.write_text("Labour test\n\n" + "\n\n".join(LABOUR) + "\n", encoding="utf-8")
    run = cli("add", str(path))
    assert run.code == 0, run.err


def matched_words(hit: dict[str, Any]) -> set[str]:
    """The words a hit highlights, lower-cased, read from its own text."""
    return {hit["text"][start - hit["start"]:end - hit["start"]].lower()
            for start, end in hit["matches"]}


@pytest.mark.parametrize(("typed", "meant"), [
    ("shleters", "shelters"),      # two letters swapped
    ("sheltrs", "shelters"),       # one dropped
    ("sheltters", "shelters"),     # one doubled
    ("shelterz", "shelters"),      # one replaced
    ("inspektors", "inspectors"),  # one replaced, ten letters
    ("stom", "storm"),             # one dropped from five letters leaves four
])
def test_a_typo_is_corrected_announced_and_matched_as_announced(
        cli: Any, tmp_path: Path, typed: str, meant: str) -> None:
    add_labour(cli, tmp_path)
    run = cli("search", typed, "--doc", "labour.txt", "--json")
    assert run.code == 0, run.err
    assert run.err == f"tipcli: searching for: {meant} (corrected from: {typed})\n"
    hits = run.json()
    assert hits and {(h["query"], h["corrected"]) for h in hits} == {(meant, typed)}
    for hit in hits:  # the announced word, or its singular: nothing else it resembles
        assert matched_words(hit) <= {meant, meant[:-1]}, hit["text"]
        assert 80 <= hit["score"] < 90


def test_a_word_found_only_in_its_plural_is_another_form_not_a_correction(
        cli: Any, tmp_path: Path) -> None:
    add_labour(cli, tmp_path)
    run = cli("search", "deposit", "--json")  # LABOUR has only "deposits"
    assert run.code == 0 and run.err == ""
    hits = run.json()
    assert hits and {(h["query"], h["corrected"]) for h in hits} == {("deposit", None)}
    assert all(matched_words(h) == {"deposits"} and 80 <= h["score"] < 90 for h in hits)


@pytest.mark.parametrize(("typed", "neighbours"), [
    ("free", ("feel", "fees")),  # "feel" is in LABOUR, "fees" in a seed
    ("dock", ("deck",)),
])
def test_a_short_word_the_index_lacks_is_not_rewritten_into_another(
        cli: Any, tmp_path: Path, typed: str, neighbours: tuple[str, ...]) -> None:
    add_labour(cli, tmp_path)
    run = cli("search", typed, "--json")
    assert run.code == 1 and run.json() == []
    assert "searching for" not in run.err and "corrected" not in run.err
    assert all(n not in run.err for n in neighbours)


def test_two_words_one_absent_never_match_a_word_never_announced(cli: Any,
                                                                 tmp_path: Path) -> None:
    """"Free Press" once found "fees" and "progress": "free" is nowhere, so no hit has
    both words; those with "press" alone are partial matches, below 80."""
    add_labour(cli, tmp_path)
    run = cli("search", "Free", "Press", "--limit", "50", "--json")
    assert run.code == 0 and "corrected" not in run.err and "searching for" not in run.err
    hits = run.json()
    assert hits and {(h["query"], h["corrected"]) for h in hits} == {("free press", None)}
    for hit in hits:
        assert hit["score"] < 80
        assert matched_words(hit) <= {"press", "presses"}, hit["text"]
    same = cli("search", "free", "inspectors", "--doc", "labour.txt", "--min-score", "0",
               "--json").json()
    assert same and all(h["score"] < 80 for h in same)
    assert all(matched_words(h) and matched_words(h) <= {"inspectors", "inspector"} for h in same)


def test_a_word_in_the_index_is_searched_as_typed_not_as_its_neighbours(
        cli: Any, tmp_path: Path) -> None:
    """"recruiters" is indexed: it is not read as "recruitment", and a passage with only
    "recruitment" is not a hit for it."""
    add_labour(cli, tmp_path)
    run = cli("search", "recruiters", "--limit", "50", "--json")
    assert run.code == 0 and run.err == ""
    for hit in run.json():
        assert matched_words(hit) <= {"recruiters", "recruiter"}, hit["text"]


def test_corrected_hits_fall_between_words_as_typed_and_partial_matches(
        cli: Any, tmp_path: Path) -> None:
    add_labour(cli, tmp_path)

    def scored(*words: str) -> dict[str, float]:
        run = cli("search", *words, "--doc", "labour.txt", "--min-score", "0", "--json")
        assert run.code == 0, run.err
        return {h["text"]: h["score"] for h in run.json()}

    opened, slept, single = LABOUR[3], LABOUR[4], LABOUR[5]
    typed = scored("migrant", "shelters")
    assert typed[opened] == 100  # side by side, as typed
    assert 90 <= typed[slept] < 100  # as typed, apart
    assert 80 <= typed[single] < 90  # "shelter": another form
    fixed = scored("migrant", "shleters")
    assert all(80 <= s < 90 for s in fixed.values())  # never 100 through a correction
    assert fixed[opened] > fixed[slept]  # still side by side before apart
    partial = scored("migrant", "shleters", "volunteers", "quay")  # no passage has all four
    assert partial and all(s < 80 for s in partial.values())
    assert max(partial.values()) < min(fixed.values()) <= max(fixed.values()) < typed[slept]
