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


def test_a_changed_file_from_the_same_path_replaces_the_old_version(
        cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Story\n\nIn 2023 police in Fiji identified 14 victims of trafficking.\n")
    assert cli("add", str(path)).code == 0
    path.write_text("Story\n\nIn 2023 police in Fiji identified 15 victims of trafficking.\n")
    run = cli("add", str(path), "--json")
    assert run.code == 0 and run.json()[0]["action"] == "replaced"
    assert run.json()[0]["doc"] == "story.txt"
    assert [d for d in sources(cli) if d.startswith("story")] == ["story.txt"]
    values = {f["value"] for f in cli("stats", "-j", "Fiji", "--json").json()}
    assert values == {15}  # the old version's facts are gone


def test_the_same_content_with_new_options_updates_its_metadata(cli: Any) -> None:
    path = FIXTURES / "wire_2024.txt"
    assert cli("add", str(path)).code == 0
    run = cli("add", str(path), "--outlet", "Wirefeed Asia", "--published", "2024-06-26",
              "--json")
    assert run.code == 0 and run.json()[0]["action"] == "updated"
    assert "outlet" in run.json()[0]["detail"] and "published" in run.json()[0]["detail"]
    meta = sources(cli)["wire_2024.txt"]
    assert meta["outlet"] == "Wirefeed Asia" and meta["published"] == "2024-06-26"
    # The same options again change nothing; no options keep what was given before.
    assert cli("add", str(path), "--outlet", "Wirefeed Asia", "--json").json()[0]["action"] \
        == "unchanged"
    assert cli("add", str(path), "--json").json()[0]["action"] == "unchanged"
    assert sources(cli)["wire_2024.txt"]["outlet"] == "Wirefeed Asia"


def test_two_saved_pages_both_named_index_html_are_both_kept(cli: Any, tmp_path: Path) -> None:
    pages = FIXTURES / "html"
    for folder, page in (("a", "news-fiji-2024.html"), ("b", "wire-thailand-2023.html")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_bytes((pages / page).read_bytes())
    first = cli("add", str(tmp_path / "a" / "index.html"), "--json").json()[0]
    second = cli("add", str(tmp_path / "b" / "index.html"), "--json").json()[0]
    assert first["doc"] == "index.html" and first["action"] == "added"
    assert second["action"] == "added" and second["doc"].startswith("index~")
    assert second["doc"].endswith(".html")


def test_a_directory_skips_what_it_cannot_add_with_reasons(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "good.txt").write_text("Good\n\nThailand stayed on Tier 2 in the 2023 report.\n")
    (folder / "copy.txt").write_text("Good\n\nThailand stayed on Tier 2 in the 2023 report.\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    (folder / "empty.txt").write_text("")
    (folder / "paywall.html").write_bytes((FIXTURES / "html" / "paywall.html").read_bytes())
    run = cli("add", str(folder), "--json")
    assert run.code == 0, run.err
    rows = {row["doc"]: (row["action"], row["detail"] or "") for row in run.json()}
    assert rows["copy.txt"][0] == "added"  # the first of two copies, in name order
    assert rows["good.txt"] == ("skipped", "duplicate of " + str(folder / "copy.txt"))
    assert rows["notes.docx"] == ("skipped", "unsupported type (.docx)")
    assert rows["empty.txt"][0] == "skipped" and "empty" in rows["empty.txt"][1]
    assert rows["paywall.html"][0] == "skipped" and "paywall" in rows["paywall.html"][1]
    summary = [line for line in run.err.splitlines() if "skipped" in line]
    assert len(summary) == 1 and summary[0].startswith("tipcli: 1 added, 4 skipped (")
    assert "1 unsupported type" in summary[0] and "paywall" in summary[0]
    # Nothing at all addable: exit 2, with the rows still printed.
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.docx").write_bytes(b"PK")
    run = cli("add", str(bad), "--json")
    assert run.code == 2 and run.json()[0]["action"] == "skipped"


def test_dry_run_shows_what_would_be_added_and_writes_nothing(
        cli: Any, home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kenya.html").write_bytes(
        (FIXTURES / "html" / "state-narrative-kenya-2021.html").read_bytes())
    (folder / "wire_2024.txt").write_bytes((FIXTURES / "wire_2024.txt").read_bytes())
    (folder / "notes.docx").write_bytes(b"PK")
    cli("sources")  # the store exists
    before = sorted(p.name for p in home.rglob("*") if p.is_file())
    run = cli("add", str(folder), "--dry-run", "--json")
    assert run.code == 0, run.err
    rows = {row["doc"]: row for row in run.json()}
    kenya = rows["kenya.html"]
    assert kenya["action"] == "add" and kenya["input"] == "file" and kenya["kind"] == "report"
    assert kenya["report_year"] == 2021 and kenya["published"] == "2021-07-01"
    assert kenya["ratings"] >= 1 and kenya["figures"] >= 1
    assert rows["notes.docx"]["action"] == "skip" and "unsupported" in rows["notes.docx"]["detail"]
    assert sorted(p.name for p in home.rglob("*") if p.is_file()) == before  # nothing written
    table = cli("add", str(folder), "--dry-run")
    assert table.code == 0 and "nothing is written" in table.out


def test_a_document_without_a_report_year_is_warned_about(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Undated note\n\nMalaysia stayed on Tier 3, the ministry said.\n")
    run = cli("add", str(path))
    assert run.code == 0
    assert run.err.count("\n") == 1 and "no report year" in run.err and "--report-year" in run.err
    dated = tmp_path / "dated.txt"
    dated.write_text("Dated note\n\nMalaysia stayed on Tier 3 in the 2023 report.\n")
    assert cli("add", str(dated)).err == ""


def test_remove_several_by_id_path_or_url_all_or_nothing(cli: Any, tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("One\n\nFiji stayed on Tier 2 Watch List in the 2024 report.\n")
    two.write_text("Two\n\nTonga stayed on Tier 2 in the 2024 report.\n")
    assert cli("add", str(one), str(two)).code == 0
    run = cli("remove", "one.txt", "no-such.txt")
    assert run.code == 2 and "no-such.txt" in run.err
    assert {"one.txt", "two.txt"} <= set(sources(cli))  # nothing removed
    run = cli("remove", "one.txt", str(two), "--json")
    assert run.code == 0
    assert [(r["doc"], r["action"]) for r in run.json()] == [("one.txt", "removed"),
                                                             ("two.txt", "removed")]
    assert not {"one.txt", "two.txt"} & set(sources(cli))


def test_a_changed_file_whose_new_content_is_stored_elsewhere_still_replaces_its_own(
        cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "index.txt", tmp_path / "b" / "index.txt"
    a.write_text("A\n\nIn 2023 police in Fiji identified 99 victims of trafficking.\n")
    b.write_text("B\n\nIn 2023 police in Fiji identified 14 victims of trafficking.\n")
    assert cli("add", str(a)).code == 0 and cli("add", str(b)).code == 0
    a.write_bytes(b.read_bytes())
    run = cli("add", str(a), "--json")
    assert run.json()[0]["action"] == "replaced" and run.json()[0]["doc"] == "index.txt"
    assert 99 not in {f["value"] for f in cli("stats", "-j", "Fiji", "--json").json()}


def test_dry_run_decides_as_add_does(cli: Any, tmp_path: Path) -> None:
    pages = FIXTURES / "html"
    for folder, page in (("a", "news-fiji-2024.html"), ("b", "wire-thailand-2023.html")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_bytes((pages / page).read_bytes())
    assert cli("add", str(tmp_path / "a" / "index.html")).code == 0
    for args in ([str(tmp_path / "b" / "index.html")],
                 [str(tmp_path / "a" / "index.html"), "--outlet", "Brand New"],
                 [str(tmp_path / "a" / "index.html")]):
        preview = cli("add", *args, "--dry-run", "--json").json()[0]
        done = cli("add", *args, "--json").json()[0]
        assert (preview["doc"], preview["action"]) == (
            done["doc"], {"added": "add", "updated": "update", "unchanged": "unchanged"}
            [done["action"]]), args
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.docx").write_bytes(b"PK")
    assert cli("add", str(bad), "--dry-run").code == 2


def test_a_broken_link_in_a_directory_is_skipped_as_unreadable(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "good.txt").write_text("Good\n\nTonga stayed on Tier 2 in the 2024 report.\n")
    (folder / "broken.html").symlink_to(tmp_path / "nowhere.html")
    rows = {r["doc"]: r for r in cli("add", str(folder), "--json").json()}
    assert rows["broken.html"]["action"] == "skipped"
    assert "unreadable" in rows["broken.html"]["detail"]
