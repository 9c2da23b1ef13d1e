"""Rendering: one entry point turns a Result into a table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from tipcli.results import Result


def render_result(result: Result[Any], fmt: str, fields: Sequence[str] | None = None,
                  spreadsheet: bool = False) -> None:
    """Write result to stdout in fmt; data only, never messages. fields (--fields) and
    spreadsheet (--spreadsheet) shape the machine formats (render/plain.py)."""
    if fmt == "table":
        from tipcli.render.table import render_table

        render_table(result)
        return
    from tipcli.render import plain

    plain.write(result, fmt, sys.stdout, fields, spreadsheet)
