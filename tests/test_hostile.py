"""Hostile documents through `tipcli add`: each is indexed and prints safely, or is refused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assert_offsets

INDEXED, REFUSED = "indexed", "refused"

# (file name, bytes, what must happen, a word only that document contains)
CASES: list[tuple[str, bytes, str, str]] = [
    ("markup.txt", b"Markup probe\n\nThe zebrafinch report said [bold red]x[/bold red], "
     b"[link=file:///etc/passwd]click[/link] and a stray [/] here.\n", INDEXED,
     "zebrafinch"),
    ("ansi.txt", b"ANSI probe\n\nThe quokka report \x1b[2J cleared the screen, "
     b"\x1b]8;;http://evil.example\x07linked\x1b]8;;\x07 and rang \x07 a bell.\n",
     INDEXED, "quokka"),
    # A few stray controls in prose are indexed; text that is mostly controls is binary.
    ("controls.txt", ("Control probe\n\nThe axolotl text holds \x01\x02\x08\x0b\x0c\x1f\x7f "
                      "and \x85\x9b\x9d\x9f among its words. " + "Plain prose follows. " * 10
                      + "\n").encode(), INDEXED, "axolotl"),
    ("mostly-controls.txt", bytes(range(1, 32)) * 20, REFUSED, "-"),
    ("bidi.txt", "Bidi probe\n\nThe manatee text flips \u202eevil\u202c and \u2066x\u2069 "
     "direction.\n".encode(), INDEXED, "manatee"),
    ("nul.txt", b"NUL probe\n\nThe pangolin \x00 text.\n", REFUSED, "pangolin"),
    ("invalid-utf8.txt", b"Invalid probe\n\nThe narwhal caf\xe9 costs \x80 5 \xff here.\n",
     INDEXED, "narwhal"),
    ("latin1.txt", "Latin-1 probe\n\nThe okapi café in Zürich.\n".encode("latin-1"), INDEXED,
     "okapi"),
    ("utf16.txt", "UTF-16 probe\n\nThe tapir report on Hong Kong.\n".encode("utf-16"), INDEXED,
     "tapir"),
    ("utf16be.txt", "UTF-16 BE probe\n\nThe dugong report.\n".encode("utf-16-be"), REFUSED,
     "dugong"),
    ("crlf.txt", b"CRLF probe\r\n\r\nThe ocelot report said more.\r\nA second ocelot line.\r\n",
     INDEXED, "ocelot"),
    ("empty.txt", b"", REFUSED, "-"),
    ("blank.txt", b"  \n\n\t \n", REFUSED, "-"),
    ("binary.txt", bytes(range(256)) * 64, REFUSED, "-"),
    ("digits.txt", ("Digits probe\n\nThe wombat count was " + "9" * 5000 + " victims in 2019."
                    "\n").encode(), INDEXED, "wombat"),
    ("quotes.txt", ("Quote probe\n\nThe gecko spokesman said “a “b “c “d ” unbalanced and "
                    "\"x 'y \"z' more, he said. " + "“" * 500 + "\n\n“Unclosed to the end"
                    ).encode(), INDEXED, "gecko"),
]

# What must never reach a terminal from a document: C0 controls but tab and
# newline, DEL, C1 controls, and bidi overrides.
_UNSAFE_IN_TABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _seeds_intact(cli: Any) -> None:
    docs = {s["doc"] for s in cli("sources", "--json").json()}
    assert {d for d in docs if d[:3] in ("000", "001", "002", "003", "004")} and len(docs) >= 5
    hits = cli("search", "domestic helpers", "--json").json()
    assert hits and hits[0]["doc"][:3] in ("000", "001", "002", "003", "004")


@pytest.mark.parametrize(("name", "data", "expected", "probe"), CASES,
                         ids=[c[0] for c in CASES])
def test_hostile_document(cli: Any, home: Path, tmp_path: Path, name: str, data: bytes,
                          expected: str, probe: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    run = cli("add", str(path), "--json")
    assert "Traceback" not in run.err
    if expected == REFUSED:
        assert run.code == 2, run.err
        assert len(run.err.strip().splitlines()) == 1 and run.err.startswith("tipcli: ")
        assert not (home / "documents" / name).exists()
    else:
        assert run.code == 0, run.err
        hits = cli("search", probe, "--json").json()
        assert hits and hits[0]["doc"] == name
        for hit in hits:  # JSON carries the exact text
            assert_offsets(hit["doc"], hit["start"], hit["end"], hit["text"], home)
        table = cli("search", probe, env={"COLUMNS": "400"})
        assert table.code == 0
        assert not _UNSAFE_IN_TABLE.search(table.out), repr(table.out)
        for command in (["quotes"], ["stats"], ["rating", "--jurisdiction", "all"]):
            for fmt in ([], ["--json"]):
                done = cli(*command, *fmt, env={"COLUMNS": "400"})
                assert done.code in (0, 1) and "Traceback" not in done.err, done.err
                assert not _UNSAFE_IN_TABLE.search(done.out)
    _seeds_intact(cli)


def test_markup_prints_literally(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_bytes(CASES[0][1])
    assert cli("add", str(path)).code == 0
    table = cli("search", "zebrafinch", env={"COLUMNS": "400"}).out
    assert "[bold red]x[/bold red]" in table
    assert "[link=file:///etc/passwd]click[/link]" in table and "[/]" in table


def test_control_sequences_survive_in_json_but_not_in_tables(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "ansi.txt"
    path.write_bytes(CASES[1][1])
    assert cli("add", str(path)).code == 0
    run = cli("search", "quokka", "--json")
    text = run.json()[0]["text"]
    assert "\x1b[2J" in text and "\x07" in text  # the exact words, escaped as JSON
    assert "\x1b" not in run.out and "\x07" not in run.out  # escaped, not raw
    table = cli("search", "quokka", env={"COLUMNS": "400"}).out
    assert "\x1b" not in table and "\x07" not in table
    assert "[2J" in table  # shown, neutralised, not acted on


def test_a_100_megabyte_file_is_refused_without_reading_it(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        line = b"The capybara report said nothing new about the matter at hand.\n"
        fh.write(line * (100 * 2**20 // len(line) + 1))
    run = cli("add", str(path))
    assert run.code == 2 and "16 MiB" in run.err and len(run.err.splitlines()) == 1
    _seeds_intact(cli)


def test_many_hostile_documents_at_once_leave_nothing_behind_when_one_is_refused(
        cli: Any, home: Path, tmp_path: Path) -> None:
    """Named on the command line, one bad file refuses the whole add."""
    for name, data, _, _ in CASES:
        (tmp_path / name).write_bytes(data)
    before = cli("sources", "--json").json()
    run = cli("add", *(str(tmp_path / name) for name, *_ in CASES))
    assert run.code == 2 and len(run.err.splitlines()) == 1  # the first refusal stops the batch
    assert cli("sources", "--json").json() == before
    assert not (home / "documents").exists() or not any((home / "documents").iterdir())


def test_a_directory_of_hostile_documents_adds_the_good_and_skips_the_bad(
        cli: Any, home: Path, tmp_path: Path) -> None:
    """Inside a directory, each file that cannot be added is skipped with its reason."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, data, _, _ in CASES:
        (folder / name).write_bytes(data)
    run = cli("add", str(folder), "--json")
    assert run.code == 0, run.err
    rows = {row["doc"]: row for row in run.json()}
    for name, _, expected, _ in CASES:
        assert rows[name]["action"] == ("added" if expected == INDEXED else "skipped"), name
        assert (rows[name]["detail"] or "") if expected == REFUSED else True
    lines = run.err.splitlines()
    assert len([ln for ln in lines if "skipped" in ln]) == 1  # one summary line
    assert len([ln for ln in lines if "no report year" in ln]) == 1  # one warning for all
    assert len(lines) == 2
    stored = {row["doc"] for row in cli("sources", "--json").json()}
    assert {name for name, _, expected, _ in CASES if expected == INDEXED} <= stored
    assert not {name for name, _, expected, _ in CASES if expected == REFUSED} & stored


def test_a_path_the_os_refuses_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    """A name longer than the file system allows is a clear one-line error (exit 2), found
    by the CLI fuzz test: it used to be an internal error."""
    run = cli("add", str(tmp_path / ("a" * 300)))
    assert run.code == 2 and "cannot be read" in run.err and len(run.err.splitlines()) == 1
