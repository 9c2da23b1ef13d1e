"""Output for scripts: CSV read back with the csv module, --fields, --spreadsheet.

Expected rows are derived from the --json answer to the same query, never written down,
so the CSV is checked against the contract JSON already meets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, assert_offsets
from tests.shapes import csv_header, record_type
from tipcli.results import TABLE_ONLY, Evidence

# An evidence object's JSON fields, read from the type: CSV spreads each over a column.
EVIDENCE_PARTS = [name for name in Evidence._fields if name not in TABLE_ONLY[Evidence]]


def rows_of(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out, newline="")))


def header_of(out: str) -> list[str]:
    return next(csv.reader(io.StringIO(out, newline="")))


# What a cell holds, written from the JSON value (independently of tipcli's own code).
def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    assert isinstance(value, list), value
    return "; ".join(item(v) for v in value)


def item(value: Any) -> str:
    if isinstance(value, list):  # a span
        return f"{value[0]}:{value[1]}"
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:  # a passage
            return str(value["text"])
        if "tier" in value:  # an alternative
            n = value["sources"]
            return f"{value['tier']} ({value['basis']}, {n} source{'' if n == 1 else 's'})"
        if set(value) == {"value", "unit"}:  # a conversion: "USD 6.4 million"
            code, _, scale = value["unit"].partition(" ")
            return " ".join(p for p in (code, str(value["value"]), scale) if p)
        raise AssertionError(f"no short form expected for {value}")
    return cell(value)


def expected_rows(objects: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The CSV rows for JSON objects: one per evidence span where there is evidence (one
    with empty evidence cells when it is empty), else one per object."""
    rows = []
    for obj in objects:
        own = {name: cell(value) for name, value in obj.items() if name != "evidence"}
        if "evidence" not in obj:
            rows.append(own)
            continue
        for span in obj["evidence"] or [None]:
            rows.append({**own, **{f"evidence_{part}": "" if span is None else cell(span[part])
                                   for part in EVIDENCE_PARTS}})
    return rows


@pytest.fixture
def stocked(cli: Any, tmp_path: Path) -> Path:
    """The seeds, the fixtures (a conflict: Hong Kong 2019), a tie (Fiji 2019: no verdict,
    so no evidence) and a stated conversion."""
    assert cli("add", str(FIXTURES)).code == 0
    for name, tier in (("one.txt", "Tier 1"), ("two.txt", "Tier 2")):
        (tmp_path / name).write_text(f"Headline {name}\n\nThe 2019 Trafficking in Persons Report "
                                     f"placed Fiji on {tier}, the paper said.\n", encoding="utf-8")
        assert cli("add", str(tmp_path / name), "--outlet", f"Paper {name}").code == 0
    money = tmp_path / "money.txt"
    money.write_text("Hong Kong funds victims\n\nIn 2021 the government allocated HK$50 million "
                     "(US$6.4 million) to victim services.\n", encoding="utf-8")
    assert cli("add", str(money), "--report-year", "2021").code == 0
    return tmp_path


FACT_QUERIES = [["rating", "-j", "all"], ["stats"], ["quotes"]]


@pytest.mark.parametrize("args", FACT_QUERIES, ids=lambda a: a[0])
def test_facts_give_a_row_per_evidence_span(cli: Any, home: Path, stocked: Path,
                                            args: list[str]) -> None:
    objects = cli(*args, "--json").json()
    run = cli(*args, "--csv")
    assert run.code == 0, run.err
    rows = rows_of(run.out)
    assert len(rows) == sum(max(1, len(obj["evidence"])) for obj in objects)
    if args[0] != "stats":  # a figure is stated once; ratings and quotes often more
        assert len(rows) > len(objects)
    assert rows == expected_rows(objects)
    for row in rows:
        if row["evidence_doc"]:
            assert_offsets(row["evidence_doc"], int(row["evidence_start"]),
                           int(row["evidence_end"]), row["evidence_text"], home)


def test_csv_columns_follow_the_record_types(cli: Any, stocked: Path) -> None:
    out = cli("rating", "--csv").out
    assert header_of(out) == [
        "id", "jurisdiction", "year", "tier", "basis", "sources", "conflict", "alternatives",
        "evidence_doc", "evidence_start", "evidence_end", "evidence_text", "evidence_page",
        "evidence_outlet", "evidence_published", "evidence_url", "evidence_title",
        "evidence_basis"]
    assert header_of(cli("stats", "--csv").out) == csv_header(record_type("figures:Figure"))
    assert header_of(cli("quotes", "--csv").out) == csv_header(record_type("quotes:Quote"))


def test_alternatives_and_a_fact_without_evidence(cli: Any, stocked: Path) -> None:
    rows = rows_of(cli("rating", "2019", "-j", "all", "--csv").out)
    [fiji] = [r for r in rows if r["id"] == "fiji/2019"]  # a tie: one row, no evidence
    assert (fiji["tier"], fiji["basis"], fiji["sources"], fiji["conflict"]) == (
        "", "", "0", "true")
    assert fiji["alternatives"] == "Tier 1 (stated, 1 source); Tier 2 (stated, 1 source)"
    assert all(fiji[f"evidence_{part}"] == "" for part in EVIDENCE_PARTS)
    hong_kong = [r for r in rows if r["id"] == "hong-kong/2019"]
    assert {r["alternatives"] for r in hong_kong} == {"Tier 2 (stated, 1 source)"}
    assert {r["conflict"] for r in hong_kong} == {"true"}
    assert {r["conflict"] for r in rows} == {"true", "false"}


def test_conversions_and_numbers(cli: Any, stocked: Path) -> None:
    rows = rows_of(cli("stats", "--csv").out)
    [money] = [r for r in rows if r["evidence_doc"] == "money.txt"]
    assert (money["value"], money["unit"], money["converted"]) == (
        "50", "HKD million", "USD 6.4 million")
    assert {r["adds_up"] for r in rows} <= {"", "true", "false"}
    for row in rows:
        float(row["value"])  # a plain number
        assert row["evidence_page"] == ""  # null is an empty cell


OTHER_QUERIES = [
    ["search", "screening victims", "-C", "1"],
    ["search", "domestic helpers"],
    ["search", "domestic helpers", "--count"],
    ["search", "domestic helpers", "--files"],
    ["sources"],
    ["stats", "--list-metrics"],
]


@pytest.mark.parametrize("args", OTHER_QUERIES, ids=" ".join)
def test_other_records_give_a_row_per_object(cli: Any, stocked: Path, args: list[str]) -> None:
    objects = cli(*args, "--json").json()
    run = cli(*args, "--csv")
    assert run.code == 0, run.err
    rows = rows_of(run.out)
    assert len(rows) == len(objects) > 0
    assert rows == expected_rows(objects)


def test_lists_in_one_cell(cli: Any, stocked: Path) -> None:
    [hit] = rows_of(cli("search", "screening victims", "-C", "1", "-n", "1", "--csv").out)
    [obj] = cli("search", "screening victims", "-C", "1", "-n", "1", "--json").json()
    assert hit["before"] == obj["before"][0]["text"] and hit["after"] == obj["after"][0]["text"]
    assert hit["matches"] == "; ".join(f"{a}:{b}" for a, b in obj["matches"])
    assert ":" in hit["matches"] and "[" not in hit["matches"]
    metrics = rows_of(cli("stats", "--list-metrics", "--csv").out)
    assert any("; " in row["periods"] for row in metrics)


def test_changes_and_dry_runs(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text((FIXTURES / "wire_2024.txt").read_text(encoding="utf-8"),
                       encoding="utf-8")
    [preview] = rows_of(cli("add", str(article), "--dry-run", "--csv").out)
    assert (preview["doc"], preview["action"], preview["source"]) == (
        "article.txt", "add", str(article))
    assert int(preview["ratings"]) > 0
    run = cli("add", str(article), "--csv")
    assert header_of(run.out) == csv_header(record_type("documents:Change"))
    [added] = rows_of(run.out)
    assert (added["doc"], added["action"], added["source"]) == ("article.txt", "added",
                                                                 str(article))
    [store] = rows_of(cli("index", "--csv").out)
    assert store["doc"] == "(store)"
    [removed] = rows_of(cli("remove", "article.txt", "--csv").out)
    assert (removed["doc"], removed["action"]) == ("article.txt", "removed")


def test_text_with_any_line_ends_and_quotes_reads_back(cli: Any, tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"Odd\r\n\r\nThe screening of trafficking victims went on in Hong Kong.\n")
    title = 'two\rlines, "quoted"\nthree\r\nfour'
    assert cli("add", str(odd), "--title", title, "--report-year", "2020").code == 0
    out = cli("sources", "--csv").out
    assert out.endswith("\r\n")  # RFC 4180 line ends
    [row] = [r for r in rows_of(out) if r["doc"] == "odd.txt"]
    assert row["title"] == title


def test_an_empty_answer_is_the_header_alone(cli: Any) -> None:
    run = cli("rating", "2019", "--csv")
    assert run.code == 1 and len(run.err.splitlines()) == 1
    assert header_of(run.out) == csv_header(record_type("ratings:Rating"))
    assert rows_of(run.out) == []
    run = cli("rating", "2019", "--csv", "--fields", "id,tier")
    assert (run.code, run.out) == (1, "id,tier\r\n")
    assert cli("rating", "2019", "--jsonl").out == ""


# --- formulas and --spreadsheet --------------------------------------------------------


@pytest.fixture
def formulas(cli: Any, tmp_path: Path) -> Path:
    page = tmp_path / "formula.txt"
    page.write_text("Headline\n\n=HYPERLINK(\"http://x.example\",\"y\") trafficking victims were "
                    "screened in Hong Kong.\n\n-5 trafficking victims, @someone said.\n",
                    encoding="utf-8")
    assert cli("add", str(page), "--title", "=1+1", "--outlet", "@outlet",
               "--report-year", "2020").code == 0
    return page


def test_plain_csv_keeps_formula_like_text_as_it_is(cli: Any, formulas: Path) -> None:
    [row] = [r for r in rows_of(cli("sources", "--csv").out) if r["doc"] == "formula.txt"]
    assert (row["title"], row["outlet"]) == ("=1+1", "@outlet")
    texts = {r["text"] for r in rows_of(cli("search", "trafficking victims", "--doc",
                                            "formula.txt", "--csv").out)}
    assert any(t.startswith("=HYPERLINK") for t in texts)
    assert any(t.startswith("-5") for t in texts)


def test_spreadsheet_defuses_formulas_and_starts_with_a_bom(cli: Any, formulas: Path) -> None:
    run = cli("sources", "--spreadsheet")  # implies --csv
    assert run.code == 0 and run.out.startswith("\ufeffdoc,")
    rows = rows_of(run.out[1:])
    [row] = [r for r in rows if r["doc"] == "formula.txt"]
    assert (row["title"], row["outlet"]) == ("'=1+1", "'@outlet")
    assert all(r["chars"].isdigit() for r in rows)  # numbers are left alone
    hits = rows_of(cli("search", "trafficking victims", "--doc", "formula.txt", "--csv",
                       "--spreadsheet").out[1:])
    texts = {r["text"] for r in hits}
    assert any(t.startswith("'=HYPERLINK") for t in texts)
    assert any(t.startswith("'-5") for t in texts)
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    assert all(float(r["score"]) > 0 for r in hits)


@pytest.mark.parametrize("flag", ["--json", "--jsonl"])
def test_spreadsheet_is_only_for_csv(cli: Any, flag: str) -> None:
    run = cli("sources", "--spreadsheet", flag)
    assert run.code == 2 and run.out == "" and len(run.err.splitlines()) == 1
    assert "--spreadsheet" in run.err


# --- --fields ----------------------------------------------------------------------------


def test_fields_pick_and_order_json_and_jsonl(cli: Any) -> None:
    full = cli("rating", "--json").json()
    picked = cli("rating", "--json", "--fields", "tier,id").json()
    assert [list(obj) for obj in picked] == [["tier", "id"]] * len(full)
    assert picked == [{"tier": obj["tier"], "id": obj["id"]} for obj in full]
    lines = [json.loads(line) for line in
             cli("rating", "--jsonl", "--fields", "evidence, year").out.splitlines()]
    assert lines == [{"evidence": obj["evidence"], "year": obj["year"]} for obj in full]


def test_fields_alone_mean_json(cli: Any) -> None:
    run = cli("sources", "--fields", "doc,kind")
    assert run.code == 0
    assert [list(obj) for obj in run.json()] == [["doc", "kind"]] * 5


def test_fields_pick_csv_columns_and_evidence(cli: Any) -> None:
    objects = cli("rating", "--json").json()
    run = cli("rating", "--csv", "--fields", "tier,evidence_text,id,evidence_doc")
    assert header_of(run.out) == ["tier", "evidence_text", "id", "evidence_doc"]
    rows = rows_of(run.out)
    assert len(rows) == sum(len(obj["evidence"]) for obj in objects) > len(objects)
    assert [(r["id"], r["evidence_doc"]) for r in rows] == [
        (obj["id"], span["doc"]) for obj in objects for span in obj["evidence"]]
    # `evidence` stands for all of its columns; a column named twice comes once.
    out = cli("rating", "--csv", "--fields", "id,evidence,evidence_doc").out
    assert header_of(out) == ["id"] + [f"evidence_{p}" for p in EVIDENCE_PARTS]


def test_fields_without_evidence_columns_give_a_row_per_fact(cli: Any) -> None:
    objects = cli("rating", "--json").json()
    rows = rows_of(cli("rating", "--csv", "--fields", "id,tier,sources").out)
    assert rows == [{"id": o["id"], "tier": o["tier"], "sources": str(o["sources"])}
                    for o in objects]


def test_a_field_named_twice_comes_once(cli: Any) -> None:
    objects = cli("rating", "--fields", "id,id,tier").json()
    assert objects and all(list(obj) == ["id", "tier"] for obj in objects)


@pytest.mark.parametrize("args, named, valid", [
    (["rating", "--json", "--fields", "id,tierr"], "did you mean 'tier'", "jurisdiction"),
    (["rating", "--csv", "--fields", "evidence_dco"], "did you mean 'evidence_doc'",
     "evidence_published"),
    (["rating", "--json", "--fields", "evidence_doc"], "'evidence_doc'", "alternatives"),
    (["stats", "--fields", "periods"], "'periods'", "adds_up"),  # a Metric's, not a Figure's
    (["search", "x", "--count", "--fields", "text"], "'text'", "hits"),
    (["sources", "--jsonl", "--fields", "doc,,kind"], "empty", "--fields id,tier"),
    (["sources", "--fields", ""], "empty", "--fields id,tier"),
])
def test_an_unknown_field_is_a_usage_error_naming_the_fields(
        cli: Any, args: list[str], named: str, valid: str) -> None:
    run = cli(*args)
    assert run.code == 2, run
    assert run.out == "" and len(run.err.splitlines()) == 1
    assert run.err.startswith("tipcli: error: --fields")
    assert named in run.err and valid in run.err


def test_an_unknown_field_stops_add_before_it_writes(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text((FIXTURES / "wire_2024.txt").read_text(encoding="utf-8"),
                       encoding="utf-8")
    run = cli("add", str(article), "--fields", "doc,actoin")
    assert run.code == 2 and "did you mean 'action'" in run.err
    assert "article.txt" not in cli("sources", "--fields", "doc").out


def test_the_error_lists_the_fields_in_order(cli: Any) -> None:
    from tests.shapes import json_fields

    run = cli("sources", "--fields", "nope")
    assert ", ".join(json_fields(record_type("documents:Source"))) in run.err
    run = cli("quotes", "--csv", "--fields", "nope")
    assert ", ".join(csv_header(record_type("quotes:Quote"))[-3:]) in run.err
