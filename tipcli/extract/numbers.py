"""Numbers as writers state them: digits with separators, number words, currency and scale."""

from __future__ import annotations

import re

_UNITS = {"zero": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3,
          "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
          "ninety": 90, "a dozen": 12, "dozen": 12}
# Words that count things when they stand before a noun ("three cases").
COUNT_WORDS = ("twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|"
               "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|one|two|three|"
               "four|five|six|seven|eight|nine|ten")
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# Longer digit runs are identifiers or junk, never counts, and Python refuses
# to parse numbers of more than 4,300 digits: skip them rather than fail.
MAX_DIGITS = 15


def small_number(word: str) -> int | None:
    """'three' -> 3, '3' -> 3, else None (long digit runs are never small numbers)."""
    w = word.strip().lower()
    if w.isdigit() and len(w) <= 4:
        return int(w)
    return _UNITS.get(w)


def parse_number(text: str) -> float | None:
    """'7,500' -> 7500, '0.04' -> 0.04, 'three' -> 3, 'twenty-one' -> 21, else None."""
    t = " ".join(text.strip().lower().split())
    digits = re.sub(r"[,\u00a0\u202f\u2009' ]", "", t)
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        if len(digits.split(".")[0]) > MAX_DIGITS:
            return None
        return float(digits)
    tens, dash, unit = t.partition("-")
    if dash and tens in _UNITS and unit in _UNITS:
        return float(_UNITS[tens] + _UNITS[unit])
    if t in _UNITS:
        return float(_UNITS[t])
    return None


def plain(value: float) -> int | float:
    """7500.0 -> 7500; 0.04 stays 0.04."""
    return int(value) if value == int(value) else value
