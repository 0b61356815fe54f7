"""The triage form: which questions each concern needs, and how answers are checked."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from aiohttp import ClientConnectionError
from aioresponses import aioresponses
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionNewQuestion, ActionStartCrisisTriage
from actions.knowledge_api import KnowledgeApi
from actions.settings import ActionSettings
from actions.triage_form import ValidateTriageForm, needed_slots
from tests.actions.conftest import make_tracker

SETTINGS = ActionSettings(api_url="http://api.test", api_timeout_seconds=1, port=5055, log_level="INFO")
PLACES = re.compile(r"^http://api\.test/api/places\?q=.*$")
DOMAIN: dict[str, Any] = {
    "forms": {
        "triage_form": {
            "required_slots": [
                "concern",
                "role",
                "necessity_clear",
                "placement_considered",
                "local_team_unreachable",
                "urgency",
                "place_confirmation",
                "place",
                "age",
            ]
        }
    }
}


def candidates(*names: str) -> dict[str, Any]:
    return {"candidates": [{"refnis": str(i), "name": name, "region": "Vlaanderen"} for i, name in enumerate(names)]}


@pytest.mark.parametrize(
    ("slots", "needed"),
    [
        ({}, ["concern"]),
        ({"concern": "child_care"}, ["place"]),
        ({"concern": "basic_needs"}, ["place"]),
        ({"concern": "minor_crisis"}, ["place"]),
        ({"concern": "young_person"}, ["age"]),
        ({"concern": "young_child"}, ["role", "place"]),
        ({"concern": "youth_care_access"}, ["role", "place"]),
        ({"concern": "child_care", "place_candidate": "Geel"}, ["place_confirmation", "place"]),
        (
            {"concern": "young_child", "role": "hospital"},
            ["role", "necessity_clear", "placement_considered", "local_team_unreachable", "place"],
        ),
        ({"role": "hospital", "necessity_clear": "yes"}, ["role", "necessity_clear", "place"]),
        (
            {"role": "hospital", "necessity_clear": "no", "local_team_unreachable": "yes"},
            ["role", "necessity_clear", "placement_considered", "local_team_unreachable", "urgency", "place"],
        ),
    ],
)
def test_only_what_the_route_needs_is_asked(slots: dict[str, Any], needed: list[str]) -> None:
    assert needed_slots(slots) == needed


def validate_place(
    value: str, tracker: Tracker, answer: dict[str, Any] | Exception
) -> tuple[dict[str, Any], list[Any]]:
    dispatcher = CollectingDispatcher()
    with aioresponses() as mocked:
        if isinstance(answer, Exception):
            mocked.get(PLACES, exception=answer)
        else:
            mocked.get(PLACES, payload=answer)
        result = asyncio.run(
            ValidateTriageForm(api=KnowledgeApi(SETTINGS)).validate_place(value, dispatcher, tracker, DOMAIN)
        )
    return result, dispatcher.messages


def place_entity(value: str, confidence: float) -> dict[str, Any]:
    return {"entity": "place", "value": value, "confidence_entity": confidence}


def test_a_certain_place_is_stored_by_its_official_name() -> None:
    tracker = make_tracker({"concern": "child_care"}, entities=[place_entity("Melle", 1.0)])
    result, messages = validate_place("Melle", tracker, candidates("Merelbeke-Melle"))
    assert result == {"place": "Merelbeke-Melle", "place_candidate": None, "place_attempts": 0}
    assert messages == []


def test_an_uncertain_place_waits_for_a_confirmation() -> None:
    tracker = make_tracker({"concern": "child_care"}, text="in geel", entities=[place_entity("geel", 0.6)])
    result, _ = validate_place("geel", tracker, candidates("Geel"))
    assert result == {"place": None, "place_candidate": "Geel"}


def test_a_shared_postcode_offers_the_municipalities_as_buttons() -> None:
    result, [message] = validate_place("1050", make_tracker(), candidates("Brussel", "Elsene"))
    assert result == {"place": None, "place_candidate": None}
    assert message["response"] == "utter_place_which"
    assert [b["title"] for b in message["buttons"]] == ["Brussel", "Elsene"]
    assert message["buttons"][1]["payload"] == '/inform_place{"place":"Elsene"}'


def test_an_unknown_place_is_asked_again_then_given_up_without_a_loop() -> None:
    first, [message] = validate_place("Atlantis", make_tracker(), candidates())
    assert first == {"place": None, "place_candidate": None, "place_attempts": 1.0}
    assert message["response"] == "utter_place_not_found"
    second, [message] = validate_place("Atlantis", make_tracker({"place_attempts": 1.0}), candidates())
    assert second["place"] == "unknown"
    assert message["response"] == "utter_place_given_up"


def test_when_the_place_lookup_fails_the_name_is_kept_for_the_route() -> None:
    result, messages = validate_place("Gent", make_tracker(), ClientConnectionError("refused"))
    assert result == {"place": "Gent", "place_candidate": None}
    assert messages == []


def test_dont_know_is_kept_as_unknown() -> None:
    result, _ = validate_place("unknown", make_tracker(), candidates())
    assert result == {"place": "unknown"}


def test_confirming_the_place_uses_it_and_denying_asks_again() -> None:
    form = ValidateTriageForm(api=KnowledgeApi(SETTINGS))
    tracker = make_tracker({"place_candidate": "Geel"}, intent="affirm")
    with aioresponses() as mocked:
        mocked.get(PLACES, payload=candidates("Geel"))
        yes = asyncio.run(form.validate_place_confirmation(True, CollectingDispatcher(), tracker, DOMAIN))
    assert yes["place"] == "Geel"
    assert yes["place_confirmation"] is None
    no = asyncio.run(form.validate_place_confirmation(False, CollectingDispatcher(), tracker, DOMAIN))
    assert no == {"place": None, "place_candidate": None, "place_confirmation": None}


def test_a_hospital_worker_without_a_concern_gets_the_young_child_route() -> None:
    form = ValidateTriageForm()
    result = asyncio.run(form.validate_role("hospital", CollectingDispatcher(), make_tracker(), DOMAIN))
    assert result == {"role": "hospital", "concern": "young_child"}
    parent = asyncio.run(form.validate_role("parent", CollectingDispatcher(), make_tracker(), DOMAIN))
    assert parent == {"role": "parent"}


@pytest.mark.parametrize(
    ("value", "kept"), [("36", "36"), ("pregnant", "pregnant"), ("unknown", "unknown"), ("drie", None)]
)
def test_age_values(value: str, kept: str | None) -> None:
    result = ValidateTriageForm().validate_age(value, CollectingDispatcher(), make_tracker(), DOMAIN)
    assert result == {"age": kept}


def test_the_form_asks_the_first_missing_question_after_several_answers_at_once() -> None:
    """ "ik zoek opvang voor mijn zoontje van 1 in Gent": everything in one message."""
    events = [
        {"event": "slot", "name": "concern", "value": "child_care"},
        {"event": "slot", "name": "age", "value": "12"},
        {"event": "slot", "name": "role", "value": "parent"},
        {"event": "slot", "name": "place", "value": "Gent"},
    ]
    slots = {"concern": "child_care", "age": "12", "role": "parent", "place": "Gent", "requested_slot": None}
    tracker = make_tracker(
        slots, entities=[place_entity("Gent", 1.0)], events=events, active_loop={"name": "triage_form"}
    )
    dispatcher = CollectingDispatcher()
    with aioresponses() as mocked:
        mocked.get(PLACES, payload=candidates("Gent"))
        result = asyncio.run(ValidateTriageForm(api=KnowledgeApi(SETTINGS)).run(dispatcher, tracker, DOMAIN))
    assert {"event": "slot", "timestamp": None, "name": "place", "value": "Gent"} in result
    # Nothing is missing for child care any more: the form is done.
    assert result[-1] == {"event": "slot", "timestamp": None, "name": "requested_slot", "value": None}


def test_another_question_forgets_the_question_but_not_who_or_where() -> None:
    events = asyncio.run(ActionNewQuestion().run(CollectingDispatcher(), make_tracker(), {}))
    names = {event["name"] for event in events}
    assert {"concern", "age", "urgency", "necessity_clear"} <= names
    assert not {"place", "role"} & names
    assert all(event["value"] is None for event in events)


def test_the_crisis_triage_takes_a_certain_place_from_the_message() -> None:
    tracker = make_tracker(
        text="mijn dochter van 15 is weggelopen, we wonen in Hasselt",
        intent="minor_crisis",
        entities=[place_entity("Hasselt", 1.0), {"entity": "age", "value": "180"}],
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStartCrisisTriage().run(dispatcher, tracker, {}))
    set_to = {event["name"]: event["value"] for event in events}
    assert set_to["concern"] == "minor_crisis"
    assert set_to["place"] == "Hasselt"
    assert set_to["age"] == "180"
    assert dispatcher.messages == []


def test_the_crisis_triage_announces_the_place_question_when_there_is_no_sure_place() -> None:
    tracker = make_tracker(text="crisis in geel", intent="minor_crisis", entities=[place_entity("geel", 0.6)])
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStartCrisisTriage().run(dispatcher, tracker, {}))
    assert "place" not in {event["name"] for event in events}
    assert [m["response"] for m in dispatcher.messages] == ["utter_crisis_followup"]
