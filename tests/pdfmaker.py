"""Test PDFs made on the spot: TIP-Report-like annual reports, and encrypted, scanned, broken ones.

The tests never ship a real Trafficking in Persons Report; they write PDFs that are
built the way the annual report is, with fpdf2 and the DejaVu TrueType fonts (so
curly quotes and diacritics such as "Côte d’Ivoire" and "Türkiye" are real glyphs
with a ToUnicode map, as in the real report):

- a title page ("2024 Trafficking in Persons Report", "June 2024");
- an introduction of a few pages that *defines* the tiers ("TIER 1: Countries whose
  governments fully meet…"), shows a sample heading ("COUNTRY X: TIER 2 WATCH LIST"),
  and lists the tier placements: all of it looks like rating headings to a naive
  regex but none of it is a narrative;
- the country narratives, which run on from one to the next (several share a page,
  many cross a page break), each opening with a bold heading line such as
  "MALAYSIA: TIER 2 WATCH LIST" or "LIBYA: SPECIAL CASE", then a summary whose
  verdict agrees with the heading, then PROSECUTION, PROTECTION, PREVENTION and
  TRAFFICKING PROFILE sections with figures and curly-quoted phrases;
- a running header ("2024 TRAFFICKING IN PERSONS REPORT") and a page number in the
  footer of every page but the title page.

Body text is set ragged-right (fpdf2's justified multi_cell is far too slow for
300-page reports, see the layout section). Long words in the section paragraphs carry
soft hyphens and compounds may break after their own hyphen, so some lines end in
"traf-" / "ficking" or "anti-" / "trafficking", and a few words are hyphenated across
a page break, as in the real report. Everything is deterministic: the same arguments
give the same text on the same pages.

Typical use::

    headings = annual_report(tmp_path / "tip.pdf")
    # [("Burma", "Tier 3", 4), ("Côte d’Ivoire", "Tier 2", 5), ...]

`report_blocks` gives the text that `annual_report` lays out, so a test can compare
what an extractor read with what was written. `big_report` makes one of a few hundred
pages for benchmarks (about 1.5 s for 300 pages); `encrypted`, `image_only` and
`damaged` make the PDFs an importer must refuse or explain.
"""

from __future__ import annotations

import io
import math
import random
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import Align, EncryptionMethod, XPos, YPos

# DejaVu Sans cut down to Latin and punctuation (fonttools' pyftsubset), shipped with the
# tests so that a fresh machine without system fonts can make the PDFs; see its LICENSE.
FONT_DIR = Path(__file__).resolve().parent / "fixtures" / "fonts"
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

#: The five placements, in the report's own words and case (headings use them upper-cased).
TIERS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case")

#: The user password of `encrypted` PDFs.
USER_PASSWORD = "tip-user"
OWNER_PASSWORD = "tip-owner"

#: The default narratives: names that test a gazetteer (the report's inverted forms,
#: diacritics, curly apostrophes, names inside names), in the report's alphabetical order,
#: across all tiers with one Special Case.
DEFAULT_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("Burma", "Tier 3"),
    ("Côte d’Ivoire", "Tier 2"),
    ("Dominica", "Tier 2 Watch List"),
    ("Dominican Republic", "Tier 2"),
    ("Fiji", "Tier 2 Watch List"),
    ("Gambia, The", "Tier 2"),
    ("Georgia", "Tier 1"),
    ("Hong Kong", "Tier 2 Watch List"),
    ("Korea, South", "Tier 1"),
    ("Libya", "Special Case"),
    ("Macau", "Tier 3"),
    ("Malaysia", "Tier 2 Watch List"),
    ("Niger", "Tier 2 Watch List"),
    ("Nigeria", "Tier 2"),
    ("Papua New Guinea", "Tier 3"),
    ("South Sudan", "Tier 3"),
    ("Sudan", "Tier 3"),
    ("Taiwan", "Tier 1"),
    ("Thailand", "Tier 2"),
    ("Türkiye", "Tier 2"),
)

#: Narrative names as the report spells them, for reports of realistic size (`big_report`).
ALL_COUNTRIES: tuple[str, ...] = (
    "Afghanistan", "Albania", "Algeria", "Angola", "Antigua and Barbuda", "Argentina",
    "Armenia", "Aruba", "Australia", "Austria", "Azerbaijan", "Bahamas, The", "Bahrain",
    "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia",
    "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso",
    "Burma", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada",
    "Central African Republic", "Chad", "Chile", "Colombia", "Comoros",
    "Congo, Democratic Republic of the", "Congo, Republic of the", "Costa Rica",
    "Côte d’Ivoire", "Croatia", "Cuba", "Curaçao", "Cyprus", "Czechia", "Denmark",
    "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador",
    "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland",
    "France", "Gabon", "Gambia, The", "Georgia", "Germany", "Ghana", "Greece", "Grenada",
    "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hong Kong",
    "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
    "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Korea, North",
    "Korea, South", "Kosovo", "Kuwait", "Kyrgyz Republic", "Laos", "Latvia", "Lebanon",
    "Lesotho", "Liberia", "Libya", "Lithuania", "Luxembourg", "Macau", "Madagascar",
    "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania",
    "Mauritius", "Mexico", "Micronesia, Federated States of", "Moldova", "Mongolia",
    "Montenegro", "Morocco", "Mozambique", "Namibia", "Nepal", "Netherlands",
    "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman",
    "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay",
    "People’s Republic of China", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
    "Romania", "Russia", "Rwanda", "Saudi Arabia", "Senegal", "Serbia", "Seychelles",
    "Sierra Leone", "Singapore", "Sint Maarten", "Slovakia", "Slovenia",
    "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka",
    "St. Kitts and Nevis", "St. Lucia", "St. Vincent and the Grenadines", "Sudan",
    "Suriname", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania",
    "Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia",
    "Türkiye", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom", "United States of America", "Uruguay", "Uzbekistan", "Vanuatu",
    "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
)

SECTIONS = ("PROSECUTION", "PROTECTION", "PREVENTION", "TRAFFICKING PROFILE")

BlockKind = Literal["title", "h1", "definition", "sample", "placements", "para",
                    "heading", "section", "newpage"]


@dataclass(frozen=True)
class Block:
    """One piece of the report, in reading order.

    `kind` says how it is laid out: "heading" is a narrative's heading line (and carries
    `country` and `tier`); "sample" is the introduction's example heading, laid out the
    same way but not a rating; "definition" is "LABEL: text" with the label in bold;
    "placements" is a tier's list of names (`text` is the tier, `names` the names).
    """

    kind: BlockKind
    text: str = ""
    country: str = ""
    tier: str = ""
    label: str = ""
    names: tuple[str, ...] = ()


# --- names in prose -------------------------------------------------------------------

# name -> (after "The Government of", in the verdict, later mentions)
_PROSE: dict[str, tuple[str, str, str]] = {
    "Korea, South": ("the Republic of Korea (ROK)", "the Republic of Korea", "the ROK"),
    "Korea, North": ("the Democratic People’s Republic of Korea (DPRK)",
                     "the Democratic People’s Republic of Korea", "the DPRK"),
    "Gambia, The": ("The Gambia", "The Gambia", "The Gambia"),
    "Bahamas, The": ("The Bahamas", "The Bahamas", "The Bahamas"),
    "Congo, Democratic Republic of the": ("the Democratic Republic of the Congo (DRC)",
                                          "the Democratic Republic of the Congo", "the DRC"),
    "Congo, Republic of the": ("the Republic of the Congo (ROC)", "the Republic of the Congo",
                               "the ROC"),
    "Micronesia, Federated States of": ("the Federated States of Micronesia (FSM)",
                                        "the Federated States of Micronesia", "the FSM"),
    "Hong Kong": ("the Hong Kong Special Administrative Region (HKSAR)", "Hong Kong",
                  "Hong Kong"),
    "Macau": ("the Macau Special Administrative Region (MSAR)", "Macau", "Macau"),
    "People’s Republic of China": ("the People’s Republic of China (PRC)", "the PRC",
                                   "the PRC"),
    "United States of America": ("the United States", "the United States",
                                 "the United States"),
    "United Arab Emirates": ("the United Arab Emirates (UAE)", "the UAE", "the UAE"),
    "Central African Republic": ("the Central African Republic (CAR)", "the CAR", "the CAR"),
    "Marshall Islands": ("the Marshall Islands (RMI)", "the Marshall Islands", "the RMI"),
}
_THE = {"Dominican Republic", "Netherlands", "Philippines", "United Kingdom",
        "Kyrgyz Republic", "Czech Republic"}

# Who "does (not) fully meet" the standards, where it is not "The Government of …".
_SUBJECT = {
    "Taiwan": ("Taiwan authorities", True),
    "Burma": ("The Burmese military regime", False),
}


def _prose(country: str) -> tuple[str, str, str]:
    if country in _PROSE:
        return _PROSE[country]
    if country in _THE:
        return (f"the {country}",) * 3
    if ", " in country:
        head, _, tail = country.partition(", ")
        return (f"{tail} {head}",) * 3
    return (country,) * 3


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _num(n: int) -> str:
    return f"{n:,}"


def _count(n: int, noun: str, plural: str = "") -> str:
    """ "1 trafficker", "1,204 traffickers"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")

_SH = "\u00ad"  # soft hyphen: fpdf2 may break a line there, drawing "-"
_VOWELS = set("aeiouy")
_DIGRAPHS = {"ck", "ch", "sh", "th", "ph", "ng", "gh", "wh", "qu"}


def _soft_hyphens(text: str, min_len: int = 10) -> str:
    """Put one soft hyphen in each long lower-case word, near its middle, between syllables.

    Capitalised words (names) and words with digits, hyphens or quotes stay whole.
    """

    def hyphenate(match: re.Match[str]) -> str:
        word = match.group(0)
        middle = sorted(range(3, len(word) - 3), key=lambda i: abs(i - len(word) // 2))
        for p in middle:  # vowel, consonant | consonant, vowel: "traf-ficking"
            if (word[p - 2] in _VOWELS and word[p - 1] not in _VOWELS
                    and word[p] not in _VOWELS and word[p + 1] in _VOWELS
                    and word[p - 1:p + 1] not in _DIGRAPHS):
                return word[:p] + _SH + word[p:]
        for p in middle:  # vowel | consonant, vowel: "go-vernment"
            if word[p - 1] in _VOWELS and word[p] not in _VOWELS and word[p + 1] in _VOWELS:
                return word[:p] + _SH + word[p:]
        return word

    return re.sub(rf"\b[a-z]{{{min_len},}}\b", hyphenate, text)


# --- the text -------------------------------------------------------------------------

_EFFORTS = (
    "increasing investigations and prosecutions of suspected traffickers",
    "convicting more traffickers than in the previous reporting period",
    "identifying more victims and referring them to services",
    "adopting a new national action plan to combat trafficking",
    "amending its anti-trafficking law to criminalize all forms of sex trafficking and labor "
    "trafficking",
    "opening a new shelter for trafficking victims in the capital",
    "training labor inspectors to screen migrant workers for trafficking indicators",
    "increasing funding for victim services",
)
_GAPS = (
    "the government did not consistently screen vulnerable populations, including migrant "
    "workers and people in commercial sex, for trafficking indicators",
    "official complicity in trafficking crimes remained a significant concern",
    "courts issued suspended sentences or fines to many convicted traffickers, which weakened "
    "deterrence",
    "victim services remained inadequate, especially for men and boys",
    "the government penalized some victims for unlawful acts traffickers compelled them to "
    "commit",
)
_QUOTES = (
    "modern slavery", "a business built on debt", "worse than prison",
    "under-resourced and overcrowded", "a safe place, at last", "débrouillardise, not crime",
)
_SAYINGS = (
    "No one is above the law.",
    "Every worker deserves to keep their passport and their wages.",
    "We will not tolerate exploitation in our fishing fleet.",
    "Traffickers profit from silence; we will not be silent.",
)
_SECTORS = ("fishing", "palm oil", "construction", "domestic work", "garment manufacturing",
            "mining", "agriculture", "hospitality", "forced begging", "cocoa farming")


def _summary(rng: random.Random, country: str, tier: str, year: int) -> str:
    gov, verdict, short = _prose(country)
    subject, plural = _SUBJECT.get(country, (f"The Government of {gov}", False))
    meets = "fully meet" if plural else "fully meets"
    does = "do" if plural else "does"
    making = "are" if plural else "is"
    e1, e2 = rng.sample(_EFFORTS, 2)
    gap = rng.choice(_GAPS)
    if tier == "Tier 1":
        move = rng.choice(("remained on", "remained on", "was upgraded to"))
        return (f"{subject} {meets} the minimum standards for the elimination of trafficking. "
                f"The government continued to demonstrate serious and sustained efforts during "
                f"the reporting period, considering the impact of its anti-trafficking "
                f"capacity; therefore {verdict} {move} Tier 1. These efforts included {e1} and "
                f"{e2}. Although the government meets the minimum standards, {gap}.")
    if tier == "Tier 2":
        move = rng.choice(("remained on", "remained on", "was upgraded to", "was downgraded to"))
        return (f"{subject} {does} not fully meet the minimum standards for the elimination of "
                f"trafficking but {making} making significant efforts to do so. The government "
                f"demonstrated overall increasing efforts compared with the previous reporting "
                f"period; therefore {verdict} {move} Tier 2. These efforts included {e1} and "
                f"{e2}. However, the government did not meet the minimum standards in several "
                f"key areas: {gap}.")
    if tier == "Tier 2 Watch List":
        ordinal = rng.choice(("second", "third"))
        waiver = ""
        if ordinal == "third":
            waiver = (f" Because the government has devoted sufficient resources to a written "
                      f"plan that, if implemented, would constitute significant efforts to "
                      f"meet the minimum standards, {verdict} was granted a waiver per the "
                      f"Trafficking Victims Protection Act from an otherwise required downgrade "
                      f"to Tier 3.")
        return (f"{subject} {does} not fully meet the minimum standards for the elimination of "
                f"trafficking but {making} making significant efforts to do so. These efforts "
                f"included {e1}. However, the government did not demonstrate overall "
                f"increasing efforts compared with the previous reporting period, and {gap}."
                f"{waiver} The government did not report convicting any officials, and "
                f"{short} remained a destination for victims of forced labor; therefore "
                f"{verdict} remained on Tier 2 Watch List for the {ordinal} consecutive year.")
    if tier == "Tier 3":
        move = rng.choice(("remained on", "remained on", "was downgraded to"))
        return (f"{subject} {does} not fully meet the minimum standards for the elimination of "
                f"trafficking and {making} not making significant efforts to do so; therefore "
                f"{verdict} {move} Tier 3. Despite the lack of significant efforts, the "
                f"government took some steps to address trafficking, including {e1}. However, "
                f"{gap}.")
    ordinal = rng.choice(_ORDINALS)
    return (f"{_cap(verdict)} remained a Special Case for the {ordinal} consecutive year. "
            f"Ongoing conflict and the absence of a unified government with control over its "
            f"territory meant the Department could not fully assess anti-trafficking efforts "
            f"during the reporting period ({year - 1} to {year}). Authorities in the capital "
            f"continued to lack the capacity to address trafficking, and armed groups "
            f"controlled detention centers where migrants were exploited.")


def _neighbours(rng: random.Random, country: str, others: Sequence[str]) -> list[str]:
    """Two other countries a narrative mentions (from the report, else from `ALL_COUNTRIES`)."""
    pool = list(dict.fromkeys(c for c in others if c != country))
    if len(pool) < 2:
        pool += [c for c in ALL_COUNTRIES if c != country and c not in pool][: 2 - len(pool)]
    return rng.sample(pool, 2)


def _section_paras(rng: random.Random, country: str, tier: str, year: int,
                   others: Sequence[str]) -> dict[str, list[str]]:
    _, verdict, short = _prose(country)
    ry = year - 1
    weak = tier in ("Tier 3", "Special Case")
    inv = rng.randint(2, 20) if weak else rng.randint(20, 400)
    pros = max(1, inv * rng.randint(40, 80) // 100)
    conv = max(0, pros * rng.randint(20, 70) // 100)
    inv0, pros0, conv0 = (max(0, n + rng.randint(-n // 3 - 1, n // 3 + 1))
                          for n in (inv, pros, conv))
    victims = rng.randint(5, 60) if weak else rng.randint(60, 2400)
    sex = victims * rng.randint(20, 70) // 100
    labor = victims - sex
    victims0 = max(1, victims + rng.randint(-victims // 4, victims // 4))
    calls = rng.randint(200, 12000)
    low, high = rng.choice(((3, 10), (4, 20), (5, 15), (8, 20), (2, 12)))
    a, b = rng.sample(_SECTORS, 2)
    n1, n2 = _neighbours(rng, country, others)
    q1, q2 = rng.sample(_QUOTES, 2)
    trend = rng.choice(("increased", "maintained", "decreased")) if not weak else "decreased"
    paras = {
        "PROSECUTION": [
            f"The government {trend} law enforcement efforts. The anti-trafficking law "
            f"criminalized sex trafficking and labor trafficking and prescribed penalties of "
            f"{low} to {high} years’ imprisonment, which were sufficiently stringent and, with "
            f"respect to sex trafficking, commensurate with those for other grave crimes.",
            f"During the reporting period, the government reported investigating "
            f"{_count(inv, 'case')}, prosecuting {_count(pros, 'defendant')} and convicting "
            f"{_count(conv, 'trafficker')} in {ry}, compared with "
            f"{_count(inv0, 'investigation')}, {_count(pros0, 'prosecution')}, and "
            f"{_count(conv0, 'conviction')} in {ry - 1}. In one case, a court "
            f"described the defendant’s conduct as “{q1}” and sentenced him to "
            f"{rng.randint(low, high)} years’ imprisonment. The government did not report any "
            f"investigations, prosecutions, or convictions of government employees complicit "
            f"in human trafficking crimes.",
        ],
        "PROTECTION": [
            f"The government {trend} efforts to protect victims. The government identified "
            f"{_count(victims, 'victim')} in {ry} ({_num(sex)} of sex trafficking and "
            f"{_num(labor)} of labor trafficking), compared with {_count(victims0, 'victim')} "
            f"in {ry - 1}. The government referred {_count(victims // 2, 'victim')} to care, "
            f"and nongovernmental organizations (NGOs) reported assisting "
            f"{_count(victims // 3 + 4, 'victim')}. One NGO described the shelters as “{q2}.”",
            f"The government {rng.choice(('had', 'did not have'))} standard operating "
            f"procedures for victim identification and referral. Authorities operated "
            f"{_count(rng.randint(1, 14), 'shelter')} for trafficking victims, which offered "
            f"medical care, psychosocial support, and legal assistance. The law provided "
            f"foreign victims with legal alternatives to their removal to countries where they "
            f"would face hardship or retribution, and authorities granted "
            f"{_count(rng.randint(0, 60), 'temporary residence permit')} in {ry}. However, "
            f"authorities penalized some victims, including foreign women in commercial sex, "
            f"for unlawful acts traffickers compelled them to commit.",
        ],
        "PREVENTION": [
            f"The government maintained efforts to prevent trafficking. The national "
            f"anti-trafficking committee met {rng.randint(2, 12)} times and allocated "
            f"${rng.randint(1, 9)}.{rng.randint(1, 9)} million to implement the {ry}–{ry + 4} "
            f"national action plan. The government’s hotline received {_num(calls)} calls, "
            f"{_num(calls // rng.randint(20, 60))} of which were referred to law enforcement. "
            f"Labor inspectors conducted {_num(rng.randint(300, 9000))} inspections. The "
            f"government did not make efforts to reduce the demand for commercial sex acts.",
            f"The government trained {_count(rng.randint(40, 3000), 'official')} on victim "
            f"identification and conducted awareness campaigns in schools and at border "
            f"crossings. It signed a memorandum of understanding with {_prose(n2)[1]} on the "
            f"protection of migrant workers. At the launch of the campaign, the minister of "
            f"labor said, “{rng.choice(_SAYINGS)}”",
        ],
        "TRAFFICKING PROFILE": [
            f"As reported over the past five years, human traffickers exploit domestic and "
            f"foreign victims in {verdict}, and traffickers exploit victims from {short} "
            f"abroad. Traffickers exploit men and boys from {_prose(n1)[1]} and "
            f"{_prose(n2)[1]} in forced labor in the {a} and {b} sectors. Traffickers recruit "
            f"women and girls with false promises of employment and exploit them in sex "
            f"trafficking in {_prose(n1)[1]} and in Gulf states.",
        ],
    }
    return paras


_FILLER = (
    "NGOs reported that recruitment agencies charged workers exorbitant fees, leaving many "
    "in debt bondage before they arrived at their worksites.",
    "Observers noted that employers routinely confiscated identity documents and withheld "
    "wages, practices that remained widespread despite legal prohibitions.",
    "The government did not systematically collect or publish comprehensive law enforcement "
    "data, which hindered assessment of its overall efforts.",
    "Authorities continued to rely on victims to self-identify, and insufficient interpreters "
    "limited officials’ ability to interview foreign workers.",
    "International organizations provided training for prosecutors and judges on the "
    "application of the anti-trafficking law and victim-centered, trauma-informed approaches.",
    "Civil society organizations reported that police sometimes treated potential victims as "
    "immigration violators and detained them pending deportation.",
    "The labor ministry expanded awareness campaigns in source communities, distributing "
    "leaflets in several languages at airports and border crossings.",
    "Victims could file civil suits against traffickers, but in practice few did so, citing "
    "lengthy proceedings and fear of retaliation.",
    "Courts were slow to adjudicate trafficking cases, and some defendants remained in pretrial "
    "detention for more than two years.",
    "Officials acknowledged that the shelter network lacked specialized staff and that "
    "reintegration assistance was limited to a few months.",
    "An interagency working group drafted standard operating procedures for victim "
    "identification, but the government had not adopted them by the end of the reporting "
    "period.",
    "Migrant workers in remote plantations and on distant-water fishing vessels were "
    "particularly vulnerable to forced labor because of their isolation.",
)


def _filler(rng: random.Random, country: str, year: int) -> str:
    short = _prose(country)[2]
    lead = rng.choice((
        f"In {year - 1}, officials in {short} reported",
        "During the reporting period, observers reported",
        f"According to a {year - 1} survey, {rng.randint(12, 68)} percent of respondents said",
    ))
    sentences = rng.sample(_FILLER, 4)
    return (f"{lead} that {rng.randint(3, 900)} workers had been recruited through unlicensed "
            f"intermediaries. " + " ".join(sentences))


def _introduction(year: int, countries: Sequence[tuple[str, str]]) -> list[Block]:
    specials = [c for c, t in countries if t == "Special Case"]
    special_text = (f"This year, the Department designated {_join(specials)} as "
                    f"{'a Special Case' if len(specials) == 1 else 'Special Cases'}."
                    if specials else "This year, the Department designated no Special Cases.")
    blocks = [
        Block("h1", "INTRODUCTION"),
        Block("para", f"The Department of State is required by law to submit each year to the "
              f"U.S. Congress a report on foreign governments’ efforts to eliminate severe "
              f"forms of trafficking in persons. The {year} Trafficking in Persons Report "
              f"covers government efforts undertaken from April 1, {year - 1} through "
              f"March 31, {year}."),
        Block("para", "The Department prepared this Report using information from U.S. "
              "embassies, government officials, nongovernmental and international "
              "organizations, published reports, news articles, academic studies, consultations "
              "with authorities and organizations in every region of the world, and information "
              "submitted to tipreport@state.gov. U.S. diplomatic posts and domestic agencies "
              "reported on the trafficking situation and governmental action to fight "
              "trafficking based on thorough research that included meetings with a wide "
              "variety of government officials, local and international NGO representatives, "
              "officials of international organizations, journalists, academics, and "
              "survivors."),
        Block("h1", "TIER PLACEMENT"),
        Block("para", "The Department places each country in this Report onto one of four tiers, "
              "as mandated by the Trafficking Victims Protection Act (TVPA). This placement is "
              "based not on the size of a country’s problem but on the extent of government "
              "efforts to meet the TVPA’s minimum standards for the elimination of human "
              "trafficking, which are generally consistent with the Palermo Protocol."),
        Block("definition", "Countries whose governments fully meet the Trafficking Victims "
              "Protection Act’s (TVPA) minimum standards for the elimination of trafficking.",
              label="TIER 1:"),
        Block("definition", "Countries whose governments do not fully meet the TVPA’s minimum "
              "standards but are making significant efforts to bring themselves into "
              "compliance with those standards.", label="TIER 2:"),
        Block("definition", "Countries whose governments do not fully meet the TVPA’s minimum "
              "standards but are making significant efforts to bring themselves into "
              "compliance with those standards, and for which: a) the estimated number of "
              "victims of severe forms of trafficking is very significant or is significantly "
              "increasing and the country is not taking proportional concrete actions; or b) "
              "there is a failure to provide evidence of increasing efforts to combat severe "
              "forms of trafficking in persons from the previous year.",
              label="TIER 2 WATCH LIST:"),
        Block("definition", "Countries whose governments do not fully meet the TVPA’s minimum "
              "standards and are not making significant efforts to do so.", label="TIER 3:"),
        Block("definition", "A country is a Special Case when civil conflict, a humanitarian "
              "crisis, or the absence of a functioning central government prevents the "
              "Department from assessing government efforts; such a country is not placed on "
              "a tier. " + special_text, label="SPECIAL CASE:"),
        Block("para", "The TVPA lists additional factors to determine whether a country should "
              "be on Tier 2 (or Tier 2 Watch List) versus Tier 3: first, the extent to which "
              "the country is a country of origin, transit, or destination for severe forms of "
              "trafficking; second, the extent to which the country’s government does not meet "
              "the minimum standards and, in particular, the extent to which officials or "
              "government employees have been complicit in severe forms of trafficking; and "
              "third, reasonable measures that the government would need to undertake to be in "
              "compliance with the minimum standards in light of the government’s resources and "
              "capabilities. A country that has been on Tier 2 Watch List for two consecutive "
              "years and would otherwise remain there is automatically downgraded to Tier 3 "
              "unless it receives a waiver."),
        Block("h1", "HOW TO READ A COUNTRY NARRATIVE"),
        Block("para", "Each country narrative opens with the country’s name and its tier "
              "placement, as in the sample below, followed by a summary of the government’s "
              "efforts and the sections on prosecution, protection, prevention, and the "
              "trafficking profile."),
        Block("sample", "COUNTRY X: TIER 2 WATCH LIST"),
        Block("para", "The Government of Country X does not fully meet the minimum standards "
              "for the elimination of trafficking but is making significant efforts to do so. "
              "The summary explains the tier placement in one sentence, for example: therefore "
              "Country X remained on Tier 2 Watch List for the second consecutive year. "
              "Headings in bold mark the PROSECUTION, PROTECTION, PREVENTION, and TRAFFICKING "
              "PROFILE sections that follow."),
        Block("h1", "PENALTIES FOR TIER 3 COUNTRIES"),
        Block("para", "Pursuant to the TVPA, governments of countries on Tier 3 may be subject "
              "to certain restrictions on assistance, whereby the President may determine not "
              "to provide U.S. government nonhumanitarian, nontrade-related foreign assistance. "
              "In addition, the President may determine to withhold funding for government "
              "official or employee participation in educational and cultural exchange "
              "programs for certain Tier 3 countries. Consistent with the TVPA, the President "
              "may also determine to instruct the U.S. Executive Director of each multilateral "
              "development bank and the International Monetary Fund to vote against and use "
              "their best efforts to deny any loans or other uses of the institutions’ funds to "
              "a designated Tier 3 country for most purposes."),
        Block("h1", "TIER PLACEMENTS"),
    ]
    for tier in TIERS:
        names = tuple(c for c, t in countries if t == tier)
        if names:
            blocks.append(Block("placements", tier.upper(), names=names))
    return blocks


def _join(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


#: Filler paragraphs that fill about one page (used for `pages_per_country`).
PARAS_PER_PAGE = 7
_FILLER_PER_PAGE = 6.75  # as measured on big reports


def report_blocks(year: int = 2024, countries: Sequence[tuple[str, str]] | None = None,
                  pages_per_country: int = 1, filler_paragraphs: int = 0) -> list[Block]:
    """The report's text, block by block, as `annual_report` lays it out (same arguments).

    Paragraph texts contain the soft hyphens (U+00AD) that may become line-end hyphens.
    """
    countries = _checked(DEFAULT_COUNTRIES if countries is None else countries)
    names = [c for c, _ in countries]
    blocks = [
        Block("title", f"{year} Trafficking in Persons Report"),
        Block("title", "United States of America Department of State"),
        Block("title", f"June {year}"),
        Block("newpage"),
        *_introduction(year, countries),
        Block("newpage"),
        Block("h1", "COUNTRY NARRATIVES"),
    ]
    extra = filler_paragraphs + (pages_per_country - 1) * PARAS_PER_PAGE
    for country, tier in countries:
        rng = random.Random(f"{year}:{country}:{tier}")
        blocks.append(Block("heading", f"{country.upper()}: {tier.upper()}", country, tier))
        blocks.append(Block("para", _summary(rng, country, tier, year)))
        sections = _section_paras(rng, country, tier, year, names)
        for i in range(extra):
            sections[SECTIONS[i % len(SECTIONS)]].append(_filler(rng, country, year))
        for section in SECTIONS:
            blocks.append(Block("section", section))
            blocks.extend(Block("para", _soft_hyphens(p)) for p in sections[section])
    return blocks


def _checked(countries: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    canonical = {t.lower(): t for t in TIERS}
    out = []
    for country, tier in countries:
        if tier.lower() not in canonical:
            raise ValueError(f"unknown tier {tier!r} for {country!r}; use one of {TIERS}")
        out.append((country, canonical[tier.lower()]))
    return out


# --- the layout -----------------------------------------------------------------------
#
# fpdf2's multi_cell re-measures the growing line for every character it adds (about
# 1.6 ms a line here, 25 s for 300 pages), so body text is broken into lines here, with
# cached word widths, and each line is drawn with FPDF.text() (about 50 µs a line).
# Lines are ragged-right, not justified; a line may end at a soft hyphen, drawn "-", or
# after the hyphen of a compound ("anti-" / "trafficking"), which looks the same.

LINE = 4.6  # body line height, mm
BODY_PT = 9.5
_BASELINE = 0.78 * LINE  # from a line's top to its baseline


class _ReportPDF(FPDF):
    """Letter pages, DejaVu fonts, running header and page number after the title page."""

    def __init__(self, year: int) -> None:
        super().__init__(orientation="portrait", unit="mm", format="Letter")
        self.year = year
        self.add_font("DejaVu", "", str(FONT))
        self.add_font("DejaVu", "B", str(FONT_BOLD))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)
        self.set_creation_date(datetime(year, 6, 1, tzinfo=UTC))
        self.set_title(f"{year} Trafficking in Persons Report")
        self.set_author("United States of America Department of State")
        self.c_margin = 0  # headings and body lines start at the same left edge
        self._widths: dict[tuple[str, str], float] = {}

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("DejaVu", "", 7.5)
        self.set_y(8)
        self.cell(0, 4, f"{self.year} TRAFFICKING IN PERSONS REPORT", align=Align.C)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 4, str(self.page_no()), align=Align.C)

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm fit below the current position."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def line_of(self, text: str, size: float, height: float) -> None:
        """One bold line, shrunk to fit the text width (a heading never wraps)."""
        width = self.w - self.l_margin - self.r_margin
        self.set_font("DejaVu", "B", size)
        while self.get_string_width(text) > width and size > 6:
            size -= 0.5
            self.set_font("DejaVu", "B", size)
        self.cell(0, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def width_of(self, text: str) -> float:
        """The width of `text` in the current font, cached per font."""
        key = (self.font_style, text)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.get_string_width(text)
        return width

    def lines(self, text: str, first_indent: float = 0.0) -> list[str]:
        """Break `text` into lines of the body font, at spaces or soft hyphens."""
        full = self.w - self.l_margin - self.r_margin
        space = self.width_of(" ")
        lines: list[str] = []
        line: list[str] = []
        used = 0.0
        room = full - first_indent
        for token in text.split(" "):
            # "anti-traf\xadficking" -> ["anti-", "traf", "ficking"]: a line may end after a
            # hard hyphen (as typesetters do) or at a soft hyphen, which is then drawn "-".
            parts = [p for p in re.split(r"(?<=-)|\xad", token) if p]
            while parts:
                word = "".join(parts)
                gap = space if line else 0.0
                if used + gap + self.width_of(word) <= room or (not line and len(parts) == 1):
                    line.append(word)
                    used += gap + self.width_of(word)
                    break
                for k in range(len(parts) - 1, 0, -1):
                    head = "".join(parts[:k])
                    head += "" if head.endswith("-") else "-"
                    if used + gap + self.width_of(head) <= room:
                        line.append(head)
                        parts = parts[k:]
                        break
                else:
                    if not line:  # a word piece wider than a line: put it alone
                        line.append(parts[0] if parts[0].endswith("-") else parts[0] + "-")
                        parts = parts[1:]
                lines.append(" ".join(line))
                line, used, room = [], 0.0, full
        if line:
            lines.append(" ".join(line))
        return lines

    def para(self, text: str, label: str = "") -> None:
        """A body paragraph; `label` starts its first line in bold ("TIER 1:")."""
        indent = 0.0
        if label:
            self.set_font("DejaVu", "B", BODY_PT)
            indent = self.get_string_width(label + " ")
        self.set_font("DejaVu", "", BODY_PT)
        for i, line in enumerate(self.lines(text, indent)):
            if self.get_y() + LINE > self.page_break_trigger:
                self.add_page()
                self.set_font("DejaVu", "", BODY_PT)
            y = self.get_y()
            if i == 0 and label:
                self.set_font("DejaVu", "B", BODY_PT)
                self.text(self.l_margin, y + _BASELINE, label)
                self.set_font("DejaVu", "", BODY_PT)
            self.text(self.l_margin + (indent if i == 0 else 0.0), y + _BASELINE, line)
            self.set_y(y + LINE)
        self.ln(1.6)


def _render(pdf: _ReportPDF, blocks: Sequence[Block]) -> list[tuple[str, str, int]]:
    headings: list[tuple[str, str, int]] = []
    pdf.add_page()
    pdf.set_y(80)
    for block in blocks:
        if block.kind == "title":
            pdf.set_font("DejaVu", "B", 24 if "Report" in block.text else 14)
            pdf.multi_cell(0, 12, block.text, align=Align.C, new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT)
            pdf.ln(6)
        elif block.kind == "newpage":
            pdf.add_page()
        elif block.kind == "h1":
            pdf.keep(9 + 3 * LINE)
            pdf.ln(2)
            pdf.line_of(block.text, 12, 7)
            pdf.ln(1)
        elif block.kind in ("heading", "sample"):
            pdf.keep(12 + 4 * LINE)
            pdf.ln(4)
            if block.kind == "heading":
                headings.append((block.country, block.tier, pdf.page_no()))
            pdf.line_of(block.text, 12.5, 7)
            pdf.ln(1)
        elif block.kind == "section":
            pdf.keep(7 + 2 * LINE)
            pdf.ln(1)
            pdf.line_of(block.text, BODY_PT, 5.5)
        elif block.kind == "definition":
            pdf.para(block.text, label=block.label)
        elif block.kind == "placements":
            pdf.keep(6 + 2 * LINE)
            pdf.line_of(block.text, BODY_PT, 5.5)
            pdf.set_font("DejaVu", "", 8)
            width = pdf.w - pdf.l_margin - pdf.r_margin
            widest = max(pdf.get_string_width(name) for name in block.names) + 3
            columns = max(1, min(4, int(width // widest)))  # no name runs into the next
            column = width / columns
            for i, name in enumerate(block.names):
                last = i % columns == columns - 1 or i == len(block.names) - 1
                pdf.cell(column, 4, name, new_x=XPos.LMARGIN if last else XPos.RIGHT,
                         new_y=YPos.NEXT if last else YPos.TOP)
            pdf.ln(2)
        else:
            pdf.para(block.text)
    return headings


def annual_report(path: Path, year: int = 2024,
                  countries: Sequence[tuple[str, str]] | None = None,
                  pages_per_country: int = 1,
                  filler_paragraphs: int = 0) -> list[tuple[str, str, int]]:
    """Write a PDF laid out like the annual TIP Report; return its narratives' headings.

    `countries` are (name, tier) pairs in the report's spelling ("Korea, South",
    "Côte d’Ivoire") with a tier from `TIERS` in any case; the default is
    `DEFAULT_COUNTRIES`. Each narrative fills about one page; `pages_per_country`
    adds about a page of filler paragraphs per extra page, `filler_paragraphs` adds that
    many more to each narrative. Returns (country, tier, page) per narrative in the
    order written, with the canonical tier ("Tier 2 Watch List") and the 1-based page
    on which the heading line is.
    """
    if pages_per_country < 1 or filler_paragraphs < 0:
        raise ValueError("pages_per_country must be >= 1 and filler_paragraphs >= 0")
    pdf = _ReportPDF(year)
    headings = _render(pdf, report_blocks(year, countries, pages_per_country,
                                          filler_paragraphs))
    pdf.output(str(path))
    return headings


def big_report_layout(pages: int = 300) -> tuple[list[tuple[str, str]], int]:
    """The (countries, filler_paragraphs) that `big_report` passes to `annual_report`."""
    fixed = dict(DEFAULT_COUNTRIES)
    rng = random.Random("tipcli-big-report")
    countries: list[tuple[str, str]] = []
    for name in ALL_COUNTRIES:
        if name in fixed:
            tier = fixed[name]
        elif name in ("Somalia", "Yemen"):
            tier = "Special Case"
        else:
            tier = rng.choices(TIERS[:4], weights=(30, 95, 35, 22))[0]
        countries.append((name, tier))
    body = max(1, pages - 4)  # the title page and about three of introduction
    if body <= len(countries):
        return countries[:body], 0
    # Pad every narrative with the same number of filler paragraphs, then drop narratives
    # so that the rounding up does not overshoot.
    filler = math.ceil((body - len(countries)) * _FILLER_PER_PAGE / len(countries))
    n = min(len(countries), max(1, round(body / (1 + filler / _FILLER_PER_PAGE))))
    return countries[:n], filler


def big_report(path: Path, pages: int = 300) -> list[tuple[str, str, int]]:
    """Write an annual-report-like PDF of about `pages` pages (for benchmarks).

    Up to 190-odd narratives of the report's real country names, padded with filler
    paragraphs; returns the headings as `annual_report` does.
    """
    countries, filler = big_report_layout(pages)
    return annual_report(path, countries=countries, filler_paragraphs=filler)


# --- PDFs that are not ordinary -------------------------------------------------------

def encrypted(path: Path, user_password: str = USER_PASSWORD, aes: bool = False) -> None:
    """Write a small annual-report-like PDF, encrypted (RC4-128, or AES-256 with `aes`).

    With the default user password a reader must supply `USER_PASSWORD` (or
    `OWNER_PASSWORD`) to read any text; with `user_password=""` it opens without
    one, like the many published PDFs that are encrypted only to restrict permissions.
    `aes` needs the `cryptography` package (fpdf2 encrypts with it; pypdf needs it to read).
    """
    pdf = _ReportPDF(2024)
    method = EncryptionMethod.AES_256 if aes else EncryptionMethod.RC4
    pdf.set_encryption(owner_password=OWNER_PASSWORD, user_password=user_password,
                       encryption_method=method)
    _render(pdf, report_blocks(2024, DEFAULT_COUNTRIES[:3]))
    pdf.output(str(path))


def _png(width: int, height: int, seed: int) -> bytes:
    """A grayscale PNG that looks like a scanned page of text: rows of dark word blocks."""
    rng = random.Random(seed)
    white = b"\x00" + b"\xff" * width  # filter byte 0, then the row

    def text_row() -> bytes:
        row = bytearray(b"\xff" * width)
        x = width // 10
        while x < width - width // 10:
            word = rng.randint(width // 60, width // 12)
            row[x:min(x + word, width - width // 10)] = b"\x30" * (
                min(x + word, width - width // 10) - x)
            x += word + width // 90
        return b"\x00" + bytes(row)

    rows = []
    y = 0
    margin = height // 12
    while y < height:
        if margin <= y < height - margin and (y - margin) % 24 < 12:
            line = text_row()
            rows.extend([line] * 12)
            y += 12
        else:
            rows.append(white)
            y += 1
    raw = b"".join(rows[:height])

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grayscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def image_only(path: Path, pages: int = 2) -> None:
    """Write a "scanned" PDF: each page is one embedded raster image and has no text layer."""
    pdf = FPDF(unit="mm", format="Letter")
    pdf.set_creation_date(datetime(2024, 6, 1, tzinfo=UTC))
    pdf.set_auto_page_break(False)
    for i in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(_png(1275, 1650, i)), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))


def damaged(path: Path, how: Literal["truncated", "xref", "notpdf"] = "truncated") -> None:
    """Write a broken PDF.

    "truncated": a valid small report cut in the middle (no fonts, xref or trailer);
    "xref": the whole file with every cross-reference offset and `startxref` wrong;
    "notpdf": an HTML error page saved under a .pdf name.
    """
    if how == "notpdf":
        path.write_bytes(b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n")
        return
    pdf = _ReportPDF(2024)
    _render(pdf, report_blocks(2024, DEFAULT_COUNTRIES[:3]))
    data = bytes(pdf.output())
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
        return
    start = data.rindex(b"\nxref\n") + 1
    table = data[start:]
    table = re.sub(rb"(?m)^(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (
        int(m.group(1)) * 7 // 5 + 13, m.group(2)), table)
    table = re.sub(rb"startxref\s+(\d+)", b"startxref\n12345", table)
    path.write_bytes(data[:start] + table)
