"""'Did you mean' suggestions for near-miss names."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(name: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """A hint naming the closest choice, or None when nothing is close."""
    from rapidfuzz import fuzz, process, utils

    # The whole name against the whole choice: a partial score (WRatio) finds "00" in
    # "eastern-europe-wire-2005" and "999" in any id, which no one meant.
    best = process.extractOne(name, list(choices), scorer=fuzz.QRatio,
                              processor=utils.default_process, score_cutoff=cutoff)
    return f"did you mean {best[0]!r}?" if best else None
