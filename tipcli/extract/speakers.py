"""Speakers: the words that attribute a quote, resolved to one entity (a person, a body, a
government, the report) with its title and kind, or to nothing when they name nobody.

A document's cast (the people and bodies it names, with their titles) is read once, so
that a later "Blinken said", "Mr. Chanwit", "the bureau" or "the minister" resolves to
the full mention before it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tipcli.extract.cast import (
    CONNECTORS,
    NOT_NAMES,
    Cast,
    Person,
    body_kind,
    body_name,
    is_capital,
    is_initial,
    person_kind,
    tokens,
)
from tipcli.extract.places import mentions
from tipcli.lexicon.kinds import SpeakerKind
from tipcli.lexicon.places import gazetteer
from tipcli.lexicon.speakers import (
    GOVERNMENT_BODIES,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_PARTICLES,
    OTHER_BODIES,
    OUTLETS,
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


# Words that name someone only through what came before: never "nobody" for good.
_ANAPHOR = re.compile(r"\s*(?:(?:and|but|while|as|so|then)\s+)?(?:he|she|him|her|it|they|its|"
                      r"(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:spokes\w+|officials?|sources?|"
                      r"representative))\s*$", re.IGNORECASE)
_PRONOUN_PERSON = frozenset({"he", "she", "him", "her"})
_PRONOUN_BODY = frozenset({"it", "they", "its"})
_SPOKES_FOR = re.compile(
    r"^(?:an?|the|one)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(SPOKES_NOUNS) + r")s?\s+"
    r"(?:for|of|from|at|with|in|on\s+behalf\s+of)\s+(?P<body>.+)$", re.IGNORECASE)
# "Beijing’s foreign affairs office in Hong Kong": an office the text names in lower case
# after its owner, with where it sits.
_OFFICE_IN_LOWER_CASE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:'s|’s)(?:\s+[a-z][\w-]*){1,4}"
                                   r"(?:\s+(?:in|for|of)\s+(?:the\s+)?[A-Z][\w'’.-]*"
                                   r"(?:\s+[A-Z][\w'’.-]*)*)?")
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
_GOVERNMENT_BODY_WORDS = re.compile(r"\b(?:(?i:spokes\w*|official|officer|ministry|bureau|"
                                    r"department|office)|[A-Z][a-z]+\s+[A-Z])")
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
        self._fixed: dict[str, Speaker | None] = {}  # resolved words that never depend on where
        self._governments: dict[str, Speaker | None] = {}
        # Words whose answer did not depend on where they stood (no cast looked up, no
        # "he" or "the spokesman"), with whether they named a spokesperson's body.
        self._memo: dict[tuple[str, str | None], tuple[Speaker | None, bool]] = {}

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
        key = (words, apposition)
        if key in self._memo:  # words resolved before, with no regard to where they stood
            found, spokes = self._memo[key]
            if spokes:
                self.last_spokes = found
            return found
        lookups, spokes_before = self.cast.lookups, self.last_spokes
        found = self._resolve(words, at, apposition)
        if self.cast.lookups == lookups and not _ANAPHOR.match(words) and not (
                found is not None and found.person):
            self._memo[key] = (found, self.last_spokes is not spokes_before)
        return found

    def _resolve(self, words: str, at: int, apposition: str | None) -> Speaker | None:
        w = " ".join(words.split()).strip(" ,;:—–-")
        w = re.sub(r"^(?:and|but|while|as|so|then)\s+", "", w, flags=re.IGNORECASE)
        low = w.lower()
        if not w or low in NOT_NAMES - {"it", "he", "she", "they"} or low in GROUP_NOUNS:
            return None
        if low in _PRONOUN_PERSON:
            return self._last_person(at)
        if low in _PRONOUN_BODY:
            if self.last_body is None and _REPORT_NEAR.search(self.text, max(0, at - 300), at):
                return Speaker(REPORT_ENTITY, None, SpeakerKind.REPORT)  # "… the report. It notes"
            return self.last_body
        if low in OUTLETS:
            return None
        if w in self._fixed:  # words that name the same entity wherever they stand
            return self._fixed[w]
        if _REPORT.match(w):
            return self._fixed.setdefault(w, Speaker(REPORT_ENTITY, None, SpeakerKind.REPORT))
        bare = re.sub(r"^(?:the|The)\s+", "", w)
        for pattern, name in _US_BODIES:
            m = pattern.match(bare)
            if m:
                return self._fixed.setdefault(
                    w, Speaker(self._us_body(name, m), None, SpeakerKind.REPORT))
        if _GENERIC_GOVERNMENT.match(w) and not _GOVERNMENT_BODY_WORDS.search(w):
            # "the government", "a government spokesperson": always the document's own
            return self._fixed.setdefault(w, self._government(w))
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
        found = None
        for pattern, name in _US_BODIES:  # "a spokesperson for the US government"
            m = pattern.match(re.sub(r"^(?:the|The)\s+", "", body))
            if m:
                found = Speaker(self._us_body(name, m), None, SpeakerKind.REPORT)
                break
        if found is None and _GOVERNMENT.search(body) and \
                body_name_without_government(body) is None:
            found = self._government(body)
        if found is None:
            found = self._body(body, at)
        if found is None and _OFFICE_IN_LOWER_CASE.fullmatch(body) and any(
                w.lower().strip(",.") in GOVERNMENT_BODIES - {"government"}
                for w in body.split()):
            # "a spokesman for Beijing's foreign affairs office in Hong Kong": the office,
            # named as the text names it.
            name = re.sub(r"^(?:the|The)\s+", "", body)
            found = Speaker(name, None, body_kind(name))
        if found is not None:
            self.last_spokes = found
        return found

    def _named(self, w: str, at: int, apposition: str | None) -> Speaker | None:
        ends_in_name = re.search(r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$", w) is not None
        if ends_in_name:
            person = self._person(w, at, apposition)
            if person is not None:  # "Thai government spokesman Col. Wirote Chaiyaporn"
                return person
        if _GOVERNMENT.search(w) and body_name_without_government(w) is None:
            if w not in self._governments:  # "The Hong Kong government": the same everywhere
                self._governments[w] = self._government(w)
            found = self._governments[w]
            if found is not None:
                self.last_spokes = found
            return found
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
        # "the CICESCT" after "… Commission (CICESCT)"
        if acronym.isupper() and acronym in self.cast.acronyms:
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
                 if not (is_capital(t) or t.lower() in CONNECTORS | NAME_PARTICLES
                         or is_initial(t))]
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
            if only and _only_a_title(run):  # "the minister", "the Minister of Foreign Affairs"
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
            holder = self.cast.titled(w, at) if _only_a_title(run) else None
            if holder is not None:
                return self._speaker_for(holder, apposition)
            if all(t.lower().strip(".") in TITLE_WORDS for _, _, t in run) and \
                    person_kind(w) == SpeakerKind.OFFICIAL and len(run) > 1:
                return Speaker(re.sub(r"^(?:the|The)\s+", "", w), None, SpeakerKind.OFFICIAL)
            return None
        if len(person.name.split()) == 1 or all(is_initial(t) or t.lower() in NAME_PARTICLES
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


def _only_a_title(run: list[tuple[int, int, str]]) -> bool:
    """Words that are a title and nothing else, with an office in them ("the Minister of
    Foreign Affairs", "the ambassador"; not "spokesperson also" or "the US")."""
    words = [t.lower().strip(".") for _, _, t in run]
    return all(w in TITLE_WORDS for w in words) and any(
        w in TITLE_HEADS and not w.startswith("spokes") for w in words)


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
