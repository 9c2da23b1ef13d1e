"""Numbers as writers state them: digits or words ("three years", "a dozen")."""

from __future__ import annotations

_UNITS = {"zero": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3,
          "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
          "a dozen": 12, "dozen": 12}


def small_number(word: str) -> int | None:
    """'three' -> 3, '3' -> 3, else None (long digit runs are never small numbers)."""
    w = word.strip().lower()
    if w.isdigit() and len(w) <= 4:
        return int(w)
    return _UNITS.get(w)
