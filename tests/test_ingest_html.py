"""Web pages in: the article's text and the page's metadata, on saved pages of many styles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, assert_offsets
from tipcli.errors import UsageProblem
from tipcli.ingest.html import page_text

PAGES = FIXTURES / "html"
GOLD: dict[str, dict[str, Any]] = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
ARTICLES = [name for name, gold in GOLD.items() if not gold.get("no_text")]
EMPTY = [name for name, gold in GOLD.items() if gold.get("no_text")]


def test_the_gold_covers_articles_and_empty_pages() -> None:
    assert len(ARTICLES) >= 5 and len(EMPTY) >= 2


@pytest.mark.parametrize("name", ARTICLES)
def test_article_text_and_metadata_as_a_reader_takes_them(name: str) -> None:
    gold = GOLD[name]
    text, meta = page_text((PAGES / name).read_text(encoding="utf-8"), name)
    found = {key: getattr(meta, key) for key in ("title", "published", "outlet", "url", "author")}
    assert found == {key: gold[key] for key in found}
    assert gold["must_contain"] and gold["must_not_contain"]
    assert [p for p in gold["must_contain"] if p not in text] == []
    assert [p for p in gold["must_not_contain"] if p in text] == []  # menus, banners, scripts
    assert "&rsquo;" not in text and "&amp;" not in text and "<" not in text  # entities decoded


@pytest.mark.parametrize("name", EMPTY)
def test_a_page_without_article_text_is_refused_with_the_reason(name: str) -> None:
    with pytest.raises(UsageProblem) as caught:
        page_text((PAGES / name).read_text(encoding="utf-8"), name)
    assert "no article text" in caught.value.message
    assert ("paywall" if "paywall" in name else "scripts") in caught.value.message


def test_add_a_saved_page_stores_its_text_metadata_and_original(cli: Any, home: Path) -> None:
    page = PAGES / "news-fiji-2024.html"
    run = cli("add", str(page), "--json")
    assert run.code == 0, run.err
    assert run.json()[0]["action"] == "added" and run.json()[0]["doc"] == page.name
    source = next(s for s in cli("sources", "--json").json() if s["doc"] == page.name)
    gold = GOLD[page.name]
    assert {k: source[k] for k in ("title", "outlet", "published", "url", "author")} == \
        {k: gold[k] for k in ("title", "outlet", "published", "url", "author")}
    assert source["input"] == "file" and source["pages"] is None
    assert source["report_year"] == 2024
    stored = (home / "documents" / page.name).read_text(encoding="utf-8")
    assert "<" not in stored and gold["must_contain"][0] in stored
    assert (home / "originals" / page.name).read_bytes() == page.read_bytes()
    # Offsets count in the extracted text: a search hit's words are there.
    hit = cli("search", "Fiji", "--json").json()[0]
    assert_offsets(hit["doc"], hit["start"], hit["end"], hit["text"], home)


def test_options_win_over_the_pages_own_metadata(cli: Any) -> None:
    page = PAGES / "wire-thailand-2023.html"
    assert cli("add", str(page), "--outlet", "My Clippings", "--published", "2023-06-17").code == 0
    source = next(s for s in cli("sources", "--json").json() if s["doc"] == page.name)
    assert source["outlet"] == "My Clippings" and source["published"] == "2023-06-17"
    assert source["author"] == GOLD[page.name]["author"]  # the rest still comes from the page


def test_facts_from_a_page_carry_offsets_into_its_text(cli: Any, home: Path) -> None:
    assert cli("add", str(PAGES / "state-narrative-kenya-2021.html")).code == 0
    ratings = cli("rating", "2021", "-j", "Kenya", "--json").json()
    assert ratings and ratings[0]["tier"] == "Tier 2"
    gold = GOLD["state-narrative-kenya-2021.html"]
    for evidence in ratings[0]["evidence"]:
        assert_offsets(evidence["doc"], evidence["start"], evidence["end"], evidence["text"], home)
        assert evidence["page"] is None
        # The evidence names its source as a reader cites it.
        assert (evidence["outlet"], evidence["published"], evidence["url"], evidence["title"]) \
            == (gold["outlet"], gold["published"], gold["url"], gold["title"])


def test_a_named_page_without_text_refuses_the_add(cli: Any, home: Path) -> None:
    run = cli("add", str(PAGES / "paywall.html"))
    assert run.code == 2 and len(run.err.splitlines()) == 1 and "paywall" in run.err
    assert not (home / "documents").exists() or not any((home / "documents").iterdir())


def test_a_short_brief_that_mentions_a_subscription_is_no_paywall() -> None:
    html = ("<html><head><title>Brief</title></head><body><article><p>Thailand stayed on "
            "Tier 2 in the 2023 report. Workers in Bangkok said brokers charged them a "
            "monthly subscription for housing, and officials said they would continue "
            "reading every complaint filed by the migrant workers.</p><p>The labour ministry "
            "said it inspected 120 fishing boats in March.</p></article></body></html>")
    text, _ = page_text(html, "brief.html")
    assert "monthly subscription" in text


def test_an_upper_case_suffix_is_stored_listed_and_removable(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "FIJI.HTML"
    page.write_bytes((PAGES / "news-fiji-2024.html").read_bytes())
    assert cli("add", str(page)).code == 0
    assert "FIJI.HTML" in {s["doc"] for s in cli("sources", "--json").json()}
    assert cli("remove", "FIJI.HTML").code == 0
    assert "FIJI.HTML" not in {s["doc"] for s in cli("sources", "--json").json()}
