"""Numbers as writers state them: digits with separators, number words, currency and scale."""

from __future__ import annotations

import re

from tipcli.lexicon.numbers import NUMBER_WORDS, THOUSANDS_SEPARATORS

_SEPARATORS = re.compile(f"[{THOUSANDS_SEPARATORS} ]")
# Longer digit runs are identifiers or junk, never counts, and Python refuses
# to parse numbers of more than 4,300 digits: skip them rather than fail.
MAX_DIGITS = 15


def small_number(word: str) -> int | None:
    """'three' -> 3, '3' -> 3, else None (long digit runs are never small numbers)."""
    w = word.strip().lower()
    if w.isdigit() and len(w) <= 4:
        return int(w)
    return NUMBER_WORDS.get(w)


def parse_number(text: str) -> float | None:
    """'7,500' -> 7500, '0.04' -> 0.04, 'three' -> 3, 'twenty-one' -> 21, else None."""
    t = " ".join(text.strip().lower().split())
    digits = _SEPARATORS.sub("", t)
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        if len(digits.split(".")[0]) > MAX_DIGITS:
            return None
        return float(digits)
    tens, dash, unit = t.partition("-")
    if dash and tens in NUMBER_WORDS and unit in NUMBER_WORDS:
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[unit])
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    return None


def plain(value: float) -> int | float:
    """7500.0 -> 7500; 0.04 stays 0.04."""
    return int(value) if value == int(value) else value
