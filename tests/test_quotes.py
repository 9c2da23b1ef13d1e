"""Quotes: gold from the seeds, speakers, titles and scare quotes, and the quotes command."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT, assert_offsets, facts_in
from tipcli.cleaning import clean
from tipcli.documents import Document, Metadata, load_seed, load_seed_catalogue, seed_files
from tipcli.extract import extract_all

GOLD = json.loads((ROOT / "tests" / "gold" / "quotes.json").read_text(encoding="utf-8"))


def seed_quotes() -> list[tuple[str, str, str, str, str]]:
    catalogue = load_seed_catalogue()
    out = []
    for path in seed_files():
        doc = load_seed(path, catalogue)
        for fact in extract_all(doc, clean(doc.text)):
            if fact.kind == "quote":
                out.append((doc.doc[:3], fact.key, fact.data["speaker_kind"], fact.data["form"],
                            fact.data["text"]))
    return out


def test_seed_quotes_match_gold() -> None:
    found = seed_quotes()
    gold = [tuple(g) for g in GOLD["quotes"]]
    assert gold and found
    matched: Counter[tuple[str, ...]] = Counter()
    for g in gold:
        hits = [f for f in found if f[:4] == g[:4] and f[4].startswith(g[4])]
        assert hits, f"missed {g}"
        matched[hits[0]] += 1
    # Each gold line names a quote of its own: two gold lines never share one quote.
    assert [f for f, n in matched.items() if n > 1] == []
    extra = [f for f in found if not any(f[:4] == g[:4] and f[4].startswith(g[4]) for g in gold)]
    assert extra == [], "false positives"


def test_quote_evidence_is_exact(cli: Any, home: Path) -> None:
    quotes = cli("quotes", "--json").json()
    assert quotes
    for q in quotes:
        for ev in q["evidence"]:
            assert_offsets(ev["doc"], ev["start"], ev["end"], ev["text"], home)
        assert " ".join(" ".join(e["text"].split()) for e in q["evidence"][:1]) in q["text"] or \
            q["text"] in " ".join(" ".join(e["text"].split()) for e in q["evidence"])


def test_versions_of_one_article_are_merged(cli: Any) -> None:
    quotes = cli("quotes", "We urge the US", "--json").json()
    assert len(quotes) == 1
    assert {e["doc"] for e in quotes[0]["evidence"]} == {"000_9de49e92cb8ba1bd.txt",
                                                         "001_1fc0ef9a8a95c0eb.txt"}
    assert quotes[0]["doc"] == "000_9de49e92cb8ba1bd.txt"


def test_speaker_filter_is_forgiving(cli: Any) -> None:
    quotes = cli("quotes", "--speaker", "foreign affairs office", "--json").json()
    assert quotes and all("foreign affairs office" in q["speaker"] for q in quotes)
    reported = cli("quotes", "--speaker", "US report", "--json").json()
    assert reported and all(q["speaker_kind"] == "report" for q in reported)
    assert cli("quotes", "--speaker", "nobody-at-all-zz").code == 1


def test_statements_only(cli: Any) -> None:
    quotes = cli("quotes", "--statements", "--json").json()
    assert quotes and all(q["form"] == "statement" for q in quotes)
    assert not any(q["text"] == "tool of stigmatisation" for q in quotes)


@pytest.mark.parametrize("sentence", [
    'The government formulated the "Action Plan to Combat Trafficking in Human Beings".',
    "Police arrested a woman nicknamed “Queen of Temple Street” in February.",
    "The law was cited along with “increased restrictions to freedom of expression”.",
])
def test_titles_and_unattributed_phrases_are_not_quotes(sentence: str) -> None:
    assert facts_in(sentence, "quote") == []


def test_quote_across_paragraphs_and_hostile_nesting() -> None:
    text = ("Headline here\n\nLabour Minister Ana Ruiz opened the session on Monday.\n\n"
            "“The first paragraph of a long statement goes on for a while,\n\n"
            "“and the second paragraph ends it here,” the minister said.\n\n"
            'He said: "one "two "three "four five six seven eight nine ten\n')
    doc = Document("t.txt", text, Metadata(report_year=2020), "added", Path("t.txt"))
    quotes = [f for f in extract_all(doc, clean(text)) if f.kind == "quote"]
    assert quotes[0].key == "Ana Ruiz" and len(quotes[0].spans) == 2
    assert quotes[0].data["speaker_title"] == "Labour Minister"
    assert quotes[0].data["speaker_as_written"] == "the minister"
    for fact in quotes:
        for start, end in fact.spans:
            assert 0 <= start < end <= len(text)


def test_fixture_press_release(cli: Any) -> None:
    cli("add", str(FIXTURES))
    quotes = cli("quotes", "--speaker", "Security Bureau", "--json").json()
    assert quotes and quotes[0]["year"] == 2014 and quotes[0]["speaker_kind"] == "government"


def test_speaker_matches_the_whole_entity_by_any_of_its_names(cli: Any) -> None:
    by_entity = cli("quotes", "--speaker", "hong kong government", "--json").json()
    assert {q["speaker"] for q in by_entity} == {"Hong Kong government"}
    written = {(q["speaker_as_written"] or "").lower() for q in by_entity}
    assert {"the city government", "the government"} <= written
    # Any one of the words that attribute it finds the entity, all of its quotes.
    by_alias = cli("quotes", "--speaker", "city government", "--json").json()
    assert [q["id"] for q in by_alias] == [q["id"] for q in by_entity]
    assert cli("quotes", "--speaker", "it").code == 1  # no entity is called "it"


@pytest.mark.parametrize("words", ["and", "of", "the", "of the", "And", "for", "he", "in"])
def test_words_that_name_no_one_find_no_speaker(cli: Any, tmp_path: Path, words: str) -> None:
    """Titles hold "and", "of", "the", "for": such words alone name no one, so they find
    nothing, with a hint that says why; the title itself still finds its holder."""
    release = tmp_path / "release.txt"
    release.write_text(
        "Ministry rejects ranking\n\nThe Minister of Labour and Social Welfare of the "
        "Republic, Maria Santos, said: \"The report ignores the work of our inspectors "
        "in the fishing fleet and in the factories.\" He said nothing else.\n",
        encoding="utf-8")
    assert cli("add", str(release), "--report-year", "2021").code == 0
    found = cli("quotes", "--speaker", "labour and social welfare", "--json").json()
    assert [q["speaker"] for q in found] == ["Maria Santos"]
    assert f" {words.lower()} " in f" {found[0]['speaker_title'].lower()} " or words in (
        "he", "in", "for")  # the title holds the word, or the text does
    run = cli("quotes", "--speaker", words)
    assert run.code == 1 and run.out == ""
    assert "names no one" in run.err and len(run.err.splitlines()) == 1


def test_the_same_words_from_two_speakers_stay_two_quotes(cli: Any, tmp_path: Path) -> None:
    """Folding is for one statement reported twice; two people using the same words are two
    quotes, each with its own speaker and evidence."""
    for name, who in (("a.txt", "Labour Minister Ana Ruiz"), ("b.txt", "Police Chief Tomas Berg")):
        (tmp_path / name).write_text(
            f"Officials respond\n\n{who} said: \"We reject the findings of this report "
            f"entirely and will say so in Washington.\"\n", encoding="utf-8")
        assert cli("add", str(tmp_path / name), "--report-year", "2020").code == 0
    found = cli("quotes", "reject the findings", "--json").json()
    assert sorted(q["speaker"] for q in found) == ["Ana Ruiz", "Tomas Berg"]
    for quote in found:
        shown = cli("show", quote["id"], "--json").json()
        assert {x["doc"] for x in shown} == {quote["doc"]}  # not the other speaker's words
