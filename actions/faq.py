"""Answering a question from the collection (retrieval intent `faq`).

The NLU's ResponseSelector ranks the curated entries; the knowledge API weighs that ranking
against a search over the whole collection and says which entry answers, or that none does.
The answer text itself is the generated response `utter_faq/<key>` (answer and source line).
When nothing answers well enough the bot says so and offers the Kind en Gezin-lijn; it never
improvises.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_api import FaqAnswer, KnowledgeApi, KnowledgeApiError
from actions.settings import ActionSettings
from actions.texts import phrase

logger = logging.getLogger(__name__)

RETRIEVAL_INTENT = "faq"
# Without the API the selector is all there is: answer only when it is this sure (higher than
# the API's own selector threshold, because nothing else checks the answer).
SELECTOR_ALONE = 0.8
# Where the triage's topics and their button titles live (bot/domain/triage.yml).
CONCERN_QUESTION = "utter_ask_concern"
# How far down DIET's intent ranking a topic may be to be offered (faq itself is first).
CONCERN_RANK_DEPTH = 3
# Set by the NLU (nlu_components/components.py, DutchEntityRules): the message asks something,
# names no place and tells no case of the writer's own, so the collection may answer it.
COLLECTION_QUESTION = "collection_question"


def selector_ranking(message: dict[str, Any]) -> list[tuple[str, float]]:
    """The ResponseSelector's ranking as (entry key, confidence), best first."""
    selector = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    ranking = []
    for item in selector.get("ranking") or []:
        name = str(item.get("intent_response_key") or "")
        if name.startswith(f"{RETRIEVAL_INTENT}/"):
            ranking.append((name.split("/", 1)[1], float(item.get("confidence") or 0.0)))
    return sorted(ranking, key=lambda pair: -pair[1])


def offline_answer(ranking: list[tuple[str, float]]) -> FaqAnswer:
    if ranking and ranking[0][1] >= SELECTOR_ALONE:
        return FaqAnswer(key=ranking[0][0], route=None, related=[])
    return FaqAnswer(key=None, route=None, related=[])


def concern_button(message: dict[str, Any], domain: dict[str, Any]) -> dict[str, str] | None:
    """When the collection has no answer: the triage topic DIET ranked highest after `faq`, as
    the button utter_ask_concern shows for it ("Geld, eten of wonen"). A question the NLU took for
    the collection may be a request for help after all; one tap starts the triage instead of
    leaving the person with only "weet ik niet"."""
    responses = (domain.get("responses") or {}).get(CONCERN_QUESTION) or [{}]
    offered = {str(b.get("payload")): b for b in responses[0].get("buttons") or []}
    for entry in (message.get("intent_ranking") or [])[:CONCERN_RANK_DEPTH]:
        button = offered.get(f"/{entry.get('name')}")
        if button:
            return {"title": str(button["title"]), "payload": str(button["payload"])}
    return None


def buttons_for(answer: FaqAnswer) -> list[dict[str, str]]:
    """Related questions (their canonical wording, which the NLU knows) and the route lookup."""
    buttons = [{"title": question, "payload": question} for _, question in answer.related]
    if answer.route:
        buttons.append({"title": phrase("faq_route_button"), "payload": f"/{answer.route}"})
    return buttons


async def ask_the_collection(api: KnowledgeApi | None, message: dict[str, Any]) -> FaqAnswer:
    """The knowledge API's choice of entry for the message; raises KnowledgeApiError."""
    client = api or KnowledgeApi(ActionSettings.from_env())
    return await client.answer_faq(str(message.get("text") or ""), selector_ranking(message))


class ActionAnswerFaq(Action):
    def __init__(self, api: KnowledgeApi | None = None) -> None:
        self.api = api

    def name(self) -> str:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = tracker.latest_message
        try:
            answer = await ask_the_collection(self.api, message)
        except KnowledgeApiError as error:
            logger.warning("FAQ answer without the knowledge API: %s", error)
            answer = offline_answer(selector_ranking(message))
        if answer.key is None:
            buttons = buttons_for(answer)
            topic = concern_button(message, domain)
            if topic and topic not in buttons:
                buttons.append(topic)
            dispatcher.utter_message(response="utter_faq_unknown", buttons=buttons)
            return []
        dispatcher.utter_message(response=f"utter_{RETRIEVAL_INTENT}/{answer.key}", buttons=buttons_for(answer))
        return []


class ActionAnswerConcernQuestion(Action):
    """A question DIET took for a concern ("waar vind ik opvang voor morgen?" reads as child care).

    Runs before the triage form starts on a concern (bot/stories/rules_triage.yml). When the NLU
    marked the message as a question for the collection and the knowledge API finds an entry that
    answers it, that answer comes first and one line says that the bot also looks for help
    nearby; the triage then goes on as usual. Otherwise it says nothing: a missing answer here is
    no "weet ik niet", because the triage still answers the concern. Safety intents never come
    here; their rules answer before anything else.
    """

    def __init__(self, api: KnowledgeApi | None = None) -> None:
        self.api = api

    def name(self) -> str:
        return "action_answer_concern_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = tracker.latest_message
        if message.get(COLLECTION_QUESTION) is not True:
            return []
        try:
            answer = await ask_the_collection(self.api, message)
        except KnowledgeApiError as error:
            # The selector alone is not trusted here (offline_answer): the triage answers anyway.
            logger.warning("no FAQ answer before the triage: %s", error)
            return []
        if answer.key is None:
            return []
        dispatcher.utter_message(response=f"utter_{RETRIEVAL_INTENT}/{answer.key}")
        dispatcher.utter_message(response="utter_faq_then_triage")
        return []
