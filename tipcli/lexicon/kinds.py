"""The closed sets of values answers carry: tiers, bases, source and input kinds, speakers."""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    """A TIP Report rating, best first (the ladder's order)."""

    TIER_1 = "Tier 1"
    TIER_2 = "Tier 2"
    WATCH_LIST = "Tier 2 Watch List"
    TIER_3 = "Tier 3"
    SPECIAL_CASE = "Special Case"  # off the ladder: places where the report cannot judge

    @property
    def rank(self) -> int:
        """0 for the best tier; a higher rank is a worse rating (Special Case last)."""
        return list(Tier).index(self)

    def step(self, by: int) -> Tier | None:
        """The tier by steps down the ladder (negative: up), or None off its ends."""
        ladder = [Tier.TIER_1, Tier.TIER_2, Tier.WATCH_LIST, Tier.TIER_3]
        if self not in ladder or not 0 <= ladder.index(self) + by < len(ladder):
            return None
        return ladder[ladder.index(self) + by]

    @property
    def code(self) -> str:
        """A short code for one-cell views and ids: T1, T2, WL, T3."""
        return _TIER_CODES[self]


_TIER_CODES = {Tier.TIER_1: "T1", Tier.TIER_2: "T2", Tier.WATCH_LIST: "WL", Tier.TIER_3: "T3",
               Tier.SPECIAL_CASE: "SC"}


class Basis(StrEnum):
    STATED = "stated"  # the words say it of that year
    INFERRED = "inferred"  # it follows from the words ("for a third consecutive year")


class SourceKind(StrEnum):
    """Who a document speaks for."""

    REPORT = "report"  # US government text: the report, its narratives, embassy releases
    NEWS = "news"
    GOVERNMENT = "government"  # a rated government's own statement
    OTHER = "other"


class InputKind(StrEnum):
    """What a document was added from (not to be confused with its origin, seed or added)."""

    SEED = "seed"  # shipped with tipcli
    FILE = "file"  # a text file or a saved web page
    URL = "url"  # fetched by `tipcli add https://…` (a page, or a PDF served there)
    PDF = "pdf"  # a PDF file


class SpeakerKind(StrEnum):
    REPORT = "report"  # the TIP Report, the State Department, a US mission
    GOVERNMENT = "government"  # a government or one of its bodies
    OFFICIAL = "official"  # a person holding office
    OTHER = "other"
