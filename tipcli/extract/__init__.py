"""The extractor registry: every extractor runs on every document when the store is built."""

from __future__ import annotations

from bisect import bisect_left

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.extract.base import Context, Extractor, Fact
from tipcli.extract.figures import FigureExtractor
from tipcli.extract.places import names_in
from tipcli.extract.profile import Profile, profile
from tipcli.extract.quotes import QuoteExtractor
from tipcli.extract.ratings import RatingExtractor
from tipcli.extract.sections import narrative_sections
from tipcli.text import content_sentences

REGISTRY: list[Extractor] = [RatingExtractor(), FigureExtractor(), QuoteExtractor()]


def context(doc: Document, segments: list[Segment]) -> Context:
    content = [s for s in segments if s.is_content]
    sentences = content_sentences(doc.text, content)
    places = {s.start: names_in(doc.text, s.start, s.end) for s in sentences}
    return Context(doc, segments, sentences, profile(doc, segments, sentences, places), places)


def read(doc: Document, segments: list[Segment]) -> tuple[Profile, list[Fact]]:
    """What the document is, and every fact every extractor finds in it.

    A document of many country narratives (the annual report) is read narrative by
    narrative: each is about the place its heading names, in the document's report year.
    """
    ctx = context(doc, segments)
    facts: list[Fact] = []
    for part in _narratives(ctx) or [ctx]:
        for extractor in REGISTRY:
            facts.extend(extractor.extract(part))
    return ctx.profile, facts


def _narratives(ctx: Context) -> list[Context]:
    sections = narrative_sections(ctx.text)
    if not sections:
        return []
    parts = []
    sentence_starts = [s.start for s in ctx.sentences]
    segment_starts = [s.start for s in ctx.segments]
    for section in sections:
        sentences = ctx.sentences[bisect_left(sentence_starts, section.start):
                                  bisect_left(sentence_starts, section.end)]
        segments = ctx.segments[bisect_left(segment_starts, section.start):
                                bisect_left(segment_starts, section.end)]
        places = {s.start: ctx.places[s.start] for s in sentences}
        profile = ctx.profile._replace(primary_place=section.place)
        parts.append(Context(ctx.doc, segments, sentences, profile, places, memo=ctx.memo))
    return parts


def extract_all(doc: Document, segments: list[Segment]) -> list[Fact]:
    return read(doc, segments)[1]

