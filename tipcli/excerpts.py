"""Excerpts for `tipcli show`: a document's text, or a span or a fact's evidence in the
sentences around it, with where it stands and a citation a reader can paste.

What a user names is, in this order: a document id; a rating id ("hong-kong/2022", as
`rating --json` gives it); a figure or quote id ("DOC:OFFSET", as `stats --json` and
`quotes --json` give it, whose DOC may be a short id or a unique prefix); else a document
by its short id or a unique prefix.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from tipcli.errors import UsageProblem
from tipcli.results import Evidence, Result
from tipcli.results.show import Citation, Excerpt
from tipcli.store import Store

if TYPE_CHECKING:  # for annotations; the ratings query is imported when a rating is shown
    from tipcli.results.ratings import Alternative, Rating

_SPAN = re.compile(r"\s*(\d+)\s*:\s*(\d+)\s*")
_FACT_ID = re.compile(r"(?P<doc>.+):(?P<offset>\d+)")
_LINE = re.compile(r"[^\s](?:[^\n]*[^\s])?")  # a line's text, without the blanks around it


class _Doc(NamedTuple):
    """A stored document as `show` reads it."""

    doc: str
    short_id: str
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    pages: tuple[int, ...]  # a PDF's page starts; empty for other documents
    passages: tuple[tuple[int, int], ...]  # (start, end), in order

    def page(self, offset: int) -> int | None:
        """For a PDF, the page offset falls on (1 is the first); else None."""
        if not self.pages:
            return None
        return bisect.bisect_right(self.pages, offset) or None


class _Piece(NamedTuple):
    """One span to show: evidence of a fact, or the span --at names."""

    doc: str
    start: int
    end: int
    fact: str | None = None
    fact_kind: str | None = None
    about: str | None = None
    # --cite cites only the words that say the fact as the answer says it: not a stated
    # verdict's inferred evidence, and not an alternative's.
    cited: bool = True


class _Reader:
    """The store's documents, each read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids = [row[0] for row in store.conn.execute("SELECT doc FROM documents ORDER BY doc")]
        self._docs: dict[str, _Doc] = {}

    @property
    def shorts(self) -> dict[str, str]:
        from tipcli.facts.evidence import short_ids

        return short_ids(self.store)  # read once per open store, as evidence reads them

    def resolve(self, given: str) -> str:
        from tipcli.docids import resolve

        return resolve(given, self.ids)

    def read(self, doc: str) -> _Doc:
        if doc not in self._docs:
            self._docs[doc] = self._load(doc)
        return self._docs[doc]

    def _load(self, doc: str) -> _Doc:
        from tipcli.paths import documents_dir, seeds_dir

        conn = self.store.conn
        title, outlet, published, url, pages, origin, chars = conn.execute(
            "SELECT title, outlet, published, url, pages, origin, chars FROM documents"
            " WHERE doc = ?", (doc,)).fetchone()
        folder = seeds_dir() if origin == "seed" else documents_dir(self.store.home)
        try:
            text = (folder / doc).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageProblem(f"cannot read document {doc}: {exc}",
                               "run 'tipcli index --rebuild'") from exc
        if len(text) != chars:
            raise UsageProblem(f"document {doc} changed since it was indexed",
                               "run 'tipcli index' and try again")
        spans = tuple(conn.execute(
            "SELECT start, end FROM passages WHERE doc = ? ORDER BY start, end", (doc,)))
        return _Doc(doc, self.shorts.get(doc, doc), text, title, outlet, published, url,
                    tuple(json.loads(pages)) if pages else (), spans)


def show(store: Store, target: str, *, at: str | None = None, context: int | None = None,
         cite: bool = False) -> Result[Excerpt] | Result[Citation]:
    """What `tipcli show TARGET` prints: excerpts, or citations of them with cite."""
    if context is not None and context < 0:
        raise UsageProblem(f"-C must be 0 or more, not {context}")
    reader = _Reader(store)
    doc, pieces, label = _named(reader, target)
    if at is not None:
        if doc is None:
            raise UsageProblem(f"--at takes a document, and {target!r} is a fact id",
                               f"use 'tipcli show {target}' for its evidence")
        start, end = parse_span(at, len(reader.read(doc).text))
        pieces = [_Piece(doc, start, end)]
        label = f"{reader.read(doc).short_id} [{start}:{end}]"
    if pieces is None:
        if context is not None:
            raise UsageProblem("-C needs a span: give --at START:END or a fact id")
        assert doc is not None
        items = [_whole(store, reader.read(doc))]
    else:
        items = [_excerpt(reader.read(p.doc), p, context or 0) for p in pieces]
    if cite:
        if pieces is not None:
            items = [e for e, p in zip(items, pieces, strict=True) if p.cited]
        return Result(Citation, tuple(Citation(e.doc, e.start, e.end, e.text, e.page, e.fact,
                                               e.citation) for e in items),
                      notes=(f"cite · {label}",), empty_message=f"nothing to cite for {label}",
                      # Every fact has a citable piece but a rating without a verdict.
                      hint=None if items or not pieces else
                      "its sources disagree, so there is no verdict to cite; "
                      f"'tipcli show {target}' shows each side")
    return Result(Excerpt, tuple(items), notes=(f"show · {label}",),
                  empty_message=f"nothing to show for {label}")


def parse_span(value: str, length: int) -> tuple[int, int]:
    """START:END, checked against a text of length characters."""
    match = _SPAN.fullmatch(value)
    if not match:
        raise UsageProblem(f"--at takes START:END, two whole numbers such as 683:726, "
                           f"not {value!r}")
    start, end = int(match[1]), int(match[2])
    if start >= end:
        raise UsageProblem(f"--at {start}:{end}: START must be less than END")
    if end > length:
        raise UsageProblem(f"--at {start}:{end}: END is past the end of the document",
                           f"its text has {length} characters")
    return start, end


# --- what the user named --------------------------------------------------------


def _named(reader: _Reader, target: str) -> tuple[str | None, list[_Piece] | None, str]:
    """(the document, or None for a fact; the spans to show, or None for a whole
    document; how to name it in messages)."""
    if target in reader.ids:
        return target, None, reader.shorts.get(target, target)
    if "/" in target:
        return None, _rating(reader, target), target
    fact_id = _FACT_ID.fullmatch(target)
    if fact_id:
        try:
            doc = reader.resolve(fact_id["doc"])
        except UsageProblem as exc:
            raise UsageProblem(f"{target!r} is no document or fact: {exc.message}",
                               exc.hint) from None
        full = f"{doc}:{int(fact_id['offset'])}"
        return None, _figure_or_quote(reader, full, target), target
    try:
        doc = reader.resolve(target)
    except UsageProblem as exc:
        if not exc.message.startswith("no document"):
            raise  # an ambiguous prefix: the candidates are named
        from tipcli.suggest import did_you_mean

        names = sorted({*reader.ids, *reader.shorts.values(), *_rating_ids(reader)})
        raise UsageProblem(
            f"no document or fact {target!r}",
            did_you_mean(target, names) or "give a document id ('tipcli sources') or a fact "
            "id ('tipcli rating --json' gives hong-kong/2022)") from None
    return doc, None, reader.shorts.get(doc, doc)


def _rating_ids(reader: _Reader) -> dict[str, tuple[str, int | None]]:
    from tipcli.facts.ratings import rating_id

    rows = reader.store.conn.execute(
        "SELECT DISTINCT jurisdiction, year FROM facts WHERE kind = 'rating'").fetchall()
    return {rating_id(where, when): (where, when) for where, when in rows}


def _rating(reader: _Reader, target: str) -> list[_Piece]:
    from tipcli.facts.ratings import ratings

    known = _rating_ids(reader)
    wanted = target.strip().lower()
    if wanted not in known:
        from tipcli.suggest import did_you_mean

        raise UsageProblem(f"no rating {target!r}", did_you_mean(target, sorted(known))
                           or "'tipcli rating --jurisdiction all --json' gives every id")
    where, when = known[wanted]
    found = [r for r in ratings(reader.store, when, where).items if r.id == wanted]
    pieces: list[_Piece] = []
    for rating in found:
        place = f"{rating.jurisdiction}, {rating.year or 'unknown'} report"
        pieces += _pieces(rating.evidence, rating.id, "rating",
                          partial(_verdict_words, place, rating),
                          citable=partial(_gives_verdict, rating))
        for alt in rating.alternatives:
            pieces += _pieces(alt.evidence, rating.id, "rating",
                              partial(_alternative_words, place, alt), citable=_never)
    return pieces


def _gives_verdict(rating: Rating, ev: Evidence) -> bool:
    """Do these words give the verdict as it is given (stated, or inferred)?"""
    return (ev.basis or rating.basis) == rating.basis


def _verdict_words(place: str, rating: Rating, ev: Evidence) -> str:
    if _gives_verdict(rating, ev):
        return f"{place}: {rating.tier} ({rating.basis}; the verdict)"
    return (f"{place}: {rating.tier} ({ev.basis} from these words; the verdict itself is "
            f"{rating.basis})")


def _alternative_words(place: str, alt: Alternative, ev: Evidence) -> str:
    return f"{place}: {alt.tier} ({ev.basis or alt.basis}; not the verdict)"


def _never(ev: Evidence) -> bool:
    return False


def _figure_or_quote(reader: _Reader, full: str, given: str) -> list[_Piece]:
    from tipcli.facts.evidence import evidence

    conn = reader.store.conn
    doc = full.rsplit(":", 1)[0]
    row = conn.execute(
        "SELECT id, kind, key, data FROM facts WHERE doc = ? AND kind IN ('figure', 'quote')"
        " AND json_extract(data, '$.id') = ?", (doc, full)).fetchone()
    if row is None:
        # The nearest id in the document, written with the DOC as typed ("002:683").
        wanted = int(full.rsplit(":", 1)[1])
        offsets = [int(r[0].rsplit(":", 1)[1]) for r in conn.execute(
            "SELECT json_extract(data, '$.id') FROM facts WHERE doc = ?"
            " AND kind IN ('figure', 'quote')", (doc,))]
        nearest = min(offsets, key=lambda o: (abs(o - wanted), o)) if offsets else None
        typed = given.rsplit(":", 1)[0]
        raise UsageProblem(
            f"no figure or quote {given!r} in {doc}",
            f"the nearest is {typed}:{nearest}; 'tipcli show {typed} --at START:END' shows "
            "any span" if nearest is not None else "'tipcli show DOC --at START:END' shows "
            "any span")
    fid, kind, key, raw = row
    data: dict[str, Any] = json.loads(raw)
    if kind == "figure":
        return _pieces(evidence(reader.store, [fid]), full, kind, _figure_words(key, data))
    # A quote is one across documents, as `tipcli quotes` gives it: every quote fact of the
    # same speaker and words is evidence of it.
    from tipcli.facts.quotes import quote_key

    this_quote = quote_key(key, data["text"])
    same = [other for other, who, text in conn.execute(
        "SELECT id, key, json_extract(data, '$.text') FROM facts WHERE kind = 'quote'"
        " ORDER BY id") if other != fid and quote_key(who, text) == this_quote]
    return _pieces(evidence(reader.store, [fid, *same]), full, kind,
                   f"{key} ({data.get('form', 'quote')})")


def _figure_words(metric: str, data: dict[str, Any]) -> str:
    amount = " ".join(str(part) for part in (data.get("qualifier"), data.get("value"),
                                              data.get("unit")) if part not in (None, ""))
    period = f" ({data['period']})" if data.get("period") else ""
    return f"{data.get('label') or metric}: {amount}{period} [{metric}]"


def _pieces(found: Sequence[Evidence], fact: str, kind: str,
            about: str | Callable[[Evidence], str],
            citable: Callable[[Evidence], bool] = lambda ev: True) -> list[_Piece]:
    """A piece per span. --cite cites the citable ones, one per article: the first, which
    the evidence puts in the fuller version."""
    cited: set[str] = set()
    out = []
    for ev in found:
        cite = citable(ev) and ev.article not in cited
        if cite:
            cited.add(ev.article)
        words = about(ev) if callable(about) else about
        out.append(_Piece(ev.doc, ev.start, ev.end, fact, kind, words, cited=cite))
    return out


# --- excerpts -------------------------------------------------------------------


def _excerpt(doc: _Doc, piece: _Piece, around: int) -> Excerpt:
    """The span in the sentences (passages) it touches, with around more on each side."""
    start, end = piece.start, piece.end
    spans = doc.passages
    first = bisect.bisect_right([e for _, e in spans], start)  # first passage ending after start
    last = bisect.bisect_left([s for s, _ in spans], end) - 1  # last passage starting before end
    if first <= last:
        lo, hi = min(start, spans[first][0]), max(end, spans[last][1])
    else:  # the span lies in furniture: its own lines
        lo = doc.text.rfind("\n", 0, start) + 1
        newline = doc.text.find("\n", end)
        hi = len(doc.text) if newline < 0 else newline
    if around and first > 0:
        lo = min(lo, spans[max(0, first - around)][0])
    if around and last + 1 < len(spans):
        hi = max(hi, spans[min(len(spans) - 1, last + around)][1])
    page = doc.page(start)
    words = doc.text[start:end]
    return Excerpt(doc.doc, doc.short_id, start, end, words, page, lo, hi, doc.text[lo:hi],
                   ((start, end),), _furniture(doc, lo, hi), piece.fact, piece.fact_kind,
                   piece.about, doc.title, doc.outlet, doc.published, doc.url,
                   citation(doc.outlet, doc.title, doc.published, doc.url, page,
                            closed_quotation(doc.text, start, end)))


# Quotation marks that open and close, and the closer alone when it is no apostrophe.
_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"))


def closed_quotation(text: str, start: int, end: int) -> str:
    """text[start:end] for a citation: with the one mark that closes a quotation the words
    open (or opens one they close) when it stands right beside them, so a pasted quote
    holds no dangling “. Only the document's own characters are added."""
    words = text[start:end]
    for opener, closer in _PAIRS:
        if words.count(opener) > words.count(closer) and text[end:end + 1] == closer:
            return words + closer
        if (opener != "‘" and words.count(closer) > words.count(opener) and start
                and text[start - 1] == opener):
            return opener + words
    if words.count('"') % 2:
        if text[end:end + 1] == '"':
            return words + '"'
        if start and text[start - 1] == '"':
            return '"' + words
    return words


def _whole(store: Store, doc: _Doc) -> Excerpt:
    """The whole document, every fact's evidence in it highlighted."""
    marks = tuple((s, e) for s, e in store.conn.execute(
        "SELECT DISTINCT start, end FROM evidence WHERE doc = ? ORDER BY start, end",
        (doc.doc,)))
    return Excerpt(doc.doc, doc.short_id, None, None, None, None, 0, len(doc.text), doc.text,
                   marks, _furniture(doc, 0, len(doc.text)), None, None, None, doc.title,
                   doc.outlet, doc.published, doc.url,
                   citation(doc.outlet, doc.title, doc.published, doc.url, None, None))


def _furniture(doc: _Doc, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    """The parts of text[lo:hi] that no passage covers, line by line, blanks left out."""
    out = []
    cursor = lo
    for start, end in [*doc.passages, (hi, hi)]:
        if end <= cursor:
            continue
        gap_end = min(start, hi)
        for line in _LINE.finditer(doc.text, cursor, max(cursor, gap_end)):
            out.append((line.start(), line.end()))
        cursor = max(cursor, end)
        if cursor >= hi:
            break
    return tuple(out)


# --- citations ------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def cited_date(published: str | None) -> str | None:
    """"2022-07-20" as a reader writes it: "20 July 2022"."""
    if not published:
        return None
    import datetime as _dt

    try:
        day = _dt.date.fromisoformat(published)
    except ValueError:
        return published
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def citation(outlet: str | None, title: str | None, published: str | None, url: str | None,
             page: int | None, words: str | None) -> str:
    """Outlet, "title", date, page, URL: "words" -- the parts that are known."""
    def flat(value: str) -> str:
        return " ".join(value.split())

    parts = [flat(outlet) if outlet else None, f'"{flat(title)}"' if title else None,
             cited_date(published), f"p. {page}" if page else None, url.strip() if url else None]
    source = ", ".join(p for p in parts if p)
    if words is None:
        return source
    return f'{source}: "{flat(words)}"' if source else f'"{flat(words)}"'
