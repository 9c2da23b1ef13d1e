"""Web pages: the article's main text and the page's own metadata, by trafilatura."""

from __future__ import annotations

import re
from typing import Any

from tipcli.documents import Metadata, parse_date
from tipcli.errors import UsageProblem

# A page whose article is this short is a teaser, a paywall or a shell, not an article.
_MIN_ARTICLE_CHARS = 200
# What a paywall box says; a bare "subscription" or "continue reading" is ordinary prose.
_PAYWALL = re.compile(r"\b(?:subscribe\s+(?:now\s+)?to\s+(?:continue|read|keep|unlock|access)|"
                      r"subscribers?\s+only|for\s+subscribers|already\s+a\s+subscriber|"
                      r"(?:sign|log)\s+in\s+to\s+(?:continue|read|keep)|paywall|"
                      r"premium\s+(?:content|article)|start\s+your\s+free\s+trial)\b",
                      re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
_TAGS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<[^>]*>",
                   re.IGNORECASE | re.DOTALL)


def page_text(html: str, name: str) -> tuple[str, Metadata]:
    """The article in html as plain text, one paragraph per block, and what the page says of
    itself (title, date, site name as outlet, canonical URL, author).

    UsageProblem when the page holds no article: a paywall, or a page its scripts build.
    """
    import trafilatura  # heavy (lxml, htmldate, justext): only `add` of a page pays for it

    extracted = trafilatura.bare_extraction(
        html, favor_precision=True, include_comments=False, with_metadata=True,
        # A date must be stated by the page (its metadata or markup), never guessed
        # from dates that happen to be in the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    found: dict[str, Any] = {}
    if extracted is not None:
        found = extracted if isinstance(extracted, dict) else {
            key: getattr(extracted, key, None) for key in
            ("text", "title", "date", "sitename", "url", "author")}
    text = _paragraphs(found.get("text") or "")
    if len(text) < _MIN_ARTICLE_CHARS or _paywalled(html, text):
        raise UsageProblem(f"{name}: {_why_no_text(html, text)}",
                           "save the article's own page, or copy its text into a .txt file")
    linked = _linked_data(html)
    url = _clean(found.get("url")) or linked.get("url")
    return text, Metadata(
        title=_clean(found.get("title")),
        outlet=_clean(found.get("sitename")),
        # A page's JSON-LD datePublished states the date outright; the date trafilatura
        # picks may be when the page was last modified.
        published=_iso_date(linked.get("datePublished")) or _iso_date(found.get("date")),
        url=url if url and url.startswith(("http://", "https://")) else None,
        author=_clean(found.get("author")),
    )


# Teaser text that a paywall leaves is short: a whole article that merely mentions
# subscribing is not a paywall.
_TEASER_CHARS = 1200
_NOT_FREE = re.compile(r"[\"']isAccessibleForFree[\"']\s*:\s*(?:false|[\"']false[\"'])",
                       re.IGNORECASE)


def _paywalled(html: str, text: str) -> bool:
    """What is left of a page behind a paywall: a teaser and the box asking to subscribe."""
    if len(text) >= _TEASER_CHARS:
        return False
    return _NOT_FREE.search(html) is not None or _PAYWALL.search(text) is not None


_LINKED_DATA = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>",
                          re.IGNORECASE | re.DOTALL)


def _linked_data(html: str) -> dict[str, str]:
    """The article's URL (url or mainEntityOfPage) and datePublished from its JSON-LD, which
    trafilatura does not read or ranks below other dates."""
    import json

    found: dict[str, str] = {}
    for block in _LINKED_DATA.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _items(data):
            if not str(item.get("@type", "")).endswith(("Article", "Report", "WebPage",
                                                         "BlogPosting")):
                continue
            page = item.get("mainEntityOfPage")
            for value in (item.get("url"), page.get("@id") if isinstance(page, dict) else page):
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    found.setdefault("url", value)
            if isinstance(item.get("datePublished"), str):
                found.setdefault("datePublished", item["datePublished"])
    return found


def _items(data: object) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for d in data for x in _items(d)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _paragraphs(text: str) -> str:
    """trafilatura gives one block per line; a blank line between them marks paragraphs as
    cleaning and the extractors expect."""
    blocks = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(b for b in blocks if b) + ("\n" if any(blocks) else "")


def _why_no_text(html: str, text: str) -> str:
    visible = " ".join(_TAGS.sub(" ", html).split())
    if _NOT_FREE.search(html) or _PAYWALL.search(text or visible):
        return "no article text: the page looks like a paywall (it asks to subscribe or sign in)"
    if len(visible) < _MIN_ARTICLE_CHARS and _SCRIPT.search(html):
        return "no article text: the page is built by scripts in the browser, and holds none"
    if not text:
        return "no article text found in the page"
    return f"no article text found in the page (only {len(text)} characters)"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    words = " ".join(value.split())
    return words or None


def _iso_date(value: object) -> str | None:
    """A page's date as YYYY-MM-DD by documents.parse_date, or None: a page's bad date is
    dropped, not an error."""
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return parse_date(value, "page")
    except UsageProblem:
        return None
