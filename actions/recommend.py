"""Actions that answer with the routing engine: the recommendation, other options, contacts again.

Each asks /api/route with the slots of the conversation (the answer is deterministic for the
same situation and moment, so nothing is stored between turns). When the API cannot be reached
the answer is a static response with the Kind en Gezin-lijn and the emergency numbers.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_api import KnowledgeApi, KnowledgeApiError
from actions.rendering import SHOWN_FIRST, contacts_text, intro, recommendation_text, route_request
from actions.settings import ActionSettings
from actions.texts import phrase

logger = logging.getLogger(__name__)


class _RouteAction(Action, ABC):
    def __init__(self, api: KnowledgeApi | None = None) -> None:
        self.api = api

    @abstractmethod
    def name(self) -> str: ...

    @abstractmethod
    def render(self, dispatcher: CollectingDispatcher, route: dict[str, Any]) -> None:
        """Send the part of the routing engine's answer that this action is for."""

    async def fetch_route(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
        """The routing engine's answer, or None after telling the person why there is none."""
        request = route_request(tracker)
        if request is None:
            dispatcher.utter_message(response="utter_no_question_yet")
            dispatcher.utter_message(response="utter_ask_concern")
            return None
        try:
            return await (self.api or KnowledgeApi(ActionSettings.from_env())).route(request)
        except KnowledgeApiError as error:
            logger.warning("routing failed, answered with the static fallback: %s", error)
            dispatcher.utter_message(response="utter_route_unavailable")
            return None

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        route = await self.fetch_route(dispatcher, tracker)
        if route is not None:
            self.render(dispatcher, route)
        return []


def send_numbered(
    dispatcher: CollectingDispatcher,
    recommendations: list[dict[str, Any]],
    first_number: int,
    text: Callable[[int, dict[str, Any]], str],
) -> None:
    for number, recommendation in enumerate(recommendations, start=first_number):
        dispatcher.utter_message(text=text(number, recommendation))


class ActionRecommend(_RouteAction):
    def name(self) -> str:
        return "action_recommend"

    def render(self, dispatcher: CollectingDispatcher, route: dict[str, Any]) -> None:
        if not route["recommendations"]:
            dispatcher.utter_message(response="utter_route_unavailable")
            return
        dispatcher.utter_message(text=intro(route))
        send_numbered(dispatcher, route["recommendations"][:SHOWN_FIRST], 1, recommendation_text)


class ActionOtherOptions(_RouteAction):
    def name(self) -> str:
        return "action_other_options"

    def render(self, dispatcher: CollectingDispatcher, route: dict[str, Any]) -> None:
        more = route["recommendations"][SHOWN_FIRST:]
        if not more:
            dispatcher.utter_message(text=phrase("no_other_options"))
            return
        dispatcher.utter_message(text=phrase("other_options_intro"))
        send_numbered(dispatcher, more, SHOWN_FIRST + 1, recommendation_text)


class ActionRepeatContacts(_RouteAction):
    def name(self) -> str:
        return "action_repeat_contacts"

    def render(self, dispatcher: CollectingDispatcher, route: dict[str, Any]) -> None:
        dispatcher.utter_message(text=phrase("contacts_intro"))
        send_numbered(dispatcher, route["recommendations"][:SHOWN_FIRST], 1, contacts_text)
