"""Which TIP Report a sentence speaks of, and which period a figure counts."""

from __future__ import annotations

import re

_REPORT = r"(?:U\.?S\.?\s+)?(?:Trafficking\s+(?:in\s+)?Persons|TIP|TiP)\s+Reports?"
REPORT_YEAR = re.compile(
    rf"(?:\b(?P<y1>20\d\d)\s*[\"“]?\s*{_REPORT}|{_REPORT}\s*(?:\(\s*)?(?P<y2>20\d\d)\b"
    rf"|\bthe\s+(?P<y3>20\d\d)\s+(?:annual\s+)?report\b)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?P<which>this|last|next|previous)\s+year['’]s\s+(?:annual\s+)?"
                       r"(?:report|TIP|Trafficking)", re.IGNORECASE)


def report_year_in(sentence: str, default: int | None) -> int | None:
    """An explicit report year in the sentence, else a relative one, else default."""
    match = REPORT_YEAR.search(sentence)
    if match:
        return int(match.group("y1") or match.group("y2") or match.group("y3"))
    rel = _RELATIVE.search(sentence)
    if rel and default is not None:
        return default - 1 if rel.group("which").lower() in ("last", "previous") else default
    return default
