"""Speakers: the words that attribute a quote, resolved to one entity (a person, a body, a
government, the report) with its title and kind, or to nothing when they name nobody.

A document's cast (the people and bodies it names, with their titles) is read once, so
that a later "Blinken said", "Mr. Chanwit", "the bureau" or "the minister" resolves to
the full mention before it.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from tipcli.extract.places import mentions, names_in
from tipcli.lexicon.calendar import MONTHS
from tipcli.lexicon.kinds import SpeakerKind
from tipcli.lexicon.places import gazetteer
from tipcli.lexicon.speakers import (
    GOVERNMENT_BODIES,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_PARTICLES,
    OFFICIAL_TITLES,
    OTHER_BODIES,
    OUTLETS,
    PRIVATE_ROLES,
    REPORT_ENTITY,
    REPORT_WORDS,
    SPOKES_NOUNS,
    TITLE_HEADS,
    TITLE_WORDS,
    US_BODIES,
)


class Speaker(NamedTuple):
    name: str  # the entity: "Antony Blinken", "Hong Kong government", "TIP Report"
    title: str | None  # the title the text gives a person ("Secretary of State")
    kind: SpeakerKind
    person: bool = False


class Person(NamedTuple):
    start: int
    end: int
    name: str
    title: str | None


_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*(?:\.[^\W\d_]+)*\.?|\d+\.?|[^\w\s]")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "lt",
                            "col", "sen", "rep", "gov", "hon", "rev", "capt", "sgt", "maj"})
_CONNECTORS = frozenset({"of", "the", "for", "to", "and", "in", "on", "against", "de", "del",
                         "des", "du", "la", "le", "et", "y"})
_NOT_NAMES = frozenset({
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
_PRONOUN_PERSON = frozenset({"he", "she", "him", "her"})
_PRONOUN_BODY = frozenset({"it", "they", "its"})
_SPOKES_FOR = re.compile(
    r"^(?:an?|the|one)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(SPOKES_NOUNS) + r")s?\s+"
    r"(?:for|of|from|at|with|in|on\s+behalf\s+of)\s+(?P<body>.+)$", re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,11})\)")
_CAPITALISED_NAME = r"[A-Z][\w'’-]*(?:[ ]+(?:(?:of|for|and|the|in|on)[ ]+)*[A-Z][\w'’-]*)*"
_SPOKES_MENTION = re.compile(
    rf"(?P<of>{_CAPITALISED_NAME})[ ]+spokes(?:man|woman|person)\b"
    rf"|spokes(?:man|woman|person)[ ]+(?:for|of)[ ]+(?:the[ ]+)?(?P<for>{_CAPITALISED_NAME})")
_SPOKES_OF = re.compile(r"^(?P<body>.+?)(?:'s?|’s?)?\s+(?:(?:chief|senior|top|deputy|press)\s+)?"
                        r"(?:spokes(?:man|woman|person)|official|representative)$",
                        re.IGNORECASE)
_BARE_SPOKES = re.compile(r"^(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|"
                          r"official|officials|source|sources|representative)$", re.IGNORECASE)
_GOVERNMENT = re.compile(r"\b(?:government|govt|administration|authorities|cabinet|"
                         r"executive\s+council)\b", re.IGNORECASE)
_GENERIC_GOVERNMENT = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Oo]ur|[Tt]heir)\s+(?:[a-z][\w'’-]*\s+)"
                                 r"{0,2}(?:[Gg]overnment|[Aa]dministration|[Aa]uthorities|"
                                 r"[Cc]abinet)\b")
_LOCAL = re.compile(r"\b(?:city|city's|city’s|territory|territory's|country|country's|"
                    r"nation|nation's|sar|hksar|our|the\s+local|local|island|kingdom|republic|"
                    r"state's|region's)\b", re.IGNORECASE)
_REPORT = re.compile(REPORT_WORDS + r"$", re.IGNORECASE)
_REPORT_NEAR = re.compile(r"\b(?:the|this)\s+(?:\w+\s+)?report\b", re.IGNORECASE)
_US_BODIES = [(re.compile(p + r"$"), name) for p, name in US_BODIES]
# An apposition that says who someone is: "a lawyer with …", "who runs …", "director
# general of …", "NUS Faculty of Law".
_ROLE = re.compile(r"^(?:an?\s|the\s|vice[-\s]|who\s+(?:heads|runs|directs|leads|chairs|founded|"
                   r"co-founded|represents|works|teaches|manages|coordinates|oversees|is|was|serves)\b|"
                   r"(?:former|acting|deputy|senior|chief|head|director|executive|spokes|"
                   r"secretary|minister|president|chair|founder|professor|lecturer|researcher|"
                   r"analyst|lawyer|attorney|officer|official|coordinator|manager|adviser|"
                   r"advisor|commissioner))", re.IGNORECASE)
_TITLE_ONLY = re.compile(r"^(?:the|a|an)\s+(?P<title>[\w\s'’.-]+)$", re.IGNORECASE)


def _is_capital(word: str) -> bool:
    """A capitalised word, also after a lower-case prefix: "al-Rawahi", "d'Affaires"."""
    return word[:1].isupper() or re.match(r"[a-z]{1,3}['’-][A-Z]", word) is not None


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


class Cast:
    """The people and bodies one document names, in order."""

    def __init__(self, text: str, spans: list[tuple[int, int]], lowered: frozenset[str]) -> None:
        self.text = text
        self.lowered = lowered  # words the document writes in lower case: no names
        self.people: list[Person] = []
        self.bodies: list[tuple[int, str]] = []
        for start, end in spans:
            runs = _runs(text, start, end)
            for n, run in enumerate(runs):
                self._read_run(run, runs[:n])
        self.acronyms: dict[str, str] = {}  # "CICESCT" → the body named before "(CICESCT)"
        for start, name in self.bodies:
            end = text.find(name, start) + len(name)
            acronym = _ACRONYM_AFTER.match(text, end)
            if acronym:
                self.acronyms[acronym.group(1)] = name
        self.people.sort()
        self.bodies.sort()
        self._starts = [p.start for p in self.people]

    def _read_run(self, run: list[tuple[int, int, str]],
                  before: list[list[tuple[int, int, str]]]) -> None:
        person = self.person_in(run)
        if person is None or (person.title is None and person.start > run[0][0] and
                              body_name(self.text[run[0][0]:person.start]) is not None):
            body = body_name(self.text[run[0][0]:run[-1][1]])
            if body is not None:
                self.bodies.append((run[0][0], body))
            return
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
        self.people.append(person)

    def person_in(self, run: list[tuple[int, int, str]], text: str | None = None
                  ) -> Person | None:
        """A person named at the end of a run of capitalised words (in text, the document's
        by default), and the title before."""
        text = self.text if text is None else text
        places = {s for m in names_in(text, run[0][0], run[-1][1])
                  for s, _, _ in run if m.start <= s < m.end}  # "… Republic of Korea Philip"
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
        proper = [w for w in name if not _is_initial(w) and w.lower() not in NAME_PARTICLES]
        if not proper or len(proper) > 4 or (len(proper) == 1 and not titled):
            return None
        start, end = run[cut][0], run[-1][1]
        title = " ".join(words[:cut]).strip() if titled else None
        if title and title.lower() in HONORIFICS:
            title = None if len(proper) > 1 else title
        return Person(start, end, " ".join(name), title)

    def _name_word(self, word: str) -> bool:
        low = word.lower()
        if low in NAME_PARTICLES or _is_initial(word):
            return True
        return (_is_capital(word) and low not in _NOT_NAMES and low.strip(".") not in TITLE_WORDS
                and low not in GOVERNMENT_BODIES and low not in OTHER_BODIES
                and low not in self.lowered and not _MONTH.match(word)
                and not (word.isupper() and len(word) > 1 and "." not in word))

    def known(self, token: str, at: int) -> Person | None:
        """The person a surname or first name alone stands for: the last full mention of
        someone with that name before at, else the first after it."""
        key = token.lower().strip(".")
        matches = [p for p in self.people if len(p.name.split()) > 1 and key in
                   [w.lower().strip(".") for w in p.name.split()]]
        before = [p for p in matches if p.start < at]
        return before[-1] if before else (matches[0] if matches else None)

    def last_before(self, at: int) -> Person | None:
        """The person named last before at, in full."""
        found = [p for p in self.people[:bisect.bisect_left(self._starts, at)]
                 if len(p.name.split()) > 1]
        return found[-1] if found else None

    def titled(self, title: str, at: int) -> Person | None:
        """The last person before at whose title contains these words ("the minister")."""
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
        bodies = [re.sub(r"^(?:The|A|An)\s+", "", (m.group("of") or m.group("for")).strip())
                  for m in _SPOKES_MENTION.finditer(self.text, max(0, at - 1500), at)]
        bodies = [b for b in bodies if b and b not in ("The", "A", "An")]
        return bodies[-1] if bodies else None

    def body(self, words: str, at: int) -> str | None:
        """The body a short name stands for ("the bureau", "The Concern Committee"): the
        last full name before at that ends with these words."""
        key = [w.lower() for w in words.split() if w.lower() != "the"]
        if not key:
            return None
        found = [name for start, name in self.bodies if start < at and
                 [w.lower() for w in name.split()][-len(key):] == key]
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


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words one space apart, with initials, particles and up to three
    connecting words ("of the") inside them."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []
    last_end = start
    for token in tokens(text, start, end):
        s, _, word = token
        spaced = text[last_end:s] in (" ", "\u00a0")
        if _is_capital(word):
            if current and spaced:
                current.extend(pending)
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = [token]
            pending = []
        elif current and spaced and word.lower() in _CONNECTORS | NAME_PARTICLES and \
                len(pending) < 3:
            pending.append(token)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
        last_end = token[1]
    if current:
        runs.append(current)
    return runs


def body_name(words: str) -> str | None:
    """The name of a body, when these capitalised words are one ("Security Bureau", "the
    Office of the Commissioner of …"): without a leading "The" or a place's possessive
    ("Qatar's Government Communications Office")."""
    words = re.sub(r"^(?:the|The)\s+", "", words.strip())
    words = re.sub(r"^[A-Z][\w .-]{1,30}?(?:'s|’s)\s+(?=[A-Z])", "", words)
    tokens = words.split()
    heads = [t.lower().strip(".,") for t in tokens if _is_capital(t)]
    if not any(h in GOVERNMENT_BODIES or h in OTHER_BODIES for h in heads):
        return None
    if len(tokens) == 1 and tokens[0].lower() in ("government", "state", "police"):
        return None
    while tokens and tokens[-1].lower() in _CONNECTORS:
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


class Resolver:
    """Resolves the words attributing quotes in one document, in document order."""

    def __init__(self, text: str, cast: Cast, primary: str | None, government_text: bool
                 ) -> None:
        self.text = text
        self.cast = cast
        self.primary = primary
        self.government_text = government_text  # a government's own statement
        self.last_person: Speaker | None = None
        self.last_person_at = -1
        self.last_body: Speaker | None = None
        self.last_spokes: Speaker | None = None
        self.titles: dict[str, str] = {}  # the title each person was first given

    def heard(self, speaker: Speaker, at: int) -> None:
        """Remember a speaker, for a later "he added" or "the spokesman said"."""
        if speaker.person:
            self.last_person, self.last_person_at = speaker, at
        else:
            self.last_body = speaker

    def _last_person(self, at: int) -> Speaker | None:
        """Who "he" or "she" is: the person last quoted, or one named since (with a title
        or a full name) just before the quote."""
        named = self.cast.last_before(at)
        if named is not None and named.start > self.last_person_at and \
                (self.last_person is None or named.name != self.last_person.name):
            return self._speaker_for(named, None)
        return self.last_person

    def resolve(self, words: str, at: int, apposition: str | None = None) -> Speaker | None:
        """The entity these attributing words name, or None when they name nobody."""
        w = " ".join(words.split()).strip(" ,;:—–-")
        w = re.sub(r"^(?:and|but|while|as|so|then)\s+", "", w, flags=re.IGNORECASE)
        low = w.lower()
        if not w or low in _NOT_NAMES - {"it", "he", "she", "they"} or low in GROUP_NOUNS:
            return None
        if low in _PRONOUN_PERSON:
            return self._last_person(at)
        if low in _PRONOUN_BODY:
            if self.last_body is None and _REPORT_NEAR.search(self.text, max(0, at - 300), at):
                return Speaker(REPORT_ENTITY, None, SpeakerKind.REPORT)  # "… the report. It notes"
            return self.last_body
        if low in OUTLETS:
            return None
        if _REPORT.match(w):
            return Speaker(REPORT_ENTITY, None, SpeakerKind.REPORT)
        bare = re.sub(r"^(?:the|The)\s+", "", w)
        for pattern, name in _US_BODIES:
            m = pattern.match(bare)
            if m:
                return Speaker(self._us_body(name, m), None, SpeakerKind.REPORT)
        spokes = _SPOKES_FOR.match(w)
        if spokes:
            return self._for_body(spokes.group("body"), at)
        if _BARE_SPOKES.match(w) and not _GOVERNMENT.search(w):
            if self.last_spokes is not None:
                return self.last_spokes
            body = self.cast.spokes_before(at)
            if body is not None:  # "Ministry of Foreign Affairs spokesman … The spokesman said"
                return self._for_body(body, at)
            return self._government(w) if self.government_text else None
        owner = _SPOKES_OF.match(w)
        if owner and not _TITLE_ONLY.match(w):
            return self._for_body(owner.group("body"), at)
        if owner:
            inner = self._for_body(owner.group("body"), at)
            if inner is not None:
                return inner
        return self._named(w, at, apposition)

    def _for_body(self, body: str, at: int) -> Speaker | None:
        """The body an unnamed spokesperson or official speaks for."""
        body = body.strip()
        found = self._government(body) if _GOVERNMENT.search(body) and \
            body_name_without_government(body) is None else None
        if found is None:
            found = self._body(body, at)
        if found is None:
            for pattern, name in _US_BODIES:
                m = pattern.match(re.sub(r"^(?:the|The)\s+", "", body))
                if m:
                    found = Speaker(self._us_body(name, m), None, SpeakerKind.REPORT)
                    break
        if found is None and len(body.split()) <= 10 and any(
                w.lower().strip(",.") in GOVERNMENT_BODIES - {"state", "government"}
                for w in body.split()):
            # "a spokesman for Beijing's foreign affairs office in Hong Kong": the office,
            # named as the text names it.
            name = re.sub(r"^(?:the|The)\s+", "", body)
            found = Speaker(name, None, body_kind(name))
        if found is not None:
            self.last_spokes = found
        return found

    def _named(self, w: str, at: int, apposition: str | None) -> Speaker | None:
        if re.search(r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$", w):  # ends in a name
            person = self._person(w, at, apposition)
            if person is not None:  # "Thai government spokesman Col. Wirote Chaiyaporn"
                return person
        if _GOVERNMENT.search(w) and body_name_without_government(w) is None:
            found = self._government(w)
            if found is not None:
                self.last_spokes = found
            return found
        run = tokens(w, 0, len(w))
        named = self.cast.person_in(run, w) if run else None
        if named is not None and (named.title or len(named.name.split()) > 1):
            return self._person(w, at, apposition)  # "Secretary of State Margaret L. Haverford"
        body = self._body(w, at)
        if body is not None:
            return body
        return self._person(w, at, apposition)

    def _government(self, words: str) -> Speaker | None:
        places = [m.place for m in mentions(words, 0, len(words), self.primary)
                  if m.place is not None]
        place = places[-1] if places else None
        if place is None and (_LOCAL.search(words) or _GENERIC_GOVERNMENT.match(words)):
            # "the government", "a government spokesperson": the document's own place;
            # but "the Ruritanian government" or "state authorities" name no place we know
            place = self.primary
        if place is None:
            return None
        return Speaker(f"{place} government", None, SpeakerKind.GOVERNMENT)

    def _body(self, w: str, at: int) -> Speaker | None:
        acronym = re.sub(r"^(?:the|The)\s+", "", w)
        if acronym in self.cast.acronyms:  # "the CICESCT" after "… Commission (CICESCT)"
            spelt = self.cast.acronyms[acronym]
            return Speaker(spelt, None, body_kind(spelt))
        name = body_name(w)
        if name is None:
            short = re.match(r"^(?:the|The)\s+([a-z]+)$", w)
            if short and short.group(1) in GOVERNMENT_BODIES | OTHER_BODIES:
                full = self.cast.body(short.group(1), at)
                return Speaker(full, None, body_kind(full)) if full else None
            return None
        longer = self.cast.body(name, at)
        if longer and len(longer) > len(name):
            name = longer  # "The Concern Committee" → its full name given before
        if len(name.split()) > 14:
            return None
        return Speaker(name, None, body_kind(name))

    def _person(self, w: str, at: int, apposition: str | None) -> Speaker | None:
        run = tokens(w, 0, len(w))
        lower = [i for i, (_, _, t) in enumerate(run)
                 if not (_is_capital(t) or t.lower() in _CONNECTORS | NAME_PARTICLES
                         or _is_initial(t))]
        if run and lower and lower[-1] < len(run) - 2:
            # "executive director Karen Whitfield-Moss", "law school professor Zhang Wei"
            tail = run[lower[-1] + 1:]
            person = self.cast.person_in(tail, w)
            if person is not None and len(person.name.split()) > 1:
                before = w[:tail[0][0]].strip(" ,")
                if person.title:
                    before = f"{before} {person.title}"
                return self._speaker_for(person._replace(title=before or None), apposition)
        if not run or lower:
            only = _TITLE_ONLY.match(w)
            if only:  # "the minister", "the Minister of Foreign Affairs"
                holder = self.cast.titled(only.group("title"), at)
                if holder is not None:
                    return self._speaker_for(holder, apposition)
            return None
        person = self.cast.person_in(run, w)
        if person is None:
            single = [t for _, _, t in run if t.lower().strip(".") not in HONORIFICS | TITLE_WORDS]
            if len(single) == 1 and self.cast._name_word(single[0]) and \
                    gazetteer().resolve(single[0]) is None:
                known = self.cast.known(single[0], at)
                if known is not None:
                    return self._speaker_for(known, apposition)
            holder = self.cast.titled(w, at) if all(
                t.lower().strip(".") in TITLE_WORDS for _, _, t in run) else None
            if holder is not None:
                return self._speaker_for(holder, apposition)
            if all(t.lower().strip(".") in TITLE_WORDS for _, _, t in run) and \
                    person_kind(w) == SpeakerKind.OFFICIAL and len(run) > 1:
                return Speaker(re.sub(r"^(?:the|The)\s+", "", w), None, SpeakerKind.OFFICIAL)
            return None
        if len(person.name.split()) == 1 or all(_is_initial(t) or t.lower() in NAME_PARTICLES
                                                for t in person.name.split()[1:]):
            known = self.cast.known(person.name.split()[0], at)
            if known is not None:
                return self._speaker_for(known, apposition or person.title)
        return self._speaker_for(person, apposition)

    def _speaker_for(self, person: Person, apposition: str | None) -> Speaker:
        title = person.title or self.titles.get(person.name) or self.cast.title_of(person.name)
        apposition = apposition.strip(" ,") if apposition else None
        if apposition and not (_ROLE.match(apposition) or apposition[0].isupper()):
            apposition = None  # "who indicated that …" says what they did, not who they are
        if apposition and (not title or title.lower().strip(".") in HONORIFICS):
            title = apposition
        elif apposition and title and apposition.lower() not in title.lower():
            title = f"{title}; {apposition}"
        if title and title.lower().strip(".") in HONORIFICS:
            title = None
        if title:
            self.titles.setdefault(person.name, title)
        return Speaker(person.name, title, person_kind(title), person=True)

    def _us_body(self, name: str, m: re.Match[str]) -> str:
        if "{place}" not in name:
            return name
        raw = m.groupdict().get("place")
        place = gazetteer().resolve(raw.strip()) if raw else None
        # "the embassy in Santo Domingo": a mission is to a country, the document's own
        place = place or self.primary or (raw.strip() if raw else None)
        return name.format(place=place) if place else name.replace(" in {place}", "")


def body_name_without_government(words: str) -> str | None:
    """A body named in words that also say "government" ("the Government Information
    Services"), or None when "government" is the speaker itself."""
    trimmed = re.sub(r"\b(?:government|Government|administration|Administration)\b", "", words)
    name = body_name(trimmed)
    if name is None:
        return None
    heads = {t.lower() for t in name.split()}
    return name if heads & (GOVERNMENT_BODIES - {"government", "executive", "state"}) | \
        OTHER_BODIES else None
