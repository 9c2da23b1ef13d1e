"""Jurisdictions the TIP Report rates, by every name writers use, and one fast matcher for them.

The names come from jurisdictions.json (built by scripts/gazetteer/build.py from
pycountry and a hand-written supplement; docs/jurisdictions.md lists them). It is
read only when a name has to be matched: a lookup that needs no place never loads it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).with_name("jurisdictions.json")

HONG_KONG = "Hong Kong"
MACAU = "Macau"
CHINA = "China"

# Phrases that stand for the document's own place, by what that place is.
ANAPHORS = {
    "the city": "city", "the sar": "sar", "the territory": "sar",
    "the special administrative region": "sar", "the country": "country",
    "the kingdom": "country", "the nation": "country", "the island": "island",
    "the island nation": "island", "the archipelago": "island",
    # A government (or its translated release) speaking of itself.
    "our country": "country", "our nation": "country", "our city": "city",
    "our territory": "sar", "our region": "sar",
}
CITY_PLACES = frozenset({HONG_KONG, MACAU, "Singapore"})
SAR_PLACES = frozenset({HONG_KONG, MACAU})
ISLAND_PLACES = frozenset({"Taiwan", "Fiji", "Sri Lanka", "Philippines", "Indonesia", "Japan",
                           "Cuba", "Jamaica", "Madagascar", "Cyprus", "Malta", "Iceland",
                           "Bahrain", "Maldives", "Mauritius", "Curaçao", "Sint Maarten",
                           "Singapore", "Papua New Guinea", "Timor-Leste", "Solomon Islands",
                           "Tonga", "Samoa", "Vanuatu", "Palau", "Marshall Islands",
                           "Federated States of Micronesia", "The Bahamas", "Barbados",
                           "Haiti", "Dominican Republic", "Trinidad and Tobago"})
# "the mainland" is China only beside the places that call it so.
MAINLAND = ("the mainland", CHINA, frozenset({HONG_KONG, MACAU, "Taiwan"}))
# Words that point back to a place already named ("it", "its", "the government").
PLACE_PRONOUNS = ("it", "its", "the government", "the authorities")

# Words that, after an adjective ("the Thai government"), make it stand for the place.
GOVERNING_NOUNS = frozenset({
    "government", "governments", "authorities", "authority", "officials", "ministry",
    "administration", "state", "police", "courts", "judiciary", "prosecutors", "cabinet",
    "parliament", "legislature", "president", "prime", "foreign", "labour", "labor",
    "immigration", "delegation", "embassy", "consulate", "side", "counterparts",
})


class Match(NamedTuple):
    """A name found in text: the jurisdiction it names, or None for a place that is none
    (a region, a city, a bloc) or a name that could mean several ("Korea", "Congo")."""

    start: int
    end: int
    place: str | None
    form: str  # "name", "adjective", "other" (no jurisdiction) or "ambiguous"
    alias: str  # the name as the list writes it


_TOKEN = re.compile(r"[^\W\d_](?:[\w'’&.\-]*[^\W_])?\.?")
# The next token after some spaces or one joining character (names hold "&", "-", ",").
_NEXT_TOKEN = re.compile(r"[\s,&\-]{1,4}([^\W\d_](?:[\w'’&.\-]*[^\W_])?\.?)")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def fold(text: str) -> str:
    """The form names are compared in: case, diacritics, apostrophes, dots and spaces folded."""
    text = text.casefold().replace("’", "'").replace(".", "")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return " ".join(text.split())


def _first_key(token: str) -> str:
    """fold() of one token, quickly for the common case of a plain ASCII word."""
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    if token.isascii() and "'" not in token:
        return token.lower().replace(".", "")
    return fold(token)


def _case_rule(token: str) -> str:
    """What a text token must look like to stand for this token of a name."""
    letters = token.replace(".", "").replace("&", "")
    if len(letters) > 1 and letters.isupper():
        return "A"  # an abbreviation (US, ROK, HKSAR): only in capitals
    return "U" if token[:1].isupper() else "-"


class _Entry(NamedTuple):
    place: str | None
    form: str
    alias: str
    rules: tuple[str, ...]


class Gazetteer:
    """Every name of every jurisdiction, ready to be matched in text or in a user's words."""

    def __init__(self, data: dict[str, object]) -> None:
        self.entries: dict[str, _Entry] = {}
        self.canonical: list[str] = []
        self.report_names: dict[str, str] = {}  # "Korea, South" -> "South Korea"
        self.risky: dict[str, str] = {}
        jurisdictions = data["jurisdictions"]
        assert isinstance(jurisdictions, list)
        for record in jurisdictions:
            name = record["name"]
            self.canonical.append(name)
            self.report_names[record["report_name"]] = name
            for alias in record["aliases"]:
                self._add(alias, name, "name")
            for adjective in record["adjectives"]:
                self._add(adjective, name, "adjective")
            if "," in record["report_name"]:  # "Korea, South": only in lists, see _match
                self._add(record["report_name"], name, "name")
        for kind, names in (("ambiguous", data["ambiguous"]), ("other", data["not_jurisdictions"]),
                            ("other", data["capitals"])):
            assert isinstance(names, dict | list)
            for alias in names:
                self._add(alias, None, kind)
        self.report_keys = {fold(n): place for n, place in self.report_names.items()}
        risky = data["risky"]
        assert isinstance(risky, dict)
        self.risky = {fold(alias): str(info.get("reason", "")) for alias, info in risky.items()}
        # For speed, a token must first be the first word of some name; then only the
        # lengths (in tokens) of the names it begins are tried, longest first.
        lengths: dict[str, set[int]] = {}
        for entry in self.entries.values():
            first = fold(next(_TOKEN.finditer(entry.alias)).group(0))
            lengths.setdefault(first, set()).add(len(entry.rules))
        self.lengths = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}
        # Names almost all begin with a capital; these few ("mainland China") do not.
        lowercase_firsts = sorted({e.alias.split(" ")[0] for e in self.entries.values()
                                   if e.alias[:1].islower()})
        self.starts = re.compile(
            r"(?<![\w'’])(?:[^\W\d_a-zß-öø-ÿ]|(?:" + "|".join(
                re.escape(w) for w in lowercase_firsts) + r")\b)")

    def _add(self, alias: str, place: str | None, form: str) -> None:
        tokens = [t.group(0) for t in _TOKEN.finditer(alias)]
        key = fold(alias)
        if not tokens or (key in self.entries and self.entries[key].place is not None):
            return  # a jurisdiction's own name wins over a region of the same spelling
        self.entries[key] = _Entry(place, form, alias, tuple(_case_rule(t) for t in tokens))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every name in text[start:end], longest first where names overlap, offsets into text.

        Only words that can begin a name are looked at (a capital, or one of the few
        lowercase first words); from each, the names it begins are tried longest first,
        token by token. Most words of a sentence are never touched.
        """
        end = len(text) if end is None else end
        found: list[Match] = []
        cursor = start
        for candidate in self.starts.finditer(text, start, end):
            at = candidate.start()
            if at < cursor:
                continue
            first = _TOKEN.match(text, at, end)
            if first is None:
                continue
            word = first.group(0)
            # Most capitalised words begin no name ("The", "Police"): a plain word is
            # looked up as it is, lower-cased, before any folding.
            key = word.lower() if word.isascii() and word.isalpha() else _first_key(word)
            lengths = self.lengths.get(key)
            if lengths is None:
                continue
            tokens = [(first.start(), first.end(), first.group(0))]
            for n in lengths:  # longest first
                while len(tokens) < n:
                    following = _NEXT_TOKEN.match(text, tokens[-1][1], end)
                    if following is None:
                        break
                    tokens.append((following.start(1), following.end(1), following.group(1)))
                if len(tokens) < n:
                    continue
                match = self._match(text, tokens[:n])
                if match is not None:
                    found.append(match)
                    cursor = tokens[n - 1][1]
                    break
        return found

    def _match(self, text: str, tokens: list[tuple[int, int, str]]) -> Match | None:
        lo, hi = tokens[0][0], tokens[-1][1]
        last = tokens[-1][2]
        if _POSSESSIVE.search(last):
            hi -= 2
        entry = self.entries.get(fold(text[lo:hi]))
        if entry is None or len(entry.rules) != len(tokens):
            return None
        if text[hi - 1] == "." and not entry.alias.endswith("."):
            hi -= 1  # "… in Chad." : the full stop ends the sentence, not the name
        if "," in entry.alias and re.match(r"\s*[^\W\d_]", text[hi:hi + 3]):
            return None  # "Korea, South" in a list, but not "Korea, South Africa and …"
        for rule, (_, _, token) in zip(entry.rules, tokens, strict=True):
            word = _POSSESSIVE.sub("", token).replace(".", "").replace("&", "")
            if rule == "A" and not word.isupper():
                return None
            if rule == "U" and not word[:1].isupper():
                return None
        return Match(lo, hi, entry.place, entry.form, entry.alias)

    def resolve(self, name: str) -> str | None:
        """A user's words for a place ('south korea', 'ROK', 'macao') -> its canonical name."""
        key = fold(name)
        for candidate in (key, key.removeprefix("the ")):
            entry = self.entries.get(candidate)
            if entry is not None and entry.place is not None:
                return entry.place
        return self.report_keys.get(key)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer(json.loads(DATA.read_text(encoding="utf-8")))


# The report's own list names put the head word first ("Korea, South"): in a list
# of places a comma would otherwise split them.
def report_names_pattern() -> re.Pattern[str]:
    names = [n for n in gazetteer().report_names if "," in n]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
