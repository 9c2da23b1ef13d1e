"""Text primitives: sentences with offsets, search normalisation and word tokens."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tipcli.cleaning import Segment, content_segments
from tipcli.lexicon.numbers import THOUSANDS_SEPARATORS


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec "
    "gov govt sen rep gen col lt capt inc ltd co corp dept est approx fig cf al u.s u.k u.n hk "
    "a.m p.m s.a.r p.r.c".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*$")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of text[start:end], with offsets into text."""
    spans: list[Span] = []
    chunk = text[start:end]
    cursor = 0
    for match in _SENTENCE_END.finditer(chunk):
        stop = match.end()
        word = _WORD_BEFORE.search(chunk[cursor:stop])
        token = word.group(1).lower().rstrip(".") if word else ""
        if match.group(0).startswith(".") and (
            token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
            or match.group(0).startswith("..")  # an ellipsis marks an elision
        ):
            continue
        piece = chunk[cursor:stop]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append(Span(start + cursor + lead, start + stop, piece.strip()))
        cursor = stop
    tail = chunk[cursor:]
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        spans.append(Span(start + cursor + lead, start + cursor + lead + len(tail.strip()),
                          tail.strip()))
    return spans


def content_sentences(text: str, segments: list[Segment] | None = None) -> list[Span]:
    """Every sentence of the document's content, in order."""
    segs = segments if segments is not None else content_segments(text)
    out: list[Span] = []
    for seg in segs:
        if seg.is_content:
            out.extend(split_sentences(text, seg.start, seg.end))
    return out


MIN_PASSAGE_CHARS = 40


def passages(text: str, segments: list[Segment]) -> list[Span]:
    """Searchable passages: sentences, a short one joined to its neighbour."""
    out: list[Span] = []
    for seg in segments:
        if not seg.is_content:
            continue
        pending: Span | None = None
        for sentence in split_sentences(text, seg.start, seg.end):
            if pending is not None:
                sentence = Span(pending.start, sentence.end, text[pending.start:sentence.end])
                pending = None
            if len(sentence.text) < MIN_PASSAGE_CHARS:
                pending = sentence
            else:
                out.append(sentence)
        if pending is not None:
            if out and out[-1].start >= seg.start:
                previous = out.pop()
                pending = Span(previous.start, pending.end, text[previous.start:pending.end])
            out.append(pending)
    return out


# --- search normalisation -----------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                         "‚": "'", "′": "'", "″": '"', "`": "'"})
_THOUSANDS = re.compile(rf"(?<=\d)[{THOUSANDS_SEPARATORS}](?=\d{{3}}(?!\d))")
# "7,500" is one word; an apostrophe between digits is not taken as a separator here.
_WORD_SEPARATORS = THOUSANDS_SEPARATORS.replace("'", "")
WORD = re.compile(rf"\d{{1,3}}(?:[{_WORD_SEPARATORS}]\d{{3}})+(?!\d)|[^\W_]+")


def normalize(text: str) -> str:
    """Fold case, diacritics, quote style, compatibility forms and thousands separators."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = unicodedata.normalize(
            "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    return _THOUSANDS.sub("", folded)


def normalize_word(word: str) -> str:
    return normalize(word).replace(",", "")


def words(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with offsets into text; each token normalised for matching."""
    if text.isascii():  # the common case: lower-casing is all normalize() would do
        return [(m.start(), m.end(), m.group(0).replace(",", ""))
                for m in WORD.finditer(text.lower())]
    return [(m.start(), m.end(), normalize_word(m.group(0))) for m in WORD.finditer(text)]


_TERM = re.compile(r"[^\W_]+")


def terms(text: str, *, normalized: bool = False) -> list[str]:
    """The index terms of a text, as the FTS5 unicode61 tokenizer would see them."""
    return _TERM.findall(text if normalized else normalize(text))
