"""Records for `quotes`: who said what, and where."""

from typing import NamedTuple

from tipcli.lexicon.kinds import SpeakerKind
from tipcli.results import Evidence


class Quote(NamedTuple):
    id: str  # "DOC:OFFSET" of the opening quotation mark, in the fuller version
    speaker: str  # the entity: "Antony Blinken", "Hong Kong government", "TIP Report"
    speaker_title: str | None  # the title the text gives a person
    speaker_as_written: str | None  # the words that attribute the quote, as written
    speaker_kind: SpeakerKind
    text: str
    form: str  # "statement", or "phrase" for a few words quoted inside a sentence
    year: int | None  # the report year
    published: str | None
    doc: str
    evidence: tuple[Evidence, ...]  # the quoted words; versions of one article all listed
