"""The extractor registry: every extractor runs on every document when the store is built."""

from __future__ import annotations

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.extract.base import Context, Extractor, Fact
from tipcli.extract.figures import FigureExtractor
from tipcli.extract.places import names_in
from tipcli.extract.profile import Profile, profile
from tipcli.extract.quotes import QuoteExtractor
from tipcli.extract.ratings import RatingExtractor
from tipcli.text import content_sentences

REGISTRY: list[Extractor] = [RatingExtractor(), FigureExtractor(), QuoteExtractor()]


def context(doc: Document, segments: list[Segment]) -> Context:
    content = [s for s in segments if s.is_content]
    sentences = content_sentences(doc.text, content)
    places = {s.start: names_in(doc.text, s.start, s.end) for s in sentences}
    return Context(doc, segments, sentences, profile(doc, segments, sentences, places), places)


def read(doc: Document, segments: list[Segment]) -> tuple[Profile, list[Fact]]:
    """What the document is, and every fact every extractor finds in it."""
    ctx = context(doc, segments)
    facts: list[Fact] = []
    for extractor in REGISTRY:
        facts.extend(extractor.extract(ctx))
    return ctx.profile, facts


def extract_all(doc: Document, segments: list[Segment]) -> list[Fact]:
    return read(doc, segments)[1]

