"""Shell completion of values: document ids, jurisdictions and metrics.

Each completer is a plain function of what was typed that returns the words to offer
(a case-insensitive prefix match). `Completed` wraps one as a click type, so that an
option or argument takes it with `click_type=`; it converts exactly as click's string
type does. (typer's `autocompletion=` keeps only values that start with the typed text
as typed, which would drop "Hong Kong" for "hon".)

This module is imported with the command modules, so it imports nothing at the top
that a lookup does not already load: the store, the gazetteer and the metrics table
are read only when the shell asks for a completion. A completer never builds or
repairs the store and never prints: whatever goes wrong, it offers nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from typer._click.types import StringParamType

if TYPE_CHECKING:
    from typer._click.core import Context, Parameter
    from typer._click.shell_completion import CompletionItem

# The variable typer's completion scripts set for `tipcli` ("complete_bash", ...).
COMPLETE_VAR = "_TIPCLI_COMPLETE"

# What bash may read in a completed word without a backslash (the rest, such as a
# space, a quote or a colon, gets one).
_BASH_SPECIAL = r"([^\w@%+,./-])"


def document_ids(incomplete: str) -> list[str]:
    """Every document's id and short id that starts with incomplete."""
    return _matching(_with_short_ids(_documents(), added_only=False), incomplete)


def added_document_ids(incomplete: str) -> list[str]:
    """The documents `tipcli remove` can remove (the added ones), by id and short id."""
    return _matching(_with_short_ids(_documents(), added_only=True), incomplete)


def jurisdictions(incomplete: str) -> list[str]:
    """Canonical place names from the gazetteer, and `all`."""
    from tipcli.lexicon.places import gazetteer

    return _matching(["all", *gazetteer().canonical], incomplete)


def metrics(incomplete: str) -> list[str]:
    """The metric names of the closed vocabulary."""
    from tipcli.lexicon.metrics import METRICS

    return _matching([metric.name for metric in METRICS], incomplete)


def _key(text: str) -> str:
    """What typed text and a word are compared in: case and diacritics folded."""
    import unicodedata

    text = text.casefold()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def _matching(words: Iterable[str], incomplete: str) -> list[str]:
    typed = _key(incomplete)
    return [word for word in dict.fromkeys(words) if _key(word).startswith(typed)]


def _with_short_ids(docs: dict[str, bool], added_only: bool) -> list[str]:
    """Each id followed by its short id (tipcli.docids: unique, so each names one document)."""
    from tipcli.docids import short_ids

    shorts = short_ids(docs)
    words = []
    for doc, added in docs.items():
        if added or not added_only:
            words += [doc] if shorts[doc] == doc else [doc, shorts[doc]]
    return words


def _documents() -> dict[str, bool]:
    """Every document id, and whether it was added (rather than a seed): from the store
    when it is fresh, else from the document folders.

    Read-only: the store is opened only if it is there and up to date, and never
    built, synced or repaired.
    """
    from tipcli.db import current_stamps
    from tipcli.paths import index_path, tipcli_home
    from tipcli.store import check

    home = tipcli_home()
    _, conn = check(index_path(home), current_stamps(home))
    if conn is None:  # missing, stale or damaged: the files say which documents there are
        from tipcli.documents import added_files, seed_files

        found = [(p.name, False) for p in seed_files()] + [(p.name, True)
                                                           for p in added_files(home)]
        return dict(sorted(found))
    try:
        return {doc: bool(added) for doc, added in conn.execute(
            "SELECT doc, origin = 'added' FROM documents ORDER BY doc")}
    finally:
        conn.close()


def _bash_word(word: str) -> str:
    """word as bash must see it to read one word: `Hong\\ Kong`."""
    return re.sub(_BASH_SPECIAL, r"\\\1", word)


class Completed(StringParamType):
    """Text, converted as click's string type; completed by a function of what was typed."""

    def __init__(self, words: Callable[[str], list[str]]) -> None:
        self.words = words

    def shell_complete(self, ctx: Context, param: Parameter,
                       incomplete: str) -> list[CompletionItem]:
        from typer._click.shell_completion import CompletionItem

        try:
            words = self.words(incomplete)
        except Exception:  # completion is a convenience: never an error on the terminal
            return []
        # bash inserts a completion as it is: a space or quote in it needs a backslash.
        # (zsh and fish quote what they insert themselves.)
        bash = os.environ.get(COMPLETE_VAR, "").endswith("_bash")
        return [CompletionItem(_bash_word(w) if bash else w) for w in words
                if w.isprintable()]


DOCUMENT = Completed(document_ids)
ADDED_DOCUMENT = Completed(added_document_ids)
JURISDICTION = Completed(jurisdictions)
METRIC = Completed(metrics)
