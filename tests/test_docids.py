"""Short document ids: the form tables show, and any unique prefix, wherever a DOC is taken."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import FIXTURES
from tipcli.docids import readable_part, resolve, short_ids
from tipcli.errors import UsageProblem

SEEDS = ["000_9de49e92cb8ba1bd.txt", "001_1fc0ef9a8a95c0eb.txt"]


def test_hashed_ids_are_cut_to_their_first_readable_part() -> None:
    assert readable_part("002_8914870225723a63.txt") == "002"
    assert readable_part("notes~1fc0ef9a.txt") == "notes"
    assert readable_part("wire-asia-2021.txt") == "wire-asia-2021"
    assert readable_part("report.pdf") == "report.pdf"  # only .txt is implied
    assert readable_part("field_notes.txt") == "field_notes"  # no hash after the underscore


def test_short_ids_are_unique_and_fall_back_to_the_whole_id() -> None:
    docs = [*SEEDS, "notes.txt", "notes~1fc0ef9a.txt", "a", "a.txt", "wire.txt"]
    shorts = short_ids(docs)
    assert shorts[SEEDS[0]] == "000" and shorts["wire.txt"] == "wire"
    # two ids that read the same keep their whole names
    assert shorts["notes.txt"] == "notes.txt" and shorts["notes~1fc0ef9a.txt"] != "notes"
    assert shorts["a"] == "a" and shorts["a.txt"] == "a.txt"
    assert len(set(shorts.values())) == len(docs)
    for doc, short in shorts.items():
        assert doc.startswith(short)
        assert resolve(short, docs) == doc


def test_any_unique_prefix_resolves_and_an_ambiguous_one_names_the_candidates() -> None:
    docs = [*SEEDS, "wire-asia-2021.txt", "wire-asia-2022.txt"]
    assert resolve("wire-asia-2021", docs) == "wire-asia-2021.txt"
    assert resolve("001_1f", docs) == SEEDS[1]
    with pytest.raises(UsageProblem) as ambiguous:
        resolve("wire", docs)
    assert "2 documents" in str(ambiguous.value)
    assert "wire-asia-2021, wire-asia-2022" in str(ambiguous.value.hint)
    with pytest.raises(UsageProblem) as missing:
        resolve("wire-asa-2021", docs)
    assert "wire-asia" in str(missing.value.hint)


def test_short_ids_work_for_remove_and_search(cli: Any) -> None:
    assert cli("add", str(FIXTURES / "wire_2024.txt")).code == 0
    hits = cli("search", "Macau", "--doc", "wire_2024", "--json").json()
    assert hits and {h["doc"] for h in hits} == {"wire_2024.txt"}
    seed_hits = cli("search", "helpers", "--doc", "002", "--json").json()
    assert seed_hits and {h["doc"] for h in seed_hits} == {"002_8914870225723a63.txt"}
    ambiguous = cli("search", "helpers", "--doc", "00")
    assert ambiguous.code == 2 and "did you mean one of" in ambiguous.err
    assert "Traceback" not in ambiguous.err and len(ambiguous.err.strip().splitlines()) == 1
    seed = cli("remove", "003")
    assert seed.code == 2 and "seed document" in seed.err
    removed = cli("remove", "wire_2024", "--json")
    assert removed.code == 0 and removed.json()[0]["doc"] == "wire_2024.txt"
