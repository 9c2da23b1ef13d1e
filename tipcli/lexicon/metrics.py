"""The metrics figures count: one closed table, with the words that cue each (docs/metrics.md).

A figure needs a counted noun from the domain (DOMAIN_NOUNS), or money, or a
percentage; its metric comes from what it counts and the verb that counts it.
"""

from __future__ import annotations

from typing import NamedTuple


class Metric(NamedTuple):
    name: str
    counts: str  # what it counts, in plain words
    nouns: tuple[str, ...]  # nouns that are this metric whatever the verb
    verbs: tuple[str, ...]  # stems of verbs that make people or cases this metric
    report_level: bool = False  # a count over the report (jurisdiction null)


METRICS: tuple[Metric, ...] = (
    Metric("victim_screenings", "people screened for trafficking indicators",
           ("screenings", "screening", "identification audits", "preliminary identification"),
           ("screen",)),
    Metric("victims_identified", "victims (or potential victims) the authorities identified",
           (), ("identif", "rescu", "found", "detect", "recogni", "certif", "confirm")),
    Metric("victims_assisted", "victims given shelter, services, referral or compensation",
           (), ("assist", "refer", "shelter", "provided shelter", "protect", "support",
                "repatriat", "compensat", "restitution", "protection order", "care",
                "counsel", "accommodat", "housed", "served", "grant", "provid", "attend")),
    Metric("investigations", "trafficking investigations opened or conducted",
           ("investigations", "investigation", "probes"),
           ("investigat", "initiat", "open", "registered", "recorded", "launch", "probe",
            "handled", "look")),
    Metric("prosecutions", "people or cases prosecuted",
           ("prosecutions", "prosecution", "indictments", "defendants", "accusations"),
           ("prosecut", "indict", "charg", "tried", "brought to court", "put on trial", "brought")),
    Metric("convictions", "traffickers convicted",
           ("convictions", "conviction", "condemnatory sentences", "sentences condemnatory",
            "guilty verdicts"),
           ("convict", "sentenced", "found guilty", "condemn")),
    Metric("arrests", "people arrested", ("arrests", "arrest", "detentions"),
           ("arrest", "detain", "apprehend")),
    Metric("raids", "raids carried out", ("raids", "raid", "rescue operations"), ("raid",)),
    Metric("inspections", "inspections of workplaces, agencies or vessels",
           ("inspections", "inspection", "labour inspections", "labor inspections"),
           ("inspect",)),
    Metric("officials_trained", "officers or officials trained", ("trainees",),
           ("train", "educat", "sensiti")),
    Metric("new_posts", "new posts or staff created",
           ("new posts", "posts", "positions", "new positions"), ("creat", "hire", "recruit")),
    Metric("funding", "money a government allocated or spent against trafficking or for "
           "victims", ("budget", "funding", "allocation", "grant"),
           ("allocat", "assign", "budget", "fund", "spen", "grant", "earmark", "set aside",
            "invest",
            "contribut", "donat", "appropriat", "financ", "devot", "disburs", "commit",
            "pledg", "dedicat", "provid", "destin")),
    Metric("recruitment_fees", "fees charged to workers", ("recruitment fees", "fees", "fee"),
           ("charg", "paid", "pay", "demand", "fee")),
    Metric("foreign_domestic_workers", "foreign or migrant domestic workers",
           ("foreign domestic workers", "foreign domestic helpers", "migrant domestic workers",
            "domestic helpers", "domestic workers", "fdhs", "fdws"), ()),
    Metric("shelters", "shelters for victims",
           ("shelters", "shelter", "safe houses", "care facilities", "residential care facilities",
            "residential attention centers", "residential attention centres", "shelter homes",
            "places of shelters", "centres for victims", "centers for victims"),
           ("operat", "run", "fund", "subsidi", "open", "maintain", "administ")),
    Metric("hotline_calls", "calls to a hotline", ("calls", "hotline calls", "phone calls"),
           ("receiv", "answer", "field", "took", "handl")),
    Metric("licences_revoked", "licences revoked or refused",
           (), ("revok", "cancel", "suspend", "refus", "withdr", "withheld", "stripp",
                "did not renew", "not to renew")),
    Metric("complaints", "complaints received", ("complaints", "complaint"),
           ("receiv", "registered", "filed", "lodg")),
    Metric("jurisdictions_rated", "places the report rates (a report-level count)",
           (), ("assess", "rate", "rank", "cover", "evaluat", "review", "place", "include",
                "analy"), report_level=True),
    Metric("upgrades", "places the report moved up (a report-level count)", (), ("upgrad",),
           report_level=True),
    Metric("downgrades", "places the report moved down (a report-level count)", (),
           ("downgrad",), report_level=True),
    Metric("other", "another count of people or things the report is about, outside this "
           "table (\"31 residents rescued from scam compounds abroad\")", (), ()),
)
BY_NAME = {m.name: m for m in METRICS}

# Nouns a count may count (heads of the words after a number); without one, and without
# money or a percentage, a number is no figure ("3 things to know", "one country, two
# systems").
PEOPLE = frozenset({
    "victims", "victim", "survivors", "people", "persons", "person", "individuals", "children",
    "minors", "girls", "boys", "women", "men", "adults", "migrants", "workers", "helpers",
    "nationals", "citizens", "residents", "passengers", "fishermen", "crew", "seafarers",
    "laborers", "labourers", "refugees", "foreigners", "students", "maids", "domestics",
    "travellers", "travelers", "applicants", "jobseekers", "seekers", "returnees",
    "deportees", "detainees", "inmates", "prisoners", "visitors", "tourists", "orphans",
    "youths", "teenagers", "adolescents", "infants", "babies", "beggars", "newborns",
    "fishers", "miners", "brides", "wives", "daughters", "sons", "families", "households",
})
OFFENDERS = frozenset({"suspects", "traffickers", "defendants", "offenders", "perpetrators",
                       "recruiters", "agents", "employers", "brokers", "individuals",
                       "smugglers", "pimps", "accomplices", "supervisors", "managers",
                       "owners", "operators", "bosses", "foremen"})
OFFICIALS = frozenset({"officials", "officers", "police", "judges", "magistrates",
                       "prosecutors", "inspectors", "staff", "personnel", "employees",
                       "diplomats", "investigators", "guards", "soldiers", "stakeholders",
                       "trainers", "caseworkers", "workers", "practitioners", "teachers"})
THINGS = frozenset({
    "cases", "case", "investigations", "prosecutions", "convictions", "arrests", "raids",
    "inspections", "screenings", "sentences", "complaints", "calls", "referrals", "shelters",
    "centres", "centers", "facilities", "houses", "homes", "agencies", "licences", "licenses",
    "vessels", "boats", "ships", "factories", "workplaces", "farms", "plantations",
    "establishments", "premises", "businesses", "brothels", "posts", "positions", "countries",
    "governments", "jurisdictions", "places", "indictments", "detentions", "probes",
    "audits", "operations", "tips", "reports", "hotlines", "beds", "trainees",
})
DOMAIN_NOUNS = PEOPLE | OFFENDERS | OFFICIALS | THINGS

# Crimes that are not trafficking: victims of these are no trafficking victims ("31
# residents identified as victims of employment fraud abroad").
OTHER_CRIMES = ("fraud", "frauds", "scam", "scams", "swindl", "cheat", "deception",
                "cybercrime", "cyber crime", "online crime", "violence", "robber", "theft",
                "extortion", "smuggling", "kidnap", "abduction", "assault", "burglar")

# Words that narrow what a label counts to a subgroup: "child victims", "cases of sex
# trafficking". A trend joins only figures whose labels narrow alike.
SUBGROUPS: dict[str, str] = {
    **dict.fromkeys(("child", "children", "minor", "minors", "boys", "girls", "juvenile",
                     "underage", "infants"), "children"),
    **dict.fromkeys(("women", "woman", "female", "females"), "women"),
    **dict.fromkeys(("men", "male", "males"), "men"),
    **dict.fromkeys(("adult", "adults"), "adults"),
    **dict.fromkeys(("foreign", "foreigners", "migrant", "migrants", "overseas"), "foreign"),
    **dict.fromkeys(("domestic", "helpers", "maids"), "domestic"),
    **dict.fromkeys(("sex", "sexual", "prostitution", "commercial"), "sex"),
    **dict.fromkeys(("labour", "labor", "forced", "work"), "labour"),
    **dict.fromkeys(("unspecified", "other", "mixed"), "unspecified"),
    **dict.fromkeys(("new", "additional"), "new"),
    **dict.fromkeys(("suspected", "potential", "possible", "presumed", "alleged"), "suspected"),
}
