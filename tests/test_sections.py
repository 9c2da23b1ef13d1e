"""Narratives in one document: sections at "COUNTRY: TIER N" headings, and what is not one."""

from __future__ import annotations

from tipcli.extract.sections import narrative_sections

NARRATIVE = ("The government identified 12 victims and convicted 4 traffickers during the "
             "reporting period. It trained 300 officials and funded two shelters for adult "
             "victims, while observers reported continued gaps in labor inspections and "
             "victim identification among migrant workers in the fishing sector.\n\n")


def test_each_heading_starts_a_section_about_its_place() -> None:
    text = ("2024 TRAFFICKING IN PERSONS REPORT\n\nTIER 1: Countries whose governments fully "
            "meet the minimum standards.\n\nKOREA, SOUTH: TIER 1\n\n" + NARRATIVE
            + "CÔTE D’IVOIRE: TIER 2\n\n" + NARRATIVE + "LIBYA: SPECIAL CASE\n\n" + NARRATIVE)
    sections = narrative_sections(text)
    assert [s.place for s in sections] == [None, "South Korea", "Côte d'Ivoire", "Libya"]
    assert text[sections[1].start:].startswith("KOREA, SOUTH: TIER 1")
    assert sections[-1].end == len(text)
    assert [s.start for s in sections[1:]] == [s.end for s in sections[:-1]]


def test_one_narrative_or_a_list_of_tiers_is_no_sections() -> None:
    one = "MALAYSIA: TIER 3\n\n" + NARRATIVE * 3
    listed = ("The 2024 report rated the region as follows.\n\nMalaysia: Tier 3\n"
              "Thailand: Tier 2\nSingapore: Tier 1\n\n" + NARRATIVE)
    definitions = "TIER 1: first.\n\n" + NARRATIVE + "TIER 3: third.\n\n" + NARRATIVE
    assert narrative_sections(one) == []
    assert narrative_sections(listed) == []
    assert narrative_sections(definitions) == []
