"""What a URL on the command line is, checked without the network (no HTTP client imported).

`add`, `remove` and `index` import this; only fetching a URL imports ingest/fetch.py.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tipcli.errors import UsageProblem

DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 3600.0
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(value: str) -> bool:
    """Whether a command-line value is meant as a URL rather than a path: a scheme, then
    "://" (any scheme, so that file:// and javascript:// are refused as URLs)."""
    return _SCHEME.match(value) is not None


def check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise UsageProblem(f"{url[:100]}: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise UsageProblem(f"{url[:100]}: only http and https URLs can be added, not "
                           f"{parts.scheme}://", "download it and add the file")
    if not parts.hostname:
        raise UsageProblem(f"{url[:100]}: not a valid URL (no host)")
