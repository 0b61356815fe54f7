"""The answer to French and English messages: language from the gate, Crisis-BXL for Brussels."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from aioresponses import aioresponses
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_api import KnowledgeApi
from actions.other_language import ActionAnswerOtherLanguage
from actions.settings import ActionSettings

SETTINGS = ActionSettings(api_url="http://api.test", api_timeout_seconds=1, port=5055, log_level="INFO")
PLACES = re.compile(r"^http://api\.test/api/places\?q=.*$")


def tracker(entities: list[dict[str, Any]]) -> Tracker:
    latest = {"text": "...", "intent": {"name": "other_language", "confidence": 1.0}, "entities": entities}
    return Tracker("user", {}, latest, [], False, None, {}, "action_listen")


def place_answer(region: str) -> dict[str, Any]:
    return {"candidates": [{"refnis": "21015", "name": "Schaarbeek", "region": region}]}


def run(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    action = ActionAnswerOtherLanguage(api=KnowledgeApi(SETTINGS))
    asyncio.run(action.run(dispatcher, tracker(entities), {}))
    messages: list[dict[str, Any]] = dispatcher.messages
    return messages


def test_french_without_a_place() -> None:
    messages = run([{"entity": "language", "value": "fr"}])
    assert [m["response"] for m in messages] == ["utter_safety_other_language_fr"]


def test_english_in_brussels_gets_the_brussels_line() -> None:
    with aioresponses() as mocked:
        mocked.get(PLACES, payload=place_answer("Brussel"))
        messages = run([{"entity": "language", "value": "en"}, {"entity": "place", "value": "Schaerbeek"}])
    assert [m["response"] for m in messages] == ["utter_safety_other_language_en_brussels"]


def test_a_flemish_place_gets_no_brussels_line() -> None:
    with aioresponses() as mocked:
        mocked.get(PLACES, payload=place_answer("Vlaanderen"))
        messages = run([{"entity": "language", "value": "fr"}, {"entity": "place", "value": "Gent"}])
    assert [m["response"] for m in messages] == ["utter_safety_other_language_fr"]


def test_an_unreachable_api_still_gets_an_answer() -> None:
    with aioresponses() as mocked:
        mocked.get(PLACES, status=503)
        messages = run([{"entity": "language", "value": "en"}, {"entity": "place", "value": "Elsene"}])
    assert [m["response"] for m in messages] == ["utter_safety_other_language_en"]


def test_an_unknown_language_falls_back_to_english() -> None:
    messages = run([])
    assert [m["response"] for m in messages] == ["utter_safety_other_language_en"]
