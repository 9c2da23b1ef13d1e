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
    assert "corrected from: free press" in fuzzy.err  # what the default search did is said
    run = cli("search", "--exact", '"Free Press"', "--json")
    assert run.code == 1 and run.json() == [] and "searching for" not in run.err
    assert "try without it" in run.err and "--min-score" not in run.err  # what would help
    assert "--min-score" in cli("search", "zzqx", "vvwk").err
    hits = cli("search", "--exact", "domestic", "helpers", "--json").json()
    assert hits and {h["corrected"] for h in hits} == {None}
    assert cli("search", "--exact", "domestik", "helpres", "--json").json() == []
