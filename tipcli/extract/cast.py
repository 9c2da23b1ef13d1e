"""A document's cast: the people and bodies it names, with their titles, read once so that a
later "Blinken said", "Mr. Chanwit", "the bureau" or "the minister" finds its full mention."""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import NamedTuple

from tipcli.extract.places import names_in
from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.kinds import SpeakerKind
from tipcli.lexicon.speakers import (
    GOVERNMENT_BODIES,
    HONORIFICS,
    NAME_PARTICLES,
    OFFICIAL_TITLES,
    OTHER_BODIES,
    PRIVATE_ROLES,
    TITLE_HEADS,
    TITLE_WORDS,
)


class Person(NamedTuple):
    start: int
    end: int
    name: str
    title: str | None



_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*(?:\.[^\W\d_]+)*\.?|\d+\.?|[^\w\s]")

_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "lt",
                            "col", "sen", "rep", "gov", "hon", "rev", "capt", "sgt", "maj"})

CONNECTORS = frozenset({"of", "the", "for", "to", "and", "in", "on", "against", "de", "del",
                         "des", "du", "la", "le", "et", "y"})

NOT_NAMES = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "in", "on", "at", "by", "for", "but", "and", "or", "if", "as", "after", "before", "when",
    "while", "since", "during", "under", "with", "from", "according", "report", "reports",
    "tier", "watch", "list", "government", "trafficking", "persons", "human", "people",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "related", "read", "more", "photo", "source", "sources", "note", "editor",
    "update", "updated", "breaking", "analysis", "opinion", "comment", "however", "meanwhile",
    "separately", "also", "still", "yet", "so", "then", "there", "here", "what", "why", "how",
    "who", "where", "our", "your", "their", "his", "her", "its", "my", "act", "law", "code",
    "convention", "protocol", "plan", "action", "strategy", "programme", "program", "sar",
    "hksar", "prc", "ngo", "ngos", "un", "eu", "us", "u.s.", "usa", "tip", "state",
})
_MONTH = re.compile(MONTHS + r"\.?$", re.IGNORECASE)

_ACRONYM = re.compile(r"(?<=\w)\s*\(([A-Z][A-Z0-9a-z]{1,11})\)")

_CAPITALISED_NAME = r"[A-Z][\w'’-]*(?:[ ]+(?:(?:of|for|and|the|in|on)[ ]+)*[A-Z][\w'’-]*)*"

_SPOKES_MENTION = re.compile(
    rf"(?P<of>{_CAPITALISED_NAME})[ ]+spokes(?:man|woman|person)\b"
    rf"|spokes(?:man|woman|person)[ ]+(?:for|of)[ ]+(?:the[ ]+)?(?P<for>{_CAPITALISED_NAME})")


def is_capital(word: str) -> bool:
    """A capitalised word, also after a lower-case prefix: "al-Rawahi", "d'Affaires"."""
    return word[:1].isupper() or (len(word) > 3 and word[1:4] != word[1:4].lower() and
                                  re.match(r"[a-z]{1,3}['’-][A-Z]", word) is not None)


def is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def lowered_words(text: str) -> frozenset[str]:
    """Words a text writes in lower case somewhere: no names ("Workers", "Domestic")."""
    return frozenset(_LOWER_WORD.findall(text))


class Cast:
    """The people and bodies one document names, in order; read on first need only, since
    most quotes name a government or the report."""

    def __init__(self, text: str, spans: list[tuple[int, int]],
                 named: list[tuple[int, int]] | None = None,
                 lowered: frozenset[str] | None = None) -> None:
        self.text = text
        self._spans = spans
        # The part of text the cast is of: a whole document, or one narrative of the report.
        self.floor = spans[0][0] if spans else 0
        self.ceiling = spans[-1][1] if spans else len(text)
        if lowered is not None:
            self.__dict__["lowered"] = lowered  # found once for the whole document
        self.lookups = 0
        # Where the document names places (offsets), when the caller has found them already.
        self._named = sorted(named) if named is not None else None
        self._named_starts = [n[0] for n in self._named] if self._named is not None else []

    @cached_property
    def lowered(self) -> frozenset[str]:
        """Words the document writes in lower case: no names ("Workers", "Domestic")."""
        return lowered_words(self.text)

    @cached_property
    def _runs(self) -> list[list[list[tuple[int, int, str]]]]:
        return [_runs(self.text, start, end) for start, end in self._spans]

    @cached_property
    def bodies(self) -> list[tuple[int, str]]:
        """(start, name) of every body the document names in full."""
        found = []
        for runs in self._runs:
            for run in runs:
                if len(run) > 1:
                    name = body_name(self.text[run[0][0]:run[-1][1]])
                    if name is not None and self.person_in(run) is None:
                        found.append((run[0][0], name))
        return sorted(found)

    @cached_property
    def people(self) -> list[Person]:
        """Every person the document names with a full name or a title, in order."""
        found: list[Person] = []
        for runs in self._runs:
            for n, run in enumerate(runs):
                if len(run) < 2:
                    continue  # a name needs two words, or a title and one
                person = self._read_run(run, runs[:n])
                if person is not None:
                    found.append(person)
        return sorted(found)

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.people]

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """"CICESCT" → the body named just before "(CICESCT)"."""
        found: dict[str, str] = {}
        for m in _ACRONYM.finditer(self.text, self.floor, self.ceiling):
            before = [run for run in _runs(self.text, max(0, m.start() - 160), m.start())
                      if run[-1][1] >= m.start() - 1]
            name = body_name(self.text[before[-1][0][0]:before[-1][-1][1]]) if before else None
            if name is not None:
                found[m.group(1)] = name
        return found

    def _read_run(self, run: list[tuple[int, int, str]],
                  before: list[list[tuple[int, int, str]]]) -> Person | None:
        person = self.person_in(run)
        if person is None or (person.title is None and person.start > run[0][0] and
                              body_name(self.text[run[0][0]:person.start]) is not None):
            return None
        if person.title is None and person.start == run[0][0]:
            # "Pro-establishment legislator Vincent Lau", "executive director Karen …"
            lead = re.search(r"((?:[\w'’-]+\s+){0,3})([a-z][\w-]*)\s+$",
                             self.text[max(0, person.start - 60):person.start])
            if lead and lead.group(2) in TITLE_HEADS:
                words = (lead.group(1) or "").split()
                while words and not (words[0][:1].isupper() or "-" in words[0] or
                                     words[0].lower() in TITLE_WORDS):
                    words.pop(0)
                person = person._replace(title=" ".join([*words, lead.group(2)]))
        if person.title is None and person.start > run[0][0]:
            # "U.S. Ambassador to Fiji, Kiribati, Nauru, Tonga and Tuvalu Daniel M. Arvidson"
            at = run[0][0]
            for previous in reversed(before[-5:]):
                if not re.fullmatch(r",\s|\sand\s|,\sand\s", self.text[previous[-1][1]:at]):
                    break
                at = previous[0][0]
                titled = [s for s, _, w in previous if w.lower().strip(".") in TITLE_HEADS]
                if titled:
                    person = person._replace(title=self.text[previous[0][0]:person.start].strip())
                    break
        return person

    def person_in(self, run: list[tuple[int, int, str]], text: str | None = None
                  ) -> Person | None:
        """A person named at the end of a run of capitalised words (in text, the document's
        by default), and the title before."""
        places = self._places_in(run, text)  # "… Republic of Korea Philip"
        text = self.text if text is None else text
        words = [w for _, _, w in run]
        cut = len(words)
        while cut > 0 and self._name_word(words[cut - 1]) and run[cut - 1][0] not in places:
            cut -= 1
        name = [w for w in words[cut:]]
        while name and name[0].lower() in NAME_PARTICLES:
            name.pop(0)
            cut += 1
        while cut < len(words) and words[cut].lower() in HONORIFICS | TITLE_WORDS and \
                len(words) - cut > 1:
            cut += 1
        name = words[cut:]
        titled = cut > 0 and any(w.lower().strip(".") in TITLE_HEADS | HONORIFICS
                                 for w in words[:cut])
        proper = [w for w in name if not is_initial(w) and w.lower() not in NAME_PARTICLES]
        if not proper or len(proper) > 4 or (len(proper) == 1 and not titled):
            return None
        start, end = run[cut][0], run[-1][1]
        title = " ".join(words[:cut]).strip() if titled else None
        if title and title.lower() in HONORIFICS:
            title = None if len(proper) > 1 else title
        return Person(start, end, " ".join(name), title)

    def _places_in(self, run: list[tuple[int, int, str]], text: str | None) -> set[int]:
        """The starts of the run's words that are part of a place's name."""
        if len(run) < 2:
            return set()
        if text is None and self._named is not None:
            first = bisect.bisect_right(self._named_starts, run[0][0]) - 1
            spans = self._named[max(0, first):bisect.bisect_right(self._named_starts, run[-1][1])]
        else:
            spans = [(m.start, m.end) for m in names_in(text if text is not None else self.text,
                                                         run[0][0], run[-1][1])]
        return {s for a, b in spans for s, _, _ in run if a <= s < b}

    def _name_word(self, word: str) -> bool:
        low = word.lower()
        if low in NAME_PARTICLES or is_initial(word):
            return True
        return (is_capital(word) and low not in NOT_NAMES and low.strip(".") not in TITLE_WORDS
                and low not in GOVERNMENT_BODIES and low not in OTHER_BODIES
                and not _MONTH.match(word) and low not in self.lowered
                and not (word.isupper() and len(word) > 1 and "." not in word))

    def known(self, token: str, at: int) -> Person | None:
        """The person a surname or first name alone stands for: the last full mention of
        someone with that name before at, else the first after it."""
        self.lookups += 1  # an answer that depends on where it is asked
        key = token.lower().strip(".")
        matches = [p for p in self.people if len(p.name.split()) > 1 and key in
                   [w.lower().strip(".") for w in p.name.split()]]
        before = [p for p in matches if p.start < at]
        return before[-1] if before else (matches[0] if matches else None)

    def last_before(self, at: int) -> Person | None:
        """The person named last before at, in full."""
        self.lookups += 1  # an answer that depends on where it is asked
        found = [p for p in self.people[:bisect.bisect_left(self._starts, at)]
                 if len(p.name.split()) > 1]
        return found[-1] if found else None

    def titled(self, title: str, at: int) -> Person | None:
        """The last person before at whose title contains these words ("the minister")."""
        self.lookups += 1  # an answer that depends on where it is asked
        words = [w for w in title.lower().split() if w not in ("the", "a", "an", "of")]
        found = [p for p in self.people[:bisect.bisect_left(self._starts, at)]
                 if p.title and all(w in p.title.lower() for w in words)]
        return found[-1] if found else None

    def title_of(self, name: str) -> str | None:
        """The title given to a person anywhere in the document (its fullest)."""
        titles = [p.title for p in self.people if p.name == name and p.title]
        return max(titles, key=len) if titles else None

    def spokes_before(self, at: int) -> str | None:
        """The body the last spokesperson named before at speaks for."""
        self.lookups += 1  # an answer that depends on where it is asked
        bodies = [re.sub(r"^(?:The|A|An)\s+", "", (m.group("of") or m.group("for")).strip())
                  for m in _SPOKES_MENTION.finditer(self.text, max(self.floor, at - 1500), at)]
        bodies = [b for b in bodies if b and b not in ("The", "A", "An")]
        return bodies[-1] if bodies else None

    def body(self, words: str, at: int) -> str | None:
        """The body a short name stands for ("the bureau", "The Concern Committee"): the
        last full name before at that ends with these words."""
        self.lookups += 1  # an answer that depends on where it is asked
        key = [w for w in words.split() if w.lower() != "the"]
        if not key:
            return None
        ending = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in key) + r"\b",
                            re.IGNORECASE)
        found = []
        for m in ending.finditer(self.text, self.floor, at):  # only where the words are written
            runs = _runs(self.text, max(0, m.start() - 160), m.end())
            run = runs[-1] if runs else None
            if run is None or run[-1][1] != m.end():
                continue
            name = body_name(self.text[run[0][0]:run[-1][1]])
            if name is not None and [w.lower() for w in name.split()][-len(key):] == \
                    [w.lower() for w in key]:
                found.append(name)
        return max(found[-3:], key=len) if found else None


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words with their offsets; a final full stop stays only on initials and abbreviations
    ("M.", "U.S.", "Mr."), not on the last word of a sentence."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word, stop = m.group(0), m.end()
        if word.endswith(".") and len(word) > 2 and "." not in word[:-1] and \
                word[:-1].lower() not in _ABBREVIATIONS:
            word, stop = word[:-1], stop - 1
        out.append((m.start(), stop, word))
    return out


# A capitalised word ("Arvidson", "M.", "U.S.", "al-Rawahi", "d'Affaires"): candidates for
# runs, found in one pass; the join between two of a run is one space, or connecting words.
_CAPITAL_WORD = re.compile(r"(?<![\w'’.-])(?:[^\W\d_a-z]|[a-z]{1,3}['’-](?=[A-Z]))[\w'’\-]*"
                           r"(?:\.[^\W\d_]+)*\.?")
_JOIN = re.compile(r"[ \u00a0](?:(?:" + "|".join(sorted(CONNECTORS | NAME_PARTICLES, key=len,
                                                       reverse=True)).replace(".", r"\.")
                   + r")[ \u00a0]){0,3}")


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words one space apart, with initials, particles and up to three
    connecting words ("of the") inside them."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    last_end = -1
    for m in _CAPITAL_WORD.finditer(text, start, end):
        word, stop = m.group(0), m.end()
        if not is_capital(word):
            continue
        if word.endswith(".") and len(word) > 2 and "." not in word[:-1] and \
                word[:-1].lower() not in _ABBREVIATIONS:
            word, stop = word[:-1], stop - 1
        if current and _JOIN.fullmatch(text, last_end, m.start()):
            current.extend(tokens(text, last_end, m.start()))  # "of the" inside
            current.append((m.start(), stop, word))
        else:
            if current:
                runs.append(current)
            current = [(m.start(), stop, word)]
        last_end = stop
    if current:
        runs.append(current)
    return runs


_BEFORE_THE = frozenset({"of", "for", "in", "on", "to", "against", "and", "at", "by", "with"})


def body_name(words: str) -> str | None:
    """The name of a body, when these capitalised words are one ("Security Bureau", "the
    Office of the Commissioner of …"): without a leading "The" or a place's possessive
    ("Qatar's Government Communications Office")."""
    words = re.sub(r"^(?:the|The)\s+", "", words.strip())
    words = re.sub(r"^[A-Z][\w .-]{1,30}?(?:'s|’s)\s+(?=[A-Z])", "", words)
    if not is_capital(words):
        return None  # "the the US State": no name
    tokens = words.split()
    if any(t == "the" and tokens[i - 1].lower() not in _BEFORE_THE
           for i, t in enumerate(tokens) if i):
        return None  # "Persons the US State Department": no one name
    heads = [t.lower().strip(".,") for t in tokens if is_capital(t)]
    if not any(h in GOVERNMENT_BODIES or h in OTHER_BODIES for h in heads):
        return None
    if len(tokens) == 1:
        return None  # "Department", "Police": a name needs more than its head
    while tokens and tokens[-1].lower() in CONNECTORS:
        tokens.pop()
    return " ".join(tokens) or None


def body_kind(name: str) -> SpeakerKind:
    heads = {t.lower().strip(".,") for t in name.split()}
    return SpeakerKind.OTHER if heads & OTHER_BODIES else SpeakerKind.GOVERNMENT


def person_kind(title: str | None) -> SpeakerKind:
    """An official when the title holds an office; otherwise other."""
    if not title:
        return SpeakerKind.OTHER
    low = title.lower()
    official = min((low.find(w) for w in OFFICIAL_TITLES if w in low), default=-1)
    private = min((low.find(w) for w in PRIVATE_ROLES if w in low), default=-1)
    if official >= 0 and (private < 0 or official < private):
        return SpeakerKind.OFFICIAL
    return SpeakerKind.OTHER
