"""Ratings in every way writers state them, and the tier words that are no rating.

Each sentence is read as the only paragraph of an article about the 2020 report (see
tests/conftest.py: facts_in); places, years and bases are what the words say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import facts_in
from tipcli.cleaning import clean
from tipcli.documents import Document, Metadata
from tipcli.extract import context
from tipcli.extract.profile import report_year

ST, INF = "stated", "inferred"
WL = "Tier 2 Watch List"


def ratings(sentence: str) -> set[tuple[str, int | None, str, str]]:
    return {(f.jurisdiction, f.year, str(f.key), str(f.data["basis"]))
            for f in facts_in(sentence, "rating")}


@pytest.mark.parametrize("sentence, expected", [
    # spellings of the tier
    ("Hong Kong was placed on the Tier 2 Watch List.", {("Hong Kong", 2020, WL, ST)}),
    ("Fiji remained on Tier 2 (Watch List).", {("Fiji", 2020, WL, ST)}),
    ("Peru stays on the Tier 2 watch-list.", {("Peru", 2020, WL, ST)}),
    ("Chad was ranked Tier-2 Watch List.", {("Chad", 2020, WL, ST)}),
    ("Georgia was rated Tier II in the report.", {("Georgia", 2020, "Tier 2", ST)}),
    ("Tonga remains on the Tier Two Watch List.", {("Tonga", 2020, WL, ST)}),
    ("Macau was placed on Tie 2.", {("Macau", 2020, "Tier 2", ST)}),
    ("Cuba stayed in Teir 3.", {("Cuba", 2020, "Tier 3", ST)}),
    # tiers described rather than named
    ("North Korea remained in the lowest tier of the report.",
     {("North Korea", 2020, "Tier 3", ST)}),
    ("The report gave Thailand the second-lowest ranking.", {("Thailand", 2020, WL, ST)}),
    ("Eritrea sits in the worst category of the trafficking report.",
     {("Eritrea", 2020, "Tier 3", ST)}),
    ("Taiwan kept its place in the top tier of the report.", {("Taiwan", 2020, "Tier 1", ST)}),
    # machine translations
    ("Macao continues to be listed in the second level watch list of the report.",
     {("Macau", 2020, WL, ST)}),
    ("The trafficking report listed China in Level 3.", {("China", 2020, "Tier 3", ST)}),
    ("In the report Peru is in the Level 2 surveillance category.",
     {("Peru", 2020, WL, ST)}),
    ("The trafficking report rated Taiwan 第一级.", {("Taiwan", 2020, "Tier 1", ST)}),
    ("Special Case", set()),
    ("Yemen remains a Special Case in the report.", {("Yemen", 2020, "Special Case", ST)}),
    # moves: the destination is stated, the origin inferred for the report before
    ("Fiji moved from Tier 2 to the Watch List.",
     {("Fiji", 2020, WL, ST), ("Fiji", 2019, "Tier 2", INF)}),
    ("Peru slipped from Tier 2.", {("Peru", 2019, "Tier 2", INF)}),
    ("Ghana was raised to Tier 2 from the Watch List.",
     {("Ghana", 2020, "Tier 2", ST), ("Ghana", 2019, WL, INF)}),
    ("Belize graduated from the Watch List to Tier 2.",
     {("Belize", 2020, "Tier 2", ST), ("Belize", 2019, WL, INF)}),
    ("Kuwait was downgraded one tier to Tier 3.",
     {("Kuwait", 2020, "Tier 3", ST), ("Kuwait", 2019, WL, INF)}),
    ("Thailand is off the bottom tier of the report.", {("Thailand", 2019, "Tier 3", INF)}),
    # durations and ranges
    ("Vietnam stayed on the Watch List for the third consecutive year.",
     {("Vietnam", 2020, WL, ST), ("Vietnam", 2019, WL, INF),
      ("Vietnam", 2018, WL, INF)}),
    ("Laos remained on Tier 3 for a second straight year.",
     {("Laos", 2020, "Tier 3", ST), ("Laos", 2019, "Tier 3", INF)}),
    ("Hong Kong has been on the Watch List since 2017.",
     {("Hong Kong", y, WL, ST) for y in range(2017, 2021)}),
    ("Fiji was on the Watch List from 2012 to 2014.",
     {("Fiji", y, WL, ST) for y in (2012, 2013, 2014)}),
    ("Sudan had been on the Watch List for two years before being downgraded to Tier 3.",
     {("Sudan", 2020, "Tier 3", ST), ("Sudan", 2019, WL, INF),
      ("Sudan", 2018, WL, INF)}),
    ("Hong Kong was upgraded to Tier 2 after three years on the Watch List.",
     {("Hong Kong", 2020, "Tier 2", ST)} | {("Hong Kong", y, WL, INF)
                                            for y in (2017, 2018, 2019)}),
    # several places in one sentence
    ("Fiji and Peru were placed on Tier 2, while Chad stayed on Tier 3.",
     {("Fiji", 2020, "Tier 2", ST), ("Peru", 2020, "Tier 2", ST), ("Chad", 2020, "Tier 3", ST)}),
    ("The report kept Cuba in Tier 3 and Iran, Syria and Eritrea in the Tier 2 Watch List.",
     {("Cuba", 2020, "Tier 3", ST), ("Iran", 2020, WL, ST),
      ("Syria", 2020, WL, ST), ("Eritrea", 2020, WL, ST)}),
    ("Malaysia joins Burma and North Korea on Tier 3.",
     {("Malaysia", 2020, "Tier 3", ST), ("Burma", 2020, "Tier 3", ST),
      ("North Korea", 2020, "Tier 3", ST)}),
    ("Malaysia was placed on Tier 3, alongside Burma and Iran.",
     {("Malaysia", 2020, "Tier 3", ST), ("Burma", 2020, "Tier 3", ST),
      ("Iran", 2020, "Tier 3", ST)}),
    ("Hong Kong stayed on the Watch List. In contrast, the report kept the Philippines on Tier 1.",
     {("Hong Kong", 2020, WL, ST), ("Philippines", 2020, "Tier 1", ST)}),
    ("The Government considers the rating of Hong Kong at Tier 2 (Watch List) unfair.",
     {("Hong Kong", 2020, WL, ST)}),
    ("Mexico, the country of origin for many victims identified in Georgia, stayed on Tier 2.",
     {("Mexico", 2020, "Tier 2", ST)}),
    ("In the report Honduras remained in the category 2.", {("Honduras", 2020, "Tier 2", ST)}),
    ("In the report Nicaragua was kept in the category 2 under observation.",
     {("Nicaragua", 2020, WL, ST)}),
    ("Moldova was placed in the report's lowest category.", {("Moldova", 2020, "Tier 3", ST)}),
    ("Turkmenistan languished at the bottom of the rankings.",
     {("Turkmenistan", 2020, "Tier 3", ST)}),
    ("South Sudan sank to the bottom rung of the report.", {("South Sudan", 2020, "Tier 3", ST)}),
    ("Nepal shares its Tier 2 grade with India.",
     {("Nepal", 2020, "Tier 2", ST), ("India", 2020, "Tier 2", ST)}),
    ("Hong Kong is assessed apart from mainland China, which stayed on Tier 3.",
     {("China", 2020, "Tier 3", ST)}),
    ("Solomon Islands, which had sat on the Watch List since the 2017 edition, was upgraded to "
     "Tier 2.", {("Solomon Islands", y, WL, ST) for y in (2017, 2018, 2019)}
     | {("Solomon Islands", 2020, "Tier 2", ST)}),
    ("South Sudan, at war since 2013, remained on Tier 3.", {("South Sudan", 2020, "Tier 3", ST)}),
    ("The report kept Belarus in Tier 3. This is the second year in a row that it did so.",
     {("Belarus", 2020, "Tier 3", ST), ("Belarus", 2019, "Tier 3", INF)}),
    # which report
    ("In the 2018 report, Malaysia was on the Watch List.", {("Malaysia", 2018, WL, ST)}),
    ("The 17th annual report placed Chad on Tier 3.", {("Chad", 2017, "Tier 3", ST)}),
    ("Last year's report put Peru on Tier 1.", {("Peru", 2019, "Tier 1", ST)}),
    # one of a class: the place the article follows is rated
    ("Chad, a Tier 3 country, signed the protocol.", {("Chad", 2020, "Tier 3", ST)}),
    ("Belarus is a Tier 3 country.", {("Belarus", 2020, "Tier 3", ST)}),
])
def test_forms(sentence: str, expected: set[tuple[str, int | None, str, str]]) -> None:
    assert ratings(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # scales and definitions
    "Countries are ranked from Tier 1, the best, to Tier 3, the worst.",
    "Each country is given Tier 1, Tier 2, Tier 2 Watch List or Tier 3.",
    "Tier 2 countries do not fully meet the minimum standards of the report.",
    "Tier 1 – Countries whose governments fully meet the minimum standards.",
    # one of a class, named far from any place
    "The President may instruct the U.S. Executive Director of each development bank to deny "
    "loans to a designated Tier 3 country.",
    "Kenya's courts heard appeals from traffickers convicted in any Tier 3 country.",
    # hypotheticals, rules and aims
    "Malaysia escaped an automatic downgrade to Tier 3.",
    "Thailand could fall to Tier 3 next year.",
    "Cambodia avoided a slide to Tier 3.",
    "Vietnam aims to reach Tier 1 next year.",
    "Fiji could have been in Tier 1 but for the absence of any conviction.",
    "The Dominican Republic will return to Tier 2.",
    "Malaysia was not downgraded to Tier 3.",
    "Officials hope Peru reaches Tier 1 in the next report.",
    # other tier systems
    "Singapore uses a two-tiered screening system under the trafficking report's advice.",
    "Screening is the first tier of the identification mechanism in Hong Kong.",
    # a tier with no place, or an unknown one
    "The report said the Watch List keeps growing.",
    "Southeast Asia was placed on Tier 2.",
])
def test_not_ratings(sentence: str) -> None:
    assert ratings(sentence) == set()


def test_lists_separated_by_bars_under_their_tier() -> None:
    text = ("Tier placements\n\nThe 2011 report places each country on a tier.\n\nTIER 1\n"
            "Canada | Colombia | United States\n\nSPECIAL CASE\nHaiti\n\n"
            "Print | Share | Email this page\n")
    doc = Document("bars.txt", text, Metadata(), "added", Path("bars.txt"))
    from tipcli.extract.ratings import RatingExtractor

    found = {(f.jurisdiction, f.year, str(f.key))
             for f in RatingExtractor().extract(context(doc, clean(text)))}
    assert found == {("Canada", 2011, "Tier 1"), ("Colombia", 2011, "Tier 1"),
                     ("United States", 2011, "Tier 1"), ("Haiti", 2011, "Special Case")}


def test_a_narrative_heading_and_a_list_under_tier_headings() -> None:
    text = ("Tier placements\n\nThe 2022 report places each country on a tier.\n\n"
            "MALAYSIA: TIER 3\n\nTier 2 Watch List\n- Thailand\n- Vietnam\n\n"
            "Tier 1: Argentina, Korea, South, Chile\n")
    doc = Document("list.txt", text, Metadata(), "added", Path("list.txt"))
    ctx = context(doc, clean(text))
    from tipcli.extract.ratings import RatingExtractor

    found = {(f.jurisdiction, f.year, str(f.key)) for f in RatingExtractor().extract(ctx)}
    assert found == {("Malaysia", 2022, "Tier 3"), ("Thailand", 2022, "Tier 2 Watch List"),
                     ("Vietnam", 2022, "Tier 2 Watch List"), ("Argentina", 2022, "Tier 1"),
                     ("South Korea", 2022, "Tier 1"), ("Chile", 2022, "Tier 1")}


def _year(body: str, published: str | None = None, title: str | None = None,
          url: str | None = None) -> tuple[int | None, str]:
    doc = Document("d.txt", body, Metadata(title=title, published=published, url=url),
                   "added", Path("d.txt"))
    ctx = context(doc, clean(doc.text))
    year, how, _ = report_year(doc, ctx.sentences, title)
    return year, how


@pytest.mark.parametrize("body, published, title, url, expected", [
    ("Headline\n\nThe 2019 Trafficking in Persons Report kept Fiji on Tier 2.\n", None, None,
     None, (2019, "explicit")),
    ("Headline\n\nThe 17th annual report was released.\n", None, None, None, (2017, "ordinal")),
    ("Headline\n\nThe report, released on Thursday, kept Fiji on Tier 2.\n", "2021-03-05",
     None, None, (2021, "released_on")),
    ("Headline\n\nThe report kept Fiji on Tier 2.\n", "2021-03-05", None, None,
     (2020, "date_only")),  # dated January to May: the year before's report
    ("Headline\n\nThe report kept Fiji on Tier 2.\n", "2021-07-05", None, None,
     (2021, "date_only")),
    ("Headline\n\nLast year's report kept Fiji on Tier 2.\n", "2021-08-01", None, None,
     (2020, "relative_text")),
    ("Headline\n\nThe report kept Fiji on Tier 2.\n", None, None,
     "https://example.org/reports/2020-trafficking-in-persons-report-fiji/", (2020, "title_url")),
    ("Headline\n\nIn 2023 the government identified 12 victims.\n", None, None, None,
     (None, "none")),  # a reporting period is no report year
    ("Headline\n\nThe report, released on Monday, says Fiji has been on the Watch List since "
     "the 2020 edition.\n", "2024-06-26", None, None, (2024, "released_on")),
    ("Headline\n\nThe report kept Fiji on Tier 2.\n", None, None,
     "https://2009-2017.state.gov/j/tip/rls/tiprpt/countries/2014/226771.htm",
     (2014, "title_url")),
])
def test_which_report(body: str, published: str | None, title: str | None, url: str | None,
                      expected: tuple[int | None, str]) -> None:
    assert _year(body, published, title, url) == expected


def test_no_year_at_all_is_never_guessed() -> None:
    text = "Headline\n\nThe report kept Fiji on Tier 2.\n"
    doc = Document("d.txt", text, Metadata(), "added", Path("d.txt"))
    ctx = context(doc, clean(text))
    from tipcli.extract.ratings import RatingExtractor

    assert [(f.jurisdiction, f.year) for f in RatingExtractor().extract(ctx)] == [("Fiji", None)]
