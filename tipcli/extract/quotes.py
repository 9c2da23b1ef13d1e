"""Quotes: quoted statements and phrases with their speaker, resolved from the attribution."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from tipcli.cleaning import Segment
from tipcli.extract.base import Context, Fact
from tipcli.extract.cast import Cast, lowered_words
from tipcli.extract.speakers import Resolver, Speaker
from tipcli.lexicon.facts import FactKind
from tipcli.lexicon.kinds import SourceKind

VERBS = (r"said|says|say|stated|states|added|adds|warned|warns|noted|notes|stressed|"
         r"stresses|emphasi[sz]ed|emphasi[sz]es|claimed|claims|argued|argues|insisted|insists|"
         r"wrote|writes|told|declared|declares|asserted|asserts|replied|responded|explained|"
         r"urged|urges|described|describes|describing|accused|accusing|slammed|criticised|"
         r"criticized|criticises|criticizes|objected|rejected|expressed|called|calling|"
         r"maintained|reiterated|pointed\s+out|point\s+out|announced|concluded|continued|"
         r"affirmed|affirms|indicated|indicates|indicate|recognises|recognizes|recognised|"
         r"recognized|acknowledged|acknowledges|admitted|admits|conceded|concedes|observed|"
         r"observes|reads|highlighted|highlights|cited|cites|faulted|faults|labelled|labeled|"
         r"branded|dubbed|termed|asked|asks|recalled|recalls|commented|remarked|tweeted|"
         r"posted|testified|saying|adding|noting|warning|stressing|insisting|arguing|"
         r"telling|stating|explaining|finds|found|complained|lamented|vowed|pledged|promised|"
         r"praised|welcomed|hailed|confirmed|denied|disputed|countered|agreed|believes|"
         r"believed|thinks|feels|hopes|wants|predicted|suggested|suggests|proposed|recommended|"
         r"recommends|blasted|condemned|decried|denounced|demanded|questioned|wondered|attributed|"
         r"cautioned|quipped|joked|boasted|revealed|disclosed|reported|reports|explains")
_VERB = re.compile(rf"\b(?:{VERBS})\b")  # lower case: "Secretary of State" says nothing
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>.+?)\s+as\s+(?:saying|telling|stating|"
                        r"writing|adding)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;“”\"]{2,80}?)\s*(?:,|$)",
                        re.IGNORECASE)
_TAIL_START = re.compile(r"(?:(?:the|a|an|its)\b|[A-Z])")
_PULL_NEXT_LINE = re.compile(r"[\"”]?[ \t]*\n[ \t]*(?=[—–])")
# "In the report's words, …", "in the words of the minister, …".
_WORDS_OF = re.compile(r"\bin\s+(?:the\s+words\s+of\s+(?P<of>[^,“”\"]{2,60})|(?P<who>(?:the\s+)?"
                       r"[\w .-]{2,60}?)(?:'s|’s)\s+(?:own\s+)?words)\b", re.IGNORECASE)
# Parts before a subject that are no subject: "In a statement,", "Launching the report in
# Washington,", "5.".
_INTRO = re.compile(
    r"^(?:in|on|at|after|before|during|since|speaking|launching|presenting|responding|"
    r"asked|however|meanwhile|separately|also|but|and|yet|still|earlier|later|last|this|"
    r"today|yesterday|according\s+to|for\s+(?:its|his|her|their)\s+part|instead|"
    r"nonetheless|nevertheless|moreover|furthermore|similarly|likewise|indeed|again|"
    r"in\s+response|in\s+a\s+statement|\d+\.|\(\w\)|[•·*-])(?:\b|\s|$)", re.IGNORECASE)
# Words after which a subject has ended: "The report is blunt", "The Office … also issued".
_SUBJECT_END = re.compile(rf"\s+(?:is|was|are|were|has|had|have|also|issued|released|did|does|"
                          rf"do|would|will|could|can|may|which|who|that|then|later|again|"
                          rf"yesterday|today|repeatedly|once|in\s+a\s+statement|"
                          rf"on\s+\w+day|{VERBS})\b.*$")
# "… told CNN", "… to this net reporter said": whom it was said to ends the subject.
_TOLD_TO = re.compile(r"\s+(?:to|told)\s+(?:this|the|a|an|our|local|state|foreign)?\s*"
                      r"(?:[\w-]+\s+)?(?:reporters?|journalists?|media|press|newspaper|paper|outlet|agency)\b.*$",
                      re.IGNORECASE)
_RELATIVE_END = re.compile(r",?\s+(?:which|who)\s*$", re.IGNORECASE)
_LAST_NP = re.compile(r"\b(?:from|by|of|with|to|at|for|against|on)\s+(?P<np>[^,]+)$",
                      re.IGNORECASE)
_PULL_LINE = re.compile(r"^\s*[—–-]{1,2}\s*(?P<who>[^\n“”\"]{3,160})$")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No|Mt|Ft))"
                           r"(?<!\b(?:Mrs|Col|Gen|Sgt|Maj|Gov|Sen|Rep|Hon|Rev|Art|Vol))"
                           r"(?<!\b(?:Prof|Capt|Insp|Supt|Cmdr))"
                           r"(?<!U\.S)(?<!U\.N)(?<!\ba\.i)(?<!\be\.g)(?<!\bi\.e)[.!?][\"”’»)]?\s+(?=[A-Z“\"«(])")
MIN_STATEMENT_WORDS = 8


@dataclass(frozen=True)
class Quoted:
    pieces: tuple[tuple[int, int], ...]  # the quoted words, one span per paragraph
    opens_paragraph: bool
    segment: Segment  # where the quote starts
    last_segment: Segment  # where it ends


def _is_opening(text: str, i: int, seg: Segment) -> bool:
    ch = text[i]
    if ch in "“«":
        return True
    if ch != '"':
        return False
    before = text[i - 1] if i > seg.start else " "
    after = text[i + 1] if i + 1 < seg.end else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _is_closing(text: str, i: int, seg: Segment) -> bool:
    ch = text[i]
    if ch in "”»":
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
            if ch not in "“”\"«»":
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
            if following is None or text[following.start] not in "“\"«":
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


class Attribution(NamedTuple):
    words: str  # the words that name the speaker, as written
    apposition: str | None  # what the text says the speaker is ("a lawyer in Abidjan")


# Before a short quote: "welcomed the city's new "victim identification mechanism"" quotes
# a name for something, not words anyone said; "called the assessment "biased"" quotes.
_NAMED_THING = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:the|a|an|its|their|his|her|our|this|that|"
                          r"these|those|[\w’']+['’]s)(?:\s+(?!(?:is|was|are|were|be|been|being|"
                          r"as|remains?|remained|seems?|seemed|looks?|looked|became|becomes)\b)"
                          r"[\w-]+){0,3}\s*$")
# Words before "the X "…"" after which the quoted words are what someone says the X is or
# does: "said the report "ignores the facts"", "called the assessment "biased"".
_NAMING_VERBS = frozenset({
    "said", "says", "say", "stated", "states", "wrote", "writes", "told", "tells", "added",
    "adds", "noted", "notes", "called", "calling", "calls", "described", "describing",
    "describes", "dubbed", "termed", "labelled", "labeled", "branded", "deemed", "considered",
    "found", "finds", "declared", "argued", "argues", "claimed", "claims", "insisted",
    "insists", "warned", "warns", "reads", "accused", "accusing", "urged", "urges", "as",
    "like", "stressed", "explained", "believes", "thinks", "concluded", "concludes"})


_FUNCTION_WORDS = frozenset({"that", "which", "and", "or", "but", "of", "in", "on", "for", "to",
                             "with", "by", "from", "at", "if", "whether", "because", "while"})


def names_a_thing(text: str, start: int, open_at: int, words: str) -> bool:
    """A few quoted words that name a programme, a term or a title after "the", "its" or
    a possessive, and no verb of naming: "launched its "Safe Return" scheme"."""
    if len(words.split()) > 5:
        return False
    if re.search(r"\bso[-\s]called\s*$", text[max(start, open_at - 12):open_at], re.I):
        return True  # the so-called "re-education through labor" system
    m = _NAMED_THING.search(text[max(start, open_at - 60):open_at])
    if m is None:
        return False
    verb = m.group("verb")
    after = m.group(0)[len(verb):]
    return verb not in _NAMING_VERBS | _FUNCTION_WORDS and not _VERB.fullmatch(verb) and \
        not _VERB.search(after) and not re.search(r"\b(?:to|of|for|with|by)\s*$", after)


def attribution_after(text: str, close: int, end: int) -> Attribution | None:
    """ "…," X said / "…," said X, a lawyer / "…," X told CNN: the words after a quote."""
    tail = text[close + 1:end]
    if text[close - 1:close] == "." and re.match(r"\s+[A-Z]", tail):
        return None  # "… the SAR." The spokesman pointed out …: a new sentence
    stop = _SENTENCE_END.search(tail)
    tail = tail[:stop.start() + 1] if stop else tail
    tail = re.split(r"[“\"]", tail, maxsplit=1)[0]
    if not re.match(r"\s*(?:,|—|–|\s[a-zA-Z])", tail) and not re.match(r"\s*$", tail[:1]):
        return None
    body = tail.strip(" ,—–\n")
    according = re.match(r"according\s+to\s+(?P<who>[^,.;]+)", body, re.IGNORECASE)
    if according:  # "…," according to the report.
        return Attribution(according.group("who").strip(), None)
    verb = _VERB.search(body)
    if verb is None or len(body[:verb.start()].split()) > 16:
        return None
    if verb.start() == 0:  # "said Awa Koné, a lawyer …", "said the Minister, Ramón Estévez"
        rest = re.sub(r",?\s+according\s+to\s+[^,.;]+", "", body[verb.end():]).strip()
        if not re.match(r"(?:the|a|an|[A-Z])", rest):
            return None  # ", adding that …": the speaker is before the quote
        return subject(rest.rstrip("."), after_verb=True)
    return subject(body[:verb.start()])


def attribution_before(text: str, start: int, open_at: int) -> Iterator[Attribution]:
    """X said: "…" / X said the report "…" / According to X, "…" / CNN quoted X as
    saying "…": the words before a quote, in its sentence, most likely first (lazily: the
    first that names someone ends the search)."""
    clause = text[max(start, open_at - 400):open_at]  # its sentence is in there
    ends = list(_SENTENCE_END.finditer(clause))
    clause = clause[ends[-1].end():] if ends else clause
    clause = re.split(r"[“”\"]", clause)[-1] if clause.count("”") or clause.count('"') else clause
    seen: list[str] = []
    quoted = _QUOTED_AS.search(clause)
    if quoted:
        who, _, apposition = quoted.group("who").partition(",")
        seen.append(who.strip())
        yield Attribution(who.strip(), apposition.strip().rstrip(",") or None)
    verbs = list(_VERB.finditer(clause))
    if verbs:
        verb = verbs[-1]
        said = subject(clause[:verb.start()], participle=verb.group(0).endswith("ing"))
        if said is not None:
            seen.append(said.words)
            yield said
    according = _ACCORDING.search(clause)
    words_of = None if according else _WORDS_OF.search(clause)
    if according or words_of:
        who = according.group("who") if according else \
            (words_of.group("who") or words_of.group("of")) if words_of else ""
        seen.append(who.strip())
        yield Attribution(who.strip(), None)
    if verbs:  # "a shift the report attributed to": the words right before the verb
        words = clause[:verbs[-1].start()].rstrip().split()
        for n in range(min(6, len(words)), 0, -1):
            tail = " ".join(words[-n:])
            if _TAIL_START.match(tail) and "," not in tail and tail not in seen:
                yield Attribution(tail.strip(" ,"), None)


def subject(head: str, participle: bool = False, after_verb: bool = False
            ) -> Attribution | None:
    """The speaker's words in the text before a verb of saying: the subject, after any
    introductory parts, with its apposition ("Amaka Obi, director general of …,")."""
    head = head.strip()
    relative = _RELATIVE_END.search(head)
    if relative:  # "a rebuke from the city's government, which called …"
        np = head[:relative.start()]
        last = _LAST_NP.search(np)
        return Attribution((last.group("np") if last else np.split(",")[-1]).strip(), None)
    parts = [p.strip(" ,") for p in re.split(r",\s+|\s+[—–]\s+", head)]
    parts = [p for p in parts if p]
    while parts and _INTRO.match(parts[0]):
        parts.pop(0)
    if not parts:
        return None
    first, rest = parts[0], parts[1:]
    if rest and re.match(r"^(?:the|a|an)\s+\w", first, re.IGNORECASE) and \
            re.match(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}$", rest[0]) and \
            not participle:  # "The minister of the Interior, Julio César Paredes Ríos,"
        return Attribution(rest[0], re.sub(r"^(?:the|a|an)\s+", "", first, flags=re.I))
    if not after_verb:
        first = _SUBJECT_END.sub("", _TOLD_TO.sub("", first)).strip()
    apposition = rest[0] if rest and not participle else None
    return Attribution(first, apposition) if first else None


def pull_quote_line(text: str, segment: Segment | None) -> Attribution | None:
    """A pull quote's speaker line: "— Associate Professor Nadia Rahman, NUS Faculty of Law"."""
    if segment is None:
        return None
    m = _PULL_LINE.match(text[segment.start:segment.end])
    if m is None or len(m.group("who").split()) > 20:
        return None
    who, _, apposition = m.group("who").partition(",")
    return Attribution(who.strip(), apposition.strip() or None)


class QuoteExtractor:
    name = "quotes"

    def extract(self, ctx: Context) -> Iterator[Fact]:
        text = ctx.text
        resolver: Resolver | None = None
        last: tuple[Speaker, Segment] | None = None  # the last statement's speaker
        for quoted in scan(text, ctx.segments):
            pieces = quoted.pieces
            if text[pieces[-1][1] - 1] == ",":  # "…our work," the spokesman said
                pieces = (*pieces[:-1], (pieces[-1][0], pieces[-1][1] - 1))
            words = " ".join(" ".join(text[s:e].split()) for s, e in pieces).strip()
            if not words or is_title(words) or names_a_thing(
                    text, quoted.segment.start, quoted.pieces[0][0] - 1, words):
                continue
            if resolver is None:
                resolver = self._resolver(ctx)
            first = quoted.pieces[0][0] - 1  # the opening mark
            close = quoted.pieces[-1][1]  # the closing mark (or the paragraph's end)
            speaker, as_written, attributed = None, None, False
            for found in self._attributions(text, quoted, first, close, ctx.segments):
                attributed = True
                speaker = resolver.resolve(found.words, first, found.apposition)
                if speaker is not None:
                    as_written = " ".join(found.words.split())
                    break
            if speaker is None and not attributed and last is not None and (
                    (quoted.opens_paragraph and not text[quoted.segment.start:first].strip())
                    or last[1] == quoted.segment):
                speaker, as_written = last[0], None  # the same speaker goes on
            if speaker is None:
                continue  # nobody is said to have said it: no quote
            resolver.heard(speaker, first)
            statement = len(words.split()) >= MIN_STATEMENT_WORDS
            yield Fact(FactKind.QUOTE, ctx.primary_place, ctx.report_year, speaker.name, {
                "id": f"{ctx.doc.doc}:{first}",
                "speaker_kind": speaker.kind,
                "speaker_title": speaker.title,
                "speaker_as_written": as_written,
                "text": words,
                "form": "statement" if statement else "phrase",
                "published": ctx.published,
            }, pieces)
            if statement:
                last = (speaker, quoted.last_segment)

    @staticmethod
    def _resolver(ctx: Context) -> Resolver:
        text = ctx.text
        named = [(m.start, m.end) for mentions in ctx.places.values() for m in mentions]
        cast = Cast(text, [(seg.start, seg.end) for seg in ctx.segments
                           if seg.is_content or seg.kind == "heading"], named,
                    ctx.once("lowered_words", lambda: lowered_words(text)))
        return Resolver(text, cast, ctx.primary_place,
                        ctx.profile.kind == SourceKind.GOVERNMENT)

    @staticmethod
    def _attributions(text: str, quoted: Quoted, first: int, close: int,
                      segments: list[Segment]) -> Iterator[Attribution]:
        """The words that may attribute a quote, most likely first: after it, before it
        in its sentence, or a pull quote's speaker line."""
        end = quoted.last_segment.end
        same = _PULL_NEXT_LINE.match(text, close, end)
        if same:  # a pull quote with its speaker on the next line
            line = text.find("\n", same.end())
            pulled = pull_quote_line(text, Segment(same.end(), end if line < 0 else line,
                                                   "text"))
            if pulled:
                yield pulled
            return
        found = False
        if close < end:
            after = attribution_after(text, close, end)
            if after is not None:
                found = True
                yield after
        for before in attribution_before(text, quoted.segment.start, first):
            found = True
            yield before
        if not found and quoted.opens_paragraph and not text[close + 1:end].strip(" .\"”"):
            following = next((seg for seg in segments if seg.start >= end), None)
            pulled = pull_quote_line(text, following)
            if pulled is not None:
                yield pulled
