"""Places: every jurisdiction the report rates by every name, and the names that are also
other things (people, a US state, a longer name, a bare 'Congo')."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, facts_in
from tipcli.extract.places import mentions
from tipcli.lexicon.places import DATA, fold, gazetteer

JURISDICTIONS = json.loads(DATA.read_text(encoding="utf-8"))


def places_in(text: str, primary: str | None = None) -> list[str | None]:
    return [m.place for m in mentions(text, 0, len(text), primary)]


def ratings_in(sentence: str) -> set[tuple[str, int | None, str]]:
    return {(f.jurisdiction, f.year, str(f.key)) for f in facts_in(sentence, "rating")}


def test_the_list_holds_every_rated_place_once() -> None:
    records = JURISDICTIONS["jurisdictions"]
    assert 185 <= len(records) <= 205
    names = [r["name"] for r in records]
    assert len(set(names)) == len(names)
    owners: dict[str, str] = {}
    for r in records:
        assert r["name"] in r["aliases"]
        for alias in r["aliases"] + r["adjectives"]:
            assert "," not in alias, alias
            assert owners.setdefault(fold(alias), r["name"]) == r["name"], alias
    for key in JURISDICTIONS["ambiguous"]:
        assert fold(key) not in owners, key


@pytest.mark.parametrize("written, canonical", [
    ("Burma", "Burma"), ("Myanmar", "Burma"), ("South Korea", "South Korea"),
    ("Republic of Korea", "South Korea"), ("Côte d'Ivoire", "Côte d'Ivoire"),
    ("Ivory Coast", "Côte d'Ivoire"), ("The Gambia", "The Gambia"), ("Gambia", "The Gambia"),
    ("Curaçao", "Curaçao"), ("Sint Maarten", "Sint Maarten"), ("Kosovo", "Kosovo"),
    ("Taiwan", "Taiwan"), ("Hong Kong", "Hong Kong"), ("Macao", "Macau"), ("Macau", "Macau"),
    ("Türkiye", "Türkiye"), ("Turkey", "Türkiye"), ("Libya", "Libya"), ("Somalia", "Somalia"),
    ("Yemen", "Yemen"), ("the Philippines", "Philippines"), ("the PRC", "China"),
])
def test_names_writers_use(written: str, canonical: str) -> None:
    assert places_in(f"Officials in {written} said so.") == [canonical]


@pytest.mark.parametrize("typed, canonical", [
    ("south korea", "South Korea"), ("ROK", "South Korea"), ("rok", "South Korea"),
    ("Burma", "Burma"), ("myanmar", "Burma"), ("macao", "Macau"), ("HK", "Hong Kong"),
    ("korea, south", "South Korea"), ("the gambia", "The Gambia"), ("turkiye", "Türkiye"),
    ("cote d'ivoire", "Côte d'Ivoire"),
])
def test_users_may_type_any_name(typed: str, canonical: str) -> None:
    assert gazetteer().resolve(typed) == canonical


def test_adjectives_stand_for_a_place_only_before_its_government() -> None:
    assert places_in("The Thai government said so.") == ["Thailand"]
    assert places_in("Malaysian authorities said so.") == ["Malaysia"]
    assert places_in("Burmese workers arrived.") == [None]  # people from there, not Burma
    assert places_in("Nigerien officials said so.") == ["Niger"]


def test_regions_blocs_and_cities_are_no_jurisdiction() -> None:
    assert places_in("Southeast Asia, the EU and Kowloon") == [None, None, None]
    assert ratings_in("Southeast Asia was placed on Tier 2 in the 2020 report.") == set()


# --- the named risks ---------------------------------------------------------------------

def test_people_called_chad_or_jordan() -> None:
    assert ratings_in("Chad Morgan, a researcher, said the report kept Malaysia on Tier 3.") \
        == {("Malaysia", 2020, "Tier 3")}
    assert ratings_in("Jordan Ellis wrote that the report kept Jordan on Tier 2.") \
        == {("Jordan", 2020, "Tier 2")}
    assert places_in("Chad remained on Tier 3.") == ["Chad"]


def test_the_us_state_of_georgia() -> None:
    assert ratings_in("Prosecutors in Atlanta, Georgia, welcomed the report, which kept the "
                      "United States on Tier 1.") == {("United States", 2020, "Tier 1")}
    assert places_in("The Georgia Bureau of Investigation opened 84 cases.") == [None]
    assert ratings_in("The report placed Georgia on Tier 1.") == {("Georgia", 2020, "Tier 1")}


def test_niger_inside_nigeria() -> None:
    assert ratings_in("Nigeria remained on Tier 2.") == {("Nigeria", 2020, "Tier 2")}
    assert places_in("Nigeria and Niger") == ["Nigeria", "Niger"]


def test_guinea_inside_longer_names() -> None:
    assert ratings_in("Papua New Guinea stayed on Tier 3.") == {("Papua New Guinea", 2020,
                                                                 "Tier 3")}
    assert ratings_in("Guinea-Bissau was moved to Tier 3.") == {("Guinea-Bissau", 2020, "Tier 3")}
    assert places_in("Equatorial Guinea and Guinea") == ["Equatorial Guinea", "Guinea"]
    assert places_in("the island of New Guinea") == [None]


def test_dominica_and_the_dominican_republic() -> None:
    assert ratings_in("The Dominican Republic stayed on Tier 2.") == {("Dominican Republic",
                                                                       2020, "Tier 2")}
    assert ratings_in("Dominica was placed on the Tier 2 Watch List.") == {
        ("Dominica", 2020, "Tier 2 Watch List")}
    assert places_in("Dominican officials said so.") == [None]  # either of the two


def test_sudan_inside_south_sudan() -> None:
    assert ratings_in("South Sudan remained on Tier 3.") == {("South Sudan", 2020, "Tier 3")}
    assert places_in("South Sudan and Sudan") == ["South Sudan", "Sudan"]


@pytest.mark.parametrize("sentence", [
    "Congo remained on Tier 3.", "Korea kept its Tier 1 rating.",
    "The report kept Korea on Tier 1 and Congo on Tier 3.",
])
def test_a_bare_congo_or_korea_is_never_guessed(sentence: str) -> None:
    assert ratings_in(sentence) == set()


def test_turkey_and_turkiye() -> None:
    assert ratings_in("Turkey was placed on Tier 2.") == {("Türkiye", 2020, "Tier 2")}
    assert ratings_in("Türkiye stayed on Tier 2.") == {("Türkiye", 2020, "Tier 2")}
    assert places_in("We ate turkey and china plates.") == []


def test_the_report_names_with_a_comma_only_in_lists() -> None:
    assert places_in("Tier 1: Japan, Korea, South, Kosovo") == ["Japan", "South Korea",
                                                                 "Kosovo"]
    assert places_in("Korea, South Africa and Chile") == [None, "South Africa", "Chile"]


def test_the_rater_is_not_the_rated() -> None:
    assert ratings_in("China, the U.S. report said, stays on Tier 3.") == {("China", 2020,
                                                                           "Tier 3")}


# --- where the list comes from ---------------------------------------------------------------

def test_the_list_is_what_the_generator_builds(tmp_path: Path) -> None:
    """scripts/gazetteer/build.py rebuilds the committed list byte for byte from pycountry
    and the supplement (pycountry is a test dependency; tipcli never imports it)."""
    pytest.importorskip("pycountry")
    before = {p: p.read_bytes() for p in (DATA, ROOT / "docs" / "jurisdictions.md")}
    try:
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / "gazetteer" / "build.py")],
                              capture_output=True, text=True, check=False, timeout=120)
        assert done.returncode == 0, done.stderr
        for path, data in before.items():
            assert path.read_bytes() == data, f"{path} is stale: rerun the generator"
    finally:
        for path, data in before.items():
            path.write_bytes(data)


def test_lookups_never_load_the_list(cli: Any) -> None:
    """The default lookup needs no place names: the gazetteer is read only to match one."""
    code = ("import sys; from tipcli.cli.app import main; main(['rating', '2022', '--json']);"
            "sys.exit(int('tipcli.lexicon.places' in sys.modules))")
    assert cli("sources").code == 0  # build the store first
    import os

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ), check=False)
    assert done.returncode == 0, done.stderr
