"""Start the whole stack (action server, Rasa, API) once per test session, on free ports.

Uses the same launcher as `make run` (scripts/stack.py, honcho and the Procfile) with its own
databases in a temporary folder, so a running `make run` is not disturbed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from api.settings import PROJECT_ROOT
from scripts.stack import MODEL_PATH
from tests.app.conftest import migrate

STARTUP_TIMEOUT_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Stack:
    base_url: str
    log_file: Path
    tracker_store_url: str

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
    workdir = tmp_path_factory.mktemp("stack")
    database_url = f"sqlite:///{workdir / 'knowledge.db'}"
    migrate(database_url)
    api_port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        TRACKER_STORE_URL=f"sqlite:///{workdir / 'conversations.db'}",
        API_PORT=str(api_port),
        RASA_URL=f"http://127.0.0.1:{free_port()}",
        ACTION_SERVER_PORT=str(free_port()),
        STACK_READY_TIMEOUT=str(STARTUP_TIMEOUT_SECONDS),
    )
    env.pop("RASA_TOKEN", None)
    log_file = workdir / "stack.log"
    with log_file.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "scripts.stack"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stack = Stack(f"http://127.0.0.1:{api_port}", log_file, env["TRACKER_STORE_URL"])
    started = time.monotonic()
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"the stack exited with {process.returncode}:\n{stack.logs()[-4000:]}")
            if "All components healthy" in stack.logs():
                break
            if time.monotonic() - started > STARTUP_TIMEOUT_SECONDS + 30:
                pytest.fail(f"the stack did not become healthy:\n{stack.logs()[-4000:]}")
            time.sleep(1)
        print(f"\nstack started in {time.monotonic() - started:.0f} s", file=sys.stderr)
        yield stack
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
