"""Figures: stated counts and amounts of what the report is about, with metric, period and place.

A number is a figure when it counts a noun of the domain (victims, cases, officials,
agencies…), or is money or a percentage (lexicon/metrics.py). Its metric comes from what
it counts and the verb that counts it; its period from its own clause, a comparison, the
sentence, the paragraph, or (in US government text) the reporting period; its place from
the sentence, the paragraph, or the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tipcli.extract.base import Context, Fact
from tipcli.extract.numbers import plain
from tipcli.extract.places import Mention
from tipcli.extract.years import periods
from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.facts import FactKind
from tipcli.lexicon.kinds import SourceKind
from tipcli.lexicon.metrics import (
    BY_NAME,
    DOMAIN_NOUNS,
    METRICS,
    OFFENDERS,
    OFFICIALS,
    OTHER_CRIMES,
    PEOPLE,
)
from tipcli.lexicon.money import LOCAL_CURRENCY, NAMES, SCALE_WORDS, SCALES, SIGNS
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
_SHARE = re.compile(r"\b(?P<n>one|two|three|four|a|\d{1,2})\s+(?:in|out\s+of)\s+"
                    r"(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|\d{1,3})\b",
                    re.IGNORECASE)
_RATIO = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                    r"(?:[-\s]?fold\b|\s+times\s+(?:as\s+many|more|higher|greater))",
                    re.IGNORECASE)
_DIGITS = re.compile(r"\d")
_LETTERS = re.compile(r"[A-Za-z]+")
_STARTS = frozenset(w for w in COUNT_WORDS.split("|") if " " not in w) | {"a", "no"}
_SIGN_BEFORE = re.compile(f"(?:{_SIGN})\\s?$")


@dataclass(frozen=True)
class Amount:
    start: int  # where the amount's words begin (its currency sign, else its number)
    end: int
    num_start: int
    value: float
    unit: str | None  # None for a count; "%", "x", or a currency code and scale word
    money: bool = False


def amounts(text: str, start: int, end: int) -> list[Amount]:
    """Every count, sum of money, percentage, share and ratio written in text[start:end]."""
    found: list[Amount] = []
    for share in _SHARE.finditer(text, start, end):
        n, d = _small(share.group("n")), _small(share.group("d"))
        if n and d and n < d:
            found.append(Amount(share.start(), share.end(), share.start(), round(100 * n / d, 2),
                                "%"))
    for ratio in _RATIO.finditer(text, start, end):
        r = _small(ratio.group("n"))
        if r:
            found.append(Amount(ratio.start(), ratio.end(), ratio.start(), float(r), "x"))
    taken = [(a.start, a.end) for a in found]
    for m in amount_matches(text, start, end):
        if not any(s <= m.start("num") < e for s, e in taken):
            amount = _parse(m)
            if amount is not None:
                found.append(amount)
    return sorted(found, key=lambda a: a.start)


def amount_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What AMOUNT.finditer(text, start, end) yields, found faster: the pattern is tried
    only where a digit or a counting word begins (and at a currency sign before one)."""
    chunk = text[start:end]
    starts = sorted({start + m.start() for m in _DIGITS.finditer(chunk)}
                    | {start + m.start() for m in _LETTERS.finditer(chunk)
                       if m.group(0).lower() in _STARTS})
    cursor = start
    for pos in starts:
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
_TIME_NOUN = re.compile(r"^(?:years?|months?|weeks?|days?|hours?|decades?|minutes?|nights?|"
                        r"times|centuries|generations?|consecutive|straight|successive)\b",
                        re.IGNORECASE)
# "up to 10 years' imprisonment", "between three and eight years in prison".
_PENALTY = re.compile(r"^\s*(?:years?|months?)['’]?\s*(?:of\s+)?(?:imprisonment|prison|jail|"
                      r"in\s+(?:prison|jail)|behind\s+bars|sentences?|terms?)", re.IGNORECASE)
_MONEY_NOT = re.compile(r"\b(?:fines?|fined|penalt\w*|bail|rewards?|salar\w*|wages?|earn\w*|"
                        r"bribes?|profits?|revenues?|ransom|costs?|prices?|worth|valued?|gdp|"
                        r"trade|exports?|imports?|loans?|debts?|sales?|turnover|market|shares|"
                        r"index|stocks?|bonds?)\b", re.IGNORECASE)
_VAGUE_RIGHT = re.compile(r"^\s*(?:of\s+)?(?:dozens|hundreds|thousands|millions)\b", re.I)
_PHONE = re.compile(r"(?:\d{3,4}[ -]|\+\d{1,3} ?)$")

# --- what a number counts -------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][\w'’-]*|[,;:.()]|\d[\d,.]*")
_NP_STOP = re.compile(
    r"^(?:were|was|is|are|have|has|had|been|be|will|would|under|in|on|at|by|from|to|with|"
    r"without|since|during|after|before|compared|than|or|but|while|which|who|that|as|into|"
    r"across|against|each|every|per|a|an|the|last|this|annually|so|when|where|involved|"
    r"including|were|who|whom|whose|this|these|those|its|their|his|her|led|resulted|received|"
    r"receive|got|remain|remained|went|came|faced)$",
    re.IGNORECASE)
QUALIFIER = re.compile(
    r"\b(?P<q>more than|over|about|around|approximately|nearly|almost|only|at least|up to|"
    r"some|fewer than|less than|just|roughly|close to|an estimated|a total of|a mere|"
    r"as many as|as much as|as few as|upwards of|in excess of|in all|total)\s+$",
    re.IGNORECASE)
# A number compared with the one before it: its period is its own, else the one before.
# "from" compares only after a word of change ("up from", "rose to 55 from"), "than" only
# before "the" ("higher than the 30 in 2014"): "more than 30" and "rescued 30 from 5
# brothels" compare nothing.
_COMPARED = re.compile(r"(?:\bcompared\s+(?:with|to)|\bas\s+against|\bversus|\bvs\.?|"
                       r"\b(?:up|down|increas\w*|decreas\w*|ris\w*|rose|drop\w*|fall\w*|fell|"
                       r"declin\w*|jump\w*|grew|grow\w*|climb\w*|doubl\w*|halv\w*)\s+(?:"
                       r"(?:to\s+[\d,.]+\s+)?from)|\bthan(?=\s+the\b))\s+(?:the\s+)?"
                       r"(?:\w+\s+)?$|\(\s*$", re.IGNORECASE)
# A part of a total said before it: "of these, five were minors", "including 290 children".
_PART = re.compile(r"(?:\bof\s+(?:these|them|those|whom|which)|\bincluding|\bamong\s+(?:them|"
                   r"whom|these)|\bcomprising)\s*,?\s*(?:\w+\s+){0,2}$|^\s*$",
                   re.IGNORECASE)
_OF_THEM_AFTER = re.compile(r"^\s+of\s+(?:them|these|those|whom)\b", re.IGNORECASE)
# Words that begin like a counting verb but are not one ("carers", "report", "operators").
_NOT_VERBS = frozenset({"report", "reports", "reported", "reporting", "operation", "operations",
                        "chargeable", "trainees", "openly", "recruitment", "support", "care",
                        "carers", "caring", "protection", "protections", "detention",
                        "funds", "found", "foundation", "investigators", "inspectors",
                        "prosecutors", "records", "record", "review", "place", "placed",
                        "placement", "includes", "including", "included", "created"})
_PASSIVE_AFTER = re.compile(r"^(?:[^.;]|\.\d){0,50}?\b(?:were|was|have\s+been|had\s+been|"
                            r"being|are|is)\s+(?:\w+\s+)?(?P<verb>[a-z]+(?:ed|en))\b",
                            re.IGNORECASE)
_SCREENED_AS = re.compile(r"^(?:[^.;]){0,60}?\bidentified\s+as\s+(?:potential\s+|possible\s+)?"
                          r"(?:trafficking\s+)?victims\b", re.IGNORECASE)
_FEES = re.compile(r"\b(?:recruitment|placement|agency|broker\w*)\s+(?:fees?|charges?|costs?)\b|"
                   r"\bfees?\b|\bcharg\w*\b", re.IGNORECASE)
_FUNDS = re.compile(r"\b(?:" + "|".join(BY_NAME["funding"].verbs) + r")\w*|\bbudget\w*|"
                    r"\bfunding\b|\ballocation\b|\bgrants?\b|\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
                    r"(?:shelters?|victims?|anti-trafficking|survivors)\b", re.IGNORECASE)
_MOVE_OUT = re.compile(r"\b(?:rescued|repatriated|returned|evacuated|stopped|prevented|"
                       r"intercepted|offloaded|barred)\b[^.;]{0,40}\b(?:from|abroad)\b|"
                       r"\bprevented\b|\bstopped\b|\boffloaded\b", re.IGNORECASE)
# Before a place: where people came from or went, not who counts them.
_AWAY = re.compile(r"\b(?:from|to|for|toward|towards|into|via|through|across|of)\s+(?:the\s+)?$",
                   re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,?\s*\b(?:compared (?:with|to)|while|whereas|but)\b", re.I)
# "victims of employment fraud", "scam victims": a crime other than trafficking.
_OTHER_CRIME = re.compile(r"\bvictims?\s+of\s+(?:(?!traffick)[\w-]+\s+){0,3}?(?:" + "|".join(
    re.escape(c) for c in OTHER_CRIMES) + r")|\b(?:" + "|".join(re.escape(c) for c in OTHER_CRIMES)
    + r")\w*\s+victims?\b", re.IGNORECASE)
_SCAM_COMPOUND = re.compile(r"\bscam\s+(?:compounds?|centres?|centers?|hubs?|operations?)\b",
                            re.IGNORECASE)
_TRAFFICKING = re.compile(r"\btraffick|\bforced\b|\bexploit", re.IGNORECASE)
_PART_OPENS = re.compile(r"\s*(?:of\s+(?:these|them|those|whom|which|the\s+[\d,.]+)|"
                         r"among\s+(?:them|these|those)|including)\b", re.IGNORECASE)
_PART_VERB = re.compile(r"\s*(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:later\s+|also\s+|"
                        r"subsequently\s+)?(?P<verb>[a-z]+ed)\b|\s*(?P<verb2>received)\s+(?:\w+\s+)?"
                        r"(?:prison\s+)?sentences\b", re.IGNORECASE)
_PERIOD_IN_BRACKETS = re.compile(r"[^()]{0,40}?(?:\b(?:19|20)\d\d\b|\byear\b|\bperiod\b)[^()]*\)")
_TRAINED_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:received|receiving|underwent|attended|completed|"
                            r"were\s+given|took\s+part\s+in|participated\s+in)\s+(?:\w+\s+){0,3}?"
                            r"(?:training|courses?|workshops?)\b", re.IGNORECASE)
# "paying brokers as much as NT$68,000", "pay agents more than NPR 150,000".
_PAID_TO_RECRUITERS = re.compile(r"\b(?:pa(?:y|id|ying|ys)|owe\w*|charged)\s+(?:\w+\s+){0,2}"
                                 r"(?:brokers?|recruiters?|agents?|agencies|middlemen|"
                                 r"intermediaries)\b", re.IGNORECASE)
_REPORT_LEVEL_CONTEXT = re.compile(r"\b(?:report|tier|rated|ranked|assess|upgraded|"
                                   r"downgraded|placed)\w*", re.IGNORECASE)


@dataclass
class Found:
    """A figure being read: its amount, what it counts and the words that say so."""

    amount: Amount
    start: int  # evidence: from the qualifier or verb
    end: int  # to the end of what is counted
    qualifier: str | None
    phrase: str  # the words naming what is counted
    head: str  # their head noun, lower case
    metric: str = ""
    label: str = ""
    compared: bool = False  # a number it is compared with ("compared with 140 in 2019")
    part_of: int | None = None  # the index of its total
    converted: list[tuple[float, str]] = field(default_factory=list)


# After a domain noun, words that go on naming what is counted ("victims of trafficking").
_CONTINUES = re.compile(r"\s+(?:of\s+(?!the\b|these\b|them\b|those\b|whom\b|which\b|all\b|"
                        r"whose\b)[a-z]+|officers|"
                        r"workers|helpers|inspectors|officials|facilities|centres|centers|"
                        r"homes|houses|agencies|cases|calls)\b", re.IGNORECASE)


# Words that measure out another noun: "places of shelters" counts shelters.
_CONTAINERS = frozenset({"places", "number", "numbers", "kinds", "types", "forms", "groups",
                         "batches", "lots", "sets", "rounds", "waves", "categories"})
# A domain noun that modifies the next one: "victim screenings", "victim identification
# audits", "case referrals".
_COMPOUND = re.compile(r"\s+(?:screenings?|identification|audits?|referrals?|interviews?|"
                       r"hearings?|files?|reports?|records?)\b", re.IGNORECASE)


def noun_phrase(text: str, start: int, limit: int) -> tuple[str, int]:
    """The words after a number that name what it counts, and where they end."""
    words: list[str] = []
    end = start
    pos = start
    for match in _WORD.finditer(text, start, limit):
        token = match.group(0)
        gap = text[pos:match.start()]
        if gap.strip() or token in ",;:.()":
            break
        lowered = token.lower()
        if lowered == "and":
            following = text[match.end():match.end() + 60].lstrip()
            if AMOUNT.match(following) or not words or re.match(r"\w+ed\b", following):
                break
        elif lowered == "of":
            if not words or words[-1].lower() not in DOMAIN_NOUNS | _CONTAINERS or \
                    not re.match(r"\s+[a-z]", text[match.end():match.end() + 2]) or \
                    _NP_STOP.match(text[match.end():match.end() + 8].split()[0]
                                   if text[match.end():match.end() + 8].split() else ""):
                break
        elif token[0].isdigit() and words and words[-1].lower() == "tier":
            pass  # "106 Tier 2 jurisdictions"
        elif _NP_STOP.match(token) or token[0].isdigit() or lowered == "for":
            break
        words.append(token)
        end = match.end()
        pos = match.end()
        if len(words) >= 8 or (lowered in DOMAIN_NOUNS and lowered not in ("police", "staff")
                               and not _CONTINUES.match(text, end)
                               and not _COMPOUND.match(text, end)):
            break  # "31 residents rescued from …" counts residents
    while words and words[-1].lower() in ("and", "of"):
        words.pop()
        end = text.rfind(" ", start, end) if " " in text[start:end] else start
    return " ".join(words), (end if words else start)


def head_noun(phrase: str) -> str:
    """The noun a phrase counts: its last word, or the word before "of" ("64 cases of sex
    trafficking" counts cases), unless that word measures out the one after ("places of
    shelters" counts shelters)."""
    words = [w.lower().strip("'’") for w in phrase.split()]
    if not words:
        return ""
    if "of" in words[1:]:
        at = words.index("of")
        after = words[at + 1:]
        if words[at - 1] in DOMAIN_NOUNS and words[at - 1] not in _CONTAINERS:
            return words[at - 1]
        return after[-1] if after else words[0]
    # "officers, police and inspectors" ends at the first list item's head.
    return words[-1]


_VERB_STEMS = tuple(sorted({stem for m in METRICS for stem in m.verbs if " " not in stem},
                           key=len, reverse=True))


# Nouns made from counting verbs ("recruiters", "investigation", "trainees").
_NOUN_ENDINGS = ("er", "ers", "or", "ors", "ee", "ees")
_STEM_WORDS = frozenset(stem for m in METRICS for stem in m.verbs)  # "shelter" is a verb too


def _verb_before(text: str, clause_start: int, at: int) -> str:
    """The verb that governs a number: the nearest of the last eight words before it that
    counts something of the domain ("convicted", "identify", "initiating")."""
    words: list[str] = re.findall(r"[a-z]+", text[clause_start:at].lower())
    for word in reversed(words[-8:]):
        if word.startswith(_VERB_STEMS) and word not in _NOT_VERBS and \
                (not word.endswith(_NOUN_ENDINGS) or word in _STEM_WORDS):
            return word
    return ""


_NEXT_NUMBER = re.compile(rf"(?<![\d,.])(?!(?:19|20)\d\d\b)\d|\b(?:{COUNT_WORDS})\b",
                          re.IGNORECASE)  # a year is no other number


def classify(f: Found, text: str, sentence: Span, clause_start: int) -> str | None:
    """The metric a figure counts, or None when it counts nothing of the domain."""
    metric = _classify(f, text, sentence, clause_start)
    if metric in ("victims_identified", "victims_assisted"):
        around = text[max(clause_start, f.amount.start - 40):min(sentence.end, f.end + 80)]
        if _OTHER_CRIME.search(around) or (_SCAM_COMPOUND.search(around) and
                                           not _TRAFFICKING.search(around)):
            return "other"  # victims of another crime, or people freed from scam compounds
    return metric


def _classify(f: Found, text: str, sentence: Span, clause_start: int) -> str | None:
    a = f.amount
    left = text[clause_start:a.start]
    right = text[f.end:sentence.end]
    following = _NEXT_NUMBER.search(right)
    if following and re.search(r"\b(?:and|but|while|whereas)\b|[;,]", right[:following.start()]):
        right = right[:following.start()]  # "screened 6,900 people and only three of them …"
    if a.money:
        context = text[max(clause_start, a.start - 70):min(sentence.end, f.end + 60)]
        if _MONEY_NOT.search(text[max(clause_start, a.start - 40):a.start] + " " + f.phrase):
            return None
        fees = _FEES.search(context) and re.search(r"\b(?:fee|fees|charg\w*|paid|pay|debt)\b",
                                                   context, re.I)
        if fees or _PAID_TO_RECRUITERS.search(context):
            return "recruitment_fees"
        return "funding" if _FUNDS.search(context) else None
    if a.unit == "%":
        return "other" if f.head in DOMAIN_NOUNS or f.phrase.startswith("of ") else None
    if a.unit == "x":  # "a three-fold increase in prosecutions"
        after = re.match(r"\s*(?:increase|rise|jump|growth)\s+in\s+", text[a.end:sentence.end],
                         re.I)
        if not after:
            return None
        phrase, _ = noun_phrase(text, a.end + after.end(), sentence.end)
        return _by_noun(head_noun(phrase), phrase.lower())
    moved = re.match(r"\s+(upgraded|downgraded)\b", text[a.end:sentence.end], re.IGNORECASE)
    if moved and (not f.phrase.strip(" ,") or f.phrase.lower() == moved.group(1).lower()):
        return "upgrades" if moved.group(1).lower() == "upgraded" else "downgrades"
    verb = _verb_before(text, clause_start, a.start)
    head = f.head
    nouns = f.phrase.lower()
    if head in ("countries", "governments", "jurisdictions", "them") and re.search(
            r"\bplaced\s+(?:\w+\s+){0,2}$", left, re.IGNORECASE) and re.search(
            r"\btier\b|\bwatch\s+list\b", text[a.end:sentence.end], re.IGNORECASE):
        return "jurisdictions_rated"  # "placed 14 of them on Tier 3"
    of = re.search(r"\b([a-z]+)\s+of\s+(?:the\s+)?$", left, re.I)  # "conviction of 231"
    if of and _by_noun(of.group(1).lower()) and head in DOMAIN_NOUNS:
        return _by_noun(of.group(1).lower())
    if of and of.group(1).lower() in ("licenses", "licences", "licence", "license") and \
            re.search(r"revok|cancel|suspend|refus|withdr|not\s+(?:to\s+)?renew", left, re.I):
        return "licences_revoked"  # "refused to renew the licences of 21 agencies"
    adjective = re.match(r"([a-z]+ed)\s", nouns)
    if adjective and head in DOMAIN_NOUNS and adjective.group(1) not in _NOT_VERBS:
        metric = _by_verb(adjective.group(1), head)  # "268 convicted traffickers"
        if metric is not None and metric not in ("investigations",):
            return metric
    by_noun = _by_noun(head, nouns)
    if by_noun in ("investigations", "prosecutions", "convictions", "arrests", "raids",
                   "inspections", "victim_screenings", "shelters", "complaints",
                   "foreign_domestic_workers", "hotline_calls", "new_posts"):
        if by_noun == "hotline_calls" and not re.search(r"receiv|hotline|answer|call", left + nouns,
                                                        re.I):
            return None
        return by_noun
    if head not in DOMAIN_NOUNS and not _OF_THEM_AFTER.match(text[a.end:a.end + 12]):
        return None
    if head in OFFICIALS and _TRAINED_AFTER.match(right):
        return "officials_trained"  # "5,200 frontline officers received specialised training"
    close = verb and re.search(rf"\b{verb}\b(?:\s+[\w'’-]+){{0,3}}\s*$", left, re.IGNORECASE)
    if close:  # "assisted 203 victims, some of whom had been identified": the verb before
        metric = _by_verb(verb, head)
        if metric is not None:
            return metric
    passive = _PASSIVE_AFTER.match(right)
    if _SCREENED_AS.match(right) or (passive and passive.group("verb").lower().startswith(
            ("identif", "rescu", "found", "certif", "recogni", "confirm"))):
        return "victims_identified"
    for candidate in (verb, passive.group("verb").lower() if passive else ""):
        if not candidate:
            continue
        metric = _by_verb(candidate, head)
        if metric is not None and BY_NAME[metric].report_level and candidate != verb and \
                passive is not None and "," in right[:passive.start("verb")]:
            continue  # "Aruba, …, the three Dutch Caribbean countries, are rated separately"
        if metric is not None:
            return metric
    if head in ("countries", "governments", "jurisdictions"):
        return "jurisdictions_rated" if re.search(r"\btier\s*[123]", nouns) else None
    if head in ("victims", "victim", "survivors"):
        return "victims_identified" if not _MOVE_OUT.search(left) else "other"
    if head == "cases":
        return "investigations"
    if head in DOMAIN_NOUNS or _OF_THEM_AFTER.match(text[a.end:a.end + 12]):
        return "other"
    return None


def _by_noun(head: str, phrase: str = "") -> str | None:
    for metric in METRICS:
        for noun in metric.nouns:
            if noun == head or (" " in noun and noun in phrase):
                return metric.name
    return None


def _by_verb(verb: str, head: str) -> str | None:
    """People, offenders, officials, cases or things, by the verb that counts them."""
    people = head in PEOPLE or head in ("them", "these", "whom", "of")
    stems = {m.name: m.verbs for m in METRICS}
    if verb.startswith(stems["victim_screenings"]) and (people or head in ("cases",)):
        return "victim_screenings"
    if head in OFFICIALS - {"workers"} or (head == "workers" and verb.startswith("train")):
        if verb.startswith(stems["officials_trained"]):
            return "officials_trained"
        if verb.startswith(stems["new_posts"]):
            return "new_posts"
    if head in ("agencies", "licences", "licenses", "permits", "companies", "recruiters"):
        if verb.startswith(stems["licences_revoked"]) or verb == "renew":
            return "licences_revoked"
        if verb.startswith(stems["inspections"]):
            return "inspections"
        if verb.startswith(stems["prosecutions"]):
            return "prosecutions"
    if head in ("vessels", "boats", "ships", "factories", "workplaces", "farms", "plantations",
                "establishments", "premises", "businesses", "agencies") and \
            verb.startswith(stems["inspections"]):
        return "inspections"
    if people:
        if verb.startswith(stems["victims_identified"]) and not verb.startswith("found"):
            return "victims_identified"
        if verb.startswith(stems["victims_assisted"]):
            return "victims_assisted"
    if verb == "brought":  # "brought 123 trafficking cases", not "brought 30 victims"
        return "prosecutions" if head in OFFENDERS or head in ("cases", "case", "charges") \
            else None
    if head in OFFENDERS | PEOPLE | OFFICIALS or head in ("cases", "case", "them", "whom"):
        for metric in ("convictions", "prosecutions", "arrests", "investigations"):
            if verb.startswith(stems[metric]):
                if metric == "investigations" and head in PEOPLE - OFFENDERS and \
                        not verb.startswith("investigat"):
                    continue  # "registered 1.6 million migrant workers" opens no case
                return metric
    if head in ("shelters", "centres", "centers", "facilities", "houses", "homes") and \
            verb.startswith(stems["shelters"]):
        return "shelters"
    if head in ("calls", "complaints", "reports", "tips") and verb.startswith(
            stems["hotline_calls"]):
        return "hotline_calls" if head == "calls" else "complaints"
    if head in ("countries", "governments", "jurisdictions"):
        for metric in ("upgrades", "downgrades", "jurisdictions_rated"):
            if verb.startswith(stems[metric]):
                return metric
    return None


def _resolve_money(unit: str | None, ctx: Context) -> str | None:
    """A bare "$", "dollars", "pesos" or "francs" in the document's own currency: US dollars
    in US government text, the place's own otherwise."""
    if unit is None:
        return None
    code, _, scale = unit.partition(" ")
    if code in LOCAL_CURRENCY:
        local = LOCAL_CURRENCY[code].get(ctx.primary_place or "")
        if code == "$" and (ctx.profile.kind == SourceKind.REPORT or local is None):
            local = "USD"
        if local is None:
            return None  # pesos of which country? say nothing
        code = local
    return f"{code} {scale}".strip()


class FigureExtractor:
    name = "figures"

    def extract(self, ctx: Context) -> Iterator[Fact]:
        text = ctx.text
        carried: str | None = None  # the period set earlier in this paragraph
        last_period: str | None = None  # the last one stated in the document
        segment_end = -1
        paragraph_places: list[str] = []
        last_total: tuple[Found, str | None, int] | None = None
        for sentence in ctx.sentences:
            if sentence.start >= segment_end:  # a new paragraph
                carried, paragraph_places, last_total = None, [], None
                segment_end = next((s.end for s in ctx.segments
                                    if s.start <= sentence.start < s.end), sentence.end)
            found = self._read(ctx, sentence, last_total[0] if last_total else None)
            places = ctx.mentions(sentence)  # with regions, so "from Central Asia and Syria" reads
            resolved, stated = self._periods(ctx, sentence, found, carried, last_period)
            for i, f in enumerate(found):
                period = resolved[i]
                if not stated[i] and f.part_of is not None:
                    period = resolved[f.part_of] if f.part_of >= 0 else (
                        last_total[1] if last_total else period)  # "Of these, five were …"
                metric = BY_NAME.get(f.metric)
                report_level = metric is not None and metric.report_level
                place = None if report_level else (
                    self._place(text, places, paragraph_places, f) or ctx.primary_place)
                if report_level and not stated[i] and ctx.report_year is not None:
                    period = str(ctx.report_year)  # the report counts what it rates itself
                data: dict[str, object] = {
                    "id": f"{ctx.doc.doc}:{f.amount.num_start}",
                    "value": plain(f.amount.value), "unit": _resolve_money(f.amount.unit, ctx)
                    if f.amount.money else f.amount.unit, "qualifier": f.qualifier,
                    "label": f.label, "period": period, "part_of": None, "parts_sum": None,
                    "adds_up": None,
                    "converted": [{"value": plain(v), "unit": _resolve_money(u, ctx) or u}
                                  for v, u in f.converted],
                }
                if f.part_of is not None:
                    total = found[f.part_of] if f.part_of >= 0 else (
                        last_total[0] if last_total else None)
                    data["part_of"] = f"{ctx.doc.doc}:{total.amount.num_start}" if total else None
                children = [j for j, g in enumerate(found) if g.part_of == i]
                if len(children) >= 2:
                    parts_sum = sum(found[j].amount.value for j in children)
                    data["parts_sum"] = plain(parts_sum)
                    data["adds_up"] = abs(parts_sum - f.amount.value) < 1e-9
                yield Fact(FactKind.FIGURE, place, ctx.report_year, f.metric, data,
                           ((f.start, f.end),))
                if not f.compared:
                    last_total = (f, period, i)
            named = [m.place for m in counting_places(text, places) if m.place is not None]
            if named:
                paragraph_places = named
            own = [p for p, st, f in zip(resolved, stated, found, strict=True)
                   if p and st and not f.compared]
            compared_at = next((f.amount.start for f in found if f.compared), sentence.end)
            sentence_period = self._sentence_period(ctx, sentence, compared_at)
            carried = (own[0] if own else None) or sentence_period or carried
            last_period = carried or last_period  # for "during the same year"

    @staticmethod
    def _place(text: str, places: list[Mention], paragraph: list[str], f: Found) -> str | None:
        """The place a figure is about: the place named last before it in its sentence (not
        where people came from or went to), else the paragraph's."""
        before = [m for m in counting_places(text, places)
                  if m.end <= f.amount.start and m.place is not None]
        if before:
            return before[-1].place
        if len(set(paragraph)) == 1:
            return paragraph[0]
        return None

    # --- reading one sentence ---------------------------------------------------------------

    def _read(self, ctx: Context, sentence: Span, previous: Found | None) -> list[Found]:
        """The figures of one sentence; previous is the last total of the paragraph before
        it, which a part at its start ("Of these, 612 were minors") breaks down."""
        text = ctx.text
        found: list[Found] = []
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
        for a in amounts(text, sentence.start, sentence.end):
            if found and found[-1].amount.money and a.money and re.fullmatch(
                    r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|almost|"
                    r"equivalent\s+to|or|i\.e\.)?\s*", text[found[-1].amount.end:a.start], re.I):
                found[-1].converted.append((a.value, a.unit or ""))  # "HK$50m (US$6.4m)"
                found[-1].end = max(found[-1].end, a.end)
                continue
            if self._is_noise(text, sentence, a):
                continue
            if text[a.num_start:a.end].lower() == "no" and not re.match(
                    r"\s+(?:[a-z]+\s+){0,2}(?:investigations|prosecutions|convictions|victims|"
                    r"cases)\b", text[a.end:sentence.end], re.I):
                continue  # "no case went to trial" names no count
            if text[a.num_start:a.end].lower() == "no" and not re.search(
                    r"(?:\b(?:report\w*|record\w*|initiat\w*|identif\w*|open\w*|"
                    r"obtain\w*|achiev\w*|compared\s+with|and|or)|,)\s+$",
                    text[max(sentence.start, a.start - 25):a.start], re.I):
                continue  # "securing no convictions" faults; "reported no convictions" counts
            clause_start = max([sentence.start] + [b for b in breaks if b <= a.start])
            phrase, phrase_end = noun_phrase(text, a.end + (1 if text[a.end:a.end + 1] == " "
                                                           else 0), sentence.end)
            if _TIME_NOUN.match(phrase):
                continue
            share_of = re.match(r"\s+(of\s+(?:all\s+|the\s+|those\s+|these\s+)?)",
                                text[a.end:sentence.end]) if a.unit == "%" else None
            if share_of and not phrase:  # "0.04% of all screening conducted"
                rest, phrase_end = noun_phrase(text, a.end + share_of.end(), sentence.end)
                phrase = f"{share_of.group(1)}{rest}" if rest else ""
            left = text[sentence.start:a.start]
            if a.unit is None and re.fullmatch(r"one", text[a.num_start:a.end], re.I) and (
                    not phrase or re.search(r"\b(?:the|that|this|any|each|every|no|which)\s+$",
                                            left[-8:], re.I)) and not (
                    found and _COMPARED.search(left[-30:]) and not phrase):
                continue  # "the one set out in", "no one"; not "compared with one in 2017"
            q = QUALIFIER.search(left[-24:])
            start = a.start - (len(q.group(0)) if q else 0)
            verb = re.search(r"\b[a-z]+(?:ed|ing)\s+(?:(?:the\s+)?(?:\w+\s+)?(?:of|to|for)\s+)?"
                             r"(?:\w+\s+)?$", left[-50:], re.I)
            if verb and not q:
                start = a.start - (len(left[-50:]) - verb.start())
            f = Found(a, start, max(phrase_end if phrase else a.end, a.end),
                      q.group("q").lower() if q else None, phrase, head_noun(phrase))
            if not phrase and _OF_THEM_AFTER.match(text[a.end:a.end + 12]):
                f.phrase, f.head = "of them", "them"  # "referred 41 of them to care"
            elif not phrase or head_noun(phrase) not in DOMAIN_NOUNS:
                # A translation's word order: "cases total 24", "victims 168 people".
                noun = re.search(r"\b([A-Za-z]+)\s+(?:total\s+|in\s+total\s+|altogether\s+)?$",
                                 left[-30:])
                if noun and noun.group(1).lower() in DOMAIN_NOUNS and not phrase:
                    f.phrase, f.head = noun.group(1), noun.group(1).lower()
            f.compared = bool(found) and (bool(_COMPARED.search(left[-30:])) or (
                found[-1].compared and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                    text[found[-1].end:a.start]) is not None))
            # "compared with nine investigations and four prosecutions": both compared
            if f.compared and left.rstrip().endswith("(") and not _PERIOD_IN_BRACKETS.match(
                    text, a.end, sentence.end):
                # "17 cases in 2018 (eight sex trafficking and nine labor trafficking)": kinds
                kinds_of = found[-1].part_of if found[-1].part_of is not None else len(found) - 1
                f.compared, f.part_of = False, kinds_of
                f.metric, f.label = found[kinds_of].metric, phrase or found[kinds_of].label
                f.head = found[kinds_of].head
                found.append(f)
                continue
            part = re.match(r"\s*(?:were|was|are|is|involved|concerned|related|had|remained|"
                            r"have\s+been|has\s+been|had\s+been|led|resulted|received)\b",
                            text[a.end:sentence.end], re.I)
            if not phrase and part and not f.compared and (found or (
                    previous is not None and _PART_OPENS.match(text, sentence.start, a.start))):
                # "…, 31 involved forced labor", "Of them, 612 were minors": a part.
                at = max((j for j, g in enumerate(found) if not g.compared), default=-1)
                broken_down = found[at].part_of if at >= 0 else None
                if broken_down is not None:
                    at = broken_down  # "of which 3 were …, 3 were … and 5 were …"
                if at < 0 and previous is None:
                    continue
                total = found[at] if at >= 0 else previous
                assert total is not None
                f.metric, f.label, f.head = total.metric, total.label, total.head
                f.part_of = at
                counted = _PART_VERB.match(text, a.end, sentence.end)
                if counted:  # "of these, five were convicted": a part counted by its own verb
                    part_verb = (counted.group("verb") or counted.group("verb2")).lower()
                    f.metric = "convictions" if part_verb == "received" else (
                        _by_verb(part_verb, total.head if total.head in DOMAIN_NOUNS else "them")
                        or f.metric)
                found.append(f)
                continue
            if f.compared and not phrase and found:
                # "compared with 140 in 2019": it counts what the figure before it counts.
                before = found[-1]
                f.metric, f.label, f.head = before.metric, before.label, before.head
                found.append(f)
                continue
            metric = classify(f, text, sentence, clause_start)
            if metric is None and found and not phrase and re.search(
                    r"(?:\band|,)\s+[a-z]+ed\s+$", left[-30:]):
                # "upgraded 21 countries and downgraded 18": its verb, with the noun before
                metric = _by_verb(_verb_before(text, clause_start, a.start), found[-1].head)
            if metric is None and found and a.unit == found[-1].amount.unit and (
                    not phrase or found[-1].part_of is not None) \
                    and re.search(r"(?:,|:|\band)\s*$", left[-6:]):
                # "22 investigations: 15 for sex trafficking and 6 for labour", "of these,
                # 31 involved forced labour and 53 sex trafficking"
                metric = found[-1].metric
                f.part_of = found[-1].part_of
            if metric is None:
                continue
            f.metric = metric
            f.label = phrase or metric.replace("_", " ")
            found.append(f)
        self._link_parts(text, found)
        return found

    @staticmethod
    def _is_noise(text: str, sentence: Span, a: Amount) -> bool:
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

    @staticmethod
    def _link_parts(text: str, found: list[Found]) -> None:
        """Parts of a total: "84 investigations; of these, 31 … and 53 …", "identified 54
        victims, including 38 boys", "received 1 020 calls, of which 37 …". A part counts
        what its total counts unless its own words say otherwise."""
        total: int | None = None
        for j, f in enumerate(found):
            if f.compared:
                continue
            gap = text[found[total].end if total is not None else 0:f.amount.start] \
                if total is not None else ""
            opens = total is not None and (
                re.search(r"(?:\bof\s+(?:these|them|those|whom|which)|\bincluding|\bamong\s+"
                          r"(?:them|whom|these)|\bcomprising)\b[^.;]{0,40}$|^[^.;:]{0,40}:\s*$",
                          gap, re.I)
                or (found[total].part_of is None and any(
                    g.part_of == total for g in found) and re.fullmatch(
                    r"[^.;]{0,80}?(?:,|\band\b)\s*(?:\w+\s+){0,2}", gap, re.I)))
            if f.part_of is not None:
                continue
            if opens and total is not None and f.amount.unit == found[total].amount.unit:
                f.part_of = total
                if f.metric in ("other", "") or (f.metric == "victims_identified" and
                                                  found[total].metric != f.metric and
                                                  f.head in PEOPLE):
                    f.metric = found[total].metric
                continue
            total = j
        _link_listed_parts(text, found)

    # --- periods ----------------------------------------------------------------------------

    def _periods(self, ctx: Context, sentence: Span, found: list[Found], carried: str | None,
                 last: str | None) -> tuple[list[str | None], list[bool]]:
        """Each figure's period, and whether the text states it: a period in its own words
        (after it, before the next figure), else for a total the sentence's (not one a
        compared number owns) or the paragraph's, else in US government text the reporting
        period; a compared number without its own takes the period before its total's."""
        text = ctx.text
        matches = periods(text, sentence.start, sentence.end)
        out: list[str | None] = []
        stated: list[bool] = []
        owned: set[int] = set()  # periods a compared number owns: no one else's
        for i, f in enumerate(found):
            ceiling = found[i + 1].amount.start if i + 1 < len(found) else sentence.end
            breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text, f.end, ceiling)]
            limit = min([ceiling, *breaks])
            own = [m for m in matches if f.end <= m.start() < limit and m.start() - f.end < 60
                   and not m.group("same") and self._period_value(ctx, m, out, found, i, last)]
            if f.compared and not own and i + 1 < len(found) and found[i + 1].compared and \
                    re.fullmatch(r"\s*(?:,|and|or)\s*", text[f.end:found[i + 1].amount.start]):
                # "compared with nine investigations and four prosecutions in 2015"
                nxt = found[i + 2].amount.start if i + 2 < len(found) else sentence.end
                own = [m for m in matches if found[i + 1].end <= m.start() < nxt
                       and m.start() - found[i + 1].end < 60]
            period = None
            if own:
                if f.compared:
                    owned.add(own[0].start())
                period = self._period_value(ctx, own[0], out, found, i, last)
            out.append(period)
            stated.append(period is not None)
        default = str(ctx.report_year - 1) if ctx.report_year is not None and \
            ctx.profile.kind == SourceKind.REPORT else None  # the reporting period
        for i, f in enumerate(found):
            if out[i] is None and not f.compared:
                before = self._before(ctx, matches, owned, f, sentence, last)
                out[i] = before or carried
                stated[i] = out[i] is not None
                out[i] = out[i] or default
        for i, f in enumerate(found):
            if out[i] is None and f.compared:
                main = next((out[j] for j in range(i - 1, -1, -1) if not found[j].compared),
                            None)
                out[i] = _shift(main, -1)
        return out, stated

    def _before(self, ctx: Context, matches: list[re.Match[str]], owned: set[int], f: Found,
                sentence: Span, last: str | None) -> str | None:
        """The sentence's period for a figure: the last one before it that no compared number
        owns, else the first after it."""
        free = [m for m in matches if m.start() not in owned and not m.group("before")
                and self._period_value(ctx, m, [], [], 0, last)]
        before = [m for m in free if m.end() <= f.amount.start]
        chosen = before[-1] if before else next((m for m in free if m.start() >= f.end), None)
        return self._period_value(ctx, chosen, [], [], 0, last) if chosen else None

    @staticmethod
    def _sentence_period(ctx: Context, sentence: Span, stop: int) -> str | None:
        """The period a sentence sets for the ones after it; stop is where the numbers it
        compares with begin (their periods are theirs: "compared with 1,824 in 2014")."""
        for m in periods(ctx.text, sentence.start, stop):
            if not m.group("before") and not m.group("prev") and not m.group("same"):
                value = FigureExtractor._period_value(ctx, m, [], [], 0, None)
                if value:
                    return value
        return None

    @staticmethod
    def _period_value(ctx: Context, m: re.Match[str], out: list[str | None],
                      found: list[Found], i: int, last: str | None) -> str | None:
        published = ctx.published
        dated = int(published[:4]) if published else None
        report = ctx.report_year
        if m.group("fy"):
            return _financial_year(m.group("fy"))  # None for a plan's span ("2021-2025")
        if m.group("fyy"):
            return m.group("fyy")
        if m.group("year") or m.group("survey"):
            return m.group("year") or m.group("survey")  # "in 2019", "a 2019 survey found"
        if m.group("last"):
            return str(dated - 1) if dated else None
        if m.group("this"):
            return str(dated) if dated else None
        if m.group("rp"):
            return str(report - 1) if report else None
        if m.group("prev"):
            return str(report - 2) if report else None
        if m.group("same"):  # "during the same year": the last period stated
            return last
        if m.group("before"):  # "the year before": a year before the figure it follows
            main = next((out[j] for j in range(len(out) - 1, -1, -1)
                         if j < len(found) and not found[j].compared and out[j]), None)
            return _shift(main, -1)
        return None


_LISTED = re.compile(r"\s*(?:,|:|—|–|-)\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def _link_listed_parts(text: str, found: list[Found]) -> None:
    """A total followed at once by a list of its kinds: "114 investigations, 64 cases of
    sex trafficking, 46 cases of labour trafficking, and three cases of …". Each listed
    item must name its own kind (more words than its noun) and count what the total
    counts, and together they must not exceed it; a plain list ("12 traffickers, 5
    recruiters and 3 officials") is no breakdown."""
    for j, total in enumerate(found):
        if total.part_of is not None or total.compared or any(f.part_of == j for f in found):
            continue
        items: list[int] = []
        end = total.end
        for k in range(j + 1, len(found)):
            f = found[k]
            if f.part_of is not None or f.compared or f.metric != total.metric or \
                    f.amount.unit != total.amount.unit or \
                    not _LISTED.fullmatch(text[end:f.start]) or len(f.phrase.split()) < 2:
                break
            items.append(k)
            end = f.end
        if len(items) >= 2 and sum(found[k].amount.value for k in items) <= total.amount.value:
            for k in items:
                found[k].part_of = j


def counting_places(text: str, places: list[Mention]) -> list[Mention]:
    """The places that can be the ones counting: not where people came from or went to
    ("victims from Central Asia and Syria"), nor those listed with such a place."""
    out: list[Mention] = []
    away = False
    previous: Mention | None = None
    for m in places:
        joined = previous is not None and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                      text[previous.end:m.start]) is not None
        away = _AWAY.search(text[max(0, m.start - 14):m.start]) is not None or (joined and away)
        if not away:
            out.append(m)
        previous = m
    return out


def _financial_year(raw: str) -> str | None:
    """'2019-20', '2023/24' -> '2023-24', '2019-2020' -> '2019-20'; a span of more than one
    year ("the 2021-2025 plan") is no financial year."""
    first, _, last = re.split(r"([-–/])", raw)
    if int(last[-2:]) != (int(first) + 1) % 100:
        return None
    return f"{first}-{last[-2:]}"


def _shift(period: str | None, by: int) -> str | None:
    if period is None or not period[:4].isdigit():
        return None
    if len(period) == 4:
        return str(int(period) + by)
    first = int(period[:4]) + by
    return f"{first}-{str(first + 1)[-2:]}"

