"""Small actions that steer the conversation: a new question, and the triage after a crisis."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage_form import CERTAIN, reset_question_slots


class ActionNewQuestion(Action):
    """Another question: forget the concern and its answers, keep who is asking and where."""

    def name(self) -> str:
        return "action_new_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return reset_question_slots()


class ActionStartCrisisTriage(Action):
    """After the static crisis answer: look for the crisis point of the person's province.

    Safety intents fill no slots (the form ignores them), so the place in "mijn dochter is
    weggelopen, we wonen in Hasselt" is taken here, when the NLU was sure of it.
    """

    def name(self) -> str:
        return "action_start_crisis_triage"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events: list[EventType] = [*reset_question_slots(), SlotSet("concern", "minor_crisis")]
        place_known = bool(tracker.get_slot("place"))
        for entity in tracker.latest_message.get("entities") or []:
            certain = float(entity.get("confidence_entity") or CERTAIN) >= CERTAIN
            if entity.get("entity") == "place" and certain:
                events.append(SlotSet("place", str(entity["value"])))
                place_known = True
            elif entity.get("entity") == "age":
                events.append(SlotSet("age", str(entity["value"])))
        if not place_known:
            dispatcher.utter_message(response="utter_crisis_followup")
        return events
