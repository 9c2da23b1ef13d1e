"""Ratings: which tier a TIP Report gave a place, stated outright or inferred from the wording.

Each tier a sentence names is read in four steps: is it a rating at all (not a
definition, a hypothetical, an aim or another tier system); which places it binds
to (the places of its own clause, never across another tier); what role it plays
(this year's tier, a move's origin, an earlier run); and which report years it
speaks of. When a step cannot decide, the tier is left unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from tipcli.extract.base import Context, Fact
from tipcli.extract.places import Mention
from tipcli.extract.years import YearCue, year_cues
from tipcli.lexicon.facts import FactKind, RatingForm
from tipcli.lexicon.kinds import Basis, SourceKind, Tier
from tipcli.lexicon.numbers import NUMBER_WORDS, ORDINAL_WORDS, ORDINALS, ROMAN_NUMERALS
from tipcli.lexicon.reports import TIP_CONTEXT
from tipcli.text import Span

_WL = r"(?:[\"'“”‘’]\s*)?watch[\s\-]*list"
TIER = re.compile(
    r"(?P<named>\b(?P<tw>t(?:ier|eir|ire|ie))[\s\-]*(?P<n>[123]|one|two|three|iii|ii|i)\b"
    r"(?![\-‐–]tier|\s*[-–:]\s*\d)(?P<wl>\s*\(?\s*" + _WL + r"\s*\)?)?)"
    r"|(?P<level>\b(?:level|category|grade)[\s\-]*(?P<ln>[123]|one|two|three)\b(?![\-.]\d)"
    r"(?P<lwl>\s*\(?\s*" + _WL + r"\s*\)?|\s+(?:surveillance|watch|monitoring|observation)"
    r"\s+(?:category|list)|\s+(?:under|on|in)\s+(?:observation|surveillance|watch|monitoring)"
    r")?)"
    r"|(?P<ordinal>\b(?P<ord>first|second|third)[\s\-]+(?:level|tier|grade)\b"
    r"(?P<owl>\s*\(?\s*(?:" + _WL + r"|surveillance\s+list|observation\s+list)\s*\)?)?)"
    r"|(?P<described>\b(?:the|its|their)\s+(?:(?:report|ranking|list|State\s+Department)['’]s\s+)?"
    r"(?P<rank>(?:second|2nd)[\s\-]+(?:lowest|worst|highest|best)|lowest|bottom|worst|top|"
    r"highest|best)[\s\-]+(?P<noun>tier|ranking|rank|category|rating|level|grade|rung|bracket|"
    r"classification)\b"
    r"|\bat\s+the\s+(?P<end>bottom|top)\s+of\s+the\s+(?:rankings?|list|ladder|table|report)\b)"
    r"|(?P<special>\b(?-i:Special\s+Cases?|SPECIAL\s+CASES?)\b)"
    r"|(?P<bare>\bwatch[\s\-]*list\b)"
    r"|(?P<zh>第(?P<zn>[一二三])级(?P<zwl>观察名单)?)",
    re.IGNORECASE,
)
_NUMERAL = {"1": 1, "2": 2, "3": 3, **ROMAN_NUMERALS,
            **{w: n for w, n in NUMBER_WORDS.items() if w in ("one", "two", "three")}}
_BY_NUMBER = {1: Tier.TIER_1, 2: Tier.TIER_2, 3: Tier.TIER_3}
_ZH = {"一": 1, "二": 2, "三": 3}
# Words a sentence needs before its tiers are read at all (a fast substring test).
_TRIGGERS = ("tier", "teir", "tie ", "tire ", "watch", "level", "categor", "grade", "rung",
             "special case", "第", "lowest",
             "worst", "top ", "highest", "best ", "bottom", "second-", "second ", "first ",
             "third ")
_TIP_CONTEXT = re.compile(TIP_CONTEXT + r"|watch\s*list|rank|grade|categor|classif|list",
                          re.IGNORECASE)

# --- not ratings --------------------------------------------------------------

# After a tier, a plural class noun makes it a definition: "Tier 2 countries do not…".
_CLASS_AFTER = re.compile(
    r"^[\s\"'”’)]*(?:[-–—:]\s*)?(?:countries|nations|jurisdictions|governments|states|criteria|"
    r"standards|requirements|designations|placements|rankings\s+(?:are|mean|do))\b"
    r"|^[\s\"'”’)]*(?:[-–—:]\s*)?(?:Countries|Places|Governments)\b"
    r"|^\s+of\s+(?:the|its|a|an)\b(?!\s+(?:(?:U\.?S\.?|US|American|annual|latest|new|\d{4})\s+)*"
    r"(?:report|TIP|Trafficking|State|rankings?))", re.IGNORECASE)
# A tier before one country, government or jurisdiction, after "a": one of the class.
_ONE_OF_A_CLASS = re.compile(r"^\s*(?:country|nation|jurisdiction|government|state)\b",
                             re.IGNORECASE)
_ANY_ONE_BEFORE = re.compile(r"\b(?:a|an|any|every|each|another|one)\s+(?:[a-z-]+\s+)?$",
                             re.IGNORECASE)
# What links a place to "a Tier 3 country" that rates it: "is", "remains", an apposition.
_COPULA = re.compile(r"[\s,]*(?:(?:is|was|remains|remained|has\s+been|had\s+been|became|"
                     r"becomes|as|still|now|again|already|long|once)\s+)*", re.IGNORECASE)
_OTHER_SYSTEM = re.compile(r"(?:two|three|multi)[\s\-]?tier|\btiered\b", re.IGNORECASE)
# In the clause before a tier: words that make it hypothetical, an aim or a rule.
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|should|shall|will|going\s+to|set\s+to|likely|if|unless|"
    r"whether|risks?|risked|risking|threat\w*|predict\w*|forecast\w*|project(?:ed|ion)|"
    r"avoid\w*|escap\w*|fac(?:e|es|ed|ing)|waiver|otherwise|automatic\w*|requir\w*|eligible|"
    r"aim\w*|hop(?:e|es|ed|ing)|seek\w*|sought|striv\w*|goal|target\w*|plans?\s+to|planning|"
    r"wants?|wanted|wish\w*|expect\w*|fear\w*|warn\w*|potential\w*|possibl\w*|prevent\w*|"
    r"avert\w*|bid|ambition\w*|intend\w*|try|tries|trying|tried|attempt\w*|deserv\w*|"
    r"merit\w*|qualif\w*|nearly|almost|narrowly|spared|call(?:s|ed|ing)?\s+for|urg\w*|"
    r"recommend\w*|demand\w*|lobb\w*|push\w*\s+for|instead\s+of|rather\s+than|criteria|"
    r"close\s+to|brink|verge|edge|unless|until|once|when\s+it|so\s+that|in\s+order|aspir\w*|"
    r"dream\w*|vow\w*|pledg\w*|promis\w*|commit\w*\s+to)\b", re.IGNORECASE)
# After a tier: a time still to come makes it an aim ("… Tier 1 in the next report").
_FUTURE_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:next\s+(?:year|report|edition|time)|in\s+(?:the\s+)?"
                           r"future|in\s+(?:the\s+)?coming\s+years?|one\s+day|eventually)\b",
                           re.IGNORECASE)
_WILL = re.compile(r"['’]ll\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|neither|nor)\b|n['’]t\b", re.IGNORECASE)
# "ranked from Tier 1, the best, to Tier 3, the worst": a scale, not a rating.
_SCALE = re.compile(r"\b(?:rank\w*|rat(?:ed|es|ing)|grad\w*|rang\w*|divid\w*|sort\w*|"
                    r"classif\w*|categori[sz]\w*|plac(?:es|ing)\s+(?:each|every|all)|"
                    r"assign\w*|given|gives)\b", re.IGNORECASE)

# --- binding ------------------------------------------------------------------

# Clause boundaries: a tier binds to places on its own side of them.
_BOUNDARY = re.compile(r";|\s[—–]\s|,?\s+(?:while|whereas|but|although|though|however|"
                       r"meanwhile|yet)\b|,\s+and\s+(?=(?:it|the\s+report)\b)", re.IGNORECASE)
# Between two places of one group: "Fiji and Peru", "A, B and C", "X joins A and B".
_JOIN = re.compile(r"^[\s,]*(?:(?:and|or|&|plus|as\s+well\s+as|along\s+with|together\s+with|"
                   r"alongside|joins|joined|joining)\b)?[\s,]*(?:the\s+)?\(?\s*(?:the\s+)?$",
                   re.IGNORECASE)
# After a tier, more places that share it: "…, alongside A and B", "…, as were C and D".
_ALSO = re.compile(r"^\s*(?:(?:rating|ranking|grade|status|designation|placement|spot)\s+)?,?\s*"
                   r"(?:alongside|along\s+with|together\s+with|joining|as\s+(?:was|were|did|are|"
                   r"is)|like|with)\s+(?:the\s+)?$", re.IGNORECASE)
# Between a tier and the places it lists: "Tier 1: A, B", "placed on Tier 3 were A and B".
_LISTS = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:[:–—-]|\(|were|are|was|is|went\s+to|"
                    r"includ(?:e|es|ed|ing)|such\s+as|namely|comprising)\s*(?:the\s+)?$",
                    re.IGNORECASE)
# Relative clauses and appositions hold places that are not the subject.
_ASIDE = re.compile(r",\s*(?:where|which|who|whose|whom|a|an|the|one|home\s+to|long|once)\b"
                    r"[^,;]{0,120},", re.IGNORECASE)
_NOT_SUBJECT = re.compile(r"\b(?:from|with|against|toward|towards|into|through|across|via|than|"
                          r"among|between|unlike)\s+(?:the\s+)?$", re.IGNORECASE)
# From one tier on to the next in one clause: "from Tier 2 to the Watch List",
# "for two years before being downgraded to Tier 3".
_ONWARD = re.compile(r"^[^.;]{0,60}?\b(?:to|into|onto)\s+(?:the\s+|a\s+|its\s+)?$",
                     re.IGNORECASE)
# The same subject goes on: "…, and remained on Tier 3", "and was then moved to".
_SAME_SUBJECT = re.compile(
    r"^[^.;]{0,80}?,?\s+and\s+(?:then\s+|also\s+|again\s+|later\s+)?(?:has\s+been\s+|had\s+been\s+|"
    r"was\s+|were\s+|is\s+|are\s+|has\s+|had\s+)?(?:\w+\s+){0,3}(?:on|in|to|at|into|onto|as)\s+"
    r"(?:the\s+|a\s+|its\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|its|it['’]s|the\s+government|the\s+authorities)\b",
                      re.IGNORECASE)

# --- roles and years ----------------------------------------------------------

_MOVE_VERB = (r"upgrad|downgrad|mov|rais|lower|promot|drop|demot|lift|remov|slip|slid|fell|"
              r"fall|rose|rise|rising|climb|graduat|return|bump|elevat|improv|relegat|jump|"
              r"shift|went|go|gone|came|come|emerg|exit|left|leav|took|taken|sent|push|"
              r"pull|kick|knock|advanc|reclassif|recategori|boost|tumbl|sank|sunk|"
              r"plung|plummet|descend|ascend")
_FROM = re.compile(r"\b(?:from|off|out\s+of)\s+(?:the\s+|its\s+|a\s+)?$", re.IGNORECASE)
_MOVE = re.compile(rf"\b(?:{_MOVE_VERB})\w*\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:downgrad|lower|drop|demot|slip|slid|fell|fall|relegat|knock|tumbl|"
                   r"sank|sunk|plung|plummet|descend)\w*", re.IGNORECASE)
_ONE_STEP = re.compile(r"\b(?:one|a|single)\s+(?:tier|level|notch|rung|place|step|spot)\b",
                       re.IGNORECASE)
_EARLIER = re.compile(
    r"\b(?:after|following)\s+(?:being|having\s+been|spending|sitting|staying|remaining|"
    r"(?:\w+\s+){0,2}years?\s+(?:on|in|at))\b[^.;]{0,70}$|\bhaving\s+been\b[^.;]{0,60}$"
    r"|\bhad\s+(?:been|spent|remained|stayed|sat)\b[^.;]{0,50}$", re.IGNORECASE)
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + r")"
_RUNNING = r"(?:consecutive|continuous|straight|successive|running|full)"
# After a tier: "for three years", "for two consecutive years", "has stayed four years".
_FOR_YEARS = re.compile(
    r"[^.;]{0,50}?(?:\bfor\s+(?:the\s+(?:past|previous|last|preceding)\s+)?|\b(?:stayed|remained|"
    r"been|sat|spent)\s+(?:there\s+)?)" + _COUNT + r"\s+(?:" + _RUNNING + r"\s+)?years\b",
    re.IGNORECASE)
# Just before a tier: "three years on the", "continuous 9 years is evaluated as the".
_YEARS_BEFORE = re.compile(
    _COUNT + r"\s+(?:" + _RUNNING + r"\s+)?years\s+(?:on|in|at)\s+(?:the\s+|a\s+)?$|\b"
    + _RUNNING + r"(?:ly)?\s+(?:for\s+)?" + _COUNT.replace("count", "count2")
    + r"\s+years\b[^.;]{0,30}$", re.IGNORECASE)
_NTH = r"(\d{1,2}(?:st|nd|rd|th)|" + ORDINAL_WORDS + r")"
# "for the third consecutive year", "for a second straight year", "the fifth year in a row".
_NTH_YEAR = re.compile(
    r"\b(?:for\s+(?:a|the)\s+)?" + _NTH + r"\s+(?:consecutive|straight|successive|running)\s+"
    r"year|\bfor\s+(?:a|the)\s+" + _NTH + r"\s+(?:year|time)(?:\s+(?:in\s+a\s+row|running))?"
    r"|\b(?:the\s+)?" + _NTH + r"\s+year\s+(?:in\s+a\s+row|running)", re.IGNORECASE)
# A sentence that only says the tier before it is a run: "This is the second year in a row."
_RUN_SENTENCE = re.compile(
    r"(?:This|It|That)\s+(?:is|was|marks|makes)\s+(?:the|its|a)\s+" + _NTH + r"\s+(?:"
    r"consecutive\s+|straight\s+|successive\s+|running\s+)?(?:year|time)(?:\s+in\s+a\s+row|"
    r"\s+running)?\b", re.IGNORECASE)
_RANGE = re.compile(
    r"\b(?P<since>since)\s+(?:the\s+)?(?P<a>(?:19|20)\d\d)\b(?![-–/]\d)"
    r"|\b(?:from|between)\s+(?:the\s+)?(?P<b>(?:19|20)\d\d)\s+(?:reports?\s+)?(?:to|until|till|"
    r"through|and|[-–])\s+(?:the\s+)?(?P<c>(?:19|20)\d\d)\b", re.IGNORECASE)
# A year in a tier's clause is its report's: "In 2019, X was placed on …", "By 2021 X was".
# Before a year: it starts or ends a range, and is no report year of its own.
_RANGE_BOUND = re.compile(r"\b(?:since|from|between|until|till|through|before|prior\s+to)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"\b(?:in|for|by)\s+(?P<y>20\d\d)\b(?![-–/]\d|\s*[-–]\d)", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\b(?:last\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:ago|"
                        r"earlier|before))\b", re.IGNORECASE)
# "long a Watch List country", "perennially on Tier 3": true of no year in particular.
_HABITUAL = re.compile(r"\b(?:long|perennial(?:ly)?|traditionally|historically|habitual(?:ly)?|"
                       r"chronic(?:ally)?|for\s+(?:many|several)\s+years|for\s+years|"
                       r"for\s+(?:a\s+)?decades?|repeatedly|routinely)\b", re.IGNORECASE)
_DISPUTE = re.compile(r"\b(?:disagree\w*|unfair\w*|reject\w*|regret\w*|oppos\w*|disput\w*|"
                      r"unjust\w*|biased|bias|groundless|unfounded|not\s+reflect|"
                      r"disappoint\w*|inaccurate|unreasonabl\w*|objection)\b", re.IGNORECASE)
_LIST_INCLUDING = re.compile(
    r"(?P<tier>\btier[\s-]*(?:1|2|3|one|two|three)(?:\s+watch[\s-]*list)?)\s+"
    r"(?:countries|jurisdictions|nations|governments)\b[^.;]*?\b(?:including|such\s+as|"
    r"among\s+them|like)\s+(?P<list>[A-Z][^.;]*)", re.IGNORECASE)


class TierWords(NamedTuple):
    """A tier as a sentence writes it (offsets into the document)."""

    start: int
    end: int
    tier: Tier
    form: RatingForm  # how the tier itself is written


def tier_words(text: str, start: int, end: int) -> list[TierWords]:
    """Every tier written in text[start:end], with how it is written."""
    found = []
    for m in TIER.finditer(text, start, end):
        tier, form = _tier_of(m)
        if tier is not None:
            found.append(TierWords(m.start(), m.end(), tier, form))
    return found


def _tier_of(m: re.Match[str]) -> tuple[Tier | None, RatingForm]:
    if m.group("named"):
        n = _NUMERAL[m.group("n").lower()]
        words = " ".join(m.group(0).split())
        plain = re.fullmatch(r"(?i:tier) [123](?: (?i:watch list))?", words) is not None
        form = RatingForm.NAMED if plain else RatingForm.SPELLING
        if m.group("wl"):
            return (Tier.WATCH_LIST, form) if n == 2 else (None, form)
        return _BY_NUMBER[n], form
    if m.group("level"):
        n = _NUMERAL[m.group("ln").lower()]
        if m.group("lwl"):
            return (Tier.WATCH_LIST if n == 2 else None), RatingForm.TRANSLATION
        return _BY_NUMBER[n], RatingForm.TRANSLATION
    if m.group("ordinal"):
        n = ORDINALS[m.group("ord").lower()]
        if m.group("owl"):
            return (Tier.WATCH_LIST if n == 2 else None), RatingForm.TRANSLATION
        return _BY_NUMBER[n], RatingForm.TRANSLATION
    if m.group("described"):
        if m.group("end"):  # "at the bottom of the rankings"
            return (Tier.TIER_3 if m.group("end").lower() == "bottom" else Tier.TIER_1,
                    RatingForm.DESCRIBED)
        rank = " ".join(m.group("rank").lower().replace("-", " ").split())
        if rank.startswith(("second", "2nd")):
            worse = rank.endswith(("lowest", "worst"))
            return (Tier.WATCH_LIST if worse else Tier.TIER_2), RatingForm.DESCRIBED
        worst = rank in ("lowest", "bottom", "worst")
        return (Tier.TIER_3 if worst else Tier.TIER_1), RatingForm.DESCRIBED
    if m.group("special"):
        return Tier.SPECIAL_CASE, RatingForm.SPECIAL_CASE
    if m.group("zh"):
        n = _ZH[m.group("zn")]
        if m.group("zwl"):
            return (Tier.WATCH_LIST if n == 2 else None), RatingForm.TRANSLATION
        return _BY_NUMBER[n], RatingForm.TRANSLATION
    return Tier.WATCH_LIST, RatingForm.NAMED  # a bare "watch list" in a TIP context


class _Reading(NamedTuple):
    """One place's rating for one report year, and the words that say so."""

    place: str
    year: int | None
    tier: Tier
    basis: Basis
    form: RatingForm
    span: tuple[int, int]
    run: int = -1  # for the years of one run ("for a third year"): where its tier stands


class RatingExtractor:
    name = "ratings"

    def extract(self, ctx: Context) -> Iterator[Fact]:
        seen: set[tuple[str, int | None, Tier, Basis]] = set()
        for reading in _runs_before_moves(list(self._readings(ctx))):
            key = (reading.place, reading.year, reading.tier, reading.basis)
            if key in seen:
                continue
            seen.add(key)
            yield Fact(FactKind.RATING, reading.place, reading.year, reading.tier,
                       {"basis": reading.basis, "form": reading.form}, (reading.span,))

    def _readings(self, ctx: Context) -> Iterator[_Reading]:
        text = ctx.text
        # A document about the report may say "level 3" or "watch list" without naming it.
        about_tip = any(_TIP_CONTEXT.search(s.text) for s in ctx.sentences)
        list_tier: TierWords | None = None
        last_places: list[str] = []  # the places of the last sentence that named any
        previous: list[_Reading] = []
        line_of = {s.start: i for i, s in enumerate(ctx.segments)}
        last_line = -2
        for sentence in ctx.sentences:
            lowered = sentence.text.lower()
            line = line_of.get(sentence.start)
            triggered = any(t in lowered for t in _TRIGGERS)
            if line is not None:  # a new line: a list under a tier heading goes on or ends
                if line != last_line + 1:
                    list_tier = None  # page furniture in between ends a list
                last_line = line
                listed = self._listed(ctx, sentence, list_tier)
                if listed is not None:
                    yield from listed
                    continue
                list_tier = self._list_heading(text, sentence) if triggered else None
                if list_tier is not None:
                    continue
            found = list(self._sentence(ctx, sentence, last_places, about_tip)) if triggered \
                else []
            if not found and line is None and previous:
                names = {m.place for m in ctx.places.get(sentence.start, ()) if m.place}
                found = self._run_after(text, sentence, previous, names)
            yield from found
            # The stated readings a "This is the third year in a row." after them extends.
            previous = [r for r in found if r.basis == Basis.STATED]
            named = [m.place for m in ctx.places.get(sentence.start, ()) if m.place is not None]
            if named:
                last_places = list(dict.fromkeys(named))

    @staticmethod
    def _run_after(text: str, sentence: Span, previous: list[_Reading], names: set[str]
                   ) -> list[_Reading]:
        """ "Belarus was kept on Tier 3. This is the second year in a row.": the sentence
        before states one place's tier; this one, naming no other place, makes it a run."""
        run = _RUN_SENTENCE.match(sentence.text)
        if not run or len({(r.place, r.tier, r.year) for r in previous}) != 1 \
                or names - {previous[0].place}:
            return []
        first = previous[0]
        word = run.group(1).lower()
        n = int(word[:-2]) if word[0].isdigit() else ORDINALS.get(" ".join(word.split()), 0)
        if first.year is None or not 1 < n <= 30:
            return []
        span = (first.span[0], sentence.end)
        return [first._replace(year=first.year - back, basis=Basis.INFERRED,
                               form=RatingForm.DURATION, span=span) for back in range(1, n)]

    # --- lists under a tier heading ---------------------------------------------

    @staticmethod
    def _list_heading(text: str, line: Span) -> TierWords | None:
        """A line that is only a tier ("TIER 2 WATCH LIST", "Tier 1:") heads a list."""
        words = tier_words(text, line.start, line.end)
        if len(words) != 1:
            return None
        rest = (text[line.start:words[0].start] + text[words[0].end:line.end]).strip(" :–—-•*")
        return words[0] if not rest else None

    def _listed(self, ctx: Context, line: Span, heading: TierWords | None
                ) -> list[_Reading] | None:
        """The places of a line that only names places, under a tier heading."""
        if heading is None:
            return None
        places = [m for m in ctx.mentions(line) if m.how != "anaphor"]
        rest = ctx.text[line.start:line.end]
        for m in reversed(places):
            rest = rest[:m.start - line.start] + rest[m.end - line.start:]
        if not places or rest.strip(" ,;.•*-–—()|\t").lower().replace("and", "").strip(" ,|"):
            return None
        year = ctx.report_year
        return [_Reading(m.place, year, heading.tier, Basis.STATED, RatingForm.LIST_PAGE,
                         (m.start, m.end)) for m in places if m.place is not None]

    # --- one sentence -------------------------------------------------------------

    def _sentence(self, ctx: Context, sentence: Span, last_places: list[str],
                  about_tip: bool = True) -> Iterator[_Reading]:
        text = ctx.text
        words = tier_words(text, sentence.start, sentence.end)
        if not about_tip:
            # "Tier 2" is the report's own word, and so is "Special Case" heading a list;
            # "level 3" or "watch list" need the report's context.
            words = [w for w in words if (w.form in (RatingForm.NAMED, RatingForm.SPELLING)
                                          and re.match(r"(?i)t", text[w.start]))
                     or (w.form == RatingForm.SPECIAL_CASE and text[w.end:w.end + 1] == ":")]
        if not words:
            return
        places = list(ctx.mentions(sentence))
        jurisdictions = [m for m in places if m.place is not None]
        if self._is_scale(text, sentence, words, jurisdictions):
            return
        listed_at: set[int] = set()
        for lm in _LIST_INCLUDING.finditer(text, sentence.start, sentence.end):
            found = tier_words(text, lm.start("tier"), lm.end("tier"))
            if not found:
                continue
            listed_at.add(found[0].start)
            for m in places:
                if m.place is not None and lm.start("list") <= m.start < lm.end("list"):
                    yield _Reading(m.place, self._base_year(ctx, sentence, found[0], [], []),
                                   found[0].tier, Basis.STATED, RatingForm.LIST_PAGE,
                                   (found[0].start, m.end))
        # Years that start or end a range ("since the 2020 edition") name no report of
        # their own: the range's tier reads them.
        cues = [c for c in year_cues(text, sentence.start, sentence.end)
                if not _RANGE_BOUND.search(text[max(0, c.start - 20):c.start])]
        boundaries = [(b.start(), b.end()) for b in _BOUNDARY.finditer(text, sentence.start,
                                                                        sentence.end)]
        ends = {m.end for m in places}
        asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text, sentence.start,
                                                                 sentence.end)
                  if a.start() in ends]  # "Mexico, the country of origin for …, on Tier 2"
        floor = sentence.start
        last: tuple[TierWords, list[Mention]] | None = None  # the last tier bound, its places
        bound_places: set[str] = set()
        readings: list[_Reading] = []
        for i, w in enumerate(words):
            if w.start in listed_at:
                continue
            real_start = max([sentence.start] + [e for s, e in boundaries if e <= w.start])
            clause_start = max(floor, real_start)
            ceiling = min([words[i + 1].start if i + 1 < len(words) else sentence.end]
                          + [s for s, e in boundaries if s >= w.end])
            if not self._is_rating(text, w, words, clause_start, places):
                continue
            group = self._bind(text, places, asides, clause_start, w, ceiling)
            earlier = _EARLIER.search(text, max(clause_start, w.start - 90), w.start)
            origin = self._is_origin(text, w, real_start, ceiling, words[i + 1:])
            if not group and last is not None and last[0].end >= clause_start and (
                    earlier or origin or _ONWARD.match(text[last[0].end:w.start])
                    or _SAME_SUBJECT.search(text[last[0].end:w.start])):
                # "X slipped from Tier 2 to the Watch List", "X was upgraded to Tier 2 after
                # being on the Watch List": the places of the tier before, in this clause.
                group = last[1]
            if not group:
                resolved = self._by_pronoun(ctx, text, clause_start, w, last_places)
                if resolved is None:
                    continue
                group = resolved
            if not group or any(m.place is None for m in group):
                floor = w.end
                continue
            # Ranges and runs before a tier belong to it only if no tier comes before it
            # in its clause ("Since 2012, X has been …" but not "on WL from 2012 to 2014 and
            # moved up to Tier 2").
            own_start = real_start if last is None or last[0].end < real_start else None
            last = (w, group)
            floor = w.end
            for reading in self._years(ctx, sentence, w, group, cues, clause_start, ceiling,
                                       earlier, origin, own_start):
                readings.append(reading)
                bound_places.add(reading.place)
        several = len(bound_places) > 1
        dispute = ctx.profile.kind == SourceKind.GOVERNMENT and _DISPUTE.search(sentence.text)
        for r in readings:
            form = r.form
            if dispute and form in (RatingForm.NAMED, RatingForm.SPELLING):
                form = RatingForm.REBUTTAL
            elif several and form == RatingForm.NAMED and r.span[0] < r.span[1]:
                form = RatingForm.MULTI_PLACE
            yield r._replace(form=form)

    @staticmethod
    def _is_scale(text: str, sentence: Span, words: list[TierWords],
                  jurisdictions: list[Mention]) -> bool:
        """A definition of the tiers: three or more of them and no place, or "from … to …"."""
        distinct = {w.tier for w in words}
        if len(distinct) >= 3 and not jurisdictions:
            return True
        if len(distinct) >= 2 and _SCALE.search(sentence.text) and not jurisdictions:
            return True
        return bool(re.search(r"\bfrom\s+(?:the\s+)?(?:tier\s*1|tier\s+one|the\s+(?:top|best|"
                              r"highest))\b.{0,60}\bto\s+(?:the\s+)?(?:tier\s*3|tier\s+three|"
                              r"the\s+(?:bottom|worst|lowest))", sentence.text, re.IGNORECASE))

    @staticmethod
    def _is_origin(text: str, w: TierWords, clause_start: int, ceiling: int,
                   later: list[TierWords]) -> bool:
        """ "moved from Tier 2 to …", "is off the bottom tier", and a translation's "ascended
        of the Level 2 category to the Level 2": where a move started."""
        before = text[max(clause_start, w.start - 12):w.start]
        found = _FROM.search(before)
        if found:
            word = found.group(0).split()[0].lower()
            return word in ("off", "out") or _MOVE.search(text, clause_start, ceiling) is not None
        if re.search(r"\bof\s+(?:the\s+)?$", before, re.IGNORECASE) and later:
            to_next = text[w.end:later[0].start]
            return (_MOVE.search(text, clause_start, w.start) is not None
                    and re.fullmatch(r"[^.;]{0,20}\bto\s+(?:the\s+)?", to_next) is not None)
        return False

    @staticmethod
    def _is_rating(text: str, w: TierWords, words: list[TierWords], clause_start: int,
                   places: list[Mention]) -> bool:
        """Not a class of countries, another tier system, a hypothetical, an aim, a negation,
        nor an aside that names again a tier just named ("Tier 3, the lowest rating")."""
        after = text[w.end:w.end + 40]
        if _CLASS_AFTER.match(after):
            # "Tier 2 countries do not …" defines; "Egypt and Turkey, both Tier 2 countries"
            # and "Chad is a Tier 3 country" rate.
            article = re.search(r"\b(?:a|an|both|all|each|two|three|four|fellow)\s+$",
                                text[max(clause_start, w.start - 8):w.start], re.IGNORECASE)
            named = any(clause_start <= m.end <= w.start and m.place for m in places)
            if not (article and named):
                return False
        if _ONE_OF_A_CLASS.match(after):
            # "to a designated Tier 3 country" speaks of any such country; "Chad is a Tier 3
            # country" and "Chad, a Tier 3 country," rate the place the article follows.
            article = _ANY_ONE_BEFORE.search(text, max(clause_start, w.start - 30), w.start)
            if article:
                subjects = [m for m in places
                            if m.place and clause_start <= m.end <= article.start()]
                if not subjects or not _COPULA.fullmatch(text, subjects[-1].end,
                                                         article.start()):
                    return False
        around = text[max(0, w.start - 12):w.end + 12]
        if _OTHER_SYSTEM.search(around):
            return False
        if w.form == RatingForm.DESCRIBED:
            previous = [p for p in words if p.end <= w.start]
            if previous and re.fullmatch(r"[\s,(–—-]*", text[previous[-1].end:w.start]):
                return False
        window = text[max(clause_start, w.start - 70):w.start]
        if _HYPOTHETICAL.search(window) or _WILL.search(window) or _FUTURE_AFTER.match(after):
            return False
        return not _NEGATION.search(text[max(clause_start, w.start - 28):w.start])

    @staticmethod
    def _bind(text: str, places: list[Mention], asides: list[tuple[int, int]],
              floor: int, w: TierWords, ceiling: int) -> list[Mention]:
        """The places a tier speaks of: the nearest group before it in its clause (with any
        joined to it), else the group it lists after it. Empty when there is none; a group
        holding a place that is no jurisdiction means "not a place we know"."""
        def outside(m: Mention) -> bool:  # not in an aside that closes before the tier
            return not any(s <= m.start and m.end <= e <= w.start for s, e in asides)

        left = [m for m in places if floor <= m.start and m.end <= w.start and outside(m)]
        if left:
            group = _group_leftwards(text, left)
            relative = re.match(r",?\s*(?:which|who|that)\b", text[group[-1].end:w.start])
            if not relative and _NOT_SUBJECT.search(
                    text[max(floor, group[0].start - 12):group[0].start]):
                rest = [m for m in left if m.end <= group[0].start]
                group = _group_leftwards(text, rest) if rest else []
            if group:
                after = [m for m in places if w.end <= m.start and m.end <= ceiling]
                if after and _ALSO.match(text[w.end:after[0].start]):
                    group = group + [m for m in _group_rightwards(text, after) if m.place]
                return group
        right = [m for m in places if w.end <= m.start and m.end <= ceiling and outside(m)]
        if right and _LISTS.match(text[w.end:right[0].start]):
            return _group_rightwards(text, right)
        return []

    @staticmethod
    def _by_pronoun(ctx: Context, text: str, clause_start: int, w: TierWords,
                    last_places: list[str]) -> list[Mention] | None:
        """ "It was downgraded to Tier 3": the place of the sentence before, if one, else the
        document's own place. None when the pronoun's place is unclear."""
        if not _PRONOUN.search(text, clause_start, w.start):
            return []
        if len(last_places) == 1:
            return [Mention(w.start, w.start, last_places[0], "pronoun")]
        if not last_places and ctx.primary_place:
            return [Mention(w.start, w.start, ctx.primary_place, "pronoun")]
        return None

    # --- years ------------------------------------------------------------------

    def _base_year(self, ctx: Context, sentence: Span, w: TierWords,
                   cues: list[YearCue], clause: list[YearCue]) -> int | None:
        """The report a tier speaks of: a report its clause names, else the sentence's only
        one, else the document's."""
        for cue in sorted(clause, key=lambda c: abs(c.start - w.start)):
            year = self._cue_year(ctx, cue)
            if year is not None:
                return year
        years = {self._cue_year(ctx, c) for c in cues} - {None}
        if len(years) == 1:
            return years.pop()
        return ctx.report_year

    @staticmethod
    def _cue_year(ctx: Context, cue: YearCue) -> int | None:
        if cue.year is not None:
            return cue.year
        base = ctx.profile.dated_year or ctx.report_year
        return None if base is None else base + cue.shift

    def _years(self, ctx: Context, sentence: Span, w: TierWords, group: list[Mention],
               cues: list[YearCue], clause_start: int, ceiling: int,
               earlier: re.Match[str] | None, origin: bool, own_start: int | None
               ) -> Iterator[_Reading]:
        text = ctx.text
        clause_cues = [c for c in cues if clause_start <= c.start and c.end <= ceiling]
        year = self._base_year(ctx, sentence, w, cues, clause_cues)
        if not clause_cues:
            bare = _BARE_YEAR.search(text, clause_start, ceiling)
            if bare and not text[bare.end():bare.end() + 3].startswith(("-", "–", "/")):
                year = int(bare.group("y"))
            elif _LAST_YEAR.search(text, w.end, ceiling) and ctx.report_year is not None:
                year = ctx.report_year - 1
        lo = min([w.start] + [m.start for m in group if m.how != "pronoun"])
        hi = max([w.end] + [m.end for m in group if m.how != "pronoun"])
        places = list(dict.fromkeys(m.place for m in group if m.place is not None))
        form = w.form
        if self._is_heading(text, sentence, group, w):
            form = RatingForm.HEADING
        elif group[0].start >= w.end and re.match(r"\s*(?:\([^)]*\)\s*)?[:–—]",
                                                  text[w.end:group[0].start]):
            form = RatingForm.LIST_PAGE  # "Tier 1: Argentina, Australia, …"

        def each(y: int | None, basis: Basis, how: RatingForm, end: int = hi
                 ) -> Iterator[_Reading]:
            for place in places:
                yield _Reading(place, y, w.tier, basis, how, (lo, end))

        if _HABITUAL.search(text, max(clause_start, w.start - 30), min(ceiling, w.end + 30)):
            yield from each(None, Basis.STATED, form)  # "long a Watch List country": no year
            return
        # A range belongs to the tier it follows, or leads the clause of ("Since 2012, …").
        lead = own_start + len(text[own_start:w.start]) - len(
            text[own_start:w.start].lstrip(" ,\"'“(")) if own_start is not None else None
        span_range = _RANGE.search(text, w.end, min(ceiling, w.end + 45)) or (
            _RANGE.match(text, lead, w.start) if lead is not None else None)  # "Since 2012, …"
        if span_range:
            first = int(span_range.group("a") or span_range.group("b"))
            last = int(span_range.group("c")) if span_range.group("c") else year
            if earlier and not span_range.group("c") and last is not None:
                last -= 1  # "had sat on the Watch List since 2020" before this year's move
            if last is not None and first <= last <= first + 25:
                for y in range(first, last + 1):
                    yield from each(y, Basis.STATED, RatingForm.RANGE,
                                    max(hi, span_range.end()))
                return
        if origin:  # the report before this one; with no year known, no year either
            yield from each(None if year is None else year - 1, Basis.INFERRED,
                            RatingForm.MOVE_ORIGIN)
            return
        if earlier:
            # "after three years on the Watch List", "on the Watch List for two years before"
            count, end = self._count(text, w, earlier.start(), ceiling) or (1, hi)
            if year is not None:
                for back in range(1, count + 1):
                    yield from each(year - back, Basis.INFERRED, RatingForm.DURATION,
                                    max(hi, end))
            return
        moved = _MOVE.search(text, clause_start, w.start)
        if moved and re.search(r"\b(?:to|into|onto)\s+(?:the\s+|a\s+)?$",
                               text[max(clause_start, w.start - 12):w.start], re.IGNORECASE):
            form = RatingForm.MOVE if form != RatingForm.HEADING else form
            step = _ONE_STEP.search(text, moved.start(), w.start)
            if step and year is not None:  # "downgraded one tier to Tier 3": from the one above
                before = w.tier.step(-1 if _DOWN.match(moved.group(0)) else 1)
                if before is not None:
                    yield from (r._replace(tier=before) for r in
                                each(year - 1, Basis.INFERRED, RatingForm.MOVE_ORIGIN))
        nth = _NTH_YEAR.search(text, clause_start, ceiling)
        counted = None if nth else self._count(text, w, own_start, ceiling)
        run = self._ordinal(nth) if nth else (counted[0] if counted else None)
        if run and year is not None:
            end = max(hi, nth.end() if nth else counted[1] if counted else hi)
            yield from (r._replace(run=w.start) for r in each(year, Basis.STATED, form))
            for back in range(1, run):
                yield from (r._replace(run=w.start) for r in
                            each(year - back, Basis.INFERRED, RatingForm.DURATION, end))
            return
        yield from each(year, Basis.STATED, form)

    @staticmethod
    def _is_heading(text: str, sentence: Span, group: list[Mention], w: TierWords) -> bool:
        """A narrative's heading: "MALAYSIA: TIER 3", the whole line."""
        return (len(group) == 1 and group[0].start == sentence.start and w.end == sentence.end
                and re.fullmatch(r"\s*:\s*", text[group[0].end:w.start]) is not None)

    @staticmethod
    def _ordinal(nth: re.Match[str]) -> int | None:
        word = next(g for g in nth.groups() if g).lower()
        return int(word[:-2]) if word[0].isdigit() else ORDINALS.get(" ".join(word.split()))

    @staticmethod
    def _count(text: str, w: TierWords, own_start: int | None, ceiling: int
               ) -> tuple[int, int] | None:
        """The years of a run, and where its words end: "for three years" after the tier, or
        "three years on" and "continuous 9 years is …" just before it (when no other tier
        is in between)."""
        found = _FOR_YEARS.match(text, w.end, min(ceiling, w.end + 60))
        if not found and own_start is not None:
            found = _YEARS_BEFORE.search(text, max(own_start, w.start - 45), w.start)
        if not found:
            return None
        word = next(g for g in found.groups() if g).lower()
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        return (n, found.end()) if n else None


def _group_leftwards(text: str, left: list[Mention]) -> list[Mention]:
    group = [left[-1]]
    for m in reversed(left[:-1]):
        if _JOIN.match(text[m.end:group[0].start]):
            group.insert(0, m)
        else:
            break
    return [m for m in group if m.place is not None] or group[-1:]


def _group_rightwards(text: str, right: list[Mention]) -> list[Mention]:
    group = [right[0]]
    for m in right[1:]:
        if _JOIN.match(text[group[-1].end:m.start]):
            group.append(m)
        else:
            break
    return [m for m in group if m.place is not None] or group[:1]


def _runs_before_moves(readings: list[_Reading]) -> list[_Reading]:
    """A run that ends in a move: "China has stayed on the watch list four consecutive years"
    in a document that says it was lowered to Tier 3 this year speaks of the four years
    before. When a run's own year has another tier stated for it outside any run, the
    run moves back a year, all of it inferred."""
    stated = {(r.place, r.year): r.tier for r in readings
              if r.basis == Basis.STATED and r.run < 0}
    shifted = set()
    for r in readings:
        if r.run >= 0 and r.basis == Basis.STATED and stated.get((r.place, r.year), r.tier) \
                != r.tier:
            shifted.add((r.run, r.place))
    if not shifted:
        return readings
    return [r._replace(year=r.year - 1, basis=Basis.INFERRED, form=RatingForm.DURATION)
            if (r.run, r.place) in shifted and r.year is not None else r for r in readings]
