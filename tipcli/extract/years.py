"""Which TIP Report a sentence speaks of, and which period a figure counts."""

from __future__ import annotations

import re

from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.reports import REPORT_NAME as _REPORT

REPORT_YEAR = re.compile(
    rf"(?:\b(?P<y1>20\d\d)\s*[\"“]?\s*{_REPORT}|{_REPORT}\s*(?:\(\s*)?(?P<y2>20\d\d)\b"
    rf"|\bthe\s+(?P<y3>20\d\d)\s+(?:annual\s+)?report\b)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?P<which>this|last|next|previous)\s+year['’]s\s+(?:annual\s+)?"
                       r"(?:report|TIP|Trafficking)", re.IGNORECASE)


def report_year_in(sentence: str, default: int | None) -> int | None:
    """An explicit report year in the sentence, else a relative one, else default."""
    # Substring tests first: both patterns need these words, and most sentences lack them.
    match = REPORT_YEAR.search(sentence) if "20" in sentence else None
    if match:
        return int(match.group("y1") or match.group("y2") or match.group("y3"))
    rel = _RELATIVE.search(sentence) if "year" in sentence.lower() else None
    if rel and default is not None:
        return default - 1 if rel.group("which").lower() in ("last", "previous") else default
    return default


# What a figure counts, nearest first: "In 2019", "since the 2019-20 financial year",
# "last year", "during the same period", "in the previous reporting period".
PERIOD = re.compile(
    r"(?P<fy>\b(?:19|20)\d\d[-–/](?:\d\d|(?:19|20)\d\d)\b)(?:\s+(?:financial|fiscal)\s+year)?"
    r"|\b(?:in|during|for|throughout|since|by the end of|as of|of)\s+(?:the\s+(?:first|second)\s+"
    r"half\s+of\s+|" + MONTHS + r"\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"
    r"|(?P<last>\blast\s+year\b|\bthe\s+(?:previous|past|preceding)\s+year\b)"
    r"|(?P<this>\bthis\s+year\b)"
    r"|(?P<same>\b(?:during|in|over)\s+the\s+same\s+period\b)"
    r"|(?P<prev>\bthe\s+previous\s+reporting\s+period\b)",
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
