"""Places: find jurisdictions in text and resolve names like "the SAR", "Macao" or "the PRC"."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tipcli.lexicon.places import ALIASES, ANAPHORS

_NAME_PATTERN = "|".join(sorted((re.escape(a) for names in ALIASES.values() for a in names),
                                key=len, reverse=True))
PLACE_ANY = re.compile(rf"(?<![\w-])(?:{_NAME_PATTERN})(?![\w-])", re.IGNORECASE)
ANAPHOR = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ANAPHORS) + r")(?![\w-])",
                     re.IGNORECASE)


def canonical(name: str) -> str | None:
    """The canonical jurisdiction for a known alias, else None."""
    key = " ".join(name.lower().replace("’", "'").split())
    for place, names in ALIASES.items():
        if key in names or key == place.lower():
            return place
    return None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    place: str


def mentions(text: str, start: int, end: int, primary: str | None) -> list[Mention]:
    """Places named in text[start:end] (offsets into text), anaphors resolved to primary."""
    found: list[Mention] = []
    chunk = text[start:end]
    for m in PLACE_ANY.finditer(chunk):
        place = canonical(m.group(0))
        if place:
            found.append(Mention(start + m.start(), start + m.end(), place))
    if primary:
        for m in ANAPHOR.finditer(chunk):
            found.append(Mention(start + m.start(), start + m.end(), primary))
    return sorted(found, key=lambda x: x.start)


def primary_place(text: str) -> str | None:
    """The place a document is mostly about: the one named most often."""
    counts = Counter(canonical(m.group(0)) for m in PLACE_ANY.finditer(text))
    counts.pop(None, None)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def resolve_name(name: str) -> str | None:
    """Forgiving user input: 'HK', 'hong kong', 'Macao', 'PRC' -> canonical name."""
    cleaned = " ".join(name.strip().lower().split())
    return canonical(cleaned) or canonical("the " + cleaned) or next(
        (p for p in ALIASES if p.lower() == cleaned), None)
