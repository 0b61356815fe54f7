from __future__ import annotations

import asyncio
import copy

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallbackWithHandoff, failed_understandings_in_a_row


def run_action(tracker: Tracker) -> list[str]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionFallbackWithHandoff().run(dispatcher, tracker, {}))
    assert events == []
    return [message["response"] for message in dispatcher.messages]


def without_last_turn(tracker: Tracker) -> Tracker:
    """The same conversation at the moment of the first misunderstanding."""
    trimmed = copy.deepcopy(tracker)
    trimmed.events = tracker.events[:8]
    return trimmed


def test_second_misunderstanding_in_a_row_offers_a_human_line(two_misunderstandings: Tracker) -> None:
    assert failed_understandings_in_a_row(two_misunderstandings) == 2
    assert run_action(two_misunderstandings) == ["utter_handoff"]


def test_first_misunderstanding_asks_to_rephrase(two_misunderstandings: Tracker) -> None:
    first = without_last_turn(two_misunderstandings)
    assert failed_understandings_in_a_row(first) == 1
    assert run_action(first) == ["utter_default"]


def test_an_understood_message_resets_the_count(two_misunderstandings: Tracker) -> None:
    understood = copy.deepcopy(two_misunderstandings)
    understood.events = [
        *two_misunderstandings.events,
        {"event": "action", "name": "action_fallback_with_handoff"},
        {"event": "user", "text": "dank je", "parse_data": {"intent": {"name": "thanks"}}},
        {"event": "action", "name": "utter_you_are_welcome"},
        {"event": "user", "text": "zzz", "parse_data": {"intent": {"name": "nlu_fallback"}}},
    ]
    assert run_action(understood) == ["utter_default"]


def test_a_third_misunderstanding_offers_topics_instead_of_repeating_the_line(two_misunderstandings: Tracker) -> None:
    third = copy.deepcopy(two_misunderstandings)
    third.events = [
        *two_misunderstandings.events,
        {"event": "action", "name": "action_fallback_with_handoff"},
        {"event": "user", "text": "qqq", "parse_data": {"intent": {"name": "nlu_fallback"}}},
    ]
    assert failed_understandings_in_a_row(third) == 3
    assert run_action(third) == ["utter_still_not_understood"]


def marked_unsure(tracker: Tracker, every_fallback: bool = False) -> Tracker:
    """The latest message (or every misunderstood one) as an unsure safety guess of DIET."""
    unsure = copy.deepcopy(tracker)
    unsure.latest_message = {**unsure.latest_message, "safeguard": "diet-uncertain"}
    for event in unsure.events:
        parse = event.get("parse_data") or {}
        if every_fallback and (parse.get("intent") or {}).get("name") == "nlu_fallback":
            parse["safeguard"] = "diet-uncertain"
    return unsure


def test_an_unsure_safety_guess_gets_every_emergency_and_help_line(two_misunderstandings: Tracker) -> None:
    for tracker in (without_last_turn(two_misunderstandings), two_misunderstandings):
        assert run_action(marked_unsure(tracker)) == ["utter_safety_safety_check"]
    # Twice in a row: the lines were just given, so the fallback goes on to the human line.
    assert run_action(marked_unsure(two_misunderstandings, every_fallback=True)) == ["utter_handoff"]
    # Any other reason of the safeguard leaves the ordinary fallback.
    ordinary = copy.deepcopy(two_misunderstandings)
    ordinary.latest_message = {**ordinary.latest_message, "safeguard": "unchanged"}
    assert run_action(ordinary) == ["utter_handoff"]
