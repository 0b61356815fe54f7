"""Start the whole stack (action server, Rasa, API) once per test session, on free ports.

Uses the same launcher as `make run` (scripts/stack.py, honcho and the Procfile) with its own
databases in a temporary folder, so a running `make run` is not disturbed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from scripts.stack import MODEL_PATH, StackError, running_stack
from tests.e2e.browser import browser  # noqa: F401  (the browser tests' Chromium, once per session)

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain"


@lru_cache(maxsize=1)
def domain_responses() -> dict[str, list[dict[str, Any]]]:
    responses: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(DOMAIN.glob("*.yml")):
        responses.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    return responses


def response_text(name: str) -> str:
    """The text of a domain response; of a conditional one, the variant without a condition."""
    text: str = next(v for v in domain_responses()[name] if not v.get("condition"))["text"]
    return text


# The stack answers "is it open now?" as if it were this moment: a Wednesday, 3 at night, so
# the night-time routes (a crisis where the crisis number is unknown) are tested every run.
NIGHT = "2026-11-25T03:00:00"


@dataclass
class Stack:
    base_url: str
    log_file: Path

    def send(self, message: str, session_id: str | None = None) -> dict[str, Any]:
        body: dict[str, str] = {"message": message}
        if session_id:
            body["session_id"] = session_id
        response = httpx.post(f"{self.base_url}/api/chat", json=body, timeout=60)
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()
        return data

    def chat(self, message: str, session_id: str | None = None) -> tuple[str, list[str]]:
        data = self.send(message, session_id)
        return data["session_id"], [m["text"] for m in data["messages"]]

    def logs(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL_PATH.exists():
        pytest.fail(f"no trained model at {MODEL_PATH}: run `make build` first (make test does)")
    started = time.monotonic()
    try:
        with running_stack(tmp_path_factory.mktemp("stack"), extra_env={"ROUTE_CLOCK": NIGHT}) as running:
            print(f"\nstack started in {time.monotonic() - started:.0f} s", file=sys.stderr)
            yield Stack(running.api_url, running.log_file)
    except StackError as error:
        pytest.fail(str(error))
