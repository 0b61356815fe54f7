"""Answer a French or English message: the assistant speaks Dutch; in danger call 112 or 101.

The LanguageGate (nlu_components) sets the `language` entity. When the message names a place in
the Brussels-Capital Region, the answer adds Crisis-BXL, which works in Dutch and French.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_api import KnowledgeApi, KnowledgeApiError
from actions.settings import ActionSettings

logger = logging.getLogger(__name__)
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "en"
BRUSSELS_REGION = "Brussel"


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    return [str(e["value"]) for e in tracker.latest_message.get("entities") or [] if e.get("entity") == entity]


class ActionAnswerOtherLanguage(Action):
    def __init__(self, api: KnowledgeApi | None = None) -> None:
        self.api = api

    def name(self) -> str:
        return "action_answer_other_language"

    async def in_brussels(self, places: list[str]) -> bool:
        api = self.api or KnowledgeApi(ActionSettings.from_env())
        for place in places:
            try:
                matches = await api.resolve_place(place)
            except KnowledgeApiError as error:
                logger.warning("place lookup failed, answering without the Brussels line: %s", error)
                return False
            if matches and all(match.region == BRUSSELS_REGION for match in matches):
                return True
        return False

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        detected = entity_values(tracker, "language")
        language = detected[0] if detected and detected[0] in LANGUAGES else DEFAULT_LANGUAGE
        suffix = "_brussels" if await self.in_brussels(entity_values(tracker, "place")) else ""
        dispatcher.utter_message(response=f"utter_safety_other_language_{language}{suffix}")
        return []
