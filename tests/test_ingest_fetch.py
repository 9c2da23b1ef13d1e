"""URLs in: fetched from a real HTTP server on 127.0.0.1, and every way a fetch can fail."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.webserver import body, endless, redirect, serve, slow, trickle

PAGE = (FIXTURES / "html" / "news-fiji-2024.html").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
ZIP = b"PK\x03\x04" + bytes(range(256)) * 8


def _nothing_stored(cli: Any, home: Path, before: list[dict[str, Any]]) -> None:
    assert cli("sources", "--json").json() == before
    assert not (home / "documents").exists() or not any((home / "documents").iterdir())


def test_add_a_url_names_it_from_its_path_and_keeps_where_it_came_from(
        cli: Any, home: Path) -> None:
    agents: list[str] = []

    def page(handler: Any) -> None:
        agents.append(handler.headers.get("User-Agent", ""))
        body(PAGE, "text/html; charset=utf-8")(handler)

    with serve({"/news/fiji-watch-list": page, "/moved": redirect("/news/fiji-watch-list")}
               ) as base:
        run = cli("add", f"{base}/news/fiji-watch-list", "--json")
        assert run.code == 0, run.err
        assert run.json()[0] == {"doc": "fiji-watch-list.html", "action": "added",
                                 "detail": f"{base}/news/fiji-watch-list",
                                 "source": f"{base}/news/fiji-watch-list"}
        # The same page again (through a redirect this time) changes nothing.
        again = cli("add", f"{base}/moved", "--json")
        assert again.code == 0 and again.json()[0]["action"] == "unchanged"
    assert agents and all(a.startswith("tipcli/") for a in agents)
    source = next(s for s in cli("sources", "--json").json() if s["doc"] == "fiji-watch-list.html")
    assert source["input"] == "url" and source["url"] and source["outlet"]
    assert (home / "originals" / "fiji-watch-list.html").read_bytes() == PAGE


def test_a_url_without_a_usable_path_is_named_from_its_title(cli: Any) -> None:
    with serve({"/": body(PAGE, "text/html")}) as base:
        run = cli("add", base + "/", "--json")
    assert run.code == 0, run.err
    doc = run.json()[0]["doc"]
    assert doc.endswith(".html") and doc[0].isalnum() and "fiji" in doc


def test_a_changed_page_at_the_same_url_replaces_the_old_one(cli: Any) -> None:
    first = PAGE
    second = PAGE.replace(b"identified 14 victims", b"identified 15 victims")
    assert second != first
    current = {"page": first}

    def page(handler: Any) -> None:
        body(current["page"], "text/html")(handler)

    with serve({"/news/fiji-update": page}) as base:
        assert cli("add", f"{base}/news/fiji-update").code == 0
        current["page"] = second
        run = cli("add", f"{base}/news/fiji-update", "--json")
    assert run.code == 0 and run.json()[0]["action"] == "replaced", run.out
    assert run.json()[0]["doc"] == "fiji-update.html"
    docs = [s["doc"] for s in cli("sources", "--json").json()]
    assert docs.count("fiji-update.html") == 1 and not [d for d in docs if "~" in d]
    # The old text's facts are gone with it: only the new count is stated.
    values = {f["value"] for f in cli("stats", "-j", "Fiji", "--json").json()
              if f["metric"] == "victims_identified"}
    assert 15 in values and 14 not in values


FAILURES = [
    ("/missing", None, "404"),
    ("/broken", body(b"oops", "text/html", 500), "500"),
    ("/image", body(PNG, "image/png"), "neither a web page nor a PDF"),
    ("/zip", body(ZIP, "application/zip"), "neither a web page nor a PDF"),
    ("/zip-as-html", body(ZIP, "text/html"), "binary"),
    ("/loop", redirect("/loop"), "redirect"),
    ("/to-file", redirect("file:///etc/passwd"), "not http(s)"),
    ("/to-ftp", redirect("ftp://127.0.0.1/x"), "not http(s)"),
    ("/endless", endless, "16 MiB"),
    ("/claims-50mb", None, "16 MiB"),
    ("/paywall", body((FIXTURES / "html" / "paywall.html").read_bytes(), "text/html"),
     "paywall"),
]


def _claims_50mb(handler: Any) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(50 * 2**20))
    handler.end_headers()


@pytest.mark.parametrize(("path", "route", "says"), FAILURES, ids=[f[0] for f in FAILURES])
def test_a_failing_url_is_one_line_exit_2_and_stores_nothing(
        cli: Any, home: Path, path: str, route: Any, says: str) -> None:
    before = cli("sources", "--json").json()
    routes = {path: route} if route else {}
    if path == "/claims-50mb":
        routes = {path: _claims_50mb}
    with serve(routes) as base:
        run = cli("add", base + path)
    assert run.code == 2, run.err
    assert len(run.err.splitlines()) == 1 and says in run.err, run.err
    _nothing_stored(cli, home, before)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/report.pdf"])
def test_other_schemes_are_refused_before_anything_is_fetched(cli: Any, url: str) -> None:
    run = cli("add", url)
    assert run.code == 2 and "only http and https" in run.err and len(run.err.splitlines()) == 1


def test_no_server_at_all_is_one_line(cli: Any) -> None:
    with serve({}) as base:
        dead = base  # the port is free again once the server is gone
    run = cli("add", dead + "/page")
    assert run.code == 2 and len(run.err.splitlines()) == 1 and "refused" in run.err


def test_an_unknown_host_is_one_line(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS failure, simulated: a test never asks a real resolver."""
    import socket

    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    run = cli("add", "http://no-such-host.invalid/page", "--timeout", "5")
    assert run.code == 2 and len(run.err.splitlines()) == 1
    assert "cannot find that host" in run.err


@pytest.mark.parametrize("route", [slow(5), trickle], ids=["silent", "trickle"])
def test_a_slow_server_is_ended_by_the_timeout(cli: Any, home: Path, route: Any) -> None:
    with serve({"/slow": route}) as base:
        began = time.monotonic()
        run = cli("add", base + "/slow", "--timeout", "1")
        took = time.monotonic() - began
    assert run.code == 2 and len(run.err.splitlines()) == 1 and "1 s" in run.err, run.err
    assert took < 4


def test_a_saved_page_of_50_mb_is_refused_before_it_is_read(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    with page.open("wb") as fh:
        fh.write(PAGE)
        fh.truncate(50 * 2**20)  # sparse: 50 MB on paper, written in no time
    run = cli("add", str(page))
    assert run.code == 2 and len(run.err.splitlines()) == 1 and "16 MiB" in run.err


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "1e300"])
def test_a_bad_timeout_is_a_usage_error(cli: Any, value: str) -> None:
    run = cli("add", "http://127.0.0.1:9/x", "--timeout", value)
    assert run.code == 2 and "--timeout" in run.err and len(run.err.splitlines()) == 1


@pytest.mark.parametrize("url", ["http://[zz/x", "http://127.0.0.1:port/x", "https:///x"])
def test_a_malformed_url_is_a_usage_error(cli: Any, url: str) -> None:
    run = cli("add", url)
    assert run.code == 2 and "not a valid URL" in run.err and len(run.err.splitlines()) == 1


def test_a_pdf_over_16_mib_served_as_octet_stream_gets_the_pdf_cap(cli: Any) -> None:
    big = b"%PDF-1.7\n" + b"0" * (17 * 2**20)  # over the page cap, under the PDF cap
    with serve({"/dl": body(big, "application/octet-stream")}) as base:
        run = cli("add", base + "/dl")
    assert run.code == 2 and "16 MiB" not in run.err and "damaged" in run.err, run.err


def test_a_page_labelled_iso_8859_1_is_read_as_windows_1252(cli: Any, home: Path) -> None:
    text = ("<html><head><meta charset=\"iso-8859-1\"><title>Fiji</title></head><body>"
            "<article><p>\u201cWe accept that we have more to do,\u201d the minister said "
            "of the 2024 report, which kept Fiji on the Tier 2 Watch List \u2013 its second "
            "year there. Officials identified 14 victims in 2023 and spent \u20ac2,000 on "
            "training.</p><p>Advocates said shelters remained short of funds and staff in "
            "the Western Division and on the outer islands.</p></article></body></html>")
    page = text.encode("cp1252")
    with serve({"/news/fiji-latin": body(page, "text/html; charset=iso-8859-1")}) as base:
        run = cli("add", base + "/news/fiji-latin")
    assert run.code == 0, run.err
    stored = (home / "documents" / "fiji-latin.html").read_text(encoding="utf-8")
    assert "\u201cWe accept" in stored and "\u2013" in stored and "\u20ac2,000" in stored
