"""Documents: decoding policy, front matter, metadata, and loading seeds and added files."""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tipcli.errors import UsageProblem
from tipcli.lexicon.kinds import InputKind
from tipcli.paths import documents_dir, seed_catalogue_path, seeds_dir

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
# What `tipcli add` takes; the store keeps each as extracted UTF-8 text under the same name.
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
META_SUFFIX = ".meta.json"
# Larger files are refused rather than half-indexed: 16 MB of plain text is
# about 3,000 news articles, far beyond any single document we expect. The
# annual report as a PDF is several hundred pages and tens of MB of layout.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_PDF_BYTES = 100 * 1024 * 1024
METADATA_KEYS = ("title", "outlet", "published", "report_year", "url", "kind", "author")
# Who a document speaks for (lexicon.kinds.SourceKind); given, or read from the text.
SOURCE_KINDS = ("report", "news", "government", "other")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    report_year: int | None = None  # as the user gave it; else read from the text
    url: str | None = None
    kind: str | None = None
    author: str | None = None

    def merged_over(self, base: Metadata) -> Metadata:
        """Self's non-empty fields win over base's."""
        values = {k: getattr(self, k) if getattr(self, k) is not None else getattr(base, k)
                  for k in METADATA_KEYS}
        return Metadata(**values)

    def to_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in METADATA_KEYS}


@dataclass(frozen=True)
class Provenance:
    """Where an added document came from, kept in its sidecar beside the metadata."""

    input: InputKind = InputKind.FILE
    source: str | None = None  # the absolute path or URL it was added from
    pages: tuple[int, ...] = ()  # a PDF's page starts: page n begins at offset pages[n-1]

    def to_json(self) -> dict[str, object]:
        return {"input": str(self.input), "source": self.source, "pages": list(self.pages)}


@dataclass(frozen=True)
class Document:
    doc: str  # the id: the file name
    text: str  # the whole file decoded; every offset counts code points into it
    meta: Metadata
    origin: str  # "seed" or "added"
    path: Path
    provenance: Provenance = Provenance()

    @property
    def sha256(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- decoding ---------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file by tipcli's encoding policy; returns (text, encoding).

    Policy: UTF-8 is the norm. A byte-order mark selects UTF-8/16/32. Text that
    is not valid UTF-8 is read as Windows-1252 (a superset of printable
    Latin-1) when that yields text; anything with NUL bytes or that still
    looks binary is refused. The store keeps the decoded text as UTF-8, and
    offsets count code points in that stored copy.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise UsageProblem(f"{name}: starts with a {encoding} byte-order mark but is "
                                   f"not valid {encoding}") from exc
    if b"\x00" in data:
        raise UsageProblem(f"{name}: looks binary (contains NUL bytes)",
                           "tipcli reads text files, web pages and PDFs")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UsageProblem(f"{name}: is neither UTF-8 nor Windows-1252 text",
                               "convert it to UTF-8 first") from exc
        encoding = "cp1252"
    if _looks_binary(text):
        raise UsageProblem(f"{name}: looks binary, not text",
                           "tipcli reads text files, web pages and PDFs")
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v\x1b")
    return controls / len(sample) > 0.05


# --- front matter -------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n((?:[^\n]*\n){0,40}?)---[ \t]*(?:\r?\n|\Z)")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def front_matter_span(text: str) -> tuple[int, int] | None:
    """The [start, end) of a leading `---` block of `key: value` lines, if any."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    lines = [ln for ln in match.group(1).splitlines() if ln.strip()]
    if not lines or not all(_KEY_VALUE.match(ln) for ln in lines):
        return None
    return (0, match.end())


def parse_front_matter(text: str, name: str) -> Metadata:
    span = front_matter_span(text)
    if span is None:
        return Metadata()
    values: dict[str, str] = {}
    for line in text[span[0]:span[1]].splitlines()[1:-1]:
        kv = _KEY_VALUE.match(line)
        if kv:
            key = kv.group(1).lower().replace("-", "_")
            values[key] = kv.group(2).strip().strip("\"'")
    return metadata_from_strings(values, f"{name} front matter")


def metadata_from_strings(values: Mapping[str, str | None], where: str) -> Metadata:
    """Validate user-given metadata (front matter or options)."""
    published = values.get("published") or values.get("date")
    report_year = values.get("report_year")
    return Metadata(
        title=values.get("title") or None,
        outlet=values.get("outlet") or values.get("source") or None,
        published=parse_date(published, where) if published else None,
        report_year=parse_year(report_year, where) if report_year else None,
        url=values.get("url") or None,
        kind=parse_kind(str(values.get("kind")), where) if values.get("kind") else None,
        author=values.get("author") or None,
    )


def parse_kind(value: str, where: str) -> str:
    kind = value.strip().lower()
    if kind not in SOURCE_KINDS:
        raise UsageProblem(f"{where}: kind {value!r} is not one of {', '.join(SOURCE_KINDS)}",
                           "report is US government text; government a rated government's")
    return kind


def parse_date(value: str, where: str) -> str:
    try:
        return _dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError as exc:
        raise UsageProblem(f"{where}: published {value!r} is not a date",
                           "use YYYY-MM-DD, e.g. 2023-06-16") from exc


def parse_year(value: str | int, where: str) -> int:
    try:
        year = int(str(value).strip())
    except ValueError as exc:
        raise UsageProblem(f"{where}: report year {value!r} is not a year",
                           "use four digits, e.g. 2022") from exc
    if not 2001 <= year <= 2100:
        raise UsageProblem(f"{where}: report year {year} is out of range",
                           "TIP Reports began in 2001")
    return year


# --- loading ------------------------------------------------------------------

def read_text_file(path: Path) -> str:
    """Read a stored document (always UTF-8, written by tipcli or a seed)."""
    return path.read_bytes().decode("utf-8")


def load_seed_catalogue() -> dict[str, Metadata]:
    raw = json.loads(seed_catalogue_path().read_text(encoding="utf-8"))
    return {doc: Metadata(**{k: v for k, v in entry.items() if k in METADATA_KEYS})
            for doc, entry in raw.items() if not doc.startswith("_")}


def seed_files() -> list[Path]:
    folder = seeds_dir()
    return sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES)


def added_files(home: Path) -> list[Path]:
    folder = documents_dir(home)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in ACCEPTED_SUFFIXES and not p.name.startswith("."))


def load_seed(path: Path, catalogue: dict[str, Metadata]) -> Document:
    text = read_text_file(path)
    meta = catalogue.get(path.name, Metadata()).merged_over(parse_front_matter(text, path.name))
    return Document(path.name, text, meta, "seed", path)


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + META_SUFFIX)


def read_sidecar(path: Path) -> tuple[Metadata, Provenance]:
    """An added document's stored metadata and provenance; a damaged or missing sidecar
    loses only those, never the document."""
    try:
        raw = json.loads(sidecar(path).read_text(encoding="utf-8"))
        meta = Metadata(**{k: raw.get(k) for k in METADATA_KEYS})
        pages = tuple(int(p) for p in raw.get("pages") or ())
        provenance = Provenance(InputKind(raw.get("input") or "file"), raw.get("source"), pages)
    except (OSError, ValueError, TypeError, AttributeError):
        return Metadata(), Provenance()
    return meta, provenance


def file_stamp(path: Path) -> tuple[int, int]:
    """(size, mtime) that change when a stored document or its sidecar changes, so new
    metadata alone re-indexes the document."""
    st = path.stat()
    mtime = st.st_mtime_ns
    with contextlib.suppress(OSError):
        mtime = max(mtime, sidecar(path).stat().st_mtime_ns)
    return st.st_size, mtime


def load_added(path: Path) -> Document:
    text = read_text_file(path)
    stored, provenance = read_sidecar(path)
    meta = stored.merged_over(parse_front_matter(text, path.name))
    return Document(path.name, text, meta, "added", path, provenance)
