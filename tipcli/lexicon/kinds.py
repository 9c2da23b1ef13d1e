"""The closed sets of values that facts carry: tiers, bases, fact kinds and speaker kinds."""

from enum import StrEnum


class Tier(StrEnum):
    """A TIP Report rating, best first (the ladder's order)."""

    TIER_1 = "Tier 1"
    TIER_2 = "Tier 2"
    WATCH_LIST = "Tier 2 Watch List"
    TIER_3 = "Tier 3"

    @property
    def rank(self) -> int:
        """0 for the best tier; a higher rank is a worse rating."""
        return list(Tier).index(self)

    @property
    def code(self) -> str:
        """A short code for one-cell views and ids: T1, T2, WL, T3."""
        return _TIER_CODES[self]


_TIER_CODES = {Tier.TIER_1: "T1", Tier.TIER_2: "T2", Tier.WATCH_LIST: "WL", Tier.TIER_3: "T3"}


class Basis(StrEnum):
    STATED = "stated"  # the words say it of that year
    INFERRED = "inferred"  # it follows from the words ("for a third consecutive year")


class FactKind(StrEnum):
    RATING = "rating"
    FIGURE = "figure"
    QUOTE = "quote"


class SpeakerKind(StrEnum):
    REPORT = "report"  # the TIP Report, the State Department, a US mission
    GOVERNMENT = "government"  # a government or one of its bodies
    OFFICIAL = "official"  # a person holding office
    OTHER = "other"
