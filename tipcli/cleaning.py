"""Cleaning: split a document into content and furniture segments, keeping file offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipcli.documents import front_matter_span
from tipcli.lexicon.characters import BLANKS as _WS

# Segment kinds. Content kinds are searchable and feed the extractors.
CONTENT_KINDS = frozenset({"title", "heading", "text"})


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: str  # one of CONTENT_KINDS, or the furniture rule that matched

    @property
    def is_content(self) -> bool:
        return self.kind in CONTENT_KINDS


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())



# Phrases that outlets put around articles rather than in them: sharing,
# promotion, subscription, app and copyright lines. Matched anywhere in a line.
_BOILERPLATE = re.compile(
    r"share this (?:story|article|page)|follow us on|download (?:our|the) (?:\w+ )?app"
    r"|copyright\b|©|all rights reserved|do you have questions about|sign up (?:for|to)"
    r"|subscribe (?:to|now)|our newsletter|click here|advertisement\b|get the answers with"
    r"|^\s*ends\s*/|^\s*issued at (?:hkt )?\d"
    r"|^\s*(?:print|email|e-mail|facebook|twitter|x|whatsapp|telegram|linkedin|weibo|wechat"
    r"|reddit|copy link|share|tweet)\s*$",
    re.IGNORECASE,
)
# Headings that open a run of navigation: teasers and lists of other stories.
_NAV_MARKER = re.compile(
    r"^(?:next in\b.*|others also read|also read|read more|read next|up next|recent news"
    r"|latest news|more news|more stories|also on\b.*|more (?:in|on)\b.*|what to read next"
    r"|related(?: news| stories| articles| topics| coverage)?\b.*|more from\b.*"
    r"|most (?:read|popular|viewed)|trending(?: now)?|you may also like|recommended(?: for you)?"
    r"|top stories|editor'?s picks?|in case you missed it|popular)\s*:?\s*$",
    re.IGNORECASE,
)
_SCRIPT = re.compile(
    r"jQuery|\$\(|function\s*\(|\bvar\s+\w+\s*=|document\.\w|window\.\w|</?script|\}\s*\)\s*;"
    r"|\"\)\s*;|^\s*[\"');{}]+\s*$"
)
_CAPTION = re.compile(
    r"(?:\b(?:file |stock )?(?:photo|image|picture|photograph|video|graphic)s?(?: credit)?"
    r"\s*:\s*[^.:]{1,60}\.?\s*$)|^\s*\((?:photo|image)[^)]*\)\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:(?:updated|published|posted|last updated)\s*:?\s*)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4})"
    r"(?:\s*(?:[A-Z]{2,4}\s*)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?i:by|reporting by|written by|edited by|editing by|additional reporting by)\s+"
    r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}(?:\s*(?:and|,|;)\s*.*)?$"
)
# "[Global Network Reporter Zhao Youping] According to..." opens a paragraph.
_BYLINE_PREFIX = re.compile(
    r"^\[[^\]\n]{0,80}\b(?:reporter|correspondent|staff|writer|editor|journalist)\b[^\]\n]{0,60}\]\s*",
    re.IGNORECASE,
)
# Cheap substring tests that must pass before the patterns above can match:
# most lines are prose, and a substring scan costs a fraction of a regex search.
# (The one-word share-button lines are short, and short lines are always tested.)
_BOILERPLATE_HINTS = ("share this", "follow us", "download", "copyright", "©", "rights reserved",
                      "questions about", "sign up", "subscribe", "newsletter", "click here",
                      "advertisement", "get the answers", "ends", "issued at")
_SCRIPT_HINTS = ("jQuery", "$(", "function", "var", "document.", "window.", "script", ";")
# A teaser of another story on one line: "ALSO READ: Thailand's Tier 2 ranking welcomed".
_LABELLED_TEASER = re.compile(
    r"^(?:also\s+read|read\s+(?:more|also)|must\s+read|most\s+(?:read|popular|viewed)|"
    r"related(?:\s+(?:news|stories|story|articles?|coverage))?|see\s+also|recommended|"
    r"trending|popular|you\s+may\s+also\s+like|editor'?s\s+picks?|top\s+stories|"
    r"more\s+on\s+this(?:\s+story)?|latest|watch|listen)\s*[:|–—]\s*\S", re.IGNORECASE)
# A breadcrumb trail: "Home > Reports > 2022".
_BREADCRUMB = re.compile(r"^[^>»›\n]{1,60}(?:\s+[>»›]\s+[^>»›\n]{1,60}){1,8}$")
# A labelled list is content, not a tag line: "Tier 1: Argentina, Australia, Austria".
_LABELLED_LIST = re.compile(r"^[^,:;.\n]{1,40}:\s*[^,]+(?:,\s*[^,]+)+$")
_TEASER = re.compile(r"(?:\.\.\.|…)\s*read more\s*$|\bread more\s*$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:;,…][\"'”’)\]]*\s*$")
_HEADING = re.compile(r"^[A-Z][A-Z0-9 ,.'&()/-]{1,60}:\s*\S|^[A-Z0-9 ,.'&()/-]{3,60}$")
_BULLET = re.compile(r"^(?:[-*•‣◦]|\d{1,2}[.)])\s+")


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with offsets trimmed of surrounding whitespace."""
    lines: list[Line] = []
    pos = 0
    # Only CR and LF end lines: str.splitlines() would also break at form
    # feeds, NEL and other controls that scraped prose carries stray.
    for raw in _LINE.findall(text):
        body = raw.rstrip("\r\n")
        stripped_left = body.lstrip(_WS)
        stripped = stripped_left.rstrip(_WS)
        if stripped:
            start = pos + (len(body) - len(stripped_left))
            lines.append(Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return lines


def _is_tag_list(text: str) -> bool:
    items = [i.strip() for i in text.split(",")]
    return (len(items) >= 2 and all(items) and all(len(i.split()) <= 3 for i in items)
            and not _TERMINAL.search(text))


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _is_headline_like(line: Line, max_words: int = 18) -> bool:
    """Short and unpunctuated (or Title Case): a headline or link, not prose."""
    text = line.text
    if not 2 <= line.words <= max_words or len(text) > 160 or _BULLET.match(text) \
            or _LABELLED_LIST.match(text) or _SENTENCES.search(text):
        return False
    if _TERMINAL.search(text.rstrip("\"'”’")):
        # Headlines may ask or exclaim; prose sentences are not in Title Case.
        return text.rstrip("\"'”’")[-1:] in "?!" and _is_title_case(text)
    return True


def _furniture_kind(line: Line) -> str | None:
    text = line.text
    lowered = text.lower()
    short = len(text) < 40  # short lines are cheap to test in full
    if (short or any(h in text for h in _SCRIPT_HINTS)) and _SCRIPT.search(text):
        return "script"
    if (short or ":" in text or text.startswith("(")) and _CAPTION.search(text):
        return "caption"
    if _DATELINE.match(text):
        return "dateline"
    if _BYLINE.match(text) and line.words <= 12:
        return "byline"
    if (short or any(h in lowered for h in _BOILERPLATE_HINTS)) and _BOILERPLATE.search(text):
        return "boilerplate"
    if _LABELLED_TEASER.match(text) or ((">" in text or "»" in text or "›" in text) \
            and _BREADCRUMB.match(text)):
        return "navigation"
    if "|" in text and _is_share_bar(text):
        return "boilerplate"
    if _is_tag_list(text) and not _LABELLED_LIST.match(text):
        return "tags"
    return None


def _is_teaser(text: str) -> bool:
    return "read more" in text.lower() and _TEASER.search(text) is not None


def clean(text: str) -> list[Segment]:
    """Classify every non-blank line (or part of one) as content or furniture."""
    segments: list[Segment] = []
    front = front_matter_span(text)
    lines = split_lines(text)
    if front:
        segments.append(Segment(front[0], front[1], "front_matter"))
        lines = [ln for ln in lines if ln.start >= front[1]]

    kinds: list[str | None] = [_furniture_kind(ln) for ln in lines]
    # A list of places ("Canada | Colombia | United States") is content, however much it
    # looks like a bar of links, and a short line just before it is its heading.
    place_lists = {i for i, ln in enumerate(lines) if _is_list_of_places(ln.text)}
    for i in place_lists:
        kinds[i] = None
    # Navigation runs: a marker line, then the headline-like, teaser or
    # furniture lines that follow it, up to the next line of prose.
    in_nav = False
    for i, line in enumerate(lines):
        if i in place_lists or (i + 1 in place_lists and line.words <= 8):
            in_nav = False
            continue
        if _NAV_MARKER.match(line.text):
            kinds[i] = "navigation"
            in_nav = True
            continue
        if in_nav:
            if kinds[i] is not None or _is_headline_like(line) or _is_teaser(line.text) \
                    or _is_headline_like(_unbulleted(line)):
                kinds[i] = kinds[i] or "navigation"
                continue
            in_nav = False
        if _is_teaser(line.text):
            kinds[i] = "navigation"

    # Runs of three or more headline-like lines are lists of links.
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and kinds[j] is None and _is_headline_like(lines[j]) \
                and j not in place_lists and j + 1 not in place_lists:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                kinds[k] = "navigation"
        i = max(j, i + 1)

    content_indexes = [i for i, k in enumerate(kinds) if k is None]
    title_index = content_indexes[0] if content_indexes else None
    last_index = content_indexes[-1] if content_indexes else None
    for i in content_indexes:
        line = lines[i]
        if i == title_index and _is_headline_like(line, max_words=30):
            kinds[i] = "title"
        elif (_HEADING.match(line.text) and line.words <= 12) or _introduces_list(lines, i) \
                or (i + 1 in place_lists and line.words <= 8):
            kinds[i] = "heading"
        elif i in place_lists:
            kinds[i] = "text"
        elif _is_headline_like(line) and i != last_index and not _is_cut_excerpt(lines, i):
            # An isolated headline between paragraphs is a link to another story.
            kinds[i] = "related_link"
        else:
            kinds[i] = "text"

    for line, kind in zip(lines, kinds, strict=True):
        assert kind is not None
        prefix = _BYLINE_PREFIX.match(line.text) if kind in CONTENT_KINDS else None
        if prefix:
            cut = line.start + prefix.end()
            segments.append(Segment(line.start, line.start + len(prefix.group(0).rstrip()),
                                    "byline"))
            if cut < line.end:
                segments.append(Segment(cut, line.end, kind))
        else:
            segments.append(Segment(line.start, line.end, kind))
    return segments


# Two sentences in one line: prose ("… a Special Case. Myanmar was …"), not a headline.
_SENTENCES = re.compile(r"[a-z]{2,}[.!?][\"'”’)]*\s+[A-Z]")
_ITEM_SEPARATORS = re.compile(r"\s*[|,;•·]\s*")


def _is_list_of_places(text: str) -> bool:
    """Two or more items, separated by "|" or commas, mostly jurisdictions' names."""
    if ("|" not in text and "," not in text) or len(text) > 600:
        return False
    items = [item for item in _ITEM_SEPARATORS.split(text.strip(" |.")) if item]
    if len(items) < 2 or sum(len(item) for item in items) / len(items) > 40:
        return False
    from tipcli.lexicon.places import gazetteer  # only for lines shaped like a list

    places = gazetteer()
    known = sum(1 for item in items if places.resolve(item.removeprefix("and ")))
    return known >= max(2, 0.6 * len(items))


_SHARE_WORDS = frozenset({"print", "share", "email", "e-mail", "tweet", "facebook", "twitter",
                          "x", "linkedin", "whatsapp", "telegram", "copy link", "save",
                          "comment", "comments", "email this page", "print this page",
                          "share this page", "reddit", "weibo", "wechat"})


def _is_share_bar(text: str) -> bool:
    """"Print | Share | Email this page": buttons, not words."""
    items = [i.strip().lower() for i in re.split(r"[|·•]", text) if i.strip()]
    return len(items) >= 2 and sum(i.rstrip(":") in _SHARE_WORDS for i in items) * 2 >= len(items)


def _unbulleted(line: Line) -> Line:
    """The line without its bullet ("- Taiwan keeps top ranking" -> "Taiwan keeps top …")."""
    bullet = _BULLET.match(line.text)
    if not bullet:
        return line
    return Line(line.start + bullet.end(), line.end, line.text[bullet.end():])


def _introduces_list(lines: list[Line], i: int) -> bool:
    """A short line followed by bulleted lines heads that list ("Tier 2", then "- Aruba")."""
    return (i + 1 < len(lines) and _BULLET.match(lines[i + 1].text) is not None
            and not _BULLET.match(lines[i].text) and lines[i].words <= 8)


def _is_cut_excerpt(lines: list[Line], i: int) -> bool:
    """A long unpunctuated line followed by a lower-case continuation is wrapped prose."""
    if i + 1 >= len(lines):
        return True
    following = lines[i + 1].text
    return bool(following) and following[0].islower()


def content_segments(text: str) -> list[Segment]:
    return [s for s in clean(text) if s.is_content]
