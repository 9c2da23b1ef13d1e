"""What users bring, turned into stored text: text files, web pages, PDFs and URLs.

The first step of `tipcli add`: it reads or fetches, checks, converts and names. It
never writes; library.add stores what it returns. Lookups never import it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tipcli.documents import (
    HTML_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    MAX_PDF_BYTES,
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
    Metadata,
    Provenance,
    decode_bytes,
    parse_front_matter,
)
from tipcli.errors import UsageProblem
from tipcli.lexicon.kinds import InputKind
from tipcli.notices import Progress


@dataclass(frozen=True)
class Converted:
    """One input as the store will keep it."""

    name: str  # the id it asks for: its file name, or one made from its URL or title
    text: str  # UTF-8 text; every offset counts into it
    found: Metadata  # what the input says of itself: front matter, page metadata, PDF info
    provenance: Provenance
    original: bytes | None  # a page's or PDF's own bytes, kept beside the store
    note: str | None = None  # said in the output: "converted from cp1252", "312 pages"


def read_file(path: Path, on_page: Progress | None = None) -> Converted:
    """A local file, converted by its type (.txt/.md, .html/.htm, .pdf)."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES:
        raise UsageProblem(f"{path}: unsupported type ({suffix or 'no suffix'})",
                           "tipcli adds .txt, .md, .html, .htm and .pdf files")
    cap = MAX_PDF_BYTES if suffix in PDF_SUFFIXES else MAX_DOCUMENT_BYTES
    try:
        size = path.stat().st_size
        if size > cap:
            raise UsageProblem(f"{path}: too large ({size / 2**20:.0f} MiB; tipcli's limit for "
                               f"this kind of document is {cap // 2**20} MiB)",
                               "split it into smaller files")
        data = path.read_bytes()
    except OSError as exc:
        raise UsageProblem(f"{path}: unreadable ({exc.strerror or exc})") from exc
    source = str(path.resolve())
    if suffix in PDF_SUFFIXES:
        return _pdf(data, path.name, str(path), Provenance(InputKind.PDF, source), on_page)
    if suffix in HTML_SUFFIXES:
        return _html(data, path.name, str(path), Provenance(InputKind.FILE, source))
    return _text(data, path.name, str(path), Provenance(InputKind.FILE, source))


def read_url(url: str, timeout: float, on_page: Progress | None = None) -> Converted:
    """A page or a PDF fetched from url (http or https)."""
    from tipcli.ingest.fetch import fetch

    got = fetch(url, timeout)
    provenance = Provenance(InputKind.URL, url)
    head = got.body[:1024].lstrip()
    if got.content_type == "application/pdf" or head.startswith(b"%PDF"):
        converted = _pdf(got.body, _url_name(url, ".pdf"), url, provenance, on_page)
    elif got.content_type in ("text/html", "application/xhtml+xml") or _looks_html(head):
        converted = _html(got.body, _url_name(url, ".html"), url, provenance, got.charset)
    else:
        raise UsageProblem(f"{url[:100]}: the server sent {got.content_type or 'an unnamed type'}"
                           ", neither a web page nor a PDF",
                           "download it and add the file if it is text")
    if converted.name.startswith("-"):  # no usable path segment: name it by its title
        stem = _slug(converted.found.title or "") or "page"
        converted = dataclasses.replace(converted, name=stem + converted.name.lstrip("-"))
    found = converted.found
    if found.url is None:  # where it was fetched from, when the page names no canonical URL
        found = dataclasses.replace(found, url=got.url)
    return Converted(converted.name, converted.text, found, converted.provenance,
                     converted.original, converted.note)


def _text(data: bytes, name: str, shown: str, provenance: Provenance) -> Converted:
    text, encoding = decode_bytes(data, shown)
    if not text.strip():
        raise UsageProblem(f"{shown}: the file is empty", "there is nothing to index")
    note = f"converted from {encoding}" if encoding != "utf-8" else None
    return Converted(name, text, parse_front_matter(text, shown), provenance, None, note)


def _html(data: bytes, name: str, shown: str, provenance: Provenance,
          charset: str | None = None) -> Converted:
    from tipcli.ingest.html import page_text

    html = _decode_html(data, shown, charset)
    text, found = page_text(html, shown)
    return Converted(name, text, found, provenance, data)


def _pdf(data: bytes, name: str, shown: str, provenance: Provenance,
         on_page: Progress | None) -> Converted:
    from tipcli.ingest.pdf import pdf_text

    text, found, pages = pdf_text(data, shown, on_page)
    provenance = Provenance(provenance.input, provenance.source, pages)
    return Converted(name, text, found, provenance, data, f"{len(pages)} pages")


# The labels the WHATWG encoding standard maps to windows-1252 (the common ones).
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
                                  "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252"})
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _decode_html(data: bytes, shown: str, charset: str | None) -> str:
    """A page's text by the charset its server or its own <meta> names, else tipcli's policy
    for text (UTF-8, else Windows-1252); binaries renamed .html are refused."""
    declared = charset
    if declared is None:
        meta = _META_CHARSET.search(data[:4096])
        declared = meta.group(1).decode("ascii") if meta else None
    if declared and declared.lower().replace("_", "-") in _WINDOWS_1252_LABELS:
        declared = "cp1252"  # as browsers read these labels: curly quotes live in 0x80-0x9f
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = data.decode(declared)
            if "\x00" not in text:
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    text, _ = decode_bytes(data, shown)
    if not text.strip():
        raise UsageProblem(f"{shown}: the file is empty", "there is nothing to index")
    return text


def _looks_html(head: bytes) -> bool:
    return re.match(rb"(?i)(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", head,
                    re.DOTALL) is not None


def _url_name(url: str, suffix: str) -> str:
    """A file name from the URL's last path segment, with the input's suffix; "-" + suffix
    when the URL has none worth using (the caller names it by its title then)."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    stem = segment
    if "." in segment:
        stem, _, ext = segment.rpartition(".")
        if ext.lower() not in ("html", "htm", "pdf", "php", "asp", "aspx", "jsp", "shtml", "cfm"):
            stem = segment
    slug = _slug(stem)
    if not slug or slug.lower() in ("index", "default", "article", "story", "page"):
        return "-" + suffix
    return slug + suffix


def _slug(words: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", words).strip("-").lower()
    return slug[:80].rstrip("-")
