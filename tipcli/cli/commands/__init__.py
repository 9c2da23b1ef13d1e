"""Every tipcli command, in the order `tipcli --help` lists them, imported only when needed."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# Each command is the function of its name in the module of its name under
# tipcli.cli.commands. Building a command costs typer a signature walk, so a
# call builds only the one it runs.
COMMANDS = ("rating", "stats", "quotes", "search", "show", "sources", "add", "remove",
            "index")
# The records each command prints ("module:Class" under tipcli.results, as text so
# that this table imports nothing): the contract tests and docs are generated from it.
PRINTS: dict[str, tuple[str, ...]] = {
    "rating": ("ratings:Rating",), "stats": ("figures:Figure", "figures:Metric"),
    "quotes": ("quotes:Quote",),
    "search": ("documents:Hit", "documents:DocCount", "documents:DocMatch"),
    "show": ("show:Excerpt", "show:Citation"), "sources": ("documents:Source",),
    "add": ("documents:Change", "documents:Preview"), "remove": ("documents:Change",),
    "index": ("documents:Change",),
}


def load(name: str) -> Callable[..., Any]:
    """The function behind the command called name."""
    function: Callable[..., Any] = getattr(
        importlib.import_module(f"tipcli.cli.commands.{name}"), name)
    return function
