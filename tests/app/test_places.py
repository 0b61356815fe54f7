from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge.models import Municipality
from knowledge.places import Gazetteer, PlaceRows, places_from_package


@lru_cache(maxsize=1)
def package_rows() -> PlaceRows:
    return places_from_package()


def test_the_package_gives_285_flemish_and_19_brussels_municipalities() -> None:
    rows = package_rows()
    regions = [rows.provinces[m["province_code"]]["region"] for m in rows.municipalities.values()]
    assert regions.count("Vlaanderen") == 285
    assert regions.count("Brussel") == 19


def test_every_municipality_resolves_from_its_name(kb: Session) -> None:
    gazetteer = Gazetteer(kb)
    assert len(gazetteer.municipalities) == 304
    for refnis, values in package_rows().municipalities.items():
        for name in {values["name_nl"], values["name_fr"]}:
            result = gazetteer.resolve(name)
            assert result.status == "resolved", (name, result)
            assert result.candidates[0].refnis == refnis, name


def test_every_postcode_resolves_to_all_of_its_municipalities(kb: Session) -> None:
    gazetteer = Gazetteer(kb)
    expected: dict[str, set[str]] = defaultdict(set)
    for code, refnis in package_rows().postcodes:
        expected[code].add(refnis)
    assert len(expected) > 400
    for code, refnis_set in expected.items():
        result = gazetteer.resolve(code)
        assert {c.refnis for c in result.candidates} == refnis_set, code
        assert result.status == ("resolved" if len(refnis_set) == 1 else "ambiguous"), code


@pytest.mark.parametrize("code", ["1040", "1050", "1804"])
def test_shared_postcodes_come_back_ambiguous_with_both(kb: Session, code: str) -> None:
    result = Gazetteer(kb).resolve(code)
    assert result.status == "ambiguous"
    assert len(result.candidates) == 2
    assert result.place is None


def test_a_name_given_with_a_shared_postcode_settles_it(kb: Session) -> None:
    result = Gazetteer(kb).resolve("1050 Elsene")
    assert result.status == "resolved" and result.candidates[0].name == "Elsene"


@pytest.mark.parametrize(
    ("alias", "municipality"),
    [
        ("Borsbeek", "Antwerpen"),
        ("Kruibeke", "Beveren-Kruibeke-Zwijndrecht"),
        ("Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht"),
        ("Meulebeke", "Tielt"),
        ("Moerbeke-Waas", "Lokeren"),
        ("Kortessem", "Hasselt"),
        ("Melle", "Merelbeke-Melle"),
        ("Galmaarden", "Pajottegem"),
        ("Gooik", "Pajottegem"),
        ("Herne", "Pajottegem"),
        ("Wachtebeke", "Lochristi"),
        ("Knesselare", "Aalter"),
        ("Overpelt", "Pelt"),
    ],
)
def test_names_of_merged_municipalities_resolve_to_the_new_one(kb: Session, alias: str, municipality: str) -> None:
    result = Gazetteer(kb).resolve(alias)
    assert result.status == "resolved"
    place = result.candidates[0]
    assert (place.name, place.match) == (municipality, "alias")
    assert place.note and municipality in place.note


@pytest.mark.parametrize(
    ("locality", "municipality", "postcode"),
    [
        ("Wilrijk", "Antwerpen", "2610"),
        ("Kessel-Lo", "Leuven", "3010"),
        ("Gentbrugge", "Gent", "9050"),
        ("Heist-op-den-Berg", "Heist-op-den-Berg", "2220"),  # a municipality's own name stays that
        ("Zwijnaarde", "Gent", "9052"),
        # The source predates 2025: the municipality comes from today's postcode table
        ("Burcht", "Beveren-Kruibeke-Zwijndrecht", "2070"),
        ("Oostakker", "Gent", "9041"),
    ],
)
def test_localities_resolve_to_their_municipality_through_the_postcode(
    kb: Session, locality: str, municipality: str, postcode: str
) -> None:
    result = Gazetteer(kb).resolve(locality)
    assert result.status == "resolved"
    place = result.candidates[0]
    assert place.name == municipality
    if place.match == "alias":
        assert place.note == f"{locality} hoort bij {municipality} (postcode {postcode})."


@pytest.mark.parametrize(
    ("name", "municipalities"),
    [
        # A merged municipality and a locality elsewhere: ask, never guess
        ("Moerbeke", {"Lokeren", "Geraardsbergen"}),
        ("Deurne", {"Antwerpen", "Diest"}),
        ("Ruisbroek", {"Sint-Pieters-Leeuw", "Puurs-Sint-Amands"}),
    ],
)
def test_a_locality_name_used_twice_is_ambiguous(kb: Session, name: str, municipalities: set[str]) -> None:
    result = Gazetteer(kb).resolve(name)
    assert result.status == "ambiguous"
    assert {c.name for c in result.candidates} == municipalities


@pytest.mark.parametrize(
    ("text", "municipality"),
    [
        ("sint niklaas", "Sint-Niklaas"),
        ("SINT-NIKLAAS", "Sint-Niklaas"),
        ("Merelbeke Melle", "Merelbeke-Melle"),
        ("Geraardsbergn", "Geraardsbergen"),
        ("Kortrjik", "Kortrijk"),
        ("Oostende ", "Oostende"),
        ("Anvers", "Antwerpen"),
        ("Brugge 8000", "Brugge"),
    ],
)
def test_spellings_without_hyphens_case_or_with_typos_resolve(kb: Session, text: str, municipality: str) -> None:
    result = Gazetteer(kb).resolve(text)
    assert result.status == "resolved", result
    assert result.candidates[0].name == municipality


def test_a_name_that_fits_several_places_is_ambiguous_never_a_guess(kb: Session) -> None:
    result = Gazetteer(kb).resolve("Sint-Pieters")
    assert result.status == "ambiguous"
    # Two municipalities, and the localities Sint-Pieters-Kapelle (twice) and Sint-Pieters-Rode
    assert {c.name for c in result.candidates} == {
        "Sint-Pieters-Leeuw",
        "Sint-Pieters-Woluwe",
        "Middelkerke",
        "Pajottegem",
        "Holsbeek",
    }


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", "invalid"),
        ("   ", "invalid"),
        ("x" * 10_000, "invalid"),
        ("75001", "invalid"),
        ("12", "invalid"),
        ("9999", "not_found"),
        ("4000", "not_found"),
        ("1300", "not_found"),
        ("Parijs", "not_found"),
        ("'; DROP TABLE municipality; --", "not_found"),
        ("%' OR '1'='1", "invalid"),
        ("\x00\x00", "not_found"),
    ],
)
def test_bad_input_gives_a_clear_answer_not_a_crash_or_guess(kb: Session, text: str, status: str) -> None:
    result = Gazetteer(kb).resolve(text)
    assert result.status == status
    assert result.candidates == []
    assert result.message
    assert kb.scalar(select(func.count()).select_from(Municipality)) == 304


def test_walloon_postcodes_are_explained(kb: Session) -> None:
    assert "Wallonië" in Gazetteer(kb).resolve("4000").message


def test_autocomplete_by_prefix_and_by_postcode(kb: Session) -> None:
    gazetteer = Gazetteer(kb)
    assert [c.name for c in gazetteer.search_prefix("Gen")][:1] == ["Genk"]
    assert {c.name for c in gazetteer.search_prefix("gent")} >= {"Gent"}
    assert {c.name for c in gazetteer.search_prefix("105")} == {"Brussel", "Elsene"}
    assert gazetteer.search_prefix("") == []


def test_the_english_name_of_brussels_resolves(kb: Session) -> None:
    # English writers get the Brussels crisis line when they live there (actions/other_language.py)
    result = Gazetteer(kb).resolve("Brussels")
    assert result.status == "resolved"
    assert (result.candidates[0].name, result.candidates[0].region) == ("Brussel", "Brussel")
