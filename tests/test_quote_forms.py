"""Quotes: each way writers attribute words, resolved to one speaker entity, in many genres."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def quotes_in(text: str, *, title: str = "Test headline", kind: str | None = None
              ) -> list[Any]:
    from tipcli.cleaning import clean
    from tipcli.documents import Document, Metadata
    from tipcli.extract import extract_all

    body = f"{title}\n\n{text}\n"
    meta = Metadata(title=title, published="2023-06-16", report_year=2023, kind=kind)
    return [f for f in extract_all(Document("t.txt", body, meta, "added", Path("t.txt")),
                                   clean(body)) if f.kind == "quote"]


def speakers(text: str, **kw: Any) -> list[tuple[str, str]]:
    return [(q.key, str(q.data["speaker_kind"])) for q in quotes_in(text, **kw)]


FORMS = [
    # the report and the US government
    ('The report reads: "The government does not fully meet the minimum standards."',
     [("TIP Report", "report")]),
    ('The report notes that police "did not proactively identify victims among migrants".',
     [("TIP Report", "report")]),
    ('Officers "rarely screened foreign workers for indicators," according to the report.',
     [("TIP Report", "report")]),
    ('According to the 2023 report, Ghana "made key achievements during the reporting period".',
     [("TIP Report", "report")]),
    ('The State Department said Kenya "demonstrated overall increasing efforts" this year.',
     [("US State Department", "report")]),
    ('"We stand with survivors everywhere in the region," the U.S. Embassy in Nairobi said.',
     [("US Embassy in Kenya", "report")]),
    # governments, however the text names them
    ('"We firmly reject the groundless accusations in the report," the Thai government said.',
     [("Thailand government", "government")]),
    ('A government spokesperson said the rating "ignores our real and sustained efforts".',
     [("Kenya government", "government")]),
    # bodies, and spokespeople for them
    ('"We will keep inspecting every fishing vessel in port," a spokesman for the Fisheries '
     'Agency said.', [("Fisheries Agency", "government")]),
    ('The Ministry of Labour said it would "expand inspections of recruitment agencies".',
     [("Ministry of Labour", "government")]),
    # people: name with title, surname later, pronouns, appositions
    ('Secretary of State Antony Blinken said: "No country is immune from human trafficking." '
     '"Every government has more to do," Blinken added.',
     [("Antony Blinken", "official"), ("Antony Blinken", "official")]),
    ('"Children are still working in the mines every single day," said Grace Mwangi, a lawyer '
     'with a legal aid clinic in Nairobi.', [("Grace Mwangi", "other")]),
    # nested attribution: the speaker, not the outlet
    ('"The downgrade is a warning and not a punishment," Deputy Minister Selim Karaca told CNN.',
     [("Selim Karaca", "official")]),
    ('CNN quoted Ayşe Demir, an Istanbul lawyer, as saying: "Nobody asks the children a single '
     'question."', [("Ayşe Demir", "other")]),
    ('"The report is fair about what it found this year," said Jordan Whitfield, an analyst, '
     'according to Reuters.', [("Jordan Whitfield", "other")]),
]


FORMS += [
    # guillemets (machine translations), "in the report's words", acronyms of bodies
    ("The spokesman of the Office of the Attorney General said: «We have dismantled networks "
     "that sent women abroad for years.»", [("Office of the Attorney General", "government")]),
    ('In the report\'s words, the government had "made meaningful progress in ending forced '
     'labour".', [("TIP Report", "report")]),
    ("The Interinstitutional Commission against Trafficking (CICESCT) met on Monday. In a "
     'communiqué, the CICESCT indicated that "the category is the fruit of coordinated work".',
     [("Interinstitutional Commission against Trafficking", "government")]),
    # a spokesman named with his body in the sentence before
    ("Ministry of Foreign Affairs spokesman Hua answered questions on the 20th. The spokesman "
     'said: "China resolutely strikes at trafficking crime everywhere."',
     [("Ministry of Foreign Affairs", "government")]),
    # titles in lower case or abbreviated before the name
    ('"She did not call herself a victim at all," executive director Karen Whitfield-Moss told '
     "WTOC.", [("Karen Whitfield-Moss", "other")]),
    ('CNN quoted Thai government spokesman Col. Wirote Chaiyaporn as saying: "This shows the '
     'world that Thailand is serious."', [("Wirote Chaiyaporn", "official")]),
    # "he" is the person named last, not the one quoted before
    ('"We need more shelters in every single county," said Ana Ruiz, a lawyer. Legislator '
     'Vincent Lau disagreed. "Our goal should be Tier 1, nothing less," he said.',
     [("Ana Ruiz", "other"), ("Vincent Lau", "official")]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[f[0][:50] for f in FORMS])
def test_forms_of_attribution(text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(text, title="Kenya responds to the report") == expected


def test_a_mission_in_a_capital_is_to_the_country() -> None:
    got = speakers('"We stand with survivors everywhere in the region," the U.S. Embassy in '
                   'Manila said.', title="Philippines keeps its Tier 1 rating")
    assert got == [("US Embassy in Philippines", "report")]


def test_government_names_in_a_document_about_one_place() -> None:
    text = ('The city government said the report "contains sweeping and unfounded allegations". '
            '"We strongly disagree with the report\'s unfounded criticism of our work," the HKSAR '
            'Government said. A government spokesperson said the rating "ignores the facts".')
    got = quotes_in(text, title="Hong Kong rejects US trafficking report")
    assert [q.key for q in got] == ["Hong Kong government"] * 3
    assert [q.data["speaker_as_written"] for q in got] == [
        "The city government", "the HKSAR Government", "A government spokesperson"]


def test_pull_quote_takes_the_speaker_line() -> None:
    text = ('"Being at the top of a ranking is not the same as being finished."\n'
            "— Associate Professor Nadia Rahman, NUS Faculty of Law\n\n"
            'Prof Rahman said more was needed. "Singapore should not treat a good grade as a '
            'certificate of completion," she said.')
    got = quotes_in(text, title="Singapore stays in Tier 1")
    assert [(q.key, q.data["speaker_kind"]) for q in got] == [("Nadia Rahman", "other")] * 2
    assert got[0].data["speaker_title"].startswith("Associate Professor")


def test_body_named_short_after_its_full_name() -> None:
    text = ("The Human Trafficking Deterrent Measures Concern Committee met on Monday. "
            'The Concern Committee said it "will continue to strengthen cooperation with the '
            'police".')
    [quote] = quotes_in(text, title="Macao responds")
    assert quote.key == "Human Trafficking Deterrent Measures Concern Committee"


@pytest.mark.parametrize("text", [
    'Critics called the plan "a fig leaf for inaction" on Monday.',
    'Analysts said the rating was "a warning shot, not a punishment".',
    '"This is a scandal," and then the meeting ended abruptly without a vote.',
    'The ministry launched its "Safe Return" scheme for workers abroad.',
    'The plan was dubbed a "road map" by some and a "wish list" by others.',
    'The report criticized the so-called "re-education through labor" system.',
    'The report also welcomed the city\'s new "victim identification mechanism".',
    '"Nobody knows how many workers are trapped there," he said.',
])
def test_no_quote_without_a_speaker(text: str) -> None:
    assert quotes_in(text) == []


def test_speakers_are_names_never_fragments() -> None:
    """Across the whole corpus, every speaker is a name: no function word or fragment."""
    from benchmarks.accuracy import is_garbage, load, read
    from tests.conftest import ROOT
    from tipcli.cleaning import clean

    seen = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.txt")):
        doc, _ = load(path)
        _, facts = read(doc, clean(doc.text))
        seen += [str(f.key) for f in facts if f.kind == "quote"]
    assert len(seen) >= 80
    assert [s for s in seen if is_garbage(s)] == []
