from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

FIXTURES = Path(__file__).parent / "fixtures"


def tracker_from_fixture(name: str) -> Tracker:
    state: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return Tracker(
        sender_id=state["sender_id"],
        slots=state["slots"],
        latest_message=state["latest_message"],
        events=state["events"],
        paused=state["paused"],
        followup_action=state["followup_action"],
        active_loop=state["active_loop"],
        latest_action_name=state["latest_action_name"],
    )


@pytest.fixture
def two_misunderstandings() -> Tracker:
    return tracker_from_fixture("two_misunderstandings.json")


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "...",
    intent: str = "inform_place",
    entities: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    active_loop: dict[str, Any] | None = None,
) -> Tracker:
    """A tracker at the moment an action runs: these slots, this latest message."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    return Tracker(
        "test-user", dict(slots or {}), latest, events or [], False, None, active_loop or {}, "action_listen"
    )
