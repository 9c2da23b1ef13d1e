"""The JSON contract derived from the result types: field names, JSON types and enum values."""

from __future__ import annotations

import importlib
import types
import typing
from enum import StrEnum
from typing import Any

from tipcli import results
from tipcli.cli.commands import PRINTS

NONE = type(None)


def record_type(name: str) -> type:
    """A record type by its PRINTS name ("ratings:Rating"), or a bare name in tipcli.results."""
    module, _, cls = name.rpartition(":")
    found = getattr(importlib.import_module(f"tipcli.results.{module}") if module else results,
                    cls)
    assert isinstance(found, type), name
    return found


def printed_records() -> list[type]:
    """Every record type a command prints, and the records nested in them, once each."""
    found: list[type] = []
    pending = [record_type(n) for names in PRINTS.values() for n in names]
    while pending:
        record = pending.pop(0)
        if record in found:
            continue
        found.append(record)
        for annotation in json_fields(record).values():
            pending.extend(nested_records(annotation))
    return found


def json_fields(record: type) -> dict[str, Any]:
    """Field -> annotation, in declaration order, for the fields JSON carries."""
    hints = typing.get_type_hints(record)
    hidden = results.TABLE_ONLY.get(record, ())
    fields: tuple[str, ...] = record._fields  # type: ignore[attr-defined]
    return {name: hints[name] for name in fields if name not in hidden}


def csv_header(record: type) -> list[str]:
    """The columns the CSV contract promises: the record's JSON fields, except a field of
    evidence spans, whose fields follow as `<field>_<part>` columns (`evidence_doc`)."""
    fields = json_fields(record)
    spread = [name for name, annotation in fields.items()
              if annotation == tuple[results.Evidence, ...]]
    assert len(spread) <= 1, record
    own = [name for name in fields if name not in spread]
    return own + [f"{name}_{part}" for name in spread for part in json_fields(results.Evidence)]


def top_records() -> list[type]:
    """The records commands print (not the ones nested in them), once each."""
    found = [record_type(n) for names in PRINTS.values() for n in names]
    return list(dict.fromkeys(found))


def is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "_fields")


def nested_records(annotation: Any) -> list[type]:
    if is_record(annotation):
        return [annotation]
    return [r for arg in typing.get_args(annotation) for r in nested_records(arg)]


def options(annotation: Any) -> tuple[list[Any], bool]:
    """The non-None members of a union, and whether None is allowed."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = list(typing.get_args(annotation))
        return [m for m in members if m is not NONE], NONE in members
    return [annotation], False


def check_value(value: Any, annotation: Any, where: str) -> None:
    """Assert that a decoded JSON value fits the annotation of its field."""
    members, nullable = options(annotation)
    if value is None:
        assert nullable, f"{where}: null where {annotation} is not optional"
        return
    errors = []
    for member in members:
        try:
            _check_one(value, member, where)
            return
        except AssertionError as exc:
            errors.append(str(exc))
    raise AssertionError("; ".join(errors))


def _check_one(value: Any, annotation: Any, where: str) -> None:
    if is_record(annotation):
        assert isinstance(value, dict), f"{where}: {value!r} is not an object"
        check_record(value, annotation, where)
    elif isinstance(annotation, type) and issubclass(annotation, StrEnum):
        assert value in {e.value for e in annotation}, f"{where}: {value!r} not in {annotation}"
    elif annotation is bool:
        assert isinstance(value, bool), f"{where}: {value!r} is not a boolean"
    elif annotation is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r}"
    elif annotation is float:
        assert isinstance(value, int | float) and not isinstance(value, bool), f"{where}"
    elif annotation is str:
        assert isinstance(value, str), f"{where}: {value!r} is not a string"
    elif typing.get_origin(annotation) is tuple:
        assert isinstance(value, list), f"{where}: {value!r} is not an array"
        args = typing.get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            for i, item in enumerate(value):
                check_value(item, args[0], f"{where}[{i}]")
        else:
            assert len(value) == len(args), f"{where}: {value!r} has not {len(args)} items"
            for i, (item, arg) in enumerate(zip(value, args, strict=True)):
                check_value(item, arg, f"{where}[{i}]")
    else:
        raise AssertionError(f"{where}: no JSON rule for {annotation!r}")


def check_record(obj: dict[str, Any], record: type, where: str | None = None) -> None:
    fields = json_fields(record)
    where = where or record.__name__
    assert list(obj) == list(fields), f"{where}: fields {list(obj)} != {list(fields)}"
    for name, annotation in fields.items():
        check_value(obj[name], annotation, f"{where}.{name}")


def doc_type(annotation: Any) -> tuple[str, bool]:
    """The word a contract table's type column starts with, and whether it says 'null'."""
    members, nullable = options(annotation)
    words = {_word(m) for m in members}
    if words == {"integer", "number"}:
        words = {"number"}
    assert len(words) == 1, f"{annotation}: one JSON type expected, got {words}"
    return words.pop(), nullable


def _word(annotation: Any) -> str:
    if is_record(annotation):
        return "object"
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return "string"
    if typing.get_origin(annotation) is tuple:
        return "array"
    return {bool: "boolean", int: "integer", float: "number", str: "string"}[annotation]


def enum_values(annotation: Any) -> list[str]:
    members, _ = options(annotation)
    return [e.value for m in members if isinstance(m, type) and issubclass(m, StrEnum)
            for e in m]
