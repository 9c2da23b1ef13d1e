"""Figures: stated counts and amounts with their meaning, period, place and breakdowns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from tipcli.extract.base import Context, Fact
from tipcli.extract.numbers import parse_number, plain
from tipcli.extract.years import periods
from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.facts import FactKind
from tipcli.lexicon.numbers import COUNT_WORDS, CURRENCY_SIGNS, SCALES
from tipcli.text import Span

NUMBER = re.compile(
    rf"(?P<currency>{CURRENCY_SIGNS})?"
    r"(?P<num>(?<![\w.,-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)(?!\w)"
    r"|(?<![\w.,-])\d+(?:\.\d+)?(?![\w])"
    r"|\b(?:" + COUNT_WORDS + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b"
    r"|\bno\b(?=\s+(?:[a-z]+\s+){0,2}(?:investigations?|prosecutions?|convictions?|victims?"
    r"|cases?)\b))"
    r"(?P<scale>\s?(?:million|billion|thousand|mn|bn|m)\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
# Where a NUMBER match can begin: its number starts at a digit run or a count
# word, with at most five characters of currency before it ("MOP$ ").
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[A-Za-z]+")
_COUNT_STARTS = frozenset(w for w in COUNT_WORDS.split("|") if " " not in w) | {"a", "no"}
_CURRENCY_BEFORE = re.compile(f"(?:{CURRENCY_SIGNS})$", re.I)


def number_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What NUMBER.finditer(text, start, end) yields, several times faster.

    Trying the pattern only where a number can begin, instead of at every
    character, matters: figures are extracted from every sentence indexed.
    """
    chunk = text[start:end]
    starts = [start + m.start() for m in _DIGITS.finditer(chunk)]
    starts += [start + m.start() for m in _LETTERS.finditer(chunk)
               if m.group(0).lower() in _COUNT_STARTS]
    cursor = start
    for pos in sorted(starts):
        if pos < cursor:
            continue
        currency = _CURRENCY_BEFORE.search(text, max(cursor, pos - 5), pos)
        for attempt in ((currency.start(), pos) if currency else (pos,)):
            match = NUMBER.match(text, attempt, end)
            if match:
                yield match
                cursor = match.end()
                break


QUALIFIER = re.compile(
    r"\b(?P<q>more than|over|about|around|approximately|nearly|almost|only|at least|up to|"
    r"some|fewer than|less than|just|roughly|close to|an estimated|a total of|a mere)\s+$",
    re.IGNORECASE,
)
# Left contexts that make a number a label, not a count: Tier 2, Chapter 57, No. 5.
_NOT_A_COUNT_LEFT = re.compile(
    r"(?:\btier|\bchapter|\bcap\.?|\bsection|\bs\.|\barticle|\bordinance|\bno\.|\bnumber|"
    r"\brule|\bparagraph|\bclause|\bpage|\bphase|\blevel|\bgrade|\bcovid|\bhkt|\bg|\bitem|"
    r"\bversion|\bline|\broom|\bflat|\bfloor|\bblock|\bunit|\bbox|\btel\.?|\bphone|\bfax|"
    r"\+|#)[\s:]*$",
    re.IGNORECASE,
)
_MONTH = MONTHS + r"\.?"
_DATE_LEFT = re.compile(_MONTH + r"\s*$", re.IGNORECASE)
_NOT_A_COUNT_RIGHT = re.compile(
    r"^(?:-year-old|-years?-old|\s*years?\s+old|-month|-day|-week|-hour|(?:st|nd|rd|th)\b|"
    r":\d|\s*(?:am|pm|a\.m\.|p\.m\.)\b|\s*" + _MONTH + r"(?!\w)|[-–/]\d|\)\s*(?:\.|$)|\.\d"
    r"|\s+of\s+(?:the|them|those|these|us|its|our)\b(?!\s*\w+\s+(?:were|was|have|had)))",
    re.IGNORECASE)
_TIME_UNIT = re.compile(r"^(?:years?|months?|weeks?|days?|hours?|decades?|times|minutes?|"
                        r"consecutive|straight|successive|per cent)\b", re.IGNORECASE)
_NP_STOP = re.compile(
    r"^(?:were|was|is|are|have|has|had|been|be|will|would|under|in|on|at|by|from|to|with|"
    r"without|since|during|after|before|compared|than|or|but|while|which|who|that|as|into|"
    r"across|against|each|every|per|a|an|the|last|this|annually|so|when|where|involved|"
    r"including)$",
    re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,?\s*\b(?:compared (?:with|to)|while|whereas|but)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[,;:.()]|\d[\d,.]*")


@dataclass(frozen=True)
class Found:
    start: int  # evidence start (qualifier or number)
    end: int  # evidence end (end of what is counted)
    num_start: int
    value: float
    unit: str | None
    qualifier: str | None
    phrase: str  # the words naming what is counted
    phrase_end: int
    metric: str = ""
    label: str = ""


def noun_phrase(text: str, start: int, limit: int, allow_of: bool = False) -> tuple[str, int]:
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
            if NUMBER.match(following) or not words or re.match(r"\w+ed\b", following):
                break
        elif lowered == "of":
            if not words and not allow_of:
                break
        elif lowered == "for" and not words:
            pass  # "15 for sex trafficking": a part named by what it is for
        elif token[0].isdigit() and words and words[-1].lower() == "tier":
            pass  # "106 Tier 2 jurisdictions"
        elif _NP_STOP.match(token) or token[0].isdigit() or lowered == "for":
            break
        words.append(token)
        end = match.end()
        pos = match.end()
        if len(words) >= 8:
            break
    while words and words[-1].lower() in ("and", "of"):
        words.pop()
        end = text.rfind(" ", start, end) if " " in text[start:end] else start
    return " ".join(words), (end if words else start)


METRIC_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    # (metric, where to look, pattern); first match wins.
    ("victims_identified_share", "percent", re.compile(r"identified as victims", re.I)),
    ("victim_screenings", "phrase", re.compile(r"screen|identification (?:audit|check)", re.I)),
    ("victim_screenings", "left", re.compile(r"\bscreen(?:ed|ing)\s+(?:\w+\s+){0,2}$", re.I)),
    ("victim_screenings", "right", re.compile(r"^\s*(?:were|was|have been|had been) screened",
                                              re.I)),
    ("victims_rescued", "sentence+victim", re.compile(r"rescu", re.I)),
    ("victims_identified", "sentence+victim", re.compile(r"identif", re.I)),
    ("victims_identified", "right", re.compile(
        r"^(?:[^.;]|\.\d){0,60}?\b(?:were|was|have been|had been|being)\s+(?:\w+\s+)?"
        r"identified", re.I)),
    ("victims", "phrase", re.compile(r"victim", re.I)),
    ("investigations", "phrase", re.compile(r"investigation", re.I)),
    ("prosecutions", "phrase", re.compile(r"prosecution", re.I)),
    ("prosecutions", "left", re.compile(r"\bprosecut\w*\s+(?:\w+\s+){0,1}$", re.I)),
    ("convictions", "phrase", re.compile(r"conviction", re.I)),
    ("convictions", "left", re.compile(r"\bconvict\w*\s+(?:\w+\s+){0,1}$", re.I)),
    ("arrests", "phrase", re.compile(r"arrest", re.I)),
    ("arrests", "left", re.compile(r"\barrest\w*\s+(?:\w+\s+){0,1}$", re.I)),
    ("inspections", "phrase", re.compile(r"inspection", re.I)),
    ("licences_revoked", "sentence+licence", re.compile(r"revok|cancel", re.I)),
    ("new_posts", "phrase", re.compile(r"\bposts?\b", re.I)),
    ("complaints", "phrase", re.compile(r"complaint", re.I)),
    ("measures", "phrase", re.compile(r"\bmeasures?\b", re.I)),
    ("legal_provisions", "phrase", re.compile(r"\bprovisions?\b", re.I)),
    ("jurisdictions", "phrase", re.compile(r"\bjurisdictions\b|\bcountries\b", re.I)),
]


def metric_for(found: Found, text: str, sentence: Span) -> str:
    left = text[sentence.start:found.num_start]
    right = text[found.phrase_end:sentence.end]
    if (found.unit and "$" in found.unit) or (found.unit or "").startswith(("RMB", "€", "£", "¥")):
        return "funding"
    for metric, where, pattern in METRIC_RULES:
        if where == "percent":
            if found.unit == "%" and pattern.search(right[:80]):
                return metric
            continue
        if found.unit == "%":
            continue
        if where == "phrase" and pattern.search(found.phrase):
            return metric
        if where == "left" and pattern.search(left[-40:]):
            return metric
        if where == "right" and pattern.search(right):
            return metric
        if where == "sentence+victim" and re.search(r"victim", found.phrase, re.I) \
                and pattern.search(sentence.text):
            return metric
        if where == "sentence+licence" and re.search(r"agenc|licen[cs]e", found.phrase, re.I) \
                and pattern.search(left[-80:]):
            return metric
    if found.unit == "%":
        return "percentage"
    words = re.findall(r"[a-z]+", found.phrase.lower())
    return "_".join(words[:3]) or "count"


class FigureExtractor:
    name = "figures"

    def extract(self, ctx: Context) -> Iterator[Fact]:
        carried: str | None = None  # the period "the same period" refers to
        for sentence in ctx.sentences:
            found = share_coordinated_nouns(ctx.text, list(self._numbers(ctx.text, sentence)))
            parts = self._breakdowns(ctx.text, found)
            for j, t in parts.items():
                found[j] = replace(found[j], metric=found[t].metric)
            places = [m for m in ctx.mentions(sentence) if m.place is not None] if found else []
            place = places[0].place if places else ctx.primary_place
            for i, fig in enumerate(found):
                period = self._period(ctx, sentence, fig, carried)
                data: dict[str, object] = {
                    "id": f"{ctx.doc.doc}:{fig.num_start}",
                    "value": plain(fig.value), "unit": fig.unit, "qualifier": fig.qualifier,
                    "label": fig.label, "period": period, "part_of": None,
                    "parts_sum": None, "adds_up": None,
                }
                if i in parts:
                    data["part_of"] = f"{ctx.doc.doc}:{found[parts[i]].num_start}"
                children = [j for j, t in parts.items() if t == i]
                if children:
                    parts_sum = sum(found[j].value for j in children)
                    data["parts_sum"] = plain(parts_sum)
                    data["adds_up"] = abs(parts_sum - fig.value) < 1e-9
                where = None if fig.metric == "jurisdictions" else place
                yield Fact(FactKind.FIGURE, where, ctx.report_year, fig.metric, data,
                           ((fig.start, fig.end),))
            stated = self._period(ctx, sentence, None, carried)
            carried = stated or carried

    def _numbers(self, text: str, sentence: Span) -> Iterator[Found]:
        previous: Found | None = None
        for m in number_matches(text, sentence.start, sentence.end):
            num_start = m.start("num")
            left = text[sentence.start:m.start()]
            right = text[m.end():sentence.end]
            raw = m.group("num")
            if _NOT_A_COUNT_LEFT.search(left[-14:]) and not m.group("currency"):
                continue
            if _DATE_LEFT.search(left[-12:]) or _NOT_A_COUNT_RIGHT.match(right):
                continue
            if re.match(r"^[ -]\d{4}\b", right) or re.search(r"(?:\d{3,4}[ -]|\+\d{1,3} ?)$",
                                                              left[-6:]):
                continue  # a phone number: 2835 1473, +852 2835 1473
            if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099:
                continue  # a year
            if re.match(r"^\s*(?:of\s+)?(?:dozens|hundreds|thousands|millions)\b", right, re.I):
                continue
            value = parse_number(raw)
            if value is None:
                continue
            unit = None
            currency = (m.group("currency") or "").strip()
            scale = (m.group("scale") or "").strip().lower()
            if m.group("percent"):
                unit = "%"
            elif currency:
                unit = currency + (f" {'million' if scale in ('m', 'mn') else scale}"
                                   if scale else "")
            elif scale:
                value *= SCALES[scale]
            skip = 1 if text[m.end():m.end() + 1] == " " else 0
            phrase, phrase_end = noun_phrase(text, m.end() + skip, sentence.end,
                                             allow_of=bool(m.group("percent")))
            if not phrase:
                phrase_end = m.end()
            if _TIME_UNIT.match(phrase):
                continue
            if raw.lower() == "one" and (not phrase or phrase.lower().startswith("of") or
                                         re.search(r"\b(?:the|that|this|any|each|every|no|which)"
                                                   r"\s+$", left[-8:], re.I)):
                continue  # "the one set out in", "one of the", "no one"
            q = QUALIFIER.search(left[-20:])
            start = m.start() - (len(q.group(0)) if q else 0)
            verb = re.search(r"\b(?:prosecuted|convicted|arrested|screened|identified|revoked|"
                             r"inspected|rescued)\s+(?:(?:or|and)\s+\w+\s+(?:to\s+\w+\s+)?"
                             r"\w+\s+for\s+)?(?:\w+\s+)?$", left[-70:], re.I)
            if verb and not q:
                start = m.start() - (len(left[-70:]) - verb.start())
            found = Found(start, max(phrase_end, m.end()), num_start, value, unit,
                          q.group("q").lower() if q else None, phrase, max(phrase_end, m.end()))
            # "compared with 12 in 2017": an elliptical figure counts what the last one did.
            elliptical = re.search(r"\b(?:compared (?:with|to)|versus|against|up from|down from|"
                                   r"from|to)\s+$", left[-25:], re.I)
            if not phrase and elliptical and previous is not None and unit == previous.unit:
                found = replace(found, metric=previous.metric, label=previous.label)
            else:
                found = replace(found, metric=metric_for(found, text, sentence))
                label, end = self._label(found, text, sentence)
                found = replace(found, label=label, end=max(found.end, end))
            previous = found
            yield found

    @staticmethod
    def _label(found: Found, text: str, sentence: Span) -> tuple[str, int]:
        """Plain words for what is counted, and where the words that say so end."""
        if found.metric == "funding":
            before = text[sentence.start:found.start]
            noun = re.search(r"\b((?:\w+\s+)?(?:funding|budget|allocation|grant|resources?))"
                             r"\s+(?:of\s+)?(?:an?\s+)?(?:additional\s+)?$", before, re.I)
            return (noun.group(1) if noun else "funding"), found.end
        if found.phrase:
            return found.phrase, found.end
        right = text[found.phrase_end:sentence.end]
        clause = re.match(r"\s*(?:were|was|have been|had been)\s+((?:involved in\s+)?[^,;.]{3,60}?)"
                          r"(?=\s+and\s+\d|\s*[,;.]|$)", right)
        if clause:
            return clause.group(1).strip(), found.phrase_end + clause.end(1)
        return found.metric.replace("_", " "), found.end

    @staticmethod
    def _breakdowns(text: str, found: list[Found]) -> dict[int, int]:
        """Part index -> total index, for "114 investigations, 64 cases of ..., 46 ..." and
        "prosecuted 11 agencies, of which 3 ..., 3 ... and 5 ..."."""
        links: dict[int, int] = {}
        i = 0
        while i < len(found):
            total = found[i]
            parts: list[int] = []
            cursor = total.end
            for j in range(i + 1, len(found)):
                gap = text[cursor:found[j].start]
                if re.search(r"compared|while|whereas|;|\bversus\b|\bthan\b", gap, re.I):
                    break
                opener = (r"^\s*(?:(?:in|during)\s+\d{4}\s*)?(?::|,|\()\s*(?:\w+\s+){0,2}$"
                          r"|^[^.;:]{0,60}?(?::|,?\s*\b(?:of which|of whom|including|among them|"
                          r"comprising)\b)\s*(?:\w+\s+){0,2}$") if not parts \
                    else r"^[^.]{0,120}?(?:,|\band\b)\s*(?:\w+\s+){0,2}$"
                if not re.search(opener, gap, re.I) or found[j].unit != total.unit:
                    break
                parts.append(j)
                cursor = found[j].end
            if len(parts) >= 2 and sum(found[j].value for j in parts) <= total.value * 1.5:
                for j in parts:
                    links[j] = i
                i = parts[-1] + 1
            else:
                i += 1
        return links

    @staticmethod
    def _period(ctx: Context, sentence: Span, fig: Found | None,
                carried: str | None) -> str | None:
        """What a figure counts: a period in its own clause (after it, else before it),
        else the sentence's earlier one, else a later one. Without fig: the sentence's."""
        text = ctx.text
        candidates = periods(text, sentence.start, sentence.end)
        if not candidates:
            return None
        if fig is None:
            match = candidates[0]
        else:
            lo = max([sentence.start] + [sentence.start + b.end() for b in
                                         _CLAUSE_BREAK.finditer(sentence.text)
                                         if sentence.start + b.end() <= fig.num_start])
            hi = min([sentence.end] + [sentence.start + b.start() for b in
                                       _CLAUSE_BREAK.finditer(sentence.text)
                                       if sentence.start + b.start() >= fig.end])
            after = [m for m in candidates if fig.end <= m.start() < hi]
            before = [m for m in candidates if lo <= m.start() < fig.num_start]
            earlier = [m for m in candidates if m.start() < fig.num_start]
            match = (after or before or earlier[-1:] or candidates)[0] if after else (
                before[-1] if before else (earlier[-1] if earlier else candidates[0]))
        published = ctx.published
        base = int(published[:4]) if published else ctx.report_year
        if match.group("fy"):
            return match.group("fy").replace("–", "-")
        if match.group("year"):
            return match.group("year")
        if match.group("last"):
            return str(base - 1) if base else None
        if match.group("this"):
            return str(base) if base else None
        if match.group("same"):
            return carried
        if match.group("prev"):
            main = [m.group("year") for m in candidates if m.group("year")]
            return str(int(main[0]) - 1) if main else None
        return None

def share_coordinated_nouns(text: str, found: list[Found]) -> list[Found]:
    """"14 new and 20 ongoing measures": the first count takes the noun of the second."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if re.fullmatch(r"\s+and\s+", text[a.phrase_end:b.num_start]) and b.phrase and (
                len(a.phrase.split()) <= 1):
            head = b.phrase.split()[-1]
            out[i] = replace(a, phrase=f"{a.phrase} {head}".strip(), metric=b.metric,
                             label=f"{a.phrase} {head}".strip(), end=b.end)
    return out
