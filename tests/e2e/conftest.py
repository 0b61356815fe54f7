"""Start the whole stack (action server, Rasa, API) once per test session, on free ports.

Uses the same launcher as `make run` (scripts/stack.py, honcho and the Procfile) with its own
databases in a temporary folder, so a running `make run` is not disturbed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from scripts.stack import MODEL_PATH, StackError, running_stack


@dataclass
class Stack:
    base_url: str
    log_file: Path

    def chat(self, message: str, session_id: str | None = None) -> tuple[str, list[str]]:
        body: dict[str, str] = {"message": message}
        if session_id:
            body["session_id"] = session_id
        response = httpx.post(f"{self.base_url}/api/chat", json=body, timeout=60)
        assert response.status_code == 200, response.text
        data = response.json()
        return data["session_id"], [m["text"] for m in data["messages"]]

    def logs(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL_PATH.exists():
        pytest.fail(f"no trained model at {MODEL_PATH}: run `make build` first (make test does)")
    started = time.monotonic()
    try:
        with running_stack(tmp_path_factory.mktemp("stack")) as running:
            print(f"\nstack started in {time.monotonic() - started:.0f} s", file=sys.stderr)
            yield Stack(running.api_url, running.log_file)
    except StackError as error:
        pytest.fail(str(error))
