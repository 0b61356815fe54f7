"""Fallback: ask once to rephrase, then offer a human line, then the topics; never the same loop.

When the safety safeguard turned an unsure safety guess of DIET into the fallback (reason
"diet-uncertain"), the answer gives every emergency and help line first: on messages written
after the safety patterns, those guesses were right more often than not.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

FALLBACK_ACTION = "action_fallback_with_handoff"
# The reason SafetySafeguard (nlu_components/components.py) gives a safety guess it did not trust.
UNSURE_SAFETY = "diet-uncertain"


def failed_understandings_in_a_row(tracker: Tracker) -> int:
    """How many times in a row (this one included) the bot did not understand the person.

    Counted from the end of the conversation: every fallback run since the last user message
    that the bot did understand.
    """
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == FALLBACK_ACTION:
            count += 1
        elif event.get("event") == "user":
            intent = (event.get("parse_data") or {}).get("intent") or {}
            if intent.get("name") != "nlu_fallback":
                break
    return count + 1


def previous_message_was_an_unsure_safety_guess(tracker: Tracker) -> bool:
    """Whether the user message before the latest one was a fallback for an unsure safety guess."""
    user_messages = (event for event in reversed(tracker.events) if event.get("event") == "user")
    next(user_messages, None)  # the latest message
    previous = next(user_messages, None)
    parse = (previous or {}).get("parse_data") or {}
    return bool(parse.get("safeguard") == UNSURE_SAFETY and (parse.get("intent") or {}).get("name") == "nlu_fallback")


class ActionFallbackWithHandoff(Action):
    def name(self) -> str:
        return FALLBACK_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        failures = failed_understandings_in_a_row(tracker)
        # The lines once, not in a loop: a second unsure message in a row goes on as below.
        unsure = tracker.latest_message.get("safeguard") == UNSURE_SAFETY
        if unsure and not previous_message_was_an_unsure_safety_guess(tracker):
            dispatcher.utter_message(response="utter_safety_safety_check")
        elif failures == 1:
            dispatcher.utter_message(response="utter_default")
        elif failures == 2:
            dispatcher.utter_message(response="utter_handoff")
        else:
            # The line was offered already; repeating it would be a loop. Offer the topics.
            dispatcher.utter_message(response="utter_still_not_understood")
        return []
