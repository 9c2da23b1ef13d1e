"""Ratings: which tier a TIP Report gave a place, stated outright or inferred from the wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tipcli.extract.base import Context, Fact
from tipcli.extract.numbers import small_number
from tipcli.extract.places import Mention, canonical, mentions
from tipcli.extract.years import report_year_in
from tipcli.lexicon.kinds import Basis, FactKind, Tier
from tipcli.lexicon.numbers import NUMBER_WORDS, ORDINALS, ROMAN_NUMERALS
from tipcli.lexicon.places import PLACE_PRONOUNS
from tipcli.lexicon.reports import TIP_CONTEXT
from tipcli.text import Span

_NUMERAL = {"1": 1, "2": 2, "3": 3, **ROMAN_NUMERALS,
            **{w: n for w, n in NUMBER_WORDS.items() if w in ("one", "two", "three")}}
_BY_NUMBER = {1: Tier.TIER_1, 2: Tier.TIER_2, 3: Tier.TIER_3}

TIER = re.compile(
    r"(?P<named>\btier[\s-]*(?P<n>1|2|3|one|two|three|iii|ii|i)\b(?![-‐]tier)"
    r"(?P<wl>[\s\"'“”‘’-]*watch[\s-]*list)?)"
    r"|(?P<ordinal>\b(?P<rank>second|lowest|bottom|worst|top|highest|best)[\s-]+(?:level|tier)\b"
    r"(?P<paren>\s*\(\s*watch[\s-]*list\s*\))?)"
    r"|(?P<bare>\bwatch[\s-]*list\b)",
    re.IGNORECASE,
)
# Words before a tier that make it hypothetical or a rule, not a rating.
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|should|shall|if|unless|whether|risks?|risked|threat|avoid|"
    r"avoided|face|faces|facing|waiver|otherwise|automatic(?:ally)?|required|criteria|"
    r"eligible)\b[^.;]*$",
    re.IGNORECASE,
)
# A tier that names a class of countries is a definition ("Tier 2 countries do not...").
_CLASS_NOUN = re.compile(
    r"^[\s\"'”’]*(?:countries|country|nations|jurisdictions|governments|status|category|"
    r"designation|ranking|rankings|criteria|list\s+of)\b",
    re.IGNORECASE)
_TIP_CONTEXT = re.compile(TIP_CONTEXT, re.IGNORECASE)
# "upgraded to Tier 2 after being placed on a watchlist ... for three years"
_EARLIER_RUN = re.compile(
    r"\b(?:after|having\s+been|following)\b[^.;]{0,80}?$", re.IGNORECASE)
_FOR_YEARS = re.compile(
    r"^[^.;]{0,60}?\bfor\s+(?:the\s+(?:past|previous|last)\s+)?(?P<n>\w+)\s+"
    r"(?:consecutive\s+|straight\s+|successive\s+)?years\b", re.IGNORECASE)
_NTH_YEAR = re.compile(
    r"^[^.;]{0,40}?\bfor\s+(?:a|the)\s+(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:consecutive|straight|successive|running)\s+year",
    re.IGNORECASE)
_FROM_TIER = re.compile(
    r"\b(?:upgrad\w*|downgrad\w*|mov\w*|rais\w*|lower\w*|promot\w*|drop\w*|demot\w*|"
    r"lift\w*|remov\w*|took|taken|take)\b[^.;]{0,40}?\bfrom\s+(?:a|the|its)?\s*$",
    re.IGNORECASE)
_LIST = re.compile(
    r"(?P<tier>\btier[\s-]*(?:1|2|3|one|two|three)(?:\s+watch[\s-]*list)?)\s+"
    r"(?:countries|jurisdictions|nations|governments)\b[^.;]*?\b(?:including|such\s+as|"
    r"among\s+them|like)\s+(?P<list>[A-Z][^.;]*)",
    re.IGNORECASE)
_LIST_ITEM = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+(?=[A-Z][a-z]+\s+[A-Z]))?"
                        r"[A-Z][\w'’.-]*)*")
_PRONOUN = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in PLACE_PRONOUNS) + r")\b",
                      re.IGNORECASE)


def tier_of(match: re.Match[str]) -> Tier | None:
    if match.group("named"):
        n = _NUMERAL[match.group("n").lower()]
        if match.group("wl"):
            return Tier.WATCH_LIST if n == 2 else None
        return _BY_NUMBER[n]
    if match.group("ordinal"):
        rank = match.group("rank").lower()
        if rank == "second":
            return Tier.WATCH_LIST if match.group("paren") else Tier.TIER_2
        return Tier.TIER_3 if rank in ("lowest", "bottom", "worst") else Tier.TIER_1
    return Tier.WATCH_LIST  # a bare "watch list" in a TIP context


def _rating(place: str, year: int, tier: Tier, basis: Basis, span: tuple[int, int]) -> Fact:
    return Fact(FactKind.RATING, place, year, tier, {"basis": basis}, (span,))


class RatingExtractor:
    name = "ratings"

    def extract(self, ctx: Context) -> Iterator[Fact]:
        for sentence in ctx.sentences:
            if _TIP_CONTEXT.search(sentence.text):
                yield from self._sentence(ctx, sentence)

    def _sentence(self, ctx: Context, sentence: Span) -> Iterator[Fact]:
        text = ctx.text
        year = report_year_in(sentence.text, ctx.report_year)
        if year is None:
            return
        places = mentions(text, sentence.start, sentence.end, ctx.primary_place)
        listed: set[int] = set()
        for lm in _LIST.finditer(sentence.text):
            tm = TIER.match(lm.group("tier"))
            tier = tier_of(tm) if tm else None
            if not tier:
                continue
            listed.add(sentence.start + lm.start("tier"))
            base = sentence.start + lm.start("list")
            for item in _LIST_ITEM.finditer(lm.group("list")):
                name = item.group(0).strip()
                if name.lower() in ("and", "the"):
                    continue
                place = canonical(name) or name
                yield _rating(place, year, tier, Basis.STATED,
                              (sentence.start + lm.start("tier"), base + item.end()))
        tiers = [m for m in TIER.finditer(sentence.text)
                 if sentence.start + m.start() not in listed]
        last_bound: list[Mention] = []
        for i, match in enumerate(tiers):
            tier = tier_of(match)
            if tier is None:
                continue
            t_start, t_end = sentence.start + match.start(), sentence.start + match.end()
            before = text[sentence.start:t_start]
            after = text[t_end:sentence.end]
            if _CLASS_NOUN.match(after) or _HYPOTHETICAL.search(before[-60:]):
                continue
            if match.group("bare") and re.search(r"\btier[\s-]*2\s*$", before, re.I):
                continue  # the "Watch List" of "Tier 2 Watch List" was already read
            previous_end = (sentence.start + tiers[i - 1].end()) if i else sentence.start
            bound = self._bind(text, places, previous_end, t_start, t_end,
                               (sentence.start + tiers[i + 1].start()) if i + 1 < len(tiers)
                               else sentence.end)
            earlier = _EARLIER_RUN.search(before[-90:])
            from_tier = _FROM_TIER.search(before[-60:])
            if not bound and (earlier or from_tier) and last_bound:
                bound = last_bound  # "X was upgraded to Tier 2 after being on a watch list"
            if not bound:
                if not ctx.primary_place or not _PRONOUN.search(before):
                    continue
                bound = [Mention(sentence.start, sentence.start, ctx.primary_place)]
            last_bound = bound
            span = (min(bound[0].start, t_start), max(bound[-1].end, t_end))
            for mention in bound:
                place = mention.place
                if from_tier:
                    yield _rating(place, year - 1, tier, Basis.INFERRED, span)
                    continue
                if earlier and i > 0:
                    run = _FOR_YEARS.match(after)
                    count = small_number(run.group("n")) if run else 1
                    end = t_end + run.end() if run else t_end
                    for back in range(1, (count or 1) + 1):
                        yield _rating(place, year - back, tier, Basis.INFERRED, (span[0], end))
                    continue
                yield _rating(place, year, tier, Basis.STATED, span)
                nth = _NTH_YEAR.match(after)
                if nth:
                    word = nth.group("nth").lower()
                    n = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 1)
                    for back in range(1, n):
                        yield _rating(place, year - back, tier, Basis.INFERRED,
                                      (span[0], t_end + nth.end()))

    @staticmethod
    def _bind(text: str, places: list[Mention], floor: int, t_start: int, t_end: int,
              ceiling: int) -> list[Mention]:
        """The place(s) a tier speaks of: the nearest before it (with any joined by 'and'),
        else the nearest after it, never across another tier."""
        left = [p for p in places if floor <= p.start and p.end <= t_start]
        if left:
            chosen = [left[-1]]
            for p in reversed(left[:-1]):
                gap = text[p.end:chosen[0].start]
                if re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*", gap):
                    chosen.insert(0, p)
                else:
                    break
            return chosen
        right = [p for p in places if t_end <= p.start and p.end <= ceiling]
        return right[:1]

