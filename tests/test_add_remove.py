"""Adding and removing documents: copies, metadata, duplicates, names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES, assert_offsets


def sources(cli: Any) -> dict[str, dict[str, Any]]:
    return {s["doc"]: s for s in cli("sources", "--json").json()}


def test_add_copies_reads_front_matter_and_options_win(cli: Any, tmp_path: Path,
                                                       home: Path) -> None:
    src = tmp_path / "narrative_2019.md"
    src.write_text((FIXTURES / "narrative_2019.md").read_text(encoding="utf-8"), encoding="utf-8")
    run = cli("add", str(src), "--outlet", "State Department", "--json")
    assert run.code == 0 and run.json()[0]["action"] == "added"
    src.unlink()  # the original may vanish
    meta = sources(cli)["narrative_2019.md"]
    assert meta["title"] == "2019 Trafficking in Persons Report - Hong Kong"  # front matter
    assert meta["outlet"] == "State Department"  # option wins
    assert meta["published"] == "2019-06-20" and meta["report_year"] == 2019  # derived
    hit = cli("search", "revoked licences", "--json").json()[0]
    assert hit["doc"] == "narrative_2019.md"
    assert_offsets(hit["doc"], hit["start"], hit["end"], hit["text"], home)


def test_readding_identical_content_changes_nothing(cli: Any, home: Path) -> None:
    path = FIXTURES / "wire_2024.txt"
    assert cli("add", str(path)).code == 0
    before = sources(cli)
    run = cli("add", str(path), "--json")
    assert run.code == 0 and run.json()[0]["action"] == "unchanged"
    assert sources(cli) == before
    seed_copy = cli("add", str(Path(__file__).parent.parent / "seeds" /
                               "003_f268bc31fc3fd380.txt"), "--json").json()
    assert seed_copy[0]["action"] == "unchanged"


def test_same_name_different_content_gets_a_new_id(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("Story one\n\nHong Kong stayed on the watch list.\n")
    (tmp_path / "b" / "story.txt").write_text("Story two\n\nMacau improved its screening work.\n")
    run = cli("add", str(tmp_path), "--json")  # a directory, recursively
    assert run.code == 0
    docs = [c["doc"] for c in run.json()]
    assert docs[0] == "story.txt" and docs[1].startswith("story~") and docs[1].endswith(".txt")
    assert "a different document named story.txt exists" in run.json()[1]["detail"]
    assert set(docs) <= set(sources(cli))


def test_remove(cli: Any) -> None:
    cli("add", str(FIXTURES / "wire_2024.txt"))
    assert cli("search", "Wirefeed Macau upgraded", "--json").json()[0]["doc"] == "wire_2024.txt"
    run = cli("remove", "wire_2024.txt", "--json")
    assert run.code == 0 and run.json() == [{"doc": "wire_2024.txt", "action": "removed",
                                            "detail": None, "source": None}]
    assert "wire_2024.txt" not in sources(cli)
    hits = cli("search", "Macau upgraded", "--json").json()
    assert hits and all(h["doc"] != "wire_2024.txt" for h in hits)
    run = cli("remove", "wire_2024.tx")
    assert run.code == 2


def test_refused_inputs_keep_the_store_intact(cli: Any, tmp_path: Path) -> None:
    cli("add", str(FIXTURES / "wire_2024.txt"))
    before = sources(cli)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    for name in ("empty.txt", "binary.txt", "picture.png"):
        run = cli("add", str(tmp_path / name))
        assert run.code == 2 and len(run.err.splitlines()) == 1, run.err
    assert sources(cli) == before
    assert cli("search", "Wirefeed", "--json").code == 0


def test_encodings(cli: Any, tmp_path: Path, home: Path) -> None:
    text = "Encoding test\r\n\r\nThe café report rated Macao on Tier 3 for its résumé.\r\n"
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("Macao", "Macau").encode("utf-16"))
    run = cli("add", str(tmp_path), "--json")
    assert run.code == 0, run.err
    details = {c["doc"]: c["detail"] for c in run.json()}
    assert "cp1252" in details["latin.txt"] and "utf-16" in details["utf16.txt"]
    hit = cli("search", "cafe resume", "--doc", "latin.txt", "--json").json()[0]
    assert_offsets("latin.txt", hit["start"], hit["end"], hit["text"], home)
    assert "café" in hit["text"]


def test_removing_the_canonical_version_relinks_the_others(cli: Any, tmp_path: Path) -> None:
    seed = Path(__file__).parent.parent / "seeds" / "000_9de49e92cb8ba1bd.txt"
    fuller = tmp_path / "fuller.txt"
    fuller.write_text(seed.read_text(encoding="utf-8") + "\nA closing paragraph that only "
                      "this longer version of the article carries, for the test.\n",
                      encoding="utf-8")
    assert cli("add", str(fuller)).code == 0
    meta = sources(cli)
    assert meta["000_9de49e92cb8ba1bd.txt"]["duplicate_of"] == "fuller.txt"
    assert meta["001_1fc0ef9a8a95c0eb.txt"]["duplicate_of"] == "fuller.txt"
    assert cli("remove", "fuller.txt").code == 0
    meta = sources(cli)
    assert meta["000_9de49e92cb8ba1bd.txt"]["duplicate_of"] is None
    assert meta["001_1fc0ef9a8a95c0eb.txt"]["duplicate_of"] == "000_9de49e92cb8ba1bd.txt"


def test_a_path_with_a_nul_character_is_refused_in_one_line(cli: Any) -> None:
    run = cli("add", "a\x00b.txt")
    assert run.code == 2 and "NUL" in run.err and len(run.err.splitlines()) == 1
