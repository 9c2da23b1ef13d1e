"""Places in a document: the jurisdictions it names, the words that stand for its own place,
and the place it is mostly about."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from tipcli.lexicon.places import (
    ANAPHORS,
    CITY_PLACES,
    GOVERNING_NOUNS,
    ISLAND_PLACES,
    MAINLAND,
    SAR_PLACES,
    Match,
    gazetteer,
)


class Mention(NamedTuple):
    start: int
    end: int
    place: str | None  # None: a place that is no jurisdiction, or a name that could be several
    how: str  # "name", "adjective", "anaphor", "other"


_ANAPHOR = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(ANAPHORS, key=len,
                                                                         reverse=True))
                      + r"|" + re.escape(MAINLAND[0]) + r")\b(?![-\w])", re.IGNORECASE)
# A word each anaphor holds: a quick test before the pattern runs.
_ANAPHOR_WORDS = ("city", "sar", "territory", "special administrative", "country", "kingdom",
                  "nation", "island", "archipelago", "mainland", "our ", "region")
# After a place, words that make it the one who rates, not the one rated:
# "the U.S. State Department", "the US report", "the American embassy".
_RATER_AFTER = re.compile(
    r"^['’]?s?\s*(?:State\s+Department|Department\s+of\s+State|(?:annual\s+|TIP\s+|"
    r"trafficking\s+)?reports?\b|Trafficking\s+in\s+Persons|TIP\b|embass|consulat|Secretary|"
    r"Congress|ambassador|government['’]s\s+(?:annual\s+)?report)", re.IGNORECASE)
# A first name ("Chad Morgan", "Jordan Ellis"): a risky one-word name before a capitalised
# word that is no institution.
_SURNAME = re.compile(r"^\s+(?!(?:Tier|Watch|Special|Government|Ministry|Police|Department|"
                      r"Bureau|Embassy|Report|Republic|State|Coast|Island|Islands|Minister|"
                      r"Authorities|Province|Court|Parliament|Senate|President|Foreign)\b)"
                      r"[A-Z][a-z'’-]+\b")
_FIRST_NAMES = frozenset({"chad", "jordan", "georgia", "israel", "india", "kenya", "jamaica",
                          "chile", "lebanon", "mali", "oman", "panama", "togo"})
# The US state of Georgia: a US city before it, or a state body after it.
_US_STATE_BEFORE = re.compile(r"(?:\b(?:Atlanta|Savannah|Augusta|Macon|Columbus|Athens|"
                              r"Marietta|Valdosta|Albany),\s*|\bstate\s+of\s+|\bU\.?S\.?\s+"
                              r"state\s+of\s+|\b(?:north|south|east|west|central|coastal|rural|"
                              r"metro|middle|southeast|southwest|northeast|northwest)\s+)$",
                              re.IGNORECASE)
# A document about the US state: its cities and bodies, and nothing of the country.
_US_GEORGIA = re.compile(r"\b(?:Atlanta|Savannah|Augusta|Macon|Valdosta|Georgia\s+Bureau\s+of\s+"
                         r"Investigation|GBI|Peach\s+State|Interstate\s+\d+|I-\d+|sheriff|"
                         r"county|counties)\b")
_COUNTRY_GEORGIA = re.compile(r"\b(?:Tbilisi|Batumi|Kutaisi|Georgians?|Caucasus|Abkhazia|Ossetia|"
                              r"lari)\b")
_US_STATE_AFTER = re.compile(r"^['’]?s?\s+(?:Bureau|State\b|Department|Senate|House|General|"
                             r"Governor|governor|Attorney|Tech|lawmakers|legislat|county|"
                             r"counties|prosecutors|Power)")


_CURRENCY_AFTER = re.compile(r"\$|\s?(?:dollars?|cents?)\b|-dollar\b", re.IGNORECASE)


def _us_georgia(text: str) -> bool:
    """Whether a whole document is about the US state of Georgia."""
    return _US_GEORGIA.search(text) is not None and _COUNTRY_GEORGIA.search(text) is None


def mentions(text: str, start: int, end: int, primary: str | None) -> list[Mention]:
    """Places named in text[start:end] (offsets into text), in order, with the words that
    stand for primary ("the city", "the SAR", "our country") where they fit it."""
    return add_anaphors(text, start, end, names_in(text, start, end), primary)


def names_in(text: str, start: int, end: int, names: list[Match] | None = None
             ) -> list[Mention]:
    """The jurisdictions named in text[start:end], in order; names, when given, are what
    gazetteer().find found there already.

    People who share a country's name ("Chad Morgan") and places that only name the
    rater ("the US report") are left out; regions, cities, ambiguous names and the US
    state of Georgia stay in as places that are no jurisdiction (place None), so that
    nothing reads across them.
    """
    found: list[Mention] = []
    for m in gazetteer().find(text, start, end) if names is None else names:
        after = text[m.end:min(end + 40, len(text))]
        place, how = m.place, m.form
        if place is None:
            found.append(Mention(m.start, m.end, None, "other"))
            continue
        if _RATER_AFTER.match(after) or _CURRENCY_AFTER.match(after):
            continue  # "the US report"; "US$1.5 million", "Hong Kong dollars"
        key = m.alias.casefold()
        if key in _FIRST_NAMES and _SURNAME.match(after):
            continue
        if place == "Georgia" and (_US_STATE_BEFORE.search(text[max(start, m.start - 30):m.start])
                                   or _US_STATE_AFTER.match(after) or _us_georgia(text)):
            found.append(Mention(m.start, m.end, None, "other"))
            continue
        if how == "adjective":
            noun = re.match(r"^\s+([a-z]+)", after)
            if not noun or noun.group(1) not in GOVERNING_NOUNS:
                # "Burmese workers", "Thai fishing boats": people or things from there.
                found.append(Mention(m.start, m.end, None, "other"))
                continue
        found.append(Mention(m.start, m.end, place, how))
    return found


def add_anaphors(text: str, start: int, end: int, names: list[Mention] | None,
                 primary: str | None) -> list[Mention]:
    """names, with the words in text[start:end] that stand for primary where they fit it."""
    found = list(names) if names is not None else names_in(text, start, end)
    chunk = text[start:end].lower() if primary else ""
    if primary and any(word in chunk for word in _ANAPHOR_WORDS):
        for a in _ANAPHOR.finditer(text, start, end):
            place = anaphor_place(a.group(0), primary)
            if place:
                found.append(Mention(a.start(), a.end(), place, "anaphor"))
        found.sort(key=lambda x: x.start)
    return found


def anaphor_place(words: str, primary: str) -> str | None:
    """The place "the city", "the SAR", "the country" or "the mainland" stands for, if any."""
    key = " ".join(words.lower().split())
    if key == MAINLAND[0]:
        return MAINLAND[1] if primary in MAINLAND[2] else None
    kind = ANAPHORS.get(key)
    if kind == "city":
        return primary if primary in CITY_PLACES else None
    if kind == "sar":
        return primary if primary in SAR_PLACES else None
    if kind == "island":
        return primary if primary in ISLAND_PLACES else None
    if kind == "country":  # in Hong Kong or Macau, "the country" is China
        return None if primary in SAR_PLACES else primary
    return None


def primary_place(named: list[tuple[list[Mention], int]]) -> str | None:
    """The place a document is mostly about: the one named most, each part's names counting
    as often as its weight (a title thrice), the first named winning a tie.

    named: (the places a part names, its weight), in document order.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for places, weight in named:
        for m in places:
            if m.place is not None and m.how != "anaphor":
                counts[m.place] += weight
                first.setdefault(m.place, len(first))
    if not counts:
        return None
    return min(counts, key=lambda p: (-counts[p], first[p]))


def resolve_name(name: str) -> str | None:
    """Forgiving user input: 'HK', 'south korea', 'Macao', 'PRC', 'Burma' -> canonical name."""
    return gazetteer().resolve(name)
