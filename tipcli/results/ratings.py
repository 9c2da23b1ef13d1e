"""Records for `rating`: one verdict per jurisdiction and report year, and its alternatives."""

from typing import NamedTuple

from tipcli.lexicon.kinds import Basis, Tier
from tipcli.results import Evidence


class Alternative(NamedTuple):
    """A tier some source gives a jurisdiction-year other than the verdict."""

    tier: Tier
    basis: Basis
    sources: int
    evidence: tuple[Evidence, ...]


class Rating(NamedTuple):
    """The verdict for one jurisdiction and report year, with every tier sources give."""

    id: str  # "hong-kong/2022"
    jurisdiction: str
    year: int | None  # None: no source tells which report
    tier: Tier | None  # None: sources tie, so no verdict
    basis: Basis | None
    sources: int  # independent documents behind the verdict
    evidence: tuple[Evidence, ...]
    conflict: bool  # does any source state another tier?
    alternatives: tuple[Alternative, ...]
