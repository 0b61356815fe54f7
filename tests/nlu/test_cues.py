"""Role and urgency from the words of a message (nlu_components/cues.py and cues.yml)."""

from __future__ import annotations

import pytest

from nlu_components.cues import find_cues, fold


def cues(text: str) -> dict[str, str]:
    return {cue.kind: cue.value for cue in find_cues(text)}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("ik zoek opvang voor mijn zoontje van 1 in Gent", "parent"),
        ("mijne zoon wil nie meer naar school", "parent"),
        ("ik ben de mama van een tweeling", "parent"),
        ("ik ben 20 weken zwanger", "parent"),
        ("mijn baby ligt in het ziekenhuis", "parent"),
        ("de juf zegt dat mijn dochter gepest wordt", "parent"),
        ("ik ben 15 en mijn mama slaat mij", "young_person"),
        ("kben 16 en ik wil weg van thuis", "young_person"),
        ("het gaat over mezelf", "young_person"),
        ("ik werk op de materniteit van het AZ", "hospital"),
        ("Ik ben sociaal assistente in het ziekenhuis", "hospital"),
        ("ik ben verpleegkundige op de neonatologie", "hospital"),
        ("sociale dienst van het ziekenhuis hier", "hospital"),
        ("op onze materniteit ligt een jonge mama", "hospital"),
        ("ik werk bij de Kind en Gezin-lijn", "line_staff"),
        ("ik ben leerkracht in het zesde leerjaar", "professional"),
        ("als huisarts maak ik me zorgen", "professional"),
        ("ik werk in een creche", "professional"),
        ("ik ben onthaalmoeder", "professional"),
    ],
)
def test_role(text: str, role: str) -> None:
    assert cues(text).get("role") == role


@pytest.mark.parametrize(
    "text",
    [
        "onze onthaalmoeder stopt ermee",  # a parent talking about the child minder
        "de huisarts zei dat ik moest bellen",
        "ik ben 38",  # not a young person's age
        "waar vind ik kinderopvang",
        "het ziekenhuis heeft ons doorverwezen",
    ],
)
def test_no_role_or_not_the_wrong_one(text: str) -> None:
    assert cues(text).get("role") in (None, "parent")


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("nu", "now"),
        ("nu meteen!", "now"),
        ("het moet onmiddellijk", "now"),
        ("vandaag nog", "today"),
        ("het is dringend", "today"),
        ("ik heb tegen morgen opvang nodig", "today"),
        ("deze week", "this_week"),
        ("binnen een paar dagen", "this_week"),
        ("het is niet dringend", "no_hurry"),
        ("nie zo dringend", "no_hurry"),
        ("geen haast", "no_hurry"),
        ("het kan wachten", "no_hurry"),
        ("opvang vanaf september volgend jaar", "no_hurry"),
    ],
)
def test_urgency(text: str, urgency: str) -> None:
    assert cues(text).get("urgency") == urgency


@pytest.mark.parametrize(
    "text",
    ["nu weet ik het niet meer", "ik zoek kinderopvang", "mijn zoon is 3 jaar", "hoe gaat het nu verder"],
)
def test_no_urgency_from_ordinary_words(text: str) -> None:
    assert "urgency" not in cues(text)


def test_fold_keeps_length_so_spans_point_into_the_original() -> None:
    text = "Patiënte op de materniteit"
    assert len(fold(text)) == len(text)
    [cue] = find_cues(text)
    assert text[cue.start : cue.end].lower().startswith("patiënte")


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("de maatschappelijke noodzaak is duidelijk", {"necessity_clear"}),
        (
            "er is maatschappelijke noodzaak, we denken aan een uithuisplaatsing",
            {"necessity_clear", "placement_considered"},
        ),
        ("de baby kan niet veilig naar huis", {"placement_considered"}),
        ("het lokale team is niet bereikbaar", {"local_team_unreachable"}),
        ("we krijgen het lokaal team niet aan de lijn, niemand neemt op", {"local_team_unreachable"}),
        ("de maatschappelijke noodzaak is nog niet duidelijk", set()),
        ("een uithuisplaatsing is niet nodig", set()),
        ("mijn zoon wil niet naar huis komen na school", set()),
    ],
)
def test_hospital_flags(text: str, flags: set[str]) -> None:
    found = {cue.kind for cue in find_cues(text) if cue.kind not in ("role", "urgency")}
    assert found == flags
    assert all(cue.value == "yes" for cue in find_cues(text) if cue.kind in flags)
