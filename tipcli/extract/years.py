"""Which TIP Report words speak of, and which period a figure counts."""

from __future__ import annotations

import re
from typing import NamedTuple

from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.numbers import ORDINAL_WORDS, ORDINALS
from tipcli.lexicon.reports import REPORT_NAME as _REPORT

# "the 2019 report", "TIP Report 2018", "2020 Trafficking in Persons Report", "2019's report".
_EXPLICIT = re.compile(
    rf"\b(?P<y1>20\d\d)\s*[\"“]?\s*(?:U\.?S\.?\s+)?(?:annual\s+)?{_REPORT}"
    rf"|{_REPORT}\s*(?:\(\s*TIP\s*\)\s*)?(?:\(\s*)?(?:for\s+|of\s+)?(?P<y2>20\d\d)\b(?![-–/]\d)"
    r"|\b(?:the|its|this)\s+(?P<y3>20\d\d)\s+(?:annual\s+)?(?:U\.?S\.?\s+)?(?:report|edition|"
    r"rankings?|assessment)\b"
    r"|\b(?P<y4>20\d\d)['’]s\s+(?:annual\s+)?report\b",
    re.IGNORECASE,
)
# "the 17th annual report", "the third annual Trafficking in Persons Report", "the 20th TIP
# Report"; not "the first edition to rate …" (the first to do something).
_ORDINAL = re.compile(
    rf"\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORDS})\s+(?:annual\s+(?:U\.?S\.?\s+)?"
    r"(?:(?:Trafficking|TIP)\b|report\b|edition\b)|(?:U\.?S\.?\s+)?(?:Trafficking\s+in\s+"
    r"Persons|TIP)\s+Report\b)",
    re.IGNORECASE,
)
# "this year's report", "last year's report", "the latest report", "the previous report".
_RELATIVE = re.compile(
    r"\b(?P<which>this|last|next|previous|the\s+latest|the\s+most\s+recent|the\s+newest|"
    r"the\s+new|the\s+current|the\s+previous|the\s+prior)\s+(?:year['’]s\s+)?(?:annual\s+)?"
    r"(?:U\.?S\.?\s+)?(?:TIP\s+|Trafficking\s+in\s+Persons\s+|trafficking\s+|human\s+trafficking\s+)?"
    r"(?:report|edition|rankings?)\b",
    re.IGNORECASE,
)
# "released on Thursday", "released yesterday", "published on June 27": the report
# the document speaks of came out at about its date.
_RELATIVE_WORDS = ("this", "last", "next", "previous", "latest", "recent", "newest", "new ",
                   "current", "prior")
RELEASED = re.compile(
    r"\b(?:released|published|issued|unveiled|launched|made public)\b[^.;]{0,40}?\b(?:on\s+)?"
    r"(?:(?:late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"yesterday|today|this\s+week|last\s+week|earlier\s+this\s+(?:week|month)|"
    rf"{MONTHS}\.?\s+\d{{1,2}}(?!\d|,?\s*\d{{4}}))\b",
    re.IGNORECASE,
)
FIRST_REPORT = 2001  # the first TIP Report; the nth annual report is 2000 + n


class YearCue(NamedTuple):
    """Words that name a report year: explicitly, by its ordinal, or relative to a date."""

    start: int
    end: int
    how: str  # "explicit", "ordinal" or "relative"
    year: int | None  # None for a relative cue: it needs the document's date
    shift: int  # for a relative cue: 0 this year's (or the latest), -1 last year's


def year_cues(text: str, start: int, end: int) -> list[YearCue]:
    """Every report-year cue in text[start:end], in order (offsets into text)."""
    chunk = text[start:end]
    lowered = chunk.lower()
    if "report" not in lowered and "tip" not in lowered and "edition" not in lowered \
            and "ranking" not in lowered and "trafficking" not in lowered:
        return []
    cues: list[YearCue] = []
    for m in _EXPLICIT.finditer(text, start, end) if "20" in chunk else ():
        year = int(next(g for g in m.group("y1", "y2", "y3", "y4") if g))
        cues.append(YearCue(m.start(), m.end(), "explicit", year, 0))
    ordinal = "annual" in lowered or "persons report" in lowered or "tip report" in lowered
    for m in _ORDINAL.finditer(text, start, end) if ordinal else ():
        word = m.group("ord").lower()
        n = int(word[:-2]) if word[0].isdigit() else ORDINALS.get(" ".join(word.split()))
        if n and n <= 60:
            cues.append(YearCue(m.start(), m.end(), "ordinal", FIRST_REPORT - 1 + n, 0))
    relative = any(w in lowered for w in _RELATIVE_WORDS)
    for m in _RELATIVE.finditer(text, start, end) if relative else ():
        which = " ".join(m.group("which").lower().split())
        if which in ("next",):
            continue  # a report not yet out states nothing
        shift = -1 if which in ("last", "previous", "the previous", "the prior") else 0
        cues.append(YearCue(m.start(), m.end(), "relative", None, shift))
    return sorted(cues)


def report_year_in(sentence: str, default: int | None) -> int | None:
    """An explicit or ordinal report year in the sentence, else default."""
    for cue in year_cues(sentence, 0, len(sentence)):
        if cue.year is not None:
            return cue.year
    return default


# What a figure counts: "In 2019", "since the 2019-20 financial year", "FY2023", "last
# year", "the year before", "during the reporting period", "the previous reporting period".
PERIOD = re.compile(
    r"(?P<fy>\b(?:19|20)\d\d[-–/](?:\d\d|(?:19|20)\d\d)\b)(?:\s+(?:financial|fiscal)\s+year)?"
    r"|\b(?:FY|fiscal\s+year|financial\s+year)\s*(?P<fyy>(?:19|20)\d\d)\b(?![-–/]\d)"
    r"|\b(?:in|during|for|throughout|since|by the end of|as of|as at|at|by|of|until|through|"
    r"year)\s+(?:the\s+(?:first|second)\s+half\s+of\s+|(?:calendar\s+)?year\s+|(?:the\s+)?"
    r"end[-\s](?:of[-\s])?|(?:early|late|mid|mid-)\s*|" + MONTHS + r"\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"
    r"|\b(?:a|the|its|their|his|her)\s+(?P<survey>(?:19|20)\d\d)\s+(?:survey|study|census|poll|"
    r"audit|assessment)\b"
    r"|(?P<last>\blast\s+year\b|\bthe\s+past\s+year\b)"
    r"|(?P<before>\bthe\s+(?:previous|preceding|prior)\s+year\b|\bthe\s+year\s+before\b|"
    r"\ba\s+year\s+(?:earlier|before)\b)"
    r"|(?P<this>\bthis\s+year\b)"
    r"|(?P<same>\b(?:during|in|over)\s+the\s+same\s+(?:period|year)\b)"
    r"|(?P<prev>\bthe\s+(?:previous|prior|last|preceding)\s+reporting\s+period\b)"
    r"|(?P<rp>\b(?:during|in|over|throughout|for)\s+the\s+(?:current\s+)?reporting\s+"
    r"period\b)",
    re.IGNORECASE,
)


def periods(text: str, start: int, end: int) -> list[re.Match[str]]:
    """PERIOD matches in text[start:end]; each needs a year's digits, "year" or "period"."""
    chunk = text[start:end]
    if "19" not in chunk and "20" not in chunk:
        lowered = chunk.lower()
        if "year" not in lowered and "period" not in lowered:
            return []
    return list(PERIOD.finditer(text, start, end))
