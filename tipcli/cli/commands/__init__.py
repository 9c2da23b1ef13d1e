"""Every tipcli command, in the order `tipcli --help` lists them, imported only when needed."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# Command name -> the module under tipcli.cli.commands that defines it (as a
# function of the same name, with a trailing underscore where the name is a
# Python keyword). Building a command costs typer a signature walk, so a call
# builds only the one it runs.
COMMANDS: dict[str, str] = {
    "rating": "rating",
    "stats": "stats",
    "quotes": "quotes",
    "search": "search",
    "sources": "sources",
    "add": "add",
    "remove": "remove",
    "index": "index",
}


def load(name: str) -> Callable[..., Any]:
    """The function behind the command called name."""
    module = importlib.import_module(f"tipcli.cli.commands.{COMMANDS[name]}")
    function: Callable[..., Any] = getattr(module, name.replace("-", "_"))
    return function
