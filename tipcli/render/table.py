"""Rich tables for the terminal, chosen by the result's record type; document text is shown as
plain, escaped text, never markup."""

from __future__ import annotations

import importlib
from typing import Any

from rich.text import Text

from tipcli.render.parts import console
from tipcli.results import Result

# Record type (by name) -> (module under tipcli.render, function): only the table
# being drawn, and only the records it shows, are imported.
TABLES: dict[str, tuple[str, str]] = {
    "Hit": ("listings", "hits_table"),
    "DocCount": ("listings", "counts_table"),
    "DocMatch": ("listings", "files_list"),
    "Source": ("listings", "sources_table"),
    "Change": ("listings", "changes_table"),
    "Preview": ("listings", "previews_table"),
    "Rating": ("ratings", "ratings_table"),
    "Figure": ("figures", "figures_table"),
    "Metric": ("figures", "metrics_table"),
    "Quote": ("quotes", "quotes_table"),
    "Excerpt": ("show", "excerpts_table"),
    "Citation": ("show", "citations_table"),
}


def render_table(result: Result[Any]) -> None:
    module, function = TABLES[result.record.__name__]
    builder = getattr(importlib.import_module(f"tipcli.render.{module}"), function)
    rendered = builder(result)
    out = console()
    for part in rendered if isinstance(rendered, list) else [rendered]:
        # A part that must stay one line (a document id, `search -l`, a citation to paste)
        # is printed whole, uncut.
        one_line = (isinstance(part, Text) and part.no_wrap is True) or getattr(
            part, "soft_wrap", False) is True
        out.print(part, soft_wrap=one_line)
