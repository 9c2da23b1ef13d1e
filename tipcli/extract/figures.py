"""Figures: stated counts and amounts of what the report is about, with metric, period and place.

A number is a figure when it counts a noun of the domain (victims, cases, officials,
agencies…), or is money or a percentage (lexicon/metrics.py). Its metric comes from what
it counts and the verb that counts it; its period from its own clause, a comparison, the
sentence, the paragraph, or (in US government text) the reporting period; its place from
the sentence, the paragraph, or the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from tipcli.extract.amounts import TIME_NOUN, AmountStarts, amounts, is_noise
from tipcli.extract.base import Context, Fact
from tipcli.extract.counted import (
    OF_THEM_AFTER,
    Found,
    by_verb,
    classify,
    head_noun,
    noun_phrase,
    verb_before,
)
from tipcli.extract.numbers import plain
from tipcli.extract.places import Mention
from tipcli.extract.years import periods
from tipcli.lexicon.facts import FactKind
from tipcli.lexicon.kinds import SourceKind
from tipcli.lexicon.metrics import BY_NAME, DOMAIN_NOUNS, PEOPLE
from tipcli.lexicon.money import LOCAL_CURRENCY
from tipcli.text import Span

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

_CLAUSE_BREAK = re.compile(r";|\b(?:[Cc]ompared (?:with|to)|[Ww]hile|[Ww]hereas|[Bb]ut)\b")

# Before a place: where people came from or went, not who counts them.
_AWAY = re.compile(r"\b(?:from|to|for|toward|towards|into|via|through|across|of)\s+(?:the\s+)?$",
                   re.IGNORECASE)

_PART_OPENS = re.compile(r"\s*(?:of\s+(?:these|them|those|whom|which|the\s+[\d,.]+)|"
                         r"among\s+(?:them|these|those)|including)\b", re.IGNORECASE)

_PART_VERB = re.compile(r"\s*(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:later\s+|also\s+|"
                        r"subsequently\s+)?(?P<verb>[a-z]+ed)\b|\s*(?P<verb2>received)\s+(?:\w+\s+)?"
                        r"(?:prison\s+)?sentences\b", re.IGNORECASE)

_PERIOD_IN_BRACKETS = re.compile(r"[^()]{0,40}?(?:\b(?:19|20)\d\d\b|\byear\b|\bperiod\b)[^()]*\)")




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
        segment_starts = [seg.start for seg in ctx.segments]
        paragraph_places: list[str] = []
        last_total: tuple[Found, str | None, int] | None = None
        # Sentences without figures only carry a period or a place to the ones after them;
        # they are read for those lazily, when a figure follows (most sentences have none).
        unread: list[Span] = []  # of this paragraph, since its last figure
        unread_before: list[Span] = []  # of earlier paragraphs: for "the same year" only
        # Where amounts can begin, found once for the document (all its narratives).
        starts = ctx.once("amount_starts", lambda: AmountStarts(text))
        for sentence in ctx.sentences:
            if sentence.start >= segment_end:  # a new paragraph
                carried, paragraph_places, last_total = None, [], None
                unread_before, unread = unread_before + unread, []
                at = bisect.bisect_right(segment_starts, sentence.start) - 1
                segment_end = ctx.segments[at].end if at >= 0 and \
                    sentence.start < ctx.segments[at].end else sentence.end
            found = self._read(ctx, sentence, last_total[0] if last_total else None, starts)
            if not found:
                unread.append(sentence)
                continue
            carried = self._latest_period(ctx, unread) or carried
            paragraph_places = self._latest_places(ctx, unread) or paragraph_places
            matches = periods(text, sentence.start, sentence.end)  # once per sentence
            if any(m.group("same") for m in matches):  # "during the same year"
                last_period = self._latest_period(ctx, unread_before + unread) or last_period
            last_period = carried or last_period
            unread = []
            places = ctx.mentions(sentence)  # with regions, so "from Central Asia and Syria" reads
            resolved, stated = self._periods(ctx, sentence, matches, found, carried, last_period)
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
            sentence_period = self._sentence_period(ctx, matches, compared_at)
            carried = (own[0] if own else None) or sentence_period or carried
            if carried:
                last_period, unread_before = carried, []  # nothing earlier is "the same year"

    def _latest_period(self, ctx: Context, sentences: list[Span]) -> str | None:
        """The period the latest of these sentences sets, if one does."""
        for sentence in reversed(sentences):
            matches = periods(ctx.text, sentence.start, sentence.end)
            value = self._sentence_period(ctx, matches, sentence.end) if matches else None
            if value:
                return value
        return None

    @staticmethod
    def _latest_places(ctx: Context, sentences: list[Span]) -> list[str]:
        """The places counting in the latest of these sentences that names some."""
        for sentence in reversed(sentences):
            named = [m.place for m in counting_places(ctx.text, ctx.mentions(sentence))
                     if m.place is not None]
            if named:
                return named
        return []

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

    def _read(self, ctx: Context, sentence: Span, previous: Found | None,
              starts: AmountStarts) -> list[Found]:
        """The figures of one sentence; previous is the last total of the paragraph before
        it, which a part at its start ("Of these, 612 were minors") breaks down."""
        text = ctx.text
        found: list[Found] = []
        written = amounts(text, sentence.start, sentence.end, starts)
        if not written:
            return found
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
        for a in written:
            if found and found[-1].amount.money and a.money and re.fullmatch(
                    r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|almost|"
                    r"equivalent\s+to|or|i\.e\.)?\s*", text[found[-1].amount.end:a.start], re.I):
                found[-1].converted.append((a.value, a.unit or ""))  # "HK$50m (US$6.4m)"
                found[-1].end = max(found[-1].end, a.end)
                continue
            if is_noise(text, sentence, a):
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
            if TIME_NOUN.match(phrase):
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
            if not phrase and OF_THEM_AFTER.match(text[a.end:a.end + 12]):
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
                        by_verb(part_verb, total.head if total.head in DOMAIN_NOUNS else "them")
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
                metric = by_verb(verb_before(text, clause_start, a.start), found[-1].head)
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

    def _periods(self, ctx: Context, sentence: Span, matches: list[re.Match[str]],
                 found: list[Found], carried: str | None, last: str | None
                 ) -> tuple[list[str | None], list[bool]]:
        """Each figure's period, and whether the text states it: a period in its own words
        (after it, before the next figure), else for a total the sentence's (not one a
        compared number owns) or the paragraph's, else in US government text the reporting
        period; a compared number without its own takes the period before its total's."""
        text = ctx.text
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
    def _sentence_period(ctx: Context, matches: list[re.Match[str]], stop: int) -> str | None:
        """The period a sentence sets for the ones after it; stop is where the numbers it
        compares with begin (their periods are theirs: "compared with 1,824 in 2014")."""
        for m in matches:
            if m.end() > stop:
                break
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
