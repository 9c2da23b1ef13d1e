"""PDFs: their text page by page, with hard-wrapped lines rejoined into paragraphs.

pypdfium2 (PDFium, the engine of Chrome's viewer) reads the text layer; see pyproject.toml
for why it and not pypdf.
"""

from __future__ import annotations

import re
from collections import Counter

from tipcli.documents import Metadata
from tipcli.errors import UsageProblem
from tipcli.notices import Progress

# "2024 Trafficking in Persons Report" on the title page names the report's year.
_REPORT_TITLE = re.compile(r"\b(20\d\d)\s+Trafficking\s+in\s+Persons\s+Report\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;”\"’)]\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)
_CAPS_LINE = re.compile(r"^[^a-z]{3,}$")  # a heading: no lower-case letter at all


def pdf_text(data: bytes, name: str, on_page: Progress | None = None,
             ) -> tuple[str, Metadata, tuple[int, ...]]:
    """(text, what the PDF says of itself, the offset where each page starts).

    on_page(done, total) is called as pages are read. UsageProblem for an encrypted,
    damaged or text-less (scanned) PDF.
    """
    import pypdfium2 as pdfium  # only `add` of a PDF pays for it

    if not data.lstrip()[:1024].startswith(b"%PDF"):
        raise UsageProblem(f"{name}: not a PDF (it does not start with %PDF)",
                           "check the file; a renamed archive or image cannot be read")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UsageProblem(f"{name}: the PDF is encrypted (it needs a password)",
                               "save an unprotected copy and add that") from None
        raise UsageProblem(f"{name}: the PDF is damaged and cannot be read ({exc})") from None
    try:
        raw_pages: list[list[str]] = []
        total = len(pdf)
        for index in range(total):
            if on_page is not None:
                on_page(index, total)
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    raw_pages.append(_lines(textpage.get_text_range()))
                finally:
                    textpage.close()
            finally:
                page.close()
        info = _info(pdf)
    except pdfium.PdfiumError as exc:
        raise UsageProblem(f"{name}: the PDF is damaged and cannot be read ({exc})") from None
    finally:
        pdf.close()
    if sum(1 for lines in raw_pages for line in lines for ch in line if ch.isalnum()) < 20:
        raise UsageProblem(f"{name}: the PDF has no text layer (a scan or images only)",
                           "run OCR on it first (for example ocrmypdf) and add the result")
    text, pages = reflow(_without_furniture(raw_pages))
    title_year = _REPORT_TITLE.search(" ".join(raw_pages[0]) if raw_pages else "")
    title = info.get("Title") or _first_lines(raw_pages[0] if raw_pages else [])
    return text, Metadata(
        title=title,
        author=info.get("Author"),
        report_year=int(title_year.group(1)) if title_year else None,
    ), pages


# PDFium marks a hyphen it took out of a broken word with U+FFFE (older builds: U+0002).
_BREAK = "\ufffe"


def _lines(raw: str) -> list[str]:
    raw = raw.replace("\x02", _BREAK).replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(line.split()) for line in raw.split("\n") if line.strip()]


def _without_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running header (a first line most pages share) and their page
    number (a last line that is only a number), so that a paragraph a page break cuts
    reads on."""
    firsts = Counter(re.sub(r"\d+", "#", lines[0]) for lines in pages if lines)
    header = next((line for line, n in firsts.most_common(1)
                   if n >= 3 and n * 2 >= len(pages)), None)
    out = []
    for lines in pages:
        lines = list(lines)
        if lines and header is not None and re.sub(r"\d+", "#", lines[0]) == header:
            lines.pop(0)
        if lines and _PAGE_NUMBER.match(lines[-1]):
            lines.pop()
        elif lines and re.search(_BREAK + r"\d{1,4}$", lines[-1]):  # "suf\ufffe9": number glued
            lines[-1] = re.sub(r"\d{1,4}$", "", lines[-1])
        out.append(lines)
    return out


def reflow(pages: list[list[str]]) -> tuple[str, tuple[int, ...]]:
    """The pages' lines as paragraphs, and the offset where each page's text starts.

    A line ends its paragraph when it is a heading (no lower-case letter), a page number,
    or a sentence's end that falls short of the full line width; a paragraph that a page
    break cuts reads on across it. Words PDFium found broken at a line's end are mended.
    """
    widths = sorted(len(line) for lines in pages for line in lines)
    full = widths[int(len(widths) * 0.8)] if widths else 0
    mend = _Mender(" ".join(line for lines in pages for line in lines))
    out: list[str] = []
    size = 0
    starts: list[int] = []
    open_paragraph = False
    for lines in pages:
        starts.append(-1)  # set by the page's first line; an empty page starts where it is
        for raw in lines:
            line = mend.inside(raw)
            alone = bool(_CAPS_LINE.match(line) or _PAGE_NUMBER.match(line))
            if open_paragraph and not alone and out[-1].endswith(_BREAK):
                fixed = mend.across(out[-1], line)  # a word broken across a page break
                size += len(fixed) - len(out[-1])
                out[-1] = fixed
                glue = ""
            elif open_paragraph and not alone:
                glue = " "
            else:
                glue = "\n\n" if out else ""
            if starts[-1] < 0:
                starts[-1] = size + len(glue)
            out.append(glue + line)
            size += len(glue) + len(line)
            open_paragraph = not alone and not (
                _SENTENCE_END.search(line) and len(line) < 0.85 * full)
        if starts[-1] < 0:
            starts[-1] = size
    text = "".join(out).replace(_BREAK, "-")  # a break mark with nothing after it
    return text + "\n", tuple(starts)


class _Mender:
    """Rejoins words PDFium found broken at a line's end: "prose\ufffecutions" is
    "prosecutions", but a compound keeps its hyphen ("anti-trafficking") when the document
    writes it so elsewhere, when its first part is a prefix that takes one, or when the
    joined word appears nowhere else and the hyphenated one cannot be ruled out."""

    _PAIR = re.compile(r"(\w+)" + _BREAK + r"(\w+)")

    def __init__(self, all_text: str) -> None:
        lowered = all_text.lower()
        self.hyphenated = set(re.findall(r"\w+-\w+", lowered))
        self.words = Counter(re.findall(r"\w+", lowered.replace(_BREAK, "")))

    def word(self, left: str, right: str) -> str:
        closed = f"{left}{right}".lower()
        if (f"{left}-{right}".lower() in self.hyphenated
                or left.lower() in _HYPHENATED_PREFIXES
                or (left[:1].isupper() and self.words[closed] < 2)):  # "Guinea-Bissau"
            return f"{left}-{right}"
        return f"{left}{right}"

    def inside(self, line: str) -> str:
        if _BREAK not in line:
            return line
        return self._PAIR.sub(lambda m: self.word(m.group(1), m.group(2)), line)

    def across(self, before: str, line: str) -> str:
        """before (ending in the mark) mended with the first word of the line after it."""
        left = re.search(r"(\w*)" + _BREAK + "$", before)
        right = re.match(r"\w+", line)
        if not left or not right:
            return before[:-1] + "-"
        mended = self.word(left.group(1), right.group(0))
        return before[:left.start()] + mended[:len(mended) - len(right.group(0))]


# Prefixes written with a hyphen in the report's English ("anti-trafficking"); others
# ("inter", "non", "co") are mostly written closed up, so a break after them is mended.
_HYPHENATED_PREFIXES = frozenset({"anti", "self", "cross", "well", "ex"})


def _info(pdf: object) -> dict[str, str]:
    try:
        raw = pdf.get_metadata_dict(skip_empty=True)  # type: ignore[attr-defined]
    except Exception:  # metadata is a nicety: a bad info dict loses only it
        return {}
    return {k: " ".join(str(v).split()) for k, v in raw.items() if str(v).strip()}


def _first_lines(lines: list[str]) -> str | None:
    words = " ".join(lines[:2]).split()
    return " ".join(words[:16]) or None
