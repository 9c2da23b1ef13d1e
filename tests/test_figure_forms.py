"""Figures: each way writers state a count, an amount or a period, in many places and genres."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, facts_in


def figures_in(text: str, *, title: str = "Test headline", published: str | None = None,
               kind: str | None = None, report_year: int | None = 2020) -> list[Any]:
    """The figures of a short document, as the extractors read it."""
    from tipcli.cleaning import clean
    from tipcli.documents import Document, Metadata
    from tipcli.extract import extract_all

    body = f"{title}\n\n{text}\n"
    meta = Metadata(title=title, published=published, report_year=report_year, kind=kind)
    return [f for f in extract_all(Document("t.txt", body, meta, "added", Path("t.txt")),
                                   clean(body)) if f.kind == "figure"]


def rows(text: str, **kw: Any) -> list[tuple[Any, ...]]:
    return [(f.data["value"], f.data["unit"], f.key, f.data["period"]) for f in
            figures_in(text, **kw)]


# (sentence, [(value, unit, metric, period)]): every figure the sentence states, no more.
FORMS = [
    # what is counted, and the verb that counts it
    ("Courts convicted 12 traffickers in 2021.", [(12, None, "convictions", "2021")]),
    ("In 2021 prosecutors charged 30 suspects and courts convicted 12 of them.",
     [(30, None, "prosecutions", "2021"), (12, None, "convictions", "2021")]),
    ("Police in Nairobi arrested 17 suspected traffickers in 2019.",
     [(17, None, "arrests", "2019")]),
    ("Labour inspectors carried out 3,412 inspections of fishing vessels in 2022.",
     [(3412, None, "inspections", "2022")]),
    ("In 2018 the ministry trained 240 police officers and prosecutors.",
     [(240, None, "officials_trained", "2018")]),
    ("In 2017 authorities conducted 41 raids on brothels and karaoke bars.",
     [(41, None, "raids", "2017")]),
    ("In 2020 the hotline received 1,020 calls.", [(1020, None, "hotline_calls", "2020")]),
    ("The government ran 14 shelters for victims in 2019.", [(14, None, "shelters", "2019")]),
    ("In 2023 the agency referred 88 victims to shelters.",
     [(88, None, "victims_assisted", "2023")]),
    ("In 2019, more than 7,500 initial human trafficking victim screenings were conducted.",
     [(7500, None, "victim_screenings", "2019")]),
    # numbers as written
    ("Officers carried out around 9 800 screenings in 2021.",
     [(9800, None, "victim_screenings", "2021")]),
    ("Officers carried out around 9\u202f800 screenings in 2021.",
     [(9800, None, "victim_screenings", "2021")]),
    ("In 2022 the border service screened 1.2 million travellers for trafficking indicators.",
     [(1_200_000, None, "victim_screenings", "2022")]),
    ("The agency screened 11.3 thousand migrants in 2023.",
     [(11_300, None, "victim_screenings", "2023")]),
    ("In 2016 the police identified nearly 200 victims.",
     [(200, None, "victims_identified", "2016")]),
    ("In 2020 police identified twenty-one victims.",
     [(21, None, "victims_identified", "2020")]),
    # money, and one figure for an amount and its conversion
    ("In 2021 the government allocated HK$50 million (US$6.4 million) to victim services.",
     [(50, "HKD million", "funding", "2021")]),
    ("In 2020 the ministry allocated 50 million Hong Kong dollars to the action plan.",
     [(50, "HKD million", "funding", "2020")]),
    ("Macau's government spent MOP 4 million on shelters in 2019.",
     [(4, "MOP million", "funding", "2019")]),
    ("Macau's government spent 4 million patacas on shelters in 2019.",
     [(4, "MOP million", "funding", "2019")]),
    ("Taiwan budgeted NT$120 million for victim care in 2018.",
     [(120, "TWD million", "funding", "2018")]),
    ("Thailand allocated 300 million baht to the anti-trafficking fund in 2022.",
     [(300, "THB million", "funding", "2022")]),
    ("In 2021, Malaysia allocated RM5 million for shelter operations.",
     [(5, "MYR million", "funding", "2021")]),
    ("Workers in Hong Kong paid recruitment fees of up to HK$20,000.",
     [(20000, "HKD", "recruitment_fees", None)]),
    # shares and ratios
    ("One in six workers interviewed in Qatar in 2019 showed signs of forced labour.",
     [(16.67, "%", "other", "2019")]),
    ("In 2016 Philippine courts recorded a three-fold increase in convictions.",
     [(3, "x", "convictions", "2016")]),
    # parts of a total
    ("In 2019 police identified 54 victims; of these, five were minors.",
     [(54, None, "victims_identified", "2019"), (5, None, "victims_identified", "2019")]),
    # comparisons: the compared number gets its own period
    ("In 2017 the government identified 24 victims, compared with 19 in 2016.",
     [(24, None, "victims_identified", "2017"), (19, None, "victims_identified", "2016")]),
    ("Nepal reported 24 convictions in 2019 (19 in 2018).",
     [(24, None, "convictions", "2019"), (19, None, "convictions", "2018")]),
    ("In 2020 the government identified 120 victims, up from 98 the year before.",
     [(120, None, "victims_identified", "2020"), (98, None, "victims_identified", "2019")]),
    ("Ghana identified 40 victims in 2016, a decrease from 52 in 2015.",
     [(40, None, "victims_identified", "2016"), (52, None, "victims_identified", "2015")]),
    ("In 2015, the government investigated 485 cases, compared with 394 in 2014, and "
     "initiated prosecutions against 572 defendants.",
     [(485, None, "investigations", "2015"), (394, None, "investigations", "2014"),
      (572, None, "prosecutions", "2015")]),
    # financial years
    ("Since the 2019-20 financial year the government has funded 98 new posts.",
     [(98, None, "new_posts", "2019-20")]),
    ("The 2023/24 budget set aside HK$62 million for the action plan.",
     [(62, "HKD million", "funding", "2023-24")]),
    # kinds in brackets, parts counted by their own verb, ages
    ("Police investigated 17 cases in 2018 (eight sex trafficking and nine labor trafficking).",
     [(17, None, "investigations", "2018"), (8, None, "investigations", "2018"),
      (9, None, "investigations", "2018")]),
    ("In 2015 prosecutors charged 40 suspects; of these, five were convicted.",
     [(40, None, "prosecutions", "2015"), (5, None, "convictions", "2015")]),
    ("Children as young as 15 have been exploited in bars.", []),
    # periods from a survey's year and "early 2025"
    ("A 2019 survey by an NGO found that one in six workers showed signs of forced labour.",
     [(16.67, "%", "other", "2019")]),
    ("In a survey conducted in early 2025, one in five workers said agents held their passports.",
     [(20, "%", "other", "2025")]),
    # fees paid to recruiters; currencies named by sign or with their country's adjective
    ("Workers still pay agents more than NPR 150,000 for a job in the Gulf.",
     [(150000, "NPR", "recruitment_fees", None)]),
    ("In 2016 the ministry set aside KSh 20 million for the victims' assistance fund.",
     [(20, "KES million", "funding", "2016")]),
    ("In 2019 the government allocated 2.3 million Belarusian rubles to anti-trafficking work.",
     [(2.3, "BYN million", "funding", "2019")]),
    # verbs that count victims assisted, officials trained; registering workers is no case
    ("In 2015 NGOs provided services to 476 victims.", [(476, None, "victims_assisted", "2015")]),
    ("In 2023 over 5,200 frontline officers received specialised training.",
     [(5200, None, "officials_trained", "2023")]),
    ("In 2015 the government registered nearly 1.6 million migrant workers.",
     [(1_600_000, None, "other", "2015")]),
    # a period carried to the next sentence of its paragraph
    ("In 2019, more than 7,500 screenings were conducted. Only three people were identified "
     "as victims.",
     [(7500, None, "victim_screenings", "2019"), (3, None, "victims_identified", "2019")]),
]


@pytest.mark.parametrize(("sentence", "expected"), FORMS, ids=[f[0][:50] for f in FORMS])
def test_forms_of_figures(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rows(sentence) == expected


# Numbers that count nothing of the domain: no figure at all.
NOT_FIGURES = [
    "3 things to know about the new report",
    "The city keeps one country, two systems, officials said.",
    "The Hang Seng index fell 250 points on Friday.",
    "The farm covers 400 hectares near the border.",
    "Hong Kong was placed on Tier 2 Watch list again.",
    "Offenders face up to 10 years' imprisonment under Law 6/2008.",
    "Workers described 17-hour days and no rest days.",
    "Dozens of victims and tens of thousands of migrants were affected.",
    "The ministry opened the centre at 10:30 on 4 May 2021.",
    "Call 1955 to report abuse.",
    "The plan covers 2021-2025 and sets 34 measures.",
    "The shares rose 5% on Monday.",
    "The country ranked 3rd in the region.",
    "He said two things matter most.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_what_is_not_a_figure(sentence: str) -> None:
    assert rows(sentence) == []


def test_reporting_periods_in_a_narrative() -> None:
    narrative = ("The government increased law enforcement efforts. During the reporting period, "
                 "the government investigated 18 cases, compared with nine in the previous "
                 "reporting period. Courts convicted six traffickers.")
    got = rows(narrative, title="Chad - 2017 Trafficking in Persons Report", report_year=2017,
               kind="report")
    assert got == [(18, None, "investigations", "2016"), (9, None, "investigations", "2015"),
                   (6, None, "convictions", "2016")]


def test_report_level_counts_take_the_report_year() -> None:
    got = rows("The report rated 177 countries; it upgraded 21 countries and downgraded 18, and "
               "placed 13 of them on Tier 3.", title="The 2010 TIP Report: who moved",
               report_year=2010)
    assert got == [(177, None, "jurisdictions_rated", "2010"), (21, None, "upgrades", "2010"),
                   (18, None, "downgrades", "2010"), (13, None, "jurisdictions_rated", "2010")]


def test_last_year_is_read_from_the_date() -> None:
    got = rows("Police said 31 victims were identified last year.", published="2023-06-16")
    assert got == [(31, None, "victims_identified", "2022")]


def test_conversion_is_one_figure_with_its_conversion() -> None:
    [fig] = figures_in("In 2021 the government allocated HK$50 million (US$6.4 million) to "
                       "victim services.")
    assert fig.data["converted"] == [{"value": 6.4, "unit": "USD million"}]


def test_victims_of_another_crime_or_abroad_are_not_victims_identified() -> None:
    metrics = {f.key for f in figures_in(
        "The government said 31 city residents were identified last year as victims of "
        "employment fraud in Southeast Asian countries. Police rescued 12 residents from scam "
        "compounds in Cambodia.")}
    assert metrics == {"other"}


def test_report_level_counts_have_no_place() -> None:
    [fig] = figures_in("The 2023 report rated 188 countries and territories.",
                       title="Hong Kong stays on Tier 2")
    assert (fig.key, fig.jurisdiction) == ("jurisdictions_rated", None)


def test_one_place_documents_never_leave_a_figure_without_a_place() -> None:
    figs = figures_in("Police arrested 17 suspects in 2019. Courts convicted 12 traffickers.",
                      title="Kenya: police step up anti-trafficking raids")
    assert [f.jurisdiction for f in figs] == ["Kenya", "Kenya"]


def test_part_sentence_is_a_figure_only_with_its_noun() -> None:
    assert facts_in("Officials said 2 were found.", "figure") == []


def test_every_metric_is_in_the_closed_table() -> None:
    """Across the whole corpus, every figure's metric is a row of lexicon/metrics.py."""
    from benchmarks.accuracy import load, read
    from tipcli.cleaning import clean
    from tipcli.lexicon.metrics import BY_NAME

    seen: set[str] = set()
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.txt")):
        doc, _ = load(path)
        _, facts = read(doc, clean(doc.text))
        seen |= {f.key for f in facts if f.kind == "figure"}
    assert len(seen) >= 10 and seen <= set(BY_NAME), seen - set(BY_NAME)
