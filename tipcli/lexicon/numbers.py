"""Number words, ordinals, scale words, currency signs and the thousands separators."""

# Characters writers put between groups of three digits: "7,500", "7 500"
# (with a no-break, narrow no-break or thin space) and the Swiss "7'500".
THOUSANDS_SEPARATORS = ",\u00a0\u202f\u2009'"

NUMBER_WORDS = {"zero": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3,
                "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90, "a dozen": 12, "dozen": 12}
# Words that count things when they stand before a noun ("three cases"), as a
# regex alternation: longer words first, so "seventeen" is not read as "seven".
COUNT_WORDS = ("twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|"
               "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|one|two|three|"
               "four|five|six|seven|eight|nine|ten")
ROMAN_NUMERALS = {"i": 1, "ii": 2, "iii": 3}
_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9}
ORDINALS = {**_ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
            "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            **{f"twenty-{w}": 20 + n for w, n in _ORDINAL_UNITS.items()},
            **{f"twenty {w}": 20 + n for w, n in _ORDINAL_UNITS.items()}}
# As a regex alternation, longest first ("twenty-first" before "first").
ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True)).replace(" ", r"\s")
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# Currency signs written before an amount, as a regex alternation.
CURRENCY_SIGNS = r"(?:HK|US|NT|S|A|C)?\$|RMB\s?|¥|€|£|MOP\$?\s?"
