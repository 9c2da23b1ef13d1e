"""Jurisdictions by the names writers use, and the words that stand for a document's own place."""

HONG_KONG = "Hong Kong"
MACAU = "Macau"
CHINA = "China"

# Canonical name -> ways writers name it. Matched case-insensitively as words.
ALIASES: dict[str, tuple[str, ...]] = {
    HONG_KONG: ("hong kong special administrative region", "hong kong sar", "hksar",
                "hong kong", "hongkong", "hk"),
    MACAU: ("macao special administrative region", "macau sar", "macao sar", "macau", "macao"),
    CHINA: ("people's republic of china", "peoples republic of china", "mainland china",
            "the mainland", "the prc", "prc", "china"),
}
# Names that stand for the document's own place ("the city", "the SAR").
ANAPHORS = ("the city", "the sar", "the territory", "the special administrative region",
            "the region")
# Words that point back to the place a sentence is about ("it", "its", "the city").
PLACE_PRONOUNS = ("it", "its", "the city", "the sar", "the territory", "the government", "city")
