"""Fetching a URL for `tipcli add`: http(s) only, a total deadline, size caps, clear failures.

The standard library's urllib is enough for one GET with redirects, and it keeps tipcli's
dependencies to the ones that do real work (trafilatura, pypdfium2).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from typing import IO, NamedTuple
from urllib.parse import urlsplit

from tipcli import __version__
from tipcli.documents import MAX_DOCUMENT_BYTES, MAX_PDF_BYTES
from tipcli.errors import UsageProblem
from tipcli.ingest.urls import DEFAULT_TIMEOUT, MAX_TIMEOUT, check_url

USER_AGENT = f"tipcli/{__version__} (Trafficking in Persons Report fact lookup; Python urllib)"
_CHUNK = 64 * 1024


class Fetched(NamedTuple):
    url: str  # where the body came from, after redirects
    body: bytes
    content_type: str  # the media type the server named, lower-case, without parameters
    charset: str | None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects, but never to another scheme (file://, ftp://)."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: http.client.HTTPMessage, newurl: str,
                         ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise UsageProblem(f"{req.full_url[:100]}: redirected to {newurl[:100]}, which is not "
                               "http(s); tipcli does not follow it")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET url: the whole body within timeout seconds, HTML up to 16 MiB and PDF up to
    100 MiB. Every failure is a one-line UsageProblem; nothing is kept of a failed fetch."""
    check_url(url)
    if not 0 < timeout <= MAX_TIMEOUT:  # also refuses nan and inf
        raise UsageProblem(f"--timeout must be more than 0 and at most {MAX_TIMEOUT:g} "
                           f"seconds, not {timeout:g}")
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/pdf;"
        "q=0.9,*/*;q=0.5"})
    short = url[:100]
    try:
        with opener.open(request, timeout=timeout) as response:
            media = (response.headers.get_content_type() or "").lower()
            charset = response.headers.get_content_charset()
            length = response.headers.get("Content-Length")
            body = _read_capped(response, media, int(length) if length and length.isdigit()
                                else None, deadline, short, timeout)
            final = response.geturl()
    except UsageProblem:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            if "not allowed" in str(exc.msg):  # urllib's own check of the scheme
                raise UsageProblem(f"{short}: redirected to a URL that is not http(s); tipcli "
                                   "does not follow it") from None
            raise UsageProblem(f"{short}: too many redirects (a redirect loop?)") from None
        raise UsageProblem(f"{short}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UsageProblem(f"{short}: {_why(exc.reason, timeout)}") from None
    except TimeoutError:
        raise UsageProblem(f"{short}: no answer within {timeout:g} s",
                           "try again later, or give a longer --timeout") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise UsageProblem(f"{short}: the fetch failed ({type(exc).__name__}: {exc})"[:300]
                           ) from None
    return Fetched(final, body, media, charset)


def _read_capped(response: http.client.HTTPResponse, media: str, length: int | None,
                 deadline: float, short: str, timeout: float) -> bytes:
    """The body, ended by the size cap or the deadline, whichever comes first: an endless or
    trickling stream cannot hold tipcli forever. A PDF may be 100 MiB, whatever type the
    server names it; anything else 16 MiB."""
    chunks: list[bytes] = []
    first = response.read(8) if length != 0 else b""
    pdf = media == "application/pdf" or first.lstrip().startswith(b"%PDF")
    cap = MAX_PDF_BYTES if pdf else MAX_DOCUMENT_BYTES
    if length is not None and length > cap:
        raise UsageProblem(_too_large(short, length, cap))
    chunks.append(first)
    size = len(first)
    while first:
        if time.monotonic() > deadline:
            raise UsageProblem(f"{short}: not finished within {timeout:g} s",
                               "try again later, or give a longer --timeout")
        chunk = response.read1(_CHUNK)  # what has arrived: a trickle meets the deadline
        if not chunk:
            break
        size += len(chunk)
        if size > cap:
            raise UsageProblem(_too_large(short, size, cap))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(short: str, size: int, cap: int) -> str:
    over = "more than " if size <= cap + _CHUNK else ""
    return (f"{short}: {over}{size / 2**20:.0f} MiB is larger than tipcli's "
            f"{cap // 2**20} MiB limit for this kind of document")


def _why(reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot find that host (no network, or a wrong name)"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot connect ({reason.strerror})"
    return f"cannot fetch it ({reason})"
