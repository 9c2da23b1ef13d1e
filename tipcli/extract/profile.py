"""What a document is, read from its text and metadata: who speaks, which report, which place."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple
from urllib.parse import urlsplit

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.extract.places import Mention, mentions, primary_place
from tipcli.extract.years import RELEASED, year_cues
from tipcli.lexicon.kinds import SourceKind
from tipcli.text import Span


class Profile(NamedTuple):
    kind: SourceKind
    report_year: int | None  # the report the document is mainly about
    year_how: str  # given, explicit, ordinal, title_url, released_on, relative_text, date_only
    primary_place: str | None
    dated_year: int | None  # the year of the document's date, the base of "this year's report"


# US government text: the State Department and its missions abroad.
_US_DOMAIN = re.compile(r"(?:^|\.)(?:state\.gov|usembassy\.gov|usconsulate\.gov|usmission\.gov)$")
_US_OUTLET = re.compile(
    r"\b(?:Department\s+of\s+State|State\s+Department|Office\s+to\s+Monitor\s+and\s+Combat|"
    r"(?:U\.?S\.?|United\s+States|American)\s+(?:Embassy|Consulate|Mission))", re.IGNORECASE)
# A rated government's own channels: its domains and press offices.
_GOV_DOMAIN = re.compile(r"(?:^|\.)(?:gov|go|gob|gouv|govt|gv)\.[a-z]{2}$|(?:^|\.)gov\.(?!us$)"
                         r"[a-z]{2}$")
_GOV_OUTLET = re.compile(
    r"\b(?:government|ministry|ministerio|information\s+services|press\s+office|"
    r"press\s+release|spokes(?:man|woman|person)|presidency|prime\s+minister['’]s\s+office|"
    r"secretariat|bureau)\b", re.IGNORECASE)
# Outlets that are organisations, not newsrooms: NGOs, institutes, campaigns.
_ORGANISATION = re.compile(
    r"\b(?:foundation|institute|coalition|alliance|association|society|network|campaign|"
    r"watch|NGO|rights|cent(?:er|re)|initiative|project|trust|federation|league|committee)\b",
    re.IGNORECASE)
_OPINION = re.compile(
    r"\b(?:op-?ed|opinion|commentary|viewpoint|guest\s+column)\b|^\s*The\s+(?:writer|author)\s+"
    r"is\b|\bis\s+(?:the\s+)?(?:executive\s+)?director\s+of\b|\bis\s+(?:an?\s+)?(?:associate\s+|"
    r"assistant\s+)?professor\b|\bviews\s+expressed\b", re.IGNORECASE | re.MULTILINE)
# A country narrative: "MALAYSIA: TIER 3" and its section headings.
_NARRATIVE_HEADING = re.compile(r"^[^\W\d_][^:\n]{1,60}:\s*(?:TIER|Tier)\s+(?:1|2|3|ONE|TWO|THREE)"
                                r"|^[^\W\d_][^:\n]{1,60}:\s*SPECIAL\s+CASE", re.MULTILINE)
_SECTIONS = re.compile(r"^\s*(?:PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING\s+PROFILE)\s*$",
                       re.MULTILINE)
_RELEASE_END = re.compile(r"^\s*Ends\s*/|\bIssued\s+at\s+HKT\b|^\s*-\s*ENDS\s*-|^\s*###\s*$",
                          re.MULTILINE | re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{2,40},?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?"
                       r"\([A-Z][\w .&-]{1,30}\)\s*[-–—]|\((?:Reuters|AFP|AP|Bloomberg)\)\s*[-–—]",
                       re.MULTILINE)
_URL_YEAR = re.compile(r"(?:^|[/_-])(?P<a>20\d\d)[-_](?:trafficking-in-persons|tip)[-_]report"
                       r"|(?:trafficking-in-persons|tip)[-_]report[-_/](?P<b>20\d\d)\b",
                       re.IGNORECASE)
# On the State Department's own site a path's year is the report's: "…/countries/2014/…".
_US_URL_YEAR = re.compile(r"/(?P<a>20[0-3]\d)(?=/|\.|$)")
# A year named as where a range starts or ends is not the year a document is about.
_RANGE_BOUND = re.compile(r"\b(?:since|from|between|until|till|through|before|prior\s+to|"
                          r"as\s+early\s+as)\s+(?:the\s+)?$", re.IGNORECASE)


_RELEASE_WORDS = ("release", "publish", "issued", "unveil", "launch", "made public")


def source_kind(doc: Document, title: str | None) -> SourceKind:
    """report, government, news or other: from the metadata first, then the text's shape."""
    if doc.meta.kind:
        return SourceKind(doc.meta.kind)
    host = (urlsplit(doc.meta.url).hostname or "") if doc.meta.url else ""
    outlet = doc.meta.outlet or ""
    text = doc.text
    if _US_DOMAIN.search(host) or _US_OUTLET.search(outlet):
        return SourceKind.REPORT
    if _NARRATIVE_HEADING.search(text) and len(set(_SECTIONS.findall(text))) >= 2:
        return SourceKind.REPORT
    if _OPINION.search(" ".join(filter(None, (title, outlet)))) or _OPINION.search(text[-600:]):
        return SourceKind.OTHER
    if _GOV_DOMAIN.search(host) or _GOV_OUTLET.search(outlet) or _RELEASE_END.search(text):
        return SourceKind.GOVERNMENT
    if _ORGANISATION.search(outlet):
        return SourceKind.OTHER
    if outlet or _DATELINE.search(text):
        return SourceKind.NEWS
    return SourceKind.OTHER


def title_url_year(title: str | None, url: str | None) -> int | None:
    """A report year named by the title ("2019 Trafficking in Persons Report: Fiji") or the
    URL ("…/2020-trafficking-in-persons-report-malaysia/")."""
    if title:
        for cue in year_cues(title, 0, len(title)):
            if cue.year is not None:
                return cue.year
    if url:
        parts = urlsplit(url)
        m = _URL_YEAR.search(parts.path)
        if m:
            return int(m.group("a") or m.group("b"))
        if _US_DOMAIN.search(parts.hostname or ""):
            m = _US_URL_YEAR.search(parts.path)
            if m:
                return int(m.group("a"))
    return None


def report_year(doc: Document, sentences: list[Span], title: str | None,
                ) -> tuple[int | None, str, int | None]:
    """(report year, how it is known, the year of the document's date).

    The text's own words win: a report it says came out at about its date ("released on
    Thursday": the date's year), else the year it names most often ("the 2019 report",
    "the 17th annual report"; not a year a range starts from, "since the 2020 edition");
    then the title or URL; then the date, as reports come out between June and September:
    "this year's report" is the date's year, and so is "the report" in a document dated
    June to December; dated January to May, "the report" is the previous year's. With
    none of these, no year.
    """
    published = doc.meta.published
    dated = int(published[:4]) if published else None
    if doc.meta.report_year is not None:
        return doc.meta.report_year, "given", dated
    named: Counter[int] = Counter()
    how: dict[int, str] = {}
    relative: set[int] = set()
    released = False
    text = doc.text
    for sentence in sentences:
        for cue in year_cues(text, sentence.start, sentence.end):
            if cue.year is not None:
                if _RANGE_BOUND.search(text, max(0, cue.start - 20), cue.start):
                    continue
                named[cue.year] += 1
                how.setdefault(cue.year, cue.how)  # in order: the first mention's way
            else:
                relative.add(cue.shift)
        if not released and any(w in sentence.text for w in _RELEASE_WORDS) \
                and "report" in sentence.text.lower():  # the report's release, not figures'
            released = RELEASED.search(text, sentence.start, sentence.end) is not None
    if released and dated is not None:
        return dated, "released_on", dated
    if named:
        order = list(how)  # years in the order the text first names them
        year = max(named, key=lambda y: (named[y], -order.index(y)))
        return year, how[year], dated
    from_title = title_url_year(title, doc.meta.url)
    if from_title is not None:
        return from_title, "title_url", dated
    if dated is None or published is None:
        return None, "none", dated
    if relative == {-1}:
        return dated - 1, "relative_text", dated
    month = int(published[5:7])
    if 0 in relative and month >= 6:
        return dated, "relative_text", dated
    return (dated if month >= 6 else dated - 1), "date_only", dated


def profile(doc: Document, segments: list[Segment], sentences: list[Span],
            places: dict[int, list[Mention]]) -> Profile:
    """places: the places each sentence names (by its start), found once for every use."""
    title = doc.meta.title or next((doc.text[s.start:s.end] for s in segments
                                    if s.kind == "title"), None)
    # A title or heading counts thrice, the outlet's name twice ("Taiwan Daily Net").
    weighted = [(mentions(words, 0, len(words), None), weight)
                for words, weight in ((doc.meta.title, 3), (doc.meta.outlet, 2)) if words]
    heads = {s.start for s in segments if s.kind in ("title", "heading")}
    weighted += [(places[s.start], 3 if s.start in heads else 1) for s in sentences]
    place = primary_place(weighted)
    year, how, dated = report_year(doc, sentences, title)
    return Profile(source_kind(doc, title), year, how, place, dated)
