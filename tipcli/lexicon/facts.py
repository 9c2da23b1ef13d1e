"""The closed sets extractors tag facts with: what a fact is, and the form of words that states a
rating (kept apart from lexicon.kinds so that a lookup never builds them)."""

from enum import StrEnum


class FactKind(StrEnum):
    RATING = "rating"
    FIGURE = "figure"
    QUOTE = "quote"


class RatingForm(StrEnum):
    """How a text states a rating (docs/corpus.md defines each)."""

    NAMED = "named"
    SPELLING = "spelling"
    HEADING = "heading"
    DESCRIBED = "described"
    TRANSLATION = "translation"
    SPECIAL_CASE = "special_case"
    MOVE = "move"
    MOVE_ORIGIN = "move_origin"
    DURATION = "duration"
    RANGE = "range"
    MULTI_PLACE = "multi_place"
    LIST_PAGE = "list_page"
    REBUTTAL = "rebuttal"
