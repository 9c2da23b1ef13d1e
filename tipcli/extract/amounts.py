"""Amounts as written: counts, money, shares and ratios, and the numbers that count nothing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.money import NAMES, SCALE_WORDS, SCALES, SIGNS
from tipcli.lexicon.numbers import COUNT_WORDS, NUMBER_WORDS
from tipcli.text import Span

_SIGN = "|".join(re.escape(s) for s in sorted(SIGNS, key=len, reverse=True))
_NAME = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len,
                                                                       reverse=True))
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
AMOUNT = re.compile(
    rf"(?<![\w.,$])(?P<sign>(?:{_SIGN})\s?)?"
    r"(?P<num>(?:\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3})+(?:\.\d+)?"
    r"(?![\d]|[.,]\d)|\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)|\d+(?:[.,]\d+)?(?=(?:m|k|bn|mn|mln)\b|[^\w]|$)"
    rf"|\b(?:{COUNT_WORDS})(?:-(?:{_UNITS}))?\b"
    r"|\bno\b(?=\s+(?:[a-z]+\s+){0,2}(?:investigations?|prosecutions?|convictions?|victims?"
    r"|cases?)\b)))"
    r"(?P<scale>\s?(?:million|billion|thousand|millions|billions|mln|mn|bn|m|k)\b)?"
    rf"(?P<name>\s+(?:{_NAME})\b(?:\s*\((?:FCFA|CFA|XAF|XOF)\))?)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
# "one in six" (a share), "three-fold" (a ratio).
_SHARE = re.compile(r"\b(?=[otfaOTFA\d])(?P<n>one|two|three|four|a|\d{1,2})\s+(?:in|out\s+of)\s+"
                    r"(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|\d{1,3})\b",
                    re.IGNORECASE)
_RATIO = re.compile(r"\b(?=[tfsenTFSEN\d])(?P<n>two|three|four|five|six|seven|eight|nine|ten|"
                    r"\d{1,2})"
                    r"(?:[-\s]?fold\b|\s+times\s+(?:as\s+many|more|higher|greater))",
                    re.IGNORECASE)
# Where an amount can begin: a run of digits (a match never starts inside one: AMOUNT
# looks behind for a word character), or a word that counts.
_START_WORDS = sorted({w for w in COUNT_WORDS.split("|") if " " not in w}, key=len, reverse=True)
_AMOUNT_START = re.compile(  # the look-ahead on first letters makes most positions fail fast
    r"(?<!\d)\d|\b(?=[" + "".join(sorted({w[0] for w in _START_WORDS})) + r"aAnN])(?:"
    + "|".join(_START_WORDS) + r"|a(?=\s+dozen\b)|no(?=\s+(?:[a-z]+\s+){0,2}(?:investigations?|"
    r"prosecutions?|convictions?|victims?|cases?)\b))\b", re.IGNORECASE)
# The same, in parts, for lower-cased text (no IGNORECASE: several times faster).
_DIGIT_START = re.compile(r"(?<!\d)\d")
_WORD_START = re.compile(
    r"\b(?:" + "|".join(_START_WORDS) + r"|a(?=\s+dozen\b)|no(?=\s+(?:[a-z]+\s+){0,2}"
    r"(?:investigations?|prosecutions?|convictions?|victims?|cases?)\b))\b")
_SHARE_LOWER = re.compile(_SHARE.pattern)
_SIGN_BEFORE = re.compile(f"(?:{_SIGN})\\s?$")


@dataclass(frozen=True)
class Amount:
    start: int  # where the amount's words begin (its currency sign, else its number)
    end: int
    num_start: int
    value: float
    unit: str | None  # None for a count; "%", "x", or a currency code and scale word
    money: bool = False


class AmountStarts:
    """Where amounts can begin in a whole text (a run of digits, a counting word) and where
    shares and ratios stand: found in one pass each, then read sentence by sentence. The
    patterns run on the lower-cased text, without IGNORECASE, which is several times
    faster; a text whose lower case changes length is read the slow way."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.aligned = len(low) == len(text)
        if self.aligned:
            self.starts = sorted([m.start() for m in _DIGIT_START.finditer(text)]
                                 + [m.start() for m in _WORD_START.finditer(low)])
            self.shares = [m for m in _SHARE_LOWER.finditer(low)]
            self.ratios = [m for m in _RATIO.finditer(text)] if (
                "fold" in low or " times " in low) else []
        else:
            self.starts = [m.start() for m in _AMOUNT_START.finditer(text)]
            self.shares = list(_SHARE.finditer(text))
            self.ratios = list(_RATIO.finditer(text))
        self._share_starts = [m.start() for m in self.shares]
        self._ratio_starts = [m.start() for m in self.ratios]

    def between(self, start: int, end: int) -> list[int]:
        return self.starts[bisect.bisect_left(self.starts, start):
                           bisect.bisect_left(self.starts, end)]

    def shares_between(self, start: int, end: int) -> list[re.Match[str]]:
        return [m for m in self.shares[bisect.bisect_left(self._share_starts, start):
                                       bisect.bisect_left(self._share_starts, end)]
                if m.end() <= end]

    def ratios_between(self, start: int, end: int) -> list[re.Match[str]]:
        return [m for m in self.ratios[bisect.bisect_left(self._ratio_starts, start):
                                       bisect.bisect_left(self._ratio_starts, end)]
                if m.end() <= end]


def amounts(text: str, start: int, end: int, starts: AmountStarts | None = None
            ) -> list[Amount]:
    """Every count, sum of money, percentage, share and ratio written in text[start:end];
    starts, when given, is the text's AmountStarts (found once for many sentences)."""
    found: list[Amount] = []
    shares = starts.shares_between(start, end) if starts else \
        list(_SHARE.finditer(text, start, end))
    for share in shares:
        n, d = _small(share.group("n")), _small(share.group("d"))
        if n and d and n < d:
            found.append(Amount(share.start(), share.end(), share.start(),
                                round(100 * n / d, 2), "%"))
    ratios = starts.ratios_between(start, end) if starts else \
        list(_RATIO.finditer(text, start, end))
    for ratio in ratios:
        r = _small(ratio.group("n"))
        if r:
            found.append(Amount(ratio.start(), ratio.end(), ratio.start(), float(r), "x"))
    taken = [(a.start, a.end) for a in found]
    for m in amount_matches(text, start, end, starts):
        if not any(s <= m.start("num") < e for s, e in taken):
            amount = _parse(m)
            if amount is not None:
                found.append(amount)
    return sorted(found, key=lambda a: a.start)


def amount_matches(text: str, start: int, end: int, starts: AmountStarts | None = None
                   ) -> Iterator[re.Match[str]]:
    """What AMOUNT.finditer(text, start, end) yields, found faster: the pattern is tried
    only where a digit or a counting word begins (and at a currency sign before one)."""
    positions = starts.between(start, end) if starts else \
        [m.start() for m in _AMOUNT_START.finditer(text, start, end)]
    cursor = start
    for pos in positions:
        if pos < cursor:
            continue
        sign = _SIGN_BEFORE.search(text, max(cursor, pos - 6), pos)
        for attempt in ((sign.start(), pos) if sign else (pos,)):
            m = AMOUNT.match(text, attempt, end)
            if m:
                yield m
                cursor = m.end()
                break


def _small(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else (1 if w == "a" else NUMBER_WORDS.get(w))


def _parse(m: re.Match[str]) -> Amount | None:
    raw = m.group("num")
    scale = (m.group("scale") or "").strip().lower()
    sign = (m.group("sign") or "").strip()
    name = " ".join((m.group("name") or "").lower().split())
    name = re.sub(r"\s*\(.*\)$", "", name)
    money = bool(sign or name)
    if scale in ("m", "k", "mn", "mln", "bn") and not money:
        return None  # "5 m" is a distance; "5m" people is not written
    value = _value(raw, bool(scale))
    if value is None:
        return None
    if m.group("percent"):
        return Amount(m.start(), m.end(), m.start("num"), value, "%")
    multiplier = SCALES.get(scale, 1)
    if money:
        code = SIGNS.get(sign, sign) if sign else NAMES.get(name, name)
        word = SCALE_WORDS.get(multiplier)
        unit = f"{code} {word}" if word else code
        return Amount(m.start(), m.end(), m.start("num"), value, unit, money=True)
    return Amount(m.start(), m.end(), m.start("num"), value * multiplier, None)


def _value(raw: str, scaled: bool) -> float | None:
    """'7,500' 7500, '9 800' 9800, '1.250' 1250 (a thousands dot), '3,2 millions' 3.2,
    'twenty-one' 21; None for what cannot be read surely ('2,3', 5,000 digits)."""
    text = raw.lower()
    if text[0].isdigit():
        if re.fullmatch(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?", text):
            digits = re.sub(r"[,\u00a0\u202f\u2009 ]", "", text)
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) and not scaled:
            digits = text.replace(".", "")  # "1.250 complaints": a thousands dot
        elif re.fullmatch(r"\d+,\d{1,2}", text):
            if not scaled:
                return None  # "2,3": two numbers, or a decimal comma; say nothing
            digits = text.replace(",", ".")  # "3,2 millions"
        else:
            digits = text.replace(",", "")
        if len(digits.split(".")[0]) > 15:
            return None  # an identifier, not a count
        return float(digits)
    if text == "no":
        return 0.0
    tens, dash, unit = text.partition("-")
    if dash and tens in NUMBER_WORDS and unit in NUMBER_WORDS:
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[unit])
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else None


# --- numbers that are no figure ------------------------------------------------------------

# Before a number: it names or dates something rather than counting it.
_LABEL_LEFT = re.compile(
    r"(?:\btier|\bchapter|\bcap\.?|\bsection|\bs\.|\barticle|\bart\.|\bordinance|\bno\.|"
    r"\bnos\.|\bnumber|\brule|\bparagraph|\bclause|\bpage|\bphase|\blevel|\bgrade|\bcovid|"
    r"\bhkt|\bitem|\bversion|\bline|\broom|\bflat|\bfloor|\bblock|\bunit|\bbox|\btel\.?|"
    r"\bphone|\bfax|\blaw|\bact|\bdecree|\bresolution|\bregulation|\bcode|\bcategory|\bclass|"
    r"\btype|\bstep|\bstage|\bwave|\bround|\bpart|\bannex|\bappendix|\bfigure|\btable|"
    r"\bdistrict|\broute|\bhighway|\binterstate|\bflight|\bgate|\bplatform|\bchannel|\bbus|"
    r"\bplan|\bagenda|\bgoal|\bsdg|\btarget|\bpoint|\bages?|\baged|\bi-|\+|#|№)[\s:]*$",
    re.IGNORECASE)
_DATE_LEFT = re.compile(MONTHS + r"\.?\s*$", re.IGNORECASE)
_RIGHT_NOT = re.compile(
    r"^(?:-year-old|-years?-old|\s*years?\s+old|\s*years?\s+of\s+age|-month|-day|-week|-hour|"
    r"-minute|-page|-member|-point|(?:st|nd|rd|th)\b|:\d|\s*(?:am|pm|a\.m\.|p\.m\.)\b|\s*"
    + MONTHS + r"(?!\w)|[-–/]\d|\.\d|\s*(?:points?|hectares?|acres?|km|kilomet(?:er|re)s?|"
    r"miles?|square|sq\b|met(?:er|re)s?|feet|ft\b|kg|kilograms?|tonnes?|tons?|litres?|liters?|"
    r"degrees?|per\s+cent\s+of\s+gdp|storeys?|floors?))\b",
    re.IGNORECASE)
TIME_NOUN = re.compile(r"^(?:years?|months?|weeks?|days?|hours?|decades?|minutes?|nights?|"
                        r"times|centuries|generations?|consecutive|straight|successive)\b",
                        re.IGNORECASE)
# "up to 10 years' imprisonment", "between three and eight years in prison".
_PENALTY = re.compile(r"^\s*(?:years?|months?)['’]?\s*(?:of\s+)?(?:imprisonment|prison|jail|"
                      r"in\s+(?:prison|jail)|behind\s+bars|sentences?|terms?)", re.IGNORECASE)
_VAGUE_RIGHT = re.compile(r"^\s*(?:of\s+)?(?:dozens|hundreds|thousands|millions)\b", re.I)
_PHONE = re.compile(r"(?:\d{3,4}[ -]|\+\d{1,3} ?)$")


def is_noise(text: str, sentence: Span, a: Amount) -> bool:
    """A number that dates, names or measures something: no count of the domain."""
    left = text[sentence.start:a.start]
    right = text[a.end:sentence.end]
    raw = text[a.num_start:a.end].strip()
    if a.unit in ("%", "x"):
        return False
    if _LABEL_LEFT.search(left[-14:]) and not a.money:
        return True
    if re.search(r"\bas\s+(?:young|old)\s+as\s*$|\bunder\s+the\s+age\s+of\s*$|\bover\s+the\s+"
                 r"age\s+of\s*$|\baged\s+(?:between\s+)?$", left[-24:], re.IGNORECASE):
        return True  # an age: "children as young as 15"
    if _DATE_LEFT.search(left[-12:]) or _RIGHT_NOT.match(right) or _PENALTY.match(right):
        return True
    if re.match(r"^[ -]\d{4}\b", right) or _PHONE.search(left[-6:]):
        return True  # a phone number: 2835 1473, +852 2835 1473
    if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099 and not a.money:
        return True  # a year
    return _VAGUE_RIGHT.match(right) is not None
