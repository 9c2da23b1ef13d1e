"""Quotes: quoted statements and phrases with their speaker, resolved from the attribution."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipcli.cleaning import Segment
from tipcli.extract.base import Context, Fact
from tipcli.lexicon.facts import FactKind
from tipcli.lexicon.kinds import SpeakerKind

VERBS = (r"said|says|say|stated|states|added|adds|warned|warns|noted|notes|stressed|stresses|"
         r"emphasi[sz]ed|emphasi[sz]es|claimed|claims|argued|argues|insisted|insists|wrote|"
         r"writes|told|declared|declares|asserted|replied|responded|explained|urged|described|"
         r"describing|accused|accusing|slammed|criticised|criticized|objected|rejected|"
         r"expressed|called|maintained|reiterated|pointed out|announced|concluded|continued")
_VERB = re.compile(rf"\b(?:{VERBS})\b", re.IGNORECASE)
_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<who>(?:the|a|an|it|he|she|they|[A-Z][\w’'.-]*)(?:\s+[^\s.;“”\"]+){{0,8}}?)"
    rf"\s+(?:also\s+)?(?P<verb>{VERBS})\b|(?P<verb2>{VERBS})\s+(?P<who2>(?:the|a|an)\s+[^.;,“”\"]{{1,80}}?)"
    rf"(?=[.;,]|$))", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>(?:the\s+)?[^,.;“”\"]{2,60}?)\s*,",
                        re.IGNORECASE)
# Words that name a speaker only through an earlier mention.
_PRONOUNS = {"it", "he", "she", "they", "the spokesman", "the spokeswoman", "the spokesperson"}
_LEAD = re.compile(r"^(?:in response|in a statement|however|meanwhile|separately|but|and|also|"
                   r"with|while|as|in addition|on \w+day|in the [^,]+)[,\s]+", re.IGNORECASE)
_TRAIL = re.compile(r"\s+(?:on\s+\w+day|today(?:\s*\([^)]*\))?|also|again|however|then|further|"
                    r"in a statement|yesterday)$", re.IGNORECASE)
_SPOKES = re.compile(r"\b(?:an?|the)\s+(?:\w+\s+)?spokes(?:man|woman|person)"
                     r"(?:\s+for\s+[^,.;:“”\"]{2,70}?)?(?=\s+(?:on\s+\w+day\s+|today\s+)?(?:"
                     rf"{VERBS})\b|[,.;])", re.IGNORECASE)
MIN_STATEMENT_WORDS = 8


@dataclass(frozen=True)
class Quoted:
    pieces: tuple[tuple[int, int], ...]  # the quoted words, one span per paragraph
    opens_paragraph: bool
    segment: Segment  # where the quote starts
    last_segment: Segment  # where it ends


def _is_opening(text: str, i: int, seg: Segment) -> bool:
    ch = text[i]
    if ch == "“":
        return True
    if ch != '"':
        return False
    before = text[i - 1] if i > seg.start else " "
    after = text[i + 1] if i + 1 < seg.end else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _is_closing(text: str, i: int, seg: Segment) -> bool:
    ch = text[i]
    if ch == "”":
        return True
    if ch != '"':
        return False
    before = text[i - 1] if i > seg.start else " "
    return not before.isspace()


def scan(text: str, segments: list[Segment]) -> Iterator[Quoted]:
    """Every quotation, in one linear pass: nested marks, unclosed quotes and quotes that
    continue into the next paragraph (which then reopens with a quote mark) included."""
    content = [s for s in segments if s.is_content]
    pieces: list[tuple[int, int]] = []
    start_seg: Segment | None = None
    opens_paragraph = False
    open_at: int | None = None
    depth = 0
    for n, seg in enumerate(content):
        for i in range(seg.start, seg.end):
            ch = text[i]
            if ch not in "“”\"":
                continue
            if open_at is None:
                if _is_opening(text, i, seg):
                    if start_seg is None:
                        start_seg, opens_paragraph = seg, i == seg.start
                    open_at, depth = i + 1, 0
            elif _is_opening(text, i, seg) and not (ch == '"' and _is_closing(text, i, seg)):
                depth += 1
            elif _is_closing(text, i, seg):
                if depth:
                    depth -= 1
                    continue
                pieces.append((open_at, i))
                assert start_seg is not None
                yield Quoted(tuple(pieces), opens_paragraph, start_seg, seg)
                pieces, start_seg, open_at = [], None, None
        if open_at is not None:
            pieces.append((open_at, seg.end))
            open_at = None
            following = content[n + 1] if n + 1 < len(content) else None
            if following is None or text[following.start] not in "“\"":
                assert start_seg is not None
                yield Quoted(tuple(pieces), opens_paragraph, start_seg, seg)
                pieces, start_seg = [], None


def is_title(words: str) -> bool:
    """"Action Plan to Combat ...", "2021 U.S. Trafficking in Persons Report": a name."""
    tokens = [t for t in re.findall(r"[^\W_][\w’'.-]*", words) if len(t) > 3 or t[0].isdigit()]
    if not tokens:
        return True
    capital = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit())
    return capital / len(tokens) >= 0.75 and not re.search(r"[.!?]$", words.strip())


def speaker_kind(speaker: str) -> SpeakerKind:
    s = speaker.lower()
    if re.search(r"\breport\b|state department|department of state|\bthe us\b|washington", s):
        return SpeakerKind.REPORT
    if re.search(r"spokes|secretary|minister|chief|official|director|lawmaker|legislator|"
                 r"commissioner|officer|chairman|chairwoman|president|senator", s):
        return SpeakerKind.OFFICIAL
    if re.search(r"government|\bsar\b|administration|authorities|bureau|department|police|"
                 r"office|ministry|council|commission|\bstate\b|beijing", s):
        return SpeakerKind.GOVERNMENT
    return SpeakerKind.OTHER


class QuoteExtractor:
    name = "quotes"

    def extract(self, ctx: Context) -> Iterator[Fact]:
        text = ctx.text
        last_speaker: str | None = None
        named: list[tuple[int, str]] | None = None
        for quoted in scan(text, ctx.segments):
            pieces = quoted.pieces
            if text[pieces[-1][1] - 1] == ",":  # "…our work," the spokesman said
                pieces = (*pieces[:-1], (pieces[-1][0], pieces[-1][1] - 1))
            words = " ".join(" ".join(text[s:e].split()) for s, e in pieces).strip()
            if not words or is_title(words):
                continue
            first = quoted.pieces[0][0] - 1  # the opening mark
            last = quoted.pieces[-1][1]  # the closing mark (or the paragraph's end)
            before = text[quoted.segment.start:first]
            after = text[last + 1:quoted.last_segment.end] if last < quoted.last_segment.end \
                else ""
            speaker = self._speaker(ctx, before, after, first)
            if speaker and speaker.lower() in _PRONOUNS:
                if named is None:  # computed once per document, and only when needed
                    named = self._named_spokespeople(ctx)
                speaker = self._antecedent(named, speaker, first) or last_speaker
            if speaker is None and quoted.opens_paragraph and not before.strip():
                speaker = last_speaker  # a paragraph that opens with a quote continues it
            statement = len(words.split()) >= MIN_STATEMENT_WORDS
            if speaker is None:
                continue  # a phrase or statement nobody is said to have said
            yield Fact(FactKind.QUOTE, ctx.primary_place, ctx.report_year, speaker, {
                "id": f"{ctx.doc.doc}:{first}",
                "speaker_kind": speaker_kind(speaker),
                "text": words,
                "form": "statement" if statement else "phrase",
                "published": ctx.published,
            }, pieces)
            if statement:
                last_speaker = speaker

    def _speaker(self, ctx: Context, before: str, after: str, at: int) -> str | None:
        m = _AFTER.match(after)
        if m:
            who = m.group("who") or m.group("who2")
            return self._clean(who)
        sentence_start = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
        clause = before[sentence_start + 1:] if sentence_start >= 0 else before
        verbs = list(_VERB.finditer(clause))
        if verbs:
            head = clause[:verbs[-1].start()]
            cut = max(head.rfind(","), head.rfind(" that "), head.rfind(";"))
            who = self._clean(head[cut + 1:] if cut >= 0 else head)
            if who and (not who[0].islower() or who.lower().startswith(("the ", "a ", "an "))):
                return who
            # "..., accusing the report of ...": the sentence's subject is speaking.
            subject = self._clean(clause[:verbs[0].start()])
            if subject:
                return subject
        according = _ACCORDING.search(clause)
        if according:
            return self._clean(according.group("who"))
        return None

    @staticmethod
    def _clean(who: str | None) -> str | None:
        if not who:
            return None
        who = " ".join(who.split()).strip(" ,:;-—")
        previous = None
        while previous != who:
            previous = who
            who = _LEAD.sub("", who).strip()
            who = _TRAIL.sub("", who).strip()
        if not who or len(who.split()) > 14 or not re.match(r"[A-Za-z]", who):
            return None
        return who

    @staticmethod
    def _named_spokespeople(ctx: Context) -> list[tuple[int, str]]:
        """(end offset, words) of every spokesperson named in full in the content, in order."""
        named: list[tuple[int, str]] = []
        for seg in ctx.segments:
            if seg.is_content:
                named.extend((m.end(), m.group(0))
                             for m in _SPOKES.finditer(ctx.text, seg.start, seg.end)
                             if not m.group(0).lower().startswith("the "))
        return sorted(named)

    @staticmethod
    def _antecedent(named: list[tuple[int, str]], pronoun: str, at: int) -> str | None:
        """"the spokesman" -> the last spokesperson named in full before it."""
        if "spokes" not in pronoun.lower():
            return None
        before = bisect.bisect_right(named, (at, "\U0010ffff"))
        if not before:
            return None
        words = named[before - 1][1]
        return words[0].upper() + words[1:]
