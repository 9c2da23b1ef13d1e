"""Document ids as people type them: the short form tables show, and any unique prefix."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable

from tipcli.errors import UsageProblem

# Seeds are "000_9de49e92cb8ba1bd.txt"; a renamed duplicate is "notes~1fc0ef9a.txt".
_HASHED = re.compile(r"^(?P<readable>.+?)[_~][0-9a-f]{8,}(?:\.[A-Za-z0-9]+)?$")
_TEXT_SUFFIX = ".txt"


def readable_part(doc: str) -> str:
    """The part of an id a person reads: hashes and a .txt suffix cut off."""
    hashed = _HASHED.match(doc)
    if hashed:
        return hashed["readable"]
    return doc[: -len(_TEXT_SUFFIX)] if doc.endswith(_TEXT_SUFFIX) and doc != _TEXT_SUFFIX \
        else doc


def short_ids(docs: Iterable[str]) -> dict[str, str]:
    """Each id's short form: its readable part when no other id shares it, else the whole id.

    Short forms are unique, and each is a prefix of its id, so resolve() takes them back.
    """
    wanted = {doc: readable_part(doc) for doc in docs}
    shared = Counter(wanted.values())
    return {doc: short if (shared[short] == 1 and short not in wanted) or short == doc else doc
            for doc, short in wanted.items()}


def resolve(given: str, docs: Collection[str], *, what: str = "document") -> str:
    """The id a user means: the id itself, its short form, or any prefix of one id only.

    An ambiguous prefix, or no match, is a UsageProblem that names the candidates.
    """
    if given in docs:
        return given
    if not given.strip():  # every id starts with "": no one document is meant
        raise UsageProblem(f"the {what} id is empty", "see 'tipcli sources' for the ids")
    shorts = short_ids(docs)
    exact = [doc for doc, short in shorts.items() if short == given]
    if len(exact) == 1:
        return exact[0]
    matches = sorted(doc for doc in docs if doc.startswith(given))
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(shorts[m] for m in matches[:6]) + (", …" if len(matches) > 6 else "")
        raise UsageProblem(f"{given!r} names {len(matches)} {what}s",
                           f"did you mean one of: {shown}?")
    from tipcli.suggest import did_you_mean

    raise UsageProblem(f"no {what} {given!r}",
                       did_you_mean(given, sorted({*docs, *shorts.values()}))
                       or "see 'tipcli sources'")
