"""Words that name speakers: titles, bodies, the report, US missions, outlets (docs/speakers.md)."""

from __future__ import annotations

# Words of an office held by a person ("Deputy Interior Minister", "U.S. Attorney",
# "Associate Professor"); a capitalised run of these before a name is its title.
TITLE_WORDS = frozenset({
    "secretary", "minister", "ministers", "deputy", "vice", "prime", "president", "ambassador",
    "consul", "consul-general", "envoy", "commissioner", "attorney", "attorney-general",
    "general", "governor", "mayor", "senator", "sen.", "rep.", "representative", "congressman",
    "congresswoman", "lawmaker", "legislator", "councillor", "councilor", "chief", "executive",
    "director", "director-general", "head", "chairman", "chairwoman", "chair", "chairperson",
    "spokesman", "spokeswoman", "spokesperson", "undersecretary", "under", "assistant",
    "associate", "professor", "prof", "prof.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "judge", "justice", "prosecutor", "inspector", "superintendent", "police",
    "officer", "official", "permanent", "state", "of", "for", "the", "to", "and", "interior",
    "foreign", "affairs", "home", "security", "labour", "labor", "public",
    "immigration", "social", "welfare", "women", "family", "manpower", "u.s.", "us", "acting",
    "senior", "special", "adviser", "advisor", "coordinator", "at-large", "large", "chargé",
    "d'affaires", "charge", "ambassador-at-large", "premier", "king", "queen", "sheikh",
    "national", "federal", "regional", "provincial", "district", "city", "lieutenant",
    "colonel", "major", "captain", "sergeant", "commander", "rev.", "father", "sister",
    "bishop", "cardinal", "imam", "rabbi", "lawyer", "activist", "researcher",
})
# Title words that make a title on their own ("Ambassador Gorman", "Mr. Chanwit"); the
# others ("of", "State", "Foreign") only go on one.
TITLE_HEADS = frozenset({
    "secretary", "minister", "ambassador", "consul", "consul-general", "envoy", "commissioner",
    "attorney", "attorney-general", "governor", "mayor", "senator", "sen.", "rep.",
    "representative", "congressman", "congresswoman", "lawmaker", "legislator", "councillor",
    "councilor", "chief", "director", "director-general", "head", "chairman", "chairwoman",
    "chairperson", "spokesman", "spokeswoman", "spokesperson", "undersecretary", "president",
    "premier", "professor", "prof", "prof.", "judge", "justice", "prosecutor", "inspector",
    "superintendent", "officer", "official", "adviser", "advisor", "coordinator", "king",
    "queen", "sheikh", "colonel", "general", "captain", "commander", "sergeant", "lieutenant",
    "lawyer", "activist", "researcher", "deputy", "chargé", "bishop", "cardinal", "imam",
    "rabbi", "rev.", "father", "sister", "agent", "col.", "gen.", "lt.", "capt.", "maj.",
    "sgt.", "gov.", "insp.", "supt.", "cmdr.", "d'affaires",
})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.",
                        "professor", "sir", "dame", "madam", "madame", "monsieur", "señor",
                        "señora", "sen.", "rep.", "col.", "gen.", "lt.", "capt.", "maj.",
                        "sgt.", "gov.", "hon.", "rev.", "insp.", "supt.", "cmdr.", "a.i."})
# Lower-case words inside a person's name ("Julio César Paredes Ríos", "Ludwig van …").
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "dos", "das", "do", "van", "von", "der",
                            "den", "bin", "binti", "bint", "al", "el", "la", "le", "di", "du",
                            "ibn", "y", "ter", "ten", "st.", "mac", "ap"})
# A title with one of these is held in a government: its holder speaks as an official.
OFFICIAL_TITLES = ("minister", "secretary", "ambassador", "consul", "envoy", "commissioner",
                   "attorney", "president", "premier", "governor", "mayor", "senator",
                   "lawmaker", "legislator", "councillor", "councilor", "chief executive",
                   "spokes", "official", "officer", "deputy", "undersecretary", "prosecutor",
                   "judge", "justice", "inspector", "superintendent", "police", "director-general",
                   "director general", "chargé", "charge d", "coordinator", "congress", "king",
                   "queen", "sheikh", "prime", "head of the", "permanent secretary", "colonel",
                   "general", "commander", "special agent", "agent in charge", "sheriff",
                   "detective", "trooper", "marshal", "legislative", "parliamentarian", "mp ")
# A person's role that holds no office ("a lawyer", "an analyst", "who runs a shelter").
PRIVATE_ROLES = ("lawyer", "analyst", "researcher", "professor", "academic", "activist",
                 "campaigner", "advocate", "founder", "runs", "directs", "who heads", "survivor",
                 "worker", "helper", "journalist", "economist", "scholar", "fellow", "pastor",
                 "priest", "student", "owner", "employer", "volunteer", "expert", "nonprofit",
                 "non-profit", "ngo", "charity", "university", "faculty", "institute", "group",
                 "coalition", "network", "foundation", "association", "union", "forum")

# Head words of a body's name. Government bodies speak as the government; the others
# (NGOs, agencies of the UN, universities) as "other".
GOVERNMENT_BODIES = frozenset({
    "ministry", "ministries", "bureau", "department", "office", "commission", "committee",
    "council", "agency", "police", "force", "directorate", "secretariat", "authority",
    "service", "services", "court", "parliament", "assembly", "legislature", "cabinet",
    "presidency", "immigration", "customs", "inspectorate", "prosecutor's", "prosecution",
    "prosecutors", "gendarmerie", "yuan", "task", "taskforce", "unit", "division", "board",
    "administration", "senate", "congress", "embassy", "consulate", "mission",
    "government", "ombudsman", "commissioner",
})
OTHER_BODIES = frozenset({
    "foundation", "coalition", "network", "alliance", "association", "union", "forum",
    "institute", "university", "faculty", "group", "society", "centre", "center", "project",
    "initiative", "watch", "international", "church", "trust", "organization",
    "organisation", "federation", "league", "campaign", "clinic", "shelter", "nonprofit",
    "charity", "company", "corporation", "inc.", "ltd", "llc", "bank", "partners", "fund",
    "programme", "program", "unicef", "iom", "ilo", "unodc", "unhcr", "ngo", "forward",
    "mission", "movement", "action", "justice", "rights", "law",
})

# Words of a speaker that is a group, not a name ("Campaigners say", "Analysts said").
GROUP_NOUNS = frozenset({
    "analysts", "campaigners", "critics", "activists", "advocates", "experts", "observers",
    "officials", "residents", "workers", "lawmakers", "diplomats", "researchers", "groups",
    "sources", "people", "others", "many", "some", "witnesses", "survivors", "victims",
    "employers", "agencies", "ngos", "commentators", "academics", "economists", "opponents",
    "supporters", "protesters", "families", "parents", "locals", "rights groups", "unions",
})
# Where an unnamed official or spokesperson speaks for a body ("a spokesman for the
# Security Bureau", "a senior official of the National Committee …").
SPOKES_NOUNS = ("spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
                "officer", "representative", "source", "statement", "press release",
                "spokesmen")

# Outlets a quote is told to or carried by: "X told CNN", "CNN quoted X as saying",
# "said X, according to Reuters". They are not the speaker.
OUTLETS = frozenset({
    "cnn", "reuters", "afp", "ap", "the associated press", "associated press", "bbc", "rthk",
    "xinhua", "kyodo", "bernama", "al jazeera", "bloomberg", "the guardian", "the new york times",
    "the washington post", "voa", "voice of america", "rfa", "radio free asia", "dpa", "efe",
    "ansa", "nhk", "yonhap", "the straits times", "south china morning post", "scmp",
    "the standard", "hong kong free press", "hkfp", "state media", "reporters", "journalists",
    "the press", "local media", "the media", "a news conference", "a press conference",
    "the newspaper", "this newspaper", "the paper", "the outlet", "the broadcaster",
    "the news agency", "agence france-presse", "the authors", "the author",
})

# The US State Department and its missions, as a pattern and the entity it names; "{place}"
# is the place named in the words, else the document's.
US_BODIES: tuple[tuple[str, str], ...] = (
    (r"(?:the\s+)?(?:(?:US|U\.S\.|United\s+States|American)\s+)?(?:Embassy|embassy)"
     r"(?:\s+of\s+the\s+United\s+States(?:\s+of\s+America)?)?"
     r"(?:\s+(?:in|to)\s+(?P<place>[A-Z][\w'’. -]+))?", "US Embassy in {place}"),
    (r"(?:the\s+)?(?:(?:US|U\.S\.|United\s+States|American)\s+)?Consulate(?:[-\s]General)?"
     r"(?:\s+(?:in|to)\s+(?:the\s+)?(?P<place>[A-Z][\w'’. -]+))?",
     "US Consulate General in {place}"),
    (r"(?:the\s+)?(?:(?:US|U\.S\.|United\s+States)\s+)?(?:State\s+Department|Department\s+of"
     r"\s+State|DOS)(?:'s?\s+(?:Office|office)\s+[\w ]+)?|Washington|(?:the\s+)?"
     r"(?:US|U\.S\.|United\s+States)\s+(?:government|administration|side)|the\s+US",
     "US State Department"),
    (r"(?:the\s+)?(?:Office\s+to\s+Monitor\s+and\s+Combat\s+Trafficking\s+in\s+Persons|"
     r"TIP\s+Office|J/TIP)", "US State Department"),
)
# The report itself: "the report", "the TIP report", "the State Department's report",
# "the 2023 report", "the document", "the narrative".
REPORT_WORDS = (r"(?:the\s+|this\s+|its\s+|that\s+|a\s+)?(?:(?:annual|latest|new|full|US|U\.S\.|"
                r"American|State\s+Department(?:'s|’s)?|Washington(?:'s|’s)|\d{4}|this\s+year's|"
                r"this\s+year’s|last\s+year's|country|same|U\.S\.\s+government's)\s+)*"
                r"(?:TIP\s+|TiP\s+|Trafficking\s+in\s+Persons\s+(?:\(TIP\)\s+)?|trafficking\s+)?"
                r"(?:[Rr]eport|[Nn]arrative|document|assessment|ranking)(?:\s+itself)?")
REPORT_ENTITY = "TIP Report"
# Words that name no one on their own: articles, prepositions, conjunctions, pronouns.
# `quotes --speaker and` must not find everyone whose title holds "and"; "he" as written
# is no alias of anybody.
PRONOUNS = frozenset({"it", "he", "she", "they", "its", "him", "her", "them", "his", "their",
                      "i", "we", "you", "us", "our", "who", "whom", "this", "that"})
NAMELESS_WORDS = PRONOUNS | NAME_PARTICLES | frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "for", "to", "in", "on", "at", "by",
    "with", "from", "as", "into", "onto", "over", "under", "about", "than", "then", "via",
    "per", "s", "'s", "’s", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "said",
    "says", "told", "et", "und", "en", "les", "los", "las"})
