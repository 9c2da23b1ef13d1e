"""Numbers as writers state them: digits with separators, words, scales and units."""

from __future__ import annotations

import re

_UNITS = {"zero": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3,
          "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
          "ninety": 90, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100}
NUMBER_WORDS = sorted((w for w in _UNITS if w not in ("no", "a single", "single")),
                      key=len, reverse=True)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000,
          "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# Longer digit runs are identifiers or junk, never counts (and Python refuses
# to parse huge ones): skip them rather than fail.
MAX_DIGITS = 15


def small_number(word: str) -> int | None:
    """'three' -> 3, '3' -> 3, else None."""
    w = word.strip().lower()
    if w.isdigit() and len(w) <= 4:
        return int(w)
    return _UNITS.get(w)


def parse_number(text: str) -> float | None:
    """'7,500' -> 7500, '0.04' -> 0.04, 'three' -> 3, 'twenty-one' -> 21."""
    t = text.strip().lower().replace("\u00a0", " ")
    digits = re.sub(r"[,\s\u202f']", "", t)
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        if len(digits.split(".")[0]) > MAX_DIGITS:
            return None
        value = float(digits)
        return value
    if "-" in t:
        tens, _, unit = t.partition("-")
        if tens in _UNITS and unit in _UNITS:
            return float(_UNITS[tens] + _UNITS[unit])
    if t in _UNITS:
        return float(_UNITS[t])
    return None
