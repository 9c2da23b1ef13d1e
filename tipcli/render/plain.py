"""Machine formats (JSON, JSON Lines, CSV), written straight to stdout without rich.

JSON and JSON Lines give each record as its JSON object. CSV gives a flat row: the
record's fields, each as one cell, except a field of evidence spans (`tuple[Evidence,
...]`), which is spread over columns of its own (`evidence_doc`, `evidence_start`, ...),
one row per span. Which fields spread is read from the record types, so a new record
gets it without a line here. `--fields` keeps and orders fields in all three formats.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TextIO

from tipcli.errors import UsageProblem
from tipcli.lexicon.characters import JSON_UNSAFE, escapes
from tipcli.results import TABLE_ONLY, Evidence, Result, record_json

# JSON may carry C1 controls and line separators raw; escape them so that
# document text piped to a terminal cannot act on it.
_ESCAPES = escapes(JSON_UNSAFE, short=False)

# What a spreadsheet takes for the start of a formula (OWASP's list: = + - @, tab, CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def dumps(value: Any, indent: int | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))
    return text.translate(_ESCAPES)


def write(result: Result[Any], fmt: str, out: TextIO, fields: Sequence[str] | None = None,
          spreadsheet: bool = False) -> None:
    """Write result in fmt ("json", "jsonl" or "csv"), only the named fields when given.

    An unknown field is a UsageProblem, raised before anything is written."""
    if fmt == "csv":
        write_csv(result, out, fields, spreadsheet)
    elif fmt == "json":
        write_json(result, out, fields)
    else:
        write_jsonl(result, out, fields)


def write_json(result: Result[Any], out: TextIO, fields: Sequence[str] | None = None) -> None:
    """One array; each object on a line of its own, so it reads and diffs well."""
    objects = [dumps(obj) for obj in _objects(result, fields)]
    if not objects:
        out.write("[]\n")
        return
    out.write("[\n" + ",\n".join("  " + obj for obj in objects) + "\n]\n")


def write_jsonl(result: Result[Any], out: TextIO, fields: Sequence[str] | None = None) -> None:
    for obj in _objects(result, fields):
        out.write(dumps(obj) + "\n")


def _objects(result: Result[Any], fields: Sequence[str] | None) -> Iterator[dict[str, Any]]:
    keep = None if fields is None else _chosen(fields, json_names(result.record),
                                               result.record, "json")
    for item in result.items:
        obj = record_json(item)
        yield obj if keep is None else {name: obj[name] for name in keep}


def json_names(record: type) -> list[str]:
    """The fields of record's JSON objects, in order."""
    hidden = TABLE_ONLY.get(record, ())
    return [name for name in record._fields if name not in hidden]  # type: ignore[attr-defined]


# --- CSV ---------------------------------------------------------------------------------


class Column(NamedTuple):
    """A CSV column: a record's field, or (part set) a field of its evidence spans."""

    name: str
    field: str
    part: str | None = None


def csv_columns(record: type) -> tuple[list[Column], str | None]:
    """The columns of record's CSV, in order, and the field spread over rows (None when the
    record has no evidence): the record's own fields as in JSON, then one column per field
    of an evidence span, named `<field>_<part>` (`evidence_doc`)."""
    import typing

    hints = typing.get_type_hints(record)
    own: list[Column] = []
    spread: str | None = None
    for name in json_names(record):
        annotation = hints[name]
        if typing.get_origin(annotation) is tuple and \
                typing.get_args(annotation) == (Evidence, Ellipsis):
            if spread is not None:
                raise TypeError(f"{record.__name__} has two evidence fields; CSV spreads one")
            spread = name
        else:
            own.append(Column(name, name))
    if spread is None:
        return own, None
    return own + [Column(f"{spread}_{part}", spread, part)
                  for part in json_names(Evidence)], spread


def csv_names(record: type) -> list[str]:
    """What --fields takes for record's CSV: its columns, and the evidence field's own name
    (standing for all of its columns)."""
    columns, spread = csv_columns(record)
    names = [c.name for c in columns if c.part is None]
    return names + ([spread] if spread else []) + [c.name for c in columns if c.part]


def write_csv(result: Result[Any], out: TextIO, fields: Sequence[str] | None = None,
              spreadsheet: bool = False) -> None:
    """A header row (also when there are no rows), then a row per record, or per evidence
    span of a record that has evidence (one row with empty evidence cells when it has
    none). Cells: "true"/"false", empty for null, numbers as written in JSON, lists joined
    by "; ". With spreadsheet, a byte-order mark first and formulas defused."""
    import csv

    columns, spread = csv_columns(result.record)
    if fields is not None:
        columns = _chosen_columns(fields, columns, spread, result.record)
    spreads = any(column.part for column in columns)
    # "\r\n" is RFC 4180's line end (and the csv module's, and Excel's own): with it the
    # module quotes a cell holding a lone "\r" as well as "\n", so document text with any
    # line ends reads back intact.
    writer = csv.writer(out, lineterminator="\r\n")
    if spreadsheet:
        out.write("\ufeff")
    writer.writerow([column.name for column in columns])
    for item in result.items:
        spans: Iterable[Any] = (getattr(item, spread) if spread and spreads else ()) or (None,)
        for span in spans:  # None: no evidence, so empty evidence cells
            row = [_cell(getattr(item, c.field) if c.part is None
                         else getattr(span, c.part, None)) for c in columns]
            writer.writerow([_defused(cell) for cell in row] if spreadsheet else row)


def _chosen_columns(fields: Sequence[str], columns: list[Column], spread: str | None,
                    record: type) -> list[Column]:
    by_name = {column.name: [column] for column in columns}
    if spread is not None:
        by_name[spread] = [column for column in columns if column.part]
    chosen: list[Column] = []
    for name in _chosen(fields, csv_names(record), record, "csv"):
        chosen.extend(c for c in by_name[name] if c not in chosen)
    return chosen


def _cell(value: Any) -> str | int | float:
    """One CSV cell: numbers stay numbers for the writer; everything else is text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        return str(value)  # a StrEnum as its value
    if hasattr(value, "_fields"):
        return _short(value)
    if isinstance(value, tuple | list):
        return "; ".join(_item(v) for v in value)
    return str(value)


def _item(value: Any) -> str:
    """One element of a list cell: a span (start, end) as "start:end"."""
    if isinstance(value, tuple | list) and not hasattr(value, "_fields"):
        return ":".join(str(_cell(v)) for v in value)
    return str(_cell(value))


def _sources(count: int) -> str:
    return f"{count} source" if count == 1 else f"{count} sources"


def _amount(value: int | float, unit: str) -> str:
    """A conversion as read aloud: "USD 6.4 million", "HKD 50", "25 %"."""
    code, _, scale = unit.partition(" ")
    if len(code) == 3 and code.isalpha() and code.isupper():  # an ISO 4217 code
        return " ".join(part for part in (code, str(value), scale) if part)
    return f"{value} {unit}"


# Nested records in one cell, by type name (naming them keeps this module from importing
# every record module): what a reader needs, the JSON keeps the rest.
SHORT: dict[str, Callable[[Any], str]] = {
    "Alternative": lambda a: f"{a.tier} ({a.basis}, {_sources(a.sources)})",
    "Conversion": lambda c: _amount(c.value, c.unit),
    "Passage": lambda p: str(p.text),
}


def _short(record: Any) -> str:
    short = SHORT.get(type(record).__name__)
    return short(record) if short else dumps(record_json(record))


def _defused(cell: str | int | float) -> str | int | float:
    """A text cell a spreadsheet would take for a formula, with "'" before it."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


# --- --fields ----------------------------------------------------------------------------


def check_fields(records: Sequence[type], fmt: str, fields: Sequence[str]) -> None:
    """Refuse (UsageProblem) a field that none of records has in fmt: a command checks
    --fields this way before it does anything, when it may print several kinds of record."""
    names = list(dict.fromkeys(name for record in records for name in names_for(record, fmt)))
    for name in fields:
        if name not in names:
            raise _unknown(name, names, " or ".join(r.__name__ for r in records), fmt)


def names_for(record: type, fmt: str) -> list[str]:
    """The names --fields takes for record in fmt."""
    return csv_names(record) if fmt == "csv" else json_names(record)


def _chosen(fields: Sequence[str], valid: list[str], record: type, fmt: str) -> list[str]:
    """fields, each once, in the order given; an unknown one is a UsageProblem."""
    for name in fields:
        if name not in valid:
            raise _unknown(name, valid, record.__name__, fmt)
    return list(dict.fromkeys(fields))


def _unknown(name: str, valid: list[str], what: str, fmt: str) -> UsageProblem:
    from tipcli.suggest import did_you_mean

    shape = "CSV" if fmt == "csv" else "JSON"
    guess = did_you_mean(name, valid)
    hint = (f"{guess} " if guess else "") + f"{shape} fields of {what}: {', '.join(valid)}"
    return UsageProblem(f"--fields: unknown field {name!r}", hint)
