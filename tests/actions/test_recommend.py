"""The routing actions: the request they build from the slots, the text they render from the
answer of /api/route (recorded in fixtures/), and the static answer when the API fails."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import ClientConnectionError
from aioresponses import aioresponses
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_api import KnowledgeApi
from actions.recommend import ActionOtherOptions, ActionRecommend, ActionRepeatContacts
from actions.rendering import route_request, source_text
from actions.settings import ActionSettings
from tests.actions.conftest import load_fixture, make_tracker

SETTINGS = ActionSettings(api_url="http://api.test", api_timeout_seconds=1, port=5055, log_level="INFO")
ROUTE = "http://api.test/api/route"
CRISIS_HASSELT = {"concern": "minor_crisis", "place": "Hasselt"}


def run(action_class: type[Action], tracker: Tracker, mocked: aioresponses | None = None) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    action = action_class(api=KnowledgeApi(SETTINGS))
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    assert events == []
    messages: list[dict[str, Any]] = dispatcher.messages
    return messages


def texts(messages: list[dict[str, Any]]) -> list[str]:
    return [m["text"] for m in messages if m.get("text")]


def test_the_request_carries_only_what_is_known() -> None:
    tracker = make_tracker(
        {
            "concern": "young_child",
            "role": "hospital",
            "place": "unknown",
            "age": "pregnant",
            "urgency": "today",
            "necessity_clear": "no",
            "placement_considered": "yes",
            "local_team_unreachable": "unknown",
        }
    )
    assert route_request(tracker) == {
        "concern": "young_child",
        "role": "hospital",
        "urgency": "today",
        "pregnant": True,
        "flags": ["placement_considered"],
    }


def test_the_age_goes_in_months_and_a_hospital_worker_without_a_concern_gets_the_young_child_route() -> None:
    assert route_request(make_tracker({"role": "hospital", "age": "3"})) == {
        "concern": "young_child",
        "role": "hospital",
        "age_months": 3,
    }
    assert route_request(make_tracker({"role": "parent"})) is None


def test_recommendation_for_a_night_time_crisis_in_limburg() -> None:
    answer = load_fixture("route_crisis_hasselt.json")
    with aioresponses() as mocked:
        mocked.post(ROUTE, payload=answer)
        messages = run(ActionRecommend, make_tracker(CRISIS_HASSELT))
        [call] = mocked.requests[("POST", next(iter(mocked.requests))[1])]
        assert call.kwargs["json"] == CRISIS_HASSELT
    intro, crisis_point, tele_onthaal, police = texts(messages)
    assert intro == "Hier kun je terecht voor Hasselt:"
    # The crisis point of Limburg, whose number is unknown: said honestly, never invented.
    assert crisis_point.startswith("1. Crisismeldpunt minderjarigen Limburg\n")
    assert "Hun contactgegevens heb ik niet." in crisis_point
    assert "Bron: https://www.opgroeien.be/kennis/cijfers-en-onderzoek/crisismeldpunten" in crisis_point
    # ... so a line that is open at night is added.
    assert tele_onthaal.startswith("2. Tele-Onthaal (106)\n")
    assert "Bel 106." in tele_onthaal
    assert "Dag en nacht bereikbaar." in tele_onthaal
    assert police.startswith("3. Dringende politiehulp 101\n")


def test_each_recommendation_says_why_how_to_reach_whether_open_and_the_source() -> None:
    answer = load_fixture("route_child_care_gent.json")
    with aioresponses() as mocked:
        mocked.post(ROUTE, payload=answer)
        messages = run(ActionRecommend, make_tracker({"concern": "child_care", "place": "Gent"}))
    for number, (text, recommendation) in enumerate(
        zip(texts(messages)[1:], answer["recommendations"], strict=True), start=1
    ):
        lines = text.split("\n")
        assert lines[0] == f"{number}. {recommendation['actor']['name']}"
        assert lines[1] == recommendation["reason"]
        assert any(line.startswith(("Bel ", "Website: ", "Hun contactgegevens")) for line in lines)
        assert any(
            line in ("Nu bereikbaar.", "Nu gesloten.", "Of ze nu bereikbaar zijn, weet ik niet.") for line in lines
        )
        assert lines[-1].startswith("Bron: ")


@pytest.mark.parametrize(
    "failure",
    [
        {"status": 500},
        {"status": 503, "payload": {"detail": "De kennisbank is niet volledig geladen"}},
        {"exception": ClientConnectionError("refused")},
        {"exception": TimeoutError()},
        {"status": 200, "body": "not json"},
        {"status": 200, "payload": {"rule_id": "x"}},
    ],
    ids=["http-500", "http-503", "connection-refused", "timeout", "not-json", "no-recommendations"],
)
@pytest.mark.parametrize("action_class", [ActionRecommend, ActionOtherOptions, ActionRepeatContacts])
def test_when_the_api_fails_the_answer_is_the_static_fallback(
    action_class: type[Action], failure: dict[str, Any]
) -> None:
    with aioresponses() as mocked:
        mocked.post(ROUTE, **failure)
        messages = run(action_class, make_tracker(CRISIS_HASSELT))
    assert [m.get("response") for m in messages] == ["utter_route_unavailable"]


@pytest.mark.parametrize("action_class", [ActionRecommend, ActionOtherOptions, ActionRepeatContacts])
def test_without_a_question_the_actions_ask_for_one_and_do_not_call_the_api(action_class: type[Action]) -> None:
    with aioresponses() as mocked:
        messages = run(action_class, make_tracker({"place": "Gent"}))
        assert not mocked.requests
    assert [m.get("response") for m in messages] == ["utter_no_question_yet", "utter_ask_concern"]


def test_other_options_shows_what_the_first_answer_left_out() -> None:
    answer = load_fixture("route_crisis_hasselt.json")
    extra = json.loads(json.dumps(answer["recommendations"][1]))
    extra["actor"]["name"] = "Een vierde dienst"
    answer["recommendations"].append(extra)
    with aioresponses() as mocked:
        mocked.post(ROUTE, payload=answer)
        messages = run(ActionOtherOptions, make_tracker(CRISIS_HASSELT))
    assert texts(messages)[0] == "Dit zijn nog andere mogelijkheden:"
    assert texts(messages)[1].startswith("4. Een vierde dienst\n")


def test_other_options_says_so_when_there_are_none() -> None:
    with aioresponses() as mocked:
        mocked.post(ROUTE, payload=load_fixture("route_child_care_gent.json"))
        messages = run(ActionOtherOptions, make_tracker({"concern": "child_care", "place": "Gent"}))
    [text] = texts(messages)
    assert text.startswith("Andere diensten heb ik niet voor deze vraag.")
    assert "078 150 100" in text


def test_contacts_again_gives_names_and_contacts_only() -> None:
    with aioresponses() as mocked:
        mocked.post(ROUTE, payload=load_fixture("route_crisis_hasselt.json"))
        messages = run(ActionRepeatContacts, make_tracker(CRISIS_HASSELT))
    intro, *contacts = texts(messages)
    assert intro == "De contactgegevens nog eens:"
    assert contacts[1] == "2. Tele-Onthaal (106)\nBel 106.\nChatten kan via tele-onthaal.be."
    assert all("Bron:" not in text and "bereikbaar" not in text for text in contacts)


def test_a_source_is_its_web_address_or_the_label_the_api_gives() -> None:
    seed = {"source": "seed:004_17c73fb5ca911fda.txt#1.2", "label": "FAQ zorggarantie, vraag 1.2", "url": None}
    web = {"source": "https://www.1712.be/nl/over-1712", "label": "1712.be", "url": "https://www.1712.be/nl/over-1712"}
    assert source_text([seed, web]) == "FAQ zorggarantie, vraag 1.2"
    assert source_text([web]) == "https://www.1712.be/nl/over-1712"
