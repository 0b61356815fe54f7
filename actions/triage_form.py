"""The triage form: which questions a concern needs, and checking the answers.

The form asks only what changes the answer of the routing engine (knowledge/data/routing_rules.yml):
- the place, where a step is "the service of this type for your municipality";
- the role, where professionals and hospitals get another route;
- for hospital workers, the three hospital questions (and the urgency when the local team
  could not be reached);
- the age for a young person (some services are for 12 to 25 year olds).
An answer "weet ik niet" is stored as "unknown" and the route is asked without it.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.knowledge_api import KnowledgeApi, KnowledgeApiError
from actions.settings import ActionSettings

logger = logging.getLogger(__name__)

UNKNOWN = "unknown"
YES = "yes"
CERTAIN = 1.0
MAX_PLACE_ATTEMPTS = 2
# Concerns whose route has a step that depends on the municipality.
NEEDS_PLACE = frozenset({"minor_crisis", "child_care", "young_child", "basic_needs", "youth_care_access"})
# Concerns with rules for professionals and hospitals.
NEEDS_ROLE = frozenset({"young_child", "youth_care_access"})


def effective_concern(slots: dict[str, Any]) -> str | None:
    """The concern; for a hospital worker who has not named one, the route for a young child.

    The hospital routes (a newborn who may not go home safely) are routes for a young child;
    a hospital worker with another question can still pick one.
    """
    concern = slots.get("concern")
    if not concern and slots.get("role") == "hospital":
        return "young_child"
    return str(concern) if concern else None


def needed_slots(slots: dict[str, Any]) -> list[str]:
    """The slots this concern needs, in the order they are asked, answered or not.

    The form asks the first one that is still empty (rasa_sdk's `next_requested_slot`), and only
    these are validated.
    """
    concern = effective_concern(slots)
    if not concern:
        return ["concern"]
    wanted: list[str] = []
    if concern in NEEDS_ROLE:
        wanted.append("role")
    if concern == "young_child" and slots.get("role") == "hospital":
        wanted.append("necessity_clear")
        if slots.get("necessity_clear") != YES:
            wanted += ["placement_considered", "local_team_unreachable"]
        if slots.get("local_team_unreachable") == YES:
            wanted.append("urgency")
    if concern in NEEDS_PLACE:
        if slots.get("place_candidate"):
            wanted.append("place_confirmation")
        wanted.append("place")
    if concern == "young_person":
        wanted.append("age")
    return wanted


def place_confidence(tracker: Tracker, value: str) -> float:
    """How sure the NLU was of this place in the latest message (buttons and typed answers: sure)."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "place" and str(entity.get("value")) == value:
            return float(entity.get("confidence_entity") or CERTAIN)
    return CERTAIN


class ValidateTriageForm(FormValidationAction):
    def __init__(self, api: KnowledgeApi | None = None) -> None:
        self.api = api

    def name(self) -> str:
        return "validate_triage_form"

    def _api(self) -> KnowledgeApi:
        return self.api or KnowledgeApi(ActionSettings.from_env())

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return needed_slots({name: tracker.get_slot(name) for name in [*domain_slots, "place_candidate"]})

    async def validate_role(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # Fix the hospital route as the concern, so "Nog een vraag" and the answer agree.
        if value == "hospital" and not tracker.get_slot("concern"):
            return {"role": value, "concern": "young_child"}
        return {"role": value}

    async def validate_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if not text or text == UNKNOWN:
            return {"place": UNKNOWN if text else None}
        certain = place_confidence(tracker, text) >= CERTAIN
        try:
            matches = await self._api().resolve_place(text)
        except KnowledgeApiError as error:
            # The routing API resolves the name again; better a route than a stuck form.
            logger.warning("place lookup failed, keeping the name as given: %s", error)
            return {"place": text, "place_candidate": None} if certain else {"place": None, "place_candidate": text}
        if len(matches) == 1 and not certain:
            # "geel" alone could be the colour: ask before using it.
            return {"place": None, "place_candidate": matches[0].name}
        if len(matches) == 1:
            return {"place": matches[0].name, "place_candidate": None, "place_attempts": 0}
        if len(matches) > 1:
            dispatcher.utter_message(
                response="utter_place_which",
                buttons=[{"title": m.name, "payload": f'/inform_place{{"place":"{m.name}"}}'} for m in matches[:8]],
            )
            return {"place": None, "place_candidate": None}
        attempts = float(tracker.get_slot("place_attempts") or 0) + 1
        if attempts >= MAX_PLACE_ATTEMPTS:
            dispatcher.utter_message(response="utter_place_given_up")
            return {"place": UNKNOWN, "place_candidate": None, "place_attempts": attempts}
        dispatcher.utter_message(response="utter_place_not_found")
        return {"place": None, "place_candidate": None, "place_attempts": attempts}

    async def validate_place_confirmation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        candidate = tracker.get_slot("place_candidate")
        if value is True and candidate:
            # Confirmed: now look it up like any certain place.
            confirmed = await self.validate_place(str(candidate), dispatcher, _as_certain(tracker), domain)
            return {**confirmed, "place_confirmation": None}
        return {"place": None, "place_candidate": None, "place_confirmation": None}

    def validate_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        if text in (UNKNOWN, "pregnant") or text.isdigit():
            return {"age": text}
        return {"age": None}


def _as_certain(tracker: Tracker) -> Tracker:
    """The tracker as if the latest message had no uncertain places (after a confirmation)."""
    copy = tracker.copy()
    copy.latest_message = {**tracker.latest_message, "entities": []}
    return copy


def reset_question_slots() -> list[EventType]:
    """Forget the question, keep who is asking and where (for "another question")."""
    names = [
        "concern",
        "age",
        "urgency",
        "necessity_clear",
        "placement_considered",
        "local_team_unreachable",
        "place_candidate",
        "place_confirmation",
    ]
    return [SlotSet(name, None) for name in names]
