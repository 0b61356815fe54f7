"""The age normaliser: from what parents write to months (or a pregnancy)."""

from __future__ import annotations

import pytest

from nlu_components.age import find_ages, normalise


def ages(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.age.value) for m in find_ages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("baby van 3 maand", [("3 maand", "3")]),
        ("tweeling van 3 maand", [("3 maand", "3")]),
        ("mijn zoon is 16 jaar", [("16 jaar", "192")]),
        ("mijne zoon is 16j", [("16j", "192")]),
        ("mijn dochter (7) wil niet eten", [("7", "84")]),
        ("mijn zoon van 12 zit thuis", [("12", "144")]),
        ("mijn stiefzoon van 13 accepteert mij niet", [("13", "156")]),
        ("ik ben 15 en ik word gepest", [("15", "180")]),
        ("ik ben zwanger", [("zwanger", "pregnant")]),
        ("ik ben 5 maanden zwanger", [("5 maanden zwanger", "pregnant")]),
        ("een peuter die niet slaapt", [("peuter", "24")]),
        ("mijn pasgeboren zoon", [("pasgeboren", "0")]),
        ("ze is 2,5 jaar", [("2,5 jaar", "30")]),
        ("hij is 2 1/2 jaar", [("2 1/2 jaar", "30")]),
        ("een baby van 6 weken", [("6 weken", "1")]),
        ("mijn 15-jarige dochter", [("15-jarige", "180")]),
        ("hij is al 3 jaar", [("3 jaar", "36")]),
        ("zij is drie jaar", [("drie jaar", "36")]),
        ("de jongste is 2, de oudste 10", [("2", "24"), ("10", "120")]),
        ("onze oudste 14 en de jongste 9 maar allebei lastig", [("14", "168"), ("9", "108")]),
        ("onze puber van 13 eet bijna niets", [("13", "156")]),
        ("mijn baby is een half jaar", [("een half jaar", "6")]),
        ("ons kindje van een half jaar huilt veel", [("een half jaar", "6")]),
        ("hij heeft 13 kaarsjes uitgeblazen", [("13", "156")]),
        ("mijn dochter wordt volgende maand 18", [("18", "216")]),
        ("ze wordt in mei 16", [("16", "192")]),
    ],
)
def test_ages_are_found_and_normalised(text: str, expected: list[tuple[str, str]]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "we staan al 3 jaar op de wachtlijst",
        "sinds 2 maanden gaat het slecht",
        "dat was 3 jaar geleden",
        "in 2018 is hij geboren",
        "ik heb 3000 euro schulden",
        "ik heb het al 3 keer gevraagd",
        "mijn dochter is al twee dagen verdwenen",
        "ik heb 3 dagen per week opvang nodig",
        "binnen twee weken moet ik beginnen",
        "ik heb een maand tijd",
        "wij zijn met 5 thuis",
        "het is 2 uur 's nachts",
        "mijn dochter van 35",
        "de oudste 2 zijn op kamp",
        "de jongste 3 kinderen slapen al",
        "sinds een half jaar gaat het slecht",
        "we wachten al een half jaar",
        "ik heb een half uur gewacht",
        "een halve dag opvang volstaat",
        "de opvang is volgende maand 3 weken dicht",
        "het wordt volgende week 18 graden",
    ],
)
def test_durations_counts_and_years_are_not_ages(text: str) -> None:
    assert ages(text) == []


def test_an_age_word_is_dropped_when_a_number_is_given() -> None:
    assert ages("mijn baby van 4 maand huilt") == [("4 maand", "4")]


def test_age_words_are_approximate_and_numbers_are_not() -> None:
    assert normalise("peuter") is not None and normalise("peuter").approximate  # type: ignore[union-attr]
    exact = normalise("3 maand")
    assert exact is not None and exact.months == 3 and not exact.approximate


def test_normalise_rejects_text_without_an_age() -> None:
    assert normalise("morgen") is None
