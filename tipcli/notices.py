"""What the core tells the user on the way: notices ("rebuilding the store") and progress."""

from __future__ import annotations

from collections.abc import Callable

Sink = Callable[[str], None]
# Called with (done, total) as documents are indexed.
Progress = Callable[[int, int], None]

# The core never prints: the command line installs a sink that writes to stderr.
# Without one (tipcli used as a library), notices are dropped.
_sink: Sink | None = None


def listen(sink: Sink | None) -> None:
    """Send every later notice to sink (None: drop them)."""
    global _sink
    _sink = sink


def notify(message: str) -> None:
    if _sink is not None:
        _sink(message)
