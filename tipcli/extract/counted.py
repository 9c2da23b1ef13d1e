"""What a number counts: the noun after it, the verb that counts it, and so its metric."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipcli.extract.amounts import AMOUNT, Amount
from tipcli.lexicon.metrics import (
    BY_NAME,
    DOMAIN_NOUNS,
    METRICS,
    OFFENDERS,
    OFFICIALS,
    OTHER_CRIMES,
    PEOPLE,
)
from tipcli.lexicon.numbers import COUNT_WORDS
from tipcli.text import Span

# Money that is no funding nor fee: fines, bail, wages, markets.
_MONEY_NOT = re.compile(r"\b(?:fines?|fined|penalt\w*|bail|rewards?|salar\w*|wages?|earn\w*|"
                        r"bribes?|profits?|revenues?|ransom|costs?|prices?|worth|valued?|gdp|"
                        r"trade|exports?|imports?|loans?|debts?|sales?|turnover|market|shares|"
                        r"index|stocks?|bonds?)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[,;:.()]|\d[\d,.]*")
_NP_STOP = re.compile(
    r"^(?:were|was|is|are|have|has|had|been|be|will|would|under|in|on|at|by|from|to|with|"
    r"without|since|during|after|before|compared|than|or|but|while|which|who|that|as|into|"
    r"across|against|each|every|per|a|an|the|last|this|annually|so|when|where|involved|"
    r"including|were|who|whom|whose|this|these|those|its|their|his|her|led|resulted|received|"
    r"receive|got|remain|remained|went|came|faced)$",
    re.IGNORECASE)
OF_THEM_AFTER = re.compile(r"^\s+of\s+(?:them|these|those|whom)\b", re.IGNORECASE)
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
# "victims of employment fraud", "scam victims": a crime other than trafficking.
_OTHER_CRIME = re.compile(r"\bvictims?\s+of\s+(?:(?!traffick)[\w-]+\s+){0,3}?(?:" + "|".join(
    re.escape(c) for c in OTHER_CRIMES) + r")|\b(?:" + "|".join(re.escape(c) for c in OTHER_CRIMES)
    + r")\w*\s+victims?\b", re.IGNORECASE)
_SCAM_COMPOUND = re.compile(r"\bscam\s+(?:compounds?|centres?|centers?|hubs?|operations?)\b",
                            re.IGNORECASE)
_TRAFFICKING = re.compile(r"\btraffick|\bforced\b|\bexploit", re.IGNORECASE)
_TRAINED_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:received|receiving|underwent|attended|completed|"
                            r"were\s+given|took\s+part\s+in|participated\s+in)\s+(?:\w+\s+){0,3}?"
                            r"(?:training|courses?|workshops?)\b", re.IGNORECASE)
# "paying brokers as much as NT$68,000", "pay agents more than NPR 150,000".
_PAID_TO_RECRUITERS = re.compile(r"\b(?:pa(?:y|id|ying|ys)|owe\w*|charged)\s+(?:\w+\s+){0,2}"
                                 r"(?:brokers?|recruiters?|agents?|agencies|middlemen|"
                                 r"intermediaries)\b", re.IGNORECASE)
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


def verb_before(text: str, clause_start: int, at: int) -> str:
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
    verb = verb_before(text, clause_start, a.start)
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
        metric = by_verb(adjective.group(1), head)  # "268 convicted traffickers"
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
    if head not in DOMAIN_NOUNS and not OF_THEM_AFTER.match(text[a.end:a.end + 12]):
        return None
    if head in OFFICIALS and _TRAINED_AFTER.match(right):
        return "officials_trained"  # "5,200 frontline officers received specialised training"
    close = verb and re.search(rf"\b{verb}\b(?:\s+[\w'’-]+){{0,3}}\s*$", left, re.IGNORECASE)
    if close:  # "assisted 203 victims, some of whom had been identified": the verb before
        metric = by_verb(verb, head)
        if metric is not None:
            return metric
    passive = _PASSIVE_AFTER.match(right)
    if _SCREENED_AS.match(right) or (passive and passive.group("verb").lower().startswith(
            ("identif", "rescu", "found", "certif", "recogni", "confirm"))):
        return "victims_identified"
    for candidate in (verb, passive.group("verb").lower() if passive else ""):
        if not candidate:
            continue
        metric = by_verb(candidate, head)
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
    if head in DOMAIN_NOUNS or OF_THEM_AFTER.match(text[a.end:a.end + 12]):
        return "other"
    return None


def _by_noun(head: str, phrase: str = "") -> str | None:
    for metric in METRICS:
        for noun in metric.nouns:
            if noun == head or (" " in noun and noun in phrase):
                return metric.name
    return None


def by_verb(verb: str, head: str) -> str | None:
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
