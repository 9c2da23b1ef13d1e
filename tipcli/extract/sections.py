"""Country narratives in one document: the annual report splits at "MALAYSIA: TIER 3" headings."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from tipcli.extract.places import resolve_name

# A narrative's heading is a line of its own: the place, a colon, its tier.
_HEADING = re.compile(
    r"^[ \t]*(?P<name>[^\W\d_][^\n:]{1,60}?)[ \t]*:[ \t]*(?:TIER|Tier)[ \t]+(?:1|2|3|ONE|TWO|"
    r"THREE|I{1,3})(?:[ \t]+(?:WATCH[ \t]+LIST|Watch[ \t]+List))?[ \t]*$"
    r"|^[ \t]*(?P<special>[^\W\d_][^\n:]{1,60}?)[ \t]*:[ \t]*(?:SPECIAL[ \t]+CASE|Special[ \t]+"
    r"Case)[ \t]*$", re.MULTILINE)


# A narrative runs to paragraphs; "Malaysia: Tier 3" lines one under another are a list.
_NARRATIVE_CHARS = 300


class Section(NamedTuple):
    start: int
    end: int
    place: str | None  # None for what comes before the first narrative


def narrative_sections(text: str) -> list[Section]:
    """The document cut at each narrative heading, when it holds the narratives of two or
    more places (the annual report, a regional excerpt); else no sections. Text after
    the last narrative stays with it, as in the report.

    A heading whose name is no jurisdiction ("TIER 1: Countries whose governments…" in the
    introduction, which defines the tiers) starts no section.
    """
    starts: list[tuple[int, str]] = []
    for match in _HEADING.finditer(text):
        name = match.group("name") or match.group("special")
        place = resolve_name(" ".join(name.split()))
        if place is not None:
            starts.append((match.start(), place))
    # Headings a few lines apart are a list of tiers, not narratives: only a heading with
    # a narrative's length of text after it starts a section (a very short narrative
    # stays with the one before it; its heading still states its tier).
    starts = [(a, place) for (a, place), (b, _) in pairwise([*starts, (len(text), "")])
              if b - a >= _NARRATIVE_CHARS]
    if len({place for _, place in starts}) < 2:
        return []
    sections = [Section(0, starts[0][0], None)] if starts[0][0] > 0 else []
    for (start, place), following in zip(starts, [*starts[1:], (len(text), "")], strict=True):
        sections.append(Section(start, following[0], place))
    return sections
