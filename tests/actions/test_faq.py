"""The FAQ action: what it sends to /api/faq/answer, what it says back, and without the API."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml
from aiohttp import ClientConnectionError
from aioresponses import aioresponses
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import SELECTOR_ALONE, ActionAnswerConcernQuestion, ActionAnswerFaq, selector_ranking
from actions.knowledge_api import KnowledgeApi
from actions.settings import ActionSettings

TRIAGE_DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain" / "triage.yml"
SETTINGS = ActionSettings(api_url="http://api.test", api_timeout_seconds=1, port=5055, log_level="INFO")
ANSWER = "http://api.test/api/faq/answer"


def faq_tracker(text: str, ranking: list[tuple[str, float]]) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": "faq", "confidence": 0.9},
        "entities": [],
        "response_selector": {
            "faq": {
                "ranking": [
                    {"id": i, "confidence": c, "intent_response_key": f"faq/{k}"} for i, (k, c) in enumerate(ranking)
                ]
            }
        },
    }
    return Tracker("test-user", {}, latest, [], False, None, {}, "action_listen")


def run(tracker: Tracker, domain: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAnswerFaq(api=KnowledgeApi(SETTINGS)).run(dispatcher, tracker, domain or {}))
    assert events == []
    messages: list[dict[str, Any]] = dispatcher.messages
    return messages


def test_the_selector_ranking_is_read_best_first() -> None:
    tracker = faq_tracker("?", [("kg_line", 0.2), ("awel", 0.7)])
    assert selector_ranking(tracker.latest_message) == [("awel", 0.7), ("kg_line", 0.2)]
    assert selector_ranking({"text": "hallo"}) == []


def test_the_chosen_entry_is_answered_with_related_questions_and_the_route() -> None:
    tracker = faq_tracker("waar vind ik het loket kinderopvang", [("llko_find", 0.41), ("llko_what", 0.3)])
    body = {
        "answered": True,
        "key": "llko_find",
        "via": "search",
        "text": "...",
        "route": "child_care",
        "related": [{"key": "llko_what", "question": "Wat is de taak van het lokaal loket kinderopvang?"}],
    }
    with aioresponses() as mocked:
        mocked.post(ANSWER, payload=body)
        messages = run(tracker)
        request = next(iter(mocked.requests.values()))[0].kwargs["json"]
    assert request["question"] == "waar vind ik het loket kinderopvang"
    assert request["selector"][0] == {"key": "llko_find", "confidence": 0.41}
    assert messages[0]["response"] == "utter_faq/llko_find"
    titles = [b["title"] for b in messages[0]["buttons"]]
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert titles[0] == "Wat is de taak van het lokaal loket kinderopvang?"
    assert payloads[0] == titles[0]  # the canonical question, which the NLU knows
    assert payloads[-1] == "/child_care"


def test_no_good_answer_says_so_and_offers_the_line() -> None:
    tracker = faq_tracker("hoeveel kindergeld krijg ik", [("help_cost", 0.12)])
    body: dict[str, Any] = {"answered": False, "key": None, "via": "none", "text": None, "route": None, "related": []}
    with aioresponses() as mocked:
        mocked.post(ANSWER, payload=body)
        messages = run(tracker)
    assert [m["response"] for m in messages] == ["utter_faq_unknown"]


def test_without_the_api_only_a_sure_selector_answers() -> None:
    sure = faq_tracker("wat is awel", [("awel", SELECTOR_ALONE + 0.05)])
    unsure = faq_tracker("wat is dat", [("awel", SELECTOR_ALONE - 0.05)])
    with aioresponses() as mocked:
        mocked.post(ANSWER, exception=ClientConnectionError())
        mocked.post(ANSWER, status=500)
        assert run(sure)[0]["response"] == "utter_faq/awel"
        assert run(unsure)[0]["response"] == "utter_faq_unknown"


def test_no_answer_offers_the_topic_diet_ranked_next() -> None:
    domain = yaml.safe_load(TRIAGE_DOMAIN.read_text(encoding="utf-8"))
    unknown: dict[str, Any] = {"answered": False, "key": None, "via": "none", "text": None, "route": None}
    tracker = faq_tracker("kunnen jullie iets doen aan onze schulden", [("help_cost", 0.1)])
    tracker.latest_message["intent_ranking"] = [
        {"name": "faq", "confidence": 0.6},
        {"name": "basic_needs", "confidence": 0.3},
        {"name": "greet", "confidence": 0.1},
    ]
    far = faq_tracker("iets", [("help_cost", 0.1)])
    far.latest_message["intent_ranking"] = [
        {"name": n, "confidence": 0.2} for n in ("faq", "greet", "thanks", "child_care")
    ]
    with aioresponses() as mocked:
        mocked.post(
            ANSWER, payload={**unknown, "related": [{"key": "help_cost", "question": "Moet ik betalen voor hulp?"}]}
        )
        mocked.post(ANSWER, payload={**unknown, "related": []})
        offered = run(tracker, domain)[0]
        nothing_near = run(far, domain)[0]
    assert offered["response"] == "utter_faq_unknown"
    assert offered["buttons"] == [
        {"title": "Moet ik betalen voor hulp?", "payload": "Moet ik betalen voor hulp?"},
        {"title": "Geld, eten of wonen", "payload": "/basic_needs"},
    ]
    # A topic below the first three of the ranking is too far-fetched to offer.
    assert nothing_near["buttons"] == []


def concern_tracker(text: str, asks_the_collection: bool) -> Tracker:
    """A message DIET took for child care, with the NLU's verdict on whether it is a question."""
    tracker = faq_tracker(text, [("urgent_childcare", 0.4), ("llko_what", 0.2)])
    tracker.latest_message["intent"] = {"name": "child_care", "confidence": 0.7}
    tracker.latest_message["collection_question"] = asks_the_collection
    return tracker


def run_concern_question(tracker: Tracker) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    action = ActionAnswerConcernQuestion(api=KnowledgeApi(SETTINGS))
    assert asyncio.run(action.run(dispatcher, tracker, {})) == []
    messages: list[dict[str, Any]] = dispatcher.messages
    return messages


def test_a_question_taken_for_a_concern_is_answered_before_the_triage() -> None:
    body = {"answered": True, "key": "urgent_childcare", "via": "search", "text": "...", "route": None, "related": []}
    with aioresponses() as mocked:
        mocked.post(ANSWER, payload=body)
        messages = run_concern_question(concern_tracker("waar vind ik nog opvang voor morgen", True))
        request = next(iter(mocked.requests.values()))[0].kwargs["json"]
    assert request["selector"][0] == {"key": "urgent_childcare", "confidence": 0.4}
    # The answer, then one line; no buttons, because the triage asks its own question next.
    assert [m["response"] for m in messages] == ["utter_faq/urgent_childcare", "utter_faq_then_triage"]
    assert all(not m["buttons"] for m in messages)


def test_a_concern_question_without_a_good_answer_leaves_it_to_the_triage() -> None:
    unknown: dict[str, Any] = {
        "answered": False,
        "key": None,
        "via": "none",
        "text": None,
        "route": None,
        "related": [],
    }
    with aioresponses() as mocked:
        mocked.post(ANSWER, payload=unknown)
        mocked.post(ANSWER, exception=ClientConnectionError())
        # No "weet ik niet" here: the triage still answers the concern.
        assert run_concern_question(concern_tracker("kan iemand mij helpen met opvang?", True)) == []
        assert run_concern_question(concern_tracker("waar vind ik nog opvang voor morgen", True)) == []


def test_a_situation_told_with_a_concern_does_not_ask_the_collection() -> None:
    told = concern_tracker("ik heb geen opvang voor maandag", False)
    unmarked = concern_tracker("waar vind ik nog opvang voor morgen", True)
    del unmarked.latest_message["collection_question"]  # a button payload skips the NLU
    with aioresponses() as mocked:
        assert run_concern_question(told) == []
        assert run_concern_question(unmarked) == []
        assert not mocked.requests
