"""Machine formats (JSON, JSON Lines, CSV), written straight to stdout without rich."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from tipcli.lexicon.characters import JSON_UNSAFE, escapes
from tipcli.results import Result, record_json

# JSON may carry C1 controls and line separators raw; escape them so that
# document text piped to a terminal cannot act on it.
_ESCAPES = escapes(JSON_UNSAFE, short=False)


def dumps(value: Any, indent: int | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))
    return text.translate(_ESCAPES)


def write_json(result: Result[Any], out: TextIO) -> None:
    """One array; each object on a line of its own, so it reads and diffs well."""
    if not result.items:
        out.write("[]\n")
        return
    body = ",\n".join("  " + dumps(record_json(item)) for item in result.items)
    out.write("[\n" + body + "\n]\n")


def write_jsonl(result: Result[Any], out: TextIO) -> None:
    for item in result.items:
        out.write(dumps(record_json(item)) + "\n")


def write_csv(result: Result[Any], out: TextIO) -> None:
    import csv

    rows = [record_json(item) for item in result.items]
    if not rows:
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(rows[0]))
    for row in rows:
        writer.writerow([_cell(v) for v in row.values()])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return dumps(value)
    return str(value)


WRITERS: dict[str, Callable[[Result[Any], TextIO], None]] = {
    "json": write_json, "jsonl": write_jsonl, "csv": write_csv,
}
