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
