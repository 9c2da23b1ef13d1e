"""The extractor registry: every extractor runs on every document when the store is built."""

from __future__ import annotations

from collections import Counter

from tipcli.cleaning import Segment
from tipcli.documents import Document
from tipcli.extract.base import Context, Extractor, Fact
from tipcli.extract.figures import FigureExtractor
from tipcli.extract.places import primary_place
from tipcli.extract.quotes import QuoteExtractor
from tipcli.extract.ratings import RatingExtractor
from tipcli.extract.years import report_year_in
from tipcli.text import content_sentences

REGISTRY: list[Extractor] = [RatingExtractor(), FigureExtractor(), QuoteExtractor()]

def context(doc: Document, segments: list[Segment]) -> Context:
    content = [s for s in segments if s.is_content]
    body = "\n".join(doc.text[s.start:s.end] for s in content)
    sentences = content_sentences(doc.text, content)
    named = Counter(report_year_in(s.text, None) for s in sentences)
    named.pop(None, None)
    return Context(doc, segments, sentences, primary_place(body),
                   named.most_common(1)[0][0] if named else None)


def extract_all(doc: Document, segments: list[Segment]) -> list[Fact]:
    ctx = context(doc, segments)
    facts: list[Fact] = []
    for extractor in REGISTRY:
        facts.extend(extractor.extract(ctx))
    return facts

